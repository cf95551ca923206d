/**
 * What the vault index holds: notes (with their headings) and attachments. Shapes only; the
 * scan (scan.ts) makes them, urls.ts gives them their URLs and resolve.ts finds them by name.
 */
import type { FrontMatterProblem } from "./frontmatter.ts";
import type { NoteEncoding } from "./encoding.ts";

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
