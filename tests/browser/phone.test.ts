/**
 * The study site on a phone, with the real course built into a temporary folder, served on
 * 127.0.0.1 and opened in Chromium:
 * - no page scrolls sideways at 320, 390 and 1366 px, and no text is squeezed into a column
 *   under 40 px wide: every page of the build is visited and
 *   `document.documentElement.scrollWidth` may not exceed the window's width;
 * - a Leertaak's acceptance criteria read as lines of text (a `<code>` is no column of its own);
 * - far down a long lesson the header (lesson menu, search, theme) is still on screen, an
 *   anchor target is not hidden under it, and "Naar boven" appears and leads back up;
 * - the lesson menu opens over the page with focus on the current lesson; Escape closes it
 *   and focus returns to the button; the page keeps its place;
 * - screenshots of the Leertaak and the 404 page at 320 px go to test-results/.
 * Without /usr/bin/chromium these tests fail, unless SKIP_BROWSER=1.
 */
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { after, before, describe, openPage, RESULTS_DIR, startBrowserSite, stopBrowserSite, test } from "../helpers/browser.ts";
import { buildSite, pageFiles } from "../helpers/build.ts";
import type { StaticServer } from "../helpers/static-server.ts";

const results = RESULTS_DIR;

describe("the study site on a phone", () => {
  let output = "";
  let server: StaticServer;
  let browser: Browser;
  /** Every page of the build, as a URL path. */
  let pages: string[] = [];
  let leertaak = "";
  /** The longest lesson (most HTML), for the scrolling tests. */
  let long = "";

  async function context(width: number, scheme: "light" | "dark" = "light"): Promise<BrowserContext> {
    return browser.newContext({ viewport: { width, height: 740 }, colorScheme: scheme, reducedMotion: "reduce" });
  }

  const open = (ctx: BrowserContext, url: string): Promise<Page> => openPage(ctx, server.url, url);

  before(async () => {
    const site = buildSite("");
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    pages = pageFiles(output)
      .map((f) => "/" + path.relative(output, f).split(path.sep).join("/"))
      .map((u) => u.replace(/index\.html$/, ""))
      .sort();
    leertaak = pages.find((u) => /\/\d+-leertaak-/.test(u)) ?? "";
    const sizes = pageFiles(output).map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size);
    long = "/" + path.relative(output, sizes.find((x) => /\/\d+-[^/]+\/index\.html$/.test(x.f))!.f).split(path.sep).join("/").replace(/index\.html$/, "");
    assert.ok(pages.length > 40 && leertaak, `pages found: ${pages.length}, a Leertaak: ${leertaak}`);
    ({ server, browser } = await startBrowserSite(output));
  });

  after(() => stopBrowserSite({ server, browser }, output));

  for (const width of [320, 390, 1366]) {
    test(`no page scrolls sideways at ${width} px, and no text is squeezed into a column under 40 px`, async () => {
      const ctx = await context(width);
      const page = await ctx.newPage();
      const wide: string[] = [];
      const squeezed: string[] = [];
      for (const url of pages) {
        await page.goto(server.url + url, { waitUntil: "load" });
        const { scroll, inner, narrow } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
          // Text squeezed into a column: an element holding a word (4 letters or more) that is
          // under 40 px wide and wraps over two lines or more.
          narrow: [...document.body.querySelectorAll<HTMLElement>("*")]
            .filter((el) => {
              const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join(" ");
              if (!/\p{L}{4}/u.test(own) || !el.checkVisibility()) return false;
              const r = el.getBoundingClientRect();
              if (r.width <= 1 || r.width >= 40) return false; // 1 px: text for screen readers only
              const cs = getComputedStyle(el);
              const line = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.2;
              return r.height > line * 1.8;
            })
            .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">${el.textContent!.trim().slice(0, 30)}`),
        }));
        if (scroll > inner) wide.push(`${url}: ${scroll - inner} px too wide`);
        for (const n of narrow.slice(0, 3)) squeezed.push(`${url}: ${n}`);
      }
      await ctx.close();
      assert.deepEqual(wide, []);
      assert.deepEqual(squeezed, []);
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

  /** Whether the element is on screen and not covered: the topmost element at its centre is it or inside it. */
  const reachable = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      if (!el || !el.checkVisibility()) return false;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return false;
      const top = document.elementFromPoint(x, y);
      return !!top && (top === el || el.contains(top));
    }, selector);

  for (const width of [320, 390]) {
    test(`far down a long lesson the header stays reachable at ${width} px, and Naar boven leads back up`, async () => {
      const ctx = await context(width);
      const page = await open(ctx, long);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height > 4000, `${long} is long (${height} px)`);
      assert.equal(await page.locator("[data-back-to-top]").isVisible(), false, "no Naar boven at the top of the page");
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await page.waitForTimeout(100);
      for (const sel of ["[data-sidebar-toggle]", ".header-search-link", "[data-theme-toggle]", ".brand"]) {
        assert.ok(await reachable(page, sel), `${sel} is on screen and not covered after scrolling`);
      }
      const header = await page.locator(".site-header").boundingBox();
      assert.ok(header && header.y === 0 && header.height <= 64, `the header is one compact row at the top: ${JSON.stringify(header)}`);
      const back = page.locator("[data-back-to-top]");
      assert.ok(await reachable(page, "[data-back-to-top]"), "Naar boven appears after scrolling");
      assert.equal(await back.getAttribute("href"), "#inhoud");
      assert.equal(await back.evaluate((e) => e.textContent?.trim()), "Naar boven");
      await back.click();
      await page.waitForFunction(() => window.scrollY === 0, undefined, { timeout: 5000 });
      assert.equal(await page.evaluate(() => document.activeElement?.id), "inhoud", "focus goes to the content, as with the skip link");
      await ctx.close();
    });
  }

  test("an anchor target is not hidden under the sticky header", async () => {
    const ctx = await context(390);
    const page = await open(ctx, long);
    const ids = await page.locator(".toc a[href^='#']").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    assert.ok(ids.length > 2, "the long lesson has a table of contents");
    const id = ids[Math.floor(ids.length / 2)]!;
    await page.goto(`${server.url}${long}#${id}`, { waitUntil: "networkidle" });
    await page.waitForTimeout(200);
    const { target, header } = await page.evaluate((i) => ({
      target: document.getElementById(decodeURIComponent(i))!.getBoundingClientRect().top,
      header: document.querySelector(".site-header")!.getBoundingClientRect().bottom,
    }), id);
    assert.ok(header > 0, "the header is on screen");
    assert.ok(target >= header, `the heading starts below the header (heading ${target}, header ${header})`);
    assert.ok(target < header + 80, `and right below it (heading ${target}, header ${header})`);
    await ctx.close();
  });

  test("the lesson menu opens over the page with focus on the current lesson; Escape closes it", async () => {
    const ctx = await context(390);
    const page = await open(ctx, long);
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.waitForTimeout(100);
    const before = await page.evaluate(() => window.scrollY);
    const button = page.locator("[data-sidebar-toggle]");
    await button.focus();
    await page.keyboard.press("Enter");
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    const focused = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement | null;
      return { current: a?.getAttribute("aria-current"), inMenu: !!a?.closest("#lessen"), href: a?.getAttribute("href") };
    });
    assert.deepEqual({ current: focused.current, inMenu: focused.inMenu }, { current: "page", inMenu: true }, `focus is on the current lesson, not on ${focused.href}`);
    assert.ok(await reachable(page, "#lessen a[aria-current='page']"), "the current lesson is on screen in the open menu");
    assert.equal(await page.evaluate(() => window.scrollY), before, "the page keeps its place behind the menu");
    await page.keyboard.press("Escape");
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.equal(await button.evaluate((b) => b === document.activeElement), true, "focus returns to the button");
    assert.equal(await page.locator("#lessen").isVisible(), false);
    await ctx.close();
  });
});
