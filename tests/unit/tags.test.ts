/**
 * Tag pages never share a URL and never have an empty one (src/course/listings.ts `tagSlug`):
 * `C++` and `C#` would both slug to `c`, 🐳 and 日本 to nothing.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildCourse, noteTags, tagSlug, tagUrl } from "../../src/course/index.ts";
import { noteFromSource } from "../../src/vault/index.ts";

describe("tagSlug", () => {
  test("plain tags keep their slug", () => {
    assert.equal(tagSlug("docker"), "docker");
    assert.equal(tagSlug("HBO-i/niveau-2"), "hbo-i-niveau-2");
    assert.equal(tagSlug("Docker images"), "docker-images");
  });
  test("C++ and C# get different URLs, both starting with their slug", () => {
    assert.match(tagSlug("C++"), /^c-[0-9a-z]{6}$/);
    assert.match(tagSlug("C#"), /^c-[0-9a-z]{6}$/);
    assert.notEqual(tagSlug("C++"), tagSlug("C#"));
  });
  test("🐳 and 日本 get different, non-empty URLs", () => {
    assert.match(tagSlug("🐳"), /^[0-9a-z]{6}$/);
    assert.match(tagSlug("日本"), /^[0-9a-z]{6}$/);
    assert.notEqual(tagSlug("🐳"), tagSlug("日本"));
    assert.notEqual(tagUrl("tag", "🐳"), "/tags//");
  });
  test("case does not make a tag different (Obsidian ignores it)", () => {
    assert.equal(tagSlug("C++"), tagSlug("c++"));
  });
});

describe("tag listings", () => {
  test("one listing per tag: C++, C#, 🐳 and 日本 each have their own page", () => {
    const a = noteFromSource("---\ntags: [C++, 🐳]\n---\nA\n", "M/A.md");
    const b = noteFromSource("---\ntags: [C#, 日本]\n---\nB\n", "M/B.md");
    const course = buildCourse({ notes: [a, b], links: new Map(), html: new Map([["M/A.md", "<p>A</p>"], ["M/B.md", "<p>B</p>"]]) });
    const tags = course.listings.filter((l) => l.kind === "tag");
    assert.deepEqual(tags.map((l) => l.title).sort(), ["C#", "C++", "日本", "🐳"].sort());
    assert.equal(new Set(tags.map((l) => l.url)).size, 4);
    for (const l of tags) {
      assert.match(l.url, /^\/tags\/[0-9a-z-]+\/$/);
      assert.equal(l.lessons.length, 1, l.title);
    }
    assert.equal(noteTags(a).find((t) => t.title === "C++")!.url, tags.find((l) => l.title === "C++")!.url);
  });
});
