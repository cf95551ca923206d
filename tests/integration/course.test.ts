/**
 * The real course: `content/` built in strict mode and checked page by page. Every lesson
 * has its page, every internal link and image resolves, every page is valid HTML, and no
 * Go template was eaten by a template engine.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { HtmlValidate } from "html-validate";
import { loadVault } from "../../src/vault/index.ts";
import { buildSite, htmlFiles, projectRoot, servedFile, type BuildResult } from "../helpers/build.ts";

const vault = loadVault({ root: path.join(projectRoot, "content"), assetsDir: path.join(projectRoot, "_assets") });


describe("the course in content/", () => {
  let build: BuildResult;
  before(() => {
    build = buildSite("content", { STRICT: "1" });
  });
  after(() => rmSync(build.output, { recursive: true, force: true }));

  test("builds in strict mode without errors", () => {
    assert.equal(build.status, 0, build.stdout + build.stderr);
    assert.match(build.stdout, /\[course\] 0 fouten/);
  });

  test("every published note has its page, with its title", () => {
    for (const note of vault.published) {
      const file = path.join(build.output, note.url, "index.html");
      assert.ok(existsSync(file), `no page for ${note.file} at ${note.url}`);
      assert.match(readFileSync(file, "utf8"), /<h1[^>]*>[^<]+<\/h1>/, `${note.url} has no h1`);
    }
  });

  test("every internal link, image and srcset entry resolves, and every anchor exists", () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = ids.get(file);
      if (!set) {
        set = new Set([...readFileSync(file, "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
        ids.set(file, set);
      }
      return set;
    };
    const problems: string[] = [];
    for (const file of htmlFiles(build.output)) {
      const html = readFileSync(file, "utf8");
      const where = path.relative(build.output, file);
      const urls = [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
      for (const m of html.matchAll(/\ssrcset="([^"]*)"/g)) for (const c of m[1]!.split(",")) urls.push(c.trim().split(" ")[0]!);
      for (const url of urls) {
        if (!servedFile(build.output, url)) problems.push(`${where}: ${url}`);
        const hash = url.split("#")[1];
        if (hash && servedFile(build.output, url)) {
          const target = path.join(build.output, decodeURIComponent(url.split("#")[0]!), url.split("#")[0]!.endsWith("/") ? "index.html" : "");
          if (!idsOf(target).has(decodeURIComponent(hash))) problems.push(`${where}: ${url} (no such id)`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test("Docker's Go templates come out verbatim", () => {
    const all = htmlFiles(build.output).map((f) => readFileSync(f, "utf8")).join("\n");
    assert.match(all, /\{\{ \.State\.Status \}\}/);
    assert.match(all, /\{\{ \.Names \}\}/);
  });

  test("every page is valid HTML", async () => {
    // The project's rules (.htmlvalidate.json): the recommended set minus pure style rules.
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(projectRoot, ".htmlvalidate.json"), "utf8")));
    const failures: string[] = [];
    for (const file of htmlFiles(build.output)) {
      const report = await validator.validateFile(file);
      for (const r of report.results) for (const m of r.messages) failures.push(`${path.relative(build.output, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    assert.deepEqual(failures.slice(0, 20), []);
  });
});
