/**
 * The shapes of the course model: modules, lessons and their pages, sidebars, tag links,
 * listings, the taxonomy matrix, and the course as a whole with what it is built from.
 */
import type { Note } from "../vault/index.ts";
import type { COMPONENTS, Component, ProcessStep, TaxonomyCode } from "../taxonomy/index.ts";
import type { PageText } from "./text.ts";

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
