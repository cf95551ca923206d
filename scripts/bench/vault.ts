/**
 * A deterministic synthetic Obsidian vault for the benchmark: `generateVault(dir, pages, seed,
 * inputs)` writes the same files for the same arguments. Layout like a faculty: learning lines
 * (`1. Leerlijn …`) holding up to 8 modules (`1. Module …`) of 25 lessons. Per module, topics come
 * in threes (Uitleg, Stappen, Oefeningen of one topic) and the rest are Leertaken. Every lesson
 * has front matter (title, one taxonomie code, tags), 3-8 wikilinks (plain, alias, heading
 * anchor; every 40th one broken on purpose), callouts, Docker code and usually a
 * `Volgende stap` line; about 1 in 50 embeds an image from `assets/`.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bashBlock, callout, composeBlock, dockerfileBlock, linkSentence, paragraph, Rng, wordCount } from "./prose.ts";

export const LESSONS_PER_MODULE = 25;
export const MODULES_PER_LINE = 8;
/** Every BROKEN_EVERY-th body link points to a note that does not exist. */
export const BROKEN_EVERY = 40;

export type Kind = "Uitleg" | "Stappen" | "Oefeningen" | "Leertaak";
const COMPONENT: Record<Kind, string> = { Uitleg: "OI", Stappen: "PI", Oefeningen: "DT", Leertaak: "LT" };

/** What the generator takes from the project: process-step codes and image files to copy. */
export interface VaultInputs {
  stepCodes: string[];
  /** Absolute paths of images; copied into `assets/` as `les-<basename>`. */
  images: string[];
}

export interface GeneratedNote {
  /** Path inside the vault, `/`-separated. */
  rel: string;
  name: string;
  kind: Kind;
}

export interface VaultStats {
  notes: number;
  folders: number;
  learningLines: number;
  modules: number;
  /** Every `[[…]]` written, the `Volgende stap` links included. */
  wikilinks: number;
  broken: number;
  anchors: number;
  aliases: number;
  nextSteps: number;
  imageEmbeds: number;
  words: number;
}

export interface GeneratedVault {
  dir: string;
  notes: GeneratedNote[];
  stats: VaultStats;
}

const LINES = ["Containers", "Infrastructuur", "Softwareontwikkeling", "Beveiliging", "Cloud", "DevOps", "Netwerken", "Data"];
const MODULES = [
  "Basis", "Images", "Orkestratie", "Opslag", "Netwerken", "Registries", "Buildprocessen", "Beheer", "Monitoring", "Beveiliging",
  "Webapps", "Databases", "Automatisering", "Schalen", "Ontwerp", "Testen", "Uitrollen", "Herstel", "Kwaliteit", "Samenwerken",
];
const SUBJECTS = [
  "Docker Images", "Docker Containers", "Dockerfile", "Docker Compose", "Docker Volumes", "Bind Mounts", "Docker Netwerken",
  "Docker Registry", "Environment Variables", "Multi-stage Builds", "Build Cache", "Healthchecks", "Logging", "Secrets",
  "Poorten", "Base Images", "Image Tags", "Container Resources", "Restart Policies", "Docker Desktop", "Podman", "Buildx",
  "Image Scanning", "Rootless Containers", "Reverse Proxy", "Databases in Containers", "Webservers", "Node Apps",
  "Python Apps", "Java Apps", "Monitoring", "Back-ups", "Docker Contexts", "Labels", "Overlay Netwerken", "Docker Swarm",
];
const QUALIFIERS = [
  "", "Basis", "Verdieping", "in Productie", "voor Webapps", "met Compose", "op Linux", "op Windows", "Beveiligen",
  "Troubleshooten", "Automatiseren", "Optimaliseren", "in de Praktijk", "voor Teams",
];
const TAGS = ["docker", "linux", "netwerken", "beveiliging", "devops", "cloud", "opslag", "webapps", "basis", "praktijk"];
const UITLEG_H2 = ["Wat is %?", "Hoe werkt %?", "Waarom %?", "% in de praktijk", "Veelgemaakte fouten", "Begrippen", "Voor- en nadelen", "Samenvatting"];
const ACTIONS = [
  "Voorbereiden", "De image ophalen", "De container starten", "De configuratie aanpassen", "Gegevens bewaren",
  "Het netwerk instellen", "De logs bekijken", "De build versnellen", "Een tweede service toevoegen", "Afsluiten",
];
const EXERCISES = ["Herkennen", "Toepassen", "Fouten zoeken", "Vergelijken", "Uitbreiden", "Uitleggen"];
const H3 = ["Voorbeeld", "Achtergrond", "Tip voor de praktijk", "Variant met Compose", "Zo controleer je het", "Op Windows en macOS"];

interface Lesson extends GeneratedNote {
  index: number;
  module: number;
  topic: string;
  code: string;
  tags: string[];
  h2: string[];
}

/** Unique topics: subject × qualifier in seeded order, then the same again with ` Deel k`. */
function topics(rng: Rng, count: number): string[] {
  const combos = rng.shuffle(SUBJECTS.flatMap((s) => QUALIFIERS.map((q) => (q ? `${s} ${q}` : s))));
  return Array.from({ length: count }, (_, i) => {
    const round = Math.floor(i / combos.length);
    return combos[i % combos.length]! + (round > 0 ? ` Deel ${round + 1}` : "");
  });
}

function headingsFor(rng: Rng, kind: Kind, topic: string): string[] {
  const pickN = (pool: string[], n: number) => rng.shuffle(pool.map((_, i) => i)).slice(0, n).sort((a, b) => a - b).map((i) => pool[i]!);
  if (kind === "Uitleg") return pickN(UITLEG_H2, rng.int(4, 7)).map((h) => h.replace("%", topic));
  if (kind === "Stappen") return ["Overzicht", ...pickN(ACTIONS, rng.int(3, 6)).map((a, i) => `Stap ${i + 1}: ${a}`), "Controleren"];
  if (kind === "Oefeningen") return [...pickN(EXERCISES, rng.int(3, 5)).map((e, i) => `Opdracht ${i + 1}: ${e}`), "Reflectie"];
  return ["Context", "Opdracht", "Eisen", "Oplevering", "Beoordeling"];
}

/** The lessons of the vault, with folders, names, codes and headings (no text yet). */
function plan(rng: Rng, pages: number, stepCodes: string[]): { lessons: Lesson[]; folders: string[]; lines: number; modules: number } {
  const moduleCount = Math.ceil(pages / LESSONS_PER_MODULE);
  const pool = topics(rng, moduleCount * (Math.floor(LESSONS_PER_MODULE / 3) + LESSONS_PER_MODULE % 3));
  const lessons: Lesson[] = [];
  const folders: string[] = [];
  let nextTopic = 0;
  for (let m = 0; m < moduleCount; m++) {
    const line = Math.floor(m / MODULES_PER_LINE);
    const inLine = m % MODULES_PER_LINE;
    const lineName = `${line + 1}. Leerlijn ${LINES[line % LINES.length]}${line >= LINES.length ? ` ${Math.floor(line / LINES.length) + 1}` : ""}`;
    const moduleName = `${inLine + 1}. Module ${MODULES[m % MODULES.length]}${m >= MODULES.length ? ` ${Math.floor(m / MODULES.length) + 1}` : ""}`;
    if (inLine === 0) folders.push(lineName);
    const folder = `${lineName}/${moduleName}`;
    folders.push(folder);
    const count = Math.min(LESSONS_PER_MODULE, pages - m * LESSONS_PER_MODULE);
    const triples = Math.floor(count / 3);
    const level = 1 + Math.floor((inLine * 3) / MODULES_PER_LINE);
    const kinds: Array<{ kind: Kind; topic: string }> = [];
    for (let t = 0; t < triples; t++) {
      const topic = pool[nextTopic++]!;
      for (const kind of ["Uitleg", "Stappen", "Oefeningen"] as const) kinds.push({ kind, topic });
    }
    while (kinds.length < count) kinds.push({ kind: "Leertaak", topic: pool[nextTopic++]! });
    const stepOf = new Map<string, string>();
    kinds.forEach(({ kind, topic }, i) => {
      if (!stepOf.has(topic)) stepOf.set(topic, rng.pick(stepCodes));
      const name = `${i + 1}. ${kind} ${topic}`;
      const slug = topic.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
      lessons.push({
        index: lessons.length,
        module: m,
        rel: `${folder}/${name}.md`,
        name,
        kind,
        topic,
        code: `${stepOf.get(topic)}.${level}.${slug}.${COMPONENT[kind]}`,
        tags: rng.shuffle([...TAGS]).slice(0, rng.int(1, 3)),
        h2: headingsFor(rng, kind, topic),
      });
    });
  }
  return { lessons, folders, lines: Math.ceil(moduleCount / MODULES_PER_LINE), modules: moduleCount };
}

function aliasText(target: Lesson): string {
  const t = target.topic.toLowerCase();
  return { Uitleg: `de uitleg over ${t}`, Stappen: `de stappen voor ${t}`, Oefeningen: `de oefeningen bij ${t}`, Leertaak: `de leertaak ${t}` }[target.kind];
}

interface Counters {
  links: number;
  broken: number;
  anchors: number;
  aliases: number;
}

/** 3-8 wikilinks from `lesson`: its topic's siblings first, then lessons of its module and of the vault. */
function linksFor(rng: Rng, lesson: Lesson, lessons: Lesson[], c: Counters): string[] {
  const others = lessons.length - 1;
  const want = Math.min(others, rng.int(3, 8));
  const inModule = lessons.filter((l) => l.module === lesson.module && l !== lesson);
  const targets: Lesson[] = inModule.filter((l) => l.topic === lesson.topic);
  for (let guard = 0; targets.length < want && guard < 100; guard++) {
    const t = rng.chance(0.5) && inModule.length ? rng.pick(inModule) : rng.pick(lessons);
    if (t !== lesson && !targets.includes(t)) targets.push(t);
  }
  return targets.slice(0, want).map((t) => {
    c.links++;
    if (c.links % BROKEN_EVERY === 0) {
      c.broken++;
      return `[[${t.name} (oud)]]`;
    }
    const r = rng.next();
    if (r < 0.25) {
      c.aliases++;
      return `[[${t.name}|${aliasText(t)}]]`;
    }
    if (r < 0.5) {
      c.anchors++;
      return `[[${t.name}#${rng.pick(t.h2)}]]`;
    }
    return `[[${t.name}]]`;
  });
}

type Block = { p: string } | { raw: string };

/** The Markdown of one lesson: front matter, sections with prose, callouts and code, links and the closing line. */
function lessonText(rng: Rng, lesson: Lesson, links: string[], next: Lesson | undefined, image: string | undefined): { text: string; words: number } {
  // Prose only; links, callouts and code add roughly 10 % to the count.
  const target = rng.int(360, 1000);
  const blocks: Block[] = [{ p: paragraph(rng, lesson.topic, 2, 4) }];
  const perSection = (target - wordCount((blocks[0] as { p: string }).p)) / lesson.h2.length;
  if (image) blocks.push({ raw: `![[${image}|Schema bij ${lesson.topic}|400]]` });
  const h3Pool = rng.shuffle([...H3]);
  const wantSection = rng.chance(0.2);
  lesson.h2.forEach((heading, i) => {
    blocks.push({ raw: `## ${heading}` });
    let words = 0;
    const code = lesson.kind === "Stappen" && heading.startsWith("Stap ");
    const sectionWrap = wantSection && i === 1;
    if (sectionWrap) blocks.push({ raw: "::: section" });
    do {
      const p = paragraph(rng, lesson.topic, 2, 5);
      words += wordCount(p);
      blocks.push({ p });
      if (h3Pool.length && rng.chance(0.15)) blocks.push({ raw: `### ${h3Pool.pop()}` });
    } while (words < perSection - 40);
    if (sectionWrap) blocks.push({ raw: ":::" });
    if (code || rng.chance(0.2)) blocks.push({ raw: bashBlock(rng) });
    if (rng.chance(0.25)) blocks.push({ raw: callout(rng, lesson.topic) });
  });
  if (lesson.kind !== "Oefeningen" && rng.chance(0.4)) blocks.splice(rng.int(2, blocks.length), 0, { raw: dockerfileBlock(rng) });
  if (rng.chance(lesson.kind === "Leertaak" ? 0.7 : 0.25)) blocks.splice(rng.int(2, blocks.length), 0, { raw: composeBlock(rng) });
  // Each link goes at the end of a random paragraph.
  const paragraphs = blocks.filter((b): b is { p: string } => "p" in b);
  for (const link of links) {
    const b = rng.pick(paragraphs);
    b.p += ` ${linkSentence(rng, link)}`;
  }
  const body = blocks.map((b) => ("p" in b ? b.p : b.raw)).join("\n\n");
  const front = ["---", `title: ${lesson.name}`, `taxonomie: ['${lesson.code}']`, `tags: [${lesson.tags.join(", ")}]`, "---", ""].join("\n");
  const closing = next ? `\n\n---\n\n> Volgende stap: [[${next.name}]]` : "";
  return { text: `${front}\n${body}${closing}\n`, words: paragraphs.reduce((n, b) => n + wordCount(b.p), 0) };
}

/** Writes the vault into `dir` (which must be empty or absent). Same (pages, seed, inputs): same files. */
export function generateVault(dir: string, pages: number, seed: number, inputs: VaultInputs): GeneratedVault {
  const rng = new Rng(seed);
  const { lessons, folders, lines, modules } = plan(rng, pages, inputs.stepCodes);
  for (const f of folders) mkdirSync(path.join(dir, f), { recursive: true });
  const embedCount = lessons.length ? Math.max(1, Math.round(lessons.length / 50)) : 0;
  const images = inputs.images.slice(0, embedCount).map((src) => `les-${path.basename(src)}`);
  if (images.length) mkdirSync(path.join(dir, "assets"), { recursive: true });
  inputs.images.slice(0, images.length).forEach((src, i) => copyFileSync(src, path.join(dir, "assets", images[i]!)));
  const embedAt = new Map<number, string>();
  for (let k = 0; k < embedCount && images.length; k++) embedAt.set(Math.floor(((k + 0.5) * lessons.length) / embedCount), images[k % images.length]!);

  const c: Counters = { links: 0, broken: 0, anchors: 0, aliases: 0 };
  let nextSteps = 0;
  let words = 0;
  for (const lesson of lessons) {
    const links = linksFor(rng, lesson, lessons, c);
    const next = rng.chance(0.9) ? lessons[lesson.index + 1] : undefined;
    if (next) nextSteps++;
    const out = lessonText(rng, lesson, links, next, embedAt.get(lesson.index));
    words += out.words;
    writeFileSync(path.join(dir, lesson.rel), out.text);
  }
  return {
    dir,
    notes: lessons.map(({ rel, name, kind }) => ({ rel, name, kind })),
    stats: {
      notes: lessons.length,
      folders: folders.length,
      learningLines: lines,
      modules,
      wikilinks: c.links + nextSteps,
      broken: c.broken,
      anchors: c.anchors,
      aliases: c.aliases,
      nextSteps,
      imageEmbeds: embedAt.size,
      words,
    },
  };
}

/** The generator's inputs from the project: step codes of `src/taxonomy/processtappen.tsv`, PNG/JPEG files of `_assets/`. */
export function projectInputs(root: string): VaultInputs {
  const tsv = readFileSync(path.join(root, "src/taxonomy/processtappen.tsv"), "utf8");
  const [header, ...rows] = tsv.trim().split(/\r?\n/);
  const col = header!.split("\t").indexOf("code");
  const stepCodes = rows.map((r) => r.split("\t")[col]!.trim()).filter(Boolean);
  const assets = path.join(root, "_assets");
  const images = readdirSync(assets)
    .filter((f) => /\.(png|jpe?g)$/i.test(f))
    .sort()
    .slice(0, 3)
    .map((f) => path.join(assets, f));
  return { stepCodes, images };
}
