/**
 * The text format of a diagnostic is one line (plus a hint line) that a reader, an editor's
 * problem matcher or a script can split into file, position, severity and rule. A file name
 * that could be misread is written as a JSON string; an ordinary name stays bare, spaces
 * included, so editors can jump to `file:line:col`.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatDiagnostic, quoteFileName, type Diagnostic } from "../../src/diagnostics/index.ts";

const base: Diagnostic = { severity: "warning", file: "content/les.md", line: 3, column: 2, rule: "todo-marker", message: "nog te doen", hint: "Maak het af." };

/** Splits a formatted first line back into its parts, the way a strict problem matcher would. */
function parse(line: string): { file: string; line: number; rest: string } | undefined {
  // A bare name holds no colon, double quote, backslash or control character; it ends at the
  // first `:line`, or, without a position, at the first space.
  const m = /^("(?:[^"\\]|\\.)*"|[^":\\\x00-\x1f]+?(?=:\d)|[^\s":\\]+)(?::(\d+)(?::\d+)?)? (error|warning|info) ([a-z-]+) (.*)$/.exec(line);
  if (!m) return undefined;
  return { file: m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!, line: Number(m[2] ?? 0), rest: `${m[3]} ${m[4]} ${m[5]}` };
}

describe("formatDiagnostic: file names", () => {
  test("an ordinary name stays bare: file:line:col severity rule message, then the hint", () => {
    assert.equal(formatDiagnostic(base), "content/les.md:3:2 warning todo-marker nog te doen\n    Maak het af.");
    assert.equal(quoteFileName("content/8-docker/les_1.md"), "content/8-docker/les_1.md");
    assert.equal(quoteFileName("content/Ëën.md"), "content/Ëën.md");
  });

  test("a name with spaces and apostrophes stays bare before its line number, and parses back", () => {
    for (const file of ["content/8. Docker/1. Uitleg Docker.md", "content/Commando's.md", "a.md 3 error b.md"]) {
      const first = formatDiagnostic({ ...base, file, hint: undefined });
      assert.equal(first, `${file}:3:2 warning todo-marker nog te doen`);
      assert.deepEqual(parse(first), { file, line: 3, rest: "warning todo-marker nog te doen" });
    }
  });

  test("a problem of a whole file quotes a name with spaces, so it cannot pass for the severity and rule", () => {
    const first = formatDiagnostic({ ...base, file: "a.svg warning fake-rule b.svg", line: 0, column: 0, hint: undefined });
    assert.equal(first, '"a.svg warning fake-rule b.svg" warning todo-marker nog te doen');
    assert.deepEqual(parse(first), { file: "a.svg warning fake-rule b.svg", line: 0, rest: "warning todo-marker nog te doen" });
  });

  const hostile: Array<[string, string]> = [
    ["a name that looks like a diagnostic", "a:99:1 error fake-rule.md"],
    ["a no-break space", "content/8.\u00a0Docker.md"],
    ["a newline with a fake second diagnostic", "x.md\nb.md:1:1 error fake"],
    ["a carriage return", "x\r.md"],
    ["a tab", "x\t.md"],
    ["an escape sequence that would colour the terminal", "\u001b[31mrood.md"],
    ["a right-to-left override", "les\u202Edm.exe"],
    ["a double quote", 'zeg "hoi".md'],
    ["a backslash", "map\\les.md"],
    ["a line separator", "a\u2028b.md"],
  ];
  for (const [what, file] of hostile) {
    test(`${what}: quoted as a JSON string, one line, and parsed back to the same name`, () => {
      const text = formatDiagnostic({ ...base, file, line: 7, column: 0 });
      const [first, hint, ...more] = text.split("\n");
      assert.deepEqual(more, [], "one line plus the hint");
      assert.equal(hint, "    Maak het af.");
      assert.ok(first!.startsWith('"'), first);
      assert.deepEqual(parse(first!), { file, line: 7, rest: "warning todo-marker nog te doen" });
    });
  }

  test("a quoted name without a line number still parses (a problem of the whole file)", () => {
    const first = formatDiagnostic({ ...base, file: "a:99:1 error fake-rule.md", line: 0, column: 0, hint: undefined });
    assert.equal(first, '"a:99:1 error fake-rule.md" warning todo-marker nog te doen');
    assert.deepEqual(parse(first), { file: "a:99:1 error fake-rule.md", line: 0, rest: "warning todo-marker nog te doen" });
  });

  test("control characters in the message and hint are escaped, so they cannot start a new line", () => {
    const text = formatDiagnostic({ ...base, message: "link [[a\nb.md:1:1 error x]]", hint: "tip\u001b[2J" });
    assert.equal(text, "content/les.md:3:2 warning todo-marker link [[a\\nb.md:1:1 error x]]\n    tip\\u001b[2J");
  });
});
