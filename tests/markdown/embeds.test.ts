/**
 * Transclusion stays bounded: nesting depth, transclusions and transcluded HTML per page are
 * capped (each reported once, the embed shown as a link), and a note embedded again in the
 * same page is not rendered again. Sizes and counts only, no timers.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { Diagnostics, formatDiagnostic } from "../../src/diagnostics/index.ts";
import { createMarkdown, renderNote } from "../../src/markdown/index.ts";
import { loadVault, type Vault } from "../../src/vault/index.ts";
import { tempDir } from "../helpers/tmp.ts";

function vaultOf(files: Record<string, string>): Vault {
  const dir = tempDir("embeds-");
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return loadVault({ root: dir, cwd: dir });
}

/** Renders `rel` and counts the md.render calls the embeds made. */
function render(vault: Vault, rel: string) {
  const diagnostics = new Diagnostics();
  const md = createMarkdown({ vault, diagnostics, highlight: false });
  let renders = 0;
  const inner = md.render.bind(md);
  md.render = (src, env) => {
    renders++;
    return inner(src, env);
  };
  const { html } = renderNote(md, vault.notes.find((n) => n.rel === rel)!);
  return { html, renders, diagnostics: diagnostics.all().map(formatDiagnostic) };
}

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe("transclusion: depth", () => {
  // N1 embeds N2 embeds ... N7.
  const files: Record<string, string> = {};
  for (let i = 1; i <= 7; i++) files[`N${i}.md`] = `Tekst ${i}.\n\n${i < 7 ? `![[N${i + 1}]]\n` : ""}`;
  const vault = vaultOf(files);

  test("embeds go four levels deep; the fifth level is a link, reported at its line", () => {
    const r = render(vault, "N1.md");
    const wrap = (n: number, inner: string) =>
      `<div class="transclusion">\n<p>Tekst ${n}.</p>\n${inner}<p class="transclusion-source">Uit: <a class="wikilink" href="/n${n}/">N${n}</a></p>\n</div>\n`;
    const expected = `<p>Tekst 1.</p>\n${wrap(2, wrap(3, wrap(4, wrap(5, `<p><a class="wikilink" href="/n6/">N6</a></p>\n`))))}`;
    assert.equal(r.html, expected);
    assert.deepEqual(r.diagnostics, [
      "N5.md:3:1 error embed-depth ![[N6]] wordt 5 niveaus diep ingevoegd (N1.md → N2.md → N3.md → N4.md → N5.md → N6.md); embeds gaan hooguit 4 niveaus diep, dus hij staat er als link\n" +
        "    Embed de pagina die je nodig hebt rechtstreeks, of link met [[...]] in plaats van ![[...]].",
    ]);
  });

  test("a note rendered as its own page counts the depth from itself", () => {
    const n2 = render(vault, "N2.md");
    assert.equal(count(n2.html, /<div class="transclusion">/g), 4);
    assert.equal(n2.diagnostics.length, 1);
    assert.match(n2.diagnostics[0]!, /^N6\.md:3:1 error embed-depth !\[\[N7\]\] wordt 5 niveaus diep ingevoegd \(N2\.md → N3\.md → N4\.md → N5\.md → N6\.md → N7\.md\)/);
    const n3 = render(vault, "N3.md");
    assert.equal(count(n3.html, /<div class="transclusion">/g), 4);
    assert.deepEqual(n3.diagnostics, []);
  });
});

describe("transclusion: the 4 × 20 chain", () => {
  // A embeds B twenty times, B embeds C twenty times, C embeds D, D embeds E: 20^4 copies of E unbounded.
  const twenty = (next: string) => Array.from({ length: 20 }, () => `![[${next}]]`).join("\n\n") + "\n";
  const vault = vaultOf({
    "A.md": `Begin.\n\n${twenty("B")}`,
    "B.md": `Deel B.\n\n${twenty("C")}`,
    "C.md": `Deel C.\n\n${twenty("D")}`,
    "D.md": `Deel D.\n\n${twenty("E")}`,
    "E.md": "Einde van de keten.\n",
  });

  test("stops at 50 transclusions, reports it once, shows the rest as links", () => {
    const r = render(vault, "A.md");
    const shown = count(r.html, /<div class="transclusion">/g);
    assert.ok(shown > 0 && shown <= 50, `${shown} transclusions`);
    assert.equal(count(r.html, /<p>Einde van de keten\.<\/p>/g), 40);
    // Every embed in A beyond the first is a link to B.
    assert.equal(count(r.html, /<p><a class="wikilink" href="\/b\/">B<\/a><\/p>/g), 19);
    assert.ok(r.html.length < 20_000, `${r.html.length} characters`);
    assert.deepEqual(r.diagnostics, [
      "C.md:7:1 error embed-limit ![[D]] en de embeds erna staan er als link: pagina A.md toont al 44 ingevoegde pagina's (5772 tekens); een pagina toont hooguit 50 embeds en 1000000 tekens ingevoegde tekst\n" +
        "    Voeg minder of kleinere delen in (één stuk met ![[Pagina#Kop]]), of link met [[...]] in plaats van ![[...]].",
    ]);
  });

  test("each of B, C, D and E is rendered once; the repeats are reused", () => {
    assert.equal(render(vault, "A.md").renders, 4);
  });
});

describe("transclusion: size of one page", () => {
  const big = Array.from({ length: 300 }, (_, i) => `Regel ${i} van een lange notitie met genoeg tekst om de pagina te vullen.`).join("\n\n");
  const vault = vaultOf({
    "Groot.md": `${big}\n`,
    "Pagina.md": Array.from({ length: 45 }, () => "![[Groot]]").join("\n\n") + "\n",
  });

  test("about 1,000,000 characters of transcluded HTML, then links", () => {
    const r = render(vault, "Pagina.md");
    const one = r.html.indexOf("</div>\n") + "</div>\n".length;
    const shown = count(r.html, /<div class="transclusion">/g);
    assert.equal(shown, Math.floor(1_000_000 / one));
    assert.ok(r.html.length <= 1_000_000 + 45 * 50, `${r.html.length} characters`);
    assert.equal(count(r.html, /<p><a class="wikilink" href="\/groot\/">Groot<\/a><\/p>/g), 45 - shown);
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0]!, new RegExp(`^Pagina\\.md:${2 * shown + 1}:1 error embed-limit !\\[\\[Groot\\]\\] en de embeds erna staan er als link: pagina Pagina\\.md toont al ${shown} ingevoegde pagina's`));
    assert.equal(r.renders, 1);
  });
});

describe("transclusion: reuse within a page", () => {
  const vault = vaultOf({
    "Bron.md": "## Stap 1\n\nDoe dit.\n\n## Stap 2\n\nDan dat.\n",
    "Tussen.md": "Tussenstuk.\n\n![[Bron#Stap 2]]\n",
    "Pagina.md": "![[Bron#Stap 2]]\n\n![[Bron#Stap 1]]\n\n![[Bron#Stap 2]]\n\n![[Tussen]]\n",
  });

  test("the same section again is the same HTML; another section or another place in the chain is rendered for itself", () => {
    const r = render(vault, "Pagina.md");
    const stap2 =
      '<div class="transclusion">\n<h2>Stap 2</h2>\n<p>Dan dat.</p>\n<p class="transclusion-source">Uit: <a class="wikilink" href="/bron/#stap-2">Bron</a></p>\n</div>\n';
    const stap1 =
      '<div class="transclusion">\n<h2>Stap 1</h2>\n<p>Doe dit.</p>\n<p class="transclusion-source">Uit: <a class="wikilink" href="/bron/#stap-1">Bron</a></p>\n</div>\n';
    const tussen = `<div class="transclusion">\n<p>Tussenstuk.</p>\n${stap2}<p class="transclusion-source">Uit: <a class="wikilink" href="/tussen/">Tussen</a></p>\n</div>\n`;
    assert.equal(r.html, stap2 + stap1 + stap2 + tussen);
    // Stap 2, Stap 1, Tussen, and Stap 2 inside Tussen.
    assert.equal(r.renders, 4);
    assert.deepEqual(r.diagnostics, []);
  });

  test("a second page starts with an empty count and renders its embeds itself", () => {
    const diagnostics = new Diagnostics();
    const md = createMarkdown({ vault, diagnostics, highlight: false });
    const page = vault.notes.find((n) => n.rel === "Pagina.md")!;
    assert.equal(renderNote(md, page).html, renderNote(md, page).html);
    assert.equal(renderNote(md, page).env.transclusion?.count, 5);
  });
});
