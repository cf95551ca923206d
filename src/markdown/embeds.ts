/**
 * Note transclusion: a line holding only `![[Note]]` or `![[Note#Kop]]` embeds that note
 * (or that heading's section) in the page, like Obsidian. Cycles (`A` embeds `B` embeds
 * `A`) are cut and reported. Image and file embeds are left to the wikilinks plugin.
 */
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import type { Note, Vault } from "../vault/index.ts";
import { asEnv, blockLine, newEnv } from "./env.ts";
import { hasExtension, parseWikilink, resolvePageLink } from "./wikilinks.ts";

export interface Options {
  vault?: Vault;
  diagnostics?: Diagnostics;
  /** Deepest nesting of embeds. Default 4. */
  maxDepth?: number;
}

const EMBED_LINE = /^!\[\[([^\]\n]+)\]\]\s*$/;

/** The Markdown of `note` from heading `id` up to the next heading of the same or a higher level. */
export function sectionOf(note: Note, id: string): { text: string; bodyLine: number } | undefined {
  const index = note.headings.findIndex((h) => h.id === id);
  if (index < 0) return undefined;
  const h = note.headings[index]!;
  const next = note.headings.slice(index + 1).find((x) => x.level <= h.level);
  const lines = note.body.split("\n");
  const from = h.line - note.bodyLine;
  const to = next ? next.line - note.bodyLine : lines.length;
  return { text: lines.slice(from, to).join("\n"), bodyLine: h.line };
}

export default function embedsPlugin(md: MarkdownIt, options: Options = {}): void {
  const maxDepth = options.maxDepth ?? 4;

  function rule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
    if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
    const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
    const m = EMBED_LINE.exec(line);
    if (!m) return false;
    const parts = parseWikilink(m[1]!);
    if (parts.target && hasExtension(parts.target)) return false;
    if (silent) return true;
    const token = state.push("note_embed", "div", 0);
    token.map = [startLine, startLine + 1];
    token.meta = { parts, raw: `![[${m[1]}]]` };
    state.line = startLine + 1;
    return true;
  }

  md.block.ruler.before("paragraph", "note_embed", rule, { alt: ["paragraph"] });

  md.renderer.rules.note_embed = (tokens, idx, _opts, rawEnv) => {
    const t = tokens[idx]!;
    const env = asEnv(rawEnv);
    const { parts, raw } = t.meta as { parts: ReturnType<typeof parseWikilink>; raw: string };
    const line = blockLine(env, t.map);
    const target = resolvePageLink(parts, raw, env, { line, column: 1 }, options);
    const esc = md.utils.escapeHtml;
    const note = target.note;
    if (!note || !target.href) {
      return `<p><span class="wikilink broken">${esc(raw)}</span></p>\n`;
    }
    const chain = [...env.stack, ...(env.note ? [env.note.rel] : [])];
    if (chain.includes(note.rel) || chain.length > maxDepth) {
      options.diagnostics?.add({ severity: "error", file: env.file, line, column: 1, rule: "embed-cycle", message: `${raw} embeds a page that is already being embedded (${[...chain, note.rel].join(" → ")})`, hint: "Remove one of the embeds, or link with [[...]] instead of ![[...]]." });
      return `<p><a class="wikilink" href="${esc(target.href)}">${esc(note.title)}</a></p>\n`;
    }
    env.links.push({ target: note, anchor: target.anchor, line, embed: true });
    const section = target.anchor ? sectionOf(note, target.anchor) : undefined;
    const child = newEnv({
      note,
      file: note.file,
      bodyLine: section?.bodyLine ?? note.bodyLine,
      data: { ...note.data, title: note.title },
      stack: chain,
      attachments: env.attachments,
    });
    const html = md.render(section?.text ?? note.body, child);
    return `<div class="transclusion">\n${html}<p class="transclusion-source">Uit: <a class="wikilink" href="${esc(target.href)}">${esc(note.title)}</a></p>\n</div>\n`;
  };
}
