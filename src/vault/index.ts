/**
 * The vault index: the content folder read ONCE into notes and attachments, with
 * Obsidian's rules for resolving a link target. Plain TypeScript: no Eleventy, no
 * rendering. The build, the content check and the tests all use this one index.
 */
import { lstatSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { dateValue, splitFrontMatter, stringList, tagList, unpublishedReason, type FrontMatterProblem } from "./frontmatter.ts";
import { decodeNote, type NoteEncoding } from "./encoding.ts";
import { headingSlug, nameKey, NameMatcher, slugify, SlugCounter } from "./slug.ts";
import { expandVariables } from "./variables.ts";

export interface Heading {
  level: number;
  /** Heading text as written (Markdown source, variables expanded). */
  text: string;
  /** Id before de-duplication: what `[[Page#Kop]]` is compared with. */
  slug: string;
  /** Final, unique id of the heading on its page. */
  id: string;
  /** 1-based line in the file. */
  line: number;
}

export interface Note {
  kind: "note";
  /** Path as shown in messages: relative to the working directory when inside it. */
  file: string;
  /** Absolute path on disk. */
  abs: string;
  /** Path inside the vault, posix separators, with `.md`. */
  rel: string;
  /** File name without `.md`: the name Obsidian links by. */
  name: string;
  /** Folder names from the vault root down. */
  folders: string[];
  title: string;
  aliases: string[];
  taxonomie: string[];
  tags: string[];
  date?: Date;
  /** Front matter as written. */
  data: Record<string, unknown>;
  /** 1-based line of each front-matter key. */
  keyLines: Map<string, number>;
  source: string;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  headings: Heading[];
  /** Site URL, root-relative, ending in `/`. */
  url: string;
  /** Undefined when published; otherwise why not (`draft: true`, ...). */
  unpublished?: string;
  /**
   * True for a folder note, in either layout of Obsidian's folder-note plugins: `Docker.md` next
   * to a folder `Docker/` with published notes, or `Docker/Docker.md` inside it next to other
   * published notes. Its URL is the folder's module page, which shows its text.
   */
  folderNote?: boolean;
  /** The folder a folder note belongs to, as folder names from the root (`["Docker"]` in both layouts). */
  folderNoteOf?: string[];
  frontMatterProblems: FrontMatterProblem[];
  /** Set when the file is not valid UTF-8 and was read in this encoding instead (the `encoding` rule reports it). */
  encoding?: NoteEncoding;
}

export interface Attachment {
  kind: "attachment";
  file: string;
  abs: string;
  /** Path inside its root, posix separators. */
  rel: string;
  /** File name with extension. */
  name: string;
  /** URL the raw file is published at. */
  url: string;
  /** True for files from the shared `_assets/` folder. */
  shared: boolean;
}

export type Resolution<T> =
  | { kind: "found"; target: T }
  | { kind: "ambiguous"; target: T; candidates: T[] }
  | { kind: "missing"; suggestion?: string };

export interface VaultOptions {
  /** The content folder (an Obsidian vault). */
  root: string;
  /** Folder with shared assets served at `/_assets/`; optional. */
  assetsDir?: string;
  /** Base for the `file` paths in messages; defaults to the working directory. */
  cwd?: string;
  /**
   * Notes read by an earlier load, by absolute path. A note whose file has the same size and
   * modification time is taken from here instead of being read and parsed again; the map is
   * updated with what this load read.
   */
  cache?: Map<string, CachedNote>;
}

export interface CachedNote {
  mtimeMs: number;
  size: number;
  note: Note;
}

export interface UrlConflict {
  url: string;
  notes: Note[];
}

/** A note whose URL belongs to a page the site makes itself; it is published elsewhere. */
/** A folder with a folder note in both layouts: the one next to the folder is used. */
export interface FolderNoteTwice {
  /** `Docker.md`, next to the folder: the module page. */
  used: Note;
  /** `Docker/Docker.md`, inside it: stays a lesson of the module. */
  ignored: Note;
}

export interface ReservedUrl {
  note: Note;
  /** The URL its path maps to. */
  wanted: string;
  /** What the site publishes there, for messages (Dutch): `de zoekpagina`, `de modulepagina van map Docker/`. */
  by: string;
}

/** URLs of pages the site generates; a note there is moved aside. */
export const GENERATED_PAGES: ReadonlyMap<string, string> = new Map([
  ["/", "de startpagina"],
  ["/zoeken/", "de zoekpagina"],
  ["/taxonomie/", "de taxonomiepagina"],
  ["/algemeen/", "de modulepagina van de notities in de hoofdmap van de vault"],
]);
/** Folders of generated pages (listings, search index); no note is published below them. */
export const GENERATED_FOLDERS: ReadonlyMap<string, string> = new Map([
  ["/tags/", "de tagpagina's"],
  ["/onderwerpen/", "de onderwerppagina's"],
  ["/processtappen/", "de processtappagina's"],
  ["/pagefind/", "de zoekindex"],
]);

/** What the site generates at `url`, when it does. */
export function generatedAt(url: string): string | undefined {
  const page = GENERATED_PAGES.get(url);
  if (page) return page;
  for (const [prefix, by] of GENERATED_FOLDERS) if (url.startsWith(prefix)) return by;
  return undefined;
}

/** `/zoeken/` -> `/zoeken-2/`, `/tags/a/` -> `/tags-2/a/`: the first folder gets the number. */
function numbered(url: string, n: number): string {
  return url.replace(/^\/([^/]+)\//, `/$1-${n}/`);
}

const IGNORED_DIRS = new Set([".obsidian", ".trash", ".git", "node_modules", "_site", ".github", ".vscode"]);
export const IMAGE_EXTENSIONS = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff"]);

// Block structure only: a heading's raw inline source is all the index needs.
const headingParser = new MarkdownIt({ html: true });
headingParser.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"]);

interface FoundFile {
  rel: string;
  mtimeMs: number;
  size: number;
}

/** A symbolic link the scan did not follow. */
export interface SkippedLink {
  /** Absolute path of the link. */
  abs: string;
  /** Where it points (as far as it could be followed). */
  target: string;
  /** `outside`: out of the folder being read; `dangling`: to nothing; `loop`: back into a folder already read. */
  problem: "outside" | "dangling" | "loop";
}

/**
 * The files below `base`. Symbolic links are followed only while they stay inside `base`: a
 * link out of it (`/etc/passwd`), a dangling link and a link back into a folder already read
 * are skipped and listed in `skipped`, never fatal.
 */
function walk(base: string, out: FoundFile[], skipped: SkippedLink[]): void {
  let baseReal: string;
  try {
    baseReal = realpathSync(base);
  } catch {
    return;
  }
  const within = (real: string, folder: string) => real === folder || real.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
  // Real paths of the folders being read, from the top down to the current one.
  const chain = new Set<string>([baseReal]);
  const visit = (dir: string, dirReal: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries.sort()) {
      if (IGNORED_DIRS.has(entry) || entry.startsWith(".")) continue;
      const abs = path.join(dir, entry);
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      let real = path.join(dirReal, entry);
      if (st.isSymbolicLink()) {
        let written = "";
        try {
          written = readlinkSync(abs);
        } catch {
          /* unreadable: reported below */
        }
        try {
          real = realpathSync(abs);
          st = statSync(abs);
        } catch (err) {
          const loop = (err as NodeJS.ErrnoException).code === "ELOOP";
          skipped.push({ abs, target: written, problem: loop ? "loop" : "dangling" });
          continue;
        }
        if (!within(real, baseReal)) {
          skipped.push({ abs, target: real, problem: "outside" });
          continue;
        }
        // A link back to a folder being read would be read forever.
        if (st.isDirectory() && chain.has(real)) {
          skipped.push({ abs, target: real, problem: "loop" });
          continue;
        }
      }
      if (st.isDirectory() && !chain.has(real)) {
        chain.add(real);
        visit(abs, real);
        chain.delete(real);
      } else if (st.isFile()) out.push({ rel: path.relative(base, abs).split(path.sep).join("/"), mtimeMs: st.mtimeMs, size: st.size });
      else if (st.isFile()) out.push({ rel: path.relative(base, abs).split(path.sep).join("/"), mtimeMs: st.mtimeMs, size: st.size });
    }
  };
  visit(base, baseReal);
}

/** Headings of a body, found with markdown-it's parser so they match the render exactly. */
export function extractHeadings(body: string, bodyLine: number, data: Record<string, unknown>): Heading[] {
  const tokens = headingParser.parse(body, {});
  const counter = new SlugCounter();
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "heading_open") continue;
    const inline = tokens[i + 1];
    const text = expandVariables(inline?.content ?? "", data).text;
    const slug = headingSlug(text);
    headings.push({ level: Number(t.tag.slice(1)), text, slug, id: counter.next(slug), line: bodyLine + (t.map?.[0] ?? 0) });
  }
  return headings;
}

export function noteUrl(rel: string): string {
  const parts = rel.replace(/\.md$/i, "").split("/");
  return "/" + parts.map((p) => slugify(p) || "pagina").join("/") + "/";
}

export function folderUrl(folders: string[]): string {
  return folders.length === 0 ? "/" : "/" + folders.map((p) => slugify(p) || "map").join("/") + "/";
}

function attachmentUrl(rel: string): string {
  return "/bestanden/" + rel.split("/").map((p) => encodeURIComponent(p)).join("/");
}

export class Vault {
  readonly root: string;
  readonly notes: Note[] = [];
  readonly attachments: Attachment[] = [];
  readonly urlConflicts: UrlConflict[] = [];
  /** A path as messages show it: relative to the working directory when inside it. */
  readonly displayPath: (abs: string) => string;
  /** Symbolic links the scan did not follow (out of the folder, dangling, or a loop). */
  readonly skippedLinks: SkippedLink[] = [];
  /** Notes moved aside because their URL belongs to a generated page or a module page. */
  readonly reservedUrls: ReservedUrl[] = [];
  /** Folders with a folder note both next to them and inside them. */
  readonly folderNotesTwice: FolderNoteTwice[] = [];
  /**
   * The module page URL of every folder that holds published notes, by name key of its path
   * (`8. docker/basis`). Unique, and never the URL of a generated page.
   */
  readonly folderUrls = new Map<string, string>();
  /** What owns each folder URL, for messages. */
  private folderOf = new Map<string, string>();
  /** How many published notes each folder holds, its subfolders included, by name key of its path. */
  private publishedIn = new Map<string, number>();
  private byPath = new Map<string, Note[]>();
  private byName = new Map<string, Note[]>();
  private byAlias = new Map<string, Note[]>();
  private attByPath = new Map<string, Attachment>();
  private attByName = new Map<string, Attachment[]>();
  private byUrl = new Map<string, Note>();
  /** Did-you-mean over the note names and the attachment names; made at the first miss. */
  private noteNames: NameMatcher | undefined;
  private attachmentNames: NameMatcher | undefined;

  constructor(readonly options: VaultOptions) {
    this.root = path.resolve(options.root);
    const cwd = options.cwd ?? process.cwd();
    const display = (abs: string) => {
      const r = path.relative(cwd, abs);
      return (r.startsWith("..") ? abs : r).split(path.sep).join("/");
    };
    this.displayPath = display;
    const files: FoundFile[] = [];
    walk(this.root, files, this.skippedLinks);
    const seen = new Set<string>();
    const notes: Note[] = [];
    for (const { rel, mtimeMs, size } of files) {
      const abs = path.join(this.root, rel);
      if (/\.md$/i.test(rel)) {
        seen.add(abs);
        const cached = options.cache?.get(abs);
        if (cached && cached.mtimeMs === mtimeMs && cached.size === size) {
          notes.push(cached.note);
        } else {
          const note = this.readNote(abs, rel, display(abs));
          options.cache?.set(abs, { mtimeMs, size, note });
          notes.push(note);
        }
      } else this.addAttachment({ kind: "attachment", file: display(abs), abs, rel, name: path.posix.basename(rel), url: attachmentUrl(rel), shared: false });
    }
    this.assignFolderUrls(notes);
    const beside = new Map<string, Note>();
    for (const note of notes) {
      const key = nameKey([...note.folders, note.name].join("/"));
      if (!note.unpublished && this.folderUrls.has(key) && !beside.has(key)) beside.set(key, note);
    }
    for (const note of notes) {
      // URLs are decided again on every load: a conflict of an earlier load may have renamed it.
      const of = this.folderNoteOf(note, beside);
      note.folderNote = of ? true : undefined;
      note.folderNoteOf = of;
      note.url = of ? this.folderUrls.get(nameKey(of.join("/")))! : noteUrl(note.rel);
      this.addNote(note);
    }
    if (options.cache) for (const abs of options.cache.keys()) if (!seen.has(abs)) options.cache.delete(abs);
    if (options.assetsDir) {
      const assets = path.resolve(options.assetsDir);
      const assetFiles: FoundFile[] = [];
      walk(assets, assetFiles, this.skippedLinks);
      for (const { rel } of assetFiles) {
        const abs = path.join(assets, rel);
        this.addAttachment({ kind: "attachment", file: display(abs), abs, rel: `_assets/${rel}`, name: path.posix.basename(rel), url: `/_assets/${rel}`, shared: true });
      }
    }
  }

  private readNote(abs: string, rel: string, file: string): Note {
    const { text, encoding } = decodeNote(readFileSync(abs));
    const note = noteFromSource(text, rel, file, abs);
    if (encoding) note.encoding = encoding;
    return note;
  }

  /**
   * The folder `note` is the folder note of, if any: `Docker.md` next to a folder `Docker/` with
   * published notes, or else `Docker/Docker.md` when `Docker/` holds other published notes too and
   * no note next to it claims it (both layouts at once are kept in `folderNotesTwice`).
   */
  private folderNoteOf(note: Note, beside: Map<string, Note>): string[] | undefined {
    if (note.unpublished) return undefined;
    const outside = [...note.folders, note.name];
    if (this.folderUrls.has(nameKey(outside.join("/")))) return outside;
    const folder = note.folders.at(-1);
    if (folder === undefined || nameKey(folder) !== nameKey(note.name)) return undefined;
    const key = nameKey(note.folders.join("/"));
    const used = beside.get(key);
    if (used) {
      this.folderNotesTwice.push({ used, ignored: note });
      return undefined;
    }
    return (this.publishedIn.get(key) ?? 0) > 1 ? note.folders : undefined;
  }

  /** Module URLs for the folders that hold published notes (the course makes a page for each). */
  private assignFolderUrls(notes: Note[]): void {
    const folders = new Map<string, string[]>();
    for (const note of notes) {
      if (note.unpublished) continue;
      for (let i = 1; i <= note.folders.length; i++) {
        const key = nameKey(note.folders.slice(0, i).join("/"));
        if (!folders.has(key)) folders.set(key, note.folders.slice(0, i));
        this.publishedIn.set(key, (this.publishedIn.get(key) ?? 0) + 1);
      }
    }
    const taken = new Set<string>();
    for (const [key, parts] of [...folders].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      let url = folderUrl(parts);
      for (let n = 2; taken.has(url) || generatedAt(url); n++) url = numbered(folderUrl(parts), n);
      taken.add(url);
      this.folderUrls.set(key, url);
      this.folderOf.set(url, `de modulepagina van map ${parts.join("/")}/`);
    }
  }

  private addNote(note: Note): void {
    this.notes.push(note);
    push(this.byPath, nameKey(note.rel.replace(/\.md$/i, "")), note);
    push(this.byName, nameKey(note.name), note);
    for (const alias of note.aliases) push(this.byAlias, nameKey(alias), note);
    if (note.unpublished) return;
    const by = note.folderNote ? undefined : (generatedAt(note.url) ?? this.folderOf.get(note.url));
    if (by) {
      const wanted = note.url;
      let n = 2;
      while (this.byUrl.has(numbered(wanted, n)) || this.folderOf.has(numbered(wanted, n)) || generatedAt(numbered(wanted, n))) n++;
      note.url = numbered(wanted, n);
      this.reservedUrls.push({ note, wanted, by });
    }
    const taken = this.byUrl.get(note.url);
    if (taken) {
      const conflict = this.urlConflicts.find((c) => c.url === note.url);
      if (conflict) conflict.notes.push(note);
      else this.urlConflicts.push({ url: note.url, notes: [taken, note] });
      // A second folder note of one folder (`Docker.md` and `docker.md`) is a lesson of its own.
      note.folderNote = undefined;
      note.folderNoteOf = undefined;
      // Keep both pages: the later one gets a numbered URL so nothing is dropped.
      let n = 2;
      while (this.byUrl.has(note.url.replace(/\/$/, `-${n}/`))) n++;
      note.url = note.url.replace(/\/$/, `-${n}/`);
    }
    this.byUrl.set(note.url, note);
  }

  private addAttachment(att: Attachment): void {
    this.attachments.push(att);
    this.attByPath.set(nameKey(att.rel), att);
    push(this.attByName, nameKey(att.name), att);
  }

  /** Published notes in vault order. */
  get published(): Note[] {
    return this.notes.filter((n) => !n.unpublished);
  }

  noteByUrl(url: string): Note | undefined {
    return this.byUrl.get(url);
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

/** A note from its source text; `rel` is its path inside the vault. Used by the index and by tests. */
export function noteFromSource(source: string, rel: string, file: string = rel, abs: string = rel): Note {
  const fm = splitFrontMatter(source);
  const name = path.posix.basename(rel).replace(/\.md$/i, "");
  const folders = rel.split("/").slice(0, -1);
  const data = fm.data;
  const title = typeof data.title === "string" && data.title.trim() ? data.title.trim() : typeof data.title === "number" ? String(data.title) : name;
  return {
    kind: "note",
    file,
    abs,
    rel,
    name,
    folders,
    title,
    aliases: stringList(data.aliases ?? data.alias),
    taxonomie: stringList(data.taxonomie),
    tags: tagList(data.tags),
    date: dateValue(data.date),
    data,
    keyLines: fm.keyLines,
    source,
    body: fm.body,
    bodyLine: fm.bodyLine,
    headings: extractHeadings(fm.body, fm.bodyLine, { ...data, title }),
    url: noteUrl(rel),
    unpublished: unpublishedReason(data),
    frontMatterProblems: fm.problems,
  };
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

export function loadVault(options: VaultOptions): Vault {
  return new Vault(options);
}
