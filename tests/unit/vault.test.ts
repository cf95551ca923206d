/**
 * The vault index and its pure helpers, as tables of cases: slugs, name keys, resolution
 * order, case and Unicode normalisation, ambiguity, attachments, front matter.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { dateValue, splitFrontMatter, tagList, unpublishedReason } from "../../src/vault/frontmatter.ts";
import { loadVault, noteUrl } from "../../src/vault/index.ts";
import { closest, headingSlug, nameKey, slugify } from "../../src/vault/slug.ts";
import { expandVariables } from "../../src/vault/variables.ts";
import { tempDir } from "../helpers/tmp.ts";

const root = path.join(path.dirname(new URL(import.meta.url).pathname), "../fixtures/vault");
const vault = loadVault({ root, assetsDir: path.join(root, "../assets"), cwd: path.join(root, "..") });

describe("slugify", () => {
  const cases: Array<[string, string]> = [
    ["Wat zijn Docker Images?", "wat-zijn-docker-images"],
    ["4. Uitleg Docker Images", "4-uitleg-docker-images"],
    ["Commerciële licentie", "commerciele-licentie"],
    ["Commercie\u0308le licentie", "commerciele-licentie"],
    ["Commando's", "commandos"],
    ["  --Veel   spaties--  ", "veel-spaties"],
    [".dockerignore", "dockerignore"],
    ["Docker & Compose: v2", "docker-compose-v2"],
    ["Ångström straße", "angstrom-strasse"],
    ["🐳", ""],
  ];
  for (const [input, expected] of cases) test(JSON.stringify(input), () => assert.equal(slugify(input), expected));
});

describe("headingSlug", () => {
  const cases: Array<[string, string]> = [
    ["`docker run` **uitgelegd**", "docker-run-uitgelegd"],
    ["[[4. Uitleg Docker Images|Images]] en lagen", "images-en-lagen"],
    ["[[4. Uitleg Docker Images]]", "4-uitleg-docker-images"],
    ["[Docs](https://docs.docker.com) lezen", "docs-lezen"],
    ["?!", "kop"],
  ];
  for (const [input, expected] of cases) test(input, () => assert.equal(headingSlug(input), expected));
});

describe("nameKey", () => {
  test("NFC and NFD give the same key", () => assert.equal(nameKey("Cafe\u0301"), nameKey("Café")));
  test("case-insensitive", () => assert.equal(nameKey("4. Uitleg DOCKER Images"), nameKey("4. uitleg docker images")));
  test("collapses whitespace", () => assert.equal(nameKey(" Docker   Images "), "docker images"));
});

describe("noteUrl", () => {
  const cases: Array<[string, string]> = [
    ["8. Docker/4. Uitleg Docker Images.md", "/8-docker/4-uitleg-docker-images/"],
    ["Docker Ecosysteem.md", "/docker-ecosysteem/"],
    ["8. Docker/Commando's.md", "/8-docker/commandos/"],
  ];
  for (const [rel, url] of cases) test(rel, () => assert.equal(noteUrl(rel), url));
});

describe("resolveNote", () => {
  const found = (target: string) => {
    const r = vault.resolveNote(target);
    return r.kind === "missing" ? `missing${r.suggestion ? `:${r.suggestion}` : ""}` : `${r.kind}:${r.target.rel}`;
  };
  const cases: Array<[string, string]> = [
    ["4. Uitleg Docker Images", "found:8. Docker/4. Uitleg Docker Images.md"],
    ["4. uitleg docker images", "found:8. Docker/4. Uitleg Docker Images.md"],
    ["8. Docker/4. Uitleg Docker Images", "found:8. Docker/4. Uitleg Docker Images.md"],
    ["8. Docker/4. Uitleg Docker Images.md", "found:8. Docker/4. Uitleg Docker Images.md"],
    ["Docker/4. Uitleg Docker Images", "missing:4. Uitleg Docker Images"],
    ["Café Docker", "found:8. Docker/Cafe\u0301 Docker.md"],
    ["Cafe\u0301 Docker", "found:8. Docker/Cafe\u0301 Docker.md"],
    ["Commerciële licentie", "found:8. Docker/Commerciële licentie.md"],
    ["container-uitleg", "found:8. Docker/6. Uitleg Docker Containers.md"],
    ["Dubbel", "ambiguous:Andere/Dubbel.md"],
    ["Modules/Dubbel", "found:Modules/Dubbel.md"],
    ["Dockerfiel", "missing:8. Uitleg Dockerfile"],
    ["Kubernetes", "missing"],
  ];
  for (const [target, expected] of cases) test(target, () => assert.equal(found(target).normalize("NFC"), expected.normalize("NFC")));

  test("a name beats an alias", () => {
    const r = vault.resolveNote("6. Uitleg Docker Containers");
    assert.equal(r.kind, "found");
  });
  test("ambiguity is broken by the nearest folder", () => {
    const from = vault.notes.find((n) => n.rel === "Modules/Dubbel.md")!;
    const r = vault.resolveNote("Dubbel", from);
    assert.equal(r.kind, "ambiguous");
    assert.equal(r.kind === "ambiguous" && r.target.rel, "Modules/Dubbel.md");
  });
  test("duplicate names are listed", () => {
    assert.deepEqual(vault.duplicateNames().map((g) => g.map((n) => n.rel).sort()), [["Andere/Dubbel.md", "Modules/Dubbel.md"]]);
  });
});

describe("resolveAttachment", () => {
  const cases: Array<[string, string]> = [
    ["schema.svg", "/bestanden/bijlagen/schema.svg"],
    ["SCHEMA.SVG", "/bestanden/bijlagen/schema.svg"],
    ["bijlagen/schema.svg", "/bestanden/bijlagen/schema.svg"],
    ["/_assets/vm_docker.png", "/_assets/vm_docker.png"],
    ["vm_docker.png", "/_assets/vm_docker.png"],
    ["bijlagen/diagram%20x.png", "missing"],
  ];
  for (const [target, url] of cases) {
    test(target, () => {
      const r = vault.resolveAttachment(target);
      assert.equal(r.kind === "missing" ? "missing" : r.target.url, url);
    });
  }
});

describe("headings in the index", () => {
  test("ids are unique and match the render", () => {
    const note = vault.notes.find((n) => n.name === "4. Uitleg Docker Images")!;
    assert.deepEqual(
      note.headings.map((h) => [h.level, h.id, h.line]),
      [
        [2, "wat-zijn-docker-images", 6],
        [2, "hoe-zitten-docker-images-in-elkaar", 9],
        [3, "docker-engine", 12],
        [2, "hoe-zitten-docker-images-in-elkaar-1", 15],
      ],
    );
  });
});

describe("front matter", () => {
  test("body line after the front matter", () => {
    const fm = splitFrontMatter("---\ntitle: A\ntags: [x]\n---\nBody");
    assert.equal(fm.bodyLine, 5);
    assert.equal(fm.body, "Body");
    assert.equal(fm.keyLines.get("tags"), 3);
  });
  test("malformed YAML names the line and keeps the body", () => {
    const fm = splitFrontMatter('---\ntitle: A\ntaxonomie: [ib-19.2.Docker.OI\nx: "open\n---\nBody');
    assert.equal(fm.problems.length, 1);
    assert.equal(fm.problems[0]!.rule, "frontmatter-yaml");
    assert.equal(fm.problems[0]!.line, 3);
    assert.equal(fm.body, "Body");
    assert.deepEqual(fm.data, {});
  });
  test("unclosed front matter", () => {
    assert.equal(splitFrontMatter("---\ntitle: A\nBody").problems[0]!.rule, "frontmatter-unclosed");
  });
  test("no front matter", () => {
    const fm = splitFrontMatter("# Kop\n");
    assert.equal(fm.bodyLine, 1);
    assert.deepEqual(fm.data, {});
  });
  test("byte-order mark and CRLF", () => {
    const fm = splitFrontMatter("\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n");
    assert.equal(fm.data.title, "A");
    assert.equal(fm.bodyLine, 4);
  });
  const tags: Array<[unknown, string[]]> = [
    [["a", "b"], ["a", "b"]],
    ["docker, images", ["docker", "images"]],
    ["#docker #images", ["docker", "images"]],
    [null, []],
  ];
  for (const [value, expected] of tags) test(`tags ${JSON.stringify(value)}`, () => assert.deepEqual(tagList(value), expected));
  test("a date that is no date is ignored", () => {
    assert.equal(dateValue("gisteren"), undefined);
    assert.equal(dateValue("2025-08-25")?.toISOString().slice(0, 10), "2025-08-25");
  });
  const drafts: Array<[Record<string, unknown>, string | undefined]> = [
    [{ draft: true }, "draft: true"],
    [{ ignore: true }, "ignore: true"],
    [{ publish: false }, "publish: false"],
    [{ publish: true }, undefined],
    [{}, undefined],
  ];
  for (const [data, reason] of drafts) test(`unpublished ${JSON.stringify(data)}`, () => assert.equal(unpublishedReason(data), reason));
});

describe("variables", () => {
  const data = { title: "Docker", module: { naam: "Basis" } };
  const cases: Array<[string, string, string[]]> = [
    ["{{ title }}", "Docker", []],
    ["{{title}} en {{ module.naam }}", "Docker en Basis", []],
    ["{{ .Names }}", "{{ .Names }}", []],
    ["{{ json .Config }}", "{{ json .Config }}", []],
    ["{{ onbekend }}", "{{ onbekend }}", ["onbekend"]],
  ];
  for (const [input, out, missing] of cases) {
    test(input, () => {
      const r = expandVariables(input, data);
      assert.equal(r.text, out);
      assert.deepEqual(r.missing.map((m) => m.name), missing);
    });
  }
});

describe("closest", () => {
  const names = ["8. Uitleg Dockerfile", "4. Uitleg Docker Images", "21. Oefeningen Docker Images", "16. Uitleg Docker Netwerken"];
  const cases: Array<[string, string | undefined]> = [
    ["Dockerfiel", "8. Uitleg Dockerfile"],
    ["4. Uitleg Docker Image", "4. Uitleg Docker Images"],
    ["docker images", "4. Uitleg Docker Images"],
    ["Netwerken", "16. Uitleg Docker Netwerken"],
    ["Kubernetes", undefined],
  ];
  for (const [wanted, expected] of cases) test(wanted, () => assert.equal(closest(wanted, names), expected));
});

describe("URL conflicts", () => {
  test("two pages that map to one URL are both kept and reported", () => {
    const dir = tempDir("vault-");
    mkdirSync(path.join(dir, "Module"));
    writeFileSync(path.join(dir, "Module", "Docker Images.md"), "Een\n");
    writeFileSync(path.join(dir, "Module", "docker-images!.md"), "Twee\n");
    const v = loadVault({ root: dir });
    assert.deepEqual(v.urlConflicts.map((c) => [c.url, c.notes.map((n) => n.rel)]), [["/module/docker-images/", ["Module/Docker Images.md", "Module/docker-images!.md"]]]);
    assert.deepEqual(v.published.map((n) => n.url).sort(), ["/module/docker-images-2/", "/module/docker-images/"]);
  });
});
