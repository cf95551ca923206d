/**
 * Content rules of the course check: problems the Markdown renderer does not see because
 * they concern front matter, the file as bytes, the course as a whole, or the code in the
 * lessons. Pure functions over the vault index (no Eleventy, no second link resolver):
 * links and attachments are resolved with the vault's own `resolveNote`/`resolveAttachment`,
 * and Markdown is tokenised with the shared `createMarkdown()` parser.
 *
 * `compile()` in `src/compile/index.ts` runs `checkNoteRules()` on each page right after its
 * render (reusing its tokens and the attachments it resolved, `scan.ts`) and the vault-wide
 * rules of `vault-rules.ts` at the end, so the build and `npm run check` report exactly the
 * same problems. `runContentRules()` does the same for a vault without a render; only drafts
 * are parsed. Unpublished notes (drafts) are not checked; they only count when deciding whether an
 * attachment is used. The rules for Docker code live in `code-rules.ts`.
 *
 * Every rule id is listed in `CONTENT_RULES` and documented for teachers in
 * `content/Handleiding voor docenten.md`.
 */
import type MarkdownIt from "markdown-it";
import type { Diagnostics, Severity } from "../diagnostics/index.ts";
import { createMarkdown, type RenderedNote } from "../markdown/index.ts";
import { COMPONENTS, componentOfName, findStep, parseCode, processSteps, type Component } from "../taxonomy/index.ts";
import type { Note, Vault } from "../vault/index.ts";
import { NameMatcher } from "../vault/slug.ts";
import { checkCode } from "./code-rules.ts";
import { checkMojibake } from "./mojibake.ts";
import { checkQuizPattern } from "./quiz-pattern.ts";
import { findPlaceholder, normaliseLine } from "./placeholders.ts";
import { parseNote, scanNote, withoutInlineCode, type ScannedNote } from "./scan.ts";
import { checkVaultRules, noteFacts, type NoteFacts } from "./vault-rules.ts";

export interface RuleInfo {
  id: string;
  severity: Severity | "error/warning";
  /** What the rule finds, one line. */
  summary: string;
}

/** Every rule this module reports. */
export const CONTENT_RULES: RuleInfo[] = [
  { id: "title-missing", severity: "warning", summary: "front matter has no `title`" },
  { id: "title-mismatch", severity: "warning", summary: "`title` differs from the file name" },
  { id: "frontmatter-unknown-key", severity: "warning", summary: "front-matter key this site does not know" },
  { id: "taxonomy-missing", severity: "warning", summary: "lesson (Uitleg/Stappen/Oefeningen/Leertaak) without taxonomie codes" },
  { id: "taxonomy-invalid", severity: "error", summary: "taxonomie code does not match the pattern `ib-19.2.Onderwerp.OI`" },
  { id: "taxonomy-unknown-step", severity: "error", summary: "taxonomie code names a process step that does not exist" },
  { id: "taxonomy-component", severity: "warning", summary: "component of the code does not match the kind in the file name" },
  { id: "todo-marker", severity: "warning", summary: "work-in-progress marker `TODO` or `-=TODO=-` outside code" },
  { id: "mojibake", severity: "warning", summary: "double-encoded UTF-8 such as `Ã«` for `ë`" },
  { id: "bom", severity: "warning", summary: "file starts with a byte-order mark" },
  { id: "crlf", severity: "warning", summary: "file has Windows (CRLF) line endings" },
  { id: "encoding", severity: "warning", summary: "file is not UTF-8; read as Windows-1252 (Latin-1)" },
  { id: "placeholder", severity: "warning", summary: "a sentence from a lesson template (`templates/*.md`) that was never replaced" },
  { id: "duplicate-number", severity: "warning", summary: "two lessons in one folder with the same number" },
  { id: "next-step-cycle", severity: "error", summary: "the `Volgende stap` chain runs in a circle" },
  { id: "unused-attachment", severity: "warning", summary: "file in the vault that no page links or embeds" },
  { id: "unused-asset", severity: "info", summary: "file in `_assets/` that no page uses" },
  { id: "dockerfile", severity: "error/warning", summary: "problem in a ```dockerfile block (unknown instruction, missing arguments, ...)" },
  { id: "compose-yaml", severity: "error", summary: "Compose file in a ```yaml block is not valid YAML" },
  { id: "compose-unknown-key", severity: "warning", summary: "unknown top-level key in a Compose file" },
  { id: "compose-version", severity: "warning", summary: "`version:` in a Compose file is obsolete in Compose v2" },
  { id: "docker-compose-v1", severity: "warning", summary: "code uses the retired `docker-compose` command instead of `docker compose`" },
  { id: "docker-command", severity: "warning", summary: "a `docker` command that does not exist (`docker contianer ls`, `docker compose upp`)" },
  { id: "quiz-pattern", severity: "warning", summary: "self-test answers that can be guessed: the right option is mostly the longest, or mostly in one place" },
  { id: "unsafe-html", severity: "warning", summary: "raw HTML that could run code in a student's browser (`<script>`, `on*=`, `javascript:` URLs, frames); removed from the page (markdown/html.ts)" },
];

/** Front-matter keys this site understands. */
export const KNOWN_FRONT_MATTER_KEYS = [
  "title",
  "taxonomie",
  "tags",
  "date",
  "aliases",
  "alias",
  "draft",
  "ignore",
  "publish",
  "description",
  "doelgroep",
  "cssclasses",
  "permalink",
  "layout",
];
const knownKeys = new Set(KNOWN_FRONT_MATTER_KEYS);
const knownKeyNames = new NameMatcher(KNOWN_FRONT_MATTER_KEYS);
const knownKeysList = KNOWN_FRONT_MATTER_KEYS.join(", ");

// ---------------------------------------------------------------------------------------
// Front matter

export function checkFrontMatter(note: Note, diagnostics: Diagnostics): void {
  if (hasFrontMatterError(note)) return; // the YAML itself is already reported
  const title = note.data.title;
  const name = note.name.normalize("NFC");
  if (title === undefined || title === null || (typeof title === "string" && !title.trim())) {
    diagnostics.report("warning", "title-missing", { file: note.file, line: 1 }, { name: note.name });
  } else {
    const written = typeof title === "string" || typeof title === "number" ? String(title).trim().normalize("NFC") : undefined;
    if (written !== name) {
      diagnostics.report("warning", "title-mismatch", { file: note.file, line: note.keyLines.get("title") ?? 1 }, { title: written ?? JSON.stringify(title), name: note.name });
    }
  }
  for (const [key, line] of note.keyLines) {
    if (knownKeys.has(key)) continue;
    const guess = knownKeyNames.closest(key);
    diagnostics.report("warning", "frontmatter-unknown-key", { file: note.file, line }, { key, guess, known: knownKeysList });
  }
}

// ---------------------------------------------------------------------------------------
// Taxonomy

/** 1-based line and column of each taxonomie code in the front matter (in order of `note.taxonomie`). */
export function taxonomyPositions(note: Note, lines: string[]): Array<{ code: string; line: number; column: number }> {
  const keyLine = note.keyLines.get("taxonomie") ?? 1;
  const fmEnd = Math.max(keyLine, note.bodyLine - 2);
  const used = new Set<string>();
  /** The first place of `code` from line `start`, column `from` on, that no earlier code took. */
  const find = (code: string, start: number, from: number): { line: number; at: number } | undefined => {
    for (let i = start; i < fmEnd && i < lines.length; i++) {
      let at = lines[i]!.indexOf(code, i === start ? from : 0);
      while (at >= 0 && used.has(`${i}:${at}`)) at = lines[i]!.indexOf(code, at + 1);
      if (at >= 0) return { line: i, at };
    }
    return undefined;
  };
  // The codes are written in list order: each is looked for after the previous one first, and
  // from the taxonomie key only when it is not there (one pass for a long list, not one per code).
  let after = { line: keyLine - 1, from: 0 };
  return note.taxonomie.map((code) => {
    const hit = find(code, after.line, after.from) ?? find(code, keyLine - 1, 0);
    if (!hit) return { code, line: keyLine, column: 0 };
    used.add(`${hit.line}:${hit.at}`);
    after = { line: hit.line, from: hit.at + 1 };
    return { code, line: hit.line + 1, column: hit.at + 1 };
  });
}

export function checkTaxonomy(note: Note, lines: string[], diagnostics: Diagnostics): void {
  const expected = componentOfName(note.name);
  const kind = (c: Component | undefined) => COMPONENTS.find((x) => x.code === c);
  if (note.taxonomie.length === 0) {
    if (expected && !hasFrontMatterError(note)) {
      diagnostics.report("warning", "taxonomy-missing", { file: note.file, line: note.keyLines.get("taxonomie") ?? 1 }, { kind: kind(expected)!.kind, component: expected });
    }
    return;
  }
  const steps = processSteps();
  for (const { code, line, column } of taxonomyPositions(note, lines)) {
    const parsed = parseCode(code);
    if (!parsed) {
      diagnostics.report("error", "taxonomy-invalid", { file: note.file, line, column }, { code });
      continue;
    }
    if (!findStep(parsed.step, steps)) {
      const id = Number(parsed.step.split("-")[1]);
      const same = steps.find((s) => s.id === id);
      diagnostics.report("error", "taxonomy-unknown-step", { file: note.file, line, column }, { code, step: parsed.step, same: same ? `${id} is "${same.code}" (${same.name})` : undefined });
    }
    if (expected && parsed.component !== expected) {
      const k = kind(expected)!;
      diagnostics.report("warning", "taxonomy-component", { file: note.file, line, column }, { code, component: parsed.component, componentKind: kind(parsed.component)!.kind, kind: k.kind, expected });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Text: TODO markers, template text, byte-order mark, line endings (mojibake: mojibake.ts)

const TODO = /-=TODO=-|(?<![\w-])(?<!\[!)TODO(?!\w)/g;

export function checkTodo(scan: ScannedNote, diagnostics: Diagnostics): void {
  scan.lines.forEach((raw, i) => {
    if (scan.code[i]) return;
    const line = withoutInlineCode(raw);
    for (const m of line.matchAll(TODO)) {
      diagnostics.report("warning", "todo-marker", { file: scan.note.file, line: i + 1, column: m.index + 1 }, { marker: m[0] });
      return; // one per line is enough
    }
  });
}

/** Lines still holding template text (`placeholders.ts`), one warning per line, outside code and front matter. */
export function checkPlaceholders(scan: ScannedNote, diagnostics: Diagnostics): void {
  scan.lines.forEach((line, i) => {
    if (scan.code[i] || i < scan.note.bodyLine - 1) return;
    const found = findPlaceholder(line);
    if (!found) return;
    const text = normaliseLine(line).replace(/^\[![^\]]+\][+-]?\s*/, "");
    diagnostics.report("warning", "placeholder", { file: scan.note.file, line: i + 1 }, { text: text.length > 60 ? `${text.slice(0, 60)}…` : text, template: found.template });
  });
}

/** True when the front matter could not be read (a warning such as `date-invalid` does not count). */
function hasFrontMatterError(note: Note): boolean {
  return note.frontMatterProblems.some((p) => p.severity === "error");
}

export function checkEncoding(note: Note, diagnostics: Diagnostics): void {
  if (note.encoding) {
    const { line, text } = note.encoding;
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    diagnostics.report("warning", "encoding", { file: note.file, line }, { line, shown });
  }
  if (note.source.startsWith("\uFEFF")) {
    diagnostics.report("warning", "bom", { file: note.file, line: 1, column: 1 }, {});
  }
  const crlf = note.source.indexOf("\r\n");
  if (crlf >= 0) {
    const line = note.source.slice(0, crlf).split("\n").length;
    diagnostics.report("warning", "crlf", { file: note.file, line }, {});
  }
}

// ---------------------------------------------------------------------------------------

/**
 * True when the vault is a course: some note has `taxonomie:` in its front matter. The rules
 * that only make sense for a course (a title in front matter, known keys, taxonomy codes, the
 * "Volgende stap" chain) run only then; on any other Obsidian vault a note's title is its file
 * name, as in Obsidian. Rules about broken things (links, anchors, images, YAML) always run.
 */
export function isCourseVault(notes: Iterable<Note>): boolean {
  for (const note of notes) if (note.keyLines.has("taxonomie")) return true;
  return false;
}

export interface RuleOptions {
  /** Run the course rules (see `isCourseVault`). Default `true`. */
  course?: boolean;
}

/** The rules that look at one published note only. */
export function checkNoteRules(scan: ScannedNote, diagnostics: Diagnostics, options: RuleOptions = {}): void {
  const { note } = scan;
  if (options.course !== false) {
    checkFrontMatter(note, diagnostics);
    checkTaxonomy(note, scan.lines, diagnostics);
    checkPlaceholders(scan, diagnostics);
  }
  checkEncoding(note, diagnostics);
  checkTodo(scan, diagnostics);
  checkMojibake(scan, diagnostics);
  checkCode(scan, diagnostics);
  checkQuizPattern(scan, diagnostics);
}

/** Runs every content rule over the vault; drafts are only used to decide which attachments are in use. */
export interface RuleInput {
  /** Rendered notes by vault path: their tokens are used instead of parsing again. */
  rendered?: Map<string, Pick<RenderedNote, "tokens" | "env">>;
  /** Parser for notes that were not rendered (drafts, or everything when `rendered` is absent). */
  md?: MarkdownIt;
}

export function runContentRules(vault: Vault, diagnostics: Diagnostics, input: RuleInput = {}): void {
  let md = input.md;
  const facts: NoteFacts[] = [];
  const course = isCourseVault(vault.notes);
  for (const note of vault.notes) {
    const parsed = input.rendered?.get(note.rel) ?? parseNote((md ??= createMarkdown({ vault, highlight: false })), note);
    const scan = scanNote(note, parsed);
    if (!note.unpublished) checkNoteRules(scan, diagnostics, { course });
    facts.push(noteFacts(vault, scan));
  }
  checkVaultRules(vault, facts, diagnostics, { course });
}
