/**
 * Browser tests of the interactive labs: a small vault with one lesson per lab and one
 * without, built into a temporary folder, served on 127.0.0.1 and opened in Chromium.
 * - the lab code loads only on a page with a lab, each lab its own chunk;
 * - the explorer: an edited RUN line rebuilds that step and the rest; "src/app.js gewijzigd"
 *   with the naive and the cache-friendly order; "Bouw opnieuw" makes the new cache;
 * - the map redraws after a port is changed, and reports a port published twice;
 * - keyboard only: Tab into the editor, Escape out of it, checkboxes and buttons;
 * - keyboard only: "Markeer als gewijzigd" on RUN npm ci rebuilds that step and the later ones;
 * - the link to the lesson section (les=) after the reasons, the same before and after JavaScript;
 * - without JavaScript both labs still show their build-time view;
 * - under a CSP without inline styles or scripts the labs work and cause no violation;
 * - at 320 px nothing sticks out sideways; axe finds no WCAG 2.2 AA violations, light and dark;
 * - screenshots at 320 px and 1280 px, light and dark, go to test-results/.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { after, before, describe, eventually, RESULTS_DIR, startBrowserSite, stopBrowserSite, test, WCAG_TAGS } from "../helpers/browser.ts";
import { buildSite, htmlFiles } from "../helpers/build.ts";
import type { StaticServer } from "../helpers/static-server.ts";
import { tempDir } from "../helpers/tmp.ts";

const results = RESULTS_DIR;

const NAIVE = `FROM node:22-alpine
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "src/app.js"]`;

const FRIENDLY = `FROM node:22-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
CMD ["node", "src/app.js"]`;

const COMPOSE = `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "8080:80"
    networks: [front]
    depends_on:
      api:
        condition: service_healthy
  api:
    build: ./api
    networks: [front, back]
    volumes:
      - ./api/src:/app/src
  db:
    image: postgres:17
    networks: [back]
    volumes:
      - db-data:/var/lib/postgresql/data
volumes:
  db-data:`;

describe("interactive labs in a browser", () => {
  let vault = "";
  let output = "";
  let server: StaticServer;
  let browser: Browser;
  const urls = { explorer: "", map: "", plain: "" };

  async function context(options: { width?: number; scheme?: "light" | "dark"; js?: boolean } = {}): Promise<BrowserContext> {
    const width = options.width ?? 1280;
    return browser.newContext({ viewport: { width, height: 900 }, colorScheme: options.scheme ?? "light", reducedMotion: "reduce", javaScriptEnabled: options.js ?? true });
  }

  async function open(ctx: BrowserContext, url: string, ready = true): Promise<Page> {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url + url, { waitUntil: "networkidle" });
    if (ready) await page.waitForSelector(".lab-ready");
    assert.deepEqual(errors, [], `script errors on ${url}`);
    return page;
  }

  /** Cache status per step: h(it), m(iss), s(kip), . (none). */
  const statuses = (page: Page) =>
    page.locator(".lab-dockerfile .lab-step").evaluateAll((steps) => steps.map((s) => (s.classList.contains("lab-hit") ? "h" : s.classList.contains("lab-miss") ? "m" : s.classList.contains("lab-skip") ? "s" : ".")).join(""));
  const until = (page: Page, expected: string) => eventually(() => statuses(page), (v) => v === expected);

  before(async () => {
    vault = tempDir("labs-vault-");
    const dir = path.join(vault, "1. Labs");
    mkdirSync(dir);
    const lesson = (name: string, code: string, body: string) => `---\ntitle: ${name}\ntaxonomie: ['ib-19.3.Labs.OI']\n---\n\n## Oefenen\n\n${body}\n\n${code}\n`;
    writeFileSync(path.join(dir, "1. Uitleg Lagen.md"), lesson("1. Uitleg Lagen", "```dockerfile explore les=\"1. Uitleg Lagen#Oefenen\"\n" + NAIVE + "\n```", "Pas de Dockerfile aan."));
    writeFileSync(path.join(dir, "2. Uitleg Compose.md"), lesson("2. Uitleg Compose", "```yaml compose-map\n" + COMPOSE + "\n```", "Pas compose.yaml aan."));
    writeFileSync(path.join(dir, "3. Uitleg Zonder.md"), lesson("3. Uitleg Zonder", "```dockerfile\n" + NAIVE + "\n```", "Gewone code."));
    const site = buildSite(vault);
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    for (const file of htmlFiles(output)) {
      const html = readFileSync(file, "utf8");
      const url = "/" + path.relative(output, path.dirname(file)).split(path.sep).join("/") + "/";
      if (html.includes('data-lab="dockerfile"')) urls.explorer = url;
      else if (html.includes('data-lab="compose"')) urls.map = url;
      else if (html.includes("language-dockerfile")) urls.plain = url;
    }
    assert.ok(urls.explorer && urls.map && urls.plain, `lessons not found: ${JSON.stringify(urls)}`);
    ({ server, browser } = await startBrowserSite(output));
  });

  after(() => stopBrowserSite({ server, browser }, output, vault));

  test("lab code loads only on a page with a lab, each lab as its own chunk", async () => {
    const ctx = await context();
    const scripts = async (url: string, ready: boolean) => {
      const bodies: string[] = [];
      const page = await ctx.newPage();
      page.on("response", async (r) => {
        if (r.url().endsWith(".js")) bodies.push(await r.text().catch(() => ""));
      });
      await page.goto(server.url + url, { waitUntil: "networkidle" });
      if (ready) await page.waitForSelector(".lab-ready");
      await page.close();
      return bodies.join("\n");
    };
    const plain = await scripts(urls.plain, false);
    assert.ok(plain.length > 0, "the plain page loads its scripts");
    assert.doesNotMatch(plain, /lab-dockerfile-ready|lab-compose-ready|Dockerfile-verkenner/);
    const explorer = await scripts(urls.explorer, true);
    assert.match(explorer, /lab-dockerfile-ready/);
    assert.doesNotMatch(explorer, /lab-compose-ready/);
    const map = await scripts(urls.map, true);
    assert.match(map, /lab-compose-ready/);
    assert.doesNotMatch(map, /lab-dockerfile-ready/);
    await ctx.close();
  });

  test("explorer: an edited RUN line rebuilds that step and every step after it", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.explorer);
    assert.equal(await statuses(page), "hhhhh");
    await page.locator(".lab-editor").fill(NAIVE.replace("RUN npm ci", "RUN npm install"));
    assert.equal(await until(page, "hhhmm"), "hhhmm");
    assert.match(await page.locator(".lab-miss .lab-why").first().innerText(), /nieuw of de tekst is veranderd/);
    assert.match(await page.locator(".lab-summary").innerText(), /3 stappen komen uit de cache, 2 stappen worden opnieuw uitgevoerd/);
    await ctx.close();
  });

  test("explorer: a changed src/app.js reinstalls everything in the naive order, not in the cache-friendly one", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.explorer);
    const appChanged = page.getByLabel("Ik heb src/app.js gewijzigd");
    await appChanged.check();
    assert.equal(await until(page, "hhmmm"), "hhmmm", "naive: COPY . . misses, so npm ci runs again");
    await appChanged.uncheck();
    await page.locator(".lab-editor").fill(FRIENDLY);
    await until(page, "hhmmmm");
    await page.getByRole("button", { name: /Bouw opnieuw/ }).click();
    assert.equal(await until(page, "hhhhhh"), "hhhhhh", "after the rebuild everything is in the cache");
    await appChanged.check();
    assert.equal(await until(page, "hhhhmm"), "hhhhmm", "cache-friendly: npm ci comes from the cache");
    assert.match(await page.locator(".lab-step").nth(3).locator(".lab-why").innerText(), /kijkt alleen naar de tekst/);
    await page.getByLabel("Ik heb package.json gewijzigd").check();
    assert.equal(await until(page, "hhmmmm"), "hhmmmm");
    await page.getByRole("button", { name: "Terug naar het voorbeeld" }).click();
    assert.equal(await until(page, "hhhhh"), "hhhhh");
    assert.equal(await page.locator(".lab-editor").inputValue(), NAIVE);
    await ctx.close();
  });

  test("explorer: a new base image rebuilds the whole stage; lint and tips next to their line", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.explorer);
    await page.getByLabel("Er is een nieuwe versie van node:22-alpine").check();
    assert.equal(await until(page, "mmmmm"), "mmmmm");
    assert.match(await page.locator(".lab-step").nth(2).locator(".lab-note-tip").innerText(), /COPY \. \. staat vóór het installeren/);
    await page.locator(".lab-editor").fill(NAIVE + "\nRUNN echo");
    await eventually(() => page.locator(".lab-note-error").count(), (n) => n === 1);
    assert.match(await page.locator(".lab-step").last().locator(".lab-note-error").innerText(), /Fout \(regel 6\): Deze instructie bestaat niet/);
    await ctx.close();
  });

  test("explorer with the keyboard only: Tab in, Escape out, checkbox with Space, rebuild with Enter", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.explorer);
    await page.locator(".lab-title").click();
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains("lab-editor"))) && guard++ < 20) await page.keyboard.press("Tab");
    assert.ok(guard < 20, "Tab reaches the editor");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nENV PORT=3000");
    assert.equal(await until(page, "hhhhhm"), "hhhhhm", "the new ENV line is a new step");
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement).value), "package.json", "Escape leaves the editor for the first checkbox");
    await page.keyboard.press("Space");
    assert.equal(await until(page, "hhmmmm"), "hhmmmm");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ""), /Bouw opnieuw/);
    await page.keyboard.press("Enter");
    assert.equal(await until(page, "hhhhhh"), "hhhhhh");
    await ctx.close();
  });

  test("explorer with the keyboard only: marking RUN npm ci as changed rebuilds it and every later step", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.explorer);
    await page.locator(".lab-title").click();
    let guard = 0;
    const focusedMark = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.labMark);
    while ((await focusedMark()) !== "3" && guard++ < 40) await page.keyboard.press("Tab");
    assert.ok(guard < 40, "Tab reaches the toggle of RUN npm ci");
    const mark = page.locator("[data-lab-mark='3']");
    assert.equal(await mark.getAttribute("aria-pressed"), "false");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Markeer als gewijzigd: regel 4");
    await page.keyboard.press("Space");
    assert.equal(await until(page, "hhhmm"), "hhhmm", "RUN npm ci and CMD rebuild, the steps before come from the cache");
    assert.equal(await page.locator("[data-lab-mark='3']").getAttribute("aria-pressed"), "true");
    assert.equal(await focusedMark(), "3", "the toggle keeps the focus after the stack is drawn again");
    const why = page.locator(".lab-step").nth(3).locator(".lab-why");
    assert.match(await why.innerText(), /als gewijzigd gemarkeerd/);
    assert.match(await page.locator(".lab-step").nth(4).locator(".lab-why").innerText(), /regel 4\) kwam niet uit de cache/);
    await page.keyboard.press("Enter");
    assert.equal(await until(page, "hhhhh"), "hhhhh", "pressed again: nothing is marked");
    assert.equal(await page.locator("[data-lab-mark='3']").getAttribute("aria-pressed"), "false");
    await ctx.close();
  });

  test("explorer: the reasons end with the link to the lesson section, before and after JavaScript", async () => {
    const ctx = await context({ js: false });
    const plain = await open(ctx, urls.explorer, false);
    const link = plain.locator(".lab-note-tip .lab-read").first();
    assert.equal(await link.innerText(), "Lees: Oefenen");
    assert.equal(await link.getAttribute("href"), "#oefenen");
    await ctx.close();
    const js = await context();
    const page = await open(js, urls.explorer);
    await page.getByLabel("Ik heb src/app.js gewijzigd").check();
    await until(page, "hhmmm");
    const miss = page.locator(".lab-miss .lab-why .lab-read");
    assert.equal(await miss.count(), 3);
    assert.equal(await miss.first().innerText(), "Lees: Oefenen");
    assert.equal(await miss.first().getAttribute("href"), "#oefenen");
    assert.equal(await page.locator(".lab-hit .lab-read").count(), 0, "a cache hit needs no reading");
    assert.equal(await page.locator(".lab-note-tip .lab-read").first().innerText(), "Lees: Oefenen");
    await js.close();
  });

  test("map: redraws after a port is changed and reports a port published twice", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.map);
    const svg = page.locator(".lab-map-svg");
    assert.match(await svg.innerHTML(), />8080→80</);
    assert.equal(await page.locator(".lab-svc-box").count(), 3);
    await page.locator(".lab-editor").fill(COMPOSE.replace('"8080:80"', '"9090:80"'));
    await eventually(() => svg.innerHTML(), (h) => h.includes("9090→80"));
    assert.match(await svg.innerHTML(), />9090→80</);
    assert.doesNotMatch(await svg.innerHTML(), /8080→80/);
    assert.match(await page.locator(".lab-facts").innerText(), /9090 op je computer → 80 in de container/);
    await page.locator(".lab-editor").fill(COMPOSE.replace("    build: ./api\n", '    build: ./api\n    ports: ["8080:3000"]\n'));
    await eventually(() => page.locator(".lab-mistakes").count(), (n) => n === 1);
    assert.match(await page.locator(".lab-mistakes").innerText(), /Poort 8080 wordt twee keer gepubliceerd \(web en api\)/);
    assert.equal(await page.locator(".lab-port-box").count(), 2);
    await ctx.close();
  });

  test("map with the keyboard only: Tab into the editor, type, Escape to the map", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.map);
    await page.locator(".lab-title").click();
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains("lab-editor"))) && guard++ < 20) await page.keyboard.press("Tab");
    assert.ok(guard < 20, "Tab reaches the editor");
    // After the first line (services:), a new service.
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("End");
    await page.keyboard.type("\n  cache:\n    image: redis:7\n    networks: [back]");
    await eventually(() => page.locator(".lab-svc-box").count(), (n) => n === 4);
    assert.equal(await page.locator(".lab-svc-box").count(), 4);
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute("data-lab-output")), true);
    await ctx.close();
  });

  test("without JavaScript both labs show their build-time view", async () => {
    const ctx = await context({ js: false });
    const explorer = await open(ctx, urls.explorer, false);
    assert.equal(await explorer.locator(".lab-source pre code.language-dockerfile").count(), 1);
    assert.equal(await explorer.locator(".lab-step").count(), 5);
    assert.equal(await explorer.locator(".lab-noscript").isVisible(), true);
    const map = await open(ctx, urls.map, false);
    assert.equal(await map.locator(".lab-map-svg .lab-svc-box").count(), 3);
    assert.equal(await map.locator(".lab-map-svg").isVisible(), true);
    await ctx.close();
  });

  test("under a CSP without inline styles the labs work and cause no violation", async () => {
    const ctx = await context();
    await ctx.route("**/*", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if ((headers["content-type"] ?? "").includes("text/html")) headers["content-security-policy"] = "script-src 'self'; style-src 'self'";
      await route.fulfill({ response, headers });
    });
    await ctx.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { violations: string[] }).violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
    });
    for (const url of [urls.explorer, urls.map]) {
      const page = await open(ctx, url);
      await page.locator(".lab-editor").fill((await page.locator(".lab-editor").inputValue()) + "\n");
      await page.waitForTimeout(300);
      const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
      assert.deepEqual(violations, [], `CSP violations on ${url}`);
      await page.close();
    }
    await ctx.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`at 320 px nothing sticks out, axe finds no violations, screenshots (${scheme})`, async () => {
      const problems: string[] = [];
      for (const width of [320, 1280]) {
        const ctx = await context({ width, scheme });
        for (const [name, url] of [["explorer", urls.explorer], ["map", urls.map]] as const) {
          const page = await open(ctx, url);
          if (name === "explorer") {
            await page.getByLabel("Ik heb src/app.js gewijzigd").check();
            await until(page, "hhmmm");
          }
          if (width === 320) {
            const wide = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(wide <= 320, `${name} is ${wide} px wide at 320 px`);
          }
          const result = await new AxeBuilder({ page }).include(".lab").withTags(WCAG_TAGS).analyze();
          for (const v of result.violations) problems.push(`${name} ${width}px ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
          await page.locator(".lab").screenshot({ path: path.join(results, `lab-${name}-${width}-${scheme}.png`) });
          await page.close();
        }
        await ctx.close();
      }
      assert.deepEqual(problems, []);
    });
  }
});
