/**
 * Integration: what a page's `<head>` says. The title and the meta description of a lesson
 * whose title and text contain `'`, `"`, `&` and `<` are escaped exactly once.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { buildSite, type BuildResult } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

/** Decodes the references an HTML attribute or `<title>` may hold, once. */
function decodeOnce(s: string): string {
  return s.replace(/&(#39|quot|amp|lt|gt);/g, (_, r: string) => ({ "#39": "'", quot: '"', amp: "&", lt: "<", gt: ">" })[r]!);
}

describe("the head of a page with quotes and ampersands", () => {
  let build: BuildResult;
  let html: string;
  before(() => {
    const vault = tempDir("cursus-head-");
    mkdirSync(path.join(vault, "1. Basis"));
    writeFileSync(
      path.join(vault, "1. Basis", "1. Uitleg Commando's.md"),
      `---\ntitle: '1. Commando''s, "vlaggen" & pipes'\n---\n\nDocker-commando's met "aanhalingstekens" & pijlen <b>vet</b>: a < b.\n\n\`\`\`sh\necho "niet in de beschrijving"\n\`\`\`\n`,
    );
    build = buildSite(vault);
    html = readFileSync(path.join(build.output, "1-basis", "1-uitleg-commandos", "index.html"), "utf8");
  });

  test("the build succeeds", () => assert.equal(build.status, 0, build.stderr));

  test("<title> is escaped once", () => {
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
    assert.doesNotMatch(title, /&amp;(#|amp|quot|lt|gt)/, title);
    assert.equal(decodeOnce(title), `Commando's, "vlaggen" & pipes · Docker-cursus`);
  });

  test("the meta description is the lesson's text, escaped once, nothing lost", () => {
    const description = /<meta name="description" content="([^"]*)">/.exec(html)?.[1] ?? "";
    assert.doesNotMatch(description, /&amp;(#|amp|quot|lt|gt)/, description);
    assert.equal(decodeOnce(description), `Docker-commando's met "aanhalingstekens" & pijlen vet: a < b.`);
  });
});
