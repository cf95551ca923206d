/**
 * The raw-HTML sanitiser as a markdown-it plugin (src/markdown/html.ts): each removal is a
 * warning `unsafe-html` at the file and line where it was written, also inside a multi-line
 * HTML block, after line breaks in a paragraph and in a transcluded note; the setting
 * `allowHtmlScripts` turns it off. The fixtures in tests/fixtures/markdown/html/ hold the
 * exact HTML of each hostile and harmless case.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { Diagnostics } from "../../src/diagnostics/index.ts";
import { createMarkdown, renderNote } from "../../src/markdown/index.ts";
import { loadVault, type Vault } from "../../src/vault/index.ts";
import { tempDir } from "../helpers/tmp.ts";

function vaultOf(files: Record<string, string>): Vault {
  const dir = tempDir("html-");
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return loadVault({ root: dir, cwd: dir });
}

function render(vault: Vault, rel: string, allowHtmlScripts = false) {
  const diagnostics = new Diagnostics();
  const md = createMarkdown({ vault, diagnostics, highlight: false, allowHtmlScripts });
  const { html } = renderNote(md, vault.notes.find((n) => n.rel === rel)!);
  return { html, diagnostics: diagnostics.all() };
}

const where = (list: ReturnType<typeof render>["diagnostics"]) => list.map((d) => `${d.file}:${d.line} ${d.severity} ${d.rule}`);

const LES = [
  "---", // 1
  "title: Les", // 2
  "---", // 3
  "", // 4
  "Eerste regel", // 5
  'tweede regel met <b onclick="alert(1)">vet</b>.', // 6
  "", // 7
  "<div>", // 8
  "<p>Tekst</p>", // 9
  "<script>alert(2)</script>", // 10
  "</div>", // 11
  "", // 12
  '<a href="javascript:alert(3)"', // 13
  '   title="x">link</a> en <iframe src="https://example.org"></iframe>', // 14
  "",
].join("\n");

describe("unsafe-html warnings", () => {
  const vault = vaultOf({ "Les.md": LES, "Bron.md": "Tekst.\n\n<img src=x alt=y onerror=alert(4)>\n", "Insluiter.md": "# Insluiter\n\n![[Bron]]\n" });

  test("each removal is a warning at the file and line where it was written", () => {
    const r = render(vault, "Les.md");
    assert.deepEqual(where(r.diagnostics), ["Les.md:6 warning unsafe-html", "Les.md:10 warning unsafe-html", "Les.md:13 warning unsafe-html", "Les.md:14 warning unsafe-html"]);
    assert.deepEqual(
      r.diagnostics.map((d) => d.message),
      [
        "attribuut onclick van <b> verwijderd: een event-handler voert JavaScript uit in de browser van de student",
        "<script> met inhoud verwijderd: dit element kan code uitvoeren of een andere pagina in de les tonen",
        'href="javascript:alert(3)" van <a> verwijderd: een javascript:-, vbscript:- of data:-adres kan code uitvoeren',
        "<iframe> met inhoud verwijderd: dit element kan code uitvoeren of een andere pagina in de les tonen",
      ],
    );
    assert.match(r.diagnostics[0]!.hint!, /COURSE_ALLOW_HTML_SCRIPTS=1/);
    assert.equal(r.html, '<p>Eerste regel<br>\ntweede regel met <b>vet</b>.</p>\n<div>\n<p>Tekst</p>\n\n</div>\n<p><a title="x">link</a> en </p>\n');
  });

  test("a transcluded note is sanitised too, and reported at its own file and line", () => {
    const r = render(vault, "Insluiter.md");
    assert.doesNotMatch(r.html, /onerror|alert/);
    assert.match(r.html, /<div class="transclusion">\n<p>Tekst\.<\/p>\n<span class="image-missing"/);
    assert.deepEqual(where(r.diagnostics).filter((d) => d.includes("unsafe-html")), ["Bron.md:3 warning unsafe-html"]);
  });

  test("allowHtmlScripts leaves raw HTML as written and reports nothing", () => {
    const r = render(vault, "Les.md", true);
    assert.match(r.html, /<b onclick="alert\(1\)">vet<\/b>/);
    assert.match(r.html, /<script>alert\(2\)<\/script>/);
    assert.match(r.html, /<a href="javascript:alert\(3\)"\n {3}title="x">link<\/a> en <iframe src="https:\/\/example.org"><\/iframe>/);
    assert.deepEqual(where(r.diagnostics), []);
  });

  test("a note without raw HTML renders exactly as without the plugin", () => {
    const text = "# Kop\n\nTekst met **vet**, `code <b>` en een [link](https://example.org).\n\n```html\n<script>alert(1)</script>\n```\n";
    const v = vaultOf({ "Schoon.md": text });
    assert.equal(render(v, "Schoon.md").html, render(v, "Schoon.md", true).html);
    assert.deepEqual(render(v, "Schoon.md").diagnostics, []);
  });
});
