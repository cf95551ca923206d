/**
 * The real course in `content/`, checked like `npm run check` does, and the teacher guide that
 * documents the check. A failure here is a problem in the lessons: fix the content, not the test.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { compile } from "../../src/compile/index.ts";
import { checkContent } from "../../src/check/index.ts";
import { CONTENT_RULES } from "../../src/rules/index.ts";
import { formatDiagnostic } from "../../src/diagnostics/index.ts";

const CONTENT = "content";
const ASSETS = "_assets";
const GUIDE = path.join(CONTENT, "Handleiding voor docenten.md");

describe("the real course content", () => {
  test("npm run check --strict passes on content/: no errors and no warnings", () => {
    const result = checkContent({ contentDir: CONTENT, assetsDir: ASSETS });
    const errors = result.diagnostics.filter((d) => d.severity !== "info");
    assert.deepEqual(errors.map(formatDiagnostic), []);
    assert.ok(result.summary.pages > 0);
  });
});

describe("Handleiding voor docenten", () => {
  test("documents every rule of the content check in its rules table", () => {
    const guide = readFileSync(GUIDE, "utf8");
    const missing = CONTENT_RULES.filter((r) => !guide.includes(`| \`${r.id}\` |`)).map((r) => r.id);
    assert.deepEqual(missing, []);
  });

  test("shows its syntax examples literally: no link, callout or quiz is rendered", () => {
    const { course, diagnostics } = compile({ contentDir: CONTENT, assetsDir: ASSETS, gitDates: false });
    const page = course.pages.find((p) => p.rel === "Handleiding voor docenten.md");
    assert.ok(page, "the guide is published");
    assert.doesNotMatch(page.html, /class="wikilink|class="callout|data-quiz|class="section|data-tabs|class="tab-panel/);
    assert.match(page.html, /\[\[4\. Uitleg Docker Images\]\]/);
    assert.match(page.html, /&gt; \[!quiz\] Wat doet/);
    assert.deepEqual(diagnostics.forFile(GUIDE).map(formatDiagnostic), []);
  });
});
