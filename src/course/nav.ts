/**
 * The navigation: what each page is (lesson, reference, teachers' page), the module tree from
 * the folders with the reading order, and the sidebar of each page (its own modules open and
 * complete, every other module a stub) or the complete tree once.
 */
import { t } from "../site/strings.ts";
import type { Note } from "../vault/index.ts";
import { folderUrl } from "../vault/index.ts";
import { nameKey } from "../vault/slug.ts";
import { COMPONENTS, componentOfName } from "../taxonomy/index.ts";
import { leadingNumber, naturalCompare, withoutNumber } from "./order.ts";
import type { NavLesson, NavModule, PageRole, SidebarModule } from "./types.ts";

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
export function moduleChain(modules: NavModule[], byFolder: Map<string, NavModule>, note: Note): NavModule[] {
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
