/**
 * The diagnostics' texts: one Dutch table (src/diagnostics/messages.ts) that every rule is
 * reported from, so the terminal, the banner of `npm start` and the JSON of `npm run check`
 * say the same Dutch words, and the teachers' guide explains every rule id.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { sourceFiles } from "../helpers/files.ts";
import { Diagnostics } from "../../src/diagnostics/index.ts";
import { MESSAGES, say, type RuleId } from "../../src/diagnostics/messages.ts";
import { CONTENT_RULES } from "../../src/rules/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const guide = readFileSync(path.join(root, "content/Handleiding voor docenten.md"), "utf8");

/** Values for any text: every field reads as "X", also as a list (`join`) or a count. */
function anyValues(): never {
  const value = Object.assign(new String("X"), { join: () => "X" });
  return new Proxy({}, { get: (_t, key) => (key === "cause" || key === "problem" ? undefined : value) }) as never;
}

/** Words that give an English text away; Dutch shares none of them. */
const ENGLISH = /\b(the|and|not|has|does|cannot|with|instead|should|must|found|page|file|line|into|rename)\b/i;


describe("diagnostic messages", () => {
  const rules = Object.keys(MESSAGES) as RuleId[];

  test("every message and hint is Dutch", () => {
    const english = rules.flatMap((rule) => {
      const { message, hint } = say(rule, anyValues());
      // Code (`...`) and the labels of an English program ('Save with Encoding') are quoted as they are.
      const prose = (text: string) => text.replace(/`[^`]*`|'[^']*'/g, "");
      return [message, hint ?? ""].filter((text) => ENGLISH.test(prose(text))).map((text) => `${rule}: ${text}`);
    });
    assert.deepEqual(english, []);
  });

  test("the English check catches an English text", () => {
    assert.match("front matter has no title; the page is shown as X", ENGLISH);
    assert.doesNotMatch(say("title-missing", { name: "Les" }).message, ENGLISH);
  });

  test("report() fills in the table's message and hint", () => {
    const d = new Diagnostics();
    d.report("warning", "title-missing", { file: "Les.md", line: 1 }, { name: "Les" });
    assert.deepEqual(d.all(), [
      {
        severity: "warning",
        file: "Les.md",
        line: 1,
        column: 0,
        rule: "title-missing",
        message: 'de front matter heeft geen title; de pagina heet nu "Les"',
        hint: "Zet `title: Les` in de front matter.",
      },
    ]);
  });

  test("every content rule has its texts in the table", () => {
    assert.deepEqual(CONTENT_RULES.map((r) => r.id).filter((id) => !(id in MESSAGES)), []);
  });

  test("the teachers' guide explains every rule id in the table", () => {
    assert.deepEqual(rules.filter((id) => !guide.includes(`\`${id}\``)), []);
  });

  test("no diagnostic is made outside the table: src/ builds none from its own words", () => {
    // Diagnostics come from report(); add() is only for passing on a diagnostic made elsewhere.
    const own = sourceFiles(path.join(root, "src"))
      .filter((f) => !f.includes(`${path.sep}client${path.sep}`) && !f.includes(`${path.sep}diagnostics${path.sep}`))
      .flatMap((f) => {
        const lines = readFileSync(f, "utf8").split("\n");
        return lines.flatMap((line, i) => (/diagnostics\??\.add\(\{[^}]*message:\s*[`"]/.test(line) ? [`${path.relative(root, f)}:${i + 1}`] : []));
      });
    assert.deepEqual(own, []);
  });
});
