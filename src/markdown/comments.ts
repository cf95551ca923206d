/**
 * Obsidian comments: `%%tekst%%` inline and `%%` … `%%` blocks are notes for the teacher
 * and never reach the page, as in Obsidian's reading view. Code is untouched: code spans and
 * fences are parsed before this rule sees the text. An unclosed block comment is reported.
 */
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { asEnv } from "./env.ts";

export interface Options {
  /** Where an unclosed `%%` block is reported. */
  diagnostics?: Diagnostics;
}

export default function commentsPlugin(md: MarkdownIt, options: Options = {}): void {
  function block(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
    const first = state.src.slice(start, state.eMarks[startLine]);
    if (!first.startsWith("%%")) return false;
    // A one-line comment `%% ... %%` or the opening line of a block.
    const rest = first.slice(2);
    let line = startLine;
    if (!rest.includes("%%")) {
      line++;
      for (; line < endLine; line++) {
        const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
        if (text.includes("%%")) break;
      }
      if (line >= endLine) {
        const env = asEnv(state.env);
        options.diagnostics?.report("warning", "unclosed-comment", { file: env.file, line: env.bodyLine + startLine, column: 1 }, {});
        line = endLine - 1;
      }
    } else if (!/%%\s*$/.test(rest)) {
      return false; // `%%x%% tekst`: an inline comment at the start of a paragraph
    }
    if (silent) return true;
    const token = state.push("obsidian_comment", "", 0);
    token.map = [startLine, line + 1];
    token.hidden = true;
    state.line = line + 1;
    return true;
  }

  function inline(state: StateInline, silent: boolean): boolean {
    const pos = state.pos;
    if (state.src.charCodeAt(pos) !== 0x25 || state.src.charCodeAt(pos + 1) !== 0x25) return false;
    const end = state.src.indexOf("%%", pos + 2);
    if (end < 0) return false;
    if (!silent) state.push("obsidian_comment", "", 0).hidden = true;
    state.pos = end + 2;
    return true;
  }

  md.block.ruler.before("paragraph", "obsidian_comment", block, { alt: ["paragraph"] });
  md.inline.ruler.before("emphasis", "obsidian_comment", inline);
  md.renderer.rules.obsidian_comment = () => "";
}
