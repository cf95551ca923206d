/**
 * compile(): the vault-level diagnostics and the render of every published note, without Eleventy;
 * the Compiler's incremental compiles against a fresh compile of the same files.
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { compile, Compiler, type Compiled } from "../../src/compile/index.ts";
import { tempDir } from "../helpers/tmp.ts";

function vault(files: Record<string, string>): string {
  const dir = tempDir("compile-");
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
  assert.match(dup.message, /A\/Zelfde\.md en .*B\/Zelfde\.md/);
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
    ["Concept.md:2 niet gepubliceerd (draft: true)", "Verborgen.md:2 niet gepubliceerd (publish: false)"],
  );
  assert.match(c.course.pages[0]!.html, /<span class="wikilink draft">Concept<\/span>/);
});

test("backlinks come from the rendered links", () => {
  const dir = vault({ "M/1. Een.md": "[[2. Twee]]\n", "M/2. Twee.md": "Tekst\n", "M/3. Drie.md": "[[2. Twee#Kop]] en [[2. Twee]]\n" });
  const c = compile({ contentDir: dir, gitDates: false });
  const twee = c.course.pages.find((p) => p.rel === "M/2. Twee.md")!;
  assert.deepEqual(twee.backlinks.map((b) => b.title), ["Een", "Drie"]);
});

describe("Compiler: a second compile renders only what a change can affect, and gives what a fresh compile gives", () => {
  const base = {
    "M/1. Een.md": "---\ntitle: Een\n---\n## Kop\n\nTekst van een. Zie [[2. Twee]].\n",
    "M/2. Twee.md": "Tekst van twee.\n",
    "M/3. Drie.md": "Naar [[1. Een#Kop]] en [[Later]].\n",
    "M/4. Vier.md": "![[2. Twee]]\n",
    "M/5. Vijf.md": "![[4. Vier]]\n",
    "M/6. Zes.md": "![[plaatje.png|Plaatje]]\n",
    "M/7. Los.md": "Staat op zichzelf.\n",
    "M/8. Acht.md": "![[foto.svg|Foto]]\n",
    "M/foto.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n',
  };
  /** A vault, a compiler that compiled it once, and a way to change files between compiles. */
  const setup = () => {
    const dir = vault(base);
    const compiler = new Compiler({ contentDir: dir, gitDates: false });
    compiler.compile();
    const write = (rel: string, text: string) => {
      writeFileSync(path.join(dir, rel), text);
      // A save within the same millisecond must still count as a change.
      const t = new Date(Date.now() + 5000);
      utimesSync(path.join(dir, rel), t, t);
    };
    return { dir, compiler, write };
  };
  const fresh = (dir: string) => compile({ contentDir: dir, gitDates: false });
  const same = (a: Compiled, b: Compiled) => {
    assert.deepEqual(a.course.pages.map((p) => [p.url, p.html, p.backlinks, p.title]), b.course.pages.map((p) => [p.url, p.html, p.backlinks, p.title]));
    assert.deepEqual(a.diagnostics.all(), b.diagnostics.all());
  };
  const rels = (c: Compiled) => [...c.rendered].map((r) => path.basename(r, ".md")).sort();

  const cases: Array<[string, (s: ReturnType<typeof setup>) => void, string[]]> = [
    ["nothing changed: nothing is rendered", () => {}, []],
    ["text added to a note: that note and the notes that transclude it, transitively", (s) => s.write("M/2. Twee.md", "Nieuwe tekst van twee.\n"), ["2. Twee", "4. Vier", "5. Vijf"]],
    ["a heading added: the note and the notes that link to it", (s) => s.write("M/1. Een.md", "---\ntitle: Een\n---\n## Kop\n\n## Nieuw\n\nTekst van een. Zie [[2. Twee]].\n"), ["1. Een", "3. Drie"]],
    ["a title changed: the note and the notes that link to it", (s) => s.write("M/1. Een.md", "---\ntitle: Eén\n---\n## Kop\n\nTekst van een. Zie [[2. Twee]].\n"), ["1. Een", "3. Drie"]],
    ["a new note that a broken link names: both render", (s) => s.write("M/Later.md", "Nu wel.\n"), ["3. Drie", "Later"]],
    ["a note deleted: the notes that linked to it render with a broken link", (s) => rmSync(path.join(s.dir, "M/1. Een.md")), ["3. Drie"]],
    ["an attachment added: the note that embeds it", (s) => writeFileSync(path.join(s.dir, "M/plaatje.png"), Buffer.from("89504e470d0a1a0a", "hex")), ["6. Zes"]],
    ["an attachment replaced by a new version: the note that embeds it", (s) => s.write("M/foto.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"/>\n'), ["8. Acht"]],
  ];
  for (const [name, change, expected] of cases) {
    test(name, () => {
      const s = setup();
      change(s);
      const again = s.compiler.compile();
      assert.deepEqual(rels(again), expected);
      same(again, fresh(s.dir));
    });
  }
});
