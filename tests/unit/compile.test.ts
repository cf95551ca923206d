/**
 * compile(): the vault-level diagnostics and the render of every published note, without Eleventy.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { compile } from "../../src/build/compile.ts";

function vault(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "compile-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const rules = (c: ReturnType<typeof compile>) => c.diagnostics.all().map((d) => `${path.basename(d.file)}:${d.line} ${d.severity} ${d.rule}`);

test("two pages on one URL: an error naming both files", () => {
  const dir = vault({ "A/Docker Images.md": "Een\n", "A/docker-images!.md": "Twee\n" });
  const c = compile({ contentDir: dir, gitDates: false });
  const d = c.diagnostics.all().find((x) => x.rule === "url-conflict");
  assert.ok(d, rules(c).join("\n"));
  assert.equal(d.severity, "error");
  assert.match(d.message, /Docker Images\.md/);
  assert.match(d.file, /docker-images!\.md$/);
  assert.equal(c.course.pages.length, 2, "no page may be dropped");
});

test("two notes with the same name: a warning naming both", () => {
  const dir = vault({ "A/Zelfde.md": "a\n", "B/Zelfde.md": "b\n", "C/Link.md": "[[Zelfde]]\n" });
  const c = compile({ contentDir: dir, gitDates: false });
  const dup = c.diagnostics.all().find((x) => x.rule === "duplicate-name");
  assert.ok(dup);
  assert.match(dup.message, /A\/Zelfde\.md and .*B\/Zelfde\.md/);
  assert.ok(c.diagnostics.all().some((x) => x.rule === "ambiguous-wikilink" && x.line === 1));
});

test("drafts are listed, not rendered, and links into them are no errors", () => {
  const dir = vault({
    "Concept.md": "---\ndraft: true\n---\n[[Bestaat niet]]\n",
    "Verborgen.md": "---\npublish: false\n---\nTekst\n",
    "Les.md": "Zie [[Concept]].\n",
  });
  const c = compile({ contentDir: dir, gitDates: false });
  assert.deepEqual(c.course.pages.map((p) => p.rel), ["Les.md"]);
  assert.deepEqual(
    c.diagnostics.all().filter((d) => d.severity !== "info" && (d.severity === "error" || /link/.test(d.rule))),
    [],
  );
  assert.deepEqual(
    c.diagnostics.all().filter((d) => d.rule === "unpublished").map((d) => `${path.basename(d.file)}:${d.line} ${d.message}`),
    ["Concept.md:2 not published (draft: true)", "Verborgen.md:2 not published (publish: false)"],
  );
  assert.match(c.course.pages[0]!.html, /<span class="wikilink draft">Concept<\/span>/);
});

test("backlinks come from the rendered links", () => {
  const dir = vault({ "M/1. Een.md": "[[2. Twee]]\n", "M/2. Twee.md": "Tekst\n", "M/3. Drie.md": "[[2. Twee#Kop]] en [[2. Twee]]\n" });
  const c = compile({ contentDir: dir, gitDates: false });
  const twee = c.course.pages.find((p) => p.rel === "M/2. Twee.md")!;
  assert.deepEqual(twee.backlinks.map((b) => b.title), ["Een", "Drie"]);
});
