/**
 * `npm run new -- "30. Uitleg Docker Security"`: creates a lesson from the template of its
 * kind (`templates/Uitleg.md`, `Stappen.md`, `Oefeningen.md`, `Leertaak.md`) with the front
 * matter filled in. The kind comes from the file name, like everywhere else in the course
 * (`componentOfName`). The lesson is a draft (`draft: true`) until the teacher removes that line.
 * Never overwrites a file; refuses a name that another page already has, and a number that
 * another lesson in the folder already has (drafts too), naming the next free number.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CODE_PATTERN, COMPONENTS, componentOfName, findStep, type Component } from "../taxonomy/index.ts";
import { loadVault } from "../vault/index.ts";
import { nameKey } from "../vault/slug.ts";
import { TEMPLATES_DIR } from "../rules/placeholders.ts";
import { lessonNumber, nextFreeNumber } from "../rules/vault-rules.ts";

export { TEMPLATES_DIR };
export const DEFAULT_FOLDER = "8. Docker";
export const DEFAULT_STEP = "ib-19";
export const LEVELS = [2, 3] as const;

/** A problem the teacher has to solve; the message is Dutch and shown as is. */
export class ScaffoldError extends Error {}

export interface ScaffoldOptions {
  /** The content folder (vault). */
  contentDir: string;
  /** Lesson name, e.g. `20. Uitleg Docker Security` (`.md` optional). */
  name: string;
  /** Folder inside the content folder. Default `8. Docker`. */
  folder?: string;
  /** Process step of the taxonomie codes. Default `ib-19` (Bouwen softwaresysteem). */
  step?: string;
  templatesDir?: string;
}

export interface ScaffoldResult {
  /** Absolute path of the new file. */
  abs: string;
  /** Path inside the content folder. */
  rel: string;
  kind: string;
  component: Component;
  codes: string[];
  /** True when the folder did not exist yet. */
  createdFolder: boolean;
}

/** The words after the kind word: `20. Uitleg Docker Security` -> `Docker Security`. */
export function subjectOf(name: string): string {
  return name.replace(/^\d+\.\s*/, "").split(/\s+/).slice(1).join(" ").trim();
}

/** The topic part of a taxonomie code: `Docker Security` -> `Docker-security` (the course's convention). */
export function topicOf(subject: string): string {
  const words = subject
    .split(/[\s.]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}_-]/gu, ""))
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w.toLowerCase())).join("-");
}

/** Fills `{{naam}}` placeholders; an unknown placeholder is a bug in the template. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (!(key in values)) throw new Error(`template placeholder ${whole} has no value`);
    return values[key]!;
  });
}

/**
 * Adds `draft: true` as the last line of the front matter (or sets an existing `draft:` key),
 * so the new lesson is not published until the teacher removes it. A text without front
 * matter gets one.
 */
export function markDraft(text: string): string {
  const m = /^---\r?\n([\s\S]*?)^---[ \t]*$/m.exec(text);
  if (!m || m.index !== 0) return `---\ndraft: true\n---\n${text}`;
  const body = m[1]!;
  const fm = /^draft\s*:.*$/m.test(body) ? body.replace(/^draft\s*:.*$/m, "draft: true") : `${body}draft: true\n`;
  return `---\n${fm}${text.slice(m[0].length - m[0].split(/\r?\n/).pop()!.length)}`;
}

const FORBIDDEN = /[\\/:*?"<>|#^[\]]/;

export function scaffoldLesson(options: ScaffoldOptions): ScaffoldResult {
  const name = options.name.trim().replace(/\.md$/i, "").normalize("NFC");
  if (!name) throw new ScaffoldError("Geef de naam van de les, bijvoorbeeld: npm run new -- \"30. Uitleg Docker Security\"");
  if (FORBIDDEN.test(name)) {
    throw new ScaffoldError(`De naam "${name}" bevat een teken dat niet in een bestandsnaam of link mag (\\ / : * ? " < > | # ^ [ ]).`);
  }
  const component = componentOfName(name);
  if (!component) {
    const kinds = COMPONENTS.map((c) => c.kind).join(", ");
    throw new ScaffoldError(
      `De naam "${name}" zegt niet wat voor les het is. Zet na het nummer een van deze woorden: ${kinds}. Bijvoorbeeld: "30. Uitleg Docker Security".`,
    );
  }
  const kind = COMPONENTS.find((c) => c.code === component)!;
  const subject = subjectOf(name);
  if (!subject) throw new ScaffoldError(`Na "${kind.kind}" hoort het onderwerp van de les, bijvoorbeeld: "${lessonNumber(name) ?? 30}. ${kind.kind} Docker Security".`);
  const step = options.step ?? DEFAULT_STEP;
  if (!findStep(step)) throw new ScaffoldError(`Processtap "${step}" bestaat niet; kijk in src/taxonomy/processtappen.tsv (bijvoorbeeld ib-19).`);
  const topic = topicOf(subject);
  const codes = LEVELS.map((level) => `${step}.${level}.${topic}.${component}`);
  const bad = codes.find((c) => !CODE_PATTERN.test(c));
  if (bad) throw new ScaffoldError(`Uit de naam volgt de taxonomiecode "${bad}", maar die is niet geldig. Gebruik letters en cijfers in het onderwerp.`);

  const contentDir = path.resolve(options.contentDir);
  if (!existsSync(contentDir)) throw new ScaffoldError(`De inhoudsmap ${contentDir} bestaat niet.`);
  const folder = options.folder ?? DEFAULT_FOLDER;
  const dir = path.resolve(contentDir, folder);
  const inside = path.relative(contentDir, dir);
  if (inside.startsWith("..") || path.isAbsolute(inside)) throw new ScaffoldError(`De map "${folder}" ligt niet in de inhoudsmap ${contentDir}.`);
  const rel = [...(inside ? inside.split(path.sep) : []), `${name}.md`].join("/");
  const abs = path.join(dir, `${name}.md`);
  if (existsSync(abs)) throw new ScaffoldError(`${rel} bestaat al; er is niets overschreven. Kies een andere naam of pas het bestaande bestand aan.`);
  const vault = loadVault({ root: contentDir });
  const twin = vault.notes.find((n) => nameKey(n.name) === nameKey(name));
  if (twin) throw new ScaffoldError(`Er is al een pagina met de naam "${twin.name}" (${twin.rel}); links als [[${name}]] zouden dubbelzinnig worden. Kies een andere naam.`);
  const number = lessonNumber(name);
  if (number !== undefined) {
    const folderKey = nameKey(inside.split(path.sep).join("/"));
    const sameFolder = vault.notes.filter((n) => nameKey(n.folders.join("/")) === folderKey);
    const clash = sameFolder.find((n) => lessonNumber(n.name) === number);
    if (clash) {
      const free = nextFreeNumber(sameFolder.map((n) => n.name), number);
      throw new ScaffoldError(
        `Nummer ${number} is in deze map al gebruikt door "${clash.name}" (${clash.rel})${clash.unpublished ? ", een concept" : ""}. ` +
          `Het eerstvolgende vrije nummer is ${free}: npm run new -- "${name.replace(/^\d+/, String(free))}"${options.folder !== undefined ? ` --map "${folder}"` : ""}`,
      );
    }
  }

  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const template = readFileSync(path.join(templatesDir, `${kind.kind}.md`), "utf8");
  const text = markDraft(
    fillTemplate(template, {
      titel: name,
      taxonomie: `[${codes.map((c) => `'${c}'`).join(", ")}]`,
      onderwerp: subject,
    }),
  );
  const createdFolder = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  // `wx`: fail instead of overwriting, also when the file appeared in the meantime.
  writeFileSync(abs, text, { encoding: "utf8", flag: "wx" });
  return { abs, rel, kind: kind.kind, component, codes, createdFolder };
}
