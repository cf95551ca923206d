/**
 * Reading the content folder: every file below it (symbolic links followed only while they
 * stay inside it), each note parsed once (front matter, headings) and kept in a cache by size
 * and modification time, so a later load reads only the files that changed.
 */
import { lstatSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { dateValue, splitFrontMatter, stringList, tagList, unpublishedReason } from "./frontmatter.ts";
import { decodeNote } from "./encoding.ts";
import type { Attachment, Heading, Note } from "./note.ts";
import { headingSlug, SlugCounter } from "./slug.ts";
import { attachmentUrl, noteUrl } from "./urls.ts";
import { expandVariables } from "./variables.ts";

export interface CachedNote {
  mtimeMs: number;
  size: number;
  note: Note;
}

const IGNORED_DIRS = new Set([".obsidian", ".trash", ".git", "node_modules", "_site", ".github", ".vscode"]);

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
    }
  };
  visit(base, baseReal);
}

/** What a scan of a folder found, in path order. */
export interface Scanned {
  notes: Note[];
  attachments: Attachment[];
}

/**
 * The notes and attachments below `root`. A note whose file has the same size and modification
 * time as in `cache` is taken from there instead of being read and parsed again; `cache` is
 * updated with what this scan read, and loses the notes that are gone.
 */
export function scanFolder(root: string, cache: Map<string, CachedNote> | undefined, display: (abs: string) => string, skipped: SkippedLink[]): Scanned {
  const files: FoundFile[] = [];
  walk(root, files, skipped);
  const seen = new Set<string>();
  const notes: Note[] = [];
  const attachments: Attachment[] = [];
  for (const { rel, mtimeMs, size } of files) {
    const abs = path.join(root, rel);
    if (/\.md$/i.test(rel)) {
      seen.add(abs);
      const cached = cache?.get(abs);
      if (cached && cached.mtimeMs === mtimeMs && cached.size === size) {
        notes.push(cached.note);
      } else {
        const note = readNote(abs, rel, display(abs));
        cache?.set(abs, { mtimeMs, size, note });
        notes.push(note);
      }
    } else attachments.push({ kind: "attachment", file: display(abs), abs, rel, name: path.posix.basename(rel), url: attachmentUrl(rel), shared: false });
  }
  if (cache) for (const abs of cache.keys()) if (!seen.has(abs)) cache.delete(abs);
  return { notes, attachments };
}

/** The files of the shared assets folder `assets`, published at `/_assets/`. */
export function scanAssets(assets: string, display: (abs: string) => string, skipped: SkippedLink[]): Attachment[] {
  const assetFiles: FoundFile[] = [];
  walk(assets, assetFiles, skipped);
  const attachments: Attachment[] = [];
  for (const { rel } of assetFiles) {
    const abs = path.join(assets, rel);
    attachments.push({ kind: "attachment", file: display(abs), abs, rel: `_assets/${rel}`, name: path.posix.basename(rel), url: `/_assets/${rel}`, shared: true });
  }
  return attachments;
}

function readNote(abs: string, rel: string, file: string): Note {
  const { text, encoding } = decodeNote(readFileSync(abs));
  const note = noteFromSource(text, rel, file, abs);
  if (encoding) note.encoding = encoding;
  return note;
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
