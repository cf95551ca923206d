/**
 * The course model: navigation tree, page order, prev/next, breadcrumbs, backlinks,
 * tag/topic/process-step listings and the taxonomy matrix. Pure functions over the vault
 * and the rendered links; no Eleventy. Templates only print what this computes.
 *
 * The public entry of `course/`: the shapes (types.ts), the navigation and sidebars (nav.ts),
 * tags, listings and the matrix (listings.ts) and a page's text (text.ts) come together here,
 * in `buildCourse`, with backlinks and each page's prev/next and breadcrumbs.
 */
import { t } from "../site/strings.ts";
import type { Note } from "../vault/index.ts";
import { folderUrl } from "../vault/index.ts";
import { nameKey } from "../vault/slug.ts";
import { findStep, parseCode, processSteps, type TaxonomyCode } from "../taxonomy/index.ts";
import { buildListings, buildMatrix, noteTags, tagUrl } from "./listings.ts";
import { buildNavigation, flattenModules, isLesson, moduleChain, navLesson, readingOrder, sidebarFor } from "./nav.ts";
import { naturalCompare } from "./order.ts";
import { countWords, stripLeadingTitle, summaryText, type PageText } from "./text.ts";
import type { Course, CourseInput, LessonPage, NavLesson, NavModule, SidebarModule } from "./types.ts";

export type { Course, CourseInput, LessonPage, Link, Listing, Matrix, MatrixCell, NavLesson, NavModule, PageRole, SidebarModule, TagLink, TocEntry } from "./types.ts";
export { AUDIENCE_KEY, buildNavigation, flattenModules, isLesson, lessonKind, navLesson, pageRole, readingOrder, sidebarFor, TEACHERS } from "./nav.ts";
export { buildListings, buildMatrix, listingTitle, noteTags, tagSlug, tagUrl } from "./listings.ts";
export { countWords, stripLeadingTitle, summaryText } from "./text.ts";
export type { PageText } from "./text.ts";

const WORDS_PER_MINUTE = 200;

/** For every target, the notes linking to it (deduplicated, naturally ordered, self excluded). */
export function backlinks(links: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [from, targets] of links) {
    for (const to of targets) {
      if (to === from) continue;
      if (!out.has(to)) out.set(to, new Set());
      out.get(to)!.add(from);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

export function buildCourse(input: CourseInput): Course {
  const steps = processSteps();
  const notes = input.notes.filter((n) => !n.unpublished);
  const modules = buildNavigation(notes, (folders) => input.folderUrls?.get(nameKey(folders.join("/"))) ?? folderUrl(folders));
  const all = flattenModules(modules);
  const relToNoteAll = new Map(notes.map((n) => [n.rel, n]));
  for (const m of all) {
    const note = m.noteRel ? relToNoteAll.get(m.noteRel) : undefined;
    if (note) m.html = stripLeadingTitle(input.html.get(note.rel) ?? "", note.title);
  }
  const byFolder = new Map(all.filter((m) => m.folders.length).map((m) => [m.folders.join("/") + "/", m]));
  const order = readingOrder(modules);
  const noteByUrl = new Map(notes.map((n) => [n.url, n]));
  const relToNote = new Map(notes.map((n) => [n.rel, n]));
  const back = backlinks(input.links);
  // Backlinks are listed in reading order, so "1. Uitleg" of module 2 comes after the lessons of module 1.
  const position = new Map(order.map((l, i) => [l.url, i]));

  // One sidebar per module: every page of a module shares it.
  const sidebars = new Map<string, SidebarModule[]>();
  const sidebarOfChain = new Map<NavModule | undefined, SidebarModule[]>();
  const sidebarFrom = (chain: NavModule[]): SidebarModule[] => {
    const key = chain.at(-1);
    let bar = sidebarOfChain.get(key);
    if (!bar) {
      bar = sidebarFor(modules, new Set(chain));
      sidebarOfChain.set(key, bar);
    }
    return bar;
  };
  const chainOfModule = (m: NavModule): NavModule[] => (m.folders.length ? m.folders.map((_, i) => byFolder.get(m.folders.slice(0, i + 1).join("/") + "/")!).filter(Boolean) : [m]);
  for (const m of all) sidebars.set(m.url, sidebarFrom(chainOfModule(m)));

  const text = (note: Note): PageText => {
    const cached = input.text?.get(note.rel);
    const source = input.html.get(note.rel) ?? "";
    if (cached && cached.source === source) return cached;
    const html = stripLeadingTitle(source, note.title);
    const fresh = { source, html, words: countWords(html), description: summaryText(html) };
    input.text?.set(note.rel, fresh);
    return fresh;
  };

  // Pages for teachers are rendered after the course, outside its reading order: no prev/next.
  const teacherPages = notes
    .filter((n) => !n.folderNote)
    .map(navLesson)
    .filter((l) => l.role === "docenten")
    .sort((a, b) => naturalCompare(noteByUrl.get(a.url)!.name, noteByUrl.get(b.url)!.name));
  const page = (nav: NavLesson, prev: NavLesson | undefined, next: NavLesson | undefined): LessonPage => {
    const note = noteByUrl.get(nav.url)!;
    const { html, words, description } = text(note);
    const codes = note.taxonomie.map(parseCode).filter((c): c is TaxonomyCode => !!c);
    const toc = note.headings.filter((h) => h.level === 2 || h.level === 3).map((h) => ({ id: h.id, text: h.text.replace(/[*_`]/g, ""), level: h.level }));
    const stepCodes = [...new Set(codes.map((c) => c.step))];
    const chain = moduleChain(modules, byFolder, note);
    const mod = chain.at(-1);
    sidebars.set(note.url, sidebarFrom(chain));
    return {
      ...nav,
      file: note.file,
      rel: note.rel,
      html,
      breadcrumbs: [{ title: t.nav.course, url: "/" }, ...(note.folders.length ? chain.map((m) => ({ title: m.title, url: m.url })) : [])],
      module: mod ? { title: mod.title, url: mod.url } : undefined,
      prev,
      next,
      backlinks: (back.get(note.rel) ?? [])
        .map((rel) => relToNote.get(rel))
        .filter((n): n is Note => !!n)
        .sort((a, b) => (position.get(a.url) ?? Infinity) - (position.get(b.url) ?? Infinity) || naturalCompare(a.name, b.name))
        .map((n) => ({ title: navLesson(n).title, url: n.url })),
      tags: noteTags(note, steps),
      toc,
      showToc: toc.length >= 3 && words >= 250,
      levels: [...new Set(codes.map((c) => c.level))].sort(),
      steps: stepCodes.map((code) => ({ code, name: findStep(code, steps)?.name ?? code, url: tagUrl("step", code) })),
      topics: [...new Set(codes.map((c) => c.topic))].map((t) => ({ title: t, url: tagUrl("topic", t) })),
      codes,
      words,
      readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
      updated: input.updated?.get(note.rel) ?? note.date?.toISOString(),
      description,
    };
  };
  const pages: LessonPage[] = [...order.map((nav, i) => page(nav, order[i - 1], order[i + 1])), ...teacherPages.map((nav) => page(nav, undefined, undefined))];

  return {
    title: input.title ?? "Docker-cursus",
    modules,
    sidebars,
    fullSidebar: sidebarFor(modules, "all"),
    allModules: all,
    pages,
    listings: buildListings(pages, steps),
    matrix: buildMatrix(pages, steps),
    start: order.find(isLesson) ?? order[0],
  };
}
