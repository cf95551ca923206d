/**
 * Did-you-mean stays bounded: distances are cut off at what would be accepted, each wanted
 * name is compared with at most MAX_CANDIDATES names and only once per list, and the vault
 * only looks for a suggestion when a message reads it.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { loadVault } from "../../src/vault/index.ts";
import { closest, editDistance, MAX_CANDIDATES, MAX_INDEX_READS, NameMatcher } from "../../src/vault/slug.ts";
import { tempDir } from "../helpers/tmp.ts";

describe("editDistance", () => {
  const exact: Array<[string, string, number]> = [
    ["", "", 0],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["Dockerfiel", "Dockerfile", 2],
    ["flaw", "lawn", 2],
  ];
  for (const [a, b, d] of exact) {
    test(`${JSON.stringify(a)} ~ ${JSON.stringify(b)} = ${d}, in both directions and with a high enough bound`, () => {
      assert.equal(editDistance(a, b), d);
      assert.equal(editDistance(b, a), d);
      assert.equal(editDistance(a, b, d), d);
    });
  }
  test("a distance above the bound is reported as bound + 1", () => {
    assert.equal(editDistance("kubernetes", "dockerfile", 2), 3);
    assert.equal(editDistance("kitten", "sitting", 2), 3);
  });
  test("strings whose lengths differ more than the bound are not compared", () => {
    assert.equal(editDistance("a", "a".repeat(1_000_000), 3), 4);
    assert.equal(editDistance("x".repeat(200_000), "y".repeat(200_000), 5), 6);
  });
});

describe("NameMatcher", () => {
  const many = Array.from({ length: 10_000 }, (_, i) => `Les ${i}`);

  test(`a list of 10,000 names: the right suggestion, with at most ${MAX_CANDIDATES} compared`, () => {
    const m = new NameMatcher([...many, "8. Uitleg Dockerfile"]);
    assert.equal(m.closest("Les 1234x"), "Les 1234");
    assert.ok(m.comparisons <= MAX_CANDIDATES, `${m.comparisons} compared`);
    assert.equal(m.closest("Dockerfiel"), "8. Uitleg Dockerfile");
    assert.ok(m.comparisons <= 2 * MAX_CANDIDATES, `${m.comparisons} compared`);
  });

  test(`a lookup reads at most ${MAX_INDEX_READS} index entries, however many names share its pieces`, () => {
    // Every name shares "uitleg" and "docker" with the wanted one: an unbounded index read would touch them all, several times.
    const names = Array.from({ length: 50_000 }, (_, i) => `${i}. Uitleg Docker Onderwerp ${i}`);
    const m = new NameMatcher(names);
    assert.equal(m.closest("123. Uitleg Docker Onderwerp 123x"), "123. Uitleg Docker Onderwerp 123");
    assert.ok(m.indexReads <= MAX_INDEX_READS, `${m.indexReads} index entries read`);
  });

  test("the same wanted name is looked up once", () => {
    const m = new NameMatcher(many);
    assert.equal(m.closest("Les 77x"), "Les 77");
    const after = m.comparisons;
    for (let i = 0; i < 1000; i++) assert.equal(m.closest("Les 77x"), "Les 77");
    assert.equal(m.comparisons, after);
  });

  test("a name far longer than every candidate is compared with none", () => {
    const m = new NameMatcher(many);
    assert.equal(m.closest("x".repeat(100_000)), undefined);
    assert.equal(m.comparisons, 0);
  });

  test("a whole word of a longer name still counts, whatever the length difference", () => {
    assert.equal(new NameMatcher([...many, "16. Uitleg Docker Netwerken"]).closest("Netwerken"), "16. Uitleg Docker Netwerken");
  });

  test("a short list is compared in full: typos of short words that share no three-letter piece", () => {
    const commands = ["rm", "ps", "cp", "run", "exec", "logs", "pull", "push", "build", "kill", "stop", "start"];
    assert.deepEqual(["rn", "nur", "gols", "klil", "lupl"].map((w) => closest(w, commands)), ["rm", "run", "logs", "kill", "pull"]);
  });

  test("closest() over a small list gives the same answers as before", () => {
    const keys = ["title", "taxonomie", "tags", "date", "aliases", "alias", "draft", "ignore", "publish", "description"];
    assert.deepEqual(["tilte", "tag", "taxonomy", "kubernetes"].map((k) => closest(k, keys)), ["title", "tags", "taxonomie", undefined]);
  });
});

describe("Vault: did-you-mean for missing targets only", () => {
  const dir = tempDir("vault-dym-");
  for (let i = 0; i < 300; i++) writeFileSync(path.join(dir, `Les ${i}.md`), `Tekst ${i}.\n`);
  writeFileSync(path.join(dir, "schema.png"), "");
  const vault = loadVault({ root: dir });

  // Counts the lookups of every NameMatcher while `run` runs.
  const lookups = (run: () => void): number => {
    const proto = NameMatcher.prototype as unknown as { closest(w: string): string | undefined };
    const original = proto.closest;
    let n = 0;
    proto.closest = function (this: NameMatcher, w: string) {
      n++;
      return original.call(this, w);
    };
    try {
      run();
    } finally {
      proto.closest = original;
    }
    return n;
  };

  test("found targets look for no suggestion", () => {
    assert.equal(lookups(() => assert.equal(vault.resolveNote("Les 12").kind, "found")), 0);
    assert.equal(lookups(() => assert.equal(vault.resolveAttachment("schema.png").kind, "found")), 0);
  });

  test("a missing target looks for a suggestion only when it is read, and once", () => {
    let res = vault.resolveNote("Les 12x");
    assert.equal(lookups(() => (res = vault.resolveNote("Les 13x"))), 0);
    assert.equal(
      lookups(() => {
        assert.equal(res.kind === "missing" && res.suggestion, "Les 13");
        assert.equal(res.kind === "missing" && res.suggestion, "Les 13");
      }),
      1,
    );
    const att = vault.resolveAttachment("shema.png");
    assert.equal(att.kind === "missing" && att.suggestion, "schema.png");
  });
});

describe("broken heading links: one did-you-mean list per page", () => {
  test("2,000 broken anchors into a page of 2,000 headings use one NameMatcher, with the right suggestions", async () => {
    const { Diagnostics } = await import("../../src/diagnostics/index.ts");
    const { createMarkdown, renderNote } = await import("../../src/markdown/index.ts");
    const { noteFromSource } = await import("../../src/vault/index.ts");
    const n = 2000;
    const body = Array.from({ length: n }, (_, i) => `## Kop ${i}\n\nZie [[#Kop ${i}x]].\n`).join("\n");
    const diagnostics = new Diagnostics({ maxPerFile: n });
    const md = createMarkdown({ diagnostics, highlight: false });
    const proto = NameMatcher.prototype as unknown as { closest(w: string): string | undefined };
    const original = proto.closest;
    const matchers = new Set<unknown>();
    proto.closest = function (this: NameMatcher, w: string) {
      matchers.add(this);
      return original.call(this, w);
    };
    try {
      renderNote(md, noteFromSource(body, "Koppen.md"));
    } finally {
      proto.closest = original;
    }
    assert.equal(matchers.size, 1);
    const list = diagnostics.all();
    assert.equal(list.length, n);
    assert.match(list.at(-1)!.message, new RegExp(`geen kop "Kop ${n - 1}x"; bedoel je "#Kop ${n - 1}"\\?$`));
    assert.equal(list.at(-1)!.hint, "Koppen daar: Kop 0, Kop 1, Kop 2, Kop 3, Kop 4, Kop 5");
  });
});
