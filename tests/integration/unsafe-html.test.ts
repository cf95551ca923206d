/**
 * Integration: a small hostile vault, built for real. Its lessons hold scripts, event
 * handlers, `javascript:` links, frames, an image title that tries to close its attribute and
 * a transcluded note with a handler; its SVG attachment holds a script. Every published page
 * is read back with an HTML parser: no element runs code, the warnings are printed with file
 * and line, and the published SVG has no script. With `COURSE_ALLOW_HTML_SCRIPTS=1` all of it
 * is published as written.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { DomUtils, parseDocument } from "htmlparser2";
import { buildSite, pageFiles, projectRoot, type BuildResult } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

const LES = `---
title: Les
---
Tekst met <script>alert("inline")</script> een script.

<script>
alert("blok")
</script>

<img src="media/lagen.png" alt="Lagen" onerror="alert('img')">

![Lagen](media/lagen.png "a\\" onerror=\\"alert(1)")

<img src="media/lagen.png" alt="a > b" title='Zeg "hoi"' eleventy:widths="300">

Een <a href="javascript:alert('a')">link</a> en <b onclick="alert('b')">vet</b>.

<iframe src="https://evil.example/"></iframe>

<details><summary>Meer</summary>

Druk op <kbd>Ctrl</kbd>.

</details>

![[Ingesloten]]

![[tekening.svg|Tekening]]
`;

const INGESLOTEN = `---
title: Ingesloten
---
Hier <svg onload="alert('svg')"><circle r="4"/></svg> en <a href="jav&#x61;script:alert(2)">x</a>.
`;

const TEKENING = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" onload="alert('svgfile')">
  <script>alert('svg-script')</script>
  <rect width="100" height="50" fill="teal"/>
</svg>
`;

function hostileVault(): string {
  const vault = tempDir("cursus-onveilig-");
  mkdirSync(path.join(vault, "media"));
  writeFileSync(path.join(vault, "media", "lagen.png"), readFileSync(path.join(projectRoot, "tests/fixtures/build-vault/8. Docker/media/lagen.png")));
  writeFileSync(path.join(vault, "media", "tekening.svg"), TEKENING);
  writeFileSync(path.join(vault, "Les.md"), LES);
  writeFileSync(path.join(vault, "Ingesloten.md"), INGESLOTEN);
  return vault;
}

/** What in a page could run code: inline or foreign scripts, handlers, script URLs, frames. */
function liveCode(html: string): string[] {
  const found: string[] = [];
  for (const el of DomUtils.findAll(() => true, parseDocument(html).children)) {
    const name = el.name.toLowerCase();
    if (name === "script" && !/^\/(assets|pagefind)\//.test(el.attribs.src ?? "")) found.push(`<script> ${DomUtils.textContent(el).slice(0, 40)}`);
    if (["iframe", "object", "embed", "frame", "base"].includes(name)) found.push(`<${name}>`);
    if (name === "meta" && el.attribs["http-equiv"] && el.attribs["http-equiv"] !== "Content-Security-Policy") found.push("<meta http-equiv>");
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(attr)) found.push(`${attr} on <${name}>`);
      if (/^\s*(javascript|vbscript):/i.test(value)) found.push(`${attr}=${value} on <${name}>`);
    }
  }
  return found;
}

describe("a hostile vault", () => {
  let vault: string;
  let build: BuildResult;
  let open: BuildResult;
  let lesson: string;
  before(() => {
    vault = hostileVault();
    build = buildSite(vault);
    open = buildSite(vault, { COURSE_ALLOW_HTML_SCRIPTS: "1" });
    lesson = readFileSync(path.join(build.output, "les", "index.html"), "utf8");
  });
  after(() => {
    for (const dir of [vault, build?.output, open?.output]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("builds", () => {
    assert.equal(build.status, 0, build.stderr);
    assert.equal(open.status, 0, open.stderr);
  });

  test("no published page holds a live script, handler, script URL or frame", () => {
    const pages = pageFiles(build.output);
    assert.ok(pages.length > 3);
    for (const file of pages) assert.deepEqual(liveCode(readFileSync(file, "utf8")), [], path.relative(build.output, file));
  });

  test("the harmless HTML, the images and the transcluded text are still there", () => {
    assert.match(lesson, /<details><summary>Meer<\/summary>\n<p>Druk op <kbd>Ctrl<\/kbd>\.<\/p>\n<\/details>/);
    assert.match(lesson, /<p>Een <a>link<\/a> en <b>vet<\/b>\.<\/p>/);
    assert.match(lesson, /<div class="transclusion">\n<p>Hier <svg><circle r="4"\/><\/svg> en <a>x<\/a>\.<\/p>/);
    // The Markdown image's title and the raw image's attributes, each escaped once.
    assert.match(lesson, /<img alt="Lagen" loading="lazy" decoding="async" title="a&quot; onerror=&quot;alert\(1\)" src="\/img\//);
    assert.match(lesson, /<img alt="a &gt; b" loading="lazy" decoding="async" title="Zeg &quot;hoi&quot;" src="\/img\/[^"]*-300\.png" width="300"/);
  });

  test("each removal is printed with its file, line and rule", () => {
    const lines = build.stdout.split("\n").filter((l) => / unsafe-(html|svg) /.test(l)).map((l) => /([^/\s"]+\.(?:md|svg))"?:(\d+) warning (unsafe-\w+)/.exec(l)?.slice(1).join(":"));
    assert.deepEqual(lines, [
      "Ingesloten.md:4:unsafe-html",
      "Ingesloten.md:4:unsafe-html",
      "Les.md:4:unsafe-html",
      "Les.md:6:unsafe-html",
      "Les.md:10:unsafe-html",
      "Les.md:16:unsafe-html",
      "Les.md:16:unsafe-html",
      "Les.md:18:unsafe-html",
      "tekening.svg:1:unsafe-svg",
      "tekening.svg:2:unsafe-svg",
    ]);
  });

  test("the published SVG has no script and no handler; the rest of it is as drawn", () => {
    const svg = readFileSync(path.join(build.output, "bestanden", "media", "tekening.svg"), "utf8");
    assert.equal(svg, `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">\n  \n  <rect width="100" height="50" fill="teal"/>\n</svg>\n`);
  });

  test("COURSE_ALLOW_HTML_SCRIPTS=1 publishes it all as written, without warnings", () => {
    const html = readFileSync(path.join(open.output, "les", "index.html"), "utf8");
    assert.match(html, /<script>\nalert\("blok"\)\n<\/script>/);
    assert.match(html, /<a href="javascript:alert\('a'\)">link<\/a> en <b onclick="alert\('b'\)">vet<\/b>/);
    assert.match(html, /<iframe src="https:\/\/evil.example\/"><\/iframe>/);
    // The same reading of the page that finds nothing in the sanitised build finds it all here.
    assert.deepEqual(liveCode(html).sort(), [
      "<iframe>",
      '<script> \nalert("blok")\n',
      // Markdown escapes the text between two inline tags; the script element is there all the same.
      "<script> alert(&quot;inline&quot;)",
      "href=javascript:alert('a') on <a>",
      "href=javascript:alert(2) on <a>",
      "onclick on <b>",
      "onerror on <img>",
      "onload on <svg>",
    ]);
    assert.doesNotMatch(open.stdout, /unsafe-(html|svg)/);
    assert.equal(readFileSync(path.join(open.output, "bestanden", "media", "tekening.svg"), "utf8"), TEKENING);
  });
});
