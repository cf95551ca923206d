/**
 * Tabs and heading links in a browser (Chromium), on a small vault this test writes and on the
 * real course's Stappen lesson about installing Docker:
 * - the tab list follows the WAI-ARIA tabs pattern: roles and their links, one tab in the Tab
 *   order, Left/Right (wrapping), Home and End move between tabs and open them at once
 *   (automatic activation: no Enter or Space), Tab goes on into the open panel;
 * - the student's choice is remembered on another page (by label), and a page without that
 *   label opens on its first tab; a link to a heading in a closed tab opens that tab;
 * - without JavaScript, and on paper, every panel shows, headed by its label;
 * - each h2–h4 has a link "Link naar deze kop" after it: invisible until hovered or focused
 *   from the keyboard, named once, not part of the heading's name, the table of contents, the
 *   meta description or the search index (Pagefind's own search in the page);
 * - axe finds no WCAG 2.2 AA violations, light and dark; nothing scrolls sideways at 320 px;
 * - screenshots of the Stappen lesson at 390 px (dark) and 320 px (light) go to test-results/.
 * Without /usr/bin/chromium these tests fail, unless SKIP_BROWSER=1.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { after, before, describe, openPage, RESULTS_DIR, startBrowserSite, stopBrowserSite, test, WCAG_TAGS } from "../helpers/browser.ts";
import { buildSite } from "../helpers/build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { tempDir } from "../helpers/tmp.ts";

const INSTALL = `---
title: 1. Stappen Installeren
taxonomie: ['ib-19.3.Tabs.OI']
---

## Overzicht
In deze stappen installeer je het programma op je eigen computer, wat voor computer je ook hebt. Je kiest je systeem, volgt de stappen en controleert het resultaat.

${"Lees elke stap eerst helemaal door voordat je begint, zodat je weet wat er gaat gebeuren en wat je ziet als het gelukt is. ".repeat(12)}

## Installeren
Kies je besturingssysteem.

:::: tabs
::: tab Windows
Open PowerShell als administrator.

\`\`\`powershell
winget install -e --id Voorbeeld.Programma
\`\`\`
:::
::: tab macOS
Download het schijfkopiebestand en sleep de app naar Programma's.
:::
::: tab Linux
Voeg de repository toe met een lange regel die op een telefoon niet past:

\`\`\`bash
echo "deb [arch=amd64 signed-by=/etc/apt/keyrings/voorbeeld.asc] https://download.example.org/linux/ubuntu noble stable" | sudo tee /etc/apt/sources.list.d/voorbeeld.list
\`\`\`

### Controleren op Linux
Voer het programma uit.
:::
::::

## Controleren
Start het programma en kijk of het werkt.

### Als het niet werkt
Start de computer opnieuw op.
`;

const NEXT = `---
title: 2. Stappen Verder
taxonomie: ['ib-19.3.Tabs.OI']
---

## Bijwerken
:::: tabs
::: tab macOS
Werk de app bij via het menu.
:::
::: tab Linux
Werk bij met de pakketbeheerder.
:::
::::
`;

const OTHER = `---
title: 3. Stappen Anders
taxonomie: ['ib-19.3.Tabs.OI']
---

## Editor
:::: tabs
::: tab VS Code
Installeer de extensie.
:::
::: tab Vim
Installeer de plug-in.
:::
::::
`;

describe("tabs and heading links in a browser", () => {
  let vault = "";
  let output = "";
  let courseOutput = "";
  let server: StaticServer;
  let courseServer: StaticServer;
  let browser: Browser;
  const INSTALL_URL = "/tabs/1-stappen-installeren/";
  const NEXT_URL = "/tabs/2-stappen-verder/";
  const OTHER_URL = "/tabs/3-stappen-anders/";
  const STAPPEN_URL = "/8-docker/2-stappen-setup-docker/";

  const context = (options: { width?: number; scheme?: "light" | "dark"; js?: boolean } = {}): Promise<BrowserContext> =>
    browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.scheme ?? "light", reducedMotion: "reduce", javaScriptEnabled: options.js ?? true });

  /** The labels of a page's tab lists, the selected one in [brackets], per list. */
  const tabState = (page: Page) =>
    page.locator("[role=tablist]").evaluateAll((lists) =>
      lists.map((l) => [...l.querySelectorAll("[role=tab]")].map((t) => (t.getAttribute("aria-selected") === "true" ? `[${t.textContent}]` : t.textContent)).join(" ")),
    );
  /** The labels of the panels whose text shows (a closed panel may keep an empty box: `hidden="until-found"`). */
  const shownPanels = (page: Page) =>
    page
      .locator(".tab-panel")
      .evaluateAll((panels) => panels.filter((p) => p.querySelector(":scope > :not(.tab-label)")?.checkVisibility()).map((p) => document.getElementById(p.getAttribute("aria-labelledby") ?? "")?.textContent ?? "?"));
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");

  before(async () => {
    vault = tempDir("tabs-vault-");
    mkdirSync(path.join(vault, "Tabs"));
    writeFileSync(path.join(vault, "Tabs", "1. Stappen Installeren.md"), INSTALL);
    writeFileSync(path.join(vault, "Tabs", "2. Stappen Verder.md"), NEXT);
    writeFileSync(path.join(vault, "Tabs", "3. Stappen Anders.md"), OTHER);
    const site = buildSite(vault);
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    const course = buildSite("");
    courseOutput = course.output;
    assert.equal(course.status, 0, `course build failed:\n${course.stdout}\n${course.stderr}`);
    ({ server, browser } = await startBrowserSite(output));
    courseServer = await serveStatic(courseOutput);
  });

  after(async () => {
    await courseServer?.close();
    await stopBrowserSite({ server, browser }, output, courseOutput, vault);
  });

  test("a tab list after the WAI-ARIA pattern: arrows, Home and End open a tab at once; one tab in the Tab order", async () => {
    const ctx = await context();
    const page = await openPage(ctx, server.url, INSTALL_URL);
    assert.deepEqual(await tabState(page), ["[Windows] macOS Linux"]);
    assert.deepEqual(await shownPanels(page), ["Windows"]);
    // Roles and their links both ways; only the open tab is in the Tab order.
    const wiring = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[role=tab]")].map((tab) => {
        const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
        return `${tab.closest("[role=tablist]") ? "in-list" : "loose"} ${tab.tabIndex} ${panel?.getAttribute("role")} ${panel?.getAttribute("aria-labelledby") === tab.id}`;
      }),
    );
    assert.deepEqual(wiring, ["in-list 0 tabpanel true", "in-list -1 tabpanel true", "in-list -1 tabpanel true"]);

    await page.locator("[role=tab][aria-selected=true]").focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await focused(page), "macOS");
    assert.deepEqual(await tabState(page), ["Windows [macOS] Linux"]);
    assert.deepEqual(await shownPanels(page), ["macOS"]);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.deepEqual(await tabState(page), ["[Windows] macOS Linux"], "Right on the last tab wraps to the first");
    await page.keyboard.press("ArrowLeft");
    assert.deepEqual(await tabState(page), ["Windows macOS [Linux]"], "Left on the first tab wraps to the last");
    await page.keyboard.press("Home");
    assert.deepEqual(await tabState(page), ["[Windows] macOS Linux"]);
    await page.keyboard.press("End");
    assert.equal(await focused(page), "Linux");
    assert.deepEqual(await shownPanels(page), ["Linux"]);
    assert.deepEqual(await page.locator("[role=tab]").evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).tabIndex)), [-1, -1, 0]);
    // Tab leaves the list for the open panel.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "tabpanel");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby") && document.getElementById(document.activeElement.getAttribute("aria-labelledby")!)?.textContent), "Linux");
    await ctx.close();
  });

  test("the choice is remembered on another page; a page without that label opens on its first tab", async () => {
    const ctx = await context();
    const first = await openPage(ctx, server.url, INSTALL_URL);
    await first.getByRole("tab", { name: "Linux" }).click();
    assert.deepEqual(await shownPanels(first), ["Linux"]);
    const next = await openPage(ctx, server.url, NEXT_URL);
    assert.deepEqual(await tabState(next), ["macOS [Linux]"]);
    assert.deepEqual(await shownPanels(next), ["Linux"]);
    const other = await openPage(ctx, server.url, OTHER_URL);
    assert.deepEqual(await tabState(other), ["[VS Code] Vim"]);
    // Choosing macOS on the second page carries back to the first.
    await next.getByRole("tab", { name: "macOS" }).click();
    await first.reload({ waitUntil: "networkidle" });
    assert.deepEqual(await tabState(first), ["Windows [macOS] Linux"]);
    await ctx.close();
  });

  test("a link to a heading inside a closed tab opens that tab", async () => {
    const ctx = await context();
    const page = await openPage(ctx, server.url, `${INSTALL_URL}#controleren-op-linux`);
    assert.deepEqual(await tabState(page), ["Windows macOS [Linux]"]);
    assert.equal(await page.locator("#controleren-op-linux").isVisible(), true);
    // The same after the address changes on the page (a link in the table of contents).
    await page.getByRole("tab", { name: "Windows" }).click();
    await page.evaluate(() => (location.hash = "#overzicht"));
    await page.evaluate(() => (location.hash = "#controleren-op-linux"));
    await page.waitForFunction(() => document.getElementById("controleren-op-linux")!.checkVisibility());
    assert.deepEqual(await tabState(page), ["Windows macOS [Linux]"]);
    await ctx.close();
  });

  test("without JavaScript every panel shows, headed by its label", async () => {
    const ctx = await context({ js: false });
    const page = await ctx.newPage();
    await page.goto(server.url + INSTALL_URL, { waitUntil: "load" });
    assert.equal(await page.locator("[role=tablist]").count(), 0);
    const panels = await page.locator(".tab-panel").evaluateAll((ps) => ps.map((p) => `${p.checkVisibility()} ${p.querySelector(":scope > .tab-label")?.tagName} ${p.querySelector(":scope > .tab-label")?.textContent}`));
    assert.deepEqual(panels, ["true H3 Windows", "true H3 macOS", "true H3 Linux"]);
    assert.equal(await page.getByText("Voer het programma uit.").isVisible(), true);
    await ctx.close();
  });

  test("on paper every tab shows, headed by its label, without the tab row", async () => {
    const ctx = await context();
    const page = await openPage(ctx, server.url, INSTALL_URL);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("[role=tablist]").isVisible(), false);
    const labels = await page.locator(".tab-panel").evaluateAll((ps) => ps.map((p) => `${p.querySelector(":scope > .tab-label")?.checkVisibility()} ${p.querySelector(":scope > p")?.checkVisibility()}`));
    assert.deepEqual(labels, ["true true", "true true", "true true"]);
    assert.equal(await page.locator(".heading-anchor").first().isVisible(), false);
    await ctx.close();
  });

  test("a heading's link: shown on keyboard focus and on hover, named once, outside the heading's name", async () => {
    const ctx = await context();
    const page = await openPage(ctx, server.url, INSTALL_URL);
    const links = page.getByRole("link", { name: "Link naar deze kop", exact: true });
    // Overzicht, Installeren, Controleren, Als het niet werkt; Controleren op Linux is in the closed Linux tab.
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["#overzicht", "#installeren", "#controleren", "#als-het-niet-werkt"]);
    await page.getByRole("tab", { name: "Linux" }).click();
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["#overzicht", "#installeren", "#controleren-op-linux", "#controleren", "#als-het-niet-werkt"]);
    // The heading's accessible name is its text alone.
    assert.equal(await page.getByRole("heading", { name: "Installeren", exact: true, level: 2 }).count(), 1);
    const anchor = page.locator("a.heading-anchor[href='#installeren']");
    const opacity = () => anchor.evaluate((a) => getComputedStyle(a).opacity);
    assert.equal(await opacity(), "0");
    // From the keyboard: Tab until the link has focus.
    await page.locator("body").focus();
    for (let i = 0; i < 60 && !(await anchor.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press("Tab");
    assert.equal(await anchor.evaluate((a) => a === document.activeElement), true, "the link is in the Tab order");
    assert.equal(await opacity(), "1");
    const box = await anchor.boundingBox();
    assert.ok(box && box.width >= 24 && box.height >= 24, `a 24 px target: ${JSON.stringify(box)}`);
    await page.keyboard.press("Enter");
    // Following the link is a navigation within the page: wait for it (a fixed pause would be flaky), then check.
    await page.waitForFunction(() => location.hash === "#installeren", undefined, { timeout: 5000 }).catch(() => undefined);
    assert.equal(await page.evaluate(() => location.hash), "#installeren");
    await page.locator("body").focus();
    await page.mouse.move(0, 0);
    assert.equal(await opacity(), "0");
    await page.locator("#controleren").hover();
    assert.equal(await page.locator("a.heading-anchor[href='#controleren']").evaluate((a) => getComputedStyle(a).opacity), "1");
    await ctx.close();
  });

  test("the links are not in the table of contents, the description or the search index", async () => {
    const ctx = await context();
    const page = await openPage(ctx, server.url, INSTALL_URL);
    const toc = await page.locator(".toc a").allTextContents();
    assert.deepEqual(toc.map((s) => s.trim()), ["Overzicht", "Installeren", "Controleren op Linux", "Controleren", "Als het niet werkt"]);
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    assert.match(description ?? "", /^Overzicht In deze stappen installeer je/);
    assert.doesNotMatch(description ?? "", /#|Link naar/);
    // Pagefind's own search, in the page: the indexed text and the sections it found.
    const found = await page.evaluate(async () => {
      const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
      const search = await pagefind.search("installeer");
      const data = await Promise.all(search.results.map((r: { data: () => Promise<unknown> }) => r.data()));
      const page = (data as Array<{ url: string; content: string; anchors: Array<{ id: string; text: string }> }>).find((d) => d.url.includes("1-stappen-installeren"));
      return page && { content: page.content, sections: page.anchors.map((a) => `${a.id}: ${a.text}`) };
    });
    assert.ok(found, "the lesson is in the index");
    assert.doesNotMatch(found.content, /#|Link naar deze kop/);
    // Every heading is a section of the page in the index, by its own text.
    assert.deepEqual(found.sections, ["overzicht: Overzicht", "installeren: Installeren", "controleren-op-linux: Controleren op Linux", "controleren: Controleren", "als-het-niet-werkt: Als het niet werkt"]);
    await ctx.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe finds no WCAG 2.2 AA violations (${scheme}), every tab open in turn`, async () => {
      const ctx = await context({ scheme });
      const problems: string[] = [];
      for (const [base, url] of [[server.url, INSTALL_URL], [courseServer.url, STAPPEN_URL]] as const) {
        const page = await openPage(ctx, base, url);
        for (const label of ["Windows", "macOS", "Linux"]) {
          await page.getByRole("tab", { name: label }).first().click();
          await page.locator(".heading-anchor").first().focus();
          const result = await new AxeBuilder({ page }).include(".prose").withTags(WCAG_TAGS).analyze();
          for (const v of result.violations) problems.push(`${url} (${label}) ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
        }
        await page.close();
      }
      await ctx.close();
      assert.deepEqual(problems, []);
    });
  }

  test("at 320 px nothing scrolls sideways, whichever tab is open; screenshots of the Stappen lesson", async () => {
    for (const [width, scheme] of [[320, "light"], [390, "dark"]] as const) {
      const ctx = await context({ width, scheme });
      for (const [base, url] of [[server.url, INSTALL_URL], [courseServer.url, STAPPEN_URL]] as const) {
        const page = await openPage(ctx, base, url);
        for (const label of ["Linux", "macOS", "Windows"]) {
          await page.getByRole("tab", { name: label }).first().click();
          const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.equal(wide, 0, `${url} with ${label} open at ${width} px is ${wide} px too wide`);
          const row = await page.locator("[role=tablist]").first().boundingBox();
          assert.ok(row && row.height < 60, `the tabs fit on one row at ${width} px: ${JSON.stringify(row)}`);
        }
        if (url === STAPPEN_URL) {
          await page.locator(".tabs").first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(RESULTS_DIR, `tabs-stappen-${width}-${scheme}.png`), fullPage: true });
        }
        await page.close();
      }
      await ctx.close();
    }
  });
});
