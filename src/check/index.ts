/**
 * The content check: compiles the vault exactly like the build does (`compile()`: vault index,
 * vault-level checks including the content rules of `rules.ts`, every note rendered with the
 * shared parser) and turns the diagnostics into a compiler-style report. No Eleventy.
 */
import { compile } from "../compile/index.ts";
import { formatDiagnostic, formatSummary, quoteFileName, type Diagnostic } from "../diagnostics/index.ts";
import { checkPublishedSvgs } from "../rules/svg.ts";

export interface CheckOptions {
  contentDir: string;
  assetsDir?: string;
  /** Raw HTML may hold scripts (`COURSE_ALLOW_HTML_SCRIPTS=1`): no `unsafe-html` warnings. */
  allowHtmlScripts?: boolean;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Markdown files read (drafts included). */
  files: number;
  /** Published pages. */
  pages: number;
  /** Files with at least one error or warning. */
  filesWithProblems: number;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  summary: CheckSummary;
}

export function checkContent(options: CheckOptions): CheckResult {
  const { vault, diagnostics, publishedAttachments } = compile({ contentDir: options.contentDir, assetsDir: options.assetsDir, allowHtmlScripts: options.allowHtmlScripts, gitDates: false });
  // The SVGs the build publishes: those published pages use, and all of _assets/ (copied whole).
  if (!options.allowHtmlScripts) checkPublishedSvgs([...publishedAttachments, ...vault.attachments.filter((a) => a.shared)], diagnostics);
  const list = diagnostics.all();
  const problems = list.filter((d) => d.severity !== "info");
  return {
    diagnostics: list,
    summary: {
      errors: diagnostics.count("error"),
      warnings: diagnostics.count("warning"),
      infos: diagnostics.count("info"),
      files: vault.notes.length,
      pages: vault.published.length,
      filesWithProblems: new Set(problems.map((d) => d.file)).size,
    },
  };
}

/** True when the check fails: errors always, warnings only in strict mode. */
export function failed(result: CheckResult, strict: boolean): boolean {
  return result.summary.errors > 0 || (strict && result.summary.warnings > 0);
}

/** Info diagnostics grouped by rule, for the summary: `2 unpublished (a.md, b.md)`. */
export function formatInfos(list: Diagnostic[]): string {
  const groups = new Map<string, string[]>();
  for (const d of list) {
    if (d.severity !== "info") continue;
    const file = quoteFileName(d.file);
    const where = d.line > 0 && d.rule !== "unpublished" ? `${file}:${d.line}` : file;
    const g = groups.get(d.rule) ?? [];
    g.push(where);
    groups.set(d.rule, g);
  }
  const shown = (files: string[]) => (files.length > 5 ? `${files.slice(0, 5).join(", ")} en nog ${files.length - 5}` : files.join(", "));
  return [...groups].map(([rule, files]) => `${files.length} ${rule} (${shown(files)})`).join("; ");
}

/** The text report: one line per error or warning with its hint, then the summary line. */
export function formatReport(result: CheckResult, strict: boolean): string {
  const out: string[] = [];
  for (const d of result.diagnostics) if (d.severity !== "info") out.push(formatDiagnostic(d));
  const infos = formatInfos(result.diagnostics);
  const verdict = failed(result, strict) ? "NIET OK" : "OK";
  const strictNote = strict && result.summary.errors === 0 && result.summary.warnings > 0 ? " (strikt: waarschuwingen tellen mee)" : "";
  out.push(`${verdict}: ${formatSummary(result.diagnostics, result.summary.pages)}${strictNote}${infos ? `; info: ${infos}` : ""}`);
  return out.join("\n");
}
