/**
 * The course model: navigation tree, page order, prev/next, breadcrumbs, backlinks,
 * tag/topic/process-step listings and the taxonomy matrix. Pure functions over the vault
 * and the rendered links; no Eleventy. Templates only print what this computes.
 */
import type { Note } from "../vault/index.ts";
import { folderUrl } from "../vault/index.ts";
import { slugify } from "../vault/slug.ts";
import { COMPONENTS, componentOfName, derivedTags, findStep, parseCode, processSteps, type Component, type ProcessStep, type TaxonomyCode } from "../taxonomy/index.ts";
import { leadingNumber, naturalCompare, withoutNumber } from "./order.ts";

export interface Link {
  title: string;
  url: string;
}

export interface NavLesson extends Link {
  /** Lesson number shown as a badge (`4` for `4. Uitleg Docker Images`). */
  number?: number;
  /** Uitleg, Stappen, Oefeningen, Leertaak, or undefined for other pages. */
  kind?: string;
  component?: Component;
}

export interface NavModule extends Link {
  number?: number;
  lessons: NavLesson[];
  modules: NavModule[];
  /** Folder names from the root. */
  folders: string[];
  /** Total number of lessons, submodules included. */
  total: number;
}

export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

export interface TagLink extends Link {
  /** `niveau`, `proces`, `processtap`, `onderwerp`, `code` or `tag`. */
  kind: string;
}

export interface LessonPage extends NavLesson {
  /** The note's title as written in front matter (with number). */
  fullTitle: string;
  file: string;
  rel: string;
  html: string;
  breadcrumbs: Link[];
  module?: Link;
  prev?: NavLesson;
  next?: NavLesson;
  backlinks: Link[];
  tags: TagLink[];
  toc: TocEntry[];
  showToc: boolean;
  levels: number[];
  steps: Array<{ code: string; name: string; url: string }>;
  topics: Link[];
  codes: TaxonomyCode[];
  words: number;
  readingMinutes: number;
  /** ISO date of the last change (git, else front matter date). */
  updated?: string;
  /** Plain-text summary for meta description and search. */
  description: string;
}

export interface Listing extends Link {
  kind: "tag" | "topic" | "step" | "level";
  description: string;
  lessons: NavLesson[];
}

export interface MatrixCell {
  lessons: NavLesson[];
  gap: boolean;
}

export interface Matrix {
  levels: number[];
  /** Process steps × HBO-i levels. */
  steps: Array<{ step: ProcessStep; url?: string; cells: MatrixCell[]; used: boolean }>;
  components: typeof COMPONENTS;
  /** Topics × components LT/OI/PI/DT. */
  topics: Array<{ topic: string; url: string; cells: MatrixCell[] }>;
  gaps: number;
}

export interface Course {
  title: string;
  modules: NavModule[];
  /** Every module and submodule, for the module index pages. */
  allModules: NavModule[];
  pages: LessonPage[];
  listings: Listing[];
  matrix: Matrix;
  /** First lesson in course order: where to start. */
  start?: NavLesson;
  lessonCount: number;
}

export interface CourseInput {
  notes: Note[];
  /** Outgoing links per note (rel path -> target rel paths), from the render. */
  links: Map<string, string[]>;
  /** Rendered HTML per note rel path. */
  html: Map<string, string>;
  /** Last change per note rel path (ISO), e.g. from git. */
  updated?: Map<string, string>;
  title?: string;
}

const WORDS_PER_MINUTE = 200;

export function lessonKind(name: string): string | undefined {
  const c = componentOfName(name);
  return c ? COMPONENTS.find((x) => x.code === c)?.kind : undefined;
}

export function navLesson(note: Note): NavLesson {
  const number = leadingNumber(note.name);
  return {
    title: withoutNumber(note.title) || note.title,
    url: note.url,
    number,
    kind: lessonKind(note.name),
    component: componentOfName(note.name),
  };
}

/** Builds the module tree from folders; notes at the vault root form a module "Algemeen" at the end. */
export function buildNavigation(notes: Note[]): NavModule[] {
  const root: NavModule = { title: "", url: "/", lessons: [], modules: [], folders: [], total: 0 };
  for (const note of notes) {
    let mod = root;
    for (let i = 0; i < note.folders.length; i++) {
      const folders = note.folders.slice(0, i + 1);
      let child = mod.modules.find((m) => m.folders.join("/") === folders.join("/"));
      if (!child) {
        const name = folders[i]!;
        child = { title: withoutNumber(name) || name, number: leadingNumber(name), url: folderUrl(folders), lessons: [], modules: [], folders, total: 0 };
        mod.modules.push(child);
      }
      mod = child;
    }
    mod.lessons.push(navLesson(note));
  }
  const nameOf = new Map(notes.map((n) => [n.url, n.name]));
  const sort = (m: NavModule): number => {
    m.lessons.sort((a, b) => naturalCompare(nameOf.get(a.url) ?? a.title, nameOf.get(b.url) ?? b.title));
    m.modules.sort((a, b) => naturalCompare(a.folders.at(-1)!, b.folders.at(-1)!));
    m.total = m.lessons.length + m.modules.reduce((s, c) => s + sort(c), 0);
    return m.total;
  };
  sort(root);
  const modules = [...root.modules];
  if (root.lessons.length) modules.push({ title: "Algemeen", url: "/algemeen/", lessons: root.lessons, modules: [], folders: [], total: root.lessons.length });
  return modules;
}

export function flattenModules(modules: NavModule[]): NavModule[] {
  return modules.flatMap((m) => [m, ...flattenModules(m.modules)]);
}

/** Lessons in reading order: each module's lessons, then its submodules, depth first. */
export function readingOrder(modules: NavModule[]): NavLesson[] {
  return modules.flatMap((m) => [...m.lessons, ...readingOrder(m.modules)]);
}

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

export function tagUrl(kind: TagLink["kind"] | Listing["kind"], name: string): string {
  switch (kind) {
    case "onderwerp":
    case "topic":
      return `/onderwerpen/${slugify(name)}/`;
    case "processtap":
    case "step":
      return `/processtappen/${slugify(name)}/`;
    default:
      return `/tags/${slugify(name)}/`;
  }
}

/** Tags of a note: its own `tags` plus those derived from `taxonomie`, each with its page. */
export function noteTags(note: Note, steps: ProcessStep[] = processSteps()): TagLink[] {
  const codes = note.taxonomie.map(parseCode).filter((c): c is TaxonomyCode => !!c);
  const stepNames = new Set(codes.map((c) => findStep(c.step, steps)?.name).filter(Boolean));
  const processes = new Set(codes.map((c) => findStep(c.step, steps)?.process).filter(Boolean));
  const topics = new Set(codes.map((c) => c.topic));
  const all = [...derivedTags(note.taxonomie, steps), ...note.tags];
  const seen = new Set<string>();
  const tags: TagLink[] = [];
  for (const name of all) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = /^HBO-i\/niveau-\d$/.test(name) ? "niveau" : processes.has(name) ? "proces" : stepNames.has(name) ? "processtap" : topics.has(name) ? "onderwerp" : parseCode(name) ? "code" : "tag";
    tags.push({ title: name, kind, url: kind === "onderwerp" ? tagUrl("topic", name) : `/tags/${slugify(name)}/` });
  }
  return tags;
}

/**
 * Removes a first heading that only repeats the page title (the Eleventy dialect's
 * `#### {{ title }}`): the layout already shows the title as the page's h1.
 */
export function stripLeadingTitle(html: string, title: string): string {
  const m = /^\s*<h([1-6])[^>]*>([\s\S]*?)<\/h\1>\s*/.exec(html);
  if (!m) return html;
  const text = m[2]!.replace(/<[^>]+>/g, "").trim();
  return text === title.trim() ? html.slice(m[0].length) : html;
}

function plainText(html: string): string {
  return html
    .replace(/<(script|style|pre)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function countWords(html: string): number {
  const text = html.replace(/<[^>]+>/g, " ").replace(/&[a-z#0-9]+;/gi, " ");
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

export function buildMatrix(pages: LessonPage[], steps: ProcessStep[] = processSteps()): Matrix {
  const levels = [1, 2, 3];
  let gaps = 0;
  const cell = (lessons: NavLesson[]): MatrixCell => ({ lessons, gap: lessons.length === 0 });
  const lessonOf = (p: LessonPage): NavLesson => ({ title: p.title, url: p.url, number: p.number, kind: p.kind, component: p.component });
  const stepRows = steps.map((step) => {
    const cells = levels.map((level) => cell(pages.filter((p) => p.codes.some((c) => c.step === step.code && c.level === level)).map(lessonOf)));
    const used = cells.some((c) => !c.gap);
    if (used) gaps += cells.filter((c) => c.gap).length;
    return { step, url: used ? tagUrl("step", step.code) : undefined, cells, used };
  });
  const topics = [...new Set(pages.flatMap((p) => p.codes.map((c) => c.topic)))].sort((a, b) => a.localeCompare(b, "nl"));
  const topicRows = topics.map((topic) => {
    const cells = COMPONENTS.map((comp) => cell(pages.filter((p) => p.codes.some((c) => c.topic === topic && c.component === comp.code)).map(lessonOf)));
    gaps += cells.filter((c) => c.gap).length;
    return { topic, url: tagUrl("topic", topic), cells };
  });
  return { levels, steps: stepRows, components: COMPONENTS, topics: topicRows, gaps };
}

export function buildListings(pages: LessonPage[], steps: ProcessStep[] = processSteps()): Listing[] {
  const byUrl = new Map<string, Listing>();
  const add = (kind: Listing["kind"], url: string, title: string, description: string, page: LessonPage) => {
    let l = byUrl.get(url);
    if (!l) {
      l = { kind, url, title, description, lessons: [] };
      byUrl.set(url, l);
    }
    if (!l.lessons.some((x) => x.url === page.url)) l.lessons.push({ title: page.title, url: page.url, number: page.number, kind: page.kind, component: page.component });
  };
  for (const page of pages) {
    for (const tag of page.tags) {
      if (tag.kind === "onderwerp") continue;
      const kind: Listing["kind"] = tag.kind === "niveau" ? "level" : "tag";
      add(kind, tag.url, tag.title, kind === "level" ? `Lessen op ${tag.title.replace("HBO-i/niveau-", "HBO-i-niveau ")}` : `Lessen met de tag ${tag.title}`, page);
    }
    for (const topic of page.topics) add("topic", topic.url, topic.title, `Alle lessen over ${topic.title}`, page);
    for (const s of page.steps) add("step", s.url, `${s.code} ${s.name}`, `Lessen voor de processtap ${s.name} (${findStep(s.code, steps)?.process ?? ""})`, page);
  }
  return [...byUrl.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, "nl", { numeric: true }));
}

export function buildCourse(input: CourseInput): Course {
  const steps = processSteps();
  const notes = input.notes.filter((n) => !n.unpublished);
  const modules = buildNavigation(notes);
  const order = readingOrder(modules);
  const noteByUrl = new Map(notes.map((n) => [n.url, n]));
  const relToNote = new Map(notes.map((n) => [n.rel, n]));
  const back = backlinks(input.links);
  // Backlinks are listed in reading order, so "1. Uitleg" of module 2 comes after the lessons of module 1.
  const position = new Map(order.map((l, i) => [l.url, i]));
  const moduleOf = (note: Note): NavModule | undefined => {
    let list = modules;
    let found: NavModule | undefined;
    for (let i = 0; i < note.folders.length; i++) {
      found = list.find((m) => m.folders.join("/") === note.folders.slice(0, i + 1).join("/"));
      if (!found) break;
      list = found.modules;
    }
    return note.folders.length ? found : modules.find((m) => m.url === "/algemeen/");
  };
  const crumbsOf = (note: Note): Link[] => {
    const crumbs: Link[] = [{ title: "Cursus", url: "/" }];
    let list = modules;
    for (let i = 0; i < note.folders.length; i++) {
      const m = list.find((x) => x.folders.join("/") === note.folders.slice(0, i + 1).join("/"));
      if (!m) break;
      crumbs.push({ title: m.title, url: m.url });
      list = m.modules;
    }
    return crumbs;
  };

  const pages: LessonPage[] = order.map((nav, i) => {
    const note = noteByUrl.get(nav.url)!;
    const html = stripLeadingTitle(input.html.get(note.rel) ?? "", note.title);
    const codes = note.taxonomie.map(parseCode).filter((c): c is TaxonomyCode => !!c);
    const toc = note.headings.filter((h) => h.level === 2 || h.level === 3).map((h) => ({ id: h.id, text: h.text.replace(/[*_`]/g, ""), level: h.level }));
    const words = countWords(html);
    const stepCodes = [...new Set(codes.map((c) => c.step))];
    const mod = moduleOf(note);
    return {
      ...nav,
      fullTitle: note.title,
      file: note.file,
      rel: note.rel,
      html,
      breadcrumbs: crumbsOf(note),
      module: mod ? { title: mod.title, url: mod.url } : undefined,
      prev: order[i - 1],
      next: order[i + 1],
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
      description: plainText(html).slice(0, 160),
    };
  });

  return {
    title: input.title ?? "Docker-cursus",
    modules,
    allModules: flattenModules(modules),
    pages,
    listings: buildListings(pages, steps),
    matrix: buildMatrix(pages, steps),
    start: order[0],
    lessonCount: pages.length,
  };
}
