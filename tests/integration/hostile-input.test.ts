/**
 * A small hostile vault, built for real and checked the way the README says
 * (`npm run -s check -- --format json`): YAML aliases, a Windows-1252 file, an invalid date, a
 * truncated PNG and a file name that looks like a diagnostic. Each gets a diagnostic naming the
 * file, line and rule; nothing crashes, no page is lost and no broken file is left behind.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Diagnostic } from "../../src/diagnostics/index.ts";
import { brokenInternalLinks, buildSite, projectRoot, type BuildResult } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

const PNG = readFileSync(path.join(projectRoot, "tests/fixtures/assets/vm_docker.png"));
const FAKE = "a:99:1 error fake-rule";

function aliasNote(): string {
  const lines = ["---", "title: Aliassen", "a: &b x"];
  for (let i = 0; i < 50; i++) lines.push(`k${i}: *b`);
  return [...lines, "---", "", "De tekst van de pagina met aliassen.", ""].join("\n");
}

const FILES: Record<string, string | Buffer> = {
  "Goed.md": "---\ntitle: Goed\n---\n\nEen gewone pagina.\n",
  "Aliassen.md": aliasNote(),
  "Oud.md": Buffer.from("---\ntitle: Oud\n---\n\nCaf\xe9 met \x93aanhalingstekens\x94 voor \x80 3.\n", "latin1"),
  "Datum.md": "---\ntitle: Datum\ndate: morgen\n---\n\nEen pagina met een datum die geen datum is.\n",
  "Plaatje.md": "---\ntitle: Plaatje\n---\n\nTekst.\n\n![Een afgebroken plaatje](kapot.png)\n\n![Een heel plaatje](heel.png)\n",
  "kapot.png": PNG.subarray(0, Math.floor(PNG.length / 2)),
  "heel.png": PNG,
  [`${FAKE}.md`]: "---\ntitle: Nep\n---\n\nZie [[Bestaat niet]].\n",
};

let vault: string;
let build: BuildResult;
let check: { code: number; stdout: string; stderr: string };
let report: { diagnostics: Diagnostic[]; summary: { errors: number; warnings: number; pages: number } };

/** `npm run -s check -- ...` from the project root, as the README tells a teacher to run it. */
function npmCheck(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npm", ["run", "-s", "check", "--", ...args], { cwd: projectRoot, env: { ...process.env, STRICT: "", ...env }, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

before(async () => {
  vault = tempDir("hostile-vault-");
  for (const [rel, text] of Object.entries(FILES)) writeFileSync(path.join(vault, rel), text);
  check = await npmCheck(["--format", "json"], { COURSE_CONTENT: vault });
  report = JSON.parse(check.stdout) as typeof report;
  build = buildSite(vault);
});
after(() => {
  rmSync(vault, { recursive: true, force: true });
  if (build) rmSync(build.output, { recursive: true, force: true });
});

/** `name:line:column severity rule` of the check's diagnostics of `rule`. */
function found(rule: string): string[] {
  return report.diagnostics.filter((d) => d.rule === rule).map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.severity} ${d.rule}`);
}

function page(url: string): string {
  return readFileSync(path.join(build.output, url, "index.html"), "utf8");
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(dir, f)).isFile());
}

describe("a hostile vault", () => {
  test("npm run -s check -- --format json prints only JSON on stdout, with every problem below; the build finishes", () => {
    assert.equal(check.code, 1, check.stderr);
    assert.ok(report.summary.pages >= 6, JSON.stringify(report.summary));
    assert.equal(build.status, 0, build.stderr);
  });

  test("no internal link, image or script on any page points nowhere, broken images included", () => {
    assert.deepEqual(brokenInternalLinks(build.output), []);
  });

  test("50 YAML aliases: a frontmatter-yaml error at the first alias line, in the check and the build; the note and the others are still published", () => {
    assert.deepEqual(found("frontmatter-yaml"), ["Aliassen.md:4:5 error frontmatter-yaml"]);
    assert.match(report.diagnostics.find((d) => d.rule === "frontmatter-yaml")!.message, /\*b .*50/);
    assert.match(build.stdout, /Aliassen\.md:4:5 error frontmatter-yaml/);
    assert.doesNotMatch(build.stdout + build.stderr, /ReferenceError|Excessive alias count/);
    assert.match(page("aliassen"), /De tekst van de pagina met aliassen\./);
    assert.match(page("goed"), /Een gewone pagina\./);
  });

  test("a Windows-1252 file: an encoding warning naming the file and line, and the page reads right", () => {
    assert.deepEqual(found("encoding"), ["Oud.md:5:0 warning encoding"]);
    const html = page("oud");
    assert.match(html, /Café met “aanhalingstekens” voor € 3\./);
    assert.doesNotMatch(html, /\uFFFD/);
  });

  test("date: morgen is a date-invalid warning at the line of the key, with how to write a date; the page is still built", () => {
    assert.deepEqual(found("date-invalid"), ["Datum.md:3:1 warning date-invalid"]);
    assert.match(report.diagnostics.find((d) => d.rule === "date-invalid")!.hint!, /date: 2026-09-01/);
    assert.match(page("datum"), /die geen datum is/);
  });

  test("a truncated PNG: image-broken at the note and line that use it, in the check and the build; a link to the original file, named by the alt text; no empty or stray image files", () => {
    assert.deepEqual(found("image-broken"), ["Plaatje.md:7:0 error image-broken"]);
    assert.match(build.stdout, /Plaatje\.md:7 error image-broken .*kapot\.png/);
    assert.doesNotMatch(build.stdout + build.stderr, /pngload|end of stream/);
    const html = page("plaatje");
    assert.match(html, /<a href="\/bestanden\/kapot\.png">Een afgebroken plaatje<\/a>/);
    assert.deepEqual(readFileSync(path.join(build.output, "bestanden", "kapot.png")), FILES["kapot.png"], "the original file is published as it is");
    // The whole image is converted, and img/ holds exactly the files the pages use, none empty.
    const img = path.join(build.output, "img");
    const written = filesBelow(img).sort();
    const used = [...new Set([...html.matchAll(/\/img\/([^"\s,]+)/g)].map((m) => m[1]!))].sort();
    assert.ok(used.length > 0, "the whole PNG is shown as a converted image");
    assert.deepEqual(written, used);
    for (const f of written) assert.ok(statSync(path.join(img, f)).size > 0, `${f} is empty`);
  });

  test("a file named like a diagnostic: the text report quotes it, so every line parses to the right file", async () => {
    const text = await npmCheck([], { COURSE_CONTENT: vault });
    const lines = text.stdout.trimEnd().split("\n").filter((l) => !l.startsWith("    ") && !/^(OK|NIET OK):/.test(l));
    const files = lines.map((l) => {
      const m = /^("(?:[^"\\]|\\.)*"|[^\s":]+):\d+(?::\d+)? (error|warning) [a-z-]+ /.exec(l);
      assert.ok(m, `not a diagnostic line: ${l}`);
      return m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!;
    });
    assert.ok(files.includes(path.join(vault, `${FAKE}.md`)), files.join("\n"));
    assert.deepEqual(new Set(files), new Set(report.diagnostics.filter((d) => d.severity !== "info").map((d) => d.file)));
    assert.ok(text.stdout.includes(`"${path.join(vault, FAKE)}.md":5:5 error broken-wikilink`), text.stdout);
  });
});
