/**
 * Integration: a folder note inside its own folder (`Netwerken/Netwerken.md`, the layout of
 * Obsidian's folder-note plugins) is the module page's text, above the lesson list, and no
 * lesson; a folder with a folder note in both layouts builds with a warning and uses the one
 * next to the folder; a note named like its folder but alone in it stays a lesson.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { brokenInternalLinks, buildSite, type BuildResult } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

const files: Record<string, string> = {
  "Netwerken/Netwerken.md": "---\ntitle: Netwerken\n---\nDeze mapnotitie staat in haar eigen map.\n",
  "Netwerken/1. Uitleg Bridge.md": "---\ntitle: 1. Uitleg Bridge\n---\nTerug naar [[Netwerken]].\n",
  "Netwerken/2. Uitleg Overlay.md": "---\ntitle: 2. Uitleg Overlay\n---\nOverlay.\n",
  "Opslag.md": "---\ntitle: Opslag\n---\nDe mapnotitie naast de map.\n",
  "Opslag/Opslag.md": "---\ntitle: Opslag\n---\nDe mapnotitie in de map.\n",
  "Opslag/1. Uitleg Volumes.md": "---\ntitle: 1. Uitleg Volumes\n---\nVolumes.\n",
  "Los/Los.md": "---\ntitle: Los\n---\nAlleen in zijn map.\n",
};

describe("build of a vault with folder notes inside their folders", () => {
  let dir: string;
  let build: BuildResult | undefined;
  const page = (url: string) => {
    const file = path.join(build!.output, url, "index.html");
    assert.ok(existsSync(file), `no page at ${url}`);
    return readFileSync(file, "utf8");
  };
  /** The module page's own content: from its h1 to the end of <main>. */
  const main = (url: string) => {
    const html = page(url);
    return html.slice(html.indexOf("<h1"), html.indexOf("</main>"));
  };
  before(() => {
    dir = tempDir("folder-note-vault-");
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    build = buildSite(dir);
  });

  test("the build succeeds", () => {
    assert.equal(build!.status, 0, build!.stderr + build!.stdout);
  });

  test("no internal link, image or script on any page points nowhere", () => {
    assert.deepEqual(brokenInternalLinks(build!.output), []);
  });

  test("Netwerken/Netwerken.md is the module page: its text above the lesson list, and not in it", () => {
    const html = main("/netwerken/");
    const text = html.indexOf("Deze mapnotitie staat in haar eigen map.");
    assert.ok(text > 0, "the folder note's text on the module page");
    const lessons = [...html.matchAll(/href="(\/netwerken\/[^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(lessons, ["/netwerken/1-uitleg-bridge/", "/netwerken/2-uitleg-overlay/"]);
    assert.ok(html.indexOf('href="/netwerken/1-uitleg-bridge/"') > text, "the lesson list comes after the text");
    assert.ok(!existsSync(path.join(build!.output, "netwerken/netwerken")), "no lesson page of its own");
  });

  test("links to the folder note lead to the module page, and the reading order passes it by", () => {
    const first = page("/netwerken/1-uitleg-bridge/");
    assert.match(first, /<a href="\/netwerken\/" class="wikilink">Netwerken<\/a>/);
    // Modules in name order: Los, Netwerken, Opslag. Before lesson 1 comes the lesson of Los.
    assert.match(first, /<link rel="prev" href="\/los\/los\/">/);
  });

  test("both layouts for one folder: a warning on the inside note; the module page shows the note next to the folder", () => {
    assert.match(build!.stdout + build!.stderr, /Opslag\/Opslag\.md:1(?::\d+)? warning folder-note-twice map Opslag\/ heeft twee mapnotities/);
    const html = main("/opslag/");
    assert.match(html, /De mapnotitie naast de map\./);
    assert.doesNotMatch(html, /De mapnotitie in de map\./);
    assert.match(html, /href="\/opslag\/opslag\/"/, "the inside note is a lesson of the module");
    assert.match(page("/opslag/opslag/"), /De mapnotitie in de map\./);
  });

  test("a note named like its folder but alone in it stays a lesson", () => {
    assert.match(page("/los/los/"), /Alleen in zijn map\./);
    assert.match(main("/los/"), /href="\/los\/los\/"/);
  });
});
