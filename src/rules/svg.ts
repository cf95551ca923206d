/**
 * SVG files the site publishes cannot run scripts: what `sanitiseSvg()` cuts from one is an
 * `unsafe-svg` warning at its line. The build reports it when it publishes the file
 * (src/eleventy/svg.ts); `npm run check` reports the same for every SVG the build would publish.
 */
import { readFileSync } from "node:fs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { sanitiseSvg, type SanitisedSvg } from "../markdown/sanitise.ts";
import type { Attachment } from "../vault/index.ts";

export const isSvg = (att: Attachment) => att.name.toLowerCase().endsWith(".svg");

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** One `unsafe-svg` warning for each part `sanitiseSvg` removed from `source`. */
export function reportUnsafeSvg(file: string, source: string, result: SanitisedSvg, diagnostics: Diagnostics): void {
  for (const r of result.removed) diagnostics.report("warning", "unsafe-svg", { file, line: lineAt(source, r.offset) }, r);
}

/** The check's side: every SVG among `attachments` read and judged as the build would publish it. */
export function checkPublishedSvgs(attachments: Iterable<Attachment>, diagnostics: Diagnostics): void {
  for (const att of attachments) {
    if (!isSvg(att)) continue;
    let source: string;
    try {
      source = readFileSync(att.abs, "utf8");
    } catch {
      continue; // unreadable: the build reports it when it copies the file
    }
    reportUnsafeSvg(att.file, source, sanitiseSvg(source), diagnostics);
  }
}
