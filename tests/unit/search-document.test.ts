/**
 * What Pagefind reads of a lesson (src/eleventy/search-index.ts), exactly: the weights on the
 * title, the h2/h3 headings and the code blocks, the headings field for ranking (one word per
 * beginning), and the kind and topic filters; a page for teachers gets no headings field.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { headingWords, searchDocument, topicsOf } from "../../src/eleventy/search-index.ts";

describe("headingWords", () => {
  const cases: Array<[string, string, string]> = [
    ["h2 and h3 only, lower case, each word once", "<h1>Titel</h1><h2 id=\"a\">Een Container starten</h2><p>tekst</p><h3>Container stoppen</h3><h4>Vier</h4>", "een container starten stoppen"],
    ["of the words with the same first five letters only the shortest", "<h2>Wat is een Dockerfile?</h2><h2>.dockerignore</h2><h2>docker run</h2>", "wat is een docker run"],
    ["containerd and containerlaag count once, as the shorter", "<h3>containerd image store</h3><h3>De schrijfbare containerlaag</h3>", "containerd image store de schrijfbare"],
    ["inline markup and entities are no words", '<h2><code>docker&nbsp;run</code> &amp; <a href="#x">logs</a></h2>', "docker run logs"],
    ["a heading wrapped with its anchor link", '<div class="heading"><h2 id="x">Stap 1: Poorten</h2><a class="heading-anchor" href="#x"></a></div>', "stap 1 poorten"],
    ["no headings", "<p>Alleen tekst</p>", ""],
  ];
  for (const [name, html, expected] of cases) test(name, () => assert.equal(headingWords(html), expected));
});

describe("topicsOf", () => {
  test("the topics of the taxonomy codes, each once, unknown codes left out", () => {
    assert.deepEqual(topicsOf(["ib-19.2.Docker-containers.PI", "ib-19.3.Docker-containers.PI", "bb-25.3.Docker-security.OI", "geen-code"]), ["Docker-containers", "Docker-security"]);
  });
});

describe("searchDocument", () => {
  test("a lesson: weighted title, headings and code, the headings field, kind and topic filters", () => {
    const html = '<h2 id="a">Stap 1: Starten</h2>\n<p>Tekst</p>\n<pre><code>docker run</code></pre>\n<h3 id="b">Poort</h3>';
    assert.equal(
      searchDocument({ url: "/8-docker/7-x/", title: "Stappen Docker Containers", html, kind: "Stappen", role: "les", topics: ["Docker-containers"] }),
      '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Stappen Docker Containers</title>' +
        '<meta data-pagefind-meta="koppen[content]" content="stap 1 starten poort">' +
        '<meta data-pagefind-filter="Soort les[content]" content="Stappen">' +
        '<meta data-pagefind-filter="Onderwerp[content]" content="Docker containers">' +
        '</head><body><article data-pagefind-body><h1 data-pagefind-weight="10">Stappen Docker Containers</h1><div class="prose">' +
        '<h2 data-pagefind-weight="8" id="a">Stap 1: Starten</h2>\n<p>Tekst</p>\n<pre data-pagefind-weight="0.5"><code>docker run</code></pre>\n<h3 data-pagefind-weight="6" id="b">Poort</h3>' +
        "</div></article></body></html>",
    );
  });

  test("a reference page is Naslag; a page for teachers is Voor docenten and has no headings field", () => {
    const naslag = searchDocument({ url: "/c/", title: "Commando's", html: "<h2>Images</h2>", role: "naslag" });
    assert.match(naslag, /<meta data-pagefind-filter="Soort les\[content\]" content="Naslag">/);
    assert.match(naslag, /data-pagefind-meta="koppen\[content\]" content="images"/);
    const teachers = searchDocument({ url: "/h/", title: "Handleiding", html: "<h2>npm run check</h2>", kind: "Uitleg", role: "docenten" });
    assert.match(teachers, /<meta data-pagefind-filter="Soort les\[content\]" content="Voor docenten">/);
    assert.doesNotMatch(teachers, /koppen/);
  });

  test("a title and values with quotes and ampersands stay text", () => {
    const doc = searchDocument({ url: "/x/", title: 'A & "B"', html: "<h2>C &amp; D</h2>", kind: "Uitleg", role: "les", topics: ['Q"&'] });
    assert.match(doc, /<title>A &amp; &quot;B&quot;<\/title>/);
    assert.match(doc, /content="Q&quot;&amp;"/);
  });
});
