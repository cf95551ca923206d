/**
 * Browser test: an SVG attachment with a script, in a small vault built for real, served on
 * 127.0.0.1 and opened in Chromium. The SVG marks its own root element when its `<script>` or
 * its `onload` runs. The lesson that shows it (as an image, and in raw `<object>` and
 * `<iframe>` tags the sanitiser removes) and the SVG opened directly, as a diagram's link
 * opens it, run neither. The same vault built with COURSE_ALLOW_HTML_SCRIPTS=1 shows that
 * the marks are what a running script leaves: there the directly opened SVG runs both.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { after, before, type BrowserSite, describe, eventually, openPage, startBrowserSite, stopBrowserSite, test } from "../helpers/browser.ts";
import { buildSite } from "../helpers/build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { tempDir } from "../helpers/tmp.ts";

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" onload="document.documentElement.setAttribute('data-onload', 'ran')">
  <script>document.documentElement.setAttribute("data-script", "ran"); fetch("/gestolen?" + encodeURIComponent(localStorage.length));</script>
  <rect width="120" height="60" fill="teal"/>
</svg>
`;

const LES = `---
title: Les
---
Een schema:

![[schema.svg|Een blauwgroen vlak]]

<object data="media/schema.svg" type="image/svg+xml"></object>

<iframe src="media/schema.svg"></iframe>
`;

type Marks = { script: string | null; onload: string | null };

describe("an SVG with a script, published", () => {
  let vault = "";
  let safe = "";
  let open = "";
  let site: Partial<BrowserSite> = {};
  let openServer: StaticServer | undefined;
  const requests: string[] = [];

  before(async () => {
    vault = tempDir("cursus-svg-");
    mkdirSync(path.join(vault, "media"));
    writeFileSync(path.join(vault, "media", "schema.svg"), SVG);
    writeFileSync(path.join(vault, "Les.md"), LES);
    const built = buildSite(vault);
    assert.equal(built.status, 0, built.stderr);
    safe = built.output;
    const allowed = buildSite(vault, { COURSE_ALLOW_HTML_SCRIPTS: "1" });
    assert.equal(allowed.status, 0, allowed.stderr);
    open = allowed.output;
    site = await startBrowserSite(safe);
    openServer = await serveStatic(open);
  });

  after(async () => {
    await openServer?.close();
    await stopBrowserSite(site, vault, safe, open);
  });

  async function context(): Promise<BrowserContext> {
    const ctx = await site.browser!.newContext({ viewport: { width: 1280, height: 900 } });
    ctx.on("request", (r) => requests.push(r.url()));
    ctx.on("page", (p) => p.on("dialog", (d) => void d.dismiss()));
    return ctx;
  }

  /** The marks the SVG's script and onload leave on its root element. */
  const marks = (page: Page): Promise<Marks> =>
    page.evaluate(() => ({ script: document.documentElement.getAttribute("data-script"), onload: document.documentElement.getAttribute("data-onload") }));

  /** Opens an SVG file itself (an SVG document has no page scripts of ours to wait for). */
  async function openSvg(ctx: BrowserContext, base: string): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(`${base}/bestanden/media/schema.svg`, { waitUntil: "load" });
    return page;
  }

  test("the lesson shows the drawing and runs nothing of it; the object and iframe are gone", async () => {
    const ctx = await context();
    const page = await openPage(ctx, site.server!.url, "/les/");
    const img = page.locator('img[alt="Een blauwgroen vlak"]');
    assert.equal(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), 120, "the SVG is shown as an image");
    assert.equal(await page.locator("object, iframe").count(), 0);
    assert.deepEqual(
      page.frames().map((f) => f.url()),
      [page.url()],
      "no frame holds the SVG",
    );
    assert.ok(!requests.some((u) => u.includes("/gestolen")), requests.join("\n"));
    await ctx.close();
  });

  test("opened directly, the published SVG runs neither its script nor its onload", async () => {
    const ctx = await context();
    const page = await openSvg(ctx, site.server!.url);
    // The load event has fired: an onload or script would have run by now.
    assert.deepEqual(await marks(page), { script: null, onload: null });
    assert.equal(await page.locator("rect").count(), 1, "the drawing itself is there");
    assert.ok(!requests.some((u) => u.includes("/gestolen")), requests.join("\n"));
    await ctx.close();
  });

  test("control: built with COURSE_ALLOW_HTML_SCRIPTS=1, the same SVG opened directly runs both", async () => {
    const ctx = await context();
    const page = await openSvg(ctx, openServer!.url);
    assert.deepEqual(await marks(page), { script: "ran", onload: "ran" });
    assert.ok(await eventually(async () => requests.some((u) => u.includes("/gestolen")), (made) => made), "the script's request was made");
    await ctx.close();
  });
});
