/**
 * The study site's helpers as tables of cases: what the home page, sidebar and taxonomy
 * pages get from the course model, the template filters, the Dutch strings, the two dark
 * theme blocks in the stylesheet, and the asset bundle.
 */
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import type { Listing, Matrix, NavModule, PageRole } from "../../src/course/index.ts";
import { buildCourse } from "../../src/course/index.ts";
import { courseOverview, groupListings, levelUrl, listingTitle, matrixLevels, moduleContains, pageHeads, shortLabel, splitSteps, titleWithoutKind, wrapTables } from "../../src/course/site.ts";
import { CALLOUT_TYPES } from "../../src/markdown/callouts.ts";
import { noteFromSource } from "../../src/vault/index.ts";
import { ariaCurrent, dateNl, isoDate, minutes } from "../../src/eleventy/filters.ts";
import { buildAssets, clientEntries } from "../../src/eleventy/site.ts";
import { plural, t } from "../../src/site/strings.ts";
import { processSteps } from "../../src/taxonomy/index.ts";
import { tempDir } from "../helpers/tmp.ts";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

describe("titleWithoutKind", () => {
  const cases: Array<[string, string | undefined, string]> = [
    ["Uitleg Docker Images", "Uitleg", "Docker Images"],
    ["Stappen Setup Docker", "Stappen", "Setup Docker"],
    ["Oefeningen Docker Basis", "Oefeningen", "Docker Basis"],
    ["Commando's", undefined, "Commando's"],
    ["Uitleg", "Uitleg", "Uitleg"],
    ["Docker Uitleg", "Uitleg", "Docker Uitleg"],
  ];
  for (const [title, kind, expected] of cases) test(`${title} (${kind})`, () => assert.equal(titleWithoutKind(title, kind), expected));
});

describe("shortLabel", () => {
  const cases: Array<[Parameters<typeof shortLabel>[0], string]> = [
    [{ title: "Uitleg Docker Images", url: "/x/", number: 4, kind: "Uitleg", role: "les" }, "4 Uitleg Docker Images"],
    [{ title: "Commando's", url: "/c/", role: "naslag" }, "Commando's"],
    [{ title: "Leertaak Webshop", url: "/w/", number: 10, kind: "Leertaak", role: "les" }, "10 Leertaak Webshop"],
  ];
  for (const [lesson, expected] of cases) test(expected, () => assert.equal(shortLabel(lesson), expected));
});

describe("moduleContains", () => {
  const mod = (url: string, lessons: string[], modules: NavModule[] = []): NavModule => ({ title: url, url, lessons: lessons.map((u) => ({ title: u, url: u, role: "les" as const })), modules, folders: [], total: 0, reference: 0 });
  const tree = mod("/a/", ["/a/1/", "/a/2/"], [mod("/a/b/", ["/a/b/1/"])]);
  const cases: Array<[string, boolean]> = [
    ["/a/", true],
    ["/a/2/", true],
    ["/a/b/", true],
    ["/a/b/1/", true],
    ["/c/1/", false],
    ["/", false],
  ];
  for (const [url, expected] of cases) test(url, () => assert.equal(moduleContains(tree, url), expected));
});

describe("listings", () => {
  const l = (kind: Listing["kind"], title: string, url = `/${kind}/${title}/`): Listing => ({ kind, title, heading: title, url, description: "", lessons: [] });

  const titles: Array<[Listing, string]> = [
    [l("level", "HBO-i/niveau-2"), "HBO-i-niveau 2"],
    [l("topic", "Docker-images"), "Docker images"],
    [l("step", "ib-19 Bouwen softwaresysteem"), "ib-19 Bouwen softwaresysteem"],
    [l("tag", "Docker-images"), "Docker-images"],
  ];
  for (const [listing, expected] of titles) test(`listingTitle ${listing.title}`, () => assert.equal(listingTitle(listing), expected));

  test("groupListings: levels, steps, topics, tags, then raw codes; empty groups left out", () => {
    const groups = groupListings([l("tag", "docker"), l("tag", "ib-19.2.Docker.OI"), l("topic", "Docker"), l("level", "HBO-i/niveau-2"), l("tag", "Implementatieproces")]);
    assert.deepEqual(
      groups.map((g) => [g.key, g.listings.map((x) => x.title)]),
      [
        ["level", ["HBO-i/niveau-2"]],
        ["topic", ["Docker"]],
        ["tag", ["docker", "Implementatieproces"]],
        ["code", ["ib-19.2.Docker.OI"]],
      ],
    );
    for (const g of groups) assert.ok(t.taxonomy.listingGroups[g.key], `no Dutch heading for group ${g.key}`);
  });

  const levels: Array<[number, string]> = [
    [1, "/tags/hbo-i-niveau-1/"],
    [3, "/tags/hbo-i-niveau-3/"],
  ];
  for (const [level, url] of levels) test(`levelUrl ${level}`, () => assert.equal(levelUrl(level), url));

  test("matrixLevels links only levels that have a page", () => {
    assert.deepEqual(matrixLevels({ levels: [1, 2, 3] }, [{ url: "/tags/hbo-i-niveau-2/" }]), [{ level: 1 }, { level: 2, url: "/tags/hbo-i-niveau-2/" }, { level: 3 }]);
  });
});

describe("matrix helpers", () => {
  const steps = processSteps().slice(0, 3);
  const matrix = {
    levels: [1, 2, 3],
    steps: steps.map((step, i) => ({ step, used: i === 1, cells: [] })),
    components: [],
    topics: [],
    gaps: 0,
  } as unknown as Matrix;
  test("splitSteps keeps table order in both parts", () => {
    const { used, unused } = splitSteps(matrix);
    assert.deepEqual(used.map((s) => s.step.code), [steps[1]!.code]);
    assert.deepEqual(unused.map((s) => s.step.code), [steps[0]!.code, steps[2]!.code]);
  });
});

describe("courseOverview", () => {
  // What the course model makes of them: a kind word makes a lesson; no kind word, reference; `doelgroep: docenten`, a teachers' page.
  const page = (url: string, component?: "OI" | "PI" | "DT" | "LT", role: PageRole = component ? "les" : "naslag") => ({ url, title: `Pagina ${url}`, component, role }) as never;
  const overview = courseOverview({
    pages: [page("/1/", "OI"), page("/2/", "PI"), page("/3/", "OI"), page("/4/"), page("/5/", "LT"), page("/6/", "OI", "docenten"), page("/7/", undefined, "docenten")],
    allModules: [{} as NavModule, {} as NavModule],
    matrix: {
      topics: [
        { topic: "Docker-images", url: "/onderwerpen/docker-images/", cells: [{ lessons: [{ url: "/1/" }], gap: false }, { lessons: [{ url: "/1/" }, { url: "/2/" }], gap: false }] },
      ],
    } as unknown as Matrix,
  });
  test("kinds in 4C/ID order, only those used, with counts", () => {
    assert.deepEqual(overview.kinds, [
      { kind: "Uitleg", code: "OI", count: 2 },
      { kind: "Stappen", code: "PI", count: 1 },
      { kind: "Leertaak", code: "LT", count: 1 },
    ]);
    for (const k of overview.kinds) {
      assert.ok(t.kinds[k.kind], `no Dutch description for ${k.kind}`);
      assert.ok(t.kindPlural[k.kind], `no Dutch plural for ${k.kind}`);
    }
  });
  test("topics with readable titles and distinct lesson counts", () => {
    assert.deepEqual(overview.topics, [{ title: "Docker images", url: "/onderwerpen/docker-images/", count: 2 }]);
    assert.equal(overview.modules, 2);
  });
  test("lessons counts only lessons, and the kind cards add up to it: no reference page, no teachers' page", () => {
    assert.equal(overview.lessons, 4);
    assert.equal(
      overview.kinds.reduce((s, k) => s + k.count, 0),
      overview.lessons,
    );
  });
  test("reference pages are counted apart, teachers' pages are listed as links", () => {
    assert.equal(overview.reference, 1);
    assert.deepEqual(overview.teachers, [
      { title: "Pagina /6/", url: "/6/" },
      { title: "Pagina /7/", url: "/7/" },
    ]);
  });
});

describe("pageHeads: the head of every course page, by URL", () => {
  const notes = [
    noteFromSource("---\ntaxonomie: [ib-19.2.Docker-images.OI]\n---\nTekst over images.", "1. Basis/1. Uitleg Images.md"),
    noteFromSource("Tekst over containers.", "1. Basis/2. Stappen Containers.md"),
  ];
  const course = buildCourse({ notes, links: new Map(), html: new Map(notes.map((n) => [n.rel, `<p>${n.body}</p>`])) });
  const heads = pageHeads(course);
  const cases: Array<[string, unknown]> = [
    ["/1-basis/1-uitleg-images/", { title: "Uitleg Images", description: "Tekst over images.", prev: undefined, next: "/1-basis/2-stappen-containers/" }],
    ["/1-basis/2-stappen-containers/", { title: "Stappen Containers", description: "Tekst over containers.", prev: "/1-basis/1-uitleg-images/", next: undefined }],
    ["/1-basis/", { title: "Basis" }],
    ["/onderwerpen/docker-images/", { title: "Docker images", description: "Alle lessen over Docker-images" }],
    ["/zoeken/", undefined],
  ];
  for (const [url, head] of cases) test(url, () => assert.deepEqual(heads.get(url), head));
});

describe("wrapTables", () => {
  const cases: Array<[string, string]> = [
    ["<p>geen tabel</p>", "<p>geen tabel</p>"],
    ["<table><tr><td>a</td></tr></table>", '<div class="table-scroll"><table><tr><td>a</td></tr></table></div>'],
    ['<table class="x"></table><table></table>', '<div class="table-scroll"><table class="x"></table></div><div class="table-scroll"><table></table></div>'],
    ["<tablet>", "<tablet>"],
  ];
  for (const [html, expected] of cases) test(html, () => assert.equal(wrapTables(html), expected));
});

describe("filters", () => {
  const current: Array<[string, string, string]> = [
    ["/a/", "/a/", 'aria-current="page"'],
    ["/a/", "/b/", ""],
  ];
  for (const [url, page, expected] of current) test(`ariaCurrent ${url} on ${page}`, () => assert.equal(ariaCurrent(url, page), expected));

  const dates: Array<[string | undefined, string, string]> = [
    ["2026-11-23T10:00:00+01:00", "23 november 2026", "2026-11-23"],
    ["2025-03-01", "1 maart 2025", "2025-03-01"],
    [undefined, "", ""],
    ["geen datum", "", "geen datum"],
  ];
  for (const [iso, nl, short] of dates) {
    test(`dateNl ${iso}`, () => {
      assert.equal(dateNl(iso), nl);
      if (iso !== "geen datum") assert.equal(isoDate(iso), short);
    });
  }

  const counts: Array<[number, string, string]> = [
    [1, "1 minuut", "1 les"],
    [5, "5 minuten", "5 lessen"],
    [0, "0 minuten", "0 lessen"],
  ];
  for (const [n, min, lessons] of counts) {
    test(`minutes and plural ${n}`, () => {
      assert.equal(minutes(n), min);
      assert.equal(plural(n, t.module.count), lessons);
    });
  }
});

describe("stylesheet", () => {
  const tokens = readFileSync(path.join(root, "src/site/css/tokens.css"), "utf8");
  const block = (start: number) => {
    const open = tokens.indexOf("{", start);
    return tokens
      .slice(open + 1, tokens.indexOf("}", open))
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  };

  test("the chosen dark theme and the system dark theme set the same colours", () => {
    const chosen = block(tokens.indexOf(':root[data-theme="dark"]'));
    const system = block(tokens.indexOf(':root:not([data-theme="light"])'));
    assert.ok(chosen.length > 20);
    assert.deepEqual(system, chosen);
  });

  test("every colour token of the light theme also exists in the dark theme", () => {
    const names = (lines: string[]) => new Set(lines.map((l) => /^(--[\w-]+):/.exec(l)?.[1]).filter(Boolean));
    const light = names(block(tokens.indexOf(":root {")));
    const dark = names(block(tokens.indexOf(':root[data-theme="dark"]')));
    const layout = new Set(["--font-sans", "--font-mono", "--measure", "--sidebar-width", "--radius", "--radius-sm", "--space-page", "--header-height"]);
    for (const name of light) if (!layout.has(name!)) assert.ok(dark.has(name), `${name} has no dark value`);
  });

  test("every callout kind has a colour and an icon", () => {
    // The quiz is a callout too; its styles have a file of their own.
    const css = ["callouts.css", "quiz.css"].map((f) => readFileSync(path.join(root, "src/site/css", f), "utf8")).join("\n");
    const icons = readFileSync(path.join(root, "src/site/css/icons.css"), "utf8");
    assert.equal(Object.keys(CALLOUT_TYPES).length, 15);
    for (const kind of Object.keys(CALLOUT_TYPES)) {
      assert.match(css, new RegExp(`\\.callout-${kind} \\{\\s*--c: var\\(--c-\\w+\\);\\s*--icon: var\\(--icon-${kind}\\);`), kind);
      assert.match(icons, new RegExp(`--icon-${kind}: url\\("data:image/svg\\+xml,`), kind);
    }
  });
});

describe("assets", () => {
  test("client entries: one bundle per src/client/*.ts, shared modules (_*.ts) excluded", () => {
    const names = clientEntries().map((f) => path.basename(f));
    assert.ok(names.includes("main.ts") && names.includes("search.ts"), names.join(", "));
    assert.ok(!names.some((n) => n.startsWith("_")));
  });

  test("buildAssets writes hashed bundles and the inline theme script", async () => {
    const out = tempDir("assets-");
    const assets = await buildAssets(out);
    assert.match(assets.css, /^\/assets\/site-[A-Z0-9]+\.css$/);
    assert.match(assets.js.main!, /^\/assets\/main-[A-Z0-9]+\.js$/);
    assert.match(assets.js.search!, /^\/assets\/search-[A-Z0-9]+\.js$/);
    for (const url of [assets.css, ...Object.values(assets.js)]) assert.ok(statSync(path.join(out, url)).size > 0, url);
    const css = readFileSync(path.join(out, assets.css), "utf8");
    assert.doesNotMatch(css, /url\(\s*["']?\//, "CSS url() must be relative (PATH_PREFIX)");
    assert.doesNotMatch(css, /@import/, "the stylesheet is one bundle");
    assert.match(assets.themeInit, /localStorage/);
    assert.doesNotMatch(assets.themeInit, /\bimport\b|\bexport\b/, "the inline script is a plain script");
  });
});
