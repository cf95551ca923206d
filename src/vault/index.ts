/**
 * The vault index: the content folder read ONCE into notes and attachments, with
 * Obsidian's rules for resolving a link target. Plain TypeScript: no Eleventy, no
 * rendering. The build, the content check and the tests all use this one index.
 *
 * The public entry of `vault/`: what a note is (note.ts), reading the folder (scan.ts),
 * where each note is published (urls.ts) and finding a link's target (resolve.ts).
 */
import path from "node:path";
import type { Attachment, Heading, Note } from "./note.ts";
import { LinkResolver, type Resolution } from "./resolve.ts";
import { scanAssets, scanFolder, type CachedNote, type SkippedLink } from "./scan.ts";
import { SiteUrls, type FolderNoteTwice, type ReservedUrl, type UrlConflict } from "./urls.ts";

export type { Attachment, Heading, Note } from "./note.ts";
export type { Resolution } from "./resolve.ts";
export { extractHeadings, noteFromSource } from "./scan.ts";
export type { CachedNote, SkippedLink } from "./scan.ts";
export { folderUrl, generatedAt, GENERATED_FOLDERS, GENERATED_PAGES, noteUrl } from "./urls.ts";
export type { FolderNoteTwice, ReservedUrl, UrlConflict } from "./urls.ts";

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

export const IMAGE_EXTENSIONS = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff"]);

export class Vault {
  readonly root: string;
  readonly notes: Note[] = [];
  readonly attachments: Attachment[] = [];
  /** A path as messages show it: relative to the working directory when inside it. */
  readonly displayPath: (abs: string) => string;
  /** Symbolic links the scan did not follow (out of the folder, dangling, or a loop). */
  readonly skippedLinks: SkippedLink[] = [];
  private readonly urls = new SiteUrls();
  private readonly links = new LinkResolver(this.notes, this.attachments);
  readonly urlConflicts: UrlConflict[] = this.urls.urlConflicts;
  /** Notes moved aside because their URL belongs to a generated page or a module page. */
  readonly reservedUrls: ReservedUrl[] = this.urls.reservedUrls;
  /** Folders with a folder note both next to them and inside them. */
  readonly folderNotesTwice: FolderNoteTwice[] = this.urls.folderNotesTwice;
  /**
   * The module page URL of every folder that holds published notes, by name key of its path
   * (`8. docker/basis`). Unique, and never the URL of a generated page.
   */
  readonly folderUrls: Map<string, string> = this.urls.folderUrls;

  constructor(readonly options: VaultOptions) {
    this.root = path.resolve(options.root);
    const cwd = options.cwd ?? process.cwd();
    const display = (abs: string) => {
      const r = path.relative(cwd, abs);
      return (r.startsWith("..") ? abs : r).split(path.sep).join("/");
    };
    this.displayPath = display;
    const { notes, attachments } = scanFolder(this.root, options.cache, display, this.skippedLinks);
    for (const att of attachments) this.addAttachment(att);
    this.urls.assign(notes);
    for (const note of notes) this.addNote(note);
    if (options.assetsDir) for (const att of scanAssets(path.resolve(options.assetsDir), display, this.skippedLinks)) this.addAttachment(att);
  }

  private addNote(note: Note): void {
    this.notes.push(note);
    this.links.addNote(note);
  }

  private addAttachment(att: Attachment): void {
    this.attachments.push(att);
    this.links.addAttachment(att);
  }

  /** Published notes in vault order. */
  get published(): Note[] {
    return this.notes.filter((n) => !n.unpublished);
  }

  noteByUrl(url: string): Note | undefined {
    return this.urls.noteByUrl(url);
  }

  /** The note a link target names, like Obsidian finds it (`LinkResolver.resolveNote`); `from` is the linking note. */
  resolveNote(target: string, from?: Note): Resolution<Note> {
    return this.links.resolveNote(target, from);
  }

  /** Resolves an attachment (image, PDF, ...) by vault path, path relative to `from`, or file name anywhere. */
  resolveAttachment(target: string, from?: Note): Resolution<Attachment> {
    return this.links.resolveAttachment(target, from);
  }

  /** Notes that share a name with another note (Obsidian would pick one silently). */
  duplicateNames(): Note[][] {
    return this.links.duplicateNames();
  }

  /** The heading of `note` that `[[note#fragment]]` points at; Obsidian's nested `#A#B` uses the last part. */
  findHeading(note: Note, fragment: string): Heading | undefined {
    return this.links.findHeading(note, fragment);
  }
}

export function loadVault(options: VaultOptions): Vault {
  return new Vault(options);
}
