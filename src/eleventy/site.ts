/**
 * The study site's own build steps:
 *
 * - before each build, esbuild bundles the stylesheet (`src/site/css/site.css`) and every
 *   client script (`src/client/<name>.ts`, one bundle per file; files starting with `_` are
 *   shared modules) into `assets/` with a content hash in the name, and bundles
 *   `src/client/_theme-init.ts` into a tiny classic script (`assets/theme-init-<hash>.js`)
 *   that the base layout loads synchronously in `<head>`, before the stylesheet: the theme is
 *   set before the first paint (no flash of the wrong theme) without an inline script, so
 *   the Content-Security-Policy needs no 'unsafe-inline';
 * - the templates get `assets` (URLs of the bundles) and `t` (the Dutch UI strings);
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "@11ty/eleventy";
import * as esbuild from "esbuild";
import { t } from "../site/strings.ts";
import type { Settings } from "../settings.ts";
import { ensureOutput } from "./output.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.resolve(here, "../client");
const cssEntry = path.resolve(here, "../site/css/site.css");

/** Browsers the bundles are lowered for: the last few years of evergreen browsers. */
const TARGET = ["chrome109", "edge109", "firefox115", "safari15.4"];

/**
 * The Content-Security-Policy of every page: a `<meta>` in the base layout and a header in
 * `_headers` (Netlify, Cloudflare Pages). Everything comes from the site itself; no inline
 * scripts, no inline styles, no plug-ins. `'wasm-unsafe-eval'` lets Pagefind compile its
 * WebAssembly search (measured: without it the search page fails); it allows no JavaScript
 * `eval`.
 */
export const CONTENT_SECURITY_POLICY = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"].join("; ");

export interface Assets {
  /** URL of the stylesheet, root-relative. */
  css: string;
  /** URL of each client bundle by entry name (`main`, `search`, ...). */
  js: Record<string, string>;
  /** URL of the synchronous `<head>` script that sets the theme and the `js` class before the first paint. */
  theme: string;
  /** That script's source. */
  themeInit: string;
}

/** Client entry points: `src/client/*.ts` except shared modules starting with `_`. */
export function clientEntries(dir: string = clientDir): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.startsWith("_") && !f.endsWith(".d.ts"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Bundles the stylesheet and the client scripts into `<outputDir>/assets/`. */
export async function buildAssets(outputDir: string, options: { minify?: boolean } = {}): Promise<Assets> {
  const outdir = path.join(outputDir, "assets");
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const minify = options.minify ?? true;
  const common = { bundle: true, minify, target: TARGET, logLevel: "silent" as const, legalComments: "none" as const };

  const result = await esbuild.build({
    ...common,
    entryPoints: [cssEntry, ...clientEntries()],
    outdir,
    entryNames: "[name]-[hash]",
    format: "esm",
    splitting: true,
    chunkNames: "chunk-[hash]",
    metafile: true,
    sourcemap: false,
  });
  const assets: Assets = { css: "", js: {}, theme: "", themeInit: "" };
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    if (!out.entryPoint) continue;
    const url = "/" + path.relative(outputDir, path.resolve(file)).split(path.sep).join("/");
    const name = path.basename(out.entryPoint).replace(/\.(ts|css)$/, "");
    if (file.endsWith(".css")) assets.css = url;
    else assets.js[name] = url;
  }

  const init = await esbuild.build({ ...common, entryPoints: [path.join(clientDir, "_theme-init.ts")], write: false, format: "iife" });
  assets.themeInit = init.outputFiles[0]!.text.trim();
  const name = `theme-init-${createHash("sha256").update(assets.themeInit).digest("hex").slice(0, 10)}.js`;
  writeFileSync(path.join(outdir, name), assets.themeInit + "\n");
  assets.theme = `/assets/${name}`;
  return assets;
}

export default function sitePlugin(eleventyConfig: EleventyConfig, settings: Settings): void {
  let assets: Assets | undefined;
  let serving = false;
  // Serve mode bundles again only when a client script or the styles changed.
  let rebundle = true;
  const sources = [clientDir, path.resolve(here, "../site")].map((d) => path.resolve(d) + path.sep);
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    rebundle ||= changed.some((f) => sources.some((dir) => path.resolve(f).startsWith(dir)));
  });

  eleventyConfig.on("eleventy.before", async ({ runMode, outputMode }: { runMode?: string; outputMode?: string }) => {
    await ensureOutput(settings, { runMode, outputMode });
    serving = runMode === "serve" || runMode === "watch";
    if (!assets || rebundle || !serving) assets = await buildAssets(settings.outputDir, { minify: !serving });
    rebundle = false;
  });
  eleventyConfig.addGlobalData("t", t);
  eleventyConfig.addGlobalData("csp", CONTENT_SECURITY_POLICY);
  eleventyConfig.addGlobalData("assets", () => {
    if (!assets) throw new Error("assets requested before they were built");
    return assets;
  });
  eleventyConfig.addWatchTarget(clientDir);
  eleventyConfig.addWatchTarget(path.dirname(cssEntry));
}
