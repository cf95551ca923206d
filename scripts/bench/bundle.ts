/**
 * Bundle budget of the interactive labs: builds the client bundles the way the site does
 * (src/eleventy/site.ts, minified, code splitting) into a temp folder and gzips what a page
 * downloads for each lab: the chunk main.js imports on demand plus the chunks only it
 * imports (shared with main.js does not count, that is loaded anyway). Budgets: 60 KB gzip
 * for the Dockerfile explorer, 30 KB for the Compose map.
 *
 *   npx tsx scripts/bench/bundle.ts         (also the end of `npm run bench`, or `--bundle-only`)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildAssets } from "../../src/eleventy/site.ts";

export interface LabBundle {
  name: "explorer" | "map";
  /** The chunk files a page with this lab loads besides main.js and its imports. */
  files: string[];
  gzip: number;
  budget: number;
}

export interface BundleReport {
  /** main.js and the chunks it imports statically, gzip. */
  main: number;
  labs: LabBundle[];
}

const MARKERS = { explorer: "lab-dockerfile-ready", map: "lab-compose-ready" } as const;
export const BUDGETS = { explorer: 60 * 1024, map: 30 * 1024 } as const;

function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)].map((m) => m[1]!.slice(2));
}

function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g)].map((m) => m[1]!.slice(2));
}

export async function measureBundles(): Promise<BundleReport> {
  const out = mkdtempSync(path.join(tmpdir(), "cursus-bundle-"));
  try {
    await buildAssets(out, { minify: true });
    const dir = path.join(out, "assets");
    const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
    const gz = (f: string) => gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length;
    const closure = (start: string[], skip: Set<string>) => {
      const seen = new Set<string>();
      const todo = [...start];
      while (todo.length) {
        const f = todo.pop()!;
        if (seen.has(f) || skip.has(f)) continue;
        seen.add(f);
        todo.push(...staticImports(read(f)));
      }
      return seen;
    };
    const mainFile = readdirSync(dir).find((f) => /^main-.*\.js$/.test(f));
    if (!mainFile) throw new Error("no main-*.js in the bundle");
    const mainSet = closure([mainFile], new Set());
    const labs: LabBundle[] = [];
    for (const chunk of new Set([...mainSet].flatMap((f) => dynamicImports(read(f))))) {
      const files = [...closure([chunk], mainSet)];
      const name = (Object.keys(MARKERS) as (keyof typeof MARKERS)[]).find((k) => read(chunk).includes(MARKERS[k]));
      if (!name) continue;
      labs.push({ name, files, gzip: files.reduce((n, f) => n + gz(f), 0), budget: BUDGETS[name] });
    }
    return { main: [...mainSet].reduce((n, f) => n + gz(f), 0), labs: labs.sort((a, b) => a.name.localeCompare(b.name)) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function bundleLines(report: BundleReport): string[] {
  return [
    `main.js with its static imports: ${kb(report.main)} gzip`,
    ...report.labs.map((l) => `lab ${l.name}: ${kb(l.gzip)} gzip (budget ${kb(l.budget)}${l.gzip > l.budget ? ", OVER BUDGET" : ""}) in ${l.files.length} file${l.files.length === 1 ? "" : "s"}`),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await measureBundles();
  for (const line of bundleLines(report)) console.log(line);
  if (report.labs.some((l) => l.gzip > l.budget) || report.labs.length < 2) process.exitCode = 1;
}
