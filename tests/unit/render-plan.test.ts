/**
 * The render plan of serve mode: after a change, only the pages whose data changed are
 * rendered again. Courses are built from notes in memory (no files, no Eleventy).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildCourse, type Course } from "../../src/course/index.ts";
import { fullPlan, RenderPlanner, type RenderPlan } from "../../src/eleventy/render-plan.ts";
import { noteFromSource } from "../../src/vault/index.ts";

const FILES: Record<string, string> = {
  "1. Basis/1. Uitleg A.md": "---\ntaxonomie: [ib-19.1.Containers.OI]\n---\nTekst A",
  "1. Basis/2. Stappen A.md": "---\ntaxonomie: [ib-19.1.Containers.PI]\n---\nTekst B",
  "1. Basis/3. Oefeningen A.md": "Tekst C",
  "2. Verder/1. Uitleg B.md": "Tekst D",
  "2. Verder/2. Uitleg C.md": "Tekst E",
};

function course(changes: Record<string, string> = {}, links = new Map<string, string[]>()): Course {
  const files = { ...FILES, ...changes };
  const notes = Object.entries(files).map(([rel, text]) => noteFromSource(text, rel));
  const html = new Map(notes.map((n) => [n.rel, `<p>${n.body}</p>`]));
  return buildCourse({ notes, links, html });
}

/** What a plan renders, as URLs and names. */
const show = (p: RenderPlan) => [
  ...p.pages.map((x) => x.url),
  ...p.modules.map((x) => x.url),
  ...p.listings.map((x) => x.url),
  ...(p.home.length ? ["#home"] : []),
  ...(p.taxonomy.length ? ["#taxonomy"] : []),
  ...(p.nav.length ? ["#nav"] : []),
  ...(p.fixed.length ? ["#fixed"] : []),
];

describe("RenderPlanner", () => {
  test("a full plan renders every page", () => {
    const c = course();
    const all = show(fullPlan(c));
    assert.deepEqual(show(new RenderPlanner().plan(c, new Map(), true)), all);
    assert.equal(all.length, c.pages.length + c.allModules.length + c.listings.length + 4);
    assert.deepEqual([c.pages.length, c.allModules.length], [5, 2]);
  });

  const cases: Array<[string, Record<string, string>, string[]]> = [
    ["the same course again: nothing", {}, []],
    ["one lesson's text: only its page", { "2. Verder/2. Uitleg C.md": "Andere tekst" }, ["/2-verder/2-uitleg-c/"]],
    [
      "one lesson's title: its page, the pages of its module (their sidebar), its neighbours' prev/next, its module page, the home page and the navigation file",
      { "2. Verder/1. Uitleg B.md": "---\ntitle: Nieuw\n---\nTekst D" },
      ["/1-basis/3-oefeningen-a/", "/2-verder/1-uitleg-b/", "/2-verder/2-uitleg-c/", "/2-verder/", "#home", "#nav"],
    ],
    [
      "one lesson's level: its page, the level pages it leaves and joins, and the taxonomy page",
      { "1. Basis/2. Stappen A.md": "---\ntaxonomie: [ib-19.2.Containers.PI]\n---\nTekst B" },
      ["/1-basis/2-stappen-a/", "/tags/hbo-i-niveau-1/", "/tags/hbo-i-niveau-2/", "#taxonomy"],
    ],
  ];
  for (const [name, changes, expected] of cases) {
    test(name, () => {
      const planner = new RenderPlanner();
      planner.plan(course(), new Map(), true);
      assert.deepEqual(show(planner.plan(course(changes), new Map(), false)).sort(), [...expected].sort());
    });
  }

  test("a page whose problems change is rendered again (the development banner)", () => {
    const planner = new RenderPlanner();
    planner.plan(course(), new Map(), true);
    const problem = { severity: "error" as const, file: "x.md", line: 1, column: 0, rule: "broken-wikilink", message: "m" };
    assert.deepEqual(show(planner.plan(course(), new Map([["/1-basis/1-uitleg-a/", [problem]]]), false)), ["/1-basis/1-uitleg-a/"]);
  });

  test("after a full plan everything is rendered, even what did not change", () => {
    const planner = new RenderPlanner();
    planner.plan(course(), new Map(), true);
    assert.equal(show(planner.plan(course(), new Map(), true)).length, show(fullPlan(course())).length);
  });
});
