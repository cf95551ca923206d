/**
 * Broken images: the cheap look at a file before conversion (`imageFileProblem`), and the
 * image pipeline's flush, which must survive an image that sharp cannot read and leave none of
 * its output files behind.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { imageFileProblem } from "../../src/images/check.ts";
import { ImagePipeline } from "../../src/images/index.ts";
import { tempDir } from "../helpers/tmp.ts";

const ROOT = process.cwd();
const PNG = readFileSync(path.join(ROOT, "tests/fixtures/assets/vm_docker.png"));
const JPEG = readFileSync(path.join(ROOT, "_assets/docker_eco.jpg"));
const SVG = readFileSync(path.join(ROOT, "tests/fixtures/check-assets/gebruikt.svg"));
/** The smallest GIF: one transparent pixel, ending in the trailer byte 0x3B. */
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
/** A WebP header: RIFF, its length, WEBP, and a first chunk. */
function webp(declared: number, actual: number): Buffer {
  const b = Buffer.alloc(actual);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(declared - 8, 4);
  b.write("WEBPVP8 ", 8, "latin1");
  return b;
}
const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

const dir = tempDir("image-check-");
after(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, bytes: Buffer | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

describe("imageFileProblem", () => {
  test("whole PNG, JPEG, GIF, WebP and SVG files pass", () => {
    for (const [name, bytes] of [["heel.png", PNG], ["heel.jpg", JPEG], ["heel.gif", GIF], ["heel.webp", webp(64, 64)], ["heel.svg", SVG]] as const) {
      assert.equal(imageFileProblem(file(name, bytes)), undefined, name);
    }
  });

  const broken: Array<[string, string, Buffer | string, RegExp]> = [
    ["an empty file", "leeg.png", Buffer.alloc(0), /leeg \(0 bytes\)/],
    ["a PNG cut off halfway", "half.png", PNG.subarray(0, PNG.length >> 1), /PNG-bestand is afgebroken/],
    ["a PNG cut off in its header", "kop.png", PNG.subarray(0, 60), /PNG-bestand is afgebroken/],
    ["a JPEG cut off halfway", "half.jpg", JPEG.subarray(0, JPEG.length >> 1), /JPEG-bestand is afgebroken/],
    ["a GIF without its trailer", "half.gif", GIF.subarray(0, GIF.length - 1), /GIF-bestand is afgebroken/],
    ["a WebP shorter than its RIFF header says", "half.webp", webp(4096, 2048), /WEBP-bestand is afgebroken/],
    ["a text file named .png", "tekst.png", "Dit is geen plaatje\n", /geen afbeelding die de site kan lezen/],
    ["a BMP, which sharp cannot convert", "oud.bmp", Buffer.concat([Buffer.from("BM"), Buffer.alloc(60)]), /BMP/],
  ];
  for (const [what, name, bytes, message] of broken) {
    test(`${what} is reported, with a Dutch fix`, () => {
      const problem = imageFileProblem(file(name, bytes));
      assert.ok(problem, `${name} passed`);
      assert.match(problem.message, message);
      assert.match(problem.hint, /PNG/);
    });
  }

  test("a repaired file is looked at again (its size or time changed), not taken from the last answer", () => {
    const p = file("hersteld.png", PNG.subarray(0, 100));
    assert.ok(imageFileProblem(p));
    writeFileSync(p, PNG);
    utimesSync(p, new Date(), new Date(Date.now() + 5000));
    assert.equal(imageFileProblem(p), undefined);
  });
});

describe("ImagePipeline.flush", () => {
  test("an image sharp cannot decode is listed and leaves no output files (not even an empty one from an earlier build); the other image is still generated", async () => {
    // A PNG whose header is garbage but whose size and end marker look right: only sharp sees it.
    const corrupt = file("corrupt.png", Buffer.concat([PNG.subarray(0, 60), IEND]));
    assert.equal(imageFileProblem(corrupt), undefined, "the cheap check cannot see this one");
    const good = file("goed.png", PNG);
    const out = mkdtempSync(path.join(dir, "img-"));
    const pipeline = new ImagePipeline({ outputDir: out, urlPath: "/img/" });
    const corruptHtml = pipeline.html({ file: corrupt, url: "/bestanden/corrupt.png", alt: "kapot" });
    const goodHtml = pipeline.html({ file: good, url: "/bestanden/goed.png", alt: "goed" });
    const wanted = (html: string) => [...new Set([...html.matchAll(/\/img\/([^"\s,]+)/g)].map((m) => m[1]!))].sort();
    // What an interrupted earlier build left: empty files where the corrupt image's output goes.
    for (const f of wanted(corruptHtml)) writeFileSync(path.join(out, f), "");
    await pipeline.flush();
    assert.deepEqual(pipeline.failures.map((f) => path.basename(f.file)), ["corrupt.png"]);
    const written = readdirSync(out).sort();
    assert.deepEqual(written, wanted(goodHtml), "exactly the good image's files");
    assert.ok(wanted(corruptHtml).every((f) => !written.includes(f)), "nothing of the corrupt image");
    for (const f of written) assert.ok(statSync(path.join(out, f)).size > 0, `${f} is empty`);
  });
});
