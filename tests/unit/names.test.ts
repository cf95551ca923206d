/**
 * Note names the way Obsidian reads them: a name with a dot is a note when a note of that name
 * exists, and only otherwise a file; of names that differ only in case or Unicode form, the
 * exact spelling wins, and a link that spells neither is ambiguous.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { Diagnostics } from "../../src/diagnostics/index.ts";
import { createMarkdown, renderNote } from "../../src/markdown/index.ts";
import { loadVault, type Vault } from "../../src/vault/index.ts";
import { tempDir } from "../helpers/tmp.ts";

function vaultOf(files: Record<string, string>): Vault {
  const dir = tempDir("names-");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return loadVault({ root: dir, cwd: dir });
}

function render(vault: Vault, rel: string, body?: string) {
  const diagnostics = new Diagnostics();
  const note = vault.notes.find((n) => n.rel === rel)!;
  const r = renderNote(createMarkdown({ vault, diagnostics, highlight: false }), body === undefined ? note : { ...note, body });
  return { html: r.html, env: r.env, diagnostics: diagnostics.all() };
}

describe("names with dots", () => {
  const vault = vaultOf({
    "Bron.md": "[[Node.js]] [[Versie 1.2]] [[foo..bar]] [[Node.js#Installatie]] [n](Node.js) [v](Versie%201.2.md)\n\n![[Versie 1.2]]\n",
    "Node.js.md": "## Installatie\n",
    "Versie 1.2.md": "Wat er nieuw is.\n",
    "foo..bar.md": "x\n",
    "bijlagen/schema.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
  });

  test("[[Node.js]], [[Versie 1.2]] and [[foo..bar]] link to the notes, without diagnostics", () => {
    const r = render(vault, "Bron.md");
    assert.deepEqual(r.diagnostics, []);
    assert.match(r.html, /<a href="\/node-js\/" class="wikilink">Node\.js<\/a>/);
    assert.match(r.html, /<a href="\/versie-1-2\/" class="wikilink">Versie 1\.2<\/a>/);
    assert.match(r.html, /<a href="\/foo-bar\/" class="wikilink">foo\.\.bar<\/a>/);
    assert.match(r.html, /<a href="\/node-js\/#installatie" class="wikilink">/);
    assert.match(r.html, /<a href="\/node-js\/">n<\/a> <a href="\/versie-1-2\/">v<\/a>/);
  });

  test("![[Versie 1.2]] on its own line transcludes the note", () => {
    assert.match(render(vault, "Bron.md").html, /<div class="transclusion">\n<p>Wat er nieuw is\.<\/p>/);
  });

  test("a dotted name without such a note is still a file: found, or reported missing", () => {
    const r = render(vault, "Bron.md", "[[schema.svg]] [[Deno.js]]\n");
    assert.match(r.html, /<a href="\/bestanden\/bijlagen\/schema\.svg" class="wikilink attachment">schema\.svg<\/a>/);
    assert.deepEqual(r.diagnostics.map((d) => d.rule), ["missing-attachment"]);
  });
});

describe("names that differ only in case or Unicode form", () => {
  const vault = vaultOf({
    "Foo.md": "groot\n",
    "foo.md": "klein\n",
    "Cafe\u0301.md": "ontleed\n",
    "Caf\u00e9.md": "samengesteld\n",
    "Bron.md": "x\n",
  });
  const found = (target: string) => {
    const r = vault.resolveNote(target);
    return r.kind === "missing" ? "missing" : `${r.kind}:${r.kind === "ambiguous" ? r.candidates.map((n) => n.rel).sort().join("+") : r.target.rel}`;
  };

  test("an exact-case match wins", () => {
    assert.equal(found("Foo"), "found:Foo.md");
    assert.equal(found("foo"), "found:foo.md");
  });

  test("a spelling that matches neither exactly is ambiguous between both", () => {
    assert.equal(found("FOO"), "ambiguous:Foo.md+foo.md");
  });

  test("an exact Unicode form wins", () => {
    assert.equal(found("Cafe\u0301"), "found:Cafe\u0301.md");
    assert.equal(found("Caf\u00e9"), "found:Caf\u00e9.md");
    assert.equal(found("CAF\u00c9"), `ambiguous:${["Cafe\u0301.md", "Caf\u00e9.md"].sort().join("+")}`);
  });

  test("the ambiguous link is reported naming both files", () => {
    const r = render(vault, "Bron.md", "[[FOO]] [[Foo]] [[foo]]\n");
    assert.deepEqual(
      r.diagnostics.map((d) => [d.rule, d.message]),
      [["ambiguous-wikilink", "wikilink [[FOO]] past bij 2 pagina's: Foo.md en foo.md; de link gaat naar Foo.md"]],
    );
    assert.deepEqual(r.env.links.map((l) => l.target.rel), ["Foo.md", "Foo.md", "foo.md"]);
  });
});
