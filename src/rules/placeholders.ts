/**
 * Template placeholder text: the sentences of `templates/*.md` that tell the teacher what to
 * write ("Beschrijf hier ...", "Het juiste antwoord"). They are read from the templates
 * themselves, so a changed template is recognised without a second list. A lesson line is a
 * placeholder when, stripped of Markdown markers, it is exactly such a template line, with any
 * text where the template has a `{{...}}` field.
 *
 * Not placeholders, because a lesson keeps them: headings, callout titles (`> [!TIP] Casus`),
 * code, front matter, and a one-sentence lead-in that ends in a colon ("Een Git-repository
 * (of zip) met daarin:").
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the lesson templates, at the project root. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface Placeholder {
  /** The template line, normalised (what a lesson line is compared with). */
  text: string;
  /** Template file name, e.g. `Uitleg.md`. */
  template: string;
  /** Matches a normalised lesson line; `{{...}}` fields match any text. */
  pattern: RegExp;
}

const FENCE = /^\s*(?:>\s*)*(```|~~~)/;
const CALLOUT = /^\[!([^\]]+)\][+-]?\s*/;

/** A line without quote markers, list bullets, task boxes, bold markers and surrounding space. */
export function normaliseLine(line: string): string {
  return line
    .replace(/^\s*(?:>\s*)*/, "")
    .replace(/^(?:[-*+]|\d+[.)])\s+/, "")
    .replace(/^\[[ xX]\]\s+/, "")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The placeholder lines of one template text. */
export function templatePlaceholders(source: string, template: string): Placeholder[] {
  const out: Placeholder[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  if (lines[0]?.trim() === "---") {
    i = lines.findIndex((l, n) => n > 0 && l.trim() === "---") + 1;
  }
  let fence: string | undefined;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const f = FENCE.exec(raw);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    let text = normaliseLine(raw);
    if (!text || text.startsWith("#")) continue;
    const callout = CALLOUT.exec(text);
    if (callout) {
      // A callout's title stays; a quiz question is text the teacher writes.
      if (callout[1]!.toLowerCase() !== "quiz") continue;
      text = text.slice(callout[0].length);
      if (!text) continue;
    }
    // A one-sentence lead-in to a list or code block is a line a lesson may keep as it is.
    if (text.endsWith(":") && !/[.?!]\s/.test(text)) continue;
    const pattern = new RegExp(`^${text.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+?")}$`);
    out.push({ text, template, pattern });
  }
  return out;
}

const cache = new Map<string, { byStart: Map<string, Placeholder[]> }>();

/** Placeholders of every template in `dir`, indexed by their first word (read once per folder). */
function placeholderIndex(dir: string): Map<string, Placeholder[]> {
  let entry = cache.get(dir);
  if (!entry) {
    const byStart = new Map<string, Placeholder[]>();
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
    } catch {
      /* no templates: nothing to recognise */
    }
    for (const file of files) {
      for (const p of templatePlaceholders(readFileSync(path.join(dir, file), "utf8"), file)) {
        const key = firstWord(p.text);
        const list = byStart.get(key) ?? [];
        list.push(p);
        byStart.set(key, list);
      }
    }
    cache.set(dir, (entry = { byStart }));
  }
  return entry.byStart;
}

function firstWord(text: string): string {
  return text.split(" ", 1)[0]!.toLowerCase();
}

/** The template placeholder a lesson line still is, if any. */
export function findPlaceholder(line: string, dir: string = TEMPLATES_DIR): Placeholder | undefined {
  let text = normaliseLine(line);
  if (!text) return undefined;
  const callout = CALLOUT.exec(text);
  if (callout) text = text.slice(callout[0].length);
  const candidates = placeholderIndex(dir).get(firstWord(text));
  return candidates?.find((p) => p.pattern.test(text));
}
