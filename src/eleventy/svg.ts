/**
 * Published SVG files cannot run scripts. An SVG is served from the site's own origin, and a
 * browser that opens it directly (a diagram links to its own file) runs the scripts in it with
 * the site's rights. Each SVG the site publishes, from the vault (`bestanden/`) or `_assets/`,
 * goes through `sanitiseSvg()`: scripts, event handlers, `javascript:` links and frames are
 * cut out and reported as `unsafe-svg`; the rest of the file stays byte for byte the same. A
 * file whose DOCTYPE declares entities that hold markup or a script URL is not published.
 *
 * Files are read again only when their size or time changed.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostics } from "../diagnostics/index.ts";
import { sanitiseSvg, type SanitisedSvg } from "../markdown/sanitise.ts";
import { isSvg, reportUnsafeSvg } from "../rules/svg.ts";
import type { Attachment } from "../vault/index.ts";

export class SvgGuard {
  private readonly checked = new Map<string, { key: string; result: SanitisedSvg; source: string }>();

  /**
   * The SVG as it may be published: `undefined` when it can be copied as it is, else the
   * sanitised text or `refused`. Reports what was cut, every time (diagnostics start empty
   * on every build).
   */
  check(att: Attachment, diagnostics: Diagnostics): SanitisedSvg | undefined {
    const stat = statSync(att.abs);
    const key = `${stat.size}:${stat.mtimeMs}`;
    let entry = this.checked.get(att.abs);
    if (entry?.key !== key) {
      const source = readFileSync(att.abs, "utf8");
      const result = sanitiseSvg(source);
      // A clean file keeps nothing in memory; one with problems keeps its text for the lines.
      entry = result.removed.length ? { key, result, source } : { key, result: { svg: "", removed: [] }, source: "" };
      this.checked.set(att.abs, entry);
    }
    const { result, source } = entry;
    reportUnsafeSvg(att.file, source, result, diagnostics);
    return result.removed.length ? result : undefined;
  }

  /**
   * `_assets/` is copied as a whole by Eleventy; afterwards each SVG in it that holds
   * something unsafe is written again, sanitised, over its copy (or its copy is removed).
   */
  publishShared(attachments: Attachment[], outputDir: string, diagnostics: Diagnostics): void {
    for (const att of attachments) {
      if (!att.shared || !isSvg(att)) continue;
      const dest = path.join(outputDir, "_assets", ...att.rel.split("/"));
      try {
        const safe = this.check(att, diagnostics);
        if (!safe) continue;
        if (safe.refused) rmSync(dest, { force: true });
        else writeFileSync(dest, safe.svg);
      } catch (err) {
        diagnostics.report("error", "attachment-copy", { file: att.file, line: 0 }, { error: (err as Error).message });
      }
    }
  }
}
