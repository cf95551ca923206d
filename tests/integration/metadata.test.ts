/**
 * Integration: the site's metadata. With SITE_URL (and a PATH_PREFIX) the build writes a
 * sitemap of every page, robots.txt points to it, every page has a canonical link and
 * og:url; without SITE_URL none of those full addresses appear. Every lesson has its own
 * Open Graph title and description; the favicon is a file, not a data: URI. A SITE_URL
 * whose path is not the PATH_PREFIX is refused.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildSite, pageFiles, type BuildResult } from "../helpers/build.ts";

const vault = "tests/fixtures/build-vault";
const SITE = "https://docent.example.org";
const LESSON = "/8-docker/4-uitleg-docker-images/";

const attr = (html: string, re: RegExp) => re.exec(html)?.[1];

describe("site metadata with SITE_URL and PATH_PREFIX", () => {
  let build: BuildResult;
  const read = (rel: string) => readFileSync(path.join(build.output, rel), "utf8");
  before(() => {
    build = buildSite(vault, { SITE_URL: SITE, PATH_PREFIX: "/cursus/" });
  });

  test("the build succeeds", () => assert.equal(build.status, 0, build.stderr));

  test("sitemap.xml lists every page with its full address, and only pages that exist", () => {
    const xml = read("sitemap.xml");
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.ok(locs.includes(`${SITE}/cursus/`), "the home page");
    assert.ok(locs.includes(`${SITE}/cursus${LESSON}`), "a lesson");
    for (const loc of locs) {
      assert.ok(loc.startsWith(`${SITE}/cursus/`), loc);
      const rel = decodeURIComponent(loc.slice(`${SITE}/cursus/`.length));
      assert.ok(existsSync(path.join(build.output, rel, "index.html")), `${loc} is a page of the site`);
    }
    const pages = pageFiles(build.output).filter((f) => !f.endsWith("404.html") && !f.includes(`${path.sep}zoeken${path.sep}`));
    assert.equal(locs.length, pages.length, "every page is in the sitemap");
  });

  test("robots.txt points to the sitemap", () => {
    assert.match(read("robots.txt"), new RegExp(`^Sitemap: ${SITE}/cursus/sitemap\\.xml$`, "m"));
  });

  test("a lesson has a canonical link and og:url with the prefix", () => {
    const html = read(path.join(LESSON, "index.html"));
    assert.equal(attr(html, /<link rel="canonical" href="([^"]+)">/), `${SITE}/cursus${LESSON}`);
    assert.equal(attr(html, /<meta property="og:url" content="([^"]+)">/), `${SITE}/cursus${LESSON}`);
    assert.equal(attr(html, /<meta property="og:type" content="([^"]+)">/), "article");
  });

  test("each lesson has its own Open Graph title and description", () => {
    const seen = new Set<string>();
    for (const url of [LESSON, "/8-docker/5-stappen-docker-images/", "/8-docker/6-uitleg-docker-containers/"]) {
      const html = read(path.join(url, "index.html"));
      const title = attr(html, /<title>([^<]+) · /);
      const description = attr(html, /<meta name="description" content="([^"]*)">/);
      assert.equal(attr(html, /<meta property="og:title" content="([^"]+)">/), title, url);
      assert.equal(attr(html, /<meta property="og:description" content="([^"]*)">/), description, url);
      assert.ok(description, `${url} has a description`);
      seen.add(title!);
    }
    assert.equal(seen.size, 3);
  });

  test("the favicon is /favicon.svg under the prefix, not a data: URI", () => {
    const html = read("index.html");
    assert.equal(attr(html, /<link rel="icon" href="([^"]+)"/), "/cursus/favicon.svg");
    assert.match(read("favicon.svg"), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(html, /rel="icon" href="data:/);
  });
});

describe("site metadata without SITE_URL", () => {
  let build: BuildResult;
  before(() => {
    build = buildSite(vault);
  });

  test("no sitemap, no canonical links, robots.txt without a sitemap", () => {
    assert.equal(build.status, 0, build.stderr);
    assert.ok(!existsSync(path.join(build.output, "sitemap.xml")));
    const robots = readFileSync(path.join(build.output, "robots.txt"), "utf8");
    assert.match(robots, /^User-agent: \*$/m);
    assert.doesNotMatch(robots, /Sitemap/);
    const html = readFileSync(path.join(build.output, LESSON, "index.html"), "utf8");
    assert.doesNotMatch(html, /rel="canonical"|og:url/);
    assert.match(html, /<meta property="og:title" content="[^"]+">/);
  });
});

describe("a SITE_URL that does not match PATH_PREFIX", () => {
  test("is refused with a message", () => {
    const r = buildSite(vault, { SITE_URL: `${SITE}/iets-anders/`, PATH_PREFIX: "/cursus/" });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /SITE_URL .* PATH_PREFIX/);
  });
});
