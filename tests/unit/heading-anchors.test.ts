/**
 * The `#` link after each h2–h4 (src/markdown/headings.ts) stays out of the text the site takes
 * from a rendered page: the repeated title that is stripped, the summary (meta description,
 * cards) and the word count. The exact HTML is in tests/fixtures/markdown/headings/.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { countWords, stripLeadingTitle, summaryText } from "../../src/course/index.ts";
import { createMarkdown, renderNote } from "../../src/markdown/index.ts";
import { noteFromSource } from "../../src/vault/index.ts";

const md = createMarkdown({ highlight: false });
const render = (source: string) => renderNote(md, noteFromSource(source, "Les.md")).html;

describe("heading links and the page's text", () => {
  test("a first heading that repeats the title goes, with its link and wrapper", () => {
    const html = render("---\ntitle: Docker installeren\n---\n#### {{ title }}\nTekst.\n");
    assert.match(html, /^<div class="heading heading-4"><h4 id="docker-installeren">Docker installeren<\/h4><a class="heading-anchor"/);
    assert.equal(stripLeadingTitle(html, "Docker installeren"), "<p>Tekst.</p>\n");
  });

  test("a first heading with other text stays whole", () => {
    const html = render("---\ntitle: Docker installeren\n---\n## Overzicht\nTekst.\n");
    assert.equal(stripLeadingTitle(html, "Docker installeren"), html);
  });

  test("the summary and the word count hold the heading's words, not its link", () => {
    const html = render("## Overzicht\nIn deze stappen installeer je Docker.\n\n### Stap 1\nOpen een terminal.\n");
    assert.equal((html.match(/class="heading-anchor"/g) ?? []).length, 2);
    assert.equal(summaryText(html), "Overzicht In deze stappen installeer je Docker. Stap 1 Open een terminal.");
    assert.equal(countWords(html), 11);
  });
});
