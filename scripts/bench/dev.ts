/**
 * `--dev`: the time from saving a lesson to the rebuilt page being served by `npm start`.
 *
 * Starts `tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts --serve` in its
 * own process group, waits until `/` is served as HTML (startup), then per run edits one
 * lesson (a different one each time: a marker sentence appended, or once a new `title:`) and
 * polls the lesson's URL every 20 ms until the served page contains the marker. Before the next
 * save it waits until Eleventy reports the end of that rebuild (`[11ty] Watching…`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { noteUrl } from "../../src/vault/index.ts";

export interface DevLesson {
  rel: string;
  name: string;
}

export interface DevOptions {
  root: string;
  vaultDir: string;
  outDir: string;
  lessons: DevLesson[];
  runs: number;
  startupTimeoutMs: number;
  saveTimeoutMs: number;
  log: (line: string) => void;
}

export interface DevSave {
  lesson: string;
  change: "text" | "title";
  /** Save → served in ms; undefined when the marker did not appear within the timeout. */
  ms?: number;
}

export interface DevResult {
  port: number;
  startupMs: number;
  saves: DevSave[];
}

const POLL_MS = 20;
let server: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, () => {
      const addr = s.address();
      s.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no free port"))));
    });
  });
}

async function get(url: string): Promise<{ status: number; type: string; body: string } | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { "cache-control": "no-cache" } });
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
  } catch {
    return undefined; // not listening yet, or reset during a rebuild
  }
}

/** Polls until `test` holds; the elapsed ms, or undefined after `timeoutMs`. Throws when the server died. */
async function until(test: () => boolean | Promise<boolean>, timeoutMs: number, output: () => string): Promise<number | undefined> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (await test()) return performance.now() - start;
    const s = server;
    if (s && (s.exitCode !== null || s.signalCode)) throw new Error(`the dev server stopped:\n${output().slice(-4000)}`);
    await sleep(POLL_MS);
  }
  return undefined;
}

/** Stops the dev server's whole process group (tsx and the node process it starts). */
export async function stopDevServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child?.pid || child.exitCode !== null || child.signalCode) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => killGroupNow(child.pid!), 5000);
  await exited;
  clearTimeout(timer);
  killGroupNow(child.pid); // grandchildren that outlived their parent
}

function killGroupNow(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    /* already gone */
  }
}

/** For `process.on("exit")`: synchronous, last resort. */
export function killDevServerSync(): void {
  killGroupNow(server?.pid);
}

export async function measureDev(o: DevOptions): Promise<DevResult> {
  if (o.lessons.length === 0) throw new Error("no lessons to edit");
  const port = await freePort();
  const base = `http://localhost:${port}`;
  let output = "";
  let builds = 0;
  const started = performance.now();
  server = spawn(
    process.execPath,
    [path.join(o.root, "node_modules/tsx/dist/cli.mjs"), "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--serve", `--port=${port}`],
    { cwd: o.root, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, COURSE_CONTENT: o.vaultDir, COURSE_OUTPUT: o.outDir, STRICT: "" } },
  );
  const collect = (d: Buffer) => {
    const text = d.toString();
    builds += text.match(/\[11ty\] Watching/g)?.length ?? 0;
    output = (output + text).slice(-200_000);
  };
  server.stdout!.on("data", collect);
  server.stderr!.on("data", collect);

  const startup = await until(async () => {
    const r = await get(`${base}/`);
    return r?.status === 200 && /html/.test(r.type);
  }, o.startupTimeoutMs, () => output);
  if (startup === undefined) throw new Error(`the dev server did not serve / within ${o.startupTimeoutMs / 1000} s:\n${output.slice(-4000)}`);
  const startupMs = performance.now() - started;
  o.log(`dev server on port ${port}: first page served after ${(startupMs / 1000).toFixed(2)} s`);
  await until(() => builds >= 1, o.saveTimeoutMs, () => output);

  const id = randomBytes(4).toString("hex");
  const saves: DevSave[] = [];
  for (let i = 0; i < o.runs; i++) {
    const lesson = o.lessons[Math.floor(((i + 0.5) * o.lessons.length) / o.runs) % o.lessons.length]!;
    const change: DevSave["change"] = o.runs >= 2 && i === o.runs - 1 ? "title" : "text";
    const marker = `bench-${id}-${i}-end`;
    const file = path.join(o.vaultDir, lesson.rel);
    const source = readFileSync(file, "utf8");
    const edited =
      change === "title"
        ? source.replace(/^title:.*$/m, `title: ${JSON.stringify(`${lesson.name} ${marker}`)}`)
        : `${source.replace(/\s*$/, "")}\n\nDeze zin is toegevoegd door de benchmark (${marker}).\n`;
    const url = base + noteUrl(lesson.rel).split("/").map(encodeURIComponent).join("/");
    const buildsBefore = builds;
    const t0 = performance.now();
    writeFileSync(file, edited);
    const served = await until(async () => (await get(url))?.body.includes(marker) ?? false, o.saveTimeoutMs, () => output);
    const ms = served === undefined ? undefined : performance.now() - t0;
    saves.push({ lesson: lesson.name, change, ms });
    o.log(`save ${i + 1}/${o.runs} (${change === "title" ? "title: changed" : "sentence appended"}, ${lesson.name}): ${ms === undefined ? `TIMEOUT after ${o.saveTimeoutMs / 1000} s` : `${(ms / 1000).toFixed(2)} s`}`);
    // Let that rebuild finish before the next save.
    const done = await until(() => builds > buildsBefore, o.saveTimeoutMs, () => output);
    if (done === undefined) o.log("  (the rebuild did not report its end in time; continuing)");
    await sleep(200);
  }
  return { port, startupMs, saves };
}
