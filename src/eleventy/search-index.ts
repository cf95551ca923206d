/**
 * The search index (Pagefind), built from the compiled lessons rather than from the written
 * pages, so it does not wait for them. A full build hands each lesson over the moment it is
 * rendered: lessons are written, in batches, as small HTML files into a temporary folder that
 * Pagefind reads itself (handing the text over Pagefind's pipe costs the main thread more than
 * writing a file, and the files are written by Node's thread pool, not the main thread). Pagefind, in its own process on the second core, indexes each batch while
 * the vault compiles and Eleventy renders.
 *
 * Each lesson is given as the part of its page that the lesson layout marks
 * `data-pagefind-body` (the title and the lesson text), so the index holds what it would hold
 * if Pagefind read the page, headings and anchors included.
 */
import { mkdtempSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import type { LessonPage } from "../course/index.ts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What Pagefind reads of one lesson. */
export function searchDocument(page: Pick<LessonPage, "title" | "html">): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(page.title)}</title></head><body><article data-pagefind-body><h1>${esc(page.title)}</h1><div class="prose">${page.html}</div></article></body></html>`;
}

export interface SearchIndexResult {
  pages: number;
  errors: string[];
}

type Page = Pick<LessonPage, "url" | "title" | "html">;

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

/** Indexes the given lessons and writes `<outputDir>/pagefind/`. */
export async function writeSearchIndex(pages: Page[], outputDir: string): Promise<SearchIndexResult> {
  const index = await SearchIndex.start();
  for (const p of pages) index.add(p);
  return index.write(outputDir);
}
