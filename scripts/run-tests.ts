/**
 * Runs every `tests/**\/*.test.ts` with node's test runner under tsx. (Node 20's
 * `--test` does not expand globs, and shell globbing differs per platform.)
 *   npm test                      all tests
 *   npm test -- tests/unit        only the files under a folder (or a single file)
 *
 * After the run it says how many tests were skipped and why (`SKIP_BROWSER=1` skips the
 * browser tests one by one), and it checks that the tests cleaned up: the run gets a
 * temporary folder of its own (TMPDIR), and anything a test or a build it started leaves
 * there fails the run, named.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** What tools keep in the temporary folder on purpose: tsx's compile cache. */
const TOOL_CACHES = /^tsx-\d+$/;

function collect(p: string, out: string[]): void {
  if (statSync(p).isDirectory()) {
    for (const e of readdirSync(p).sort()) if (e !== "fixtures" && e !== "node_modules") collect(path.join(p, e), out);
  } else if (p.endsWith(".test.ts")) out.push(path.relative(root, p));
}

/** Skipped tests in a TAP report, by reason: `ok 3 - name # SKIP reason`. */
function skippedByReason(tap: string): Map<string, number> {
  const reasons = new Map<string, number>();
  for (const m of tap.matchAll(/^\s*ok \d+ - .*? # SKIP ?(.*)$/gm)) {
    const reason = m[1]!.trim() || "no reason given";
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return reasons;
}

/** What is left in a folder, except the tools' caches. */
function leftovers(dir: string): string[] {
  return readdirSync(dir)
    .filter((e) => !TOOL_CACHES.test(e))
    .sort();
}

function main(): number {
  const targets = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const files: string[] = [];
  for (const t of targets.length ? targets : ["tests"]) collect(path.resolve(root, t), files);
  if (files.length === 0) {
    console.error("no test files found");
    return 1;
  }

  const run = mkdtempSync(path.join(tmpdir(), "docker-cursus-tests-"));
  const tmp = path.join(run, "tmp");
  mkdirSync(tmp);
  const tap = path.join(run, "report.tap");
  try {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "--test", "--test-reporter=spec", "--test-reporter-destination=stdout", "--test-reporter=tap", `--test-reporter-destination=${tap}`, ...files],
      { cwd: root, stdio: "inherit", env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp } },
    );
    let status = r.status ?? 1;

    const skipped = skippedByReason(existsSync(tap) ? readFileSync(tap, "utf8") : "");
    const total = [...skipped.values()].reduce((a, b) => a + b, 0);
    if (total) console.log(`\n${total} ${total === 1 ? "test" : "tests"} skipped: ${[...skipped].map(([why, n]) => `${n} (${why})`).join(", ")}`);

    const left = leftovers(tmp);
    if (left.length) {
      console.error(`\nThe tests left ${left.length} temporary ${left.length === 1 ? "file or folder" : "files or folders"} behind; make them with tempDir() (tests/helpers/tmp.ts) or remove them in an after hook:`);
      for (const e of left) console.error(`  ${e}`);
      status ||= 1;
    }
    return status;
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}

process.exit(main());
