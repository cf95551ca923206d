/**
 * The course model: navigation tree, page order, prev/next, breadcrumbs, backlinks,
 * tag/topic/process-step listings and the taxonomy matrix. Pure functions over the vault
 * and the rendered links; no Eleventy. Templates only print what this computes.
 */
import { t } from "../site/strings.ts";
import type { Note } from "../vault/index.ts";
import { folderUrl } from "../vault/index.ts";
import { nameKey, slugify } from "../vault/slug.ts";
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
  /** What the page is for a student (`pageRole`): a lesson, a reference page, or a page for teachers. */
  role: PageRole;
}

/**
 * What a page is, the one definition every count, the reading order and the progress use:
 * - `les`: a lesson a student takes (Uitleg, Stappen, Oefeningen or Leertaak in its name);
 *   only these are counted as lessons, can be marked done and count in the progress;
 * - `naslag`: any other student page (Commando's, Docker Ecosysteem): in the sidebar and the
 *   reading order, counted apart as reference;
 * - `docenten`: a page for teachers (`doelgroep: docenten` in its front matter): published,
 *   but not in the student's sidebar, reading order, prev/next, counts or progress.
 */
export type PageRole = "les" | "naslag" | "docenten";

/** The front-matter key that says who a page is for, and the value that makes it a teachers' page. */
export const AUDIENCE_KEY = "doelgroep";
export const TEACHERS = "docenten";

/** The role of a page from its lesson kind (`lessonKind`) and its front matter. */
export function pageRole(kind: string | undefined, data: Record<string, unknown> = {}): PageRole {
  const audience = data[AUDIENCE_KEY];
  const values = Array.isArray(audience) ? audience : [audience];
  if (values.some((v) => typeof v === "string" && v.trim().toLowerCase() === TEACHERS)) return "docenten";
  return kind ? "les" : "naslag";
}

/** True for a lesson a student takes: what "lessen" counts everywhere. */
export function isLesson(page: Pick<NavLesson, "role">): boolean {
  return page.role === "les";
}

export interface NavModule extends Link {
  number?: number;
  lessons: NavLesson[];
  modules: NavModule[];
  /** Folder names from the root. */
  folders: string[];
  /** Number of lessons (`isLesson`), submodules included. */
  total: number;
  /** Number of reference pages (role `naslag`), submodules included. */
  reference: number;
  /** Vault path of the module's folder note (`Docker.md` next to `Docker/`, or `Docker/Docker.md`), when it has one. */
  noteRel?: string;
  /** The folder note's rendered text, shown above the lessons on the module page. */
  html?: string;
}

export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

export interface TagLink {
  title: string;
  /** `niveau`, `proces`, `processtap`, `onderwerp`, `code` or `tag`. */
  kind: string;
  /**
   * The tag's listing page. A taxonomy code (`code`) has none: it names exactly one lesson,
   * and the matrix on the taxonomy page lists every code.
   */
  url?: string;
}

/**
 * A module as one page's sidebar shows it. Only the modules on the way to the page are
 * open and complete; every other module is a stub (its title and overview link), which the
 * client fills in from the shared navigation file. So a page's size does not grow with the
 * number of lessons in the course.
 */
export interface SidebarModule extends Link {
  number?: number;
  /** Holds the page: rendered open. */
  open: boolean;
  /** Lessons and submodules left out of this page. */
  stub: boolean;
  lessons: NavLesson[];
  modules: SidebarModule[];
}

export interface LessonPage extends NavLesson {
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
  /** The title as the page shows it (`listingTitle`). */
  heading: string;
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
  /** The sidebar of each page that has one, by page URL (pages of one module share it). */
  sidebars: Map<string, SidebarModule[]>;
  /** The complete navigation tree, all modules closed: the shared file the client fills stubs from. */
  fullSidebar: SidebarModule[];
  /** Every module and submodule, for the module index pages. */
  allModules: NavModule[];
  pages: LessonPage[];
  listings: Listing[];
  matrix: Matrix;
  /** First lesson in course order: where to start. */
  start?: NavLesson;
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
  /** Cache of each page's text facts, kept between builds; filled in when given. */
  text?: Map<string, PageText>;
  /** Module URL per folder, by name key of its path (`Vault.folderUrls`); default `folderUrl()`. */
  folderUrls?: Map<string, string>;
}

const WORDS_PER_MINUTE = 200;
// One collator each: `localeCompare` with a locale builds a new one on every call.
const collatorNl = new Intl.Collator("nl");
const collatorNumeric = new Intl.Collator("nl", { numeric: true });

export function lessonKind(name: string): string | undefined {
  const c = componentOfName(name);
  return c ? COMPONENTS.find((x) => x.code === c)?.kind : undefined;
}

export function navLesson(note: Note): NavLesson {
  const number = leadingNumber(note.name);
  const kind = lessonKind(note.name);
  return {
    title: withoutNumber(note.title) || note.title,
    url: note.url,
    number,
    kind,
    component: componentOfName(note.name),
    role: pageRole(kind, note.data),
  };
}

/**
 * Builds the module tree from folders; notes at the vault root form a module "Algemeen" at the end.
 * A folder note (`Docker.md` next to `Docker/`, or `Docker/Docker.md` inside it) is no lesson: it
 * becomes its folder's module page.
 * Pages for teachers (role `docenten`) are left out: they are not part of the student's course.
 */
export function buildNavigation(notes: Note[], urlOf: (folders: string[]) => string = folderUrl): NavModule[] {
  const root: NavModule = { title: "", url: "/", lessons: [], modules: [], folders: [], total: 0, reference: 0 };
  const byFolder = new Map<string, NavModule>();
  const folderNotes: Note[] = [];
  for (const note of notes) {
    if (note.folderNote) {
      folderNotes.push(note);
      continue;
    }
    const lesson = navLesson(note);
    if (lesson.role === "docenten") continue;
    let mod = root;
    let key = "";
    for (let i = 0; i < note.folders.length; i++) {
      const name = note.folders[i]!;
      key += `${name}/`;
      let child = byFolder.get(key);
      if (!child) {
        const folders = note.folders.slice(0, i + 1);
        child = { title: withoutNumber(name) || name, number: leadingNumber(name), url: urlOf(folders), lessons: [], modules: [], folders, total: 0, reference: 0 };
        byFolder.set(key, child);
        mod.modules.push(child);
      }
      mod = child;
    }
    mod.lessons.push(lesson);
  }
  for (const note of folderNotes) {
    const key = nameKey((note.folderNoteOf ?? [...note.folders, note.name]).join("/") + "/");
    const mod = [...byFolder].find(([k]) => nameKey(k) === key)?.[1];
    if (mod && mod.noteRel === undefined) mod.noteRel = note.rel;
  }
  const nameOf = new Map(notes.map((n) => [n.url, n.name]));
  const sort = (m: NavModule): void => {
    m.lessons.sort((a, b) => naturalCompare(nameOf.get(a.url) ?? a.title, nameOf.get(b.url) ?? b.title));
    m.modules.sort((a, b) => naturalCompare(a.folders.at(-1)!, b.folders.at(-1)!));
    m.modules.forEach(sort);
    m.total = m.lessons.filter(isLesson).length + m.modules.reduce((s, c) => s + c.total, 0);
    m.reference = m.lessons.filter((l) => l.role === "naslag").length + m.modules.reduce((s, c) => s + c.reference, 0);
  };
  sort(root);
  const modules = [...root.modules];
  if (root.lessons.length) modules.push({ title: t.module.rootTitle, url: "/algemeen/", lessons: root.lessons, modules: [], folders: [], total: root.lessons.filter(isLesson).length, reference: root.lessons.filter((l) => l.role === "naslag").length });
  return modules;
}

/**
 * The sidebar for a page inside the modules `open` (the chain from the top to the page's own
 * module): those modules complete and open, every other module a stub. With `open` = "all",
 * the complete tree with every module closed (the shared navigation file).
 */
export function sidebarFor(modules: NavModule[], open: ReadonlySet<NavModule> | "all"): SidebarModule[] {
  const full = open === "all";
  const convert = (m: NavModule): SidebarModule => {
    const isOpen = !full && open.has(m);
    const complete = full || isOpen;
    return {
      title: m.title,
      url: m.url,
      number: m.number,
      open: isOpen,
      stub: !complete,
      lessons: complete ? m.lessons : [],
      modules: complete ? m.modules.map(convert) : [],
    };
  };
  return modules.map(convert);
}

/** The chain of modules from the top down to the one that holds `note`. */
function moduleChain(modules: NavModule[], byFolder: Map<string, NavModule>, note: Note): NavModule[] {
  if (!note.folders.length) {
    const general = modules.find((m) => m.url === "/algemeen/" && m.folders.length === 0);
    return general ? [general] : [];
  }
  const chain: NavModule[] = [];
  let key = "";
  for (const name of note.folders) {
    key += `${name}/`;
    const m = byFolder.get(key);
    if (!m) break;
    chain.push(m);
  }
  return chain;
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

/**
 * The last part of a tag page's URL. A tag written in plain ASCII letters, digits, spaces and
 * `-_/.` gets its slug (`HBO-i/niveau-2` -> `hbo-i-niveau-2`); any other character would be lost
 * in the slug (`C++` and `C#` both `c`, 🐳 and 日本 both empty), so such a tag also gets a short
 * code of its name (compared like Obsidian compares tags, ignoring case): two tags never share
 * a page, and no tag URL is empty.
 */
export function tagSlug(name: string): string {
  const slug = slugify(name);
  if (slug && /^[A-Za-z0-9\s\-_/.]*$/.test(name)) return slug;
  const code = shortHash(nameKey(name));
  return slug ? `${slug}-${code}` : code;
}

/** FNV-1a of a string, base 36, six characters. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0").slice(-6);
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
      return `/tags/${tagSlug(name)}/`;
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
    tags.push({ title: name, kind, url: kind === "code" ? undefined : kind === "onderwerp" ? tagUrl("topic", name) : `/tags/${tagSlug(name)}/` });
  }
  return tags;
}

/**
 * Removes a first heading that only repeats the page title (the Eleventy dialect's
 * `#### {{ title }}`): the layout already shows the title as the page's h1.
 */
export function stripLeadingTitle(html: string, title: string): string {
  // Cheap test first: most pages do not start with a heading (an h2–h4 comes in its wrapper with its `#` link, headings.ts).
  if (!/^\s*(?:<div class="heading[ \w-]*">)?<h[1-6]/.test(html.slice(0, 80))) return html;
  const m = /^\s*(<div class="heading[ \w-]*">)?<h([1-6])[^>]*>([\s\S]*?)<\/h\2>(<a class="heading-anchor"[^>]*><\/a><\/div>)?\s*/.exec(html);
  if (!m || !m[1] !== !m[4]) return html;
  const text = m[3]!.replace(/<[^>]+>/g, "").trim();
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

/**
 * The first `max` characters of a page's text (code, scripts and styles left out), read from
 * as little of the HTML as needed: a long page costs no more than a short one.
 */
export function summaryText(html: string, max = 160): string {
  for (let size = 2048; ; size *= 4) {
    if (size >= html.length) return plainText(html).slice(0, max);
    let part = html.slice(0, size);
    // Never end inside a tag or inside a block whose text is left out.
    const lastOpen = part.lastIndexOf("<");
    if (lastOpen > part.lastIndexOf(">")) part = part.slice(0, lastOpen);
    const block = /<(script|style|pre)\b/gi;
    let m: RegExpExecArray | null;
    while ((m = block.exec(part))) {
      const close = part.indexOf(`</${m[1]!.toLowerCase()}>`, m.index);
      if (close < 0) {
        part = part.slice(0, m.index);
        break;
      }
      block.lastIndex = close;
    }
    const text = plainText(part);
    if (text.length > max) return text.slice(0, max);
  }
}

const ENTITY = /&[a-z#0-9]+;/iy;
const LETTER = /\p{L}/u;
const SPACE = /\s/;

/**
 * Words of a page: runs of text between tags, entities and white space that hold a letter.
 * One pass over the characters, no intermediate strings.
 */
export function countWords(html: string): number {
  let n = 0;
  let inWord = false;
  let letter = false;
  const end = () => {
    if (inWord && letter) n++;
    inWord = letter = false;
  };
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = html.indexOf(">", i + 2);
      if (close > 0) {
        end();
        i = close;
        continue;
      }
    } else if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      if (ENTITY.test(html)) {
        end();
        i = ENTITY.lastIndex - 1;
        continue;
      }
    }
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(html[i]!))) {
      end();
      continue;
    }
    inWord = true;
    if (!letter) letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 128 && LETTER.test(String.fromCodePoint(html.codePointAt(i)!)));
  }
  end();
  return n;
}

export function buildMatrix(pages: LessonPage[], steps: ProcessStep[] = processSteps()): Matrix {
  const levels = [1, 2, 3];
  let gaps = 0;
  const cell = (lessons: NavLesson[] | undefined): MatrixCell => ({ lessons: lessons ?? [], gap: !lessons?.length });
  const lessonOf = (p: LessonPage): NavLesson => ({ title: p.title, url: p.url, number: p.number, kind: p.kind, component: p.component, role: p.role });
  // One pass over the pages, grouped by cell: no scan of every page per cell.
  const byStepLevel = new Map<string, NavLesson[]>();
  const byTopicComponent = new Map<string, NavLesson[]>();
  const addOnce = (map: Map<string, NavLesson[]>, key: string, page: LessonPage) => {
    const list = map.get(key);
    if (!list) map.set(key, [lessonOf(page)]);
    else if (list.at(-1)!.url !== page.url) list.push(lessonOf(page));
  };
  for (const page of pages) {
    for (const c of page.codes) {
      addOnce(byStepLevel, `${c.step}\0${c.level}`, page);
      addOnce(byTopicComponent, `${c.topic}\0${c.component}`, page);
    }
  }
  const stepRows = steps.map((step) => {
    const cells = levels.map((level) => cell(byStepLevel.get(`${step.code}\0${level}`)));
    const used = cells.some((c) => !c.gap);
    if (used) gaps += cells.filter((c) => c.gap).length;
    return { step, url: used ? tagUrl("step", step.code) : undefined, cells, used };
  });
  const topics = [...new Set(pages.flatMap((p) => p.codes.map((c) => c.topic)))].sort(collatorNl.compare);
  const topicRows = topics.map((topic) => {
    const cells = COMPONENTS.map((comp) => cell(byTopicComponent.get(`${topic}\0${comp.code}`)));
    gaps += cells.filter((c) => c.gap).length;
    return { topic, url: tagUrl("topic", topic), cells };
  });
  return { levels, steps: stepRows, components: COMPONENTS, topics: topicRows, gaps };
}

/** Human title of a listing: `HBO-i/niveau-2` -> `HBO-i-niveau 2`, `Docker-images` -> `Docker images`. */
export function listingTitle(listing: Pick<Listing, "kind" | "title">): string {
  if (listing.kind === "level") return listing.title.replace(/^HBO-i\/niveau-(\d)$/, "HBO-i-niveau $1");
  if (listing.kind === "topic") return listing.title.replace(/-/g, " ");
  return listing.title;
}

export function buildListings(pages: LessonPage[], steps: ProcessStep[] = processSteps()): Listing[] {
  const byUrl = new Map<string, Listing>();
  const add = (kind: Listing["kind"], url: string, title: string, description: string, page: LessonPage) => {
    let l = byUrl.get(url);
    if (!l) {
      l = { kind, url, title, heading: listingTitle({ kind, title }), description, lessons: [] };
      byUrl.set(url, l);
    }
    if (l.lessons.at(-1)?.url !== page.url) l.lessons.push({ title: page.title, url: page.url, number: page.number, kind: page.kind, component: page.component, role: page.role });
  };
  const describe = t.taxonomy.listingDescriptions;
  for (const page of pages) {
    for (const tag of page.tags) {
      if (tag.kind === "onderwerp" || !tag.url) continue;
      const kind: Listing["kind"] = tag.kind === "niveau" ? "level" : "tag";
      add(kind, tag.url, tag.title, kind === "level" ? describe.level(listingTitle({ kind, title: tag.title })) : describe.tag(tag.title), page);
    }
    for (const topic of page.topics) add("topic", topic.url, topic.title, describe.topic(topic.title), page);
    for (const s of page.steps) add("step", s.url, `${s.code} ${s.name}`, describe.step(s.name, findStep(s.code, steps)?.process ?? ""), page);
  }
  return [...byUrl.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || collatorNumeric.compare(a.title, b.title));
}

/** Text facts of a rendered page, cached by the incremental compiler (keyed by note rel). */
export interface PageText {
  source: string;
  html: string;
  words: number;
  description: string;
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
