/**
 * The content check follows the setting COURSE_ALLOW_HTML_SCRIPTS like the build: by default
 * raw HTML that could run code is an unsafe-html warning; with the setting it is not.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { checkContent } from "../../src/check/index.ts";
import { readSettings } from "../../src/settings.ts";
import { tempDir } from "../helpers/tmp.ts";

describe("npm run check and COURSE_ALLOW_HTML_SCRIPTS", () => {
  const vault = tempDir("check-html-");
  writeFileSync(path.join(vault, "Demo.md"), "---\ntitle: Demo\n---\n\n<button onclick=\"alert(1)\">Klik</button>\n");
  const rules = (allowHtmlScripts: boolean) => checkContent({ contentDir: vault, allowHtmlScripts }).diagnostics.map((d) => `${d.line} ${d.rule}`);

  test("reads the setting from the environment", () => {
    assert.equal(readSettings({}).allowHtmlScripts, false);
    assert.equal(readSettings({ COURSE_ALLOW_HTML_SCRIPTS: "1" }).allowHtmlScripts, true);
    assert.equal(readSettings({ COURSE_ALLOW_HTML_SCRIPTS: "0" }).allowHtmlScripts, false);
  });

  test("without it the handler is reported; with it nothing is", () => {
    assert.deepEqual(rules(false), ["5 unsafe-html"]);
    assert.deepEqual(rules(true), []);
  });
});
