/**
 * Link previews in a browser: a small vault of two lessons (Alfa links to Beta, to a heading
 * in Beta, to an outside site, to itself and to its own heading), built with
 * PATH_PREFIX=/cursus/, served under that prefix and opened in Chromium.
 * - focus on a link to another lesson shows, after the delay, that lesson's title and first
 *   paragraph of running text (not its callout) in a tooltip the link is described by; focus
 *   stays on the link; Escape closes it and it stays closed;
 * - a link to a heading shows that section's first paragraph;
 * - the pointer can move onto the preview; it closes when the pointer leaves;
 * - the target page is fetched once for every preview of it;
 * - no preview (and no request) for an outside link, a link to the page itself or to its own
 *   heading, nor for the sidebar and the pager;
 * - none on a touch-only device (no hover);
 * - at 320 px the preview stays inside the window and nothing scrolls sideways;
 * - axe finds no WCAG 2.2 AA violations with a preview open, light and dark; no CSP violation.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { after, before, describe, eventually, launchChromium, openPage, stopBrowserSite, test, WCAG_TAGS } from "../helpers/browser.ts";
import { buildSite } from "../helpers/build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { tempDir } from "../helpers/tmp.ts";

const PREFIX = "/cursus/";
const ALFA = "1-lessen/1-uitleg-alfa/";
const BETA = "1-lessen/2-uitleg-beta/";
/** Longer than the preview delay (400 ms) with room to spare: a preview that would come has come. */
const WELL_AFTER_DELAY = 1200;

type Win = { violations: string[] };

describe("link previews", () => {
  let vault = "";
  let output = "";
  let server: StaticServer;
  let browser: Browser;

  async function context(options: { width?: number; scheme?: "light" | "dark"; touch?: boolean } = {}): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: options.width ?? 1366, height: 800 }, colorScheme: options.scheme ?? "light", reducedMotion: "reduce", hasTouch: options.touch ?? false });
    await ctx.addInitScript(() => {
      const w = window as unknown as Win;
      w.violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
    });
    return ctx;
  }

  const alfa = (ctx: BrowserContext) => openPage(ctx, server.url, `/${ALFA}`);
  const link = (page: Page, text: string) => page.locator(".prose a", { hasText: text });
  /** The preview's text, or null while none is shown. */
  const preview = (page: Page) => page.evaluate(() => {
    const box = document.querySelector<HTMLElement>(".link-preview");
    return box && !box.hidden ? box.innerText.replace(/\s+/g, " ").trim() : null;
  });
  const shown = (page: Page) => eventually(() => preview(page), (v) => v !== null);
  const violations = (page: Page) => page.evaluate(() => (window as unknown as Win).violations);

  before(async () => {
    vault = tempDir("previews-vault-");
    const dir = path.join(vault, "1. Lessen");
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, "1. Uitleg Alfa.md"),
      [
        "---\ntitle: 1. Uitleg Alfa\n---\n",
        "Alfa gaat verder in [[2. Uitleg Beta|de les over Beta]] en bij [[2. Uitleg Beta#Tweede kop|de tweede kop van Beta]].\n",
        "Lees ook [de Docker-documentatie](https://docs.docker.com/), [[#Verder|verderop op deze pagina]] en [[1. Uitleg Alfa|deze les zelf]].\n",
        "## Verder\n",
        "Meer over Alfa.\n",
      ].join("\n"),
    );
    writeFileSync(
      path.join(dir, "2. Uitleg Beta.md"),
      [
        "---\ntitle: 2. Uitleg Beta\n---\n",
        "> [!tip] Vooraf\n> Deze tip hoort niet in de preview.\n",
        "Beta begint met deze eerste alinea over lagen en containers.\n",
        "Een tweede alinea die niet in de preview staat.\n",
        "## Tweede kop\n",
        "Onder de tweede kop staat deze tekst.\n",
      ].join("\n"),
    );
    const site = buildSite(vault, { PATH_PREFIX: PREFIX });
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    server = await serveStatic(output, PREFIX);
    browser = await launchChromium();
  });

  after(() => stopBrowserSite({ server, browser }, output, vault));

  test("focus on a link to another lesson shows its title and first paragraph after the delay; Escape closes it", async () => {
    const ctx = await context();
    const page = await alfa(ctx);
    const beta = link(page, "de les over Beta");
    assert.equal(await beta.getAttribute("href"), `${PREFIX}${BETA}`, "links carry the prefix");
    await beta.focus();
    assert.equal(await preview(page), null, "not at once");
    const text = await shown(page);
    assert.equal(text, "Uitleg Beta Beta begint met deze eerste alinea over lagen en containers.");
    assert.equal(await page.locator(".link-preview").getAttribute("role"), "tooltip");
    assert.equal(await beta.getAttribute("aria-describedby"), "link-preview", "the link is described by the preview");
    assert.equal(await beta.evaluate((a) => a === document.activeElement), true, "focus stays on the link");
    await page.keyboard.press("Escape");
    assert.equal(await preview(page), null, "Escape closes the preview");
    assert.equal(await beta.getAttribute("aria-describedby"), null);
    assert.equal(await beta.evaluate((a) => a === document.activeElement), true, "focus is still on the link");
    await page.waitForTimeout(WELL_AFTER_DELAY);
    assert.equal(await preview(page), null, "it stays closed");
    assert.deepEqual(await violations(page), [], "no CSP violations");
    await ctx.close();
  });

  test("a link to a heading shows that section's first paragraph; the page is fetched once", async () => {
    const ctx = await context();
    const page = await alfa(ctx);
    const fetched: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === `${PREFIX}${BETA}`) fetched.push(r.url());
    });
    await link(page, "de les over Beta").focus();
    await shown(page);
    await link(page, "de tweede kop van Beta").focus();
    const text = await eventually(() => preview(page), (v) => v?.includes("Tweede kop") ?? false);
    assert.equal(text, "Uitleg Beta Tweede kop Onder de tweede kop staat deze tekst.");
    assert.equal(fetched.length, 1, `fetched: ${fetched.join(", ")}`);
    await ctx.close();
  });

  test("the pointer can move onto the preview; it closes when the pointer leaves", async () => {
    const ctx = await context();
    const page = await alfa(ctx);
    await link(page, "de les over Beta").hover();
    await shown(page);
    const box = (await page.locator(".link-preview").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.waitForTimeout(WELL_AFTER_DELAY);
    assert.notEqual(await preview(page), null, "still open with the pointer on it");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 300, { steps: 4 });
    assert.equal(await eventually(() => preview(page), (v) => v === null), null, "closed once the pointer left");
    await ctx.close();
  });

  test("no preview and no request for an outside link, the page itself, its own heading, the sidebar or the pager", async () => {
    const ctx = await context();
    const page = await alfa(ctx);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const targets = [
      link(page, "de Docker-documentatie"),
      link(page, "verderop op deze pagina"),
      link(page, "deze les zelf"),
      page.locator(`.sidebar a[href='${PREFIX}${BETA}']`).first(),
      page.locator(".pager a").first(),
    ];
    for (const target of targets) {
      assert.equal(await target.count(), 1, `the link exists: ${target}`);
      await target.focus();
      await target.hover();
      await page.waitForTimeout(WELL_AFTER_DELAY);
      assert.equal(await preview(page), null, `no preview for ${await target.getAttribute("href")}`);
    }
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), [], "nothing left 127.0.0.1");
    assert.deepEqual(requests.filter((u) => new URL(u).pathname.endsWith("/")), [], "no page was fetched");
    await ctx.close();
  });

  test("no preview on a touch-only device", async () => {
    const ctx = await context({ width: 390, touch: true });
    const page = await alfa(ctx);
    await link(page, "de les over Beta").focus();
    await page.waitForTimeout(WELL_AFTER_DELAY);
    assert.equal(await page.locator(".link-preview").count(), 0);
    await ctx.close();
  });

  test("at 320 px the preview stays inside the window and nothing scrolls sideways", async () => {
    const ctx = await context({ width: 320 });
    const page = await alfa(ctx);
    for (const text of ["de les over Beta", "de tweede kop van Beta"]) {
      await link(page, text).focus();
      await eventually(() => preview(page), (v) => v !== null && (text.includes("tweede") ? v.includes("Tweede kop") : !v.includes("Tweede kop")));
      const r = (await page.locator(".link-preview").boundingBox())!;
      assert.ok(r.x >= 0 && r.x + r.width <= 320, `${text}: ${JSON.stringify(r)}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, "nothing scrolls sideways");
    }
    await ctx.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe: no WCAG 2.2 AA violations with a preview open (${scheme} theme)`, async () => {
      const ctx = await context({ scheme });
      const page = await alfa(ctx);
      await link(page, "de les over Beta").focus();
      await shown(page);
      const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
      assert.notEqual(await preview(page), null, "the preview was open during the check");
      assert.deepEqual(await violations(page), [], "no CSP violations");
      await ctx.close();
    });
  }
});
