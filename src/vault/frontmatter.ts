/**
 * Front matter: split a note into YAML data and body, and normalise the keys this
 * site understands. Vault notes often carry keys that mean something else to
 * Eleventy (`permalink`, `layout`, `tags` as a string, a `date` that is no date):
 * here they are only data, interpreted by these rules and nothing else.
 */
import { say } from "../diagnostics/messages.ts";
import { isAlias, parseDocument, visit, type Document } from "yaml";

export interface FrontMatterProblem {
  /** 1-based line in the file. */
  line: number;
  column: number;
  rule: string;
  message: string;
  hint?: string;
  severity: "error" | "warning";
}

export interface ParsedFrontMatter {
  /** Raw YAML data (empty object when there is none or it is malformed). */
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line number in the file of the body's first line. */
  bodyLine: number;
  /** 1-based line number of each top-level key. */
  keyLines: Map<string, number>;
  problems: FrontMatterProblem[];
}

const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(source: string): ParsedFrontMatter {
  const text = source.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  const empty: ParsedFrontMatter = { data: {}, body: text, bodyLine: 1, keyLines: new Map(), problems: [] };
  if (!FENCE.test(lines[0] ?? "")) return empty;
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i]!) || /^\.\.\.[ \t]*$/.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    return {
      ...empty,
      problems: [
        {
          line: 1,
          column: 1,
          rule: "frontmatter-unclosed",
          ...say("frontmatter-unclosed", {}),
          severity: "error",
        },
      ],
    };
  }
  const yamlText = lines.slice(1, end).join("\n");
  const body = lines.slice(end + 1).join("\n");
  const result: ParsedFrontMatter = { data: {}, body, bodyLine: end + 2, keyLines: new Map(), problems: [] };
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 1)) {
      // Errors are found where the parser gives up, often the start of the next line: point at the line before.
      let offset = Math.min(err.pos[0], yamlText.length);
      while (offset > 0 && /\s/.test(yamlText[offset - 1]!) ) offset--;
      if (offset > 0) offset--;
      // An unclosed quote: point at the line where it opens.
      if (/quote/i.test(err.message)) offset = Math.max(0, Math.max(yamlText.lastIndexOf('"', offset), yamlText.lastIndexOf("'", offset)));
      const before = yamlText.slice(0, offset);
      const yamlLine = before.split("\n").length;
      result.problems.push({
        line: yamlLine + 1,
        column: offset - before.lastIndexOf("\n"),
        rule: "frontmatter-yaml",
        ...say("frontmatter-yaml", { error: err.message.split("\n")[0] ?? "" }),
        severity: "error",
      });
    }
    return result;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (err) {
    // Turning the YAML into data can still fail: too many aliases (a "billion laughs" that
    // would fill the memory), an alias whose anchor is missing. One note's problem, never a crash.
    result.problems.push(dataProblem(doc, yamlText, err as Error));
    return result;
  }
  if (value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value))) {
    result.problems.push({
      line: 2,
      column: 1,
      rule: "frontmatter-yaml",
      ...say("frontmatter-yaml", { cause: "not-a-map" }),
      severity: "error",
    });
    return result;
  }
  result.data = (value ?? {}) as Record<string, unknown>;
  const contents = doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null;
  const lineOf = lineFinder(yamlText);
  for (const item of contents?.items ?? []) {
    const key = item.key?.value;
    const offset = item.key?.range?.[0];
    if (typeof key === "string" && typeof offset === "number") {
      result.keyLines.set(key, lineOf(offset) + 1);
    }
  }
  const date = dateProblem(result.data.date, result.keyLines.get("date") ?? 2);
  if (date) result.problems.push(date);
  return result;
}

/** How often aliases (`*naam`) may be filled in, counting what nested aliases fill in. */
export const MAX_ALIAS_EXPANSIONS = 50;

/** A `frontmatter-yaml` error for YAML that parsed but cannot become data, at the alias that caused it. */
function dataProblem(doc: Document, yamlText: string, err: Error): FrontMatterProblem {
  const aliases: Array<{ source: string; offset: number }> = [];
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node)) aliases.push({ source: node.source, offset: node.range?.[0] ?? 0 });
    },
  });
  const excessive = /excessive alias count/i.test(err.message);
  // Too many: the first alias of the anchor used most; otherwise the first alias (the one without an anchor).
  let at: { source: string; offset: number } | undefined = aliases[0];
  if (excessive && aliases.length > 0) {
    const uses = new Map<string, number>();
    for (const a of aliases) uses.set(a.source, (uses.get(a.source) ?? 0) + 1);
    const most = [...uses].sort((a, b) => b[1] - a[1])[0]![0];
    at = aliases.find((a) => a.source === most);
  }
  const offset = at?.offset ?? 0;
  const before = yamlText.slice(0, offset);
  const name = at ? `*${at.source}` : "een alias";
  const error = excessive
    ? `${name} en de andere aliassen worden samen meer dan ${MAX_ALIAS_EXPANSIONS} keer ingevuld`
    : (err.message.split("\n")[0] ?? "");
  return {
    line: before.split("\n").length + 1,
    column: offset - before.lastIndexOf("\n"),
    rule: "frontmatter-yaml",
    ...say("frontmatter-yaml", { error, cause: excessive ? "aliases" : "anchor" }),
    severity: "error",
  };
}

/** A warning for a `date` that is no date (`date: morgen`, `date: 31-02-2026`); the page then has no date. */
export function dateProblem(value: unknown, line: number): FrontMatterProblem | undefined {
  if (value === null || value === undefined || value === "" || dateValue(value)) return undefined;
  const written = value instanceof Date ? "" : ` ${typeof value === "string" ? `"${value}"` : (JSON.stringify(value) ?? String(value))}`;
  return {
    line,
    column: 1,
    rule: "date-invalid",
    ...say("date-invalid", { written }),
    severity: "warning",
  };
}

/** 1-based line of an offset in `text`: the line starts are found once, then binary-searched. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** A value that may be a list, a single string or a comma-separated string, as a list of strings. */
export function stringList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => stringList(v));
  if (typeof value === "string") {
    return value
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  return [];
}

/** Tags as Obsidian reads them: a list or a string, `#` optional, separated by commas or spaces. */
export function tagList(value: unknown): string[] {
  const raw = typeof value === "string" ? value.split(/[\s,]+/) : stringList(value);
  return raw.map((t) => t.replace(/^#/, "").trim()).filter(Boolean);
}

/** A date from front matter, or undefined when it is not a real date (also not `2026-02-31`). */
export function dateValue(value: unknown): Date | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const ymd = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (ymd) {
    const [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    // `new Date` rolls 31 February over into March: the day must exist in its month.
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    const d = new Date(value as string);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return undefined;
}

/** Why a note is not published, or undefined when it is. */
export function unpublishedReason(data: Record<string, unknown>): string | undefined {
  if (data.draft === true || data.draft === "true") return "draft: true";
  if (data.ignore === true || data.ignore === "true") return "ignore: true";
  if (data.publish === false || data.publish === "false") return "publish: false";
  return undefined;
}
