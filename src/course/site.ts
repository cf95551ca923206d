/**
 * What the study site's pages need from the course model beyond the model itself: the home
 * page summary, grouping of listings, the matrix split into used and unused rows, and small
 * text helpers. Pure functions over the course model; the templates only print the result.
 */
import type { Course, Link, Listing, Matrix, NavLesson, NavModule, TagLink } from "./types.ts";
import { isLesson } from "./nav.ts";
import { tagUrl } from "./listings.ts";
import { NEXT_STEP } from "./text.ts";
import { COMPONENTS, parseCode } from "../taxonomy/index.ts";
import { topicLabel } from "../site/search.ts";
import { t } from "../site/strings.ts";

export interface KindSummary {
  /** Uitleg, Stappen, Oefeningen or Leertaak. */
  kind: string;
  /** 4C/ID component code, e.g. `OI`. */
  code: string;
  /** Number of lessons of this kind in the course. */
  count: number;
}

export interface Overview {
  /** Lesson kinds in 4C/ID reading order (Uitleg, Stappen, Oefeningen, Leertaak), only those used. */
  kinds: KindSummary[];
  /** Topics of the taxonomy with their pages, alphabetical. */
  topics: Array<Link & { count: number }>;
  /** Lessons a student takes (`isLesson`): what every "lessen" on the site counts. */
  lessons: number;
  /** Reference pages (role `naslag`), counted apart from the lessons. */
  reference: number;
  /** Pages for teachers, linked from the home page only. */
  teachers: Link[];
  modules: number;
}

/** The order students meet the kinds in: explanation, steps, practice, the whole task. */
const KIND_ORDER = ["OI", "PI", "DT", "LT"];

/** Summary of the course for the home page. */
export function courseOverview(course: Pick<Course, "pages" | "matrix" | "allModules">): Overview {
  const lessons = course.pages.filter(isLesson);
  const kinds = KIND_ORDER.map((code) => {
    const comp = COMPONENTS.find((c) => c.code === code)!;
    return { kind: comp.kind, code, count: lessons.filter((p) => p.component === code).length };
  }).filter((k) => k.count > 0);
  const topics = course.matrix.topics.map((row) => ({
    title: row.topic.replace(/-/g, " "),
    url: row.url,
    count: new Set(row.cells.flatMap((c) => c.lessons.map((l) => l.url))).size,
  }));
  return {
    kinds,
    topics,
    lessons: lessons.length,
    reference: course.pages.filter((p) => p.role === "naslag").length,
    teachers: course.pages.filter((p) => p.role === "docenten").map((p) => ({ title: p.title, url: p.url })),
    modules: course.allModules.length,
  };
}

/** True when `url` is a lesson of `module` or of one of its submodules (or the module page itself). */
export function moduleContains(module: NavModule, url: string): boolean {
  if (module.url === url) return true;
  return module.lessons.some((l) => l.url === url) || module.modules.some((m) => moduleContains(m, url));
}

/** `Uitleg Docker Images` -> `Docker Images` when the kind is shown as a badge next to it. */
export function titleWithoutKind(title: string, kind: string | undefined): string {
  if (!kind) return title;
  const rest = title.replace(new RegExp(`^${kind}\\s+`, "i"), "");
  return rest.trim() ? rest : title;
}

/**
 * The tags a student sees under a lesson: its topics and levels, named plainly ("Docker
 * containers", "Niveau 2"), then the note's own tags. Taxonomy codes, processes and process
 * steps are the curriculum's words: the lesson's "Voor docenten" part has them.
 */
export function studentTags(tags: TagLink[]): TagLink[] {
  const of = (kind: string) => tags.filter((tag) => tag.kind === kind);
  return [
    ...of("onderwerp").map((tag) => ({ ...tag, title: topicLabel(tag.title) })),
    ...of("niveau").map((tag) => ({ ...tag, title: tag.title.replace(/^HBO-i\/niveau-(\d)$/i, `${t.lesson.level} $1`) })),
    ...of("tag"),
  ];
}

/** Page of an HBO-i level: the derived tag `HBO-i/niveau-2`. */
export function levelUrl(level: number): string {
  return tagUrl("niveau", `HBO-i/niveau-${level}`);
}

/** The matrix's level columns, each with the page of that level when a lesson has it. */
export function matrixLevels(matrix: Pick<Matrix, "levels">, listings: Pick<Listing, "url">[]): Array<{ level: number; url?: string }> {
  const urls = new Set(listings.map((l) => l.url));
  return matrix.levels.map((level) => {
    const url = levelUrl(level);
    return urls.has(url) ? { level, url } : { level };
  });
}

export { listingTitle } from "./index.ts";

export interface ListingGroup {
  /** `level`, `step`, `topic`, `tag` or `code`. */
  key: string;
  listings: Listing[];
}

/** Listings grouped for the overview: levels, process steps, topics, tags, then raw taxonomy codes. */
export function groupListings(listings: Listing[]): ListingGroup[] {
  const keyOf = (l: Listing) => (l.kind === "tag" && parseCode(l.title) ? "code" : l.kind);
  return ["level", "step", "topic", "tag", "code"]
    .map((key) => ({ key, listings: listings.filter((l) => keyOf(l) === key) }))
    .filter((g) => g.listings.length > 0);
}

/** The process-step rows of the matrix: those with lessons (in table order) and the rest. */
export function splitSteps(matrix: Matrix): { used: Matrix["steps"]; unused: Matrix["steps"] } {
  return { used: matrix.steps.filter((s) => s.used), unused: matrix.steps.filter((s) => !s.used) };
}

/**
 * Label of a lesson for dense places (matrix cells): `18 Uitleg Docker Registry`. The kind
 * stays: in a cell the lessons of one topic often differ only in their kind, and without it
 * "18 Docker Registry", "19 Docker Registry" and "28 Docker Registry" look the same.
 */
export function shortLabel(lesson: NavLesson): string {
  return lesson.number !== undefined ? `${lesson.number} ${lesson.title}` : lesson.title;
}

/**
 * Wraps every `<table>` of rendered lesson HTML in a scroll container, so wide tables
 * scroll sideways on a phone instead of widening the page. The client script makes the
 * container focusable only when it really scrolls.
 */
export function wrapTables(html: string): string {
  return html.replace(/<table\b/g, '<div class="table-scroll"><table').replace(/<\/table>/g, "</table></div>");
}


/**
 * Lesson HTML without its closing "Volgende stap: [[…]]" quote (and the rule above it) when
 * it leads where the page's "Volgende les" card leads: the card says it already, one line
 * below. A quote that leads elsewhere (another page, or a heading) stays. The content check
 * reads the line in the Markdown, so the chain of next steps is checked as before. Only the
 * end of the page is looked at.
 */
export function withoutRepeatedNextStep(html: string, next: Pick<Link, "url"> | undefined): string {
  if (!next) return html;
  const from = Math.max(0, html.length - 2000);
  const m = NEXT_STEP.exec(html.slice(from));
  return m && m[1] === next.url ? html.slice(0, from + m.index).trimEnd() + "\n" : html;
}

/** What a page's `<head>` says about it: title, description, and the reading order's neighbours. */
export interface PageHead {
  title?: string;
  description?: string;
  prev?: string;
  next?: string;
}

/**
 * The head of every lesson, module and listing page, by URL, computed once per build (a
 * lookup per page instead of Eleventy's computed data, which costs more per page than the
 * page itself at thousands of pages).
 */
export function pageHeads(course: Pick<Course, "pages" | "allModules" | "listings">): Map<string, PageHead> {
  const heads = new Map<string, PageHead>();
  for (const m of course.allModules) heads.set(m.url, { title: m.title });
  for (const l of course.listings) heads.set(l.url, { title: l.heading, description: l.description });
  for (const p of course.pages) heads.set(p.url, { title: p.title, description: p.description, prev: p.prev?.url, next: p.next?.url });
  return heads;
}
