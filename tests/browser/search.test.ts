/**
 * Search in a browser, with the real course built into a temporary folder, served on
 * 127.0.0.1 and opened in Chromium:
 * - the header's field shows results while typing (half a command finds a lesson), with
 *   keyboard navigation: ArrowDown into the results, ArrowUp back, Escape closes and keeps the words;
 * - `/`, Ctrl+K and Cmd+K put focus in the search field; a `/` typed in a field stays a slash;
 *   on a phone (no field in the header) they open the search page;
 * - Pagefind's clear button is Dutch; matches are marked in the theme's colours, not pure yellow;
 * - the search page with results does not scroll sideways at 320 px;
 * - axe finds no WCAG 2.2 AA violations with the results panel open, in both themes;
 * - screenshots of the panel go to test-results/.
 * Without /usr/bin/chromium these tests fail, unless SKIP_BROWSER=1.
 */
import assert from "node:assert/strict";

import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { after, before, describe, openPage, RESULTS_DIR, startBrowserSite, stopBrowserSite, test, WCAG_TAGS } from "../helpers/browser.ts";
import { buildSite, pageFiles } from "../helpers/build.ts";
import type { StaticServer } from "../helpers/static-server.ts";

const results = RESULTS_DIR;

describe("search in a browser", () => {
  let output = "";
  let server: StaticServer;
  let browser: Browser;
  let lesson = "";

  async function context(width = 1280, scheme: "light" | "dark" = "light"): Promise<BrowserContext> {
    return browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, reducedMotion: "reduce" });
  }

  const open = (ctx: BrowserContext, url: string): Promise<Page> => openPage(ctx, server.url, url);

  const active = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? "", cls: document.activeElement?.className ?? "" }));

  before(async () => {
    const site = buildSite("");
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    lesson = pageFiles(output)
      .map((f) => "/" + path.relative(output, f).split(path.sep).join("/").replace(/index\.html$/, ""))
      .find((u) => /^\/[\w-]+\/\d+-uitleg-/.test(u))!;
    assert.ok(lesson, "a lesson to search from");
    ({ server, browser } = await startBrowserSite(output));
  });

  after(() => stopBrowserSite({ server, browser }, output));

  test("the header's field shows results while typing half a command, navigable by keyboard", async () => {
    const ctx = await context();
    const page = await open(ctx, lesson);
    const field = page.locator("#kop-zoeken");
    await field.click();
    await page.keyboard.type("docker ru");
    const first = page.locator(".quick-search-link").first();
    await first.waitFor({ timeout: 15_000 });
    assert.equal(page.url(), server.url + lesson, "no page load: the results come while typing");
    assert.match((await first.getAttribute("href")) ?? "", /^\/[\w-]+\/[\w-]+\//, "a result links to a lesson");
    assert.match(await page.locator(".quick-search-status").innerText(), /\d+ less?(en)? gevonden/);
    assert.ok((await page.locator(".quick-search mark").count()) > 0, "the matches are marked");
    await page.keyboard.press("ArrowDown");
    assert.equal((await active(page)).cls, "quick-search-link", "ArrowDown moves into the results");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelectorAll(".quick-search-link")[1]), true, "and on to the next");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    assert.equal((await active(page)).id, "kop-zoeken", "ArrowUp from the first result returns to the field");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(".quick-search").isVisible(), false, "Escape closes the panel");
    assert.equal((await active(page)).id, "kop-zoeken", "and returns to the field");
    assert.equal(await field.inputValue(), "docker ru", "the typed words stay");
    await page.keyboard.type("n");
    await first.waitFor({ timeout: 10_000 });
    await page.keyboard.press("ArrowDown");
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute("href"));
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === href);
    await ctx.close();
  });

  test("/ and Ctrl+K and Cmd+K focus the search field; a slash typed in a field stays a slash", async () => {
    const ctx = await context();
    const page = await open(ctx, lesson);
    assert.equal(await page.locator("#kop-zoeken").getAttribute("aria-keyshortcuts"), "/ Control+K Meta+K");
    for (const keys of ["/", "Control+k", "Meta+k"]) {
      await page.locator("main").focus();
      await page.keyboard.press(keys);
      assert.equal((await active(page)).id, "kop-zoeken", `${keys} focuses the header's field`);
      assert.equal(await page.locator("#kop-zoeken").inputValue(), "", `${keys} types nothing`);
    }
    await page.keyboard.type("a/b");
    assert.equal(await page.locator("#kop-zoeken").inputValue(), "a/b", "a slash in the field is a slash");
    // The search page: its own field.
    const search = await open(ctx, "/zoeken/");
    await search.locator(".pagefind-ui__search-input").waitFor();
    await search.locator("h1").click();
    await search.keyboard.press("/");
    assert.match((await active(search)).cls, /pagefind-ui__search-input/, "/ focuses the search page's field");
    await ctx.close();
    // A phone has a search link in the header instead of a field: Ctrl+K opens the search page.
    const phone = await context(390);
    const small = await open(phone, lesson);
    assert.ok(await small.locator(".header-search-link").isVisible());
    await small.keyboard.press("Control+k");
    await small.waitForURL(/\/zoeken\/$/);
    await phone.close();
    // A tablet: no field in the header, the main menu's Zoeken instead of a second search link.
    const tablet = await context(720);
    const mid = await open(tablet, lesson);
    assert.ok(!(await mid.locator(".header-search-link").isVisible()), "no second search link beside the menu's Zoeken");
    await mid.keyboard.press("/");
    await mid.waitForURL(/\/zoeken\/$/);
    await tablet.close();
  });

  test("Pagefind's clear button is Dutch and matches are marked in the theme's colours", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const ctx = await context(1280, scheme);
      const page = await open(ctx, "/zoeken/?q=docker");
      await page.waitForSelector(".pagefind-ui__result mark", { timeout: 30_000 });
      const clear = (await page.locator(".pagefind-ui__search-clear").innerText()).trim();
      assert.equal(clear, "Wissen", "the clear button says Wissen, not Reset");
      const colours = await page.evaluate(() => {
        const mark = document.querySelector(".pagefind-ui__result mark")!;
        return { bg: getComputedStyle(mark).backgroundColor, text: getComputedStyle(mark).color, body: getComputedStyle(document.body).color };
      });
      assert.notEqual(colours.bg, "rgb(255, 255, 0)", `${scheme}: not the browser's pure yellow`);
      assert.equal(colours.text, colours.body, `${scheme}: marked text in the theme's text colour`);
      await page.screenshot({ path: path.join(results, `zoeken-1280-${scheme}.png`) });
      await ctx.close();
    }
  });

  test("the search page with results does not scroll sideways at 320 px", async () => {
    const ctx = await context(320);
    const page = await open(ctx, "/zoeken/?q=docker%20run");
    await page.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(scroll <= inner, `scrollWidth ${scroll} > ${inner}`);
    await page.screenshot({ path: path.join(results, "zoeken-320.png") });
    await ctx.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe: no WCAG 2.2 AA violations with the results panel open (${scheme} theme)`, async () => {
      const ctx = await context(1280, scheme);
      const page = await open(ctx, lesson);
      await page.locator("#kop-zoeken").click();
      await page.keyboard.type("volume");
      await page.locator(".quick-search-link").first().waitFor({ timeout: 15_000 });
      const result = await new AxeBuilder({ page }).include(".site-header").withTags(WCAG_TAGS).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
      await page.screenshot({ path: path.join(results, `zoekpaneel-1280-${scheme}.png`) });
      await ctx.close();
    });
  }
});
