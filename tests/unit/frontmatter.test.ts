/**
 * Front-matter key lines: found from the YAML's own ranges with one pass over the text, so a
 * front matter of 100,000 keys is parsed in linear time with every key at its line.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { splitFrontMatter } from "../../src/vault/frontmatter.ts";

describe("front matter: key lines", () => {
  test("keys after blank lines, comments, lists and block scalars", () => {
    const fm = splitFrontMatter(
      ["---", "title: A", "", "# commentaar", "tags:", "  - x", "  - y", "beschrijving: |", "  regel 1", "  regel 2", "date: 2025-01-01", "---", "Body"].join("\n"),
    );
    assert.deepEqual([...fm.keyLines], [
      ["title", 2],
      ["tags", 5],
      ["beschrijving", 8],
      ["date", 11],
    ]);
  });

  test("a key written twice: the last one's line", () => {
    assert.equal(splitFrontMatter("---\nx: 1\ny: 2\nx: 3\n---\n").keyLines.get("x"), 4);
  });

  test("100,000 keys: each at its line (first, middle, last)", () => {
    const n = 100_000;
    const lines = Array.from({ length: n }, (_, i) => (i % 1000 === 999 ? `# blok ${i}\nsleutel${i}: ${i}` : `sleutel${i}: ${i}`));
    const fm = splitFrontMatter(`---\n${lines.join("\n")}\n---\nTekst.\n`);
    assert.equal(fm.problems.length, 0);
    assert.equal(fm.keyLines.size, n);
    // Line of key i: 2 for the first, plus one per comment line before it.
    const expected = (i: number) => 2 + i + Math.floor((i + 1) / 1000);
    for (const i of [0, 1, 998, 999, 1000, 50_000, 77_777, n - 1]) assert.equal(fm.keyLines.get(`sleutel${i}`), expected(i), `sleutel${i}`);
    assert.equal(fm.data[`sleutel${n - 1}`], n - 1);
    assert.equal(fm.bodyLine, expected(n - 1) + 2);
  });
});
