/**
 * Tabs, for steps that differ per operating system (or per anything else), via
 * markdown-it-container. The outer fence is longer than the fences of the tabs inside it, as
 * with nested `::: section` blocks:
 *
 *     :::: tabs
 *     ::: tab Windows
 *     Open PowerShell ...
 *     :::
 *     ::: tab macOS
 *     ...
 *     :::
 *     ::::
 *
 * The server renders every tab as a panel that starts with its label as a heading, one level
 * below the heading before the block, so the page reads well without JavaScript (and in
 * Obsidian, where the fences are plain lines around each part). The label headings get no
 * id: they are not in the table of contents, and the vault index does not know them.
 * `src/client/_tabs.ts` turns each block into an ARIA tab list.
 *
 *     <div class="tabs" data-tabs>
 *     <div class="tab-panel">
 *     <h3 class="tab-label">Windows</h3>
 *     ...
 *     </div>
 *     </div>
 *
 * Reported, with file and line: a tab without a label (`tab-label-missing`, shown as
 * "Tabblad 2"), a tab outside a tabs block, text in a tabs block outside its tabs and a tabs
 * block without tabs (`tabs-structure`), and a block that is never closed (`unclosed-container`).
 */
import type MarkdownIt from "markdown-it";
import type { PluginWithParams } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import containerImport from "markdown-it-container";
import type { Diagnostics } from "../diagnostics/index.ts";
import { t } from "../site/strings.ts";
import { asEnv, blockLine } from "./env.ts";

// The package ships CommonJS types whose MarkdownIt differs nominally from the ESM one.
const container = containerImport as unknown as PluginWithParams;

export interface Options {
  /** Where structure problems are reported. */
  diagnostics?: Diagnostics;
}

/** What the structure rule leaves on a `::: tab` token for the renderer. */
interface TabMeta {
  label: string;
  /** Heading level of the label, 2–6. */
  level: number;
}

export default function tabsPlugin(md: MarkdownIt, options: Options = {}): void {
  const esc = md.utils.escapeHtml;

  md.use(container, "tabs", {
    validate: (params: string) => /^tabs(\s|$)/.test(params.trim()),
    render: (tokens: Token[], idx: number) => (tokens[idx]!.nesting === 1 ? `<div class="tabs" data-tabs>\n` : `</div>\n`),
  });
  md.use(container, "tab", {
    validate: (params: string) => /^tab(\s|$)/.test(params.trim()),
    render(tokens: Token[], idx: number) {
      const tok = tokens[idx]!;
      if (tok.nesting !== 1) return `</div>\n`;
      const meta = (tok.meta as TabMeta | null) ?? { label: labelOf(tok) || t.tabs.untitled(1), level: 3 };
      return `<div class="tab-panel">\n<h${meta.level} class="tab-label">${esc(meta.label)}</h${meta.level}>\n`;
    },
  });

  md.core.ruler.after("block", "tabs_structure", (state) => {
    const env = asEnv(state.env);
    const lines = state.src.split("\n");
    const at = (tok: Token) => ({ file: env.file, line: blockLine(env, tok.map), column: 1 });
    /** The tabs blocks around the current token, innermost last. */
    const open: Array<{ tok: Token; level: number; tabs: number; stray: boolean }> = [];
    let lastHeading = 1;
    for (const tok of state.tokens) {
      const group = open.at(-1);
      if (tok.type === "heading_open") lastHeading = Number(tok.tag.slice(1));
      if (tok.type === "container_tabs_open") {
        reportUnclosed(tok, "tabs", lines, at(tok), options.diagnostics);
        open.push({ tok, level: Math.min(lastHeading + 1, 6), tabs: 0, stray: false });
      } else if (tok.type === "container_tabs_close") {
        const done = open.pop();
        if (done && !done.tabs) options.diagnostics?.report("error", "tabs-structure", at(done.tok), { problem: "empty", markup: done.tok.markup });
      } else if (tok.type === "container_tab_open") {
        reportUnclosed(tok, "tab", lines, at(tok), options.diagnostics);
        const inGroup = group && tok.level === group.tok.level + 1 ? group : undefined;
        let label = labelOf(tok);
        if (!inGroup) options.diagnostics?.report("error", "tabs-structure", at(tok), { problem: "outside", markup: tok.markup, label });
        const n = inGroup ? ++inGroup.tabs : 1;
        if (!label) {
          label = t.tabs.untitled(n);
          options.diagnostics?.report("warning", "tab-label-missing", at(tok), { markup: tok.markup, label });
        }
        tok.meta = { label, level: inGroup?.level ?? Math.min(lastHeading + 1, 6) } satisfies TabMeta;
      } else if (group && !group.stray && tok.level === group.tok.level + 1 && tok.nesting !== -1 && tok.type !== "container_tab_close") {
        group.stray = true;
        options.diagnostics?.report("error", "tabs-structure", at(tok), { problem: "stray", markup: group.tok.markup });
      }
    }
  });
}

/** The label after `tab`: `::: tab macOS (Apple silicon)` gives `macOS (Apple silicon)`. */
function labelOf(tok: Token): string {
  return tok.info.trim().replace(/^tab\b/, "").trim();
}

/** markdown-it-container runs a block that is never closed to the end of the document (or of its parent) without a word. */
function reportUnclosed(tok: Token, name: string, lines: string[], where: { file: string; line: number; column: number }, diagnostics: Diagnostics | undefined): void {
  if (!tok.map) return;
  const closing = (lines[tok.map[1]] ?? "").replace(/^[\s>]*/, "");
  if (!/^:{3,}\s*$/.test(closing)) diagnostics?.report("error", "unclosed-container", where, { markup: tok.markup, name });
}
