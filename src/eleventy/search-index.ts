/**
 * The search index (Pagefind), built from the compiled lessons rather than from the written
 * pages: it starts as soon as the vault is compiled and runs in Pagefind's own process,
 * alongside Eleventy's rendering. Each lesson is given to Pagefind as the part of its page
 * that the lesson layout marks `data-pagefind-body` (the title and the lesson text), so the
 * index holds what it would hold if Pagefind read the page, headings and anchors included.
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

/** Indexes the lessons and writes `<outputDir>/pagefind/`. */
export async function writeSearchIndex(pages: Pick<LessonPage, "url" | "title" | "html">[], outputDir: string): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return { pages: 0, errors };
  try {
    const added = await Promise.all(pages.map((p) => index.addHTMLFile({ url: p.url, content: searchDocument(p) })));
    const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
    return { pages: added.length, errors: [...errors, ...added.flatMap((a) => a.errors), ...written.errors] };
  } finally {
    await pagefind.close();
  }
}
