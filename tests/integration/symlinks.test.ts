/**
 * Symbolic links in the content folder (src/vault/scan.ts `walk`), with real links made by the
 * test: a link out of the folder is not followed and is reported naming where it points; a
 * dangling link and links that loop are reported and never crash the scan, the check or the build.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { compile } from "../../src/compile/index.ts";
import { loadVault } from "../../src/vault/index.ts";
import { buildSite, htmlFiles } from "../helpers/build.ts";
import { tempDir } from "../helpers/tmp.ts";

describe("symbolic links in the vault", () => {
  let dir: string;
  let outside: string;
  before(() => {
    outside = realpathSync(tempDir("outside-"));
    writeFileSync(path.join(outside, "geheim.md"), "GEHEIME TEKST\n");
    writeFileSync(path.join(outside, "passwd"), "root:x:0:0\n");
    dir = realpathSync(tempDir("symlink-vault-"));
    mkdirSync(path.join(dir, "Module"));
    mkdirSync(path.join(dir, "Elders"));
    writeFileSync(path.join(dir, "Module", "Les.md"), "---\ntitle: Les\n---\nEen les.\n");
    writeFileSync(path.join(dir, "Elders", "Gedeeld.md"), "---\ntitle: Gedeeld\n---\nGedeelde tekst.\n");
    symlinkSync(path.join(outside, "passwd"), path.join(dir, "Module", "passwd"));
    symlinkSync(outside, path.join(dir, "Buiten"));
    symlinkSync(path.join(dir, "bestaat-niet.md"), path.join(dir, "Module", "Weg.md"));
    symlinkSync("..", path.join(dir, "Module", "Terug"));
    symlinkSync("Rond", path.join(dir, "Rond"));
    symlinkSync(path.join(dir, "Elders", "Gedeeld.md"), path.join(dir, "Module", "Gedeeld link.md"));
  });

  test("links that stay inside the vault are followed; the others are skipped and listed", () => {
    const v = loadVault({ root: dir });
    assert.deepEqual(v.notes.map((n) => n.rel).sort(), ["Elders/Gedeeld.md", "Module/Gedeeld link.md", "Module/Les.md"]);
    assert.deepEqual(v.attachments.map((a) => a.rel), []);
    assert.deepEqual(
      v.skippedLinks.map((l) => [path.relative(dir, l.abs), l.problem]).sort(),
      [
        ["Buiten", "outside"],
        ["Module/Terug", "loop"],
        ["Module/Weg.md", "dangling"],
        ["Module/passwd", "outside"],
        ["Rond", "loop"],
      ],
    );
  });

  test("compile reports each skipped link naming it and where it points", () => {
    const { diagnostics } = compile({ contentDir: dir, gitDates: false });
    const byRule = diagnostics
      .all()
      .filter((d) => d.rule.startsWith("symlink-"))
      .map((d) => [d.rule, path.basename(d.file), d.message]);
    assert.deepEqual(
      byRule.sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
      [
        ["symlink-outside", "Buiten", `symbolische link wijst buiten de inhoudsmap, naar ${outside}; niet gepubliceerd`],
        ["symlink-loop", "Rond", "symbolische link leidt terug naar een map die al wordt gelezen (Rond); niet gevolgd"],
        ["symlink-loop", "Terug", `symbolische link leidt terug naar een map die al wordt gelezen (${dir}); niet gevolgd`],
        ["symlink-broken", "Weg.md", `symbolische link wijst naar ${path.join(dir, "bestaat-niet.md")}, en dat bestaat niet; overgeslagen`],
        ["symlink-outside", "passwd", `symbolische link wijst buiten de inhoudsmap, naar ${path.join(outside, "passwd")}; niet gepubliceerd`],
      ],
    );
  });

  test("the build succeeds and publishes nothing from outside the vault", () => {
    const build = buildSite(dir);
    assert.equal(build.status, 0, build.stderr + build.stdout);
    const all: string[] = [];
    const walkOut = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walkOut(path.join(d, e.name));
        else all.push(path.join(d, e.name));
      }
    };
    walkOut(build.output);
    assert.ok(!all.some((f) => path.basename(f) === "passwd"), "no file named passwd is published");
    for (const file of htmlFiles(build.output)) {
      assert.doesNotMatch(readFileSync(file, "utf8"), /GEHEIME TEKST|root:x:0:0/, file);
    }
  });
});
