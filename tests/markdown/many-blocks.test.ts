/**
 * Pages with thousands of callouts and quiz questions: the plugins put their tokens in with
 * one pass over the page (applyEdits), and every block still gets exactly its own parts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type Token from "markdown-it/lib/token.mjs";
import { Diagnostics } from "../../src/diagnostics/index.ts";
import { applyEdits } from "../../src/markdown/callouts.ts";
import { createMarkdown, renderNote } from "../../src/markdown/index.ts";
import { noteFromSource } from "../../src/vault/index.ts";

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe("applyEdits", () => {
  test("removes and inserts at indexes of the list as it was, in one pass, in place", () => {
    const tok = (type: string) => ({ type }) as Token;
    const list = ["a", "b", "c", "d", "e"].map(tok);
    const same = list;
    applyEdits(list, [
      { at: 4, remove: 0, insert: [tok("x")] },
      { at: 1, remove: 2, insert: [tok("y"), tok("z")] },
      { at: 5, remove: 0, insert: [tok("end")] },
    ]);
    assert.equal(list, same);
    assert.deepEqual(list.map((t) => t.type), ["a", "y", "z", "d", "x", "e", "end"]);
  });
});

describe("thousands of blocks in one page", () => {
  const n = 2000;

  test(`${n} quiz questions: each has its options, its answer and its own explanation`, () => {
    const q = (i: number) => `> [!quiz] Vraag ${i}\n> - [ ] fout ${i}\n> - [x] goed ${i}\n>\n> Uitleg: omdat ${i}.\n`;
    const diagnostics = new Diagnostics();
    const md = createMarkdown({ diagnostics, highlight: false });
    const { html } = renderNote(md, noteFromSource(Array.from({ length: n }, (_, i) => q(i)).join("\n"), "Quiz.md"));
    assert.equal(count(html, /<ul class="quiz-options">/g), n);
    assert.equal(count(html, /<details class="quiz-answer">/g), n);
    for (const i of [0, 1, n / 2, n - 1]) {
      assert.ok(
        html.includes(`<p class="quiz-correct"><strong>Juist:</strong> goed ${i}</p>\n<p class="quiz-explanation">Uitleg: omdat ${i}.</p>\n</details>`),
        `question ${i}`,
      );
    }
    assert.deepEqual(diagnostics.all(), []);
  });

  test(`${n} callouts, with and without content: titles and content in their own callout`, () => {
    const c = (i: number) => (i % 2 ? `> [!tip] Tip ${i}\n> Inhoud ${i}.\n` : `> [!note] Alleen titel ${i}\n`);
    const md = createMarkdown({ highlight: false });
    const { html } = renderNote(md, noteFromSource(Array.from({ length: n }, (_, i) => c(i)).join("\n"), "Callouts.md"));
    assert.equal(count(html, /<div class="callout /g), n);
    assert.equal(count(html, /<div class="callout-content">/g), n / 2);
    assert.ok(html.includes(`<span class="callout-title-inner">Tip ${n - 1}</span></div>\n<div class="callout-content">\n<p>Inhoud ${n - 1}.</p>\n</div>\n</div>`));
    assert.ok(html.includes(`<span class="callout-title-inner">Alleen titel ${n - 2}</span></div>\n</div>`));
  });
});

describe("wikilink brackets in bulk", () => {
  test("20,000 [[ without a close, then one wikilink: all text but the last", () => {
    const diagnostics = new Diagnostics();
    const md = createMarkdown({ diagnostics, highlight: false });
    const src = "[[x ".repeat(20_000) + "[[Laatste]] en [a [[b]]";
    const { html } = renderNote(md, noteFromSource(src, "Haken.md"));
    assert.ok(html.startsWith("<p>[[x [[x "));
    assert.equal(count(html, /class="wikilink broken"/g), 2);
    assert.ok(html.endsWith('[[x <span class="wikilink broken" title="Deze pagina bestaat (nog) niet">Laatste</span> en [a <span class="wikilink broken" title="Deze pagina bestaat (nog) niet">b</span></p>\n'));
    assert.deepEqual(diagnostics.all().map((d) => d.column), [80_001, 80_019]);
  });
});
