/**
 * What a lesson page shows, as tables: the tags a student sees (topic and level, plainly
 * named; no taxonomy codes, processes or steps), the closing "Volgende stap" quote left out
 * only when the "Volgende les" card leads to the same page, and the "Bewerk deze pagina"
 * address from REPO_URL (GitHub and GitLab, branch, content folder, file names with spaces).
 */
import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { noteTags } from "../../src/course/index.ts";
import { studentTags, withoutRepeatedNextStep } from "../../src/course/site.ts";
import { editUrl, parseRepository, readSettings } from "../../src/settings.ts";
import { noteFromSource } from "../../src/vault/index.ts";

describe("studentTags", () => {
  test("topics and levels, plainly named, then the note's own tags; no codes, processes or steps", () => {
    const note = noteFromSource("---\ntitle: 7. Stappen Docker Containers\ntaxonomie: ['ib-19.2.Docker-containers.PI', 'ib-19.3.Docker-containers.PI']\ntags: ['security']\n---\nTekst\n", "Docker/7. Stappen Docker Containers.md", "Docker/7. Stappen Docker Containers.md");
    const all = noteTags(note);
    assert.ok(all.some((tag) => tag.kind === "code") && all.some((tag) => tag.kind === "processtap") && all.some((tag) => tag.kind === "proces"), "the course model still has every tag");
    assert.deepEqual(
      studentTags(all).map((tag) => [tag.kind, tag.title, tag.url]),
      [
        ["onderwerp", "Docker containers", "/onderwerpen/docker-containers/"],
        ["niveau", "Niveau 2", "/tags/hbo-i-niveau-2/"],
        ["niveau", "Niveau 3", "/tags/hbo-i-niveau-3/"],
        ["tag", "security", "/tags/security/"],
      ],
    );
  });

  test("a note without taxonomy keeps its own tags", () => {
    const note = noteFromSource("---\ntags: [linux, netwerk]\n---\nTekst\n", "Notitie.md", "Notitie.md");
    assert.deepEqual(studentTags(noteTags(note)).map((tag) => tag.title), ["linux", "netwerk"]);
  });
});

describe("withoutRepeatedNextStep", () => {
  const next = { url: "/8-docker/23-oefeningen-dockerfile/" };
  const quote = (href: string, label = "Volgende stap:") => `<p>Tekst.</p>\n<hr>\n<blockquote>\n<p>${label} <a href="${href}" class="wikilink">Oefeningen Dockerfile</a></p>\n</blockquote>\n`;
  const cases: Array<[string, string, { url: string } | undefined, string]> = [
    ["the same page as the card: the quote and its rule go", quote(next.url), next, "<p>Tekst.</p>\n"],
    ["bold label", quote(next.url, "<strong>Volgende stap:</strong>"), next, "<p>Tekst.</p>\n"],
    ["another page than the card: it stays", quote("/8-docker/24-oefeningen-docker-compose/"), next, quote("/8-docker/24-oefeningen-docker-compose/")],
    ["a heading of the next page: it stays", quote(`${next.url}#opdracht`), next, quote(`${next.url}#opdracht`)],
    ["no card: it stays", quote(next.url), undefined, quote(next.url)],
    ["not at the end of the page: it stays", quote(next.url) + "<p>Nog meer.</p>\n", next, quote(next.url) + "<p>Nog meer.</p>\n"],
    ["another quote: it stays", "<blockquote>\n<p>Let op: <a href=\"/8-docker/23-oefeningen-dockerfile/\">x</a></p>\n</blockquote>\n", next, "<blockquote>\n<p>Let op: <a href=\"/8-docker/23-oefeningen-dockerfile/\">x</a></p>\n</blockquote>\n"],
  ];
  for (const [name, html, card, expected] of cases) test(name, () => assert.equal(withoutRepeatedNextStep(html, card), expected));
});

describe("REPO_URL: Bewerk deze pagina", () => {
  const root = "/project";
  const content = "/project/content";
  const cases: Array<[string, Record<string, string>, string, string | undefined]> = [
    ["GitHub, default branch main, the content folder's place in the project", { REPO_URL: "https://github.com/org/docker-cursus" }, "8. Docker/7. Stappen Docker Containers.md", "https://github.com/org/docker-cursus/edit/main/content/8.%20Docker/7.%20Stappen%20Docker%20Containers.md"],
    ["a trailing slash and .git are dropped; REPO_BRANCH", { REPO_URL: "https://github.com/org/docker-cursus.git/", REPO_BRANCH: "lesstof" }, "Les.md", "https://github.com/org/docker-cursus/edit/lesstof/content/Les.md"],
    ["GitLab (also self-hosted) edits at /-/edit/", { REPO_URL: "https://gitlab.hbo.example/ict/docker", REPO_BRANCH: "release/2027" }, "a b.md", "https://gitlab.hbo.example/ict/docker/-/edit/release/2027/content/a%20b.md"],
    ["gitlab.com with a group and subgroup", { REPO_URL: "https://gitlab.com/school/ict/docker" }, "Les.md", "https://gitlab.com/school/ict/docker/-/edit/main/content/Les.md"],
    ["REPO_CONTENT_PATH names the folder; empty means the repository's root", { REPO_URL: "https://github.com/org/vault", REPO_CONTENT_PATH: "" }, "Les.md", "https://github.com/org/vault/edit/main/Les.md"],
    ["REPO_CONTENT_PATH with slashes", { REPO_URL: "https://github.com/org/site", REPO_CONTENT_PATH: "/docs/lessen/" }, "Les.md", "https://github.com/org/site/edit/main/docs/lessen/Les.md"],
    ["no REPO_URL: no link", {}, "Les.md", undefined],
  ];
  for (const [name, env, rel, expected] of cases) {
    test(name, () => {
      const { repository, problem } = parseRepository(env, root, content);
      assert.equal(problem, undefined);
      assert.equal(repository && editUrl(repository, rel), expected);
    });
  }

  test("a content folder outside the project is the repository's root", () => {
    const { repository } = parseRepository({ REPO_URL: "https://github.com/org/vault" }, root, "/elders/vault");
    assert.equal(repository && editUrl(repository, "Les.md"), "https://github.com/org/vault/edit/main/Les.md");
  });

  const bad: Array<[string, string, RegExp]> = [
    ["not a URL", "github.com/org/x", /REPO_URL "github\.com\/org\/x" is geen geldig adres/],
    ["not http(s)", "ssh://git@github.com/org/x", /moet met https:\/\/ beginnen/],
    ["no repository", "https://github.com/", /noemt geen repository/],
  ];
  for (const [name, value, message] of bad) {
    test(`refused: ${name}`, () => {
      const { repository, problem } = parseRepository({ REPO_URL: value }, root, content);
      assert.equal(repository, undefined);
      assert.match(problem ?? "", message);
    });
  }

  test("readSettings reads it from the environment", () => {
    const settings = readSettings({ REPO_URL: "https://github.com/org/docker-cursus", COURSE_CONTENT: "content" }, root, false);
    assert.equal(settings.repository && editUrl(settings.repository, "x.md"), "https://github.com/org/docker-cursus/edit/main/content/x.md");
    assert.equal(readSettings({}, root, false).repository, undefined);
    assert.equal(path.relative(root, settings.contentDir), "content");
  });
});
