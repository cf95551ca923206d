/**
 * The Eleventy side of the course: compiles the vault before every build (also on each
 * live-reload rebuild), hands the course model to the templates as global data, copies
 * attachments, prints every diagnostic at the end of the build and, in strict mode, fails
 * the build on errors.
 */
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { HtmlBasePlugin, type EleventyConfig } from "@11ty/eleventy";
import { compile, type Compiled } from "../build/compile.ts";
import { Diagnostics, formatDiagnostic, formatSummary, type Diagnostic } from "../diagnostics/index.ts";
import { ImagePipeline } from "../images/index.ts";
import type { Settings } from "./settings.ts";
import filtersPlugin from "./filters.ts";

export interface SiteState {
  compiled: Compiled;
  /** Diagnostics per page URL, for the development banner. */
  problems: Map<string, Diagnostic[]>;
}

function copyAttachments(compiled: Compiled, outputDir: string): number {
  let copied = 0;
  for (const att of compiled.vault.attachments) {
    if (att.shared) continue; // _assets/ is a passthrough copy
    const dest = path.join(outputDir, "bestanden", ...att.rel.split("/"));
    try {
      const src = statSync(att.abs);
      const existing = statSync(dest, { throwIfNoEntry: false });
      if (existing && existing.size === src.size && existing.mtimeMs >= src.mtimeMs) continue;
      mkdirSync(path.dirname(dest), { recursive: true });
      copyFileSync(att.abs, dest);
      copied++;
    } catch (err) {
      compiled.diagnostics.error(att.file, 0, "attachment-copy", `cannot copy attachment: ${(err as Error).message}`);
    }
  }
  return copied;
}

export default function coursePlugin(eleventyConfig: EleventyConfig, settings: Settings): void {
  const diagnostics = new Diagnostics();
  let state: SiteState | undefined;
  let serving = false;

  const load = async (): Promise<SiteState> => {
    diagnostics.clear();
    const pipeline = new ImagePipeline({ outputDir: path.join(settings.outputDir, "img"), urlPath: "/img/" });
    const compiled = compile({
      contentDir: settings.contentDir,
      assetsDir: settings.assetsDir,
      diagnostics,
      renderImage: (req) => pipeline.html(req),
      title: settings.title,
    });
    await pipeline.flush();
    const problems = new Map<string, Diagnostic[]>();
    for (const note of compiled.vault.published) {
      const list = diagnostics.forFile(note.file).filter((d) => d.severity !== "info");
      if (list.length) problems.set(note.url, list);
    }
    return { compiled, problems };
  };

  eleventyConfig.on("eleventy.before", async ({ runMode }: { runMode?: string }) => {
    serving = runMode === "serve" || runMode === "watch";
    state = await load();
  });

  const current = (): SiteState => {
    if (!state) throw new Error("course data requested before the vault was compiled");
    return state;
  };
  eleventyConfig.addGlobalData("course", () => current().compiled.course);
  eleventyConfig.addGlobalData("site", () => ({
    title: settings.title,
    lang: "nl",
    pathPrefix: settings.pathPrefix,
    dev: serving,
    strict: settings.strict,
  }));
  eleventyConfig.addFilter("problems", (url: string) => (serving ? (state?.problems.get(url) ?? []) : []));
  eleventyConfig.addPlugin(filtersPlugin);

  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), settings.assetsDir) || "_assets"]: "_assets" });
  eleventyConfig.addWatchTarget(settings.contentDir);
  eleventyConfig.addWatchTarget(settings.assetsDir);
  eleventyConfig.addPlugin(HtmlBasePlugin);

  eleventyConfig.on("eleventy.after", () => {
    const s = current();
    copyAttachments(s.compiled, settings.outputDir);
    const list = diagnostics.all();
    const shown = list.filter((d) => d.severity !== "info");
    for (const d of shown) console.log(formatDiagnostic(d));
    const unpublished = list.filter((d) => d.rule === "unpublished").length;
    const pages = s.compiled.course.pages.length;
    console.log(`[course] ${formatSummary(list, pages)}${unpublished ? `, ${unpublished} not published` : ""}`);
    const errors = diagnostics.count("error");
    if (settings.strict && errors > 0 && !serving) {
      // Eleventy finishes writing; the process then exits non-zero. (Throwing here would
      // bury the message under Eleventy's stack trace.)
      process.exitCode = 1;
      console.error(`[course] STRICT=1: the build has ${errors} error${errors === 1 ? "" : "s"} in the content (see above).`);
    }
  });
}
