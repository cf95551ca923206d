/**
 * Runs a real Eleventy build of a content folder into a temporary output folder, the way
 * `npm run build` does, and returns its exit status and output.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { tempDir } from "./tmp.ts";

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

export function buildSite(content: string, env: Record<string, string> = {}, output = tempDir("cursus-")): BuildResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet"], {
    cwd: projectRoot,
    env: { ...process.env, COURSE_CONTENT: content, COURSE_OUTPUT: output, STRICT: "", PATH_PREFIX: "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output };
}

/** Every `.html` file below `dir`. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith(".html")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every page below `dir`: the `.html` files except the shared sidebar fragment (`nav/`), which is no page. */
export function pageFiles(dir: string): string[] {
  const nav = path.join(dir, "nav") + path.sep;
  return htmlFiles(dir).filter((f) => !f.startsWith(nav));
}

/** The file a root-relative URL is served from in `output` (a folder serves its index.html), or undefined. */
export function servedFile(output: string, url: string, prefix = "/"): string | undefined {
  const clean = decodeURIComponent(url.split("#")[0]!.split("?")[0]!);
  if (!clean.startsWith(prefix)) return undefined;
  const p = path.join(output, clean.slice(prefix.length));
  if (existsSync(p) && statSync(p).isFile()) return p;
  if (existsSync(path.join(p, "index.html"))) return path.join(p, "index.html");
  return undefined;
}

/** Every internal `href`, `src` and `srcset` URL on the built pages that no file answers: `page -> url`. */
export function brokenInternalLinks(output: string, prefix = "/"): string[] {
  const out: string[] = [];
  for (const file of htmlFiles(output)) {
    const html = readFileSync(file, "utf8");
    const urls = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    for (const m of html.matchAll(/srcset="([^"]*)"/g)) for (const c of m[1]!.split(",")) urls.push(c.trim().split(" ")[0]!);
    for (const url of urls) if (url.startsWith("/") && !url.startsWith("//") && !servedFile(output, url.replace(/&amp;/g, "&"), prefix)) out.push(`${path.relative(output, file)} -> ${url}`);
  }
  return out;
}
