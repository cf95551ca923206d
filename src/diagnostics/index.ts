/**
 * Diagnostics: one collector for every problem found in the content, shared by the
 * build, the content check and the tests. Messages are printed compiler-style:
 * `file:line:col severity rule message`, followed by a hint on how to fix it.
 *
 * The collector keeps the diagnostics per file. One file lists at most `maxPerFile` of them
 * (errors first when it overflows); the rest of that file is summed up in one
 * `too-many-problems` diagnostic, so a note with 20,000 broken links prints a screenful, not
 * 40,000 lines. Counting is not capped: `count()` includes the problems that are
 * left out (not the summary line itself), so a strict build still fails on every error, and
 * `formatSummary()` adds up the `omitted` counts the summary diagnostic carries.
 */

import { say, type RuleId, type RuleParams } from "./messages.ts";

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** Path as the teacher sees it, relative to the working directory (posix separators). */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** Stable rule id, e.g. `broken-wikilink`. */
  rule: string;
  message: string;
  /** How to fix it, in one sentence. */
  hint?: string;
  /** Only on a `too-many-problems` diagnostic: how many problems of each severity it stands for. */
  omitted?: Record<Severity, number>;
}

/** Default number of diagnostics listed per file. */
export const MAX_PER_FILE = 50;

/** Rule of the diagnostic that stands for the problems of a file beyond the cap. */
export const TOO_MANY_PROBLEMS = "too-many-problems";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What the collector keeps of one file. */
interface FileEntry {
  file: string;
  /** The listed diagnostics, in the order they were reported. */
  items: Diagnostic[];
  /** Keys of every distinct problem reported for this file, listed or left out. */
  seen: Set<string>;
  /** Problems left out, per severity and per rule. */
  omitted: Record<Severity, number>;
  omittedRules: Map<string, number>;
  /** `items` sorted, plus the summary; cleared by every change. */
  sorted?: Diagnostic[];
}

export interface DiagnosticsOptions {
  /** Diagnostics listed per file before the rest is summed up. Default `MAX_PER_FILE`. */
  maxPerFile?: number;
}

export class Diagnostics {
  private files = new Map<string, FileEntry>();
  private totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private sorted: Diagnostic[] | undefined;
  private readonly maxPerFile: number;

  constructor(options: DiagnosticsOptions = {}) {
    this.maxPerFile = Math.max(1, options.maxPerFile ?? MAX_PER_FILE);
  }

  add(d: Omit<Diagnostic, "column"> & { column?: number }): void {
    const full: Diagnostic = { column: 0, ...d };
    let entry = this.files.get(full.file);
    if (!entry) {
      entry = { file: full.file, items: [], seen: new Set(), omitted: { error: 0, warning: 0, info: 0 }, omittedRules: new Map() };
      this.files.set(full.file, entry);
    }
    const key = `${full.line}\0${full.column}\0${full.rule}\0${full.message}`;
    if (entry.seen.has(key)) return;
    entry.seen.add(key);
    this.totals[full.severity]++;
    this.sorted = undefined;
    entry.sorted = undefined;
    if (entry.items.length < this.maxPerFile) {
      entry.items.push(full);
      return;
    }
    // Full: a more severe problem takes the place of the last listed one of the lowest severity.
    let out: Diagnostic = full;
    let at = -1;
    for (let i = entry.items.length - 1; i >= 0 && full.severity !== "info"; i--) {
      if (RANK[entry.items[i]!.severity] > RANK[out.severity]) {
        out = entry.items[i]!;
        at = i;
      }
    }
    if (at >= 0) {
      entry.items.splice(at, 1);
      entry.items.push(full);
    }
    entry.omitted[out.severity]++;
    entry.omittedRules.set(out.rule, (entry.omittedRules.get(out.rule) ?? 0) + 1);
  }

  /** Reports `rule` with its Dutch message and hint from the table in `messages.ts`. */
  report<R extends RuleId>(severity: Severity, rule: R, at: { file: string; line: number; column?: number }, params: NoInfer<RuleParams<R>>): void {
    this.add({ severity, file: at.file, line: at.line, column: at.column ?? 0, rule, ...say(rule, params) });
  }

  /** All listed diagnostics, sorted by file, line and column (sorted once until the next change). */
  all(): Diagnostic[] {
    if (!this.sorted) {
      const list: Diagnostic[] = [];
      for (const entry of this.files.values()) {
        list.push(...entry.items);
        const summary = summaryOf(entry, this.maxPerFile);
        if (summary) list.push(summary);
      }
      this.sorted = list.sort(compareDiagnostics);
    }
    return this.sorted.slice();
  }

  /** The listed diagnostics of one file, sorted; costs only that file's diagnostics. */
  forFile(file: string): Diagnostic[] {
    const entry = this.files.get(file);
    if (!entry) return [];
    if (!entry.sorted) {
      const list = [...entry.items];
      const summary = summaryOf(entry, this.maxPerFile);
      if (summary) list.push(summary);
      entry.sorted = list.sort(compareDiagnostics);
    }
    return entry.sorted.slice();
  }

  /** Problems of this severity reported so far, including those left out of the list. */
  count(severity: Severity): number {
    return this.totals[severity];
  }

  /** Forgets one file's diagnostics (for a rebuild of that file). */
  clearFile(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    for (const d of entry.items) this.totals[d.severity]--;
    for (const s of ["error", "warning", "info"] as const) this.totals[s] -= entry.omitted[s];
    this.files.delete(file);
    this.sorted = undefined;
  }

  clear(): void {
    this.files.clear();
    this.totals = { error: 0, warning: 0, info: 0 };
    this.sorted = undefined;
  }
}

/** The `too-many-problems` diagnostic of a file that went over the cap, or undefined. */
function summaryOf(entry: FileEntry, max: number): Diagnostic | undefined {
  const { omitted } = entry;
  const total = omitted.error + omitted.warning + omitted.info;
  if (total === 0) return undefined;
  const severity: Severity = omitted.error ? "error" : omitted.warning ? "warning" : "info";
  const rules = [...entry.omittedRules]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([rule, n]) => `${n} ${rule}`)
    .join(", ");
  return {
    severity,
    file: entry.file,
    line: 0,
    column: 0,
    rule: TOO_MANY_PROBLEMS,
    ...say(TOO_MANY_PROBLEMS, { count: total, rules, max }),
    omitted: { ...omitted },
  };
}

const fileOrder = new Intl.Collator("en", { numeric: true });
const ruleOrder = new Intl.Collator();

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return fileOrder.compare(a.file, b.file) || a.line - b.line || a.column - b.column || ruleOrder.compare(a.rule, b.rule);
}

/**
 * `file:line:col severity rule message` plus an indented hint line. A file name that could be
 * misread (a colon, a double quote, a backslash, a line break or another control character)
 * is written as a JSON string, `"a:99:1 error x.md":3:1`, so it cannot pass for a position or
 * another diagnostic. An ordinary name stays bare, spaces included (`8. Docker/Les 1.md:3:1`):
 * the first `:line` ends it, and editors can still jump to it. Only a problem of a whole file
 * (no line) quotes a name with spaces, because nothing else would mark where the name ends.
 * Control characters in the message and hint are escaped, so one diagnostic is always one line
 * (and a hint line).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const file = quoteFileName(d.file, d.line > 0);
  const where = d.line > 0 ? `${file}:${d.line}${d.column > 0 ? `:${d.column}` : ""}` : file;
  const head = `${where} ${d.severity} ${d.rule} ${escapeControls(d.message)}`;
  return d.hint ? `${head}\n    ${escapeControls(d.hint)}` : head;
}

/**
 * Characters that make a bare file name ambiguous in a `file:line:col` line: the colon, white
 * space other than the plain space, double quotes and backslashes, C0 and C1 control
 * characters, line and paragraph separators, and the bidirectional controls that reorder what
 * a terminal shows.
 */
const UNSAFE_IN_NAME = /[:"\\\x00-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff]/;
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `"\n"`, `"\u001b"`: a control character as an escape a reader can see. */
function escapeControl(c: string): string {
  const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
  return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * A file name as the text report writes it: bare when that is unambiguous, else a JSON string.
 * `positioned`: a `:line` follows the name, which marks its end, so plain spaces are safe.
 */
export function quoteFileName(file: string, positioned = false): string {
  if (file && !UNSAFE_IN_NAME.test(file) && (positioned || !file.includes(" "))) return file;
  return `"${file.replace(/["\\]/g, "\\$&").replace(CONTROLS, escapeControl)}"`;
}

function escapeControls(text: string): string {
  return text.replace(CONTROLS, escapeControl);
}

/** Problems of this severity a list stands for: a `too-many-problems` diagnostic counts what it left out. */
export function countSeverity(list: Diagnostic[], severity: Severity): number {
  let n = 0;
  for (const d of list) n += d.omitted ? d.omitted[severity] : d.severity === severity ? 1 : 0;
  return n;
}

/** One-line summary such as `2 errors, 1 warning in 31 pages`. */
export function formatSummary(list: Diagnostic[], pages?: number): string {
  const errors = countSeverity(list, "error");
  const warnings = countSeverity(list, "warning");
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const scope = pages === undefined ? "" : ` in ${plural(pages, "pagina", "pagina's")}`;
  return `${plural(errors, "fout", "fouten")}, ${plural(warnings, "waarschuwing", "waarschuwingen")}${scope}`;
}
