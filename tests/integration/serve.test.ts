/**
 * `npm start` (Eleventy's serve mode) on a small vault: a save rewrites the saved lesson's
 * page and the pages that show what changed, and leaves every other page alone. Checked on
 * the written files (their content and modification times), not with timers.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { pageFiles, projectRoot } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

const FILES: Record<string, string> = {
  "1. Basis/1. Uitleg Een.md": "---\ntitle: 1. Uitleg Een\n---\nTekst van een. Zie [[2. Uitleg Twee]].\n",
  "1. Basis/2. Uitleg Twee.md": "---\ntitle: 2. Uitleg Twee\n---\nTekst van twee.\n",
  "2. Verder/1. Uitleg Drie.md": "---\ntitle: 1. Uitleg Drie\n---\nTekst van drie.\n",
  "2. Verder/2. Uitleg Vier.md": "---\ntitle: 2. Uitleg Vier\n---\nTekst van vier.\n",
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      s.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no free port"))));
    });
  });
}

describe("serve mode renders only what a save changed", () => {
  let vault: string;
  let output: string;
  let server: ChildProcess;
  let log = "";
  const file = (url: string) => path.join(output, url, "index.html");
  const mtimes = () => new Map(pageFiles(output).map((f) => [path.relative(output, f), statSync(f).mtimeMs]));
  const buildCount = () => (log.match(/\[11ty\] Watching/g) ?? []).length;
  /** Waits until Eleventy has finished `n` builds in all; false after `ms`. */
  const builds = async (n: number, ms = 30_000) => {
    for (let waited = 0; waited < ms; waited += 50) {
      if (buildCount() >= n) return true;
      await sleep(50);
    }
    return false;
  };
  /**
   * Saves a note and waits for the rebuild. The watcher may still be starting when the first
   * build is done, so a save that is not seen is saved again (the same text).
   */
  const save = async (rel: string, text: string) => {
    const n = buildCount() + 1;
    for (let attempt = 0; attempt < 10; attempt++) {
      writeFileSync(path.join(vault, rel), text);
      if (await builds(n, 3_000)) return;
    }
    assert.fail(`the save of ${rel} was not rebuilt:\n${log}`);
  };

  before(async () => {
    vault = tempDir("serve-vault-");
    output = tempDir("serve-site-");
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(vault, rel)), { recursive: true });
      writeFileSync(path.join(vault, rel), text);
    }
    const port = await freePort();
    server = spawn(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--serve", `--port=${port}`], {
      cwd: projectRoot,
      env: { ...process.env, COURSE_CONTENT: vault, COURSE_OUTPUT: output, STRICT: "", PATH_PREFIX: "" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    assert.ok(await builds(1, 120_000), `the first build did not finish:\n${log}`);
    assert.ok(existsSync(file("/1-basis/1-uitleg-een/")), log);
  });

  after(() => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    rmSync(vault, { recursive: true, force: true });
    rmSync(output, { recursive: true, force: true });
  });

  test("text added to a lesson: only that lesson's page is written again", async () => {
    const before = mtimes();
    await save("2. Verder/1. Uitleg Drie.md", `${FILES["2. Verder/1. Uitleg Drie.md"]}\nNieuwe zin over volumes.\n`);
    assert.match(readFileSync(file("/2-verder/1-uitleg-drie/"), "utf8"), /Nieuwe zin over volumes\./);
    const now = mtimes();
    const rewritten = [...now].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);
    assert.deepEqual(rewritten, ["2-verder/1-uitleg-drie/index.html"]);
  });

  test("a lesson's title: its page, its module's pages (their sidebar), its neighbours and the overviews, and no page of the other module", async () => {
    const before = mtimes();
    await save("1. Basis/2. Uitleg Twee.md", "---\ntitle: 2. Uitleg Twee Nieuw\n---\nTekst van twee.\n");
    assert.match(readFileSync(file("/1-basis/2-uitleg-twee/"), "utf8"), /<h1 class="lesson-title">Uitleg Twee Nieuw<\/h1>/);
    const now = mtimes();
    const rewritten = [...now].filter(([f, t]) => before.get(f) !== t).map(([f]) => f).sort();
    assert.ok(rewritten.includes("1-basis/1-uitleg-een/index.html"), `the other lesson of the module shows the new title in its sidebar: ${rewritten}`);
    assert.ok(rewritten.includes("index.html"), "the home page lists it");
    assert.ok(!rewritten.includes("2-verder/2-uitleg-vier/index.html"), `a lesson of the other module is left alone: ${rewritten}`);
  });
});
