/**
 * Raw HTML in lessons. Teachers write `<details>`, `<kbd>` and `<img eleventy:widths>`; that
 * stays. What could run a script in a student's browser goes, each with a warning
 * `unsafe-html` naming the file and line: scripts with their content, event handlers,
 * `javascript:` URLs, frames and the other elements listed in `sanitise.ts`.
 *
 * markdown-it hands raw HTML over as `html_block` tokens (which may hold only an opening tag,
 * closed by a later block) and `html_inline` tokens (one tag each), so each fragment is
 * sanitised on its own, tag by tag, without closing what it leaves open. An inline element
 * removed with its content (`<script>` … `</script>` in a paragraph) takes the tokens
 * between its tags with it. Runs before the image rewrite (images.ts) and on every
 * transcluded note (embeds.ts renders those with this same parser).
 *
 * A note without `<` costs one string search. `allowScripts` (the setting
 * `COURSE_ALLOW_HTML_SCRIPTS=1`) leaves raw HTML as written.
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { asEnv, blockLine } from "./env.ts";
import { sanitiseHtml, type Dropping } from "./sanitise.ts";

export interface Options {
  /** Where each removal is reported (`unsafe-html`). */
  diagnostics?: Diagnostics;
  /** Leave raw HTML as written, scripts included. Default `false`. */
  allowScripts?: boolean;
}

/** Number of line breaks in `s` before `end`. */
function linesBefore(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0 && i < end; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

export default function htmlPlugin(md: MarkdownIt, options: Options = {}): void {
  if (options.allowScripts) return;

  md.core.ruler.push("html_sanitise", (state) => {
    if (!state.src.includes("<")) return;
    const env = asEnv(state.env);
    /** Sanitises `content`, whose first line is `line`, and reports what went. */
    const clean = (content: string, line: number, dropping?: Dropping) => {
      const result = sanitiseHtml(content, dropping);
      for (const r of result.removed) {
        options.diagnostics?.report("warning", "unsafe-html", { file: env.file, line: line + linesBefore(content, r.offset) }, r);
      }
      return result;
    };
    const inline = (children: Token[], first: number): Token[] => {
      let line = first;
      let dropping: Dropping | undefined;
      const kept: Token[] = [];
      for (const child of children) {
        if (child.type === "html_inline") {
          const raw = child.content;
          const result = clean(raw, line, dropping);
          child.content = result.html;
          dropping = result.dropping;
          line += linesBefore(raw, raw.length);
          kept.push(child);
          continue;
        }
        if (child.type === "softbreak" || child.type === "hardbreak") line++;
        if (!dropping) kept.push(child);
      }
      return kept;
    };
    let line = env.bodyLine;
    for (const t of state.tokens) {
      if (t.map) line = blockLine(env, t.map);
      if (t.type === "html_block") t.content = clean(t.content, line).html;
      else if (t.type === "inline" && t.children?.some((c) => c.type === "html_inline")) t.children = inline(t.children, line);
    }
  });
}
