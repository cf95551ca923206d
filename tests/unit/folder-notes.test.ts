/**
 * Folder notes and URLs the site reserves (src/vault/urls.ts, src/course/nav.ts): a note next
 * to a folder of the same name is that folder's module page, not a lesson; a note or folder
 * whose URL is a generated page's is moved aside and reported.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { compile } from "../../src/compile/index.ts";
import { readingOrder } from "../../src/course/index.ts";
import { loadVault } from "../../src/vault/index.ts";
import { tempDir } from "../helpers/tmp.ts";

function dirOf(files: Record<string, string>): string {
  const dir = tempDir("folder-notes-");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe("folder notes", () => {
  const dir = dirOf({
    "Docker.md": "Over de module.\n",
    "Docker/1. Een.md": "Zie [[Docker]].\n",
    "Docker/2. Twee.md": "Twee.\n",
    "Leeg.md": "Een map met alleen een concept.\n",
    "Leeg/Concept.md": "---\ndraft: true\n---\nx\n",
  });

  test("the note takes its folder's module URL and is marked as folder note", () => {
    const v = loadVault({ root: dir });
    const note = v.notes.find((n) => n.rel === "Docker.md")!;
    assert.equal(note.folderNote, true);
    assert.equal(note.url, "/docker/");
    assert.deepEqual(v.urlConflicts, []);
  });

  test("a folder without published notes has no module page: its note stays a lesson", () => {
    const v = loadVault({ root: dir });
    const note = v.notes.find((n) => n.rel === "Leeg.md")!;
    assert.equal(note.folderNote, undefined);
    assert.equal(note.url, "/leeg/");
  });

  test("the module carries the note's text and the note is no lesson", () => {
    const { course } = compile({ contentDir: dir, gitDates: false });
    const mod = course.allModules.find((m) => m.url === "/docker/")!;
    assert.equal(mod.noteRel, "Docker.md");
    assert.match(mod.html ?? "", /Over de module\./);
    assert.deepEqual(mod.lessons.map((l) => l.url), ["/docker/1-een/", "/docker/2-twee/"]);
    assert.ok(!readingOrder(course.modules).some((l) => l.url === "/docker/"));
    assert.ok(!course.pages.some((p) => p.url === "/docker/"));
    assert.deepEqual(course.pages.find((p) => p.url === "/docker/1-een/")!.prev, undefined);
  });

  test("a second folder note of the same folder is a lesson at a numbered URL, not lost", () => {
    const d = dirOf({ "Docker.md": "Eerste.\n", "docker.md": "Tweede.\n", "Docker/Les.md": "x\n" });
    const { vault, course } = compile({ contentDir: d, gitDates: false });
    const second = vault.notes.find((n) => n.rel === "docker.md")!;
    assert.equal(second.folderNote, undefined);
    assert.equal(second.url, "/docker-2/");
    assert.ok(course.pages.some((p) => p.url === "/docker-2/"));
    assert.equal(course.allModules.find((m) => m.url === "/docker/")!.noteRel, "Docker.md");
  });
});

describe("folder notes inside their folder (Docker/Docker.md)", () => {
  test("the note named like its folder, next to other published notes, is the module page", () => {
    const dir = dirOf({ "Docker/Docker.md": "Over de module, van binnenuit.\n", "Docker/1. Een.md": "Zie [[Docker]].\n", "Docker/2. Twee.md": "Twee.\n" });
    const { vault, course, diagnostics } = compile({ contentDir: dir, gitDates: false });
    const note = vault.notes.find((n) => n.rel === "Docker/Docker.md")!;
    assert.deepEqual([note.folderNote, note.folderNoteOf, note.url], [true, ["Docker"], "/docker/"]);
    const mod = course.allModules.find((m) => m.url === "/docker/")!;
    assert.equal(mod.noteRel, "Docker/Docker.md");
    assert.match(mod.html ?? "", /Over de module, van binnenuit\./);
    assert.deepEqual(mod.lessons.map((l) => l.url), ["/docker/1-een/", "/docker/2-twee/"]);
    assert.ok(!course.pages.some((p) => p.url === "/docker/" || p.url === "/docker/docker/"));
    assert.deepEqual(diagnostics.all().filter((d) => d.severity !== "info").map((d) => d.rule), []);
  });

  test("in a subfolder too, the name matched without regard to case", () => {
    const dir = dirOf({ "8. Docker/Basis/basis.md": "Basistekst.\n", "8. Docker/Basis/1. Les.md": "x\n" });
    const { vault, course } = compile({ contentDir: dir, gitDates: false });
    assert.equal(vault.notes.find((n) => n.rel === "8. Docker/Basis/basis.md")!.url, "/8-docker/basis/");
    assert.equal(course.allModules.find((m) => m.url === "/8-docker/basis/")!.noteRel, "8. Docker/Basis/basis.md");
  });

  test("alone in its folder it stays a lesson of that folder's module", () => {
    const dir = dirOf({ "Los/Los.md": "Alleen.\n", "Los/Concept.md": "---\ndraft: true\n---\nx\n" });
    const { vault, course } = compile({ contentDir: dir, gitDates: false });
    const note = vault.notes.find((n) => n.rel === "Los/Los.md")!;
    assert.deepEqual([note.folderNote, note.url], [undefined, "/los/los/"]);
    assert.deepEqual(course.allModules.find((m) => m.url === "/los/")!.lessons.map((l) => l.url), ["/los/los/"]);
  });

  test("both layouts for one folder: the note next to the folder is used, the one inside stays a lesson, with a warning", () => {
    const dir = dirOf({ "Docker.md": "Ernaast.\n", "Docker/Docker.md": "Erin.\n", "Docker/1. Een.md": "x\n" });
    const { vault, course, diagnostics } = compile({ contentDir: dir, gitDates: false });
    assert.deepEqual(vault.folderNotesTwice.map((t) => [t.used.rel, t.ignored.rel]), [["Docker.md", "Docker/Docker.md"]]);
    const mod = course.allModules.find((m) => m.url === "/docker/")!;
    assert.equal(mod.noteRel, "Docker.md");
    assert.match(mod.html ?? "", /Ernaast\./);
    assert.deepEqual(mod.lessons.map((l) => l.url), ["/docker/1-een/", "/docker/docker/"]);
    const warnings = diagnostics.all().filter((d) => d.severity !== "info");
    assert.deepEqual(warnings.map((d) => [d.file.replace(/^.*?folder-notes-[^/]+\//, ""), d.line, d.rule]), [["Docker/Docker.md", 1, "folder-note-twice"]]);
    assert.match(warnings[0]!.message, /^map Docker\/ heeft twee mapnotities: .*Docker\.md ernaast en deze erin/);
  });
});

describe("URLs of generated pages", () => {
  test("root notes named like generated pages, notes below tags/ and Pagefind/ are moved aside", () => {
    const dir = dirOf({
      "Zoeken.md": "x\n",
      "Taxonomie.md": "x\n",
      "Algemeen.md": "x\n",
      "tags/a.md": "x\n",
      "Pagefind/b.md": "x\n",
    });
    const v = loadVault({ root: dir });
    assert.deepEqual(
      v.reservedUrls.map((r) => [r.note.rel, r.wanted, r.note.url]).sort(),
      [
        ["Algemeen.md", "/algemeen/", "/algemeen-2/"],
        ["Pagefind/b.md", "/pagefind/b/", "/pagefind-2/b/"],
        ["Taxonomie.md", "/taxonomie/", "/taxonomie-2/"],
        ["Zoeken.md", "/zoeken/", "/zoeken-2/"],
        ["tags/a.md", "/tags/a/", "/tags-2/a/"],
      ],
    );
    assert.equal(v.folderUrls.get("tags"), "/tags-2/");
    const { diagnostics } = compile({ contentDir: dir, gitDates: false });
    const reported = diagnostics.all().filter((d) => d.rule === "url-reserved");
    assert.equal(reported.length, 5);
    assert.match(reported.find((d) => d.file.endsWith("Zoeken.md"))!.message, /^de pagina krijgt URL \/zoeken\/, waar de site de zoekpagina publiceert; hij staat nu op \/zoeken-2\/$/);
  });

  test("a note whose URL is a module page's is moved aside, the module keeps its URL", () => {
    const dir = dirOf({ "Docker-X.md": "x\n", "Docker X/Les.md": "y\n" });
    const v = loadVault({ root: dir });
    assert.equal(v.folderUrls.get("docker x"), "/docker-x/");
    assert.deepEqual(v.reservedUrls.map((r) => [r.note.rel, r.note.url, r.by]), [["Docker-X.md", "/docker-x-2/", "de modulepagina van map Docker X/"]]);
  });
});
