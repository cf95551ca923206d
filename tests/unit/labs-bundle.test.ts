/**
 * The labs' bundle budget, measured like `npm run bench -- --bundle-only` (scripts/bench/bundle.ts):
 * the client bundles built as the site builds them, each lab's on-demand chunks gzipped.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { BUDGETS, measureBundles, type BundleReport } from "../../scripts/bench/bundle.ts";

describe("labs bundle budget", () => {
  let report: BundleReport;
  before(async () => {
    report = await measureBundles();
  });
  test("each lab is a chunk of its own that main.js loads on demand", () => {
    assert.deepEqual(report.labs.map((l) => l.name), ["explorer", "map"]);
    const [explorer, map] = report.labs;
    assert.ok(!explorer!.files.includes(map!.files[0]!) && !map!.files.includes(explorer!.files[0]!), "the explorer and the map load different chunks");
  });
  test(`the Dockerfile explorer stays within ${BUDGETS.explorer / 1024} KB gzip`, () => {
    const explorer = report.labs.find((l) => l.name === "explorer")!;
    assert.ok(explorer.gzip <= BUDGETS.explorer, `${explorer.gzip} bytes`);
  });
  test(`the Compose map stays within ${BUDGETS.map / 1024} KB gzip`, () => {
    const map = report.labs.find((l) => l.name === "map")!;
    assert.ok(map.gzip <= BUDGETS.map, `${map.gzip} bytes`);
  });
});
