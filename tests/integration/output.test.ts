/**
 * Integration: the output folder is exactly the current site. A production build empties
 * the folder it marked before, refuses a folder someone else filled (and deletes nothing),
 * and refuses an output folder inside the content folder.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { readSettings, servingFromArgv } from "../../src/settings.ts";
import { spawnSync } from "node:child_process";
import { buildSite, projectRoot } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

const fixture = path.join(projectRoot, "tests/fixtures/build-vault");

function copyVault(): string {
  const dir = tempDir("cursus-vault-");
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

describe("the output folder", () => {
  test("a deleted lesson's page and search entry are gone after the next build", () => {
    const vault = copyVault();
    const first = buildSite(vault);
    assert.equal(first.status, 0, first.stderr);
    const page = path.join(first.output, "8-docker", "6-uitleg-docker-containers", "index.html");
    assert.ok(existsSync(page), "the lesson is built the first time");
    assert.ok(existsSync(path.join(first.output, ".docker-cursus-build")), "the build marks its folder");
    // Pagefind writes one fragment file per indexed page.
    const fragments = path.join(first.output, "pagefind", "fragment");
    const before = readdirSync(fragments).length;
    rmSync(path.join(vault, "8. Docker", "6. Uitleg Docker Containers.md"));
    const second = buildSite(vault, {}, first.output);
    assert.equal(second.status, 0, second.stderr);
    assert.ok(!existsSync(page), "the deleted lesson's page is gone");
    assert.ok(!existsSync(path.join(first.output, "8-docker", "6-uitleg-docker-containers")), "its folder is gone too");
    assert.ok(existsSync(path.join(first.output, "8-docker", "4-uitleg-docker-images", "index.html")), "the other lessons are still there");
    assert.equal(readdirSync(fragments).length, before - 1, "the search index has one page less, no fragment is left over");
  });

  test("a folder that another tool filled is refused and left untouched", () => {
    const output = tempDir("cursus-foreign-");
    writeFileSync(path.join(output, "notities.txt"), "van iemand anders");
    mkdirSync(path.join(output, "oud"));
    writeFileSync(path.join(output, "oud", "index.html"), "<p>oud</p>");
    const r = buildSite("tests/fixtures/build-vault", {}, output);
    assert.notEqual(r.status, 0, "the build fails");
    assert.match(r.stderr, /niet door deze build gemaakt/);
    assert.ok(r.stderr.includes(output), "the message names the folder");
    assert.match(r.stderr, /COURSE_OUTPUT/, "the message names the fix");
    assert.deepEqual(readdirSync(output).sort(), ["notities.txt", "oud"], "nothing was added or deleted");
    assert.equal(readFileSync(path.join(output, "notities.txt"), "utf8"), "van iemand anders");
  });

  test("an output folder inside the content folder is refused", () => {
    const vault = copyVault();
    const output = path.join(vault, "_site");
    const r = buildSite(vault, {}, output);
    assert.notEqual(r.status, 0, "the build fails");
    assert.match(r.stderr, /ligt in de inhoudsmap/);
    assert.ok(!existsSync(output), "nothing was written");
  });

  test("a content folder inside the output folder is refused", () => {
    const output = tempDir("cursus-out-");
    const vault = path.join(output, "inhoud");
    cpSync(fixture, vault, { recursive: true });
    writeFileSync(path.join(output, ".docker-cursus-build"), "");
    const r = buildSite(vault, {}, output);
    assert.notEqual(r.status, 0, "the build fails");
    assert.match(r.stderr, /ligt in de uitvoermap/);
    assert.ok(existsSync(path.join(vault, "Docker Ecosysteem.md")), "the content is untouched");
  });

  test("npm start writes to _site-dev/, a build to _site/; COURSE_OUTPUT wins in both", () => {
    assert.equal(readSettings({}, "/project", false).outputDir, path.resolve("/project/_site"));
    assert.equal(readSettings({}, "/project", true).outputDir, path.resolve("/project/_site-dev"));
    assert.equal(readSettings({ COURSE_OUTPUT: "uit" }, "/project", true).outputDir, path.resolve("/project/uit"));
    assert.ok(servingFromArgv(["node", "cmd.cjs", "--config=eleventy.config.ts", "--serve"]));
    assert.ok(servingFromArgv(["node", "cmd.cjs", "--watch"]));
    assert.ok(!servingFromArgv(["node", "cmd.cjs", "--config=eleventy.config.ts", "--quiet"]));
  });

  test("a dry run (--dryrun) empties nothing", () => {
    const first = buildSite("tests/fixtures/build-vault");
    assert.equal(first.status, 0, first.stderr);
    const page = path.join(first.output, "8-docker", "4-uitleg-docker-images", "index.html");
    assert.ok(existsSync(page));
    const r = spawnSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet", "--dryrun"], {
      cwd: projectRoot,
      env: { ...process.env, COURSE_CONTENT: "tests/fixtures/build-vault", COURSE_OUTPUT: first.output, STRICT: "", PATH_PREFIX: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(page), "the page of the earlier build is still there");
  });
});
