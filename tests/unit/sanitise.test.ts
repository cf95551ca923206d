/**
 * What may not run in a student's browser, as tables: raw HTML fragments (sanitiseHtml), the
 * URL check, SVG files as they are published (sanitiseSvg, SvgGuard) and the attributes the
 * image pipeline writes (every value escaped).
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { Diagnostics } from "../../src/diagnostics/index.ts";
import { SvgGuard } from "../../src/eleventy/svg.ts";
import { ImagePipeline } from "../../src/images/index.ts";
import { parseHtml, sanitiseHtml, sanitiseSvg, unsafeUrl } from "../../src/markdown/sanitise.ts";
import type { Attachment } from "../../src/vault/index.ts";
import { tempDir } from "../helpers/tmp.ts";

const here = path.dirname(new URL(import.meta.url).pathname);
const fixtures = path.join(here, "../fixtures");

describe("sanitiseHtml: one fragment, tag by tag", () => {
  const cases: Array<[string, string]> = [
    // Harmless HTML comes out as it went in.
    ["<details open><summary>Meer</summary>", "<details open><summary>Meer</summary>"],
    ["</details>", "</details>"],
    ["<kbd>Ctrl</kbd>", "<kbd>Ctrl</kbd>"],
    ['<img src="/_assets/x.png" eleventy:widths="400" alt="X">', '<img src="/_assets/x.png" eleventy:widths="400" alt="X">'],
    ["<!-- notitie -->", "<!-- notitie -->"],
    ["<br/><br />", "<br/><br />"],
    // Nothing is closed or opened that the fragment does not close or open.
    ['<div class="a">', '<div class="a">'],
    ["</span>", "</span>"],
    ["<p>een<p>twee", "<p>een<p>twee"],
    // Values are written again, escaped.
    [`<span title='Zeg "hoi"'>`, '<span title="Zeg &quot;hoi&quot;">'],
    ['<abbr title="a > b">', '<abbr title="a &gt; b">'],
    ["<p data-x=1 class = 'y'>", '<p data-x="1" class="y">'],
    // Removed.
    ["<script>alert(1)</script>na", "na"],
    ["<SCRIPT SRC=//evil.example/x.js></SCRIPT>", ""],
    ["<script>nooit gesloten", ""],
    ['<img src=x alt=y onerror="alert(1)">', '<img src="x" alt="y">'],
    ['<a href="java&#x0A;script:alert(1)">x</a>', "<a>x</a>"],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', ""],
    ["<object data=x><param name=a>fallback</object>na", "na"],
    ["<object><object>a</object>b</object>c", "c"],
    ['<base href="https://evil.example/">', ""],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', ""],
    ['<p a"b="1" c="2">', '<p c="2">'],
    // A browser would read markup here; it stays text.
    ["<svg><style><img src=x onerror=alert(1)></style>", "<svg><style>&lt;img src=x onerror=alert(1)></style>"],
    ["<noscript><!--</noscript><img src=x onerror=alert(1)>--></noscript>", "<noscript><!--&lt;/noscript>&lt;img src=x onerror=alert(1)>--></noscript>"],
    ["<!-- a --!><b>", "<!-- a --><b>"],
    ["<![CDATA[ x > <img src=x onerror=alert(1)> ]]>", " x &gt; &lt;img src=x onerror=alert(1)&gt; "],
    ['<div title="open', '&lt;div title="open'],
  ];
  for (const [input, output] of cases) {
    test(input, () => assert.equal(sanitiseHtml(input).html, output));
  }

  test("an element removed with its content carries over to the next fragment", () => {
    const open = sanitiseHtml("<script>");
    assert.deepEqual([open.html, open.dropping], ["", { name: "script", depth: 1 }]);
    const close = sanitiseHtml("</script><b>na</b>", open.dropping);
    assert.deepEqual([close.html, close.dropping], ["<b>na</b>", undefined]);
  });

  test("each removal names the element, the attribute and its offset", () => {
    assert.deepEqual(sanitiseHtml('<b>\n<a href="javascript:x" onclick="y">').removed, [
      { offset: 7, element: "a", kind: "url", attribute: "href", value: "javascript:x" },
      { offset: 27, element: "a", kind: "attribute", attribute: "onclick", value: "y" },
    ]);
  });
});

describe("parseHtml", () => {
  test("a quoted > or quote stays in its attribute; offsets span the whole tag", () => {
    const src = `x <img alt="a > b" title='Zeg "hoi"' src=p.png> y`;
    const tags = parseHtml(src).filter((p) => p.type === "open");
    assert.equal(tags.length, 1);
    const img = tags[0]!;
    assert.equal(src.slice(img.start, img.end), `<img alt="a > b" title='Zeg "hoi"' src=p.png>`);
    assert.deepEqual(img.type === "open" && img.attrs.map((a) => [a.name, a.value]), [["alt", "a > b"], ["title", 'Zeg "hoi"'], ["src", "p.png"]]);
  });
});

describe("unsafeUrl", () => {
  const cases: Array<[string, string, boolean]> = [
    ["javascript:alert(1)", "a", true],
    [" \u0001JaVaScRiPt:alert(1)", "a", true],
    ["java\tscript:alert(1)", "a", true],
    ["vbscript:msgbox(1)", "a", true],
    ["data:text/html,<script>alert(1)</script>", "a", true],
    ["data:image/png;base64,AAAA", "img", false],
    ["data:image/svg+xml,<svg onload=alert(1)>", "img", false],
    ["data:image/svg+xml,<svg onload=alert(1)>", "use", true],
    ["https://example.org/?javascript:x", "a", false],
    ["mailto:docent@example.org", "a", false],
    ["../les/", "a", false],
    ["#kop", "a", false],
  ];
  for (const [url, element, unsafe] of cases) test(`${JSON.stringify(url)} on <${element}>`, () => assert.equal(unsafeUrl(url, element), unsafe));
});

const SVG = `<?xml version="1.0"?>
<?xml-stylesheet type="text/xsl" href="x.xsl"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" width="10" height="10" onload="alert(1)">
  <script><![CDATA[ alert(2) ]]></script>
  <h:script>alert(3)</h:script>
  <a href="javascript:alert(4)"><rect width="10" height="10" fill="teal"/></a>
  <text><![CDATA[<script> is tekst]]></text>
</svg>
`;

describe("sanitiseSvg: the published file loses only what can run", () => {
  test("scripts, handlers, javascript: links and xml-stylesheet are cut; every other byte stays", () => {
    const r = sanitiseSvg(SVG);
    assert.equal(
      r.svg,
      `<?xml version="1.0"?>

<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" width="10" height="10">
  
  
  <a><rect width="10" height="10" fill="teal"/></a>
  <text><![CDATA[<script> is tekst]]></text>
</svg>
`,
    );
    assert.deepEqual(
      r.removed.map((x) => `${x.kind} ${x.element} ${x.attribute ?? ""}`.trim()),
      ["instruction ?xml-stylesheet", "attribute svg onload", "element script", "element script", "url a href"],
    );
    assert.equal(r.refused, undefined);
  });

  test("a clean SVG comes back unchanged with nothing removed", () => {
    const clean = readFileSync(path.join(fixtures, "vault/bijlagen/schema.svg"), "utf8");
    assert.deepEqual(sanitiseSvg(clean), { svg: clean, removed: [] });
  });

  test("entities are expanded before the check; entities that hold markup refuse the file", () => {
    const viaEntity = `<!DOCTYPE svg [<!ENTITY ns "http://www.w3.org/2000/svg"><!ENTITY js "javascript:alert(1)">]><svg xmlns="&ns;"><a href="&js;">x</a></svg>`;
    assert.equal(sanitiseSvg(viaEntity).refused?.attribute, "js");
    const markup = `<!DOCTYPE svg [<!ENTITY x "&#60;script>alert(1)&#60;/script>">]><svg>&x;</svg>`;
    assert.equal(sanitiseSvg(markup).refused?.attribute, "x");
    const harmless = `<!DOCTYPE svg [<!ENTITY ns "http://www.w3.org/2000/svg">]><svg xmlns="&ns;"/>`;
    assert.deepEqual(sanitiseSvg(harmless), { svg: harmless, removed: [] });
  });
});

describe("SvgGuard: SVG files as the site publishes them", () => {
  test("a shared SVG's copy is written again without its script, with a warning at its line; a clean one is left alone", () => {
    const root = tempDir("svg-guard-");
    const assets = path.join(root, "_assets");
    const out = path.join(root, "site");
    mkdirSync(assets);
    mkdirSync(path.join(out, "_assets"), { recursive: true });
    const bad = `<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n<rect width="1" height="1"/>\n</svg>\n`;
    const good = `<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n`;
    const att = (name: string): Attachment => ({ kind: "attachment", file: `_assets/${name}`, abs: path.join(assets, name), rel: name, name, url: `/_assets/${name}`, shared: true });
    for (const [name, text] of [["slecht.svg", bad], ["goed.svg", good]] as const) {
      writeFileSync(path.join(assets, name), text);
      writeFileSync(path.join(out, "_assets", name), text);
    }
    const diagnostics = new Diagnostics();
    new SvgGuard().publishShared([att("slecht.svg"), att("goed.svg")], out, diagnostics);
    assert.equal(readFileSync(path.join(out, "_assets", "slecht.svg"), "utf8"), `<svg xmlns="http://www.w3.org/2000/svg">\n\n<rect width="1" height="1"/>\n</svg>\n`);
    assert.equal(readFileSync(path.join(out, "_assets", "goed.svg"), "utf8"), good);
    assert.deepEqual(
      diagnostics.all().map((d) => `${d.file}:${d.line} ${d.severity} ${d.rule}`),
      ["_assets/slecht.svg:2 warning unsafe-svg"],
    );
  });
});

describe("ImagePipeline: every attribute it writes is escaped", () => {
  const pipeline = new ImagePipeline({ outputDir: tempDir("img-"), urlPath: "/img/" });
  const attrs = { title: 'a" onerror="alert(1)', 'x"y': "z", class: "breed" };

  test("raster image: a title with a quote stays one attribute; a name that is no name is left out", () => {
    const html = pipeline.html({ file: path.join(fixtures, "assets/vm_docker.png"), url: "/_assets/vm_docker.png", alt: 'VM "en" <container>', width: 200, attrs });
    assert.match(html, / title="a&quot; onerror=&quot;alert\(1\)" class="breed" /);
    assert.match(html, / alt="VM &quot;en&quot; &lt;container&gt;" /);
    assert.doesNotMatch(html, /x"y|onerror="/);
  });

  test("SVG: the same", () => {
    const html = pipeline.html({ file: path.join(fixtures, "vault/bijlagen/schema.svg"), url: "/bestanden/bijlagen/schema.svg", alt: "Schema", attrs });
    assert.match(html, /^<img src="\/bestanden\/bijlagen\/schema\.svg" alt="Schema"[^>]* title="a&quot; onerror=&quot;alert\(1\)" class="breed" loading="lazy" decoding="async">$/);
  });
});
