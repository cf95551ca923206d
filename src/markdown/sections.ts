/**
 * `::: section` blocks (Eleventy dialect) via markdown-it-container, rendered as a
 * semantic `<section class="section">`. Extra words become classes: `::: section intro`
 * gives `class="section intro"`. Nest by making the outer fence longer (`:::: section`).
 * A block that is never closed is reported: markdown-it-container silently runs it to
 * the end of the document.
 */
import type MarkdownIt from "markdown-it";
import type { PluginWithParams } from "markdown-it";
import containerImport from "markdown-it-container";
import type { Diagnostics } from "../diagnostics/index.ts";
import { asEnv, blockLine } from "./env.ts";

// The package ships CommonJS types whose MarkdownIt differs nominally from the ESM one.
const container = containerImport as unknown as PluginWithParams;

export interface Options {
  /** Where unclosed blocks are reported. */
  diagnostics?: Diagnostics;
}

export default function sectionsPlugin(md: MarkdownIt, options: Options = {}): void {
  // The container's name, its class and the element it becomes.
  const name = "section";
  const tag = "section";
  const esc = md.utils.escapeHtml;
  const validate = (params: string) => new RegExp(`^${name}(\\s|$)`).test(params.trim());
  md.use(container, name, {
    validate,
    render(tokens: Array<{ nesting: number; info: string }>, idx: number) {
      const t = tokens[idx]!;
      if (t.nesting !== 1) return `</${tag}>\n`;
      const extra = t.info.trim().split(/\s+/).slice(1).filter((c) => /^[\w-]+$/.test(c));
      return `<${tag} class="${esc([name, ...extra].join(" "))}">\n`;
    },
  });

  md.core.ruler.after("block", `${name}_unclosed`, (state) => {
    const env = asEnv(state.env);
    const lines = state.src.split("\n");
    for (const t of state.tokens) {
      if (t.type !== `container_${name}_open` || !t.map) continue;
      const closing = (lines[t.map[1]] ?? "").replace(/^[\s>]*/, "");
      if (!/^:{3,}\s*$/.test(closing)) {
        options.diagnostics?.report("error", "unclosed-container", { file: env.file, line: blockLine(env, t.map), column: 1 }, { markup: t.markup, name });
      }
    }
  });
}
