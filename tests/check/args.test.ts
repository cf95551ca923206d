/**
 * The command lines of `npm run check` and `npm run new`, parsed by `util.parseArgs`: every
 * documented spelling works, anything else is refused with a Dutch message and the usage,
 * exit code 2, and nothing is written. `--output` writes the report to a file.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { ROOT, run } from "./run.ts";
import { tempDir } from "../helpers/tmp.ts";

const temps: string[] = [];
function temp(prefix: string): string {
  const dir = tempDir(prefix);
  temps.push(dir);
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A vault with one warning (a TODO marker) and nothing else. */
function vaultWithWarning(): string {
  const dir = temp("check-args-");
  writeFileSync(path.join(dir, "Bijna.md"), "---\ntitle: Bijna\n---\n\nTODO: afmaken.\n");
  return dir;
}

describe("npm run check: options", () => {
  test("--format json, --format=json and --json give the same JSON report", async () => {
    const dir = vaultWithWarning();
    const outputs = await Promise.all([["--format", "json"], ["--format=json"], ["--json"]].map((args) => run("src/check/cli.ts", [...args, dir])));
    for (const r of outputs) {
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual((JSON.parse(r.stdout) as { summary: { warnings: number } }).summary.warnings, 1);
    }
  });

  test("--output writes the JSON report to a file that parses, and prints no report on stdout", async () => {
    const dir = vaultWithWarning();
    const file = path.join(temp("check-out-"), "rapport.json");
    const r = await run("src/check/cli.ts", ["--format", "json", "--output", file], { COURSE_CONTENT: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
    const report = JSON.parse(readFileSync(file, "utf8")) as { diagnostics: Array<{ rule: string; line: number }>; summary: { warnings: number } };
    assert.deepEqual(report.diagnostics.filter((d) => d.rule === "todo-marker").map((d) => d.line), [5]);
    assert.match(r.stderr, /Rapport geschreven naar .*rapport\.json: 0 fouten, 1 waarschuwing/);
  });

  test("--output=<file> with the text format writes the text report, and --strict still sets the exit code", async () => {
    const dir = vaultWithWarning();
    const file = path.join(temp("check-out-"), "rapport.txt");
    const r = await run("src/check/cli.ts", [dir, `--output=${file}`, "--strict"]);
    assert.equal(r.code, 1);
    const text = readFileSync(file, "utf8");
    assert.match(text, /Bijna\.md:5:1 warning todo-marker/);
    assert.match(text, /^NIET OK: 0 fouten, 1 waarschuwing in 1 pagina \(strikt: waarschuwingen tellen mee\)/m);
  });

  test("-h and --help print the Dutch usage with exit 0", async () => {
    for (const flag of ["-h", "--help"]) {
      const r = await run("src/check/cli.ts", [flag]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Gebruik: npm run -s check -- \[map\]/);
      assert.match(r.stdout, /--output <bestand>/);
    }
  });

  const wrong: Array<[string[], RegExp]> = [
    [["--kleur"], /^Onbekende optie --kleur\./],
    [["-x"], /^Onbekende optie -x\./],
    [["--format"], /^Optie --format heeft een waarde nodig/],
    [["--strict=ja"], /^Optie --strict krijgt geen waarde\./],
    [["--format", "xml"], /^Onbekend formaat "xml": kies text of json\./],
    [["--output"], /^Optie --output heeft een waarde nodig/],
    [["map-een", "map-twee"], /^Geef één inhoudsmap op, niet 2/],
  ];
  for (const [args, message] of wrong) {
    test(`${args.join(" ")}: exit 2, a Dutch message and the usage on stderr, no report`, async () => {
      const dir = vaultWithWarning();
      const r = await run("src/check/cli.ts", args, { COURSE_CONTENT: dir });
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Gebruik: npm run -s check/);
      assert.equal(r.stdout, "");
    });
  }

  test("an --output file in a folder that does not exist: exit 2 with a Dutch message", async () => {
    const r = await run("src/check/cli.ts", ["--output", path.join(tmpdir(), `bestaat-niet-${process.pid}`, "r.json")], { COURSE_CONTENT: vaultWithWarning() });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Kan het rapport niet schrijven naar /);
  });
});

describe("npm run new: options", () => {
  function course(): string {
    const dir = temp("new-args-");
    mkdirSync(path.join(dir, "8. Docker"), { recursive: true });
    return dir;
  }
  const made = (dir: string, folder = "8. Docker") => (existsSync(path.join(dir, folder)) ? readdirSync(path.join(dir, folder)) : []);

  test("--stap=<code>, --step <code> and --map=<map> work; the name may be given in words", async () => {
    const dir = course();
    const a = await run("src/check/scaffold-cli.ts", ["31. Uitleg Docker Netwerken", "--stap=ib-19"], { COURSE_CONTENT: dir });
    assert.equal(a.code, 0, a.stderr);
    const b = await run("src/check/scaffold-cli.ts", ["32.", "Stappen", "Docker", "Netwerken", "--step", "ib-19", "--map=9. Extra"], { COURSE_CONTENT: dir });
    assert.equal(b.code, 0, b.stderr);
    assert.deepEqual(made(dir), ["31. Uitleg Docker Netwerken.md"]);
    assert.deepEqual(made(dir, "9. Extra"), ["32. Stappen Docker Netwerken.md"]);
  });

  test("-h prints the usage with exit 0", async () => {
    const r = await run("src/check/scaffold-cli.ts", ["-h"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Gebruik: npm run new -- "<nummer>\. <Soort> <Onderwerp>"/);
  });

  const wrong: Array<[string[], RegExp]> = [
    [["30. Uitleg Docker Security", "--kleur", "rood"], /^Onbekende optie --kleur\./],
    [["30. Uitleg Docker Security", "--map"], /^Optie --map heeft een waarde nodig/],
    [["30. Uitleg Docker Security", "--map="], /^Optie --map heeft een waarde nodig/],
    [[], /^Geef de naam van de les\./],
  ];
  for (const [args, message] of wrong) {
    test(`${args.join(" ") || "no name"}: exit 2, a Dutch message and the usage, and no lesson is made`, async () => {
      const dir = course();
      const r = await run("src/check/scaffold-cli.ts", args, { COURSE_CONTENT: dir });
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Gebruik: npm run new/);
      assert.deepEqual(made(dir), []);
      assert.deepEqual(readdirSync(dir), ["8. Docker"]);
    });
  }
});

test("the README and the teachers' guide tell to run the JSON check as npm run -s check", () => {
  for (const file of ["README.md", "content/Handleiding voor docenten.md"]) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    assert.match(text, /npm run -s check -- --format json/, file);
    assert.doesNotMatch(text, /npm run check -- --format json/, `${file} still shows the form that prints npm's banner before the JSON`);
  }
});
