/**
 * `npm run check` as a teacher and CI run it: `npx tsx src/check/cli.ts` in a child process with
 * COURSE_CONTENT, checking its text and JSON output and its exit codes.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { ROOT, run } from "./run.ts";
import { tempDir } from "../helpers/tmp.ts";

const FIXTURE = path.join(ROOT, "tests/fixtures/check-vault");

const temps: string[] = [];
function tempVault(files: Record<string, string>): string {
  const dir = tempDir("check-cli-");
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const CLEAN = "---\ntitle: Schoon\n---\n\nNiets aan de hand.\n";
const WARNING_ONLY = "---\ntitle: Bijna\n---\n\nTODO: afmaken.\n";

describe("npm run check (src/check/cli.ts)", () => {
  test("--format json on the broken fixture vault: every diagnostic, a summary, exit 1", async () => {
    const r = await run("src/check/cli.ts", ["--format", "json"], { COURSE_CONTENT: FIXTURE });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }>; summary: Record<string, number> };
    // The rules' 7 errors, plus a missing image: like the build, the CLI always serves the
    // project's own _assets/, which has no gebruikt.svg (the rules test uses the fixture assets).
    assert.equal(out.summary.errors, 8);
    assert.deepEqual(
      out.diagnostics.filter((d) => d.rule === "missing-image").map((d) => `${path.basename(d.file)}:${d.line}`),
      ["1. Uitleg Schone Les.md:12"],
    );
    assert.equal(out.summary.warnings, 29);
    assert.equal(out.summary.files, 28);
    assert.equal(out.summary.errors, out.diagnostics.filter((d) => d.severity === "error").length);
    const cycle = out.diagnostics.find((d) => d.rule === "next-step-cycle");
    assert.deepEqual(
      cycle && { file: cycle.file, line: cycle.line, column: cycle.column, severity: cycle.severity },
      { file: "tests/fixtures/check-vault/Lus A.md", line: 7, column: 3, severity: "error" },
    );
    assert.ok(out.diagnostics.some((d) => d.rule === "unpublished" && d.severity === "info"), "info diagnostics are in the JSON");
  });

  test("text output: compiler-style lines with hints, infos only in the summary line", async () => {
    const r = await run("src/check/cli.ts", [], { COURSE_CONTENT: FIXTURE });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split("\n");
    assert.ok(lines.includes("tests/fixtures/check-vault/Dockerfile fout.md:7:1 error dockerfile Dockerfile: Deze instructie bestaat niet: RUNN."), r.stdout);
    const i = lines.indexOf("tests/fixtures/check-vault/Titel anders.md:2 warning title-mismatch title \"Een andere titel\" wijkt af van de bestandsnaam \"Titel anders\"");
    assert.ok(i >= 0, r.stdout);
    assert.match(lines[i + 1]!, /^ {4}Schrijf `title: Titel anders`/);
    assert.ok(!lines.some((l) => / info unpublished /.test(l)), "info is not listed per line");
    assert.match(lines.at(-1)!, /^NIET OK: 8 fouten, 29 waarschuwingen in 27 pagina's; info: .*1 unpublished \(tests\/fixtures\/check-vault\/Concept\.md\)/);
  });

  test("a clean vault passes with exit 0, also in strict mode", async () => {
    const dir = tempVault({ "Schoon.md": CLEAN });
    const r = await run("src/check/cli.ts", ["--strict", "--format", "json"], { COURSE_CONTENT: dir });
    assert.equal(r.code, 0, r.stdout);
    const out = JSON.parse(r.stdout) as { summary: { errors: number; warnings: number; files: number } };
    assert.deepEqual([out.summary.errors, out.summary.warnings, out.summary.files], [0, 0, 1]);
  });

  test("warnings pass by default and fail with --strict or STRICT=1", async () => {
    const dir = tempVault({ "Bijna.md": WARNING_ONLY });
    const plain = await run("src/check/cli.ts", [], { COURSE_CONTENT: dir });
    assert.equal(plain.code, 0, plain.stdout);
    assert.match(plain.stdout, /Bijna\.md:5:1 warning todo-marker/);
    assert.match(plain.stdout, /^OK: 0 fouten, 1 waarschuwing in 1 pagina/m);
    const strict = await run("src/check/cli.ts", ["--strict"], { COURSE_CONTENT: dir });
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /^NIET OK: 0 fouten, 1 waarschuwing in 1 pagina \(strikt: waarschuwingen tellen mee\)/m);
    const env = await run("src/check/cli.ts", [], { COURSE_CONTENT: dir, STRICT: "1" });
    assert.equal(env.code, 1);
  });

  test("a folder given as argument wins over COURSE_CONTENT", async () => {
    const dir = tempVault({ "Schoon.md": CLEAN });
    const r = await run("src/check/cli.ts", [dir], { COURSE_CONTENT: FIXTURE });
    assert.equal(r.code, 0, r.stdout);
  });

  test("a missing content folder or an unknown option: exit 2 with a message", async () => {
    const missing = await run("src/check/cli.ts", [], { COURSE_CONTENT: path.join(tmpdir(), "bestaat-niet-" + process.pid) });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /bestaat niet/);
    const option = await run("src/check/cli.ts", ["--kleur"], { COURSE_CONTENT: FIXTURE });
    assert.equal(option.code, 2);
    assert.match(option.stderr, /Onbekende optie --kleur/);
  });

  test("the check runs fast: the whole fixture vault in a few seconds including tsx start-up", async () => {
    const copy = tempDir("check-speed-");
    temps.push(copy);
    cpSync(FIXTURE, copy, { recursive: true });
    const start = Date.now();
    await run("src/check/cli.ts", ["--format", "json"], { COURSE_CONTENT: copy });
    assert.ok(Date.now() - start < 8000, `took ${Date.now() - start} ms`);
  });
});
