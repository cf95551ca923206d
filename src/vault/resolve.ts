/**
 * Finding a note or an attachment by the name a link gives, with Obsidian's rules: relative
 * paths, vault paths, path suffixes, file names anywhere and aliases; exact spelling breaks a
 * tie, and a missing target gets a did-you-mean only when a message asks for it.
 */
import path from "node:path";
import type { Attachment, Heading, Note } from "./note.ts";
import { headingSlug, nameKey, NameMatcher } from "./slug.ts";

export type Resolution<T> =
  | { kind: "found"; target: T }
  | { kind: "ambiguous"; target: T; candidates: T[] }
  | { kind: "missing"; suggestion?: string };

/** The notes and attachments of a vault by path, name and alias, and the link resolution over them. */
export class LinkResolver {
  private byPath = new Map<string, Note[]>();
  private byName = new Map<string, Note[]>();
  private byAlias = new Map<string, Note[]>();
  private attByPath = new Map<string, Attachment>();
  private attByName = new Map<string, Attachment[]>();
  /** Did-you-mean over the note names and the attachment names; made at the first miss. */
  private noteNames: NameMatcher | undefined;
  private attachmentNames: NameMatcher | undefined;

  /** `notes` and `attachments`: every note and attachment of the vault, for the did-you-mean. */
  constructor(
    private readonly notes: readonly Note[],
    private readonly attachments: readonly Attachment[],
  ) {}

  addNote(note: Note): void {
    push(this.byPath, nameKey(note.rel.replace(/\.md$/i, "")), note);
    push(this.byName, nameKey(note.name), note);
    for (const alias of note.aliases) push(this.byAlias, nameKey(alias), note);
  }

  addAttachment(att: Attachment): void {
    this.attByPath.set(nameKey(att.rel), att);
    push(this.attByName, nameKey(att.name), att);
  }

  /**
   * Resolves a link target to a note like Obsidian does: a path relative to `from` (`./x`,
   * `../map/x`, `map/x`), the exact vault path, then a path suffix, then the file name anywhere
   * (case-insensitive, Unicode-normalised), then aliases. Of notes whose names differ only in
   * case or Unicode form, the one spelled exactly as the target wins; when none is, the target
   * is ambiguous. `from` breaks ties between notes of the same name: the one nearest to it wins.
   */
  resolveNote(target: string, from?: Note): Resolution<Note> {
    let clean = target.replace(/\\/g, "/").trim().replace(/\.md$/i, "");
    if (from && clean.includes("/") && !clean.startsWith("/")) {
      const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from.rel), clean));
      if (!joined.startsWith("../")) {
        const hit = pick(this.byPath.get(nameKey(joined)), joined, from);
        if (hit) return hit;
      }
    }
    clean = clean.replace(/^(?:\.{1,2}\/)+|^\//, "");
    const key = nameKey(clean);
    if (!key) return { kind: "missing" };
    const exact = pick(this.byPath.get(key), clean, from);
    if (exact) return exact;
    let candidates: Note[] = [];
    if (key.includes("/")) {
      // Notes with the last part as name whose path ends in the whole target: no scan of every note.
      const named = this.byName.get(key.slice(key.lastIndexOf("/") + 1)) ?? [];
      candidates = named.filter((n) => nameKey(n.rel.replace(/\.md$/i, "")).endsWith("/" + key));
    } else {
      candidates = this.byName.get(key) ?? [];
      if (candidates.length === 0) candidates = this.byAlias.get(key) ?? [];
    }
    const wanted = clean.split("/").pop() ?? clean;
    const hit = pick(candidates, wanted, from);
    if (hit) return hit;
    return missing(() => (this.noteNames ??= new NameMatcher(this.notes.map((n) => n.name))).closest(wanted));
  }

  /** Resolves an attachment (image, PDF, ...) by vault path, path relative to `from`, or file name anywhere. */
  resolveAttachment(target: string, from?: Note): Resolution<Attachment> {
    let clean = target.replace(/\\/g, "/").trim();
    try {
      clean = decodeURIComponent(clean);
    } catch {
      /* keep as written */
    }
    clean = clean.replace(/^\.\//, "");
    if (clean.startsWith("/")) {
      const hit = this.attByPath.get(nameKey(clean.slice(1)));
      if (hit) return { kind: "found", target: hit };
    } else {
      if (from) {
        const relTo = path.posix.normalize(path.posix.join(path.posix.dirname(from.rel), clean));
        const hit = this.attByPath.get(nameKey(relTo));
        if (hit) return { kind: "found", target: hit };
      }
      const hit = this.attByPath.get(nameKey(clean));
      if (hit) return { kind: "found", target: hit };
    }
    const byName = this.attByName.get(nameKey(path.posix.basename(clean))) ?? [];
    if (byName.length === 1) return { kind: "found", target: byName[0]! };
    if (byName.length > 1) {
      const local = byName.filter((a) => !a.shared);
      return { kind: "ambiguous", target: local[0] ?? byName[0]!, candidates: byName };
    }
    const wanted = path.posix.basename(clean);
    return missing(() => (this.attachmentNames ??= new NameMatcher(this.attachments.map((a) => a.name))).closest(wanted));
  }

  /** Notes that share a name with another note (Obsidian would pick one silently). */
  duplicateNames(): Note[][] {
    return [...this.byName.values()].filter((list) => list.length > 1);
  }

  /** The heading of `note` that `[[note#fragment]]` points at; Obsidian's nested `#A#B` uses the last part. */
  findHeading(note: Note, fragment: string): Heading | undefined {
    const last = fragment.split("#").filter(Boolean).pop() ?? "";
    const slug = headingSlug(last);
    return note.headings.find((h) => h.slug === slug) ?? note.headings.find((h) => h.id === slug);
  }
}

/** A missing target whose did-you-mean is only looked for when a message asks for it. */
function missing<T>(suggest: () => string | undefined): Resolution<T> {
  let done = false;
  let suggestion: string | undefined;
  return {
    kind: "missing",
    get suggestion() {
      if (!done) {
        suggestion = suggest();
        done = true;
      }
      return suggestion;
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One note of `candidates` for a target written as `written`: the only one; else the only one
 * whose path or name ends in exactly `written` (as typed, then Unicode-normalised); else
 * ambiguous between those that are left.
 */
function pick(candidates: Note[] | undefined, written: string, from?: Note): Resolution<Note> | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  if (candidates.length === 1) return { kind: "found", target: candidates[0]! };
  const spelled = (n: Note, norm: (s: string) => string) => {
    const full = norm(n.rel.replace(/\.md$/i, ""));
    const w = norm(written);
    return full === w || full.endsWith("/" + w) || (!w.includes("/") && n.aliases.some((a) => norm(a) === w));
  };
  let left = candidates;
  for (const norm of [(s: string) => s, (s: string) => s.normalize("NFC")]) {
    const same = candidates.filter((n) => spelled(n, norm));
    if (same.length === 1) return { kind: "found", target: same[0]! };
    if (same.length > 1) {
      left = same;
      break;
    }
  }
  return { kind: "ambiguous", target: nearest(left, from), candidates: left };
}

function nearest(candidates: Note[], from?: Note): Note {
  if (!from) return candidates[0]!;
  const shared = (n: Note) => {
    let i = 0;
    while (i < n.folders.length && i < from.folders.length && n.folders[i] === from.folders[i]) i++;
    return i * 100 - n.folders.length;
  };
  return [...candidates].sort((a, b) => shared(b) - shared(a))[0]!;
}
