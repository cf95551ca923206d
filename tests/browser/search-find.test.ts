/**
 * Whether search finds the right lesson, with the real course built into a temporary folder,
 * served on 127.0.0.1 and Pagefind queried in Chromium with the ranking the site asks for
 * (src/site/search.ts):
 * - "container starten" puts "Stappen Docker Containers" (its first step starts a container)
 *   in the top 3; "docker run" does not put the general "Uitleg Docker" first; a topic's name
 *   ("volume", "container") puts a lesson of that topic first;
 * - the search page filters by kind of lesson and by topic, with Dutch controls in a fieldset
 *   with a legend and a labelled select, kept in the address; the headings field used for
 *   ranking is not printed under a result; at 320 px nothing scrolls sideways; axe finds no
 *   WCAG 2.2 AA violations with a filter chosen, in both themes.
 * Without /usr/bin/chromium these tests fail, unless SKIP_BROWSER=1.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { eventually, openPage, RESULTS_DIR, skipBrowser, startBrowserSite, stopBrowserSite, WCAG_TAGS } from "../helpers/browser.ts";
import { buildSite } from "../helpers/build.ts";
import type { StaticServer } from "../helpers/static-server.ts";
import { SEARCH_RANKING } from "../../src/site/search.ts";

describe("search finds the right lesson", { skip: skipBrowser ? "SKIP_BROWSER=1" : false }, () => {
  let output = "";
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  const context = (width = 1280, scheme: "light" | "dark" = "light"): Promise<BrowserContext> =>
    browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: "reduce" });

  /** The titles of Pagefind's first `n` results for `query`, ranked as the site ranks them. */
  const top = (query: string, n: number): Promise<string[]> =>
    page.evaluate(
      async ({ query, n, ranking, bundle }) => {
        const pagefind = await import(bundle);
        await pagefind.options({ noWorker: true, ranking });
        const found = await pagefind.search(query);
        const data = await Promise.all(found.results.slice(0, n).map((r: { data(): Promise<{ meta: { title: string } }> }) => r.data()));
        return data.map((d: { meta: { title: string } }) => d.meta.title);
      },
      { query, n, ranking: SEARCH_RANKING, bundle: "/pagefind/pagefind.js" },
    );

  before(async () => {
    const site = buildSite("");
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    ({ server, browser } = await startBrowserSite(output));
    // A page without Pagefind's UI, so these queries set Pagefind's options first.
    page = await openPage(await context(), server.url, "/robots.txt");
  });

  after(() => stopBrowserSite({ server, browser }, output));

  test("container starten puts Stappen Docker Containers in the top 3", async () => {
    const titles = await top("container starten", 3);
    assert.ok(titles.includes("Stappen Docker Containers"), `top 3: ${titles.join(" | ")}`);
  });

  test("docker run does not put Uitleg Docker first", async () => {
    const titles = await top("docker run", 5);
    assert.ok(titles.length === 5, "docker run finds lessons");
    assert.notEqual(titles[0], "Uitleg Docker", `top 5: ${titles.join(" | ")}`);
  });

  test("a topic's name puts a lesson of that topic first: the title weighs more than words said often", async () => {
    for (const [query, topic] of [
      ["volume", "Docker Volumes"],
      ["container", "Docker Containers"],
      ["compose", "Docker Compose"],
    ]) {
      const titles = await top(query!, 3);
      assert.ok(titles[0]!.endsWith(topic!), `${query}: ${titles.join(" | ")}`);
    }
  });

  const results = (p: Page) => p.locator(".pagefind-ui__result-title").evaluateAll((els) => els.filter((e) => !e.closest(".pagefind-ui__result-nested")).map((e) => e.textContent!.trim()));

  test("the search page filters by kind and topic, in Dutch, and keeps the choice in the address", async () => {
    const ctx = await context();
    const search = await openPage(ctx, server.url, "/zoeken/?q=volume");
    await search.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
    const filters = search.locator(".pagefind-ui__form [data-search-filters]");
    assert.ok(await filters.isVisible(), "the filters stand under the search field");
    assert.equal(await filters.getAttribute("role"), "group");
    assert.equal(await filters.locator("fieldset > legend").innerText(), "Soort les");
    assert.deepEqual(await filters.locator('input[name="soort"]').evaluateAll((els) => els.map((e) => (e.parentElement as HTMLElement).innerText.trim())), ["Alle", "Uitleg", "Stappen", "Oefeningen", "Leertaak", "Naslag"]);
    assert.equal(await search.getByLabel("Onderwerp").evaluate((e) => e.tagName), "SELECT");
    assert.equal(await search.locator(".pagefind-ui__filter-panel").isVisible(), false, "Pagefind's own AND-only filter panel is hidden");
    assert.equal(await search.locator(".pagefind-ui__result-tags").count(), 0, "the headings field is not printed under a result");

    const all = await results(search);
    assert.ok(all.some((t) => t.startsWith("Uitleg")) && all.some((t) => t.startsWith("Stappen")), `unfiltered: ${all.join(" | ")}`);
    await filters.getByRole("radio", { name: "Stappen" }).click();
    const stappen = await eventually(() => results(search), (r) => r.length > 0 && r.every((t) => t.startsWith("Stappen")));
    assert.ok(stappen.length > 0 && stappen.every((t) => t.startsWith("Stappen")), `Stappen only: ${stappen.join(" | ")}`);
    assert.match(search.url(), /[?&]soort=Stappen(&|$)/);

    // Keyboard: arrow keys move through the kinds (a radio group) and choose at once.
    await search.locator('input[name="soort"][value="Stappen"]').focus();
    await search.keyboard.press("ArrowLeft");
    const uitleg = await eventually(() => results(search), (r) => r.length > 0 && r.every((t) => t.startsWith("Uitleg")));
    assert.ok(uitleg.every((t) => t.startsWith("Uitleg")), `Uitleg only: ${uitleg.join(" | ")}`);

    await search.getByLabel("Onderwerp").selectOption("Docker volumes");
    const volumes = await eventually(() => results(search), (r) => r.length === 1);
    assert.deepEqual(volumes, ["Uitleg Docker Volumes"]);
    assert.match(search.url(), /onderwerp=Docker(\+|%20)volumes/);

    // The address chooses them again.
    const again = await openPage(ctx, server.url, "/zoeken/?q=volume&soort=Oefeningen");
    await again.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
    assert.equal(await again.locator('input[name="soort"]:checked').getAttribute("value"), "Oefeningen");
    const oefeningen = await eventually(() => results(again), (r) => r.length > 0 && r.every((t) => t.startsWith("Oefeningen")));
    assert.ok(oefeningen.every((t) => t.startsWith("Oefeningen")), `Oefeningen only: ${oefeningen.join(" | ")}`);
    await ctx.close();
  });

  test("the filters fit a 320 px screen", async () => {
    const ctx = await context(320);
    const search = await openPage(ctx, server.url, "/zoeken/?q=docker&soort=Stappen");
    await search.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
    const { scroll, inner } = await search.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(scroll <= inner, `scrollWidth ${scroll} > ${inner}`);
    const outside = await search.locator("[data-search-filters] label, [data-search-filters] select").evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().right > window.innerWidth).length);
    assert.equal(outside, 0, "every control is on screen");
    await search.screenshot({ path: path.join(RESULTS_DIR, "zoeken-filters-320.png") });
    await ctx.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe: no WCAG 2.2 AA violations on the search page with a filter chosen (${scheme} theme)`, async () => {
      const ctx = await context(1280, scheme);
      const search = await openPage(ctx, server.url, "/zoeken/?q=netwerk&soort=Uitleg");
      await search.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
      const result = await new AxeBuilder({ page: search }).include(".search-box").withTags(WCAG_TAGS).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
      await search.screenshot({ path: path.join(RESULTS_DIR, `zoeken-filters-1280-${scheme}.png`) });
      await ctx.close();
    });
  }
});
