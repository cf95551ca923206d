/**
 * Integration: a vault laid out the way Obsidian users lay out theirs builds without an output
 * conflict: a folder note (`Docker.md` next to `Docker/`) becomes its folder's module page,
 * and notes whose URL belongs to a generated page (`Zoeken.md`, `Taxonomie.md`, `Algemeen.md`,
 * `tags/a.md`) are published beside it, with a warning from the build and from the check; tags
 * whose slugs would clash (`C++`, `C#`) or be empty (🐳, 日本) each get a page of their own.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { brokenInternalLinks, buildSite, projectRoot, type BuildResult } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

const files: Record<string, string> = {
  "Docker.md": "---\ntitle: Docker\n---\nDeze mapnotitie vertelt waar de module over gaat.\n",
  "Docker/1. Uitleg Images.md": "---\ntitle: 1. Uitleg Images\n---\nZie [[Docker]] en [[2. Uitleg Containers]].\n",
  "Docker/2. Uitleg Containers.md": "---\ntitle: 2. Uitleg Containers\ntags: [C++, C#, 🐳, 日本]\n---\nContainers.\n",
  "Zoeken.md": "---\ntitle: Zoeken\n---\nEen notitie die Zoeken heet.\n",
  "Taxonomie.md": "---\ntitle: Taxonomie\n---\nEen notitie die Taxonomie heet.\n",
  "Algemeen.md": "---\ntitle: Algemeen\n---\nEen notitie die Algemeen heet.\n",
  "tags/a.md": "---\ntitle: a\ntags: [a]\n---\nEen notitie in een map tags.\n",
};

describe("build of a vault with a folder note and notes named like generated pages", () => {
  let dir: string;
  let build: BuildResult;
  const page = (url: string) => {
    const file = path.join(build.output, url, "index.html");
    assert.ok(existsSync(file), `no page at ${url}`);
    return readFileSync(file, "utf8");
  };
  before(() => {
    dir = tempDir("layout-vault-");
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    build = buildSite(dir);
  });

  test("no internal link, image or script on any page points nowhere", () => {
    assert.deepEqual(brokenInternalLinks(build.output), []);
  });

  test("the build succeeds (no output conflict)", () => {
    assert.equal(build.status, 0, build.stderr + build.stdout);
    assert.doesNotMatch(build.stderr + build.stdout, /Output conflict/i);
  });

  test("the folder note is the module page: its text above the lesson list", () => {
    const html = page("/docker/");
    const text = html.indexOf("Deze mapnotitie vertelt");
    const list = html.indexOf('href="/docker/1-uitleg-images/"', text);
    assert.ok(text > 0, "folder note text on the module page");
    assert.ok(list > text, "lesson list after the text");
  });

  test("the folder note is no lesson: not in the reading order, links to it lead to the module page", () => {
    const first = page("/docker/1-uitleg-images/");
    assert.match(first, /<a href="\/docker\/" class="wikilink">Docker<\/a>/);
    assert.doesNotMatch(first, /rel="prev"[^>]*href="\/docker\/"|href="\/docker\/"[^>]*rel="prev"/);
    const nav = readFileSync(path.join(build.output, "index.html"), "utf8");
    assert.doesNotMatch(nav, /href="\/docker\/"[^>]*>\s*(?:<[^>]+>\s*)*Docker\s*<\/a>\s*<\/li>\s*<li[^>]*>\s*<a[^>]*href="\/docker\/1-uitleg-images\/"/);
  });

  test("notes named like generated pages are published beside them", () => {
    assert.match(page("/zoeken-2/"), /Een notitie die Zoeken heet\./);
    assert.match(page("/taxonomie-2/"), /Een notitie die Taxonomie heet\./);
    assert.match(page("/algemeen-2/"), /Een notitie die Algemeen heet\./);
    assert.match(page("/tags-2/a/"), /Een notitie in een map tags\./);
    assert.doesNotMatch(page("/zoeken/"), /Een notitie die Zoeken heet/);
    assert.doesNotMatch(page("/taxonomie/"), /Een notitie die Taxonomie heet/);
    assert.match(page("/algemeen/"), /href="\/algemeen-2\/"/, "the root module lists the moved note");
    assert.match(page("/tags/a/"), /href="\/tags-2\/a\/"/, "the tag page lists the moved note");
  });

  test("tags whose slugs would clash or be empty each get their own page", () => {
    const html = page("/docker/2-uitleg-containers/");
    const urls = [...html.matchAll(/href="(\/tags\/[^"]*)"/g)].map((m) => m[1]!);
    const own = [...new Set(urls)].filter((u) => u !== "/tags/a/");
    assert.equal(own.length, 4, own.join(" "));
    for (const url of own) {
      assert.notEqual(url, "/tags//");
      assert.match(page(url), /href="\/docker\/2-uitleg-containers\/"/);
    }
  });

  test("the build and the check name each moved note and the fix", () => {
    const check = spawnSync(process.execPath, ["--import", "tsx", "src/check/cli.ts", dir], { cwd: projectRoot, encoding: "utf8", timeout: 60_000 });
    for (const out of [build.stdout + build.stderr, check.stdout + check.stderr]) {
      for (const [file, url, moved] of [["Zoeken.md", "/zoeken/", "/zoeken-2/"], ["Taxonomie.md", "/taxonomie/", "/taxonomie-2/"], ["Algemeen.md", "/algemeen/", "/algemeen-2/"], ["tags/a.md", "/tags/a/", "/tags-2/a/"]] as const) {
        const re = new RegExp(`${file.replace(/\./g, "\\.")}:1(?::\\d+)? warning url-reserved de pagina krijgt URL ${url}, waar de site [^;]+ publiceert; hij staat nu op ${moved}`);
        assert.match(out, re);
      }
    }
  });
});
