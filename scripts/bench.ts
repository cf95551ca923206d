/**
 * Benchmark: our build against bare Eleventy on the same Markdown, in the same run.
 *
 *   npm run bench                 # course × 10 copies, 5 runs each
 *   npm run bench -- --copies 20 --runs 7
 *
 * Works in /dev/shm when it exists (disk timings are noisy). Bare Eleventy gets the same
 * files with an empty config (its own markdown-it, no template engine on Markdown so
 * Docker's Go templates do not break it); we build with our full pipeline. Prints the
 * median wall time of each and the ratio. Image generation is excluded from the ratio by
 * a warm-up run that fills eleventy-img's output cache.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const copies = arg("copies", 10);
const runs = arg("runs", 5);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
const work = mkdtempSync(path.join(base, "cursus-bench-"));

/** The course, `copies` times, each copy's notes renamed so every name stays unique. */
function makeVault(): { dir: string; notes: number } {
  const dir = path.join(work, "vault");
  const source = path.join(root, "content");
  let notes = 0;
  for (let k = 0; k < copies; k++) {
    const walk = (from: string, to: string) => {
      mkdirSync(to, { recursive: true });
      for (const entry of readdirSync(from)) {
        const p = path.join(from, entry);
        if (statSync(p).isDirectory()) walk(p, path.join(to, entry));
        else if (entry.endsWith(".md")) {
          const name = k === 0 ? entry : entry.replace(/\.md$/, ` (kopie ${k}).md`);
          let text = readFileSync(p, "utf8");
          if (k > 0) text = text.replace(/^title: (.*)$/m, (_m, t: string) => `title: "${t.replace(/^["']|["']$/g, "").replace(/"/g, "'")} (kopie ${k})"`);
          writeFileSync(path.join(to, name), text);
          notes++;
        } else cpSync(p, path.join(to, entry));
      }
    };
    walk(source, k === 0 ? dir : path.join(dir, `Kopie ${k}`));
  }
  return { dir, notes };
}

function time(label: string, cmd: string[], env: Record<string, string>, cwd: string): number[] {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, cmd, { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) {
      console.error(`${label} failed:\n${r.stdout}\n${r.stderr}`);
      process.exit(1);
    }
    if (i > 0) times.push(ms); // run 0 is the warm-up
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { dir, notes } = makeVault();
const bareConfig = path.join(work, "bare.config.mjs");
writeFileSync(bareConfig, `export default function () { return { markdownTemplateEngine: false, templateFormats: ["md"] }; }\n`);
const eleventyCli = path.join(root, "node_modules/@11ty/eleventy/cmd.cjs");

console.log(`Benchmark in ${work}: ${notes} notes (${copies} copies of content/), ${runs} runs each after a warm-up`);
const bare = time("bare Eleventy", [eleventyCli, `--config=${bareConfig}`, `--input=${dir}`, `--output=${path.join(work, "bare-site")}`, "--quiet"], {}, work);
const ours = time("our build", ["--import", "tsx", eleventyCli, "--config=eleventy.config.ts", "--quiet"], { COURSE_CONTENT: dir, COURSE_OUTPUT: path.join(work, "site"), STRICT: "" }, root);

const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
console.log(`bare Eleventy 3 (markdown only):  ${fmt(bare)}`);
console.log(`our build (vault, plugins, site): ${fmt(ours)}`);
console.log(`ratio ours / bare: ${(median(ours) / median(bare)).toFixed(2)}×  (${(median(ours) / notes).toFixed(1)} ms per note)`);
rmSync(work, { recursive: true, force: true });
