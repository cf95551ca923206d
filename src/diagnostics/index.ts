/**
 * Diagnostics: one collector for every problem found in the content, shared by the
 * build, the content check and the tests. Messages are printed compiler-style:
 * `file:line:col severity rule message`, followed by a hint on how to fix it.
 */

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
}

export class Diagnostics {
  private items: Diagnostic[] = [];
  private seen = new Set<string>();

  add(d: Omit<Diagnostic, "column"> & { column?: number }): void {
    const full: Diagnostic = { column: 0, ...d };
    const key = `${full.file}\0${full.line}\0${full.column}\0${full.rule}\0${full.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(full);
  }

  error(file: string, line: number, rule: string, message: string, hint?: string, column = 0): void {
    this.add({ severity: "error", file, line, column, rule, message, hint });
  }

  warn(file: string, line: number, rule: string, message: string, hint?: string, column = 0): void {
    this.add({ severity: "warning", file, line, column, rule, message, hint });
  }

  info(file: string, line: number, rule: string, message: string, hint?: string, column = 0): void {
    this.add({ severity: "info", file, line, column, rule, message, hint });
  }

  /** All diagnostics, sorted by file, line and column. */
  all(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }

  forFile(file: string): Diagnostic[] {
    return this.all().filter((d) => d.file === file);
  }

  count(severity: Severity): number {
    return this.items.filter((d) => d.severity === severity).length;
  }

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items = [];
    this.seen.clear();
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file, "en", { numeric: true }) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)
  );
}

/** `file:line:col severity rule message` plus an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}${d.column > 0 ? `:${d.column}` : ""}` : d.file;
  const head = `${where} ${d.severity} ${d.rule} ${d.message}`;
  return d.hint ? `${head}\n    ${d.hint}` : head;
}

/** One-line summary such as `2 errors, 1 warning in 31 pages`. */
export function formatSummary(list: Diagnostic[], pages?: number): string {
  const errors = list.filter((d) => d.severity === "error").length;
  const warnings = list.filter((d) => d.severity === "warning").length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const scope = pages === undefined ? "" : ` in ${plural(pages, "page", "pages")}`;
  return `${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}${scope}`;
}
