/**
 * Integration: a small vault in both dialects (Obsidian and Eleventy) is built by real
 * Eleventy runs and checked page by page: URLs, links, anchors, images, verbatim Go
 * templates, diagnostics with file:line, strict mode, path prefix, ignored folders.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildSite, htmlFiles as pages, projectRoot, servedFile, type BuildResult } from "../helpers/build.ts";

const vault = path.join(projectRoot, "tests/fixtures/build-vault");
const rel = "tests/fixtures/build-vault";

/** The file a root-relative URL is served from, or undefined when it does not exist. */

describe("build of a small vault", () => {
  let build: BuildResult;
  const page = (url: string) => readFileSync(path.join(build.output, url, "index.html"), "utf8");
  before(() => {
    build = buildSite(rel);
  });

  test("succeeds without strict mode despite content errors", () => {
    assert.equal(build.status, 0, build.stderr);
  });

  test("publishes every note at its own URL and nothing else", () => {
    const urls = pages(build.output)
      .map((p) => "/" + path.relative(build.output, p).replace(/index\.html$/, ""))
      .filter((u) => !u.startsWith("/tags/") && !u.startsWith("/onderwerpen/") && !u.startsWith("/processtappen/"));
    for (const url of ["/8-docker/4-uitleg-docker-images/", "/8-docker/5-stappen-docker-images/", "/8-docker/6-uitleg-docker-containers/", "/8-docker/8-uitleg-dockerfile/", "/8-docker/9-kapotte-kop/", "/docker-ecosysteem/"]) {
      assert.ok(urls.includes(url), `missing page ${url}`);
    }
    assert.ok(!urls.some((u) => /concept|weg|callouts/.test(u)), `unexpected page in ${urls.join(", ")}`);
  });

  test("Obsidian front matter that Eleventy reserves does not redirect the page", () => {
    assert.ok(!existsSync(path.join(build.output, "callouts")));
    assert.match(page("/8-docker/8-uitleg-dockerfile/"), /Twee fasen in één bestand\./);
  });

  test("wikilinks resolve to the target's final URL, with alias text", () => {
    const html = page("/8-docker/4-uitleg-docker-images/");
    assert.match(html, /<a href="\/8-docker\/6-uitleg-docker-containers\/" class="wikilink">container<\/a>/);
    assert.match(html, /<a href="\/8-docker\/8-uitleg-dockerfile\/" class="wikilink">Dockerfile<\/a>/);
    // `Volgende stap: [[5. Stappen Docker Images|Stappen Docker Images]]` resolved to the page the
    // Volgende les card leads to, so the page leaves the quote out (the card says it).
    assert.match(html, /<a class="pager-link pager-next" rel="next" href="\/8-docker\/5-stappen-docker-images\/">/);
    assert.doesNotMatch(html, /Volgende stap: <a/);
  });

  test("a heading link matches the target's real heading id", () => {
    assert.match(page("/8-docker/5-stappen-docker-images/"), /href="\/8-docker\/4-uitleg-docker-images\/#lagen"/);
    assert.match(page("/8-docker/4-uitleg-docker-images/"), /<h2 id="lagen">Lagen<\/h2>/);
  });

  test("every internal link and image on every page points at a file that exists", () => {
    for (const file of pages(build.output)) {
      const html = readFileSync(file, "utf8");
      for (const m of html.matchAll(/(?:href|src)="(\/[^"]*)"/g)) {
        assert.ok(servedFile(build.output, m[1]!), `${path.relative(build.output, file)} links to missing ${m[1]}`);
      }
      for (const m of html.matchAll(/srcset="([^"]*)"/g)) {
        for (const candidate of m[1]!.split(",")) {
          const url = candidate.trim().split(" ")[0]!;
          assert.ok(servedFile(build.output, url), `${path.relative(build.output, file)} srcset has missing ${url}`);
        }
      }
    }
  });

  test("a broken wikilink is a visible non-link; the rest of the page is built", () => {
    const html = page("/8-docker/5-stappen-docker-images/");
    assert.match(html, /<span class="wikilink broken" title="Deze pagina bestaat \(nog\) niet">Dockerfiel<\/span>/);
    assert.match(html, /docker<\/span> pull nginx/);
  });

  test("Go templates in code come out verbatim", () => {
    assert.match(page("/8-docker/4-uitleg-docker-images/"), /'\{\{ \.Names \}\}'/);
  });

  test("images become responsive pictures at the requested width", () => {
    const html = page("/8-docker/4-uitleg-docker-images/");
    const picture = /<picture>[\s\S]*?<\/picture>/.exec(html)?.[0] ?? "";
    assert.match(picture, /<source type="image\/webp" srcset="\/img\/[\w-]+-300\.webp 300w, \/img\/[\w-]+-600\.webp 600w"/);
    assert.match(picture, /alt="Drie lagen boven elkaar"/);
    assert.match(picture, /width="300" height="150"/);
    assert.match(picture, /loading="lazy"/);
  });

  test("the Eleventy dialect: {{ title }}, sections and eleventy:widths", () => {
    const html = page("/docker-ecosysteem/");
    assert.equal((html.match(/<section class="section">/g) ?? []).length, 2);
    assert.ok(!html.includes("{{"), "template syntax left in the page");
    assert.ok(!html.includes("eleventy:widths"), "eleventy:widths left in the page");
    assert.match(html, /<picture><source type="image\/webp" srcset="\/img\/[\w-]+-400\.webp 400w/);
    assert.match(html, /style="display:block;margin:auto;"/);
    assert.match(html, /width="400" height="250"/);
  });

  test("a page with broken front matter is built with its file name as title", () => {
    assert.match(page("/8-docker/9-kapotte-kop/"), /<title>[^<]*Kapotte kop/);
  });

  test("diagnostics name file and line, and the build ends with a summary", () => {
    const out = build.stdout + build.stderr;
    assert.match(out, /^tests\/fixtures\/build-vault\/8\. Docker\/9\. Kapotte kop\.md:2:\d+ error frontmatter-yaml /m);
    assert.match(out, /\[course\] \d+ fout(en)?, \d+ waarschuwing(en)? in \d+ pagina('s)?, 1 niet gepubliceerd/);
  });

  test("folders Obsidian keeps for itself are ignored", () => {
    assert.ok(!(build.stdout + build.stderr).includes("Nergens"), "a note in .trash was read");
  });
});

describe("strict mode", () => {
  test("STRICT=1 fails the build on a content error, naming it", () => {
    const r = buildSite(rel, { STRICT: "1" });
    assert.notEqual(r.status, 0);
    assert.match(r.stdout + r.stderr, /9\. Kapotte kop\.md:2:\d+ error frontmatter-yaml/);
    assert.match(r.stdout + r.stderr, /5\. Stappen Docker Images\.md:13:\d+ error broken-wikilink wikilink \[\[Dockerfiel\]\] verwijst naar geen enkele pagina; bedoel je "8\. Uitleg Dockerfile"\?/);
    assert.match(r.stdout + r.stderr, /STRICT=1: de inhoud heeft \d+ fout(en)?/);
  });
});

describe("path prefix", () => {
  test("PATH_PREFIX=/cursus/ prefixes every generated URL", () => {
    const r = buildSite(rel, { PATH_PREFIX: "/cursus/" });
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(path.join(r.output, "8-docker/4-uitleg-docker-images/index.html"), "utf8");
    assert.match(html, /href="\/cursus\/8-docker\/6-uitleg-docker-containers\/"/);
    assert.match(html, /srcset="\/cursus\/img\//);
    for (const file of pages(r.output)) {
      const page = readFileSync(file, "utf8");
      for (const m of page.matchAll(/(?:href|src)="(\/[^"]*)"/g)) {
        assert.ok(m[1]!.startsWith("/cursus/"), `${path.relative(r.output, file)}: ${m[1]} lacks the prefix`);
        assert.ok(servedFile(r.output, m[1]!, "/cursus/"), `${path.relative(r.output, file)} links to missing ${m[1]}`);
      }
    }
  });
});

void vault;
