/**
 * The diagnostics collector: kept per file (forFile, clearFile), sorted once for all(),
 * counted without recounting, and capped per file with one `too-many-problems` summary.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Diagnostics, formatDiagnostic, formatSummary, MAX_PER_FILE, TOO_MANY_PROBLEMS, type Diagnostic, type Severity } from "../../src/diagnostics/index.ts";
import { createMarkdown, renderNote } from "../../src/markdown/index.ts";
import { noteFromSource } from "../../src/vault/index.ts";

const where = (list: Diagnostic[]) => list.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
/** Every problem counted, of any severity. */
const total = (d: Diagnostics) => d.count("error") + d.count("warning") + d.count("info");


/** A diagnostic of any rule id, the way the collector receives it. */
function put(d: Diagnostics, severity: Severity, file: string, line: number, rule: string, message: string, hint?: string, column = 0): void {
  d.add({ severity, file, line, column, rule, message, hint });
}

describe("Diagnostics: per file", () => {
  const make = () => {
    const d = new Diagnostics();
    put(d, "warning", "b.md", 3, "r2", "drie");
    put(d, "error", "a10.md", 1, "r1", "een");
    put(d, "error", "a2.md", 5, "r1", "vijf", undefined, 7);
    put(d, "info", "b.md", 1, "r1", "een");
    put(d, "error", "a2.md", 2, "r1", "twee");
    return d;
  };

  test("all() is sorted by file (numeric), line and column", () => {
    assert.deepEqual(where(make().all()), ["a2.md:2:0 r1", "a2.md:5:7 r1", "a10.md:1:0 r1", "b.md:1:0 r1", "b.md:3:0 r2"]);
  });

  test("forFile() gives that file's diagnostics, sorted, the same as filtering all()", () => {
    const d = make();
    for (const file of ["a2.md", "a10.md", "b.md"]) assert.deepEqual(d.forFile(file), d.all().filter((x) => x.file === file));
    assert.deepEqual(d.forFile("c.md"), []);
  });

  test("a diagnostic added after all() or forFile() shows up in the next call", () => {
    const d = make();
    d.all();
    d.forFile("b.md");
    put(d, "warning", "b.md", 2, "r3", "twee");
    assert.deepEqual(where(d.forFile("b.md")), ["b.md:1:0 r1", "b.md:2:0 r3", "b.md:3:0 r2"]);
    assert.equal(d.all().length, 6);
  });

  test("changing a returned list does not change the collector", () => {
    const d = make();
    d.all().length = 0;
    d.forFile("a2.md").pop();
    assert.equal(d.all().length, 5);
    assert.equal(d.forFile("a2.md").length, 2);
  });

  test("count() counts each distinct diagnostic once", () => {
    const d = make();
    put(d, "error", "a2.md", 2, "r1", "twee"); // the same problem reported twice
    assert.deepEqual([d.count("error"), d.count("warning"), d.count("info"), total(d)], [3, 1, 1, 5]);
  });

  test("clearFile() forgets one file: list, counts and duplicate check", () => {
    const d = make();
    d.clearFile("a2.md");
    assert.deepEqual(where(d.all()), ["a10.md:1:0 r1", "b.md:1:0 r1", "b.md:3:0 r2"]);
    assert.deepEqual(d.forFile("a2.md"), []);
    assert.deepEqual([d.count("error"), total(d)], [1, 3]);
    // The same problem found again by the rebuild of that file is listed again.
    put(d, "error", "a2.md", 2, "r1", "twee");
    assert.deepEqual(where(d.forFile("a2.md")), ["a2.md:2:0 r1"]);
    assert.equal(d.count("error"), 2);
    d.clearFile("nooit-gezien.md");
    assert.equal(total(d), 4);
  });

  test("clear() empties everything", () => {
    const d = make();
    d.clear();
    assert.deepEqual([d.all(), total(d), d.count("error")], [[], 0, 0]);
  });

  test("error(), warn() and info() go through add(), so a subclass can collect elsewhere", () => {
    const seen: string[] = [];
    class Sink extends Diagnostics {
      override add(d: Omit<Diagnostic, "column"> & { column?: number }): void {
        seen.push(`${d.severity} ${d.rule}`);
      }
    }
    const s = new Sink();
    put(s, "error", "a.md", 1, "e", "x");
    put(s, "warning", "a.md", 1, "w", "x");
    put(s, "info", "a.md", 1, "i", "x");
    assert.deepEqual(seen, ["error e", "warning w", "info i"]);
  });
});

describe("Diagnostics: at most MAX_PER_FILE per file", () => {
  test(`${MAX_PER_FILE + 1} problems: ${MAX_PER_FILE} listed and one summary that counts the rest`, () => {
    const d = new Diagnostics();
    for (let i = 1; i <= MAX_PER_FILE + 1; i++) put(d, "error", "a.md", i, "broken-wikilink", `link ${i}`);
    put(d, "warning", "b.md", 1, "image-alt", "x");
    const list = d.forFile("a.md");
    assert.equal(list.length, MAX_PER_FILE + 1);
    const summary = list.find((x) => x.rule === TOO_MANY_PROBLEMS)!;
    assert.deepEqual([summary.severity, summary.line, summary.omitted], ["error", 0, { error: 1, warning: 0, info: 0 }]);
    assert.equal(summary.message, `nog 1 probleem in dit bestand niet in de lijst (1 broken-wikilink); per bestand staan er hooguit ${MAX_PER_FILE} in de lijst`);
    assert.equal(list.filter((x) => x.rule === "broken-wikilink").at(-1)!.line, MAX_PER_FILE, "the first ones are kept");
    assert.deepEqual(d.forFile("b.md").map((x) => x.rule), ["image-alt"], "other files are not affected");
  });

  test("counts include what is left out, so a strict build still fails on every error", () => {
    const d = new Diagnostics();
    for (let i = 0; i < 20_000; i++) put(d, "error", "a.md", i + 1, "broken-wikilink", `link ${i}`);
    for (let i = 0; i < 10; i++) put(d, "warning", "a.md", i + 1, "image-alt", `image ${i}`);
    assert.equal(d.count("error"), 20_000);
    assert.equal(d.count("warning"), 10);
    assert.equal(total(d), 20_010);
    assert.equal(d.all().length, MAX_PER_FILE + 1);
    assert.equal(formatSummary(d.all(), 1), "20000 fouten, 10 waarschuwingen in 1 pagina");
  });

  test("errors take the place of listed warnings; the summary has the severity of the worst left out", () => {
    const d = new Diagnostics();
    for (let i = 0; i < MAX_PER_FILE; i++) put(d, "warning", "a.md", 100 + i, "image-alt", `image ${i}`);
    for (let i = 0; i < 5; i++) put(d, "error", "a.md", 200 + i, "broken-wikilink", `link ${i}`);
    const list = d.forFile("a.md");
    assert.equal(list.filter((x) => x.severity === "error").length, 5, "every error is listed");
    const summary = list.find((x) => x.rule === TOO_MANY_PROBLEMS)!;
    assert.equal(summary.severity, "warning");
    assert.deepEqual(summary.omitted, { error: 0, warning: 5, info: 0 });
    // The warnings that made room are the last ones reported.
    assert.deepEqual(list.filter((x) => x.rule === "image-alt").map((x) => x.line).at(-1), 100 + MAX_PER_FILE - 6);
  });

  test("a problem reported again after it was left out is not counted twice", () => {
    const d = new Diagnostics();
    for (let i = 0; i < MAX_PER_FILE + 10; i++) put(d, "error", "a.md", i + 1, "r", "x");
    for (let i = 0; i < MAX_PER_FILE + 10; i++) put(d, "error", "a.md", i + 1, "r", "x");
    assert.equal(d.count("error"), MAX_PER_FILE + 10);
    assert.deepEqual(d.forFile("a.md").find((x) => x.rule === TOO_MANY_PROBLEMS)!.omitted, { error: 10, warning: 0, info: 0 });
  });

  test("clearFile() of a file over the cap removes its summary and its counts", () => {
    const d = new Diagnostics();
    for (let i = 0; i < 200; i++) put(d, "error", "a.md", i + 1, "r", "x");
    put(d, "warning", "b.md", 1, "r", "y");
    d.clearFile("a.md");
    assert.deepEqual([d.count("error"), d.count("warning"), d.all().length], [0, 1, 1]);
  });

  test("the cap can be set per collector", () => {
    const d = new Diagnostics({ maxPerFile: 3 });
    for (let i = 0; i < 10; i++) put(d, "info", "a.md", i + 1, "r", "x");
    assert.deepEqual(d.all().map((x) => x.rule), [TOO_MANY_PROBLEMS, "r", "r", "r"]);
    assert.equal(d.all()[0]!.severity, "info");
  });

  test("a note with 20,000 broken links prints about a hundred lines, not 40,000", () => {
    const diagnostics = new Diagnostics();
    const md = createMarkdown({ diagnostics, highlight: false });
    const body = Array.from({ length: 20_000 }, (_, i) => `Zie [[Ontbrekend ${i}]].`).join("\n");
    renderNote(md, noteFromSource(`---\ntitle: Veel\n---\n${body}\n`, "Veel.md"));
    const output = diagnostics.all().map(formatDiagnostic).join("\n").split("\n");
    assert.ok(output.length <= 2 * MAX_PER_FILE + 2, `${output.length} lines`);
    assert.equal(diagnostics.count("error"), 20_000);
    assert.match(output[0]!, /^Veel\.md error too-many-problems nog 19950 problemen in dit bestand niet in de lijst \(19950 broken-wikilink\)/);
    // The listed ones are the first links, each at its own line.
    assert.deepEqual(diagnostics.all().slice(1, 3).map((x) => x.line), [4, 5]);
  });
});
