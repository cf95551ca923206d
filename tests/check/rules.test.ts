/**
 * The content rules of `src/rules/index.ts` on a vault of deliberately broken lessons
 * (tests/fixtures/check-vault: one small file per rule, plus a clean lesson). Each test
 * names the exact rule, file, line (and column where it matters) that must be reported.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, test } from "node:test";
import { compile, type Compiled } from "../../src/compile/index.ts";
import { CONTENT_RULES } from "../../src/rules/index.ts";
import { findMojibake, repairMojibake } from "../../src/rules/mojibake.ts";
import { quizShapes } from "../../src/rules/quiz-pattern.ts";
import { parseNote, scanNote, withoutInlineCode } from "../../src/rules/scan.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import type { Diagnostic } from "../../src/diagnostics/index.ts";

const VAULT = "tests/fixtures/check-vault";
const ASSETS = "tests/fixtures/check-assets";

let compiled: Compiled;
let all: Diagnostic[];

before(() => {
  compiled = compile({ contentDir: VAULT, assetsDir: ASSETS, gitDates: false });
  all = compiled.diagnostics.all();
});

/** `file:line:column severity rule` of every diagnostic of `rule`, file relative to the fixture vault. */
function reported(rule: string): string[] {
  return all
    .filter((d) => d.rule === rule)
    .map((d) => `${path.relative(d.file.startsWith(ASSETS) ? ASSETS : VAULT, d.file).split(path.sep).join("/")}:${d.line}:${d.column} ${d.severity} ${d.rule}`);
}

function only(rule: string): Diagnostic {
  const list = all.filter((d) => d.rule === rule);
  assert.equal(list.length, 1, list.map((d) => d.message).join("\n"));
  return list[0]!;
}

describe("content rules on the check fixture vault", () => {
  test("the clean lesson and its next page have no diagnostics at all", () => {
    const clean = all.filter((d) => /1\. Uitleg Schone Les\.md$|Eindpagina\.md$/.test(d.file));
    assert.deepEqual(clean, []);
  });

  test("title-missing: front matter without title, at line 1", () => {
    assert.deepEqual(reported("title-missing"), ["Titel ontbreekt.md:1:0 warning title-missing"]);
  });

  test("title-mismatch: at the title line", () => {
    assert.deepEqual(reported("title-mismatch"), ["Titel anders.md:2:0 warning title-mismatch"]);
    assert.match(only("title-mismatch").hint!, /title: Titel anders/);
  });

  test("frontmatter-unknown-key: each unknown key at its line, with a suggestion for a typo", () => {
    assert.deepEqual(reported("frontmatter-unknown-key"), [
      "Onbekende sleutel.md:3:0 warning frontmatter-unknown-key",
      "Onbekende sleutel.md:4:0 warning frontmatter-unknown-key",
    ]);
    assert.match(all.find((d) => d.rule === "frontmatter-unknown-key" && d.line === 4)!.message, /bedoel je "tags"/);
  });

  test("taxonomy-missing: only for pages whose name has a kind word", () => {
    assert.deepEqual(reported("taxonomy-missing"), ["3. Uitleg Zonder Taxonomie.md:1:0 warning taxonomy-missing"]);
  });

  test("taxonomy-invalid: at the line and column of the code inside a block list", () => {
    assert.deepEqual(reported("taxonomy-invalid"), ["4. Uitleg Foute Code.md:5:5 error taxonomy-invalid"]);
  });

  test("taxonomy-unknown-step: at the code inside an inline list, naming the real step with that number", () => {
    assert.deepEqual(reported("taxonomy-unknown-step"), ["5. Uitleg Onbekende Stap.md:3:35 error taxonomy-unknown-step"]);
    assert.match(only("taxonomy-unknown-step").message, /"ii-18"/);
  });

  test("taxonomy-component: a Stappen page with an .OI code", () => {
    assert.deepEqual(reported("taxonomy-component"), ["6. Stappen Verkeerd Onderdeel.md:3:35 warning taxonomy-component"]);
  });

  test("todo-marker: TODO and -=TODO=- in text, not in code, callout types or longer words", () => {
    assert.deepEqual(reported("todo-marker"), ["Werk in uitvoering.md:7:1 warning todo-marker", "Werk in uitvoering.md:9:27 warning todo-marker"]);
  });

  test("mojibake: the garbled word, with the repaired word in the hint", () => {
    assert.deepEqual(reported("mojibake"), ["Mojibake.md:5:30 warning mojibake"]);
    const d = only("mojibake");
    assert.match(d.message, /"definiÃ«ren"/);
    assert.match(d.hint!, /"definiëren"/);
  });

  test("bom and crlf: one warning each, at line 1", () => {
    assert.deepEqual(reported("bom"), ["Bom.md:1:1 warning bom"]);
    assert.deepEqual(reported("crlf"), ["Crlf.md:1:0 warning crlf"]);
  });

  test("next-step-cycle: reported once, at the first page of the loop, naming the whole loop", () => {
    assert.deepEqual(reported("next-step-cycle"), ["Lus A.md:7:3 error next-step-cycle"]);
    assert.match(only("next-step-cycle").message, /Lus A → Lus B → Lus C → Lus A/);
  });

  test("unused-attachment and unused-asset: vault files warn, shared assets are info; links, <img> and drafts count as use", () => {
    assert.deepEqual(reported("unused-attachment"), ["bijlagen/ongebruikt.svg:0:0 warning unused-attachment"]);
    assert.deepEqual(reported("unused-asset"), ["ongebruikt.svg:0:0 info unused-asset"]);
  });

  test("dockerfile: unknown instruction and missing arguments at their line, also inside a callout; nocheck blocks skipped", () => {
    assert.deepEqual(reported("dockerfile"), ["Dockerfile fout.md:7:1 error dockerfile", "Dockerfile fout.md:8:1 error dockerfile", "Dockerfile fout.md:22:3 error dockerfile"]);
    assert.match(all.find((d) => d.rule === "dockerfile")!.hint!, /Bedoel je RUN\?/);
  });

  test("compose rules: version is obsolete, unknown top-level key, invalid YAML at the bad line", () => {
    assert.deepEqual(reported("compose-version"), ["Compose fout.md:6:1 warning compose-version"]);
    assert.deepEqual(reported("compose-unknown-key"), ["Compose fout.md:10:1 warning compose-unknown-key"]);
    assert.deepEqual(reported("compose-yaml"), ["Compose fout.md:18:1 error compose-yaml"]);
  });

  test("docker-compose-v1: the command in a code block and in inline code, not file or package names", () => {
    assert.deepEqual(reported("docker-compose-v1"), ["Compose v1.md:6:1 warning docker-compose-v1", "Compose v1.md:10:16 warning docker-compose-v1"]);
  });

  test("placeholder: template sentences at their line, with the topic filled in, in a list and in a quote; not headings, callout titles, lead-ins, changed sentences or code", () => {
    assert.deepEqual(reported("placeholder"), [
      "Sjabloontekst.md:6:0 warning placeholder",
      "Sjabloontekst.md:13:0 warning placeholder",
      "Sjabloontekst.md:20:0 warning placeholder",
    ]);
    const first = all.find((d) => d.rule === "placeholder")!;
    assert.match(first.message, /"Leg hier in een paar zinnen uit wat Docker Security is en wa…"/);
    assert.match(first.hint!, /templates\/Uitleg\.md/);
  });

  test("duplicate-number: two lessons numbered 7 in one folder, reported at both title lines, each naming the other", () => {
    assert.deepEqual(reported("duplicate-number"), [
      "7. Stappen Dubbel Nummer.md:2:0 warning duplicate-number",
      "7. Uitleg Dubbel Nummer.md:2:0 warning duplicate-number",
    ]);
    const [stappen, uitleg] = all.filter((d) => d.rule === "duplicate-number");
    assert.match(stappen!.message, /lesnummer 7 wordt in deze map ook gebruikt door "7\. Uitleg Dubbel Nummer"/);
    assert.match(uitleg!.message, /lesnummer 7 wordt in deze map ook gebruikt door "7\. Stappen Dubbel Nummer"/);
    assert.match(uitleg!.hint!, /bijvoorbeeld 8 \(het eerste vrije nummer na 7\)/);
  });

  test("drafts are listed as info and not checked", () => {
    assert.deepEqual(reported("unpublished"), ["Concept.md:3:0 info unpublished"]);
    assert.deepEqual(
      all.filter((d) => d.file.endsWith("Concept.md") && d.severity !== "info"),
      [],
    );
  });

  test("docker-command: typos in shell blocks and inline code, at the misspelt word, with the fix; nocheck, wrong quiz options and phrases in the text (`docker engine`) are skipped", () => {
    assert.deepEqual(reported("docker-command"), [
      "Docker typfout.md:8:8 warning docker-command",
      "Docker typfout.md:9:16 warning docker-command",
      "Docker typfout.md:10:13 warning docker-command",
      "Docker typfout.md:17:12 warning docker-command",
      "Docker typfout.md:26:27 warning docker-command",
    ]);
    const messages = all.filter((d) => d.rule === "docker-command").map((d) => d.message);
    assert.deepEqual(messages, [
      "`docker contianer` is geen Docker-commando; bedoel je `docker container`?",
      "`docker compose upp` is geen Docker-commando; bedoel je `docker compose up`?",
      "`docker imgae` is geen Docker-commando; bedoel je `docker image`?",
      "`docker netwrk` is geen Docker-commando; bedoel je `docker network`?",
      "`docker biuld` is geen Docker-commando; bedoel je `docker build`?",
    ]);
  });

  test("quiz-pattern: right option mostly longest and mostly first, at the first question; a fair page is quiet", () => {
    assert.deepEqual(reported("quiz-pattern"), ["Quiz raadbaar.md:7:0 warning quiz-pattern"]);
    const d = only("quiz-pattern");
    assert.match(d.message, /het goede antwoord is het langste in 4 van de 4 vragen; het goede antwoord is optie 1 in 4 van de 4 vragen/);
    assert.match(d.hint!, /wissel de plaats van het goede antwoord af/);
  });

  test("nothing else is reported: every diagnostic of the vault is one of the expected ones", () => {
    const expected = [
      "title-missing", "title-mismatch", "frontmatter-unknown-key", "taxonomy-missing", "taxonomy-invalid", "taxonomy-unknown-step",
      "taxonomy-component", "todo-marker", "mojibake", "bom", "crlf", "next-step-cycle", "unused-attachment", "unused-asset", "dockerfile",
      "compose-version", "compose-unknown-key", "compose-yaml", "docker-compose-v1", "docker-command", "quiz-pattern", "unpublished",
      "placeholder", "duplicate-number", "encoding", "unsafe-html",
    ];
    const unexpected = all.filter((d) => !expected.includes(d.rule));
    assert.deepEqual(unexpected, []);
    assert.equal(all.length, 38);
  });

  test("encoding: a Windows-1252 file is read as Windows-1252, warned at its first non-UTF-8 line, and its text reads right", () => {
    assert.deepEqual(reported("encoding"), ["Oude codering.md:5:0 warning encoding"]);
    assert.match(only("encoding").message, /Windows-1252/);
    const page = compiled.course.pages.find((p) => p.rel === "Oude codering.md");
    assert.match(page?.html ?? "", /café, één “citaat” en € 5\./);
    assert.doesNotMatch(page?.html ?? "", /\uFFFD/);
  });

  test("unsafe-html: an event handler in raw HTML is removed and reported at its line; <kbd> stays", () => {
    assert.deepEqual(reported("unsafe-html"), ["Onveilige HTML.md:5:0 warning unsafe-html"]);
    assert.match(only("unsafe-html").message, /attribuut onclick van <b> verwijderd/);
    const page = compiled.course.pages.find((p) => p.rel === "Onveilige HTML.md");
    assert.match(page?.html ?? "", /Een knop die <b>iets doet<\/b>; <kbd>Ctrl<\/kbd> mag blijven\./);
  });

  test("every rule id is listed in CONTENT_RULES and fired by the fixture vault", () => {
    const fired = new Set(all.map((d) => d.rule));
    for (const r of CONTENT_RULES) assert.ok(fired.has(r.id), `${r.id} has no fixture`);
  });
});

describe("rule helpers", () => {
  test("quizShapes reads each single-answer question: its line, and per option the text length and whether it is right", () => {
    const md = createMarkdown({ vault: compiled.vault, highlight: false });
    const shapes = (rel: string) => {
      const note = compiled.vault.notes.find((n) => n.rel === rel)!;
      return quizShapes(scanNote(note, parseNote(md, note))).map((q) => [q.line, q.options.map((o) => `${o.correct ? "x" : "-"}${o.length}`).join(" ")]);
    };
    // The multiple-answer question at line 24 is left out.
    assert.deepEqual(shapes("Quiz raadbaar.md"), [[7, "x38 -9 -9"], [14, "x39 -9 -8"], [19, "x37 -12 -8"], [29, "x38 -9 -8"]]);
    assert.deepEqual(shapes("Quiz eerlijk.md"), [[7, "-38 x38 -36"], [12, "x17 -35 -32"], [17, "-33 -38 x28"], [22, "-33 -39 -38 x38"]]);
  });

  test("repairMojibake decodes Latin-1 and Windows-1252 readings of UTF-8, and leaves real text alone", () => {
    assert.equal(repairMojibake("Ã«"), "ë");
    assert.equal(repairMojibake("â€™"), "\u2019");
    assert.equal(repairMojibake("ë"), undefined);
    assert.deepEqual(findMojibake("Een correcte zin met ë, é, São en «citaat»."), []);
    assert.deepEqual(findMojibake("CafÃ© en CommerciÃ«le"), [
      { word: "CafÃ©", repaired: "Café", column: 0 },
      { word: "CommerciÃ«le", repaired: "Commerciële", column: 9 },
    ]);
    // Saved wrongly twice: repaired all the way.
    assert.equal(findMojibake("definiÃƒÂ«ren")[0]?.repaired, "definiëren");
  });

  test("withoutInlineCode blanks code spans and keeps the columns", () => {
    const line = "a `TODO` b ``x ` y`` c";
  assert.equal(withoutInlineCode(line), `a ${" ".repeat(6)} b ${" ".repeat(9)} c`);
  assert.equal(withoutInlineCode(line).length, line.length);
  });
});
