/**
 * Note transclusion: a line holding only `![[Note]]` or `![[Note#Kop]]` embeds that note
 * (or that heading's section) in the page, like Obsidian. Cycles (`A` embeds `B` embeds
 * `A`) are cut and reported. Image and file embeds are left to the wikilinks plugin.
 *
 * A page stays bounded however its notes embed each other (four notes that each embed the
 * next twenty times would be 20^4 renders): embeds nest at most `MAX_DEPTH` deep, and one
 * page shows at most `MAX_EMBEDS` transclusions and about `MAX_SIZE` characters of transcluded
 * HTML. An embed past a limit is reported and shown as a link to the note. Within one page
 * the same note or section, embedded again from the same place in the chain, is rendered once.
 */
import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { t } from "../site/strings.ts";
import type { Note, Vault } from "../vault/index.ts";
import { asEnv, blockLine, newEnv } from "./env.ts";
import { attachmentExtension, parseWikilink, resolvePageLink } from "./wikilinks.ts";

export interface Options {
  vault?: Vault;
  diagnostics?: Diagnostics;
}

/** Deepest nesting of embeds. */
const MAX_DEPTH = 4;
/** Most transclusions shown in one page, nested ones included. */
const MAX_EMBEDS = 50;
/** Most characters of transcluded HTML in one page (checked before each embed: a new one may go over by its own size). */
const MAX_SIZE = 1_000_000;

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
  function rule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
    if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
    const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
    const m = EMBED_LINE.exec(line);
    if (!m) return false;
    const parts = parseWikilink(m[1]!);
    if (parts.target && attachmentExtension(parts.target, asEnv(state.env), options.vault)) return false;
    if (silent) return true;
    const token = state.push("note_embed", "div", 0);
    token.map = [startLine, startLine + 1];
    token.meta = { parts, raw: `![[${m[1]}]]` };
    state.line = startLine + 1;
    return true;
  }

  md.block.ruler.before("paragraph", "note_embed", rule, { alt: ["paragraph"] });

  md.renderer.rules.note_embed = (tokens, idx, _opts, rawEnv) => {
    const token = tokens[idx]!;
    const env = asEnv(rawEnv);
    const { parts, raw } = token.meta as { parts: ReturnType<typeof parseWikilink>; raw: string };
    const line = blockLine(env, token.map);
    const target = resolvePageLink(parts, raw, env, { line, column: 1 }, options);
    const esc = md.utils.escapeHtml;
    const note = target.note;
    if (!note || !target.href) {
      return `<p><span class="wikilink broken">${esc(raw)}</span></p>\n`;
    }
    const chain = [...env.stack, ...(env.note ? [env.note.rel] : [])];
    const path = [...chain, note.rel].join(" → ");
    const asLink = `<p><a class="wikilink" href="${esc(target.href)}">${esc(note.title)}</a></p>\n`;
    const at = { file: env.file, line, column: 1 };
    if (chain.includes(note.rel)) {
      options.diagnostics?.report("error", "embed-cycle", at, { raw, path });
      return asLink;
    }
    if (chain.length > MAX_DEPTH) {
      options.diagnostics?.report("error", "embed-depth", at, { raw, depth: chain.length, path, max: MAX_DEPTH });
      return asLink;
    }
    env.links.push({ target: note, anchor: target.anchor, line, embed: true });
    const state = (env.transclusion ??= { count: 0, size: 0, full: false, rendered: new Map() });
    const key = `${chain.join("\n")}\n${note.rel}#${target.anchor ?? ""}`;
    const again = state.rendered.get(key);
    const tooBig = again ? state.size + again.html.length > MAX_SIZE : state.size >= MAX_SIZE;
    if (state.count + (again?.count ?? 1) > MAX_EMBEDS || tooBig) {
      if (!state.full) {
        state.full = true;
        const top = chain[0] ?? env.file;
        options.diagnostics?.report("error", "embed-limit", at, { raw, top, count: state.count, size: state.size, maxEmbeds: MAX_EMBEDS, maxSize: MAX_SIZE });
      }
      return asLink;
    }
    if (again) {
      state.count += again.count;
      state.size += again.html.length;
      return again.html;
    }
    const count = state.count++;
    const size = state.size;
    const section = target.anchor ? sectionOf(note, target.anchor) : undefined;
    const child = newEnv({
      note,
      file: note.file,
      bodyLine: section?.bodyLine ?? note.bodyLine,
      data: { ...note.data, title: note.title },
      stack: chain,
      attachments: env.attachments,
      transclusion: state,
    });
    const body = md.render(section?.text ?? note.body, child);
    const html = `<div class="transclusion">\n${body}<p class="transclusion-source">${esc(t.transclusion.source)} <a class="wikilink" href="${esc(target.href)}">${esc(note.title)}</a></p>\n</div>\n`;
    // Everything inside this transclusion counts once, as part of its HTML.
    state.size = size + html.length;
    state.rendered.set(key, { html, count: state.count - count });
    return html;
  };
}
