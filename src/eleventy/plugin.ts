/**
 * The Eleventy side of the course: compiles the vault before every build (also on each
 * live-reload rebuild), hands the course model to the templates as global data, copies
 * attachments, prints every diagnostic at the end of the build and, in strict mode, fails
 * the build on errors.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HtmlBasePlugin, type EleventyConfig } from "@11ty/eleventy";
import { Compiler, type Compiled } from "../compile/index.ts";
import { navLesson, stripLeadingTitle, type Course } from "../course/index.ts";
import { pageHeads, type PageHead } from "../course/site.ts";
import { Diagnostics, formatDiagnostic, formatSummary, type Diagnostic } from "../diagnostics/index.ts";
import { metaDescription } from "./head.ts";
import { ImagePipeline } from "../images/index.ts";
import type { Attachment } from "../vault/index.ts";
import { editUrl, type Settings } from "../settings.ts";
import { ensureOutput, folderProblems, refuse } from "./output.ts";
import filtersPlugin from "./filters.ts";
import { fullPlan, RenderPlanner, type RenderPlan } from "./render-plan.ts";
import { SearchIndex, topicsOf, writeSearchIndex, type SearchIndexResult } from "./search-index.ts";
import { isSvg } from "../rules/svg.ts";
import { SvgGuard } from "./svg.ts";

export interface SiteState {
  compiled: Compiled;
  /** Diagnostics per page URL, for the development banner. */
  problems: Map<string, Diagnostic[]>;
  /** The pages this build renders. */
  plan: RenderPlan;
  /** Title, description and neighbours of each course page, by URL. */
  heads: Map<string, PageHead>;
}

/**
 * The attachments the site publishes: those the published notes use, plus any whose URL
 * appears in a published page (a transcluded note's attachments). A draft's attachments
 * and files nobody links stay unpublished. `_assets/` is a passthrough copy of its own.
 */
export function attachmentsToPublish(compiled: Compiled): Attachment[] {
  const used = new Set(compiled.publishedAttachments);
  const byUrl = new Map(compiled.vault.attachments.map((a) => [a.url, a]));
  for (const page of compiled.course.pages) {
    for (const m of page.html.matchAll(/\/bestanden\/[^"'\s<>#?]+/g)) {
      const att = byUrl.get(m[0]);
      if (att) used.add(att);
    }
  }
  return [...used].filter((a) => !a.shared);
}

/** Copies the attachments to publish; an SVG goes through `guard` (no scripts), unless scripts are allowed. */
function copyAttachments(compiled: Compiled, outputDir: string, guard?: SvgGuard): void {
  for (const att of attachmentsToPublish(compiled)) {
    const dest = path.join(outputDir, "bestanden", ...att.rel.split("/"));
    try {
      const src = statSync(att.abs);
      const safe = guard && isSvg(att) ? guard.check(att, compiled.diagnostics) : undefined;
      if (safe?.refused) {
        rmSync(dest, { force: true });
        continue;
      }
      const size = safe ? Buffer.byteLength(safe.svg) : src.size;
      const existing = statSync(dest, { throwIfNoEntry: false });
      if (existing && existing.size === size && existing.mtimeMs >= src.mtimeMs) continue;
      mkdirSync(path.dirname(dest), { recursive: true });
      if (safe) writeFileSync(dest, safe.svg);
      else copyFileSync(att.abs, dest);
    } catch (err) {
      compiled.diagnostics.report("error", "attachment-copy", { file: att.file, line: 0 }, { error: (err as Error).message });
    }
  }
}

/**
 * URL of the shared navigation file. Named after its content, so browsers may keep it for
 * good; in serve mode one fixed name, so pages that were not rebuilt load the new tree too.
 */
export function navUrl(course: Course, serving: boolean): string {
  if (serving) return "/nav/index.html";
  const hash = createHash("sha256").update(JSON.stringify(course.fullSidebar)).digest("hex").slice(0, 10);
  return `/nav/${hash}.html`;
}

export default function coursePlugin(eleventyConfig: EleventyConfig, settings: Settings): void {
  const problems = folderProblems(settings);
  if (settings.siteUrlProblem) problems.push(settings.siteUrlProblem);
  if (settings.repositoryProblem) problems.push(settings.repositoryProblem);
  if (problems.length) refuse(problems.join("\n"));
  const diagnostics = new Diagnostics();
  let state: SiteState | undefined;
  let serving = false;
  // Published SVG files lose their scripts, unless the team allows scripts (svg.ts).
  const svgGuard = settings.allowHtmlScripts ? undefined : new SvgGuard();
  const pipeline = new ImagePipeline({ outputDir: path.join(settings.outputDir, "img"), urlPath: "/img/" });
  // The index a full build fills while it compiles (see search-index.ts).
  let streaming: SearchIndex | undefined;
  // Kept for the whole process: in serve mode each rebuild compiles only what changed.
  const compiler = new Compiler({
    contentDir: settings.contentDir,
    assetsDir: settings.assetsDir,
    diagnostics,
    renderImage: (req) => pipeline.html(req),
    allowHtmlScripts: settings.allowHtmlScripts,
    title: settings.title,
    onRendered: (note, html) => streaming?.add({ ...navLesson(note), html: stripLeadingTitle(html, note.title), topics: topicsOf(note.taxonomie) }),
  });
  const planner = new RenderPlanner();
  // Serve mode renders only changed pages, unless something else than the content changed.
  let renderAll = true;
  // Work that runs alongside Eleventy's rendering: image files and the search index.
  let images: Promise<void> = Promise.resolve();
  let search: Promise<SearchIndexResult | undefined> = Promise.resolve(undefined);
  let indexedLessons: number | undefined;
  // Serve mode: the index is rebuilt once saves have stopped for a moment, not after every save.
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const SEARCH_QUIET_MS = 1500;

  let descriptions = new Map<string, { html: string; text: string }>();
  const load = async (): Promise<SiteState> => {
    const compiled = await compiler.compileAsync();
    // The development banner: each page's problems (serve mode only).
    const problems = new Map<string, Diagnostic[]>();
    if (serving) {
      const byFile = new Map<string, Diagnostic[]>();
      for (const d of diagnostics.all()) if (d.severity !== "info") byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
      for (const note of compiled.vault.published) {
        const list = byFile.get(note.file);
        if (list) problems.set(note.url, list);
      }
    }
    const course = compiled.course;
    const plan = serving ? planner.plan(course, problems, renderAll) : fullPlan(course);
    const heads = pageHeads(course);
    // The meta description as plain text, decoded once, escaped once by the template.
    const seen = new Map<string, { html: string; text: string }>();
    for (const p of course.pages) {
      const head = heads.get(p.url);
      if (!head) continue;
      let d = descriptions.get(p.url);
      if (!d || d.html !== p.html) d = { html: p.html, text: metaDescription(p.html) };
      seen.set(p.url, d);
      head.description = d.text;
    }
    descriptions = seen;
    return { compiled, problems, plan, heads };
  };

  const reportSearch = (r: SearchIndexResult | undefined) => {
    if (!r) return;
    for (const e of r.errors) console.log(`[search] ${e}`);
    console.log(`[search] zoekindex geschreven: ${r.pages} ${r.pages === 1 ? "les" : "lessen"}`);
    if (r.errors.length && !serving) process.exitCode = 1;
  };

  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    const content = path.resolve(settings.contentDir) + path.sep;
    if (changed.some((f) => !path.resolve(f).startsWith(content))) renderAll = true;
  });

  eleventyConfig.on("eleventy.before", async ({ runMode, outputMode }: { runMode?: string; outputMode?: string }) => {
    await ensureOutput(settings, { runMode, outputMode });
    serving = runMode === "serve" || runMode === "watch";
    if (serving) {
      state = await load();
      // Serve mode indexes after the pages, in the background, when a lesson changed.
      const pages = state.compiled.course.pages;
      if (renderAll || state.plan.pages.length > 0 || pages.length !== indexedLessons) {
        indexedLessons = pages.length;
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => {
          search = search.then(() => writeSearchIndex(pages, settings.outputDir));
          void search.then(reportSearch, (e: Error) => console.log(`[search] ${e.message}`));
        }, SEARCH_QUIET_MS);
      }
    } else {
      streaming = await SearchIndex.start();
      state = await load();
      await streaming.handOver();
      search = streaming.write(settings.outputDir);
      streaming = undefined;
    }
    images = pipeline.flush();
    renderAll = false;
  });

  const current = (): SiteState => {
    if (!state) throw new Error("course data requested before the vault was compiled");
    return state;
  };
  eleventyConfig.addGlobalData("course", () => current().compiled.course);
  eleventyConfig.addGlobalData("render", () => current().plan);
  eleventyConfig.addGlobalData("site", () => ({
    title: settings.title,
    navUrl: navUrl(current().compiled.course, serving),
    lang: "nl",
    pathPrefix: settings.pathPrefix,
    /** `SITE_URL`'s origin, or "" (then no sitemap, canonical link or og:url). */
    url: settings.siteUrl,
    dev: serving,
    strict: settings.strict,
  }));
  eleventyConfig.addFilter("sidebar", (url: string) => current().compiled.course.sidebars.get(url) ?? []);
  // The page's head: from the course for its pages, else the page's own `title` and `description`.
  eleventyConfig.addFilter("head", (url: string, title?: string, description?: string): PageHead => current().heads.get(url) ?? { title, description });
  eleventyConfig.addFilter("problems", (url: string) => (serving ? (state?.problems.get(url) ?? []) : []));
  eleventyConfig.addPlugin(filtersPlugin);
  // "Bewerk deze pagina": the note's file in its repository, or "" without REPO_URL.
  eleventyConfig.addFilter("editUrl", (rel: string) => (settings.repository ? editUrl(settings.repository, rel) : ""));
  // The full address of a root-relative URL: SITE_URL, then PATH_PREFIX (for the sitemap,
  // canonical links and og:url, which HtmlBasePlugin does not rewrite).
  eleventyConfig.addFilter("absoluteUrl", (url: string) => (settings.siteUrl ? `${settings.siteUrl}${settings.pathPrefix}${String(url).replace(/^\//, "")}` : ""));

  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), settings.assetsDir) || "_assets"]: "_assets" });
  eleventyConfig.addWatchTarget(settings.contentDir);
  eleventyConfig.addWatchTarget(settings.assetsDir);
  eleventyConfig.addPlugin(HtmlBasePlugin);

  eleventyConfig.on("eleventy.after", async () => {
    const s = current();
    await images;
    copyAttachments(s.compiled, settings.outputDir, svgGuard);
    svgGuard?.publishShared(s.compiled.vault.attachments, settings.outputDir, s.compiled.diagnostics);
    const list = diagnostics.all();
    const shown = list.filter((d) => d.severity !== "info");
    for (const d of shown) console.log(formatDiagnostic(d));
    const unpublished = list.filter((d) => d.rule === "unpublished").length;
    const pages = s.compiled.course.pages.length;
    console.log(`[course] ${formatSummary(list, pages)}${unpublished ? `, ${unpublished} niet gepubliceerd` : ""}`);
    const errors = diagnostics.count("error");
    if (settings.strict && errors > 0 && !serving) {
      // Eleventy finishes writing; the process then exits non-zero. (Throwing here would
      // bury the message under Eleventy's stack trace.)
      process.exitCode = 1;
      console.error(`[course] STRICT=1: de inhoud heeft ${errors} ${errors === 1 ? "fout" : "fouten"} (zie hierboven); de build faalt.`);
    }
    // A build waits for its search index; serve mode indexes in the background (see above).
    if (!serving) reportSearch(await search);
  });
}
