/**
 * Where each note is published: note and folder URLs, the pages the site generates itself (a
 * note on one of their URLs is moved aside), folder notes (their folder's module page) and
 * conflicts (two notes on one URL: the later one gets a numbered URL). Decided again on every
 * load, in vault order.
 */
import type { Note } from "./note.ts";
import { nameKey, slugify } from "./slug.ts";

export interface UrlConflict {
  url: string;
  notes: Note[];
}

/** A folder with a folder note in both layouts: the one next to the folder is used. */
export interface FolderNoteTwice {
  /** `Docker.md`, next to the folder: the module page. */
  used: Note;
  /** `Docker/Docker.md`, inside it: stays a lesson of the module. */
  ignored: Note;
}

/** A note whose URL belongs to a page the site makes itself; it is published elsewhere. */
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

export function noteUrl(rel: string): string {
  const parts = rel.replace(/\.md$/i, "").split("/");
  return "/" + parts.map((p) => slugify(p) || "pagina").join("/") + "/";
}

export function folderUrl(folders: string[]): string {
  return folders.length === 0 ? "/" : "/" + folders.map((p) => slugify(p) || "map").join("/") + "/";
}

export function attachmentUrl(rel: string): string {
  return "/bestanden/" + rel.split("/").map((p) => encodeURIComponent(p)).join("/");
}

/** The URL of every published note and of every folder that holds published notes. */
export class SiteUrls {
  readonly urlConflicts: UrlConflict[] = [];
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
  private byUrl = new Map<string, Note>();

  /** Gives every note its URL (`note.url`) and marks the folder notes, in vault order. */
  assign(notes: Note[]): void {
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
      this.place(note);
    }
  }

  noteByUrl(url: string): Note | undefined {
    return this.byUrl.get(url);
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

  /** Takes a published note's URL; a reserved or taken URL moves the note aside to a numbered one. */
  private place(note: Note): void {
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
}
