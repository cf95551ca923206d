/**
 * Tags and listings: a note's tags with their pages, the listing pages of tags, topics,
 * process steps and levels, and the taxonomy matrix (process steps × levels, topics ×
 * components).
 */
import { t } from "../site/strings.ts";
import type { Note } from "../vault/index.ts";
import { nameKey, slugify } from "../vault/slug.ts";
import { COMPONENTS, derivedTags, findStep, parseCode, processSteps, type ProcessStep, type TaxonomyCode } from "../taxonomy/index.ts";
import type { LessonPage, Listing, Matrix, MatrixCell, NavLesson, TagLink } from "./types.ts";

// One collator each: `localeCompare` with a locale builds a new one on every call.
const collatorNl = new Intl.Collator("nl");
const collatorNumeric = new Intl.Collator("nl", { numeric: true });

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
