/**
 * A note prepared for the content rules: its source lines, which lines are code, its code
 * blocks and its markdown-it tokens (from the render, or from a parse for drafts), plus the
 * inline-code helpers the line-based rules share.
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { newEnv, type RenderedNote } from "../markdown/index.ts";
import type { Attachment, Note } from "../vault/index.ts";

/** Word in a fence's info string that switches the code rules off for that block. */
export const NOCHECK = "nocheck";

/** One fenced or indented code block of a note. */
export interface CodeBlock {
  /** Language as written after the fence, lowercased (`dockerfile`), or empty. */
  lang: string;
  /** True when the info string holds `nocheck`. */
  nocheck: boolean;
  content: string;
  /** 1-based file line of the first content line. */
  firstLine: number;
}

/** A note prepared for the rules: its lines, which lines are code, its code blocks and tokens. */
export interface ScannedNote {
  note: Note;
  /** Source lines (byte-order mark removed, line endings stripped). */
  lines: string[];
  /** `code[i]`: file line `i + 1` belongs to a fenced or indented code block. */
  code: boolean[];
  blocks: CodeBlock[];
  tokens: Token[];
  /** Attachments the render (or parse) of the note resolved: images and file links. */
  attachments: Set<Attachment>;
}

/** Parses a note that was not rendered (a draft): tokens plus the attachments the parse resolved. */
export function parseNote(md: MarkdownIt, note: Note): Pick<RenderedNote, "tokens" | "env"> {
  const env = newEnv({ note, file: note.file, bodyLine: note.bodyLine, data: { ...note.data, title: note.title } });
  return { tokens: md.parse(note.body, env), env };
}

export function scanNote(note: Note, parsed: Pick<RenderedNote, "tokens" | "env">): ScannedNote {
  const lines = note.source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const code = lines.map(() => false);
  const blocks: CodeBlock[] = [];
  const { env, tokens } = parsed;
  for (const t of tokens) {
    if ((t.type !== "fence" && t.type !== "code_block") || !t.map) continue;
    const start = note.bodyLine - 1 + t.map[0];
    for (let i = start; i < note.bodyLine - 1 + t.map[1] && i < code.length; i++) code[i] = true;
    const words = t.type === "fence" ? t.info.trim().toLowerCase().split(/\s+/) : [];
    blocks.push({ lang: words[0] ?? "", nocheck: words.includes(NOCHECK), content: t.content, firstLine: start + 1 + (t.type === "fence" ? 1 : 0) });
  }
  return { note, lines, code, blocks, tokens, attachments: env.attachments };
}

/** Inline code spans of one line, as [start, end) column ranges (0-based). */
export function inlineCodeSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!line.includes("`")) return spans;
  const re = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  for (const m of line.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The line with its inline code spans blanked out (columns are kept). */
export function withoutInlineCode(line: string): string {
  if (!line.includes("`")) return line;
  let out = line;
  for (const [a, b] of inlineCodeSpans(line)) out = out.slice(0, a) + " ".repeat(b - a) + out.slice(b);
  return out;
}
