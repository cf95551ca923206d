/**
 * Which pages a build renders. A full build renders every page. In serve mode, a rebuild
 * after a saved lesson renders only the pages whose data changed: each page's data (with its
 * sidebar and its problems) is fingerprinted, and a page is rendered when its fingerprint
 * differs from the one it had when it was last written. The templates paginate over the
 * lists of the plan, so a page that did not change is neither rendered nor written.
 */
import { createHash } from "node:crypto";
import type { Course, LessonPage, Listing, NavModule, SidebarModule } from "../course/index.ts";
import { courseOverview } from "../course/site.ts";
import type { Diagnostic } from "../diagnostics/index.ts";

export interface RenderPlan {
  pages: LessonPage[];
  modules: NavModule[];
  listings: Listing[];
  /** The home page, the taxonomy page and the shared navigation file: `[course]` or `[]`. */
  home: Course[];
  taxonomy: Course[];
  nav: Course[];
  /** Pages that show nothing of the course (search, 404): rendered by a full build only. */
  fixed: Course[];
}

export function fullPlan(course: Course): RenderPlan {
  return { pages: course.pages, modules: course.allModules, listings: course.listings, home: [course], taxonomy: [course], nav: [course], fixed: [course] };
}

const digest = (value: unknown): string => createHash("sha1").update(JSON.stringify(value) ?? "").digest("base64");

export class RenderPlanner {
  /** Fingerprint of every page as last written, by URL (`#home`, ... for the singletons). */
  private written = new Map<string, string>();

  /**
   * The pages to render. With `full`, every page (and the fingerprints start afresh);
   * otherwise only those whose data changed since they were last planned.
   */
  plan(course: Course, problems: Map<string, Diagnostic[]>, full: boolean): RenderPlan {
    const prints = new Map<string, string>();
    const sidebarPrint = new Map<SidebarModule[], string>();
    const sidebar = (url: string) => {
      const bar = course.sidebars.get(url) ?? [];
      let print = sidebarPrint.get(bar);
      if (print === undefined) sidebarPrint.set(bar, (print = digest(bar)));
      return print;
    };
    const changed = (key: string, data: () => unknown): boolean => {
      const print = digest(data());
      prints.set(key, print);
      return full || this.written.get(key) !== print;
    };
    const plan: RenderPlan = {
      pages: course.pages.filter((p) => changed(p.url, () => [p, sidebar(p.url), problems.get(p.url) ?? []])),
      modules: course.allModules.filter((m) => changed(m.url, () => [m, sidebar(m.url)])),
      listings: course.listings.filter((l) => changed(l.url, () => l)),
      home: changed("#home", () => [course.title, course.modules, course.start, courseOverview(course)]) ? [course] : [],
      taxonomy: changed("#taxonomy", () => [course.matrix, course.listings.map((l) => [l.url, l.title, l.kind, l.lessons.length])]) ? [course] : [],
      nav: changed("#nav", () => course.fullSidebar) ? [course] : [],
      fixed: full ? [course] : [],
    };
    this.written = prints;
    return plan;
  }
}
