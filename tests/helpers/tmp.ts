/**
 * Temporary folders for tests. `tempDir("x-")` makes one in the system's temporary folder and
 * removes it when the test file is done, whether its tests passed or failed (a root-level
 * `after` hook of the file's process). scripts/run-tests.ts gives each run a temporary folder
 * of its own and fails the run when anything is left in it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";

const made: string[] = [];

after(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder named `<prefix><random>`, removed after the test file's last test. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
