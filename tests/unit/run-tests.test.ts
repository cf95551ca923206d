/**
 * The test runner (scripts/run-tests.ts) says how many tests were skipped and why, and fails a
 * run whose tests leave something in the temporary folder. It runs two small test files of
 * tests/fixtures/run-tests/: one that forgets a folder, one that tidies up and skips two tests.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { projectRoot } from "../helpers/build.ts";

function runTests(file: string) {
  // Without NODE_TEST_CONTEXT, which tells node it runs inside a test and would not run the files.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/run-tests.ts", `tests/fixtures/run-tests/${file}`], { cwd: projectRoot, env, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe("scripts/run-tests.ts", () => {
  test("a test that leaves a temporary folder behind fails the run, and the folder is named", () => {
    const r = runTests("leaks.test.ts");
    assert.match(r.out, /ℹ pass 1/, "the test itself passes");
    assert.notEqual(r.status, 0, r.out + r.err);
    assert.match(r.err, /left 1 temporary file or folder behind/);
    assert.match(r.err, /^ {2}vergeten-\w+$/m);
  });

  test("folders from tempDir() are gone after the run; skipped tests are counted with their reason", () => {
    const r = runTests("tidy.test.ts");
    assert.equal(r.status, 0, r.out + r.err);
    assert.doesNotMatch(r.err, /behind/);
    assert.match(r.out, /^2 tests skipped: 2 \(NO_CHROMIUM\)$/m);
  });
});
