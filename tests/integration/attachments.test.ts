/**
 * Integration: only attachments that published pages use are published. A PDF that only a
 * draft links is not in the output; one a published lesson links is.
 */
import assert from "node:assert/strict";
import { appendFileSync, cpSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { buildSite, projectRoot } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

describe("attachments", () => {
  test("a PDF used only by a draft is not published; one used by a lesson is", () => {
    const vault = tempDir("cursus-vault-");
    cpSync(path.join(projectRoot, "tests/fixtures/build-vault"), vault, { recursive: true });
    const media = path.join(vault, "8. Docker", "media");
    writeFileSync(path.join(media, "geheim-concept.pdf"), "%PDF-1.4 concept\n");
    writeFileSync(path.join(media, "handout.pdf"), "%PDF-1.4 handout\n");
    appendFileSync(path.join(vault, "8. Docker", "Concept.md"), "\nZie [[geheim-concept.pdf]] en ![[geheim-concept.pdf]].\n");
    appendFileSync(path.join(vault, "8. Docker", "4. Uitleg Docker Images.md"), "\nDownload de [[handout.pdf|handout]].\n");
    const r = buildSite(vault);
    assert.equal(r.status, 0, r.stderr);
    const out = path.join(r.output, "bestanden", "8. Docker", "media");
    assert.ok(existsSync(path.join(out, "handout.pdf")), "the lesson's PDF is published");
    assert.ok(!existsSync(path.join(out, "geheim-concept.pdf")), "the draft's PDF is not published");
  });
});
