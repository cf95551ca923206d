/**
 * Browser tests of the study site with the real course: built into a temporary folder,
 * served on 127.0.0.1, opened in Chromium (playwright-core, /usr/bin/chromium).
 * - axe finds no WCAG 2.2 AA violations on the home page, lessons, the matrix, a tag page
 *   and the 404 page, in the light and the dark theme;
 * - the theme toggle is remembered after a reload; the lesson menu works on a phone;
 * - search finds lessons; no request leaves 127.0.0.1;
 * - screenshots of the home page and a lesson at 375 px and 1280 px go to test-results/,
 *   after every image on them has loaded.
 * Without /usr/bin/chromium these tests fail, unless SKIP_BROWSER=1.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { after, before, describe, loadAllImages, luminance, openPage, pngSize, test } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { tempDir } from "../helpers/tmp.ts";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const results = path.join(root, "test-results");

describe("study site in a browser", () => {
  let output: string;
  let server: StaticServer;
  let browser: Browser;
  const requests: string[] = [];
  /** URLs of a few real pages, found in the built site. */
  const urls = { lesson: "", exercise: "", steps: "", tag: "" };

  async function context(options: { width?: number; scheme?: "light" | "dark" } = {}): Promise<BrowserContext> {
    const width = options.width ?? 1280;
    const ctx = await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 }, colorScheme: options.scheme ?? "light", reducedMotion: "reduce" });
    ctx.on("request", (r) => requests.push(r.url()));
    return ctx;
  }

  const open = (ctx: BrowserContext, url: string): Promise<Page> => openPage(ctx, server.url, url);

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium) or set SKIP_BROWSER=1 to skip the browser tests.`);
    output = tempDir("site-browser-");
    const r = spawnSync("npx", ["tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet"], {
      cwd: root,
      env: { ...process.env, COURSE_OUTPUT: output, COURSE_CONTENT: "", STRICT: "", PATH_PREFIX: "" },
      encoding: "utf8",
      timeout: 300_000,
    });
    assert.equal(r.status, 0, `build failed:\n${r.stdout}\n${r.stderr}`);
    const home = readFileSync(path.join(output, "index.html"), "utf8");
    urls.lesson = /<a class="start-card" href="([^"]+)"/.exec(home)?.[1] ?? "";
    urls.exercise = /href="([^"]+)"[^>]*>(?:(?!<\/a>).)*kind-oefeningen/.exec(home)?.[1] ?? urls.lesson;
    urls.steps = /href="([^"]+)"[^>]*>(?:(?!<\/a>).)*kind-stappen/.exec(home)?.[1] ?? urls.lesson;
    const lesson = readFileSync(path.join(output, urls.lesson, "index.html"), "utf8");
    urls.tag = /<a class="tag tag-onderwerp" href="([^"]+)"/.exec(lesson)?.[1] ?? /<a class="tag [^"]*" href="([^"]+)"/.exec(lesson)?.[1] ?? "";
    assert.ok(urls.lesson && urls.tag, `pages to test not found: ${JSON.stringify(urls)}`);
    server = await serveStatic(output);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(results, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (output) rmSync(output, { recursive: true, force: true });
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe: no WCAG 2.2 AA violations (${scheme} theme)`, async () => {
      const ctx = await context({ scheme });
      const pages = ["/", urls.lesson, urls.exercise, "/taxonomie/", urls.tag, "/404.html", "/zoeken/?q=docker", "/bestaat-niet/"];
      const problems: string[] = [];
      for (const url of pages) {
        const page = await open(ctx, url);
        if (url.startsWith("/zoeken/")) await page.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
        // Folded content is checked too: open every <details>.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        for (const v of result.violations) problems.push(`${url} ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
        await page.close();
      }
      await ctx.close();
      assert.deepEqual(problems, []);
    });
  }

  test("the theme toggle is remembered after a reload, without a flash", async () => {
    const ctx = await context({ scheme: "light" });
    const page = await open(ctx, urls.lesson);
    const toggle = page.locator("[data-theme-toggle]");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    await page.reload({ waitUntil: "networkidle" });
    assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
    assert.equal(await page.locator("[data-theme-toggle]").getAttribute("aria-pressed"), "true");
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(darkBg, lightBg);
    // The theme is set by a plain (blocking) script in <head>, before the stylesheet applies.
    const html = await page.evaluate(async (url) => (await fetch(url)).text(), server.url + urls.lesson);
    const script = /<script src="[^"]*theme-init[^"]*"><\/script>/.exec(html);
    assert.ok(script, "a blocking theme script without async, defer or type=module");
    assert.ok(script.index < html.indexOf('rel="stylesheet"'), "the theme script runs before the stylesheet");
    // And back: light is remembered too, on another page.
    await page.locator("[data-theme-toggle]").click();
    const other = await open(ctx, "/");
    assert.equal(await other.locator("html").getAttribute("data-theme"), "light");
    await ctx.close();
  });

  test("on a phone the lesson menu is a disclosure button; on a laptop the sidebar is always there", async () => {
    const phone = await context({ width: 375 });
    const page = await open(phone, urls.lesson);
    const button = page.locator("[data-sidebar-toggle]");
    const sidebar = page.locator("#lessen");
    assert.ok(await button.isVisible());
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.ok(!(await sidebar.isVisible()));
    await button.click();
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    assert.ok(await sidebar.isVisible());
    assert.ok(await sidebar.locator('[aria-current="page"]').isVisible());
    await page.keyboard.press("Escape");
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    await phone.close();

    const laptop = await context({ width: 1280 });
    const desk = await open(laptop, urls.lesson);
    assert.ok(await desk.locator("#lessen").isVisible());
    assert.ok(!(await desk.locator("[data-sidebar-toggle]").isVisible()));
    await laptop.close();

    // Without JavaScript the sidebar is shown on a laptop as well.
    const noJs = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    noJs.on("request", (r) => requests.push(r.url()));
    const plain = await noJs.newPage();
    await plain.goto(server.url + urls.lesson);
    assert.ok(await plain.locator("#lessen").isVisible());
    await noJs.close();
  });

  test("the sidebar fills in the other modules from the shared navigation file, and nothing on screen moves", async () => {
    const html = readFileSync(path.join(output, urls.lesson, "index.html"), "utf8");
    const stubs = [...html.matchAll(/<div class="nav-module" data-module="([^"]+)" data-stub>/g)].map((m) => m[1]!);
    assert.ok(stubs.length > 0, "the lesson page has a module stub");
    const ctx = await context();
    const page = await ctx.newPage();
    // Hold the navigation file back until the page as delivered has been measured.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let navRequests = 0;
    await page.route("**/nav/*.html", async (route) => {
      navRequests++;
      await held;
      await route.continue();
    });
    await page.goto(server.url + urls.lesson, { waitUntil: "load" });
    const boxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("#lessen summary, #lessen a")]
          .filter((e) => e.checkVisibility())
          .map((e) => {
            const r = e.getBoundingClientRect();
            return `${e.textContent!.trim()} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
          }),
      );
    const before = await boxes();
    assert.equal(await page.locator("#lessen [data-stub]").count(), stubs.length);
    release();
    await page.waitForFunction(() => !document.querySelector("#lessen [data-stub]"), undefined, { timeout: 10_000 });
    assert.deepEqual(await boxes(), before, "filling the closed modules moves nothing");
    assert.equal(navRequests, 1, "one request for the whole tree");
    // A filled module opens with its lessons, each one link.
    const filled = page.locator(`#lessen details[data-module="${stubs[0]}"]`);
    await filled.locator("summary").click();
    const links = await filled.locator("a.nav-link:not(.nav-link-module)").count();
    assert.ok(links > 0, "the filled module lists its lessons");
    assert.equal(await page.locator('#lessen [aria-current="page"]').count(), 1, "still exactly one current page");
    await ctx.close();
  });

  test("without the navigation file each other module stays a link to its overview page", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/nav/*.html", (route) => route.abort());
    await page.goto(server.url + urls.lesson, { waitUntil: "networkidle" });
    const stub = page.locator("#lessen [data-stub]").first();
    assert.ok(await stub.isVisible(), "the stub is shown");
    const module = await stub.getAttribute("data-module");
    assert.equal(await stub.locator("a.nav-module-title").getAttribute("href"), module, "one click away from the module's page");
    await stub.locator("a").click();
    await page.waitForURL(`**${module}`);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test("code blocks get a copy button; the skip link leads to the content", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.lesson);
    const blocks = await page.locator(".prose pre").count();
    if (blocks > 0) assert.equal(await page.locator(".code-block .copy-button").count(), blocks);
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true, "the skip link is the first tab stop");
    assert.ok(await skip.isVisible(), "the skip link is visible when focused");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "inhoud");
    await ctx.close();
  });

  test("search finds lessons, also from the header form", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.lesson);
    await page.fill("#kop-zoeken", "container");
    await page.press("#kop-zoeken", "Enter");
    await page.waitForURL(/\/zoeken\/\?q=container/);
    await page.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
    const first = await page.locator(".pagefind-ui__result-link").first().getAttribute("href");
    assert.match(first ?? "", /^\/[\w-]+\/[\w-]+\//);
    assert.deepEqual(page.workers().map((w) => w.url()), [], "Pagefind searches on the main thread");
    await ctx.close();
  });

  test("every image loads; screenshots of the home page and a lesson at 375 px and 1280 px, in the page's theme", async () => {
    for (const width of [375, 1280]) {
      for (const scheme of ["light", "dark"] as const) {
        const ctx = await context({ width, scheme });
        for (const [name, url] of [["home", "/"], ["les", urls.lesson]] as const) {
          const page = await open(ctx, url);
          assert.deepEqual(await loadAllImages(page), [], `images that do not load on ${url}`);
          const file = path.join(results, `${name}-${width}-${scheme}.png`);
          const png = await page.screenshot({ path: file, fullPage: width === 1280 });
          const size = pngSize(png);
          assert.equal(size.width, width, `${file} is as wide as the screen`);
          if (width === 1280) assert.ok(size.height > 900, `${file} holds the whole page, not only the screen (${size.height} px)`);
          // Mostly the page's background: near white in the light theme, near black in the dark one.
          const light = await luminance(ctx, png);
          assert.ok(scheme === "light" ? light > 200 : light < 80, `${file}: mean luminance ${light.toFixed(0)} in the ${scheme} theme`);
          await page.close();
        }
        await ctx.close();
      }
    }
  });

  test("printing opens the folded callouts and closes them afterwards; quiz answers stay folded", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.steps);
    const closed = () => page.locator("details.callout:not([open])").count();
    const folded = await closed();
    assert.ok(folded > 0, `${urls.steps} has folded callouts`);
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    assert.equal(await closed(), 0, "every callout is open on paper");
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    assert.equal(await closed(), folded, "and folded again afterwards");
    const quiz = await open(ctx, urls.exercise);
    await quiz.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    assert.equal(await quiz.locator("details.quiz-answer[open]").count(), 0, "quiz answers are not given away on paper");
    await ctx.close();
  });

  test("under PATH_PREFIX=/cursus/ styles, scripts and search work", async () => {
    const prefixed = tempDir("site-prefix-");
    const r = spawnSync("npx", ["tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet"], {
      cwd: root,
      env: { ...process.env, COURSE_OUTPUT: prefixed, COURSE_CONTENT: "", STRICT: "", PATH_PREFIX: "/cursus/" },
      encoding: "utf8",
      timeout: 300_000,
    });
    assert.equal(r.status, 0, r.stderr);
    const indexed = Number(/zoekindex geschreven: (\d+) less?en/.exec(r.stdout)?.[1] ?? 0);
    assert.ok(indexed > 20, `the search index holds the lessons:\n${r.stdout}`);
    const sub = await serveStatic(prefixed, "/cursus/");
    try {
      const ctx = await context();
      const failed: string[] = [];
      const log: string[] = [];
      ctx.on("response", (res) => res.status() >= 400 && failed.push(res.url()));
      ctx.on("requestfailed", (req) => log.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
      const page = await ctx.newPage();
      page.on("console", (m) => m.type() === "error" && log.push(`console: ${m.text()}`));
      page.on("pageerror", (e) => log.push(`page error: ${e.message}`));
      await page.goto(`${sub.url}/zoeken/?q=volume`, { waitUntil: "networkidle" });
      try {
        await page.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
      } catch (e) {
        const box = await page.locator("[data-search]").first().innerText().catch(() => "?");
        assert.fail(`no search results under /cursus/: ${(e as Error).message}\nsearch box: ${box}\n${[...log, ...failed].join("\n")}`);
      }
      const href = await page.locator(".pagefind-ui__result-link").first().getAttribute("href");
      assert.match(href ?? "", /^\/cursus\/[\w-]+\//, "search results carry the prefix");
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily.includes("system-ui")), true, "the stylesheet loaded");
      await page.locator("[data-theme-toggle]").click();
      assert.equal(await page.locator("html").getAttribute("data-theme"), "dark", "the client script runs");
      await page.goto(`${sub.url}${urls.lesson}`, { waitUntil: "networkidle" });
      await page.goto(`${sub.url}/bestaat-niet/`, { waitUntil: "networkidle" });
      assert.match(await page.locator("h1").innerText(), /Pagina niet gevonden/);
      assert.deepEqual(failed.filter((u) => !u.endsWith("/bestaat-niet/")), []);
      await ctx.close();
    } finally {
      await sub.close();
      rmSync(prefixed, { recursive: true, force: true });
    }
  });

  test("no request leaves 127.0.0.1", () => {
    assert.ok(requests.length > 20, "requests were recorded");
    const outside = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== "127.0.0.1");
    assert.deepEqual(outside, []);
  });
});
