/**
 * Integration: a lesson page as students get it, from a small vault this test writes itself:
 * - "Bewerk deze pagina" links to the lesson's Markdown file in its repository when REPO_URL
 *   is set (branch and content folder included), and is not there without it; a REPO_URL that
 *   is no address stops the build with a message naming it;
 * - the tags under a lesson are its topic and levels, no taxonomy codes or HBO-i tags; the
 *   codes are in the folded "Voor docenten" part;
 * - a closing "Volgende stap" quote that says what the "Volgende les" card says is left out;
 *   one that leads elsewhere stays;
 * - matrix cells on the taxonomy page name each lesson with its kind.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { buildSite, type BuildResult } from "../helpers/build.ts";

const LESSONS: Record<string, string> = {
  "1. Uitleg Docker Images.md": "---\ntitle: 1. Uitleg Docker Images\ntaxonomie: ['ib-19.2.Docker-images.OI']\n---\n\n## Wat is een image?\nEen image zoals `nginx:1.27-alpine` is een bouwpakket.\n\n---\n\n> Volgende stap: [[2. Stappen Docker Images|Stappen Docker Images]]\n",
  "2. Stappen Docker Images.md": "---\ntitle: 2. Stappen Docker Images\ntaxonomie: ['ib-19.2.Docker-images.PI', 'ib-19.3.Docker-images.PI']\n---\n\n## Stap 1: Ophalen\nHaal hem op.\n\n---\n\n> Volgende stap: [[3. Oefeningen Docker Images#Opdracht]]\n",
  "3. Oefeningen Docker Images.md": "---\ntitle: 3. Oefeningen Docker Images\ntaxonomie: ['ib-19.2.Docker-images.DT']\n---\n\n## Opdracht\nDoe het zelf.\n",
};

describe("a lesson page: edit link, tags, Volgende stap, matrix", () => {
  let vault = "";
  let withRepo: BuildResult;
  let withoutRepo: BuildResult;
  const page = (build: BuildResult, url: string) => readFileSync(path.join(build.output, url, "index.html"), "utf8");
  const section = (html: string, start: string) => html.slice(html.indexOf(start), html.indexOf("</section>", html.indexOf(start)));

  before(() => {
    vault = mkdtempSync(path.join(tmpdir(), "cursus-lespagina-"));
    mkdirSync(path.join(vault, "Docker"));
    for (const [name, text] of Object.entries(LESSONS)) writeFileSync(path.join(vault, "Docker", name), text);
    withRepo = buildSite(vault, { REPO_URL: "https://github.com/docent/docker-cursus", REPO_BRANCH: "lesstof", REPO_CONTENT_PATH: "cursus" });
    withoutRepo = buildSite(vault);
  });

  after(() => {
    for (const dir of [vault, withRepo?.output, withoutRepo?.output]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("both builds succeed", () => {
    assert.equal(withRepo.status, 0, withRepo.stderr);
    assert.equal(withoutRepo.status, 0, withoutRepo.stderr);
  });

  test("with REPO_URL each lesson links to its Markdown file on its branch, in its content folder", () => {
    assert.match(page(withRepo, "/docker/1-uitleg-docker-images/"), /<p class="edit-page"><a href="https:\/\/github\.com\/docent\/docker-cursus\/edit\/lesstof\/cursus\/Docker\/1\.%20Uitleg%20Docker%20Images\.md">Bewerk deze pagina<\/a><\/p>/);
    assert.match(page(withRepo, "/docker/3-oefeningen-docker-images/"), /href="https:\/\/github\.com\/docent\/docker-cursus\/edit\/lesstof\/cursus\/Docker\/3\.%20Oefeningen%20Docker%20Images\.md"/);
  });

  test("without REPO_URL there is no edit link", () => {
    for (const url of ["/docker/1-uitleg-docker-images/", "/docker/2-stappen-docker-images/"]) assert.doesNotMatch(page(withoutRepo, url), /Bewerk deze pagina|edit-page/);
  });

  test("a REPO_URL that is no address stops the build and says why", () => {
    const bad = buildSite(vault, { REPO_URL: "github.com/docent/docker-cursus" });
    rmSync(bad.output, { recursive: true, force: true });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout + bad.stderr, /REPO_URL "github\.com\/docent\/docker-cursus" is geen geldig adres/);
  });

  test("the tags are the topic and the levels; the codes are in the part for teachers", () => {
    const html = page(withoutRepo, "/docker/2-stappen-docker-images/");
    const tags = section(html, '<section class="lesson-tags"');
    assert.deepEqual([...tags.matchAll(/class="tag tag-(\w+)"[^>]*>([^<]+)</g)].map((m) => `${m[1]}: ${m[2]}`), ["onderwerp: Docker images", "niveau: Niveau 2", "niveau: Niveau 3"]);
    assert.doesNotMatch(tags, /ib-19|HBO-i|Bouwen softwaresysteem|Implementatieproces/);
    const teachers = html.slice(html.indexOf('<details class="lesson-teachers">'), html.indexOf("</details>", html.indexOf('<details class="lesson-teachers">')));
    assert.match(teachers, /Taxonomiecode<\/span> <span><span class="meta-code">ib-19\.2\.Docker-images\.PI<\/span>, <span class="meta-code">ib-19\.3\.Docker-images\.PI<\/span><\/span>/);
  });

  test("a Volgende stap quote that repeats the Volgende les card is left out; one that leads elsewhere stays", () => {
    const first = page(withoutRepo, "/docker/1-uitleg-docker-images/");
    assert.match(first, /<a class="pager-link pager-next" rel="next" href="\/docker\/2-stappen-docker-images\/">/, "the card leads to lesson 2");
    const prose = first.slice(first.indexOf('<div class="prose">'), first.indexOf("</article>"));
    assert.doesNotMatch(prose, /Volgende stap|<blockquote>/);
    assert.doesNotMatch(prose, /<hr>/, "and the rule above it");
    const second = page(withoutRepo, "/docker/2-stappen-docker-images/");
    assert.match(second, /<blockquote>\s*<p>Volgende stap: <a href="\/docker\/3-oefeningen-docker-images\/#opdracht"/, "a heading of the next lesson is more than the card says");
  });

  test("matrix cells name each lesson with its kind", () => {
    const html = page(withoutRepo, "/taxonomie/");
    for (const label of ["1 Uitleg Docker Images", "2 Stappen Docker Images", "3 Oefeningen Docker Images"]) assert.ok(html.includes(`>${label}</a>`), label);
    assert.doesNotMatch(html, />\d Docker Images<\/a>/);
  });
});
