/**
 * A page's description (summaryText): the start of its text, without code, and without the
 * closing "Volgende stap" quote that only points to the next lesson.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { summaryText } from "../../src/course/index.ts";

const nextStep = '<hr>\n<blockquote>\n<p>Volgende stap: <a href="/8-docker/3-uitleg-docker-desktop/" class="wikilink">3. Uitleg Docker Desktop</a></p>\n</blockquote>\n';

describe("summaryText", () => {
  const cases: Array<[string, string, string]> = [
    ["a short page leaves its closing Volgende stap out", `<p>Docker draait containers.</p>\n${nextStep}`, "Docker draait containers."],
    ["a quote that is not the last thing on the page stays", `<blockquote>\n<p>Volgende stap: <a href="/x/">X</a></p>\n</blockquote>\n<p>Daarna meer.</p>\n`, "Volgende stap: X Daarna meer."],
    ["code blocks are left out", "<p>Start met</p>\n<pre><code>docker run nginx</code></pre>\n<p>en kijk.</p>\n", "Start met en kijk."],
  ];
  for (const [name, html, expected] of cases) test(name, () => assert.equal(summaryText(html), expected));

  test("a long page is cut at 160 characters", () => {
    const text = summaryText(`<p>${"woord ".repeat(600)}</p>\n${nextStep}`);
    assert.equal(text.length, 160);
    assert.doesNotMatch(text, /Volgende stap/);
  });
});
