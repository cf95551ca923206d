/**
 * The search index (Pagefind), built from the compiled lessons rather than from the written
 * pages, so it does not wait for them. A full build hands each lesson over the moment it is
 * rendered: lessons are written, in batches, as small HTML files into a temporary folder that
 * Pagefind reads itself (handing the text over Pagefind's pipe costs the main thread more than
 * writing a file, and the files are written by Node's thread pool, not the main thread).
 * Pagefind, in its own process on the second core, indexes each batch while the vault compiles
 * and Eleventy renders.
 *
 * Each lesson is given as the part of its page that the lesson layout marks
 * `data-pagefind-body` (the title and the lesson text), so the index holds what it would hold
 * if Pagefind read the page, headings and anchors included; plus the weights, the headings
 * field and the filters of src/site/search.ts (see there why).
 */
import { mkdtempSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import type { LessonPage, PageRole } from "../course/index.ts";
import { HEADINGS_META, SEARCH_FILTERS, SEARCH_KIND_OTHER, SEARCH_WEIGHTS, topicLabel } from "../site/search.ts";
import { parseCode } from "../taxonomy/index.ts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What the index needs of one lesson. */
export interface SearchPage {
  url: string;
  title: string;
  /** The lesson's rendered HTML (without the title). */
  html: string;
  /** Uitleg, Stappen, Oefeningen, Leertaak; undefined for other pages. */
  kind?: string;
  role?: PageRole;
  /** Topic names from the taxonomy codes (`Docker-containers`). */
  topics?: string[];
}

/** The topics of a note's taxonomy codes, each once, in order. */
export function topicsOf(codes: string[]): string[] {
  return [...new Set(codes.map(parseCode).flatMap((c) => (c ? [c.topic] : [])))];
}

/**
 * The words of the h2 and h3 headings of rendered lesson HTML, for the headings field: lower
 * case, and of the words that begin with the same five letters only the shortest
 * (`container` for `containers`, `containerd` and `containerlaag`; `docker` for `dockerfile`).
 * Pagefind matches a query word to every word that begins with it and counts each of them in
 * the field's boost, so `dockerfile` and `dockerignore` in a lesson's headings would count as
 * much for the query "docker run" as `docker` and `run` together: a lesson would rank by how
 * many of its heading words happen to share a beginning, not by what its headings are about.
 */
export function headingWords(html: string): string {
  const words = new Set<string>();
  for (const m of html.matchAll(/<h([23])\b[^>]*>([\s\S]*?)<\/h\1>/g)) {
    const text = m[2]!.replace(/<[^>]*>/g, " ").replace(/&[a-z]+;|&#\d+;/gi, " ");
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word) words.add(word);
  }
  // One word per beginning: the shortest of the words that share their first five letters.
  const byStart = new Map<string, string>();
  for (const w of words) {
    const key = w.slice(0, 5);
    const kept = byStart.get(key);
    if (!kept || w.length < kept.length) byStart.set(key, w);
  }
  return [...byStart.values()].join(" ");
}

/**
 * What Pagefind reads of one lesson: the title and the text, with the weights of
 * SEARCH_WEIGHTS on the title, the h2/h3 headings and the code blocks; the headings once more
 * as the meta field for ranking; and the kind and topics as filters. A page for teachers gets
 * no headings field: its headings (`npm run check`, the labs) should not lift it above the
 * lessons.
 */
export function searchDocument(page: SearchPage): string {
  const w = SEARCH_WEIGHTS;
  const html = page.html.replace(/<h([23])(?=[\s>])/g, (_, level: string) => `<h${level} data-pagefind-weight="${level === "2" ? w.h2 : w.h3}"`).replace(/<pre(?=[\s>])/g, `<pre data-pagefind-weight="${w.code}"`);
  const kind = page.role === "docenten" ? SEARCH_KIND_OTHER.docenten : page.role === "naslag" ? SEARCH_KIND_OTHER.naslag : page.kind;
  const head = [
    page.role === "docenten" ? "" : `<meta data-pagefind-meta="${HEADINGS_META}[content]" content="${esc(headingWords(page.html))}">`,
    kind ? `<meta data-pagefind-filter="${SEARCH_FILTERS.kind}[content]" content="${esc(kind)}">` : "",
    ...(page.topics ?? []).map((topic) => `<meta data-pagefind-filter="${SEARCH_FILTERS.topic}[content]" content="${esc(topicLabel(topic))}">`),
  ].join("");
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(page.title)}</title>${head}</head><body><article data-pagefind-body><h1 data-pagefind-weight="${w.title}">${esc(page.title)}</h1><div class="prose">${html}</div></article></body></html>`;
}

export interface SearchIndexResult {
  pages: number;
  errors: string[];
}

type Page = SearchPage;

/** Lessons per folder handed to Pagefind at once. */
const BATCH = 200;

/** One index being built: lessons go in as they come, `write()` waits for them and writes. */
export class SearchIndex {
  private readonly folder = mkdtempSync(path.join(tmpdir(), "cursus-zoekindex-"));
  private readonly batches: Array<Promise<{ page_count: number; errors: string[] }>> = [];
  /** Each batch's files, written. */
  private readonly written: Array<Promise<unknown>> = [];
  private batch = 0;
  private inBatch = 0;
  /** Folders made or being made, and the files of the current batch being written (off the main thread). */
  private readonly made = new Map<string, Promise<unknown>>();
  private writing: Array<Promise<void>> = [];

  private constructor(
    private readonly index: pagefind.PagefindIndex | undefined,
    private readonly errors: string[],
  ) {}

  /** Starts Pagefind. Only one index is built at a time per process. */
  static async start(): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({});
    return new SearchIndex(index, errors);
  }

  private batchFolder(): string {
    return path.join(this.folder, String(this.batch));
  }

  /** Makes a folder and its parents, each once. */
  private mkdir(dir: string): Promise<unknown> {
    let made = this.made.get(dir);
    if (!made) {
      const parent = path.dirname(dir);
      made = (parent === this.folder ? Promise.resolve() : this.mkdir(parent)).then(() => mkdir(dir));
      this.made.set(dir, made);
    }
    return made;
  }

  /** Hands the current batch to Pagefind once its files are written. */
  private flush(): void {
    if (!this.inBatch || !this.index) return;
    const index = this.index;
    const folder = this.batchFolder();
    const written = Promise.all(this.writing);
    this.written.push(written);
    this.batches.push(written.then(() => index.addDirectory({ path: folder })));
    this.writing = [];
    this.batch++;
    this.inBatch = 0;
  }

  add(page: Page): void {
    if (!this.index) return;
    // The file's place gives Pagefind the page's URL: <batch>/<url>/index.html.
    const dir = path.join(this.batchFolder(), ...page.url.split("/").filter(Boolean));
    const content = searchDocument(page);
    this.writing.push(this.mkdir(dir).then(() => writeFile(path.join(dir, "index.html"), content)));
    if (++this.inBatch >= BATCH) this.flush();
  }

  /**
   * Hands the last lessons to Pagefind and resolves once every lesson file is written, so the
   * last batch does not wait behind the pages Eleventy writes with the same thread pool.
   */
  async handOver(): Promise<void> {
    this.flush();
    await Promise.all(this.written);
  }

  /** Waits for Pagefind, writes `<outputDir>/pagefind/` and stops Pagefind. */
  async write(outputDir: string): Promise<SearchIndexResult> {
    try {
      if (!this.index) return { pages: 0, errors: this.errors };
      this.flush();
      const added = await Promise.all(this.batches);
      const written = await this.index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
      return { pages: added.reduce((n, a) => n + a.page_count, 0), errors: [...this.errors, ...added.flatMap((a) => a.errors), ...written.errors] };
    } finally {
      // Removed in the background: the process stays alive until it is gone.
      void rm(this.folder, { recursive: true, force: true });
      await pagefind.close();
    }
  }
}

/** Indexes the given lessons of the course model and writes `<outputDir>/pagefind/`. */
export async function writeSearchIndex(pages: Array<Pick<LessonPage, "url" | "title" | "html" | "kind" | "role" | "topics">>, outputDir: string): Promise<SearchIndexResult> {
  const index = await SearchIndex.start();
  for (const p of pages) index.add({ url: p.url, title: p.title, html: p.html, kind: p.kind, role: p.role, topics: p.topics.map((t) => t.title) });
  return index.write(outputDir);
}
