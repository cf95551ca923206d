/**
 * What a note refers to, by name, read straight from its Markdown without rendering it: the
 * targets of wikilinks and embeds, Markdown links and images, and HTML `src`/`href`. Each is
 * reduced to a name key (last path segment, `.md` dropped, compared like Obsidian compares
 * names), so an incremental build can find every note that may render differently when a
 * note or attachment of that name appears, changes or goes away. It may name more than the
 * render resolves (a link inside code), never less. Pure, no I/O.
 */
import { nameKey } from "./slug.ts";

export interface NoteRefs {
  /** Keys of every target the note links to or embeds. */
  links: Set<string>;
  /** Keys of the targets it transcludes (`![[...]]`), whose text becomes part of its page. */
  embeds: Set<string>;
}

const WIKILINK = /(!?)\[\[([^\]\n]+?)\]\]/g;
const MARKDOWN_LINK = /\]\(\s*(?:<([^>\n]+)>|([^)<\n]+))/g;
const HTML_URL = /\b(?:src|href)\s*=\s*["']([^"']+)["']/gi;

/** The key a target is found by: `map/Les 4.md#Kop` -> `les 4`, `schema.png` -> `schema.png`. */
export function refKey(target: string): string {
  let t = target.replace(/\\\|.*$|\|.*$/, "").replace(/#.*$/, "").replace(/[?].*$/, "").trim();
  try {
    t = decodeURIComponent(t);
  } catch {
    /* keep as written */
  }
  const last = t.replace(/\\/g, "/").split("/").pop() ?? "";
  return nameKey(last.replace(/\.md$/i, ""));
}

export function noteRefs(body: string): NoteRefs {
  const links = new Set<string>();
  const embeds = new Set<string>();
  for (const m of body.matchAll(WIKILINK)) {
    const key = refKey(m[2]!);
    if (!key) continue;
    links.add(key);
    if (m[1]) embeds.add(key);
  }
  for (const m of body.matchAll(MARKDOWN_LINK)) {
    // `(<Les 4.md>)`, `(Les%204.md "titel")` or Obsidian's `(Les 4.md#Kop)`.
    const key = refKey(m[1] ?? m[2]!.trim().replace(/\s+["'(][^]*$/, ""));
    if (key) links.add(key);
  }
  for (const m of body.matchAll(HTML_URL)) {
    const key = refKey(m[1]!);
    if (key) links.add(key);
  }
  return { links, embeds };
}

/** The keys other notes reach a note by: its name and its aliases. */
export function ownKeys(note: { name: string; aliases: string[] }): string[] {
  return [nameKey(note.name), ...note.aliases.map(nameKey)].filter(Boolean);
}
