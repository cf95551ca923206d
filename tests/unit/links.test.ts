/**
 * Markdown links inside a vault (src/markdown/links.ts): which hrefs are vault links, how an
 * href splits, what the render records for backlinks, and what the incremental build sees as
 * a note's references. The HTML of each form is in tests/fixtures/markdown/links/.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { Diagnostics } from "../../src/diagnostics/index.ts";
import { createMarkdown, renderNote } from "../../src/markdown/index.ts";
import { isVaultHref, splitHref } from "../../src/markdown/links.ts";
import { loadVault } from "../../src/vault/index.ts";
import { noteRefs } from "../../src/vault/refs.ts";
import { tempDir } from "../helpers/tmp.ts";

function vaultOf(files: Record<string, string>) {
  const dir = tempDir("links-");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return loadVault({ root: dir, cwd: dir });
}

function render(files: Record<string, string>, rel: string) {
  const vault = vaultOf(files);
  const diagnostics = new Diagnostics();
  const note = vault.notes.find((n) => n.rel === rel)!;
  const r = renderNote(createMarkdown({ vault, diagnostics, highlight: false }), note);
  return { ...r, vault, diagnostics: diagnostics.all() };
}

describe("isVaultHref", () => {
  const cases: Array<[string, boolean]> = [
    ["Andere%20notitie.md", true],
    ["../map/notitie.md", true],
    ["Richtlijnen.pdf", true],
    ["https://docs.docker.com/", false],
    ["http://localhost:8080", false],
    ["mailto:docent@example.nl", false],
    ["//example.nl/x.png", false],
    ["#kop", false],
    ["/_assets/x.png", false],
    ["", false],
  ];
  for (const [href, expected] of cases) test(href || "(empty)", () => assert.equal(isVaultHref(href), expected));
});

describe("splitHref", () => {
  test("decodes the path and the fragment, drops a query", () => {
    assert.deepEqual(splitHref("map/Les%204.md?x=1#Kop%20een"), { path: "map/Les 4.md", fragment: "Kop een" });
  });
  test("a bad percent sequence is kept as written", () => {
    assert.deepEqual(splitHref("100%.md"), { path: "100%.md", fragment: undefined });
  });
});

describe("markdown links in the render", () => {
  const files = {
    "Module/Bron.md": "Zie [de ander](Andere%20notitie.md#Kop) en [terug](../Module/Bron.md) en [pdf](Richtlijnen.pdf).\n",
    "Module/Andere notitie.md": "## Kop\n",
    "Bijlagen/Richtlijnen.pdf": "%PDF",
  };

  test("a resolved link is recorded for backlinks, with its anchor", () => {
    const r = render(files, "Module/Bron.md");
    assert.deepEqual(
      r.env.links.map((l) => [l.target.rel, l.anchor, l.line, l.embed]),
      [["Module/Andere notitie.md", "kop", 1, false]],
    );
    assert.deepEqual(r.diagnostics, []);
  });

  test("a link to a file is recorded as a used attachment", () => {
    const r = render(files, "Module/Bron.md");
    assert.deepEqual([...r.env.attachments].map((a) => a.rel), ["Bijlagen/Richtlijnen.pdf"]);
    assert.match(r.html, /<a href="\/bestanden\/Bijlagen\/Richtlijnen\.pdf">pdf<\/a>/);
  });

  test("a relative path wins over the same name elsewhere", () => {
    const r = render(
      {
        "A/Bron.md": "[x](../B/Doel.md) [y](Doel.md)\n",
        "A/Doel.md": "a\n",
        "B/Doel.md": "b\n",
      },
      "A/Bron.md",
    );
    assert.deepEqual(
      r.env.links.map((l) => l.target.rel),
      ["B/Doel.md", "A/Doel.md"],
    );
  });

  test("a link to a missing note is reported like a broken wikilink, with did-you-mean", () => {
    const r = render({ "Bron.md": "[x](Andere%20notitje.md)\n", "Andere notitie.md": "x\n" }, "Bron.md");
    assert.deepEqual(
      r.diagnostics.map((d) => [d.rule, d.line, d.column, d.message]),
      [["broken-wikilink", 1, 1, 'link [x](Andere%20notitje.md) verwijst naar geen enkele pagina; bedoel je "Andere notitie"?']],
    );
    assert.match(r.html, /<span class="wikilink broken" title="Deze pagina bestaat \(nog\) niet">x<\/span>/);
  });

  test("spaces without .md are no link (CommonMark and Obsidian agree)", () => {
    const r = render({ "Bron.md": "[x](Andere notitie)\n", "Andere notitie.md": "x\n" }, "Bron.md");
    assert.equal(r.html, "<p>[x](Andere notitie)</p>\n");
  });

  test("without a vault, links are left as written", () => {
    const html = createMarkdown({ highlight: false }).render("[x](Nergens.md)");
    assert.equal(html, '<p><a href="Nergens.md">x</a></p>\n');
  });
});

describe("noteRefs reads markdown link targets", () => {
  test("angle brackets, percent escapes, spaces and titles", () => {
    const refs = noteRefs('[a](<Les een.md>) [b](Les%20twee.md "Titel") [c](Les drie.md#Kop) [d](../map/Les vier.md)\n');
    assert.deepEqual([...refs.links].sort(), ["les drie", "les een", "les twee", "les vier"]);
  });
});
