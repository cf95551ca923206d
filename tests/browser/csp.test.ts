/**
 * Browser tests of the Content-Security-Policy: the real course, built into a temporary
 * folder, served on 127.0.0.1 and opened in Chromium. The policy is the one in each page's
 * `<meta http-equiv="Content-Security-Policy">`; the same policy is also sent as a header
 * here, as `_headers` makes Netlify and Cloudflare Pages do.
 * - the home page, a lesson, the search page with a query, the header's search field while
 *   typing and a lesson with a lab cause no `securitypolicyviolation` event and no script error;
 * - search still finds lessons, the lab still reacts, the theme toggle works;
 * - a remembered dark theme is set before the first frame (no flash), by a synchronous
 *   external script that comes before the stylesheet.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { after, before, describe, launchChromium, test } from "../helpers/browser.ts";
import { buildSite, htmlFiles } from "../helpers/build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";

type Win = { violations: string[]; firstFrameTheme?: string };

describe("Content-Security-Policy in a browser", () => {
  let output: string;
  let server: StaticServer;
  let browser: Browser;
  let policy = "";
  const urls = { lesson: "", lab: "" };

  async function context(): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light", reducedMotion: "reduce" });
    // The header, as the host sends it from `_headers`.
    await ctx.route("**/*", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if ((headers["content-type"] ?? "").includes("text/html")) headers["content-security-policy"] = policy;
      await route.fulfill({ response, headers });
    });
    await ctx.addInitScript(() => {
      const w = window as unknown as Win;
      w.violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
      requestAnimationFrame(() => (w.firstFrameTheme = document.documentElement.dataset.theme ?? "none"));
    });
    return ctx;
  }

  async function open(ctx: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(server.url + url, { waitUntil: "networkidle" });
    return { page, errors };
  }

  const violations = (page: Page) => page.evaluate(() => (window as unknown as Win).violations);

  before(async () => {
    const build = buildSite("content");
    assert.equal(build.status, 0, `build failed:\n${build.stdout}\n${build.stderr}`);
    output = build.output;
    const home = readFileSync(path.join(output, "index.html"), "utf8");
    policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(home)?.[1]?.replace(/&#39;/g, "'") ?? "";
    assert.ok(policy, "the home page has a CSP meta tag");
    urls.lesson = /<a class="start-card" href="([^"]+)"/.exec(home)?.[1] ?? "";
    const lab = htmlFiles(output).find((f) => readFileSync(f, "utf8").includes('class="lab lab-dockerfile"'));
    assert.ok(urls.lesson && lab, "a lesson and a lesson with a lab");
    urls.lab = "/" + path.relative(output, lab!).replace(/index\.html$/, "").split(path.sep).join("/");
    server = await serveStatic(output);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (output) rmSync(output, { recursive: true, force: true });
  });

  test("_headers sends the same policy as the pages' meta tag", () => {
    const headers = readFileSync(path.join(output, "_headers"), "utf8");
    assert.match(headers, /^\/\*$/m);
    const line = /^\s+Content-Security-Policy: (.+)$/m.exec(headers)?.[1];
    assert.equal(line, policy);
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  });

  test("home page and lesson: no violations, the theme toggle works", async () => {
    const ctx = await context();
    for (const url of ["/", urls.lesson]) {
      const { page, errors } = await open(ctx, url);
      await page.locator("[data-theme-toggle]").click();
      assert.equal(await page.locator("html").getAttribute("data-theme"), "dark", `the toggle works on ${url}`);
      await page.locator("[data-theme-toggle]").click();
      assert.deepEqual(await violations(page), [], `CSP violations on ${url}`);
      assert.deepEqual(errors, [], `errors on ${url}`);
      await page.close();
    }
    await ctx.close();
  });

  test("search page with a query: results, no violations", async () => {
    const ctx = await context();
    const { page, errors } = await open(ctx, "/zoeken/?q=container");
    try {
      await page.waitForSelector(".pagefind-ui__result", { timeout: 30_000 });
    } catch (e) {
      assert.fail(`no search results: ${(e as Error).message}\nviolations: ${(await violations(page)).join("\n")}\nerrors: ${errors.join("\n")}`);
    }
    assert.ok((await page.locator(".pagefind-ui__result").count()) > 0, "search finds lessons");
    assert.deepEqual(await violations(page), [], "CSP violations on the search page");
    assert.deepEqual(errors, [], "errors on the search page");
    await ctx.close();
  });

  test("the header's search field shows results while typing, no violations", async () => {
    const ctx = await context();
    const { page, errors } = await open(ctx, urls.lesson);
    const field = page.locator("#kop-zoeken");
    await field.click();
    await field.pressSequentially("container");
    try {
      await page.locator(".quick-search-link").first().waitFor({ timeout: 15_000 });
    } catch (e) {
      assert.fail(`no results under the header's field: ${(e as Error).message}\nviolations: ${(await violations(page)).join("\n")}\nerrors: ${errors.join("\n")}`);
    }
    assert.deepEqual(await violations(page), [], "CSP violations while searching from the header");
    assert.deepEqual(errors, [], "errors while searching from the header");
    await ctx.close();
  });

  test("a lesson with a lab: the lab reacts, no violations", async () => {
    const ctx = await context();
    const { page, errors } = await open(ctx, urls.lab);
    const editor = page.locator(".lab-editor").first();
    await editor.fill((await editor.inputValue()) + "\n# CSP\n");
    await page.waitForTimeout(400);
    assert.deepEqual(await violations(page), [], `CSP violations on ${urls.lab}`);
    assert.deepEqual(errors, [], `errors on ${urls.lab}`);
    await ctx.close();
  });

  test("a remembered dark theme is there before the first frame; the theme script is external and synchronous, before the stylesheet", async () => {
    const ctx = await context();
    await ctx.addInitScript(() => localStorage.setItem("docker-cursus:thema", "dark"));
    const { page } = await open(ctx, urls.lesson);
    assert.equal(await page.evaluate(() => (window as unknown as Win).firstFrameTheme), "dark");
    const html = readFileSync(path.join(output, urls.lesson, "index.html"), "utf8");
    const head = html.slice(0, html.indexOf("</head>"));
    assert.doesNotMatch(head, /<script>|<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
    const theme = /<script src="([^"]*theme-init[^"]*)"><\/script>/.exec(head);
    assert.ok(theme, "a plain <script src> for the theme, without defer, async or module");
    assert.ok(theme.index < head.indexOf('rel="stylesheet"'), "before the stylesheet");
    await ctx.close();
  });
});
