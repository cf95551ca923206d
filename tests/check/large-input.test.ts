/**
 * Content rules on hostile input: an 80 KB line of mojibake and a front matter of 100,000
 * keys are reported at the right place, with bounded messages and a bounded list.
 * Results, counts and sizes only, no timers.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkFrontMatter, taxonomyPositions } from "../../src/rules/index.ts";
import { checkMojibake, findMojibake } from "../../src/rules/mojibake.ts";
import { scanNote } from "../../src/rules/scan.ts";
import { Diagnostics, formatDiagnostic, MAX_PER_FILE, TOO_MANY_PROBLEMS } from "../../src/diagnostics/index.ts";
import { newEnv } from "../../src/markdown/index.ts";
import { noteFromSource, type Note } from "../../src/vault/index.ts";

const scanned = (note: Note) => scanNote(note, { tokens: [], env: newEnv({ note, file: note.file }) });

describe("mojibake on one 80 KB line", () => {
  const garbled = "Ã«a".repeat(27_000);
  const line = `Een gewone zin, dan ${garbled} en nog een CafÃ©.`;

  test("findMojibake: the long word once (every match in it belongs to it), then the next word", () => {
    const found = findMojibake(line);
    assert.deepEqual(
      found.map((f) => [f.column, f.word.length, f.repaired.length]),
      [
        [20, garbled.length, garbled.length / 3 * 2],
        [line.length - 6, 5, 4],
      ],
    );
    assert.equal(found[0]!.repaired.slice(0, 4), "ëaëa");
  });

  test("checkMojibake: reported at its line and column, with the word cut short in the message", () => {
    const note = noteFromSource(`---\ntitle: Moji\n---\nEerste regel.\n\n${line}\n`, "Moji.md");
    const diagnostics = new Diagnostics();
    checkMojibake(scanned(note), diagnostics);
    const [d] = diagnostics.all();
    assert.equal(diagnostics.all().length, 1);
    assert.deepEqual([d!.file, d!.line, d!.column, d!.rule], ["Moji.md", 6, 21, "mojibake"]);
    assert.equal(d!.message, `"${garbled.slice(0, 40)}…" lijkt dubbel gecodeerde UTF-8 (en nog 1 op deze regel)`);
    assert.ok(formatDiagnostic(d!).length < 400, `${formatDiagnostic(d!).length} characters`);
  });

  test("words that overlap through a Windows-1252 character are each reported, as before", () => {
    assert.deepEqual(
      findMojibake("aaâ€™xâ€™").map((f) => [f.word, f.column]),
      [
        ["aaâ€™xâ", 0],
        ["xâ€™", 5],
      ],
    );
  });

  test("many separate garbled words on one line: every one found, in order", () => {
    const words = findMojibake("CafÃ© ".repeat(10_000));
    assert.equal(words.length, 10_000);
    assert.deepEqual(words.at(-1), { word: "CafÃ©", repaired: "Café", column: 6 * 9_999 });
  });
});

describe("front matter with 100,000 keys", () => {
  const keys = Array.from({ length: 100_000 }, (_, i) => `sleutel${i}: ${i}`);
  const note = noteFromSource(`---\ntitle: Veel\ntilte: Veel\n${keys.join("\n")}\n---\nTekst.\n`, "Veel.md");

  test("every unknown key is counted, the first ones are listed at their lines, with suggestions", () => {
    const diagnostics = new Diagnostics();
    checkFrontMatter(note, diagnostics);
    assert.equal(diagnostics.count("warning"), 100_001);
    const list = diagnostics.forFile("Veel.md");
    assert.equal(list.length, MAX_PER_FILE + 1);
    assert.equal(list[0]!.rule, TOO_MANY_PROBLEMS);
    assert.deepEqual(list[0]!.omitted, { error: 0, warning: 100_001 - MAX_PER_FILE, info: 0 });
    assert.deepEqual(
      list.slice(1, 4).map((d) => `${d.line} ${d.message}`),
      [
        '3 sleutel "tilte" in de front matter wordt door deze site niet gebruikt; bedoel je "title"?',
        '4 sleutel "sleutel0" in de front matter wordt door deze site niet gebruikt',
        '5 sleutel "sleutel1" in de front matter wordt door deze site niet gebruikt',
      ],
    );
    assert.equal(list.at(-1)!.line, MAX_PER_FILE + 2);
  });

  test("the key lines of the first, a middle and the last key", () => {
    assert.deepEqual(["title", "sleutel0", "sleutel50000", "sleutel99999"].map((k) => note.keyLines.get(k)), [2, 4, 50_004, 100_003]);
  });
});

describe("taxonomie with 10,000 codes", () => {
  test("each code at its own line, looked for after the previous one", () => {
    const codes = Array.from({ length: 10_000 }, (_, i) => `ib-19.2.Onderwerp${i}.OI`);
    const src = `---\ntitle: 4. Uitleg Veel\ntaxonomie:\n${codes.map((c) => `  - ${c}`).join("\n")}\n---\nTekst\n`;
    const note = noteFromSource(src, "4. Uitleg Veel.md");
    const positions = taxonomyPositions(note, src.split("\n"));
    assert.equal(positions.length, 10_000);
    for (const i of [0, 1, 5_000, 9_999]) assert.deepEqual(positions[i], { code: codes[i], line: 4 + i, column: 5 });
  });

  test("a code written twice, and a short code inside a longer one: each at its own place", () => {
    const src = '---\ntitle: T\ntaxonomie: "ib-19.2.AB.OI, ib-19.2.A, ib-19.2.AB.OI"\n---\n';
    const note = noteFromSource(src, "T.md");
    assert.deepEqual(
      taxonomyPositions(note, src.split("\n")).map((p) => [p.line, p.column]),
      [
        [3, 13],
        [3, 28],
        [3, 39],
      ],
    );
  });
});
