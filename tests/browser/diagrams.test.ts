/**
 * Diagrams in a browser: a small vault with a lesson that shows a real diagram from _assets/
 * (an SVG alone in its paragraph), built with PATH_PREFIX=/cursus/, served under that prefix
 * and opened in Chromium.
 * - a click opens the full-screen view with focus in it; Escape closes it, focus returns;
 * - Enter on the focused diagram opens it; the close button closes it, focus returns;
 * - at 390 px the diagram in the view is larger than in the page and scrolls inside the view;
 *   nothing scrolls sideways at 320 px, with the view open or not;
 * - without JavaScript the diagram is a link to the SVG file itself;
 * - in the dark theme the diagram is dark, not a light block (pixels measured), in the page
 *   and in the view; screenshots in both themes go to test-results/;
 * - axe finds no WCAG 2.2 AA violations with the view open, light and dark; the page's CSP
 *   reports no violation.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { after, before, describe, eventually, launchChromium, loadAllImages, luminance, openPage, RESULTS_DIR, stopBrowserSite, test, WCAG_TAGS } from "../helpers/browser.ts";
import { buildSite } from "../helpers/build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { tempDir } from "../helpers/tmp.ts";

const PREFIX = "/cursus/";
const LESSON = "1-diagrammen/1-uitleg-lagen/";
const ALT = "Stapel van image-lagen met bovenop een schrijfbare laag per container";

type Win = { violations: string[] };

describe("diagrams open large and follow the theme", () => {
  let vault = "";
  let output = "";
  let server: StaticServer;
  let browser: Browser;

  async function context(options: { width?: number; scheme?: "light" | "dark"; js?: boolean } = {}): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: options.width ?? 1366, height: 800 }, colorScheme: options.scheme ?? "light", reducedMotion: "reduce", javaScriptEnabled: options.js ?? true });
    await ctx.addInitScript(() => {
      const w = window as unknown as Win;
      w.violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
    });
    return ctx;
  }

  /** The lesson, with the diagram loaded and its script ready. */
  async function lesson(ctx: BrowserContext): Promise<Page> {
    const page = await openPage(ctx, server.url, `/${LESSON}`);
    assert.deepEqual(await loadAllImages(page), [], "the diagram loads");
    await page.waitForSelector("a.diagram[aria-haspopup='dialog']");
    return page;
  }

  const view = (page: Page) => page.locator("dialog.diagram-view");
  const isOpen = (page: Page) => page.evaluate(() => document.querySelector<HTMLDialogElement>("dialog.diagram-view")?.open ?? false);
  const focused = (page: Page) => page.evaluate(() => (document.activeElement?.closest("dialog") ? "dialog" : document.activeElement?.className ?? ""));
  const violations = (page: Page) => page.evaluate(() => (window as unknown as Win).violations);

  before(async () => {
    vault = tempDir("diagrams-vault-");
    const dir = path.join(vault, "1. Diagrammen");
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, "1. Uitleg Lagen.md"),
      `---\ntitle: 1. Uitleg Lagen\n---\n\nEen image bestaat uit lagen.\n\n![[image-lagen.svg|${ALT}]]\n\nElke container krijgt een eigen schrijfbare laag.\n`,
    );
    const site = buildSite(vault, { PATH_PREFIX: PREFIX });
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    // Served under the prefix: server.url ends in /cursus.
    server = await serveStatic(output, PREFIX);
    browser = await launchChromium();
    mkdirSync(RESULTS_DIR, { recursive: true });
  });

  after(() => stopBrowserSite({ server, browser }, output, vault));

  test("a click opens the diagram in a full-screen view with focus in it; Escape closes it and focus returns", async () => {
    const ctx = await context({ width: 390 });
    const page = await lesson(ctx);
    assert.equal(await isOpen(page), false);
    await page.locator("a.diagram").click();
    assert.equal(await isOpen(page), true, "the view is open");
    assert.equal(await focused(page), "dialog", "focus moved into the view");
    const box = await view(page).boundingBox();
    assert.ok(box && box.width >= 390 && box.height >= 800, `the view fills the window: ${JSON.stringify(box)}`);
    assert.equal(await view(page).locator("img").getAttribute("alt"), ALT);
    await page.keyboard.press("Escape");
    assert.equal(await isOpen(page), false, "Escape closes the view");
    assert.equal(await focused(page), "diagram", "focus is back on the diagram");
    assert.equal(new URL(page.url()).pathname, `${PREFIX}${LESSON}`, "the page did not navigate to the file");
    assert.deepEqual(await violations(page), []);
    await ctx.close();
  });

  test("Enter on the focused diagram opens the view; the close button closes it and focus returns", async () => {
    const ctx = await context();
    const page = await lesson(ctx);
    await page.locator("a.diagram").focus();
    await page.keyboard.press("Enter");
    assert.equal(await isOpen(page), true, "Enter opens the view");
    const close = view(page).getByRole("button", { name: "Sluiten" });
    assert.equal(await close.evaluate((b) => b === document.activeElement), true, "focus starts on the close button");
    await page.keyboard.press("Enter");
    assert.equal(await isOpen(page), false, "the close button closes the view");
    assert.equal(await focused(page), "diagram");
    await ctx.close();
  });

  test("at 390 px the diagram is larger in the view than in the page, and scrolls inside the view", async () => {
    const ctx = await context({ width: 390 });
    const page = await lesson(ctx);
    const inPage = (await page.locator("a.diagram img").boundingBox())!.width;
    assert.ok(inPage <= 360, `in the page the diagram is at most the text width: ${inPage}`);
    await page.locator("a.diagram").click();
    const image = view(page).locator("img");
    const large = await eventually(async () => (await image.boundingBox())?.width ?? 0, (w) => w >= 800);
    assert.ok(large >= 2 * inPage, `in the view ${large} px against ${inPage} px in the page`);
    const scroll = await view(page).locator(".diagram-view-scroll").evaluate((s) => ({ scrolls: s.scrollWidth > s.clientWidth, tab: s.tabIndex, label: s.getAttribute("aria-label") }));
    assert.deepEqual(scroll, { scrolls: true, tab: 0, label: "Afbeelding, scroll om alles te zien" }, "the view scrolls and a keyboard can scroll it");
    await ctx.close();
  });

  test("nothing scrolls sideways at 320 px, with the view open or closed", async () => {
    const ctx = await context({ width: 320 });
    const page = await lesson(ctx);
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(await wide(), 0, "the page");
    await page.locator("a.diagram").click();
    assert.equal(await wide(), 0, "with the view open");
    await ctx.close();
  });

  test("without JavaScript the diagram is a link to the SVG file itself", async () => {
    const ctx = await context({ js: false });
    const page = await openPage(ctx, server.url, `/${LESSON}`);
    const link = page.locator("a.diagram");
    assert.equal(await link.getAttribute("href"), `${PREFIX}_assets/image-lagen.svg`);
    assert.equal(await link.locator("img").getAttribute("alt"), ALT);
    await link.click();
    await page.waitForURL(/image-lagen\.svg$/);
    assert.equal(await page.evaluate(() => document.documentElement.localName), "svg", "the file opens");
    await ctx.close();
  });

  test("in the dark theme the diagram is dark, not a light block, in the page and in the view (screenshots in test-results/)", async () => {
    const measured: Record<string, number> = {};
    for (const scheme of ["light", "dark"] as const) {
      const ctx = await context({ width: 390, scheme });
      const page = await lesson(ctx);
      await page.locator("a.diagram").scrollIntoViewIfNeeded();
      const shot = await page.locator("a.diagram img").screenshot();
      writeFileSync(path.join(RESULTS_DIR, `diagram-390-${scheme}.png`), shot);
      measured[scheme] = await luminance(ctx, shot);
      await page.locator("a.diagram").click();
      await eventually(async () => (await view(page).locator("img").boundingBox())?.width ?? 0, (w) => w >= 800);
      const inView = await page.screenshot({ path: path.join(RESULTS_DIR, `diagram-view-390-${scheme}.png`) });
      measured[`${scheme} view`] = await luminance(ctx, inView);
      await ctx.close();
    }
    const ctx = await context({ scheme: "dark" });
    const page = await lesson(ctx);
    await page.locator("a.diagram").click();
    await page.screenshot({ path: path.join(RESULTS_DIR, "diagram-view-1366-dark.png") });
    await ctx.close();
    assert.ok(measured.light! > 170, `light theme: a light diagram (${JSON.stringify(measured)})`);
    assert.ok(measured.dark! < 90, `dark theme: a dark diagram (${JSON.stringify(measured)})`);
    assert.ok(measured["dark view"]! < 90, `dark theme: a dark view (${JSON.stringify(measured)})`);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe: no WCAG 2.2 AA violations with the view open (${scheme} theme)`, async () => {
      const ctx = await context({ scheme });
      const page = await lesson(ctx);
      const closed = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      await page.locator("a.diagram").click();
      const open = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const problems = [...closed.violations, ...open.violations].map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      assert.deepEqual(problems, []);
      assert.deepEqual(await violations(page), [], "no CSP violations");
      await ctx.close();
    });
  }
});
