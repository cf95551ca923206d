/**
 * Benchmark: our full build against bare Eleventy on the same Obsidian vault, and (`--dev`) the
 * save → served latency of `npm start`.
 *
 *   npm run bench                                  # 1000 synthetic lessons, 3 runs
 *   npm run bench -- --pages 300 --runs 1          # smaller vault, one timed run of each build
 *   npm run bench -- --course                      # the project's content/ (a copy) instead
 *   npm run bench -- --dev --runs 5                # dev server: startup and save → served
 *   npm run bench -- --dev --course --runs 3
 *
 * Options: --pages N (default 1000), --runs R (default 3), --seed S (default 1), --course,
 * --dev, --write (append the results to bench/RESULTS.md), --keep (keep the temp folder).
 *
 * The synthetic vault (scripts/bench/vault.ts) is a pure function of (pages, seed): learning
 * lines of up to 8 modules of 25 lessons, Dutch prose, front matter with taxonomie codes,
 * wikilinks (1 in 40 broken on purpose), callouts, Docker code and a few images. Everything
 * lives in a temp folder under /dev/shm (else the OS temp folder), removed at the end.
 *
 * Builds: one warm-up of each, then R runs alternating bare, full, bare, full, ... each into a
 * fresh output folder. "bare" is Eleventy from node_modules with an empty config
 * ({ markdownTemplateEngine: false, templateFormats: ["md"] }): no layout, no plugins. "full" is
 * `npm run build` with COURSE_CONTENT/COURSE_OUTPUT and STRICT empty. Wall time is measured
 * around the node process; peak RSS comes from a preloaded module (scripts/bench/measure.ts).
 * After each bare build, Pagefind (the search index our build includes) runs alone on the bare
 * output: "search floor" is (bare + Pagefind) / bare, what any build with this search index
 * costs at least on this machine, before layouts, rules or navigation.
 * The last line is `ratio full/bare: X.XX` (median wall time full / median wall time bare).
 * The results start with the labs' bundle sizes against their budget (scripts/bench/bundle.ts);
 * `--bundle-only` measures only those.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { noteUrl } from "../src/vault/index.ts";
import { killDevServerSync, measureDev, stopDevServer, type DevLesson } from "./bench/dev.ts";
import { bundleLines, measureBundles } from "./bench/bundle.ts";
import { htmlStats, Measurer, median, RSS_NOTE, running, type BuildResult } from "./bench/measure.ts";
import { appendResults, buildTable, devTable, gitVersion, rssValues, seconds, wallMedian, type BuildSummary } from "./bench/report.ts";
import { generateVault, projectInputs, type GeneratedVault } from "./bench/vault.ts";

const USAGE = "usage: npm run bench -- [--pages N] [--runs R] [--seed S] [--course] [--dev] [--write] [--keep] [--bundle-only]";

function parseArgs(argv: string[]) {
  const opts = { pages: 1000, runs: 3, seed: 1, course: false, dev: false, write: false, keep: false, bundleOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const name = flag.replace(/^--/, "");
    if (name === "course" || name === "dev" || name === "write" || name === "keep") opts[name] = true;
    else if (name === "bundle-only") opts.bundleOnly = true;
    else if (name === "pages" || name === "runs" || name === "seed") {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isInteger(value) || value < (name === "seed" ? 0 : 1)) throw new Error(`--${name} needs a whole number${name === "seed" ? "" : " of at least 1"}\n${USAGE}`);
      opts[name] = value;
    } else throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
const work = mkdtempSync(path.join(base, "cursus-bench-"));
const vaultDir = path.join(work, "vault");
const log = (line: string) => console.log(line);

let cleaned = false;
function cleanup(): void {
  if (cleaned) return;
  cleaned = true;
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping${opts.keep ? `; kept: ${work}` : ""}`);
    for (const child of running) child.kill("SIGTERM");
    void stopDevServer().finally(() => {
      cleanup();
      process.exit(130);
    });
  });
}
process.on("exit", () => {
  killDevServerSync();
  for (const child of running) child.kill("SIGKILL");
});

interface VaultInfo {
  /** One-line description. */
  summary: string;
  notes: DevLesson[];
  /** Synthetic vault: the broken links written on purpose, the only diagnostics its build should print. */
  broken?: number;
}

/** The `.md` files of a vault (skipping dot folders), naturally sorted. */
function listNotes(dir: string, rel = ""): DevLesson[] {
  const out: DevLesson[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listNotes(dir, r));
    else if (e.name.endsWith(".md")) out.push({ rel: r, name: e.name.slice(0, -3) });
  }
  return out.sort((a, b) => a.rel.localeCompare(b.rel, "nl", { numeric: true }));
}

function prepareVault(): VaultInfo {
  if (opts.course) {
    cpSync(path.join(root, "content"), vaultDir, { recursive: true });
    const notes = listNotes(vaultDir);
    const text = notes.map((n) => readFileSync(path.join(vaultDir, n.rel), "utf8")).join("\n");
    const folders = new Set(notes.map((n) => path.posix.dirname(n.rel)).filter((d) => d !== "."));
    const links = text.match(/(?<!!)\[\[/g)?.length ?? 0;
    const embeds = text.match(/!\[\[/g)?.length ?? 0;
    return { summary: `content/ (copied): ${notes.length} notes in ${folders.size} folder${folders.size === 1 ? "" : "s"}, ${links} wikilinks, ${embeds} embeds`, notes };
  }
  const v: GeneratedVault = generateVault(vaultDir, opts.pages, opts.seed, projectInputs(root));
  const s = v.stats;
  return {
    summary:
      `synthetic (seed ${opts.seed}): ${s.notes} notes in ${s.folders} folders (${s.learningLines} learning line${s.learningLines === 1 ? "" : "s"}, ${s.modules} modules), ` +
      `${s.wikilinks} wikilinks (${s.broken} broken on purpose, ${s.anchors} with heading, ${s.aliases} with alias, ${s.nextSteps} Volgende stap), ` +
      `${s.imageEmbeds} image embeds, ${Math.round(s.words / 1000)}k words`,
    notes: v.notes,
    broken: s.broken,
  };
}

/**
 * Per rule, how many diagnostics the full build printed (`file:line:col severity rule message`);
 * for a synthetic vault, whether they are exactly the broken links written on purpose.
 */
function diagnosticCounts(stdout: string, broken: number | undefined): string {
  const counts = new Map<string, number>();
  for (const m of stdout.matchAll(/:\d+(?::\d+)? (error|warning) ([a-z0-9-]+) /g)) counts.set(`${m[1]} ${m[2]}`, (counts.get(`${m[1]} ${m[2]}`) ?? 0) + 1);
  const summary = /^\[course\] .*$/m.exec(stdout)?.[0] ?? "[course] (no summary line)";
  const list = counts.size ? `: ${[...counts].map(([k, n]) => `${n} ${k}`).join(", ")}` : "";
  if (broken === undefined) return summary + list;
  const expected = counts.size === (broken ? 1 : 0) && (counts.get("error broken-wikilink") ?? 0) === broken;
  return `${summary}${list}${expected ? " (as intended)" : ` -- UNEXPECTED: the vault has ${broken} broken links and nothing else to report`}`;
}

/** Wraps every HTML fragment under `dir` in a minimal document (`<html lang="nl"><body>`). */
function wrapPages(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith(".html")) continue;
    const file = path.join(e.parentPath, e.name);
    writeFileSync(file, `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${e.name}</title></head><body>${readFileSync(file, "utf8")}</body></html>`);
  }
}

async function benchBuilds(vault: VaultInfo): Promise<string[]> {
  const measurer = new Measurer(work);
  const cli = path.join(root, "node_modules/@11ty/eleventy/cmd.cjs");
  const pagefindBin = path.join(root, "node_modules/pagefind/lib/runner/bin.cjs");
  const bareConfig = path.join(work, "bare.config.mjs");
  writeFileSync(bareConfig, `export default function () {\n  return { markdownTemplateEngine: false, templateFormats: ["md"] };\n}\n`);
  const out = (name: string) => path.join(work, "out", name);
  const builds = {
    bare: (dir: string) => measurer.run("bare Eleventy", [], [cli, `--config=${bareConfig}`, `--input=${vaultDir}`, `--output=${dir}`, "--quiet"], work),
    search: (dir: string) => measurer.run("Pagefind on the bare output", [], [pagefindBin, "--site", dir, "--silent"], work),
    full: (dir: string) =>
      measurer.run("full build", ["--import", "tsx"], [cli, "--config=eleventy.config.ts", "--quiet"], root, { COURSE_CONTENT: vaultDir, COURSE_OUTPUT: dir, STRICT: "" }),
  };
  const results: Record<"bare" | "full", BuildResult[]> = { bare: [], full: [] };
  const search: BuildResult[] = [];

  const warmBare = await builds.bare(out("bare-warm-up"));
  const warmFull = await builds.full(out("full-warm-up"));
  log(`warm-up: bare ${seconds(warmBare.ms)}, full ${seconds(warmFull.ms)}`);
  log(`full build diagnostics: ${diagnosticCounts(warmFull.stdout, vault.broken)}`);
  const bareHtml = htmlStats(out("bare-warm-up"));
  const fullHtml = htmlStats(out("full-warm-up"));
  const pageOf = (rel: string) => noteUrl(rel).replace(/^\//, "") + "index.html";
  const fullLessons = vault.notes.map((n) => fullHtml.sizes.get(pageOf(n.rel))).filter((s): s is number => s !== undefined);
  const bareLessons = vault.notes.map((n) => bareHtml.sizes.get(`${n.rel.replace(/\.md$/, "")}/index.html`)).filter((s): s is number => s !== undefined);
  if (!opts.keep) rmSync(path.join(work, "out"), { recursive: true, force: true });

  for (let r = 1; r <= opts.runs; r++) {
    const line: string[] = [];
    for (const kind of ["bare", "full"] as const) {
      const dir = out(`${kind}-${r}`);
      const result = await builds[kind](dir);
      results[kind].push(result);
      line.push(`${kind} ${seconds(result.ms)}`);
      if (kind === "bare") {
        wrapPages(dir); // not timed: bare pages are fragments, and Pagefind indexes only whole documents
        const indexed = await builds.search(dir);
        search.push(indexed);
        line.push(`Pagefind on it ${seconds(indexed.ms)}`);
      }
      rmSync(dir, { recursive: true, force: true });
    }
    log(`run ${r}/${opts.runs}: ${line.join(", ")}`);
  }

  const rows: BuildSummary[] = [
    { label: "bare Eleventy", runs: results.bare, html: bareHtml, lessonSizes: bareLessons },
    { label: "full build", runs: results.full, html: fullHtml, lessonSizes: fullLessons },
  ];
  const notes = vault.notes.length;
  const rss = rssValues(rows[0]!).length && rssValues(rows[1]!).length ? (median(rssValues(rows[1]!)) / median(rssValues(rows[0]!))).toFixed(2) : "n/a";
  return [
    buildTable(rows, notes),
    "",
    `${RSS_NOTE}; wall time = spawn to exit of that process.`,
    `lesson pages: ${fullLessons.length} of ${notes} notes found in the full output (by note URL), ${bareLessons.length} in the bare output; HTML per note counts every page (listings, search, 404 ...).`,
    `search floor: bare Eleventy + Pagefind on its output = ${seconds(wallMedian(rows[0]!) + median(search.map((r) => r.ms)))} median, ${((wallMedian(rows[0]!) + median(search.map((r) => r.ms))) / wallMedian(rows[0]!)).toFixed(2)}× bare (Pagefind alone ${seconds(median(search.map((r) => r.ms)))}).`,
    `RSS ratio full/bare: ${rss}`,
    `ratio full/bare: ${(wallMedian(rows[1]!) / wallMedian(rows[0]!)).toFixed(2)}`,
  ];
}

async function benchDev(vault: VaultInfo): Promise<string[]> {
  const kinds = /^\d+\. (Uitleg|Stappen|Oefeningen|Leertaak) /;
  const lessons = vault.notes.filter((n) => kinds.test(n.name));
  const result = await measureDev({
    root,
    vaultDir,
    outDir: path.join(work, "dev-site"),
    lessons: lessons.length ? lessons : vault.notes,
    runs: opts.runs,
    startupTimeoutMs: 300_000,
    saveTimeoutMs: 120_000,
    log,
  });
  await stopDevServer();
  const served = result.saves.filter((s) => s.ms !== undefined).map((s) => s.ms!);
  return [
    devTable(result),
    "",
    "startup = spawn of `npm start` until GET / returns HTML; save → served = writing the lesson until its URL serves the marker (polled every 20 ms).",
    `save → served: median ${served.length ? seconds(median(served)) : "n/a"}, max ${served.length ? seconds(Math.max(...served)) : "n/a"}${served.length < result.saves.length ? `, ${result.saves.length - served.length} TIMEOUT(S)` : ""}; startup ${seconds(result.startupMs)}`,
  ];
}

async function main(): Promise<void> {
  // The labs' bundle budget (scripts/bench/bundle.ts): alone with --bundle-only, else after the builds.
  const bundle = async () => bundleLines(await measureBundles()).map((line) => `bundle: ${line}`);
  if (opts.bundleOnly) {
    for (const line of await bundle()) console.log(line);
    return;
  }
  mkdirSync(vaultDir, { recursive: true });
  const vault = prepareVault();
  const eleventy = JSON.parse(readFileSync(path.join(root, "node_modules/@11ty/eleventy/package.json"), "utf8")).version as string;
  const env = `Eleventy ${eleventy}, Node ${process.version}, ${process.platform} ${process.arch}, ${availableParallelism()} CPUs`;
  log(`vault: ${vault.summary}`);
  log(`work folder: ${work}`);
  log(opts.dev ? `${env}; dev server, ${opts.runs} saves` : `${env}; one warm-up of each build, then ${opts.runs} run${opts.runs === 1 ? "" : "s"} alternating bare, full`);
  const lines = opts.dev ? await benchDev(vault) : await benchBuilds(vault);
  // Before the build table: its last line (ratio full/bare) stays the last line of the output.
  lines.unshift(...(await bundle()), "");
  console.log("");
  if (opts.keep) console.log(`kept (not removed): ${work}\n`);
  if (opts.write) {
    const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
    const version = gitVersion(root);
    const title = `${opts.dev ? "dev server" : "builds"}, ${opts.course ? "content/" : `${vault.notes.length} synthetic notes`}`;
    const file = appendResults(root, title, [`\`${command}\`${version ? ` at ${version}` : ""}`, "", env, "", `Vault: ${vault.summary}`, "", ...lines]);
    console.log(`appended to ${path.relative(root, file)}\n`);
  }
  for (const line of lines) console.log(line);
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    if (opts.keep) console.error(`kept: ${work}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopDevServer();
    cleanup();
  });
