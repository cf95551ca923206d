/**
 * Runs every `tests/**\/*.test.ts` with node's test runner under tsx. (Node 20's
 * `--test` does not expand globs, and shell globbing differs per platform.)
 *   npm test                      all tests
 *   npm test -- tests/unit        only the files under a folder (or a single file)
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function collect(p: string, out: string[]): void {
  if (statSync(p).isDirectory()) {
    for (const e of readdirSync(p).sort()) if (e !== "fixtures" && e !== "node_modules") collect(path.join(p, e), out);
  } else if (p.endsWith(".test.ts")) out.push(path.relative(root, p));
}

const targets = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const files: string[] = [];
for (const t of targets.length ? targets : ["tests"]) collect(path.resolve(root, t), files);
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
