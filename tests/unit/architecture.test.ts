/**
 * The one-way flow of ARCHITECTURE.md, checked in the imports: a folder of `src/` imports only
 * from folders on a lower layer, only `src/eleventy/` imports Eleventy, and the browser code
 * imports only the UI strings and the labs' pure logic.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { sourceFiles } from "../helpers/files.ts";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** Layer of each top-level part of src/: an import must go to a strictly lower layer. */
const LAYERS: Record<string, number> = {
  site: 0,
  diagnostics: 0,
  taxonomy: 0,
  settings: 0,
  types: 0,
  labs: 1,
  vault: 1,
  images: 1,
  markdown: 2,
  rules: 3,
  course: 3,
  compile: 4,
  check: 5,
  eleventy: 5,
  client: 5,
};
/** What the browser bundle may import from outside src/client/. */
const CLIENT_MAY_IMPORT = new Set(["site", "labs"]);

interface Import {
  file: string;
  from: string;
  to: string;
  spec: string;
}


/** The top-level part of src/ a path belongs to: its first folder, or the file name without `.ts`. */
function partOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!.replace(/\.ts$/, "");
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function importsOf(file: string, source: string): Array<{ spec: string; to?: string }> {
  const out: Array<{ spec: string; to?: string }> = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = (m[1] ?? m[2])!;
    out.push({ spec, to: spec.startsWith(".") ? partOf(path.resolve(path.dirname(file), spec)) : undefined });
  }
  return out;
}

const files = sourceFiles(SRC);
const imports: Import[] = files.flatMap((file) =>
  importsOf(file, readFileSync(file, "utf8")).map((i) => ({ file: path.relative(SRC, file), from: partOf(file), to: i.to ?? i.spec, spec: i.spec })),
);
const local = imports.filter((i) => i.spec.startsWith(".") && i.to !== i.from);

describe("architecture: imports follow the one-way flow", () => {
  test("the import reader finds static, re-exported and dynamic imports", () => {
    const found = importsOf(path.join(SRC, "compile/index.ts"), 'import a from "../vault/index.ts";\nexport { b } from "./x.ts";\nconst c = await import("../eleventy/site.ts");\nimport type { D } from "markdown-it";');
    assert.deepEqual(found, [
      { spec: "../vault/index.ts", to: "vault" },
      { spec: "./x.ts", to: "compile" },
      { spec: "../eleventy/site.ts", to: "eleventy" },
      { spec: "markdown-it", to: undefined },
    ]);
  });

  test("every part of src/ has a layer", () => {
    const parts = [...new Set(files.map(partOf))].sort();
    assert.deepEqual(parts.filter((p) => !(p in LAYERS)), []);
    assert.ok(local.length > 50, `expected many imports between parts, read ${local.length}`);
  });

  test("no part imports from its own layer or a higher one", () => {
    const upward = local.filter((i) => !(i.from === "client" ? CLIENT_MAY_IMPORT.has(i.to) : LAYERS[i.to]! < LAYERS[i.from]!));
    assert.deepEqual(upward.map((i) => `${i.file} imports ${i.spec}`), []);
  });

  test("only src/eleventy/ imports Eleventy itself", () => {
    const eleventy = imports.filter((i) => /^@11ty\/eleventy(\/|$)/.test(i.spec) && i.from !== "eleventy" && i.from !== "types");
    assert.deepEqual(eleventy.map((i) => `${i.file} imports ${i.spec}`), []);
  });

  test("the browser code imports no Node module", () => {
    const node = imports.filter((i) => i.from === "client" && /^node:/.test(i.spec));
    assert.deepEqual(node.map((i) => `${i.file} imports ${i.spec}`), []);
  });
});
