/**
 * The benchmark's report: number formatting, the results tables (Markdown, printed as they are)
 * and the dated section `--write` appends to `bench/RESULTS.md`.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { median, type BuildResult, type HtmlStats } from "./measure.ts";
import type { DevResult } from "./dev.ts";

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
/** `2.10 s (2.01–2.30)`: the unit of the median, bare numbers for min and max. */
const bare = (s: string) => s.replace(/ [A-Za-z]+$/, "");
export const kB = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

/** `median (min–max)` of the values, formatted; `n/a` when there are none. */
function spread(xs: number[], fmt: (x: number) => string): string {
  if (xs.length === 0) return "n/a";
  return `${fmt(median(xs))} (${bare(fmt(Math.min(...xs)))}–${bare(fmt(Math.max(...xs)))})`;
}

export interface BuildSummary {
  label: string;
  runs: BuildResult[];
  html: HtmlStats;
  /** Sizes of the lesson pages in this output. */
  lessonSizes: number[];
}

export const wallMedian = (s: BuildSummary) => median(s.runs.map((r) => r.ms));
export const rssValues = (s: BuildSummary) => s.runs.map((r) => r.rssKb).filter((x): x is number => x !== undefined);

export function buildTable(rows: BuildSummary[], notes: number): string {
  const lines = [
    "| build | wall median (min–max) | peak RSS median (min–max) | HTML files (per note) | HTML bytes | lesson page median / max |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const s of rows) {
    const lesson = s.lessonSizes.length ? `${kB(median(s.lessonSizes))} / ${kB(Math.max(...s.lessonSizes))}` : "n/a";
    lines.push(
      `| ${s.label} | ${spread(s.runs.map((r) => r.ms), seconds)} | ${spread(rssValues(s), mib)} | ${s.html.files} (${(s.html.files / notes).toFixed(2)}) | ${kB(s.html.bytes)} | ${lesson} |`,
    );
  }
  return lines.join("\n");
}

export function devTable(r: DevResult): string {
  const served = r.saves.filter((s) => s.ms !== undefined).map((s) => s.ms!);
  const timeouts = r.saves.length - served.length;
  return [
    "| startup (first page served) | save → served median | save → served max | saves (timeouts) |",
    "| --- | --- | --- | --- |",
    `| ${seconds(r.startupMs)} | ${served.length ? seconds(median(served)) : "n/a"} | ${served.length ? seconds(Math.max(...served)) : "n/a"} | ${r.saves.length} (${timeouts}) |`,
  ].join("\n");
}

/** `abc1234` or `abc1234 + uncommitted changes`; empty outside git. */
export function gitVersion(root: string): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return dirty ? `${sha} + uncommitted changes` : sha;
  } catch {
    return "";
  }
}

/** Appends a dated section to `bench/RESULTS.md` (created when missing); returns its path. */
export function appendResults(root: string, title: string, lines: string[]): string {
  const file = path.join(root, "bench", "RESULTS.md");
  mkdirSync(path.dirname(file), { recursive: true });
  const fresh = !existsSync(file) || readFileSync(file, "utf8").trim() === "";
  const header = fresh ? "# Benchmark results\n\nWritten by `npm run bench -- --write`; newest section last.\n" : "";
  const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
  appendFileSync(file, `${header}\n## ${stamp} UTC: ${title}\n\n${lines.join("\n")}\n`);
  return file;
}
