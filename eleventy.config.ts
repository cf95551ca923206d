/**
 * Eleventy configuration: wiring only.
 *
 * The course is not read by Eleventy's own Markdown pipeline. `src/eleventy/plugin.ts`
 * compiles the content folder (an Obsidian vault: `content/`, or `COURSE_CONTENT`) with our
 * vault index and markdown-it plugins from `src/`, and the Nunjucks pages in `pages/`
 * paginate over the resulting course model. See ARCHITECTURE.md.
 *
 *   npm run build   ->  _site/          STRICT=1  fail on content errors
 *   npm start       ->  live reload      PATH_PREFIX=/x/  publish under a sub-path
 */
import type { EleventyConfig } from "@11ty/eleventy";
import coursePlugin from "./src/eleventy/plugin.ts";
import sitePlugin from "./src/eleventy/site.ts";
import { readSettings } from "./src/settings.ts";

export default function (eleventyConfig: EleventyConfig) {
  const settings = readSettings();
  eleventyConfig.addPlugin(coursePlugin, settings);
  eleventyConfig.addPlugin(sitePlugin, settings);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
  // A saved lesson is rebuilt once its file has been still for 50 ms (Eleventy waits 150 ms).
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  return {
    dir: { input: "pages", includes: "../_includes", output: settings.outputDir },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    markdownTemplateEngine: false,
    pathPrefix: settings.pathPrefix,
  };
}
