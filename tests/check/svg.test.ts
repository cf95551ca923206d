/**
 * `npm run check` reports `unsafe-svg` for the SVG files the build would publish (the ones a
 * published page uses, and everything in _assets/), at the line of what the build cuts out,
 * like the build does; an SVG nobody publishes and COURSE_ALLOW_HTML_SCRIPTS=1 give nothing.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { checkContent } from "../../src/check/index.ts";
import { tempDir } from "../helpers/tmp.ts";

const unsafe = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n<rect width="10" height="10"/>\n<script>alert(1)</script>\n</svg>\n';

describe("npm run check and SVG files", () => {
  const root = tempDir("check-svg-");
  const vault = path.join(root, "vault");
  const assets = path.join(root, "_assets");
  mkdirSync(vault);
  mkdirSync(assets);
  writeFileSync(path.join(vault, "Les.md"), "---\ntitle: Les\n---\n\n![[schema.svg|Een schema]]\n");
  writeFileSync(path.join(vault, "schema.svg"), unsafe);
  writeFileSync(path.join(vault, "ongebruikt.svg"), unsafe);
  writeFileSync(path.join(assets, "logo.svg"), unsafe);
  const found = (allowHtmlScripts: boolean) =>
    checkContent({ contentDir: vault, assetsDir: assets, allowHtmlScripts })
      .diagnostics.filter((d) => d.rule === "unsafe-svg")
      .map((d) => `${path.basename(d.file)}:${d.line}`);

  test("the SVG a lesson embeds and the one in _assets/ are reported at the script's line; the unused one is not published, so not reported", () => {
    assert.deepEqual(found(false), ["logo.svg:3", "schema.svg:3"]);
  });

  test("with COURSE_ALLOW_HTML_SCRIPTS=1 nothing is reported, as the build then publishes them as they are", () => {
    assert.deepEqual(found(true), []);
  });
});
