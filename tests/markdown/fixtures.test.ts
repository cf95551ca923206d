/**
 * Fixture tests: every `tests/fixtures/markdown/<plugin>/<case>.md` is rendered with the
 * real parser (createMarkdown) against the fixture vault and must give exactly
 * `<case>.html`; the diagnostics must equal `<case>.diagnostics` (none when absent).
 * A case is rendered as the vault note `Fixture/<case>.md`, so `[[#Kop]]` works.
 * UPDATE_FIXTURES=1 rewrites the expected files (review the diff before committing).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { Diagnostics, formatDiagnostic } from "../../src/diagnostics/index.ts";
import { createMarkdown, renderNote } from "../../src/markdown/index.ts";
import { loadVault, noteFromSource } from "../../src/vault/index.ts";

const here = path.dirname(new URL(import.meta.url).pathname);
const fixtures = path.join(here, "../fixtures");
const cases = path.join(fixtures, "markdown");
const vault = loadVault({ root: path.join(fixtures, "vault"), assetsDir: path.join(fixtures, "assets"), cwd: fixtures });
const update = process.env.UPDATE_FIXTURES === "1";

for (const plugin of readdirSync(cases).sort()) {
  describe(`markdown fixtures: ${plugin}`, () => {
    for (const file of readdirSync(path.join(cases, plugin)).filter((f) => f.endsWith(".md")).sort()) {
      const base = path.join(cases, plugin, file.replace(/\.md$/, ""));
      test(file.replace(/\.md$/, ""), () => {
        const diagnostics = new Diagnostics();
        const md = createMarkdown({ vault, diagnostics });
        const note = noteFromSource(readFileSync(`${base}.md`, "utf8"), `Fixture/${file}`, `${plugin}/${file}`);
        const html = renderNote(md, note).html;
        const diag = diagnostics.all().map(formatDiagnostic).join("\n");
        if (update) {
          writeFileSync(`${base}.html`, html);
          if (diag) writeFileSync(`${base}.diagnostics`, diag + "\n");
        }
        assert.equal(html, readFileSync(`${base}.html`, "utf8"));
        const expected = existsSync(`${base}.diagnostics`) ? readFileSync(`${base}.diagnostics`, "utf8").trimEnd() : "";
        assert.equal(diag, expected);
      });
    }
  });
}
