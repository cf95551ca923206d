/**
 * The study site on a phone, with the real course built into a temporary folder, served on
 * 127.0.0.1 and opened in Chromium:
 * - no page scrolls sideways at 320 px and 390 px: every page of the build is visited and
 *   `document.documentElement.scrollWidth` may not exceed the window's width;
 * - a Leertaak's acceptance criteria read as lines of text (a `<code>` is no column of its own);
 * - screenshots of the Leertaak and the 404 page at 320 px go to test-results/.
 * Without /usr/bin/chromium these tests fail, unless SKIP_BROWSER=1.
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, skipBrowser } from "../helpers/browser.ts";
import { buildSite, pageFiles, projectRoot } from "../helpers/build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";

const results = path.join(projectRoot, "test-results");

describe("the study site on a phone", { skip: skipBrowser ? "SKIP_BROWSER=1" : false }, () => {
  let output = "";
  let server: StaticServer;
  let browser: Browser;
  /** Every page of the build, as a URL path. */
  let pages: string[] = [];
  let leertaak = "";

  async function context(width: number, scheme: "light" | "dark" = "light"): Promise<BrowserContext> {
    return browser.newContext({ viewport: { width, height: 740 }, colorScheme: scheme, reducedMotion: "reduce" });
  }

  async function open(ctx: BrowserContext, url: string): Promise<Page> {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url + url, { waitUntil: "networkidle" });
    assert.deepEqual(errors, [], `script errors on ${url}`);
    return page;
  }

  before(async () => {
    const site = buildSite("");
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    pages = pageFiles(output)
      .map((f) => "/" + path.relative(output, f).split(path.sep).join("/"))
      .map((u) => u.replace(/index\.html$/, ""))
      .sort();
    leertaak = pages.find((u) => /\/\d+-leertaak-/.test(u)) ?? "";
    assert.ok(pages.length > 40 && leertaak, `pages found: ${pages.length}, a Leertaak: ${leertaak}`);
    server = await serveStatic(output);
    browser = await launchChromium();
    mkdirSync(results, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (output) rmSync(output, { recursive: true, force: true });
  });

  for (const width of [320, 390]) {
    test(`no page scrolls sideways at ${width} px`, async () => {
      const ctx = await context(width);
      const page = await ctx.newPage();
      const wide: string[] = [];
      for (const url of pages) {
        await page.goto(server.url + url, { waitUntil: "load" });
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        if (scroll > inner) wide.push(`${url}: ${scroll - inner} px too wide`);
      }
      await ctx.close();
      assert.deepEqual(wide, []);
    });
  }

  test("a Leertaak's acceptance criteria are lines of text, not columns", async () => {
    const ctx = await context(320);
    const page = await open(ctx, leertaak);
    // Every <code> in a criterion keeps its words on one line where they fit: no letter-per-line column.
    const narrow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".task-list-label code")]
        .filter((c) => c.textContent!.length > 3 && c.getBoundingClientRect().width < 40)
        .map((c) => c.textContent),
    );
    assert.deepEqual(narrow, [], "code in a criterion is squeezed into a narrow column");
    // The text wraps under itself: the first line starts right after the checkbox, the next lines at the same place.
    const label = page.locator(".task-list-label").nth(1);
    const lines = await label.evaluate((l) => {
      const r = document.createRange();
      r.selectNodeContents(l);
      const tops = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
      return tops.size;
    });
    assert.ok(lines >= 2, "a long criterion wraps over several lines at 320 px");
    await page.screenshot({ path: path.join(results, "leertaak-320.png"), fullPage: true });
    await ctx.close();
  });
});
