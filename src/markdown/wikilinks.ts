/**
 * Obsidian wikilinks as markdown-it tokens: `[[Page]]`, `[[Page|tekst]]`, `[[Page#Kop]]`,
 * `[[Page#Kop|tekst]]`, `[[#Kop]]`, `[[Page\|tekst]]` (tables) and inline embeds
 * `![[diagram.png|400]]` (a `wikilink_image` token, drawn by images.ts). Targets are resolved
 * through the vault index; a broken target becomes a visible non-link plus a diagnostic. Code
 * spans never reach this rule.
 */
import type MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { t } from "../site/strings.ts";
import { headingSlug, NameMatcher } from "../vault/slug.ts";
import { IMAGE_EXTENSIONS, type Attachment, type Note, type Vault } from "../vault/index.ts";
import { asEnv, inlinePosition, type RenderEnv } from "./env.ts";

export interface Options {
  /** Vault that targets are resolved against. Without one, every page link is reported as broken. */
  vault?: Vault;
  /** Where problems are reported. Without one, problems are only visible in the HTML. */
  diagnostics?: Diagnostics;
}

/** Class of a resolved link. */
const LINK_CLASS = "wikilink";
/** Class of an unresolved link, rendered as a `<span>`. */
const BROKEN_CLASS = "wikilink broken";

/** The parts of `[[target#heading|alias]]`. */
export interface WikilinkParts {
  target: string;
  heading?: string;
  alias?: string;
}

/** Splits the inside of `[[...]]`; `\|` (escaped for tables) separates like `|`. */
export function parseWikilink(inner: string): WikilinkParts {
  const m = /\\?\|/.exec(inner);
  const ref = (m ? inner.slice(0, m.index) : inner).trim();
  const alias = m ? inner.slice(m.index + m[0].length).trim() : undefined;
  const hash = ref.indexOf("#");
  const target = (hash >= 0 ? ref.slice(0, hash) : ref).trim();
  const heading = hash >= 0 ? ref.slice(hash + 1).trim() : undefined;
  return { target, heading: heading || undefined, alias: alias || undefined };
}

/** Text Obsidian shows for a link without alias: `Page`, `Page > Kop`, or `Kop`. */
export function defaultLabel(parts: WikilinkParts): string {
  const heading = parts.heading?.split("#").filter(Boolean).join(" > ");
  if (!parts.target) return heading ?? "";
  return heading ? `${parts.target} > ${heading}` : parts.target;
}

export function hasExtension(target: string): string | undefined {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(target);
  if (!m || m[1]!.toLowerCase() === "md") return undefined;
  return "." + m[1]!.toLowerCase();
}

/**
 * The extension of a target that names an attachment. A name with a dot names a note when a
 * note of that name exists (`Node.js`, `Versie 1.2`, `foo..bar`), like in Obsidian; only
 * otherwise a file.
 */
export function attachmentExtension(target: string, env: RenderEnv, vault: Vault | undefined): string | undefined {
  const ext = hasExtension(target);
  if (!ext || !vault) return ext;
  return vault.resolveNote(target, env.note).kind === "missing" ? ext : undefined;
}

/** Splits the `|` parts of an image embed into alt text and a size (`400` or `400x300`). */
export function imageOptions(alias: string | undefined): { alt?: string; width?: number; height?: number } {
  if (!alias) return {};
  const result: { alt?: string; width?: number; height?: number } = {};
  const alt: string[] = [];
  for (const part of alias.split("|").map((s) => s.trim())) {
    const size = /^(\d+)(?:x(\d+))?$/.exec(part);
    if (size) {
      result.width = Number(size[1]);
      if (size[2]) result.height = Number(size[2]);
    } else if (part) alt.push(part);
  }
  if (alt.length) result.alt = alt.join(" | ");
  return result;
}

export interface LinkTarget {
  href?: string;
  note?: Note;
  anchor?: string;
}

/**
 * Resolves a page link for the note in `env` and reports problems; shared by inline links and
 * transclusions so both say the same things about the same mistakes.
 */
export function resolvePageLink(parts: WikilinkParts, raw: string, env: RenderEnv, at: { line: number; column: number }, ctx: Options, what = "wikilink"): LinkTarget {
  const where = { file: env.file, line: at.line, column: at.column };
  let note: Note | undefined;
  if (!parts.target) {
    note = env.note;
    if (!note) return { href: parts.heading ? `#${headingSlug(parts.heading)}` : undefined };
  } else if (!ctx.vault) {
    ctx.diagnostics?.report("error", "broken-wikilink", where, { what, raw, target: parts.target });
    return {};
  } else {
    const res = ctx.vault.resolveNote(parts.target, env.note);
    if (res.kind === "missing") {
      ctx.diagnostics?.report("error", "broken-wikilink", where, { what, raw, target: parts.target, suggestion: res.suggestion });
      return {};
    }
    note = res.target;
    if (res.kind === "ambiguous") {
      const names = res.candidates.map((n) => n.file).join(" en ");
      ctx.diagnostics?.report("warning", "ambiguous-wikilink", where, { what, raw, count: res.candidates.length, names, chosen: note.file, path: note.rel.replace(/\.md$/i, "") });
    }
    if (note.unpublished) {
      ctx.diagnostics?.report("info", "link-to-draft", where, { what, raw, why: note.unpublished });
      return { note };
    }
  }
  let anchor: string | undefined;
  if (parts.heading) {
    if (parts.heading.startsWith("^")) {
      anchor = undefined; // block reference: link to the page
    } else {
      const h = ctx.vault ? ctx.vault.findHeading(note, parts.heading) : undefined;
      if (!h) {
        const guess = headingNames(note).closest(parts.heading);
        ctx.diagnostics?.report("error", "broken-anchor", where, { what, raw, page: note.name, heading: parts.heading, guess, headings: note.headings.slice(0, 6).map((x) => x.text) });
        return { note };
      }
      anchor = h.id;
    }
  }
  const href = note === env.note && anchor ? `#${anchor}` : note.url + (anchor ? `#${anchor}` : "");
  return { href, note, anchor };
}

/** Per inline parse and searched string: the last search, from where and what it found. */
const searches = new WeakMap<StateInline, Map<string, { from: number; at: number }>>();

/**
 * `state.src.indexOf(needle, from)`, reusing the last search for the same needle when it
 * started no later and found nothing before `from`: many `[[` without a close, or a long line
 * with many links, cost one scan instead of one per link.
 */
function nextIndexOf(state: StateInline, needle: string, from: number): number {
  let mine = searches.get(state);
  if (!mine) searches.set(state, (mine = new Map()));
  const last = mine.get(needle);
  if (last && last.from <= from && (last.at < 0 || last.at >= from)) return last.at;
  const at = state.src.indexOf(needle, from);
  mine.set(needle, { from, at });
  return at;
}

/** Did-you-mean over each note's headings, made at its first broken anchor (a note's headings never change). */
const headingMatchers = new WeakMap<Note, NameMatcher>();

function headingNames(note: Note): NameMatcher {
  let m = headingMatchers.get(note);
  if (!m) headingMatchers.set(note, (m = new NameMatcher(note.headings.map((x) => x.text))));
  return m;
}

export default function wikilinksPlugin(md: MarkdownIt, options: Options = {}): void {

  function rule(state: StateInline, silent: boolean): boolean {
    const start = state.pos;
    const embed = state.src.charCodeAt(start) === 0x21; /* ! */
    const open = embed ? start + 1 : start;
    if (state.src.charCodeAt(open) !== 0x5b || state.src.charCodeAt(open + 1) !== 0x5b) return false;
    const close = nextIndexOf(state, "]]", open + 2);
    if (close < 0) return false;
    // One line, no second [[ before the close.
    const nl = nextIndexOf(state, "\n", open + 2);
    const again = nextIndexOf(state, "[[", open + 2);
    if ((nl >= 0 && nl < close) || (again >= 0 && again < close)) return false;
    const inner = state.src.slice(open + 2, close);
    if (!inner.trim()) return false;
    if (silent) {
      // Skipped over (inside a link label): a rule that matches must move past what it matched.
      state.pos = close + 2;
      return true;
    }

    const env = asEnv(state.env);
    const raw = state.src.slice(start, close + 2);
    const at = inlinePosition(state, start);
    const parts = parseWikilink(inner);
    const ext = parts.target ? attachmentExtension(parts.target, env, options.vault) : undefined;

    if (ext) {
      emitAttachment(state, parts, raw, ext, embed, env, at);
    } else {
      const target = resolvePageLink(parts, raw, env, at, options);
      if (target.note && target.note !== env.note) env.links.push({ target: target.note, anchor: target.anchor, line: at.line, embed });
      const label = parts.alias ?? defaultLabel(parts);
      if (target.href) {
        const t = state.push("wikilink_open", "a", 1);
        t.attrs = [
          ["href", target.href],
          ["class", LINK_CLASS],
        ];
        t.meta = { target: target.note?.rel, anchor: target.anchor };
      } else {
        const span = state.push("wikilink_open", "span", 1);
        const draft = target.note?.unpublished;
        span.attrs = [["class", draft ? "wikilink draft" : BROKEN_CLASS]];
        if (!draft) span.attrs.push(["title", target.note ? t.links.missingHeading : t.links.missingPage]);
      }
      const text = state.push("text", "", 0);
      text.content = label;
      state.push("wikilink_close", target.href ? "a" : "span", -1);
    }
    state.pos = close + 2;
    return true;
  }

  function emitAttachment(state: StateInline, parts: WikilinkParts, raw: string, ext: string, embed: boolean, env: RenderEnv, at: { line: number; column: number }): void {
    const res = options.vault?.resolveAttachment(parts.target, env.note);
    let att: Attachment | undefined;
    if (!res || res.kind === "missing") {
      options.diagnostics?.report("error", "missing-attachment", { file: env.file, ...at }, { raw, link: false, suggestion: res?.suggestion });
    } else {
      att = res.target;
      env.attachments.add(att);
    }
    const isImage = IMAGE_EXTENSIONS.has(ext);
    if (embed && isImage) {
      const t = state.push("wikilink_image", "img", 0);
      const o = imageOptions(parts.alias);
      t.meta = { attachment: att, target: parts.target, ...o, line: at.line, column: at.column };
      if (!o.alt) {
        options.diagnostics?.report("warning", "image-alt", { file: env.file, ...at }, { src: raw, wikilink: parts.target });
      }
      return;
    }
    const label = parts.alias ? imageOptions(parts.alias).alt ?? parts.target : parts.target;
    if (att) {
      const t = state.push("wikilink_open", "a", 1);
      t.attrs = [
        ["href", att.url],
        ["class", "wikilink attachment"],
      ];
      t.meta = { attachment: att };
    } else {
      const t = state.push("wikilink_open", "span", 1);
      t.attrs = [["class", BROKEN_CLASS]];
    }
    state.push("text", "", 0).content = label;
    state.push("wikilink_close", att ? "a" : "span", -1);
  }

  md.inline.ruler.before("link", "wikilink", rule);
}
