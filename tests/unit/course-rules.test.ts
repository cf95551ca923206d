/**
 * Course rules on other vaults: a documentation vault (no note uses `taxonomie:`) is read like
 * Obsidian reads it, the title being the file name, so the rules about titles, front-matter
 * keys, taxonomy and the "Volgende stap" chain stay quiet there; rules about broken things
 * (links, anchors, images, YAML) report in every vault. The same vault with one `taxonomie:`
 * is a course and gets every rule.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { Compiler, compile } from "../../src/compile/index.ts";
import { Diagnostics } from "../../src/diagnostics/index.ts";
import { isCourseVault, runContentRules } from "../../src/rules/index.ts";
import { loadVault } from "../../src/vault/index.ts";
import { tempDir } from "../helpers/tmp.ts";

const docs: Record<string, string> = {
  "Handleiding/Installatie.md": "---\nauteur: Piet\n---\nZie [[Configuratie]] en [[Bestaat niet]].\n\n![plaatje](weg.png)\n\nVolgende stap: [[Configuratie]]\n",
  "Handleiding/Configuratie.md": "Terug naar [[Installatie#Geen kop]].\n\nVolgende stap: [[Installatie]]\n",
  "Handleiding/4. Uitleg Iets.md": "---\ntitle: Anders\n---\nTekst.\n",
  "Kapot.md": "---\ntitle: [open\n---\nTekst.\n",
};

function dirOf(files: Record<string, string>): string {
  const dir = tempDir("course-rules-");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const rules = (dir: string) => [...new Set(compile({ contentDir: dir, gitDates: false }).diagnostics.all().map((d) => d.rule))].sort();

const ALWAYS = ["broken-anchor", "broken-wikilink", "frontmatter-yaml", "missing-image"];
const COURSE = ["frontmatter-unknown-key", "next-step-cycle", "taxonomy-missing", "title-mismatch", "title-missing"];

describe("course rules on a vault that is no course", () => {
  test("isCourseVault: only when some note uses taxonomie", () => {
    assert.equal(isCourseVault(loadVault({ root: dirOf(docs) }).notes), false);
    assert.equal(isCourseVault(loadVault({ root: dirOf({ ...docs, "Les.md": "---\ntaxonomie: []\n---\nx\n" }) }).notes), true);
  });

  test("a documentation vault gets only the rules about broken things", () => {
    const got = rules(dirOf(docs));
    for (const rule of ALWAYS) assert.ok(got.includes(rule), `${rule} is reported`);
    for (const rule of COURSE) assert.ok(!got.includes(rule), `${rule} is not reported`);
  });

  test("the same vault with one taxonomie is a course and gets the course rules too", () => {
    const got = rules(dirOf({ ...docs, "Les.md": "---\ntitle: Les\ntaxonomie: ['ib-19.2.Docker.OI']\n---\nx\n" }));
    for (const rule of [...ALWAYS, ...COURSE]) assert.ok(got.includes(rule), `${rule} is reported`);
  });

  test("runContentRules makes the same choice", () => {
    const d = new Diagnostics();
    runContentRules(loadVault({ root: dirOf(docs) }), d);
    assert.ok(!d.all().some((x) => COURSE.includes(x.rule)), d.all().map((x) => x.rule).join(", "));
  });

  test("serve mode: when the first taxonomie appears, the course rules run on every note", () => {
    const dir = dirOf(docs);
    const compiler = new Compiler({ contentDir: dir, gitDates: false });
    assert.ok(!compiler.compile().diagnostics.all().some((d) => d.rule === "title-missing"));
    writeFileSync(path.join(dir, "Les.md"), "---\ntitle: Les\ntaxonomie: ['ib-19.2.Docker.OI']\n---\nx\n");
    const files = compiler.compile().diagnostics.all().filter((d) => d.rule === "title-missing").map((d) => path.basename(d.file)).sort();
    assert.deepEqual(files, ["Configuratie.md", "Installatie.md"]);
  });
});
