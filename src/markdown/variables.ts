/**
 * `{{ title }}` and other front-matter variables in lesson text. Replaces the template
 * engine Eleventy would run over Markdown: only text and raw-HTML tokens are touched, so
 * code spans and fenced blocks (Docker's `{{ .Names }}`) always come out verbatim. An
 * unknown variable stays visible and is reported with its line.
 */
import type MarkdownIt from "markdown-it";
import type { Diagnostics } from "../diagnostics/index.ts";
import { expandVariables } from "../vault/variables.ts";
import { asEnv, blockLine } from "./env.ts";

export interface Options {
  /** Where unknown variables and template tags are reported. */
  diagnostics?: Diagnostics;
}

const TAG = /\{%-?\s*(\w+)[^%]*-?%\}/;

export default function variablesPlugin(md: MarkdownIt, options: Options = {}): void {
  md.core.ruler.after("text_join", "variables", (state) => {
    const env = asEnv(state.env);
    const expand = (content: string, map: [number, number] | null, html: boolean): string => {
      const r = expandVariables(content, env.data, html ? md.utils.escapeHtml : undefined);
      for (const m of r.missing) {
        options.diagnostics?.report("error", "template-variable", { file: env.file, line: blockLine(env, map) }, { name: m.name });
      }
      const tag = TAG.exec(content);
      if (tag) options.diagnostics?.report("warning", "template-tag", { file: env.file, line: blockLine(env, map) }, { tag: tag[0] });
      return r.text;
    };
    let map: [number, number] | null = null;
    for (const t of state.tokens) {
      if (t.map) map = t.map;
      if (t.type === "html_block") t.content = expand(t.content, t.map, true);
      if (t.type !== "inline" || !t.children) continue;
      for (const child of t.children) {
        if (child.type === "text") child.content = expand(child.content, map, false);
        else if (child.type === "html_inline") child.content = expand(child.content, map, true);
      }
    }
  });
}
