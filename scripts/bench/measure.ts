/**
 * Runs one build as a child `node` process and measures its wall time and peak RSS.
 *
 * Peak RSS comes from a tiny preloaded ES module (`--import`) that writes
 * `process.resourceUsage().maxRSS` (KiB) to the file named by BENCH_RSS_FILE when the process
 * exits. It covers the Eleventy node process itself, worker threads included; child
 * processes it starts (git, for example) are not counted. This works on every platform Node
 * runs on, unlike `/usr/bin/time -f %M`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const RSS_NOTE = "peak RSS = maxRSS of the Eleventy node process (worker threads included, child processes such as git not)";

const PRELOAD = `import { writeFileSync } from "node:fs";
const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => {
  try { writeFileSync(file, String(process.resourceUsage().maxRSS)); } catch {}
});
`;

export interface BuildResult {
  ms: number;
  /** Peak RSS in KiB; undefined when the process did not report it. */
  rssKb?: number;
  stdout: string;
  stderr: string;
}

/** Children still running, so an interrupted benchmark can stop them. */
export const running = new Set<ChildProcess>();

export class Measurer {
  private readonly preload: string;
  private count = 0;
  constructor(private readonly work: string) {
    this.preload = path.join(work, "rss-preload.mjs");
    writeFileSync(this.preload, PRELOAD);
  }

  /** `node [nodeArgs] --import <preload> <args>` in `cwd`; rejects on a non-zero exit. */
  run(label: string, nodeArgs: string[], args: string[], cwd: string, env: Record<string, string> = {}): Promise<BuildResult> {
    const rssFile = path.join(this.work, `rss-${++this.count}.txt`);
    const argv = [...nodeArgs, "--import", pathToFileURL(this.preload).href, ...args];
    return new Promise((resolve, reject) => {
      const start = process.hrtime.bigint();
      const child = spawn(process.execPath, argv, { cwd, env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile }, stdio: ["ignore", "pipe", "pipe"] });
      running.add(child);
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (d: Buffer) => (stdout += d));
      child.stderr!.on("data", (d: Buffer) => (stderr += d));
      child.on("error", (err) => {
        running.delete(child);
        reject(err);
      });
      child.on("close", (code, signal) => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        running.delete(child);
        let rssKb: number | undefined;
        try {
          rssKb = Number(readFileSync(rssFile, "utf8")) || undefined;
          rmSync(rssFile);
        } catch {
          /* not written: the process died before its exit handlers ran */
        }
        if (code !== 0) reject(new Error(`${label} failed (${signal ?? `exit code ${code}`}):\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
        else resolve({ ms, rssKb, stdout, stderr });
      });
    });
  }
}

export interface HtmlStats {
  files: number;
  bytes: number;
  /** Size of each HTML file by its path relative to the output folder (`/`-separated). */
  sizes: Map<string, number>;
}

/** Every `.html` file under `dir`, with sizes. */
export function htmlStats(dir: string): HtmlStats {
  const sizes = new Map<string, number>();
  const walk = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(a, r);
      else if (entry.name.endsWith(".html")) sizes.set(r, statSync(a).size);
    }
  };
  walk(dir, "");
  let bytes = 0;
  for (const s of sizes.values()) bytes += s;
  return { files: sizes.size, bytes, sizes };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
