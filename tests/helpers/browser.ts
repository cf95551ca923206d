/**
 * Chromium for the browser tests: where it is, how it starts (headless, no background
 * traffic), the axe tags we hold the site to, and a poll for things that settle a moment
 * after a click (live regions are filled after a short delay so they are spoken).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import * as node from "node:test";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "./build.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** WCAG 2.2 level AA, as axe names the rule sets. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** `SKIP_BROWSER=1` skips the browser tests on a machine without Chromium. */
export const skipBrowser = process.env.SKIP_BROWSER === "1";

/**
 * `describe`, `test`, `before` and `after` for the browser tests. With `SKIP_BROWSER=1` every
 * test is skipped one by one, so the run counts each as a skipped test (a skipped `describe`
 * counts as one suite and no tests), and no hook runs: nothing is built and no Chromium starts.
 */
export const describe = node.describe;
export const test: typeof node.test = skipBrowser ? ((name: string) => node.test(name, { skip: "SKIP_BROWSER=1" })) as typeof node.test : node.test;
export const before: typeof node.before = skipBrowser ? () => undefined : node.before;
export const after: typeof node.after = skipBrowser ? () => undefined : node.after;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium) or set SKIP_BROWSER=1 to skip the browser tests.`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Where the browser tests put their screenshots. */
export const RESULTS_DIR = path.join(projectRoot, "test-results");

/** A built site served on 127.0.0.1 and a Chromium to look at it with. */
export interface BrowserSite {
  server: StaticServer;
  browser: Browser;
}

/** Serves `output` and starts Chromium (and makes the screenshot folder). */
export async function startBrowserSite(output: string): Promise<BrowserSite> {
  const server = await serveStatic(output);
  const browser = await launchChromium();
  mkdirSync(RESULTS_DIR, { recursive: true });
  return { server, browser };
}

/** Stops what `startBrowserSite` started, whatever of it did start, and removes the given folders. */
export async function stopBrowserSite(site: Partial<BrowserSite>, ...folders: string[]): Promise<void> {
  await site.browser?.close();
  await site.server?.close();
  for (const dir of folders) if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Opens `base + url` in a new page of `ctx`, waits until the network is idle, and fails on any script error meanwhile. */
export async function openPage(ctx: BrowserContext, base: string, url: string): Promise<Page> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(base + url, { waitUntil: "networkidle" });
  assert.deepEqual(errors, [], `script errors on ${url}`);
  return page;
}

/** Width and height of a PNG, from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.toString("latin1", 1, 4), "PNG", "a PNG file");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Mean luminance (0 dark to 255 light) of a PNG, measured on a canvas in a blank page of `ctx`. */
export async function luminance(ctx: BrowserContext, png: Buffer): Promise<number> {
  const page = await ctx.newPage();
  const mean = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext("2d")!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += 0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!;
    return sum / (d.length / 4);
  }, png.toString("base64"));
  await page.close();
  return mean;
}

/** Calls `read` until `ok` accepts its value (or the time is up) and returns the last value. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/**
 * Loads every lazy image of the page now and waits until each has loaded or failed; returns
 * the `src` of the images that did not load. Full-page screenshots then show the diagrams.
 */
export async function loadAllImages(page: import("playwright-core").Page): Promise<string[]> {
  return page.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.loading = "eager";
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    await Promise.all(
      images.map(
        (img) =>
          new Promise<void>((resolve) => {
            if (img.complete) return resolve();
            img.addEventListener("load", () => resolve());
            img.addEventListener("error", () => resolve());
          }),
      ),
    );
    return images.filter((img) => !img.naturalWidth).map((img) => img.currentSrc || img.src);
  });
}
