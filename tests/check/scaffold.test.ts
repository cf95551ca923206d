/**
 * `npm run new`: a lesson made from its template passes the check, the front matter is filled
 * in, and nothing is ever overwritten. End to end in a temporary copy of a vault.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { checkContent } from "../../src/check/index.ts";
import { ScaffoldError, fillTemplate, markDraft, scaffoldLesson, subjectOf, topicOf } from "../../src/check/scaffold.ts";
import { ROOT, run } from "./run.ts";
import { tempDir } from "../helpers/tmp.ts";

const temps: string[] = [];
/** A temporary copy of the clean lesson of the check fixtures, as a small course to add lessons to. */
function tempCourse(): string {
  const dir = tempDir("scaffold-");
  temps.push(dir);
  cpSync(path.join(ROOT, "tests/fixtures/check-vault/Eindpagina.md"), path.join(dir, "8. Docker", "Eindpagina.md"), { recursive: true });
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("npm run new (src/check/scaffold-cli.ts)", () => {
  test("creates the lesson in 8. Docker as a draft and says so; the check passes on the draft in strict mode; a second run refuses to overwrite", async () => {
    const dir = tempCourse();
    const name = "20. Uitleg Docker Security";
    const made = await run("src/check/scaffold-cli.ts", [name], { COURSE_CONTENT: dir });
    assert.equal(made.code, 0, made.stderr);
    const file = path.join(dir, "8. Docker", `${name}.md`);
    assert.ok(existsSync(file), made.stdout);
    const text = readFileSync(file, "utf8");
    assert.match(text, /^---\ntitle: 20\. Uitleg Docker Security\ntaxonomie: \['ib-19\.2\.Docker-security\.OI', 'ib-19\.3\.Docker-security\.OI'\]\ndraft: true\n---\n/);
    assert.match(made.stdout, /De les is een concept \(draft: true in de front matter\) en komt pas op de site als je die regel weghaalt\./);
    assert.doesNotMatch(text, /\{\{\w+\}\}/, "every placeholder is filled in");

    const check = await run("src/check/cli.ts", ["--strict", "--format", "json"], { COURSE_CONTENT: dir });
    const out = JSON.parse(check.stdout) as { diagnostics: Array<{ severity: string; rule: string; file: string; message: string }>; summary: { errors: number; warnings: number } };
    assert.deepEqual(out.diagnostics.filter((d) => d.severity !== "info"), []);
    assert.ok(out.diagnostics.some((d) => d.rule === "unpublished" && d.file.endsWith(`${name}.md`)), "the new lesson is a draft");
    assert.equal(check.code, 0);

    writeFileSync(file, "eigen werk van de docent\n");
    const again = await run("src/check/scaffold-cli.ts", [name], { COURSE_CONTENT: dir });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /bestaat al; er is niets overschreven/);
    assert.equal(readFileSync(file, "utf8"), "eigen werk van de docent\n");
  });

  test("--map puts the lesson in another folder of the content folder", async () => {
    const dir = tempCourse();
    const r = await run("src/check/scaffold-cli.ts", ["3. Stappen Kubernetes Pods", "--map", "9. Kubernetes"], { COURSE_CONTENT: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(path.join(dir, "9. Kubernetes", "3. Stappen Kubernetes Pods.md")));
    assert.match(r.stdout, /ib-19\.2\.Kubernetes-pods\.PI, ib-19\.3\.Kubernetes-pods\.PI/);
  });

  test("refuses a number the folder already has (a draft too), naming that lesson and the next free number, and writes nothing", async () => {
    const dir = tempCourse();
    const folder = path.join(dir, "8. Docker");
    writeFileSync(path.join(folder, "20. Oefeningen Docker Basis.md"), "---\ntitle: 20. Oefeningen Docker Basis\n---\n");
    writeFileSync(path.join(folder, "21. Leertaak Webapp.md"), "---\ntitle: 21. Leertaak Webapp\ndraft: true\n---\n");
    const r = await run("src/check/scaffold-cli.ts", ["20. Uitleg Docker Security"], { COURSE_CONTENT: dir });
    assert.equal(r.code, 1, r.stdout);
    assert.equal(
      r.stderr.trim(),
      'Nummer 20 is in deze map al gebruikt door "20. Oefeningen Docker Basis" (8. Docker/20. Oefeningen Docker Basis.md). Het eerstvolgende vrije nummer is 22: npm run new -- "22. Uitleg Docker Security"',
    );
    assert.ok(!existsSync(path.join(folder, "20. Uitleg Docker Security.md")));
    assert.throws(() => scaffoldLesson({ contentDir: dir, name: "21. Uitleg Docker Security" }), /Nummer 21 is in deze map al gebruikt door "21\. Leertaak Webapp" \(8\. Docker\/21\. Leertaak Webapp\.md\), een concept\. Het eerstvolgende vrije nummer is 22/);
    // The same number in another folder is no clash.
    assert.equal(scaffoldLesson({ contentDir: dir, name: "20. Uitleg Docker Security", folder: "9. Praktijk" }).rel, "9. Praktijk/20. Uitleg Docker Security.md");
  });

  test("refuses a name without a kind word, with a Dutch message and exit 1", async () => {
    const dir = tempCourse();
    const r = await run("src/check/scaffold-cli.ts", ["20. Docker Security"], { COURSE_CONTENT: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /zegt niet wat voor les het is.*Uitleg, Stappen, Oefeningen/);
  });
});

describe("scaffoldLesson()", () => {
  test("every kind's template fills in the right component; as a draft it passes the strict check; published, the check reports only its template text (placeholder)", () => {
    const dir = tempCourse();
    const names = ["20. Uitleg Docker Security", "21. Stappen Docker Security", "22. Oefeningen Docker Security", "23. Leertaak Veilige Webapp"];
    const made = names.map((name) => scaffoldLesson({ contentDir: dir, name }));
    assert.deepEqual(made.map((m) => m.component), ["OI", "PI", "DT", "LT"]);
    assert.deepEqual(made[3]!.codes, ["ib-19.2.Veilige-webapp.LT", "ib-19.3.Veilige-webapp.LT"]);
    assert.deepEqual(checkContent({ contentDir: dir }).diagnostics.filter((d) => d.severity !== "info"), []);

    // The teacher removes `draft: true` without writing the lesson: every template sentence is reported, nothing else.
    for (const m of made) writeFileSync(m.abs, readFileSync(m.abs, "utf8").replace("draft: true\n", ""));
    const problems = checkContent({ contentDir: dir }).diagnostics.filter((d) => d.severity !== "info");
    assert.deepEqual([...new Set(problems.map((d) => d.rule))], ["placeholder"]);
    for (const m of made) assert.ok(problems.filter((d) => d.file.endsWith(m.rel.split("/").pop()!)).length >= 5, `${m.rel} has its template text reported`);
  });

  test("--stap chooses the process step; an unknown step is refused", () => {
    const dir = tempCourse();
    const r = scaffoldLesson({ contentDir: dir, name: "30. Uitleg Docker Hub", step: "bb-25" });
    assert.deepEqual(r.codes, ["bb-25.2.Docker-hub.OI", "bb-25.3.Docker-hub.OI"]);
    assert.throws(() => scaffoldLesson({ contentDir: dir, name: "31. Uitleg Docker Hub Twee", step: "xx-99" }), ScaffoldError);
  });

  test("refuses a name that another page in the vault already has, a name without topic, and folders outside the vault", () => {
    const dir = tempCourse();
    scaffoldLesson({ contentDir: dir, name: "20. Uitleg Docker Security" });
    assert.throws(() => scaffoldLesson({ contentDir: dir, name: "20. Uitleg Docker Security", folder: "Elders" }), /al een pagina met de naam/);
    assert.throws(() => scaffoldLesson({ contentDir: dir, name: "21. Uitleg" }), /onderwerp/);
    assert.throws(() => scaffoldLesson({ contentDir: dir, name: "22. Uitleg Iets", folder: "../buiten" }), /niet in de inhoudsmap/);
    assert.throws(() => scaffoldLesson({ contentDir: dir, name: "23. Uitleg A/B" }), ScaffoldError);
  });

  test("topic and template helpers", () => {
    assert.equal(subjectOf("20. Uitleg Docker Security"), "Docker Security");
    assert.equal(topicOf("Docker Security"), "Docker-security");
    assert.equal(topicOf("environment variables"), "Environment-variables");
    assert.equal(topicOf("Node.js in Docker"), "Node-js-in-docker");
    assert.equal(fillTemplate("# {{titel}}", { titel: "X" }), "# X");
    assert.throws(() => fillTemplate("{{onbekend}}", {}), /no value/);
    assert.equal(markDraft("---\ntitle: X\n---\n\nTekst\n"), "---\ntitle: X\ndraft: true\n---\n\nTekst\n");
    assert.equal(markDraft("---\ntitle: X\ndraft: false\n---\nTekst"), "---\ntitle: X\ndraft: true\n---\nTekst");
    assert.equal(markDraft("Tekst\n"), "---\ndraft: true\n---\nTekst\n");
  });
});
