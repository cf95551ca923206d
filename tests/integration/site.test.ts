/**
 * Integration: the study site built from a tiny fixture course (tests/fixtures/site-course:
 * two modules, lessons numbered 1, 2, 10, wikilinks between them, taxonomy codes) by a real
 * Eleventy run, then read back as HTML: navigation order, prev/next chain, backlinks,
 * aria-current, module and tag pages, the matrix, search, 404, and the same site under a
 * path prefix. Besides the five lessons it has a reference page (Commando's) and a page for
 * teachers (`doelgroep: docenten`), to show what counts as a lesson and what a student sees.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { buildSite, htmlFiles, pageFiles } from "../helpers/build.ts";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const fixture = path.join(root, "tests/fixtures/site-course");

const B1 = "/1-basis/1-uitleg-containers/";
const B2 = "/1-basis/2-stappen-containers/";
const B10 = "/1-basis/10-oefeningen-containers/";
const V1 = "/2-verder/1-uitleg-netwerken/";
const V2 = "/2-verder/2-leertaak-webshop/";
const ORDER = [B1, B2, B10, V1, V2];
/** A reference page (no kind word): in the sidebar and the reading order, not counted as a lesson. */
const REF = "/2-verder/commandos/";
/** A page with `doelgroep: docenten`: published, but outside the student's navigation. */
const GUIDE = "/handleiding-voor-docenten/";

/** Builds the fixture course into a fresh temporary folder, as `npm run build` does. */
function build(env: Record<string, string> = {}): { output: string; status: number | null; log: string } {
  const r = buildSite(fixture, env);
  return { output: r.output, status: r.status, log: `${r.stdout}\n${r.stderr}` };
}

/** The part of `html` from the element that `start` matches to its matching closing `</tag>`. */
function element(html: string, start: RegExp, tag: string): string {
  const m = start.exec(html);
  assert.ok(m, `no element matching ${start}`);
  const re = new RegExp(`<${tag}[\\s>]|</${tag}>`, "g");
  re.lastIndex = m.index + 1;
  let depth = 1;
  for (let t = re.exec(html); t; t = re.exec(html)) {
    depth += t[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return html.slice(m.index, t.index + t[0].length);
  }
  assert.fail(`unclosed ${tag}`);
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("study site built from a fixture course", () => {
  let site: ReturnType<typeof build>;
  const page = (url: string) => readFileSync(path.join(site.output, url, url.endsWith(".html") ? "" : "index.html"), "utf8");

  before(() => {
    site = build();
  });
  after(() => rmSync(site.output, { recursive: true, force: true }));

  test("the build succeeds", () => {
    assert.equal(site.status, 0, site.log);
  });

  /** The shared navigation file a page loads (`<link rel="preload" data-nav>`). */
  const navFile = (html: string) => {
    const href = /<link rel="preload" href="([^"]+)" as="fetch" crossorigin data-nav>/.exec(html)?.[1];
    assert.ok(href, "no navigation preload");
    return readFileSync(path.join(site.output, href), "utf8");
  };
  const summaries = (html: string) => [...html.matchAll(/<summary[^>]*>([\s\S]*?)<\/summary>/g)].map((m) => text(m[1]!));

  test("sidebar: the shared navigation file holds every module and lesson in natural order (1, 2, 10), numbers as badges", () => {
    const nav = navFile(page(B2));
    const lessons = hrefs(nav).filter((h) => ORDER.includes(h));
    assert.deepEqual(lessons, ORDER);
    assert.match(nav, /<span class="num">10<\/span><span>Oefeningen Containers<\/span>/);
    assert.doesNotMatch(nav, />\s*10\. /, "no number in the title");
    assert.deepEqual(summaries(nav), ["1 Basis", "2 Verder"]);
    assert.doesNotMatch(nav, /aria-current|data-stub| open[ >]/, "the shared file is the same for every page: nothing current, nothing open");
  });

  test("sidebar: a page carries its own module complete and open, every other module as a stub: a link to its overview page", () => {
    const nav = element(page(V1), /<nav class="sidebar"[^>]*>/, "nav");
    assert.match(nav, /aria-label="Lessen"/);
    const titles = [...nav.matchAll(/<(?:summary|a) class="nav-module-title"[^>]*>([\s\S]*?)<\/(?:summary|a)>/g)].map((m) => text(m[1]!));
    assert.deepEqual(titles, ["1 Basis", "2 Verder"]);
    const modules = [...nav.matchAll(/<(details|div) class="nav-module" data-module="([^"]+)"( data-stub)?( open)?>/g)].map((m) => `${m[1]} ${m[2]}${m[3] ?? ""}${m[4] ?? ""}`);
    assert.deepEqual(modules, ["div /1-basis/ data-stub", "details /2-verder/ open"]);
    const inModule1 = ORDER.filter((u) => u.startsWith("/1-basis/"));
    assert.deepEqual(hrefs(nav).filter((h) => inModule1.includes(h)), [], "no lesson of another module on the page");
    assert.match(nav, /<div class="nav-module" data-module="\/1-basis\/" data-stub><a class="nav-module-title" href="\/1-basis\/"><span class="num num-module">1<\/span><span>Basis<\/span><\/a><\/div>/, "the stub is a link to its module page");
    assert.deepEqual(hrefs(nav).filter((h) => ORDER.includes(h)), ORDER.filter((u) => u.startsWith("/2-verder/")));
  });

  test("aria-current marks exactly the current lesson in the sidebar, on every lesson", () => {
    for (const url of ORDER) {
      const nav = element(page(url), /<nav class="sidebar"[^>]*>/, "nav");
      const current = [...nav.matchAll(/<a [^>]*href="([^"]*)"[^>]*aria-current="page"/g)].map((m) => m[1]);
      assert.deepEqual(current, [url], url);
    }
  });

  test("prev/next: rel links follow the reading order across modules", () => {
    const seen: string[] = [];
    let url: string | undefined = B1;
    while (url) {
      seen.push(url);
      const html = page(url);
      const pager = element(html, /<nav class="pager"[^>]*>/, "nav");
      assert.match(pager, /aria-label="Vorige en volgende les"/);
      const prev = /<a [^>]*rel="prev" href="([^"]*)"/.exec(pager)?.[1];
      const next = /<a [^>]*rel="next" href="([^"]*)"/.exec(pager)?.[1];
      assert.equal(prev, seen.at(-2), `prev of ${url}`);
      url = next;
      assert.ok(seen.length <= ORDER.length + 1, "the chain must end");
    }
    assert.deepEqual(seen, [...ORDER, REF], "the reference page is read after the lessons of its module; the teachers' page is not in the chain");
  });

  test("counts agree and count lessons only: home, module pages and the kind cards; reference pages counted apart", () => {
    const home = page("/");
    const eyebrow = text(/<p class="eyebrow">([\s\S]*?)<\/p>/.exec(home)![1]!);
    assert.equal(eyebrow, `Cursus · ${ORDER.length} lessen · 1 naslagpagina`);
    const cards = [...home.matchAll(/<span class="kind-card-count">(\d+) /g)].reduce((s, m) => s + Number(m[1]), 0);
    assert.equal(cards, ORDER.length, "the kind cards add up to the lessons");
    const counts = [...element(home, /<section class="home-path"[^>]*>/, "section").matchAll(/<span class="path-module-count">([^<]*)<\/span>/g)].map((m) => text(m[1]!));
    assert.deepEqual(counts, ["3 lessen", "2 lessen · 1 naslagpagina"]);
    assert.match(text(/<p class="eyebrow">([\s\S]*?)<\/p>/.exec(page("/2-verder/"))![1]!), /^Module 2 · 2 lessen · 1 naslagpagina$/);
    assert.match(text(/<p class="eyebrow">([\s\S]*?)<\/p>/.exec(page("/1-basis/"))![1]!), /^Module 1 · 3 lessen$/);
  });

  test("a reference page says so, in the learning path and on the page, and has no Markeer als gedaan", () => {
    const row = /<a class="lesson-row" href="\/2-verder\/commandos\/"[^>]*>[\s\S]*?<\/a>/.exec(element(page("/"), /<section class="home-path"[^>]*>/, "section"))?.[0] ?? "";
    assert.match(row, /data-naslag/);
    assert.match(row, /<span class="kind kind-naslag">Naslag<\/span>/);
    const html = page(REF);
    assert.match(text(/<p class="eyebrow"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]!), /^Naslag · Verder$/);
    assert.doesNotMatch(html, /data-lesson-done/);
    for (const url of ORDER) assert.match(page(url), /data-lesson-done/, url);
  });

  test("the teachers' page: published and linked from the home page, but in no sidebar, learning path or prev/next, without Markeer als gedaan", () => {
    const html = page(GUIDE);
    assert.match(html, /<h1 class="lesson-title">Handleiding voor docenten<\/h1>/);
    assert.doesNotMatch(html, /data-lesson-done/);
    assert.doesNotMatch(html, /<nav class="pager"/);
    assert.doesNotMatch(html, /<link rel="(prev|next)"/);
    assert.match(text(/<p class="eyebrow"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]!), /^Voor docenten$/);
    assert.ok(!hrefs(navFile(page(B1))).includes(GUIDE), "not in the shared navigation file");
    for (const url of [...ORDER, REF, "/1-basis/", "/2-verder/"]) {
      assert.ok(!hrefs(element(page(url), /<nav class="sidebar"[^>]*>/, "nav")).includes(GUIDE), `not in the sidebar of ${url}`);
      assert.doesNotMatch(page(url), new RegExp(`rel="(prev|next)" href="${GUIDE}"`), url);
    }
    const home = page("/");
    assert.ok(!hrefs(element(home, /<section class="home-path"[^>]*>/, "section")).includes(GUIDE), "not in the learning path");
    assert.deepEqual(hrefs(element(home, /<section class="home-teachers"[^>]*>/, "section")), [GUIDE], "linked under Voor docenten");
    assert.ok(!existsSync(path.join(site.output, "algemeen")), "no module Algemeen just for the guide");
  });

  test("lesson page: breadcrumbs, h1, meta line, table of contents, content, tags", () => {
    const html = page(B1);
    const crumbs = element(html, /<nav class="breadcrumbs"[^>]*>/, "nav");
    assert.match(crumbs, /aria-label="Kruimelpad"/);
    assert.deepEqual(hrefs(crumbs), ["/", "/1-basis/"]);
    assert.match(html, /<h1 class="lesson-title">Uitleg Containers<\/h1>/);
    const meta = element(html, /<ul class="lesson-meta"[^>]*>/, "ul");
    assert.match(meta, /<span class="kind kind-uitleg">Uitleg<\/span>/);
    assert.match(meta, /Leestijd<\/span> 2 minuten/);
    // Curriculum codes are for teachers: folded at the end of the lesson, not in its header.
    assert.doesNotMatch(meta, /HBO-i-niveau|processtappen/);
    const teachers = element(html, /<details class="lesson-teachers">/, "details");
    assert.match(teachers, /<summary>Voor docenten<\/summary>/);
    assert.match(teachers, /HBO-i-niveau<\/span> <span><a href="\/tags\/hbo-i-niveau-1\/">1<\/a>/);
    assert.match(teachers, /<a href="\/processtappen\/ib-19\/">Bouwen softwaresysteem<\/a>/);
    const toc = element(html, /<nav class="toc"[^>]*>/, "nav");
    assert.deepEqual(hrefs(toc), ["#wat-is-een-container", "#waarom-containers", "#klein", "#veilig-genoeg"]);
    for (const id of hrefs(toc)) assert.match(html, new RegExp(`<h[23] id="${id.slice(1)}"`));
    assert.match(html, /<article class="lesson has-toc" data-pagefind-body>/);
    assert.match(html, /<div class="callout callout-tip" data-callout="tip">/);
    assert.match(html, /<div class="table-scroll"><table>/);
    const tags = element(html, /<section class="lesson-tags"[^>]*>/, "section");
    assert.ok(hrefs(tags).includes("/tags/docker/"));
    assert.ok(hrefs(tags).includes("/onderwerpen/containers/"));
    for (const href of hrefs(tags)) assert.ok(existsSync(path.join(site.output, href, "index.html")), `tag page ${href}`);
  });

  test("a short lesson has no table of contents", () => {
    assert.doesNotMatch(page(V1), /<nav class="toc"/);
  });

  test("backlinks: 'Wordt genoemd in' lists the linking lessons in reading order", () => {
    const cases: Array<[string, string[]]> = [
      [B1, [B2, B10, V1]],
      [B2, [B1, V2]],
      [B10, [B2]],
      [V1, [V2]],
    ];
    for (const [url, from] of cases) {
      const section = element(page(url), /<section class="backlinks"[^>]*>/, "section");
      assert.match(section, /<h2[^>]*>Wordt genoemd in<\/h2>/);
      assert.deepEqual(hrefs(section), from, url);
    }
    assert.doesNotMatch(page(V2), /class="backlinks"/, "no empty backlinks section");
  });

  test("home: learning path in order with badges, start, search, progress container", () => {
    const html = page("/");
    const path_ = element(html, /<section class="home-path"[^>]*>/, "section");
    assert.deepEqual(hrefs(path_).filter((h) => ORDER.includes(h)), ORDER);
    assert.match(path_, /<span class="num">10<\/span><span class="lesson-row-title">Containers<\/span><span class="kind kind-oefeningen">Oefeningen<\/span>/);
    assert.match(path_, /<span class="kind kind-leertaak">Leertaak<\/span>/);
    assert.match(html, new RegExp(`<a class="start-card" href="${B1}">`));
    assert.match(html, /<section id="voortgang" data-progress-summary><\/section>/);
    assert.match(html, /<div class="search-box" data-search>/);
    assert.match(html, /<a class="topic" href="\/onderwerpen\/containers\/">Containers/);
  });

  test("header: labelled navigation to Cursus and Zoeken on every page (Taxonomie in the footer), a skip link and landmarks", () => {
    for (const file of pageFiles(site.output)) {
      const html = readFileSync(file, "utf8");
      const rel = path.relative(site.output, file);
      const nav = element(html, /<nav class="site-nav"[^>]*>/, "nav");
      assert.deepEqual(hrefs(nav), ["/", "/zoeken/"], rel);
      assert.ok(hrefs(element(html, /<footer class="site-footer">/, "footer")).includes("/taxonomie/"), `${rel}: the footer links the taxonomy`);
      assert.match(html, /<a class="skip-link" href="#inhoud">Naar de inhoud<\/a>/, rel);
      assert.match(html, /<main id="inhoud"/, rel);
      assert.match(html, /<html lang="nl">/, rel);
      assert.match(html, /<header class="site-header">/, rel);
      assert.match(html, /<footer class="site-footer">/, rel);
      assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, `${rel}: one h1`);
    }
  });

  test("every internal link and asset resolves", () => {
    for (const file of htmlFiles(site.output)) {
      const html = readFileSync(file, "utf8");
      for (const m of html.matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
        const target = path.join(site.output, decodeURIComponent(m[1]!));
        const ok = (existsSync(target) && statSync(target).isFile()) || existsSync(path.join(target, "index.html"));
        assert.ok(ok, `${path.relative(site.output, file)} links to missing ${m[1]}`);
      }
    }
  });

  test("module pages list their lessons in order", () => {
    const basis = element(page("/1-basis/"), /<main[^>]*>/, "main");
    assert.deepEqual(hrefs(basis).filter((h) => ORDER.includes(h)), [B1, B2, B10]);
    assert.match(basis, /<h1>Basis<\/h1>/);
    const verder = element(page("/2-verder/"), /<main[^>]*>/, "main");
    assert.deepEqual(hrefs(verder).filter((h) => ORDER.includes(h)), [V1, V2]);
  });

  test("tag, topic, step and level pages list their lessons", () => {
    const cases: Array<[string, string, string[]]> = [
      ["/tags/docker/", "docker", [B1]],
      ["/onderwerpen/containers/", "Containers", [B1, B2, B10]],
      ["/processtappen/ib-19/", "ib-19 Bouwen softwaresysteem", [B1, B2, B10, V2]],
      ["/processtappen/ii-18/", "ii-18 Inrichten ontwikkelomgeving", [V1]],
      ["/tags/hbo-i-niveau-2/", "HBO-i-niveau 2", [B2, B10, V1]],
    ];
    for (const [url, title, lessons] of cases) {
      const main = element(page(url), /<main[^>]*>/, "main");
      assert.match(main, new RegExp(`<h1>${title}</h1>`), url);
      assert.deepEqual(hrefs(main).filter((h) => ORDER.includes(h)), lessons, url);
    }
    assert.ok(!existsSync(path.join(site.output, "tags/hbo-i-niveau-3-x")));
  });

  test("matrix: process steps × levels and topics × components, with captions, scopes and marked gaps", () => {
    const html = page("/taxonomie/");
    const [steps, topics] = [...html.matchAll(/<table class="matrix">[\s\S]*?<\/table>/g)].map((m) => m[0]);
    assert.ok(steps && topics, "two matrix tables");
    assert.match(steps, /<caption>Lessen per processtap en HBO-i-niveau<\/caption>/);
    assert.match(topics, /<caption>Lessen per onderwerp en soort \(4C\/ID-component\)<\/caption>/);
    assert.equal((steps.match(/<th scope="col">/g) ?? []).length, 4);
    assert.equal((topics.match(/<th scope="col">/g) ?? []).length, 5);
    const rows = (table: string) =>
      [...table.matchAll(/<tr>\s*<th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((m) => ({
        head: text(m[1]!),
        cells: [...m[2]!.matchAll(/<td class="matrix-cell[^"]*">([\s\S]*?)<\/td>/g)].map((c) => (/class="gap"/.test(c[1]!) ? "gat" : hrefs(c[1]!).join(" "))),
      }));
    assert.deepEqual(rows(steps), [
      { head: "Inrichten ontwikkelomgeving ii-18 Implementatieproces", cells: ["gat", V1, "gat"] },
      { head: "Bouwen softwaresysteem ib-19 Implementatieproces", cells: [`${B1} ${B2}`, `${B2} ${B10}`, V2] },
    ]);
    assert.deepEqual(rows(topics), [
      { head: "Containers", cells: ["gat", B1, B2, B10] },
      { head: "Netwerken", cells: ["gat", V1, "gat", "gat"] },
      { head: "Webshop", cells: [V2, "gat", "gat", "gat"] },
    ]);
    assert.match(html, /<td class="matrix-cell is-gap"><span class="gap">gat<\/span><\/td>/, "a gap is marked in text, not only by colour");
    const unused = element(html, /<details class="unused-steps">/, "details");
    assert.match(unused, /Processtappen zonder lessen \(26\)/);
    assert.match(html, /<th scope="col">Niveau 1<\/th>|<th scope="col"><a href="\/tags\/hbo-i-niveau-1\/">Niveau 1<\/a><\/th>/);
  });

  test("search: a Pagefind index of the lessons and a search page", () => {
    for (const f of ["pagefind/pagefind.js", "pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css"]) assert.ok(existsSync(path.join(site.output, f)), f);
    const search = page("/zoeken/");
    assert.match(search, /<h1>Zoeken<\/h1>/);
    assert.match(search, /<div class="search-box" data-search data-search-autofocus>/);
    assert.match(search, /<script type="module" src="\/assets\/search-[A-Z0-9]+\.js"><\/script>/);
    const entry = JSON.parse(readFileSync(path.join(site.output, "pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    assert.deepEqual(Object.keys(entry.languages), ["nl"]);
    assert.equal(entry.languages.nl!.page_count, ORDER.length + 2, "only the course's pages are indexed (lessons, the reference page, the teachers' page), no listing pages");
  });

  test("a Dutch 404 page", () => {
    const html = page("/404.html");
    assert.match(html, /<h1>Pagina niet gevonden<\/h1>/);
    assert.match(html, /<form class="search-fallback" role="search" action="\/zoeken\/"/);
  });

  test("no request leaves the site: no external scripts, styles or images", () => {
    for (const file of htmlFiles(site.output)) {
      const html = readFileSync(file, "utf8");
      for (const m of html.matchAll(/<(?:script|link|img|source|iframe)\b[^>]*(?:src|href|srcset)="(https?:)?\/\//g)) assert.fail(`${path.relative(site.output, file)}: ${m[0]}`);
    }
  });
});

describe("study site under PATH_PREFIX=/cursus/", () => {
  let site: ReturnType<typeof build>;
  before(() => {
    site = build({ PATH_PREFIX: "/cursus/" });
  });
  after(() => rmSync(site.output, { recursive: true, force: true }));

  test("every root-relative URL carries the prefix and resolves", () => {
    assert.equal(site.status, 0, site.log);
    const pages = new Set(pageFiles(site.output));
    for (const file of htmlFiles(site.output)) {
      const html = readFileSync(file, "utf8");
      const rel = path.relative(site.output, file);
      for (const m of html.matchAll(/(?:href|src|action)="(\/[^"#?]*)/g)) {
        assert.ok(m[1]!.startsWith("/cursus/"), `${rel}: ${m[1]} has no prefix`);
        const target = path.join(site.output, decodeURIComponent(m[1]!.slice("/cursus".length)));
        assert.ok((existsSync(target) && statSync(target).isFile()) || existsSync(path.join(target, "index.html")), `${rel} links to missing ${m[1]}`);
      }
      if (pages.has(file)) assert.match(html, /<meta name="base" content="\/cursus\/">/, rel);
    }
  });

  test("the stylesheet uses no root-relative url()", () => {
    const css = readdirSync(path.join(site.output, "assets")).filter((f) => f.endsWith(".css"));
    assert.equal(css.length, 1);
    assert.doesNotMatch(readFileSync(path.join(site.output, "assets", css[0]!), "utf8"), /url\(\s*["']?\//);
  });
});
