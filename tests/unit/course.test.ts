/**
 * The course model as tables of cases: natural ordering, the navigation tree, reading
 * order and prev/next, backlinks, tags derived from taxonomy codes, listings and the matrix.
 * Notes are built in memory with only the fields the course model reads.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { backlinks, buildCourse, buildListings, buildMatrix, buildNavigation, flattenModules, isLesson, lessonKind, noteTags, pageRole, readingOrder, sidebarFor, tagUrl, type LessonPage, type PageRole, type SidebarModule } from "../../src/course/index.ts";
import { leadingNumber, naturalCompare, withoutNumber } from "../../src/course/order.ts";
import { courseOverview } from "../../src/course/site.ts";
import type { Note } from "../../src/vault/index.ts";
import { noteUrl } from "../../src/vault/index.ts";

/** A note as the vault would index it, from its path and front matter. */
function note(rel: string, fm: { taxonomie?: string[]; tags?: string[]; title?: string; draft?: boolean; doelgroep?: unknown } = {}): Note {
  const parts = rel.replace(/\.md$/, "").split("/");
  const name = parts.at(-1)!;
  return {
    kind: "note",
    file: `content/${rel}`,
    abs: `/content/${rel}`,
    rel,
    name,
    folders: parts.slice(0, -1),
    title: fm.title ?? name,
    aliases: [],
    taxonomie: fm.taxonomie ?? [],
    tags: fm.tags ?? [],
    data: fm.doelgroep === undefined ? {} : { doelgroep: fm.doelgroep },
    keyLines: new Map(),
    source: "",
    body: "",
    bodyLine: 1,
    headings: [],
    url: noteUrl(rel),
    unpublished: fm.draft ? "draft: true" : undefined,
    frontMatterProblems: [],
  };
}

describe("naturalCompare: numbered lessons in number order, then the rest", () => {
  const cases: Array<[string[], string[]]> = [
    [["10. Uitleg", "2. Stappen", "1. Uitleg"], ["1. Uitleg", "2. Stappen", "10. Uitleg"]],
    [["Commando's", "3. Uitleg", "Algemeen"], ["3. Uitleg", "Algemeen", "Commando's"]],
    [["2. B", "2. A"], ["2. A", "2. B"]],
    [["1.5 Tussendoor", "2. Daarna", "1. Begin"], ["1. Begin", "1.5 Tussendoor", "2. Daarna"]],
    [["Les 10", "Les 9"], ["Les 9", "Les 10"]],
    [["b", "A", "c"], ["A", "b", "c"]],
  ];
  for (const [input, expected] of cases) test(input.join(" | "), () => assert.deepEqual([...input].sort(naturalCompare), expected));
});

describe("leadingNumber and withoutNumber", () => {
  const cases: Array<[string, number | undefined, string]> = [
    ["4. Uitleg Docker Images", 4, "Uitleg Docker Images"],
    ["10) Stappen", 10, "Stappen"],
    ["1.5 Tussendoor", 1.5, "Tussendoor"],
    ["Commando's", undefined, "Commando's"],
    ["2024 plannen", 2024, "plannen"],
    ["Docker 2", undefined, "Docker 2"],
  ];
  for (const [name, number, title] of cases) {
    test(name, () => {
      assert.equal(leadingNumber(name), number);
      assert.equal(withoutNumber(name), title);
    });
  }
});

describe("lessonKind from the file name", () => {
  const cases: Array<[string, string | undefined]> = [
    ["4. Uitleg Docker Images", "Uitleg"],
    ["5. Stappen Docker Images", "Stappen"],
    ["20. Oefeningen Docker Basis", "Oefeningen"],
    ["29. Leertaak Webapp", "Leertaak"],
    ["Commando's", undefined],
    ["3. Uitlegger", undefined],
  ];
  for (const [name, kind] of cases) test(name, () => assert.equal(lessonKind(name), kind));
});

describe("pageRole: what a page is, the one definition behind every count", () => {
  const cases: Array<[string, string | undefined, Record<string, unknown>, PageRole]> = [
    ["an Uitleg lesson", "Uitleg", {}, "les"],
    ["a Stappen lesson", "Stappen", {}, "les"],
    ["an Oefeningen lesson", "Oefeningen", {}, "les"],
    ["a Leertaak", "Leertaak", {}, "les"],
    ["no kind word (Commando's): reference", undefined, {}, "naslag"],
    ["doelgroep: docenten", undefined, { doelgroep: "docenten" }, "docenten"],
    ["doelgroep: docenten wins over a kind word", "Uitleg", { doelgroep: "docenten" }, "docenten"],
    ["doelgroep written with capitals and spaces", undefined, { doelgroep: " Docenten " }, "docenten"],
    ["doelgroep as a list holding docenten", undefined, { doelgroep: ["studenten", "docenten"] }, "docenten"],
    ["doelgroep: studenten is an ordinary page", "Stappen", { doelgroep: "studenten" }, "les"],
    ["doelgroep: studenten without a kind: reference", undefined, { doelgroep: "studenten" }, "naslag"],
    ["an empty doelgroep", "Uitleg", { doelgroep: null }, "les"],
    ["another key that mentions docenten", undefined, { tags: ["docenten"] }, "naslag"],
  ];
  for (const [name, kind, data, role] of cases) test(name, () => assert.equal(pageRole(kind, data), role));

  const lessons: Array<[PageRole, boolean]> = [
    ["les", true],
    ["naslag", false],
    ["docenten", false],
  ];
  for (const [role, expected] of lessons) test(`isLesson(${role}) is ${expected}`, () => assert.equal(isLesson({ role }), expected));
});

describe("buildNavigation", () => {
  const notes = [
    note("Handleiding voor docenten.md", { doelgroep: "docenten" }),
    note("1. Basis/4. Uitleg Voor Docenten.md", { doelgroep: "docenten" }),
    note("2. Verder/1. Uitleg Netwerken.md"),
    note("1. Basis/10. Oefeningen Containers.md"),
    note("Handleiding.md"),
    note("1. Basis/2. Stappen Containers.md"),
    note("1. Basis/Commando's.md"),
    note("1. Basis/1. Uitleg Containers.md"),
    note("10. Extra/1. Uitleg Extra.md"),
    note("1. Basis/3. Verdieping/1. Uitleg Diep.md"),
  ];
  const modules = buildNavigation(notes);

  test("modules in natural order, root notes last under Algemeen", () => {
    assert.deepEqual(modules.map((m) => [m.title, m.number, m.url]), [
      ["Basis", 1, "/1-basis/"],
      ["Verder", 2, "/2-verder/"],
      ["Extra", 10, "/10-extra/"],
      ["Algemeen", undefined, "/algemeen/"],
    ]);
  });

  test("lessons in natural order with number badges, titles without number", () => {
    assert.deepEqual(modules[0]!.lessons.map((l) => [l.number, l.title, l.kind]), [
      [1, "Uitleg Containers", "Uitleg"],
      [2, "Stappen Containers", "Stappen"],
      [10, "Oefeningen Containers", "Oefeningen"],
      [undefined, "Commando's", undefined],
    ]);
  });

  test("submodules and totals: lessons only, reference pages counted apart", () => {
    assert.deepEqual(modules[0]!.modules.map((m) => [m.title, m.url, m.total, m.reference]), [["Verdieping", "/1-basis/3-verdieping/", 1, 0]]);
    assert.equal(modules[0]!.total, 4, "Uitleg, Stappen, Oefeningen and the submodule's Uitleg; not Commando's");
    assert.equal(modules[0]!.reference, 1, "Commando's");
    assert.deepEqual(modules.at(-1)!.lessons.map((l) => [l.title, l.role]), [["Handleiding", "naslag"]]);
    assert.deepEqual([modules.at(-1)!.total, modules.at(-1)!.reference], [0, 1]);
    assert.deepEqual(flattenModules(modules).map((m) => m.url), ["/1-basis/", "/1-basis/3-verdieping/", "/2-verder/", "/10-extra/", "/algemeen/"]);
  });

  test("pages for teachers are in no module, wherever they are", () => {
    const urls = flattenModules(modules).flatMap((m) => m.lessons.map((l) => l.url));
    assert.ok(!urls.includes("/handleiding-voor-docenten/"));
    assert.ok(!urls.includes("/1-basis/4-uitleg-voor-docenten/"));
  });

  test("reading order: a module's lessons, then its submodules, depth first", () => {
    assert.deepEqual(readingOrder(modules).map((l) => l.url), [
      "/1-basis/1-uitleg-containers/",
      "/1-basis/2-stappen-containers/",
      "/1-basis/10-oefeningen-containers/",
      "/1-basis/commandos/",
      "/1-basis/3-verdieping/1-uitleg-diep/",
      "/2-verder/1-uitleg-netwerken/",
      "/10-extra/1-uitleg-extra/",
      "/handleiding/",
    ]);
  });
});

describe("backlinks", () => {
  const cases: Array<[string, Record<string, string[]>, Record<string, string[]>]> = [
    ["one link", { a: ["b"] }, { b: ["a"] }],
    ["self links are dropped", { a: ["a", "b"] }, { b: ["a"] }],
    ["duplicates count once", { a: ["b", "b"], c: ["b"] }, { b: ["a", "c"] }],
    ["no links, no backlinks", { a: [] }, {}],
    ["both directions", { a: ["b"], b: ["a"] }, { b: ["a"], a: ["b"] }],
  ];
  for (const [name, links, expected] of cases) {
    test(name, () => assert.deepEqual(Object.fromEntries(backlinks(new Map(Object.entries(links)))), expected));
  }
});

describe("buildCourse", () => {
  const notes = [
    note("1. Basis/1. Uitleg Containers.md", { taxonomie: ["ib-19.1.Containers.OI"], tags: ["docker"] }),
    note("1. Basis/2. Stappen Containers.md", { taxonomie: ["ib-19.1.Containers.PI", "ib-19.2.Containers.PI"] }),
    note("1. Basis/10. Oefeningen Containers.md", { taxonomie: ["ib-19.2.Containers.DT"] }),
    note("1. Basis/11. Concept.md", { draft: true }),
    note("2. Verder/1. Uitleg Netwerken.md", { taxonomie: ["ii-18.2.Netwerken.OI"] }),
    note("2. Verder/2. Leertaak Webshop.md", { taxonomie: ["ib-19.3.Webshop.LT", "geen-code"] }),
    note("2. Verder/Commando's.md"),
    note("Handleiding voor docenten.md", { doelgroep: "docenten" }),
  ];
  const rel = (i: number) => notes[i]!.rel;
  const links = new Map([
    [rel(0), [rel(1)]],
    [rel(1), [rel(0), rel(2)]],
    [rel(2), [rel(0)]],
    [rel(4), [rel(0)]],
    [rel(5), [rel(4), rel(1), rel(3)]],
  ]);
  const html = new Map(notes.map((n) => [n.rel, `<h2 id="a">A</h2><p>${"woord ".repeat(450)}</p>`]));
  const course = buildCourse({ notes, links, html, updated: new Map([[rel(0), "2026-11-20T10:00:00+01:00"]]) });
  const page = (i: number) => course.pages.find((p) => p.url === notes[i]!.url)!;

  test("drafts are not pages", () => {
    assert.ok(!course.pages.some((p) => p.url.includes("concept")));
  });

  test("counts: lessons are the pages with a kind word, reference pages apart, teachers' pages in neither", () => {
    const overview = courseOverview(course);
    assert.deepEqual([overview.lessons, overview.reference], [5, 1]);
    assert.deepEqual(course.modules.map((m) => [m.title, m.total, m.reference]), [
      ["Basis", 3, 0],
      ["Verder", 2, 1],
    ]);
    assert.deepEqual(course.pages.map((p) => p.role), ["les", "les", "les", "les", "les", "naslag", "docenten"]);
  });

  test("a teachers' page is published, but in no sidebar, reading order or prev/next", () => {
    const guide = page(7);
    assert.equal(guide.url, "/handleiding-voor-docenten/");
    assert.deepEqual([guide.prev, guide.next], [undefined, undefined]);
    assert.deepEqual(courseOverview(course).teachers.map((p) => p.url), [guide.url]);
    const inBar = (bar: SidebarModule[]): string[] => bar.flatMap((m) => [m.url, ...m.lessons.map((l) => l.url), ...inBar(m.modules)]);
    assert.ok(!inBar(course.fullSidebar).includes(guide.url));
    assert.ok(!course.allModules.some((m) => m.url === "/algemeen/"), "no module Algemeen just for the guide");
    assert.ok(!course.pages.some((p) => p.prev?.url === guide.url || p.next?.url === guide.url));
  });

  test("prev/next follow the reading order across modules", () => {
    const chain = course.pages.map((p) => [p.prev?.url ?? null, p.url, p.next?.url ?? null]);
    assert.deepEqual(chain, [
      [null, "/1-basis/1-uitleg-containers/", "/1-basis/2-stappen-containers/"],
      ["/1-basis/1-uitleg-containers/", "/1-basis/2-stappen-containers/", "/1-basis/10-oefeningen-containers/"],
      ["/1-basis/2-stappen-containers/", "/1-basis/10-oefeningen-containers/", "/2-verder/1-uitleg-netwerken/"],
      ["/1-basis/10-oefeningen-containers/", "/2-verder/1-uitleg-netwerken/", "/2-verder/2-leertaak-webshop/"],
      ["/2-verder/1-uitleg-netwerken/", "/2-verder/2-leertaak-webshop/", "/2-verder/commandos/"],
      ["/2-verder/2-leertaak-webshop/", "/2-verder/commandos/", null],
      [null, "/handleiding-voor-docenten/", null],
    ]);
    assert.equal(course.start?.url, "/1-basis/1-uitleg-containers/");
  });

  test("backlinks in reading order, links from drafts ignored", () => {
    const cases: Array<[number, string[]]> = [
      [0, ["Stappen Containers", "Oefeningen Containers", "Uitleg Netwerken"]],
      [1, ["Uitleg Containers", "Leertaak Webshop"]],
      [2, ["Stappen Containers"]],
      [4, ["Leertaak Webshop"]],
      [5, []],
    ];
    for (const [i, titles] of cases) assert.deepEqual(page(i).backlinks.map((b) => b.title), titles, notes[i]!.name);
  });

  test("breadcrumbs and module of a lesson", () => {
    assert.deepEqual(page(4).breadcrumbs, [
      { title: "Cursus", url: "/" },
      { title: "Verder", url: "/2-verder/" },
    ]);
    assert.deepEqual(page(4).module, { title: "Verder", url: "/2-verder/" });
  });

  test("levels, steps, topics, reading time and last change", () => {
    const p = page(1);
    assert.deepEqual(p.levels, [1, 2]);
    assert.deepEqual(p.steps, [{ code: "ib-19", name: "Bouwen softwaresysteem", url: "/processtappen/ib-19/" }]);
    assert.deepEqual(p.topics, [{ title: "Containers", url: "/onderwerpen/containers/" }]);
    assert.equal(p.readingMinutes, 2);
    assert.equal(page(0).updated, "2026-11-20T10:00:00+01:00");
    assert.equal(p.updated, undefined);
  });

  test("an invalid code is ignored, not a crash", () => {
    assert.deepEqual(page(5).codes.map((c) => c.code), ["ib-19.3.Webshop.LT"]);
  });
});

describe("noteTags: own tags plus tags derived from taxonomy codes", () => {
  // A taxonomy code names one lesson: it is shown, but has no listing page of its own.
  const cases: Array<[string, Parameters<typeof note>[1], Array<[string, string, string | undefined]>]> = [
    ["no codes, own tags", { tags: ["docker", "linux"] }, [["docker", "tag", "/tags/docker/"], ["linux", "tag", "/tags/linux/"]]],
    [
      "one code",
      { taxonomie: ["ib-19.2.Docker-images.OI"] },
      [
        ["HBO-i/niveau-2", "niveau", "/tags/hbo-i-niveau-2/"],
        ["Bouwen softwaresysteem", "processtap", "/tags/bouwen-softwaresysteem/"],
        ["Implementatieproces", "proces", "/tags/implementatieproces/"],
        ["Docker-images", "onderwerp", "/onderwerpen/docker-images/"],
        ["ib-19.2.Docker-images.OI", "code", undefined],
      ],
    ],
    [
      "an own tag that repeats a derived one counts once (case-insensitive)",
      { taxonomie: ["ii-18.3.Docker.PI"], tags: ["docker", "extra"] },
      [
        ["HBO-i/niveau-3", "niveau", "/tags/hbo-i-niveau-3/"],
        ["Inrichten ontwikkelomgeving", "processtap", "/tags/inrichten-ontwikkelomgeving/"],
        ["Implementatieproces", "proces", "/tags/implementatieproces/"],
        ["Docker", "onderwerp", "/onderwerpen/docker/"],
        ["ii-18.3.Docker.PI", "code", undefined],
        ["extra", "tag", "/tags/extra/"],
      ],
    ],
    ["an invalid code derives nothing", { taxonomie: ["ib-19.4.Docker.OI"] }, []],
  ];
  for (const [name, fm, expected] of cases) {
    test(name, () => assert.deepEqual(noteTags(note("A/1. Uitleg X.md", fm)).map((t) => [t.title, t.kind, t.url]), expected));
  }
});

describe("tagUrl", () => {
  const cases: Array<[Parameters<typeof tagUrl>[0], string, string]> = [
    ["topic", "Docker-images", "/onderwerpen/docker-images/"],
    ["onderwerp", "Environment-variables", "/onderwerpen/environment-variables/"],
    ["step", "ib-19", "/processtappen/ib-19/"],
    ["tag", "HBO-i/niveau-2", "/tags/hbo-i-niveau-2/"],
    ["level", "HBO-i/niveau-1", "/tags/hbo-i-niveau-1/"],
  ];
  for (const [kind, name, url] of cases) test(`${kind} ${name}`, () => assert.equal(tagUrl(kind, name), url));
});

describe("sidebarFor: the modules on the way to a page complete and open, every other module a stub", () => {
  const notes = [
    note("1. Basis/1. Uitleg A.md"),
    note("1. Basis/2. Stappen A.md"),
    note("2. Verder/1. Uitleg B.md"),
    note("2. Verder/1. Diep/1. Uitleg C.md"),
    note("2. Verder/2. Ander/1. Uitleg D.md"),
    note("3. Laatste/1. Uitleg E.md"),
  ];
  const course = buildCourse({ notes, links: new Map(), html: new Map() });
  /** `url [open|stub] (lessons) {submodules}` per module, depth first. */
  const show = (bar: SidebarModule[]): string[] =>
    bar.flatMap((m) => [`${m.url} ${m.open ? "open" : m.stub ? "stub" : "closed"} ${m.lessons.length}`, ...show(m.modules).map((x) => `  ${x}`)]);
  const cases: Array<[string, string[]]> = [
    ["/1-basis/1-uitleg-a/", ["/1-basis/ open 2", "/2-verder/ stub 0", "/3-laatste/ stub 0"]],
    ["/2-verder/1-diep/1-uitleg-c/", ["/1-basis/ stub 0", "/2-verder/ open 1", "  /2-verder/1-diep/ open 1", "  /2-verder/2-ander/ stub 0", "/3-laatste/ stub 0"]],
    ["/2-verder/", ["/1-basis/ stub 0", "/2-verder/ open 1", "  /2-verder/1-diep/ stub 0", "  /2-verder/2-ander/ stub 0", "/3-laatste/ stub 0"]],
  ];
  for (const [url, expected] of cases) test(url, () => assert.deepEqual(show(course.sidebars.get(url)!), expected));

  test("pages of one module share one sidebar", () => {
    assert.equal(course.sidebars.get("/1-basis/1-uitleg-a/"), course.sidebars.get("/1-basis/2-stappen-a/"));
  });

  test("the shared tree: every module complete, none open", () => {
    assert.deepEqual(show(course.fullSidebar), [
      "/1-basis/ closed 2",
      "/2-verder/ closed 1",
      "  /2-verder/1-diep/ closed 1",
      "  /2-verder/2-ander/ closed 1",
      "/3-laatste/ closed 1",
    ]);
  });

  test("a page's sidebar does not grow with the lessons of other modules", () => {
    const many = [...notes, ...Array.from({ length: 300 }, (_, i) => note(`4. Groot/${i + 1}. Uitleg X${i}.md`))];
    const big = buildCourse({ notes: many, links: new Map(), html: new Map() });
    const bar = big.sidebars.get("/1-basis/1-uitleg-a/")!;
    assert.deepEqual(bar.slice(0, 3), course.sidebars.get("/1-basis/1-uitleg-a/"));
    assert.deepEqual(bar.slice(3), sidebarFor(big.modules.slice(3), new Set()));
    assert.deepEqual(show(bar.slice(3)), ["/4-groot/ stub 0"]);
  });
});

describe("listings and matrix", () => {
  const notes = [
    note("1. Basis/1. Uitleg Containers.md", { taxonomie: ["ib-19.1.Containers.OI"], tags: ["docker"] }),
    note("1. Basis/2. Stappen Containers.md", { taxonomie: ["ib-19.1.Containers.PI", "ib-19.2.Containers.PI"] }),
    note("1. Basis/10. Oefeningen Containers.md", { taxonomie: ["ib-19.2.Containers.DT"] }),
    note("2. Verder/1. Uitleg Netwerken.md", { taxonomie: ["ii-18.2.Netwerken.OI"] }),
  ];
  const course = buildCourse({ notes, links: new Map(), html: new Map() });
  const pages: LessonPage[] = course.pages;
  const listing = (url: string) => course.listings.find((l) => l.url === url);

  test("a listing per tag, topic, step and level, with its lessons in course order", () => {
    const cases: Array<[string, string, string[]]> = [
      ["/tags/docker/", "tag", ["Uitleg Containers"]],
      ["/onderwerpen/containers/", "topic", ["Uitleg Containers", "Stappen Containers", "Oefeningen Containers"]],
      ["/processtappen/ib-19/", "step", ["Uitleg Containers", "Stappen Containers", "Oefeningen Containers"]],
      ["/processtappen/ii-18/", "step", ["Uitleg Netwerken"]],
      ["/tags/hbo-i-niveau-1/", "level", ["Uitleg Containers", "Stappen Containers"]],
      ["/tags/hbo-i-niveau-2/", "level", ["Stappen Containers", "Oefeningen Containers", "Uitleg Netwerken"]],
    ];
    for (const [url, kind, titles] of cases) {
      const l = listing(url);
      assert.ok(l, `missing listing ${url}`);
      assert.equal(l.kind, kind, url);
      assert.deepEqual(l.lessons.map((x) => x.title), titles, url);
    }
    assert.equal(listing("/tags/hbo-i-niveau-3/"), undefined, "no page for a level without lessons");
    assert.deepEqual(course.listings.filter((l) => /^\/tags\/[a-z]{2}-\d/.test(l.url)), [], "no page per taxonomy code: a code names one lesson");
    assert.equal(listing("/onderwerpen/docker/"), undefined);
  });

  test("listing URLs are unique", () => {
    const urls = buildListings(pages).map((l) => l.url);
    assert.equal(new Set(urls).size, urls.length);
  });

  test("process steps × levels: cells, gaps, used rows", () => {
    const m = buildMatrix(pages);
    assert.deepEqual(m.levels, [1, 2, 3]);
    const row = (code: string) => m.steps.find((s) => s.step.code === code)!;
    assert.deepEqual(row("ib-19").cells.map((c) => c.lessons.map((l) => l.number)), [[1, 2], [2, 10], []]);
    assert.deepEqual(row("ib-19").cells.map((c) => c.gap), [false, false, true]);
    assert.deepEqual(row("ii-18").cells.map((c) => c.lessons.length), [0, 1, 0]);
    assert.equal(row("ib-19").url, "/processtappen/ib-19/");
    assert.equal(row("to-1").used, false);
    assert.equal(row("to-1").url, undefined, "an unused step has no page");
    assert.equal(m.steps.filter((s) => s.used).length, 2);
  });

  test("topics × components LT/OI/PI/DT, and the gap count", () => {
    const m = buildMatrix(pages);
    assert.deepEqual(m.components.map((c) => c.code), ["LT", "OI", "PI", "DT"]);
    assert.deepEqual(
      m.topics.map((t) => [t.topic, t.url, t.cells.map((c) => c.lessons.length)]),
      [
        ["Containers", "/onderwerpen/containers/", [0, 1, 1, 1]],
        ["Netwerken", "/onderwerpen/netwerken/", [0, 1, 0, 0]],
      ],
    );
    // Gaps: ib-19 level 3, ii-18 levels 1 and 3, Containers LT, Netwerken LT/PI/DT.
    assert.equal(m.gaps, 1 + 2 + 1 + 3);
  });
});
