/**
 * The search index (Pagefind), built from the compiled lessons rather than from the written
 * pages: a full build hands Pagefind each lesson the moment it is rendered, so Pagefind (its
 * own process, the second core) indexes while the vault compiles and Eleventy renders. Each
 * lesson is given as the part of its page that the lesson layout marks `data-pagefind-body`
 * (the title and the lesson text), so the index holds what it would hold if Pagefind read the
 * page, headings and anchors included.
 */
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

/** One index being built: lessons go in as they come, `write()` waits for them and writes. */
export class SearchIndex {
  private readonly added: Array<Promise<pagefind.NewFileResponse>> = [];
  private constructor(
    private readonly index: pagefind.PagefindIndex | undefined,
    private readonly errors: string[],
  ) {}

  /** Starts Pagefind. Only one index is built at a time per process. */
  static async start(): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({});
    return new SearchIndex(index, errors);
  }

  add(page: Page): void {
    if (this.index) this.added.push(this.index.addHTMLFile({ url: page.url, content: searchDocument(page) }));
  }

  /** Writes `<outputDir>/pagefind/` and stops Pagefind. */
  async write(outputDir: string): Promise<SearchIndexResult> {
    if (!this.index) return { pages: 0, errors: this.errors };
    try {
      const added = await Promise.all(this.added);
      const written = await this.index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
      return { pages: added.length, errors: [...this.errors, ...added.flatMap((a) => a.errors), ...written.errors] };
    } finally {
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
