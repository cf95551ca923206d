/**
 * Browser tests of the interactive self-tests (src/client/quiz.ts) and study progress
 * (src/client/progress.ts) with the real course, built into a temporary folder, served on
 * 127.0.0.1 and opened in Chromium. Every test starts in a fresh browser context, so with
 * empty localStorage.
 * - a wrong first answer: "probeer het nog eens" with a hint, the answer stays hidden; a
 *   second wrong answer: marks, verdict words, live region, open explanation, score line;
 * - the answer opens only on request, and its button says what it does (Toon / Verberg);
 * - a right answer counts only at the first try;
 * - answers come back after a reload, "Opnieuw" starts a question over;
 * - a question with more right answers: checkboxes, "Controleer", partly and fully right;
 * - keyboard only: arrows choose without grading, Enter/Space checks, focus follows;
 * - axe finds no WCAG 2.2 AA violations on an answered quiz page and a filled-in home page, in both themes;
 * - "Markeer als gedaan", the sidebar check and the home summary (also when all is done);
 *   "Verder waar je was" goes on after the last lesson done; the home page's lesson count, the
 *   kind cards and the progress total agree, and reference pages cannot be marked done;
 *   "Voortgang wissen" with its confirm step;
 * - task-list checkboxes remembered per page; without JavaScript the quiz stays folded;
 * - under PATH_PREFIX progress is kept per prefixed path;
 * - screenshots of a quiz page (open and answered) and the home summary at 375 px and 1280 px,
 *   light and dark, go to test-results/; no request leaves 127.0.0.1.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { after, before, describe, eventually, openPage, RESULTS_DIR, startBrowserSite, stopBrowserSite, test, WCAG_TAGS } from "../helpers/browser.ts";
import { buildSite } from "../helpers/build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";

const results = RESULTS_DIR;

describe("self-tests and study progress in a browser", () => {
  let output = "";
  let server: StaticServer;
  let browser: Browser;
  const requests: string[] = [];
  /** Lesson URLs in course order (the home page's learning path), and pages found in the build. */
  let order: string[] = [];
  /** Reference pages in the learning path (Commando's, Docker Ecosysteem). */
  let reference: string[] = [];
  const urls = { quiz: "", tasks: "" };
  /** Number of questions on the quiz page, and which of them has more right answers. */
  let questions = 0;
  let multipleIndex = -1;

  async function context(options: { width?: number; scheme?: "light" | "dark"; js?: boolean } = {}): Promise<BrowserContext> {
    const width = options.width ?? 1280;
    const ctx = await browser.newContext({
      viewport: { width, height: width < 600 ? 800 : 900 },
      colorScheme: options.scheme ?? "light",
      reducedMotion: "reduce",
      javaScriptEnabled: options.js ?? true,
    });
    ctx.on("request", (r) => requests.push(r.url()));
    return ctx;
  }

  const open = (ctx: BrowserContext, url: string, base = server.url): Promise<Page> => openPage(ctx, base, url);

  const question = (page: Page, i: number) => page.locator(".prose .callout-quiz").nth(i);
  const option = (q: Locator, right: boolean) => q.locator(right ? ".quiz-option[data-correct]" : ".quiz-option:not([data-correct])").first();
  const text = async (l: Locator) => (await l.innerText()).replace(/\s+/g, " ").trim();
  /** The score line as written (its label is upper case on screen only). */
  const scoreText = (page: Page) => page.locator(".quiz-score").evaluate((e) => e.textContent!.replace(/\s+/g, " ").trim());
  const feedback = (q: Locator, pattern: RegExp) => eventually(() => text(q.locator(".quiz-feedback")), (s) => pattern.test(s));
  const storage = (page: Page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const pathOf = (url: string) => new URL(url, "http://x").pathname;

  async function answer(q: Locator, right: boolean): Promise<void> {
    await option(q, right).locator("label").click();
    await q.getByRole("button", { name: "Controleer" }).click();
  }

  before(async () => {
    const site = buildSite("");
    output = site.output;
    assert.equal(site.status, 0, `build failed:\n${site.stdout}\n${site.stderr}`);
    const home = readFileSync(path.join(output, "index.html"), "utf8");
    const learningPath = home.slice(home.indexOf('<section class="home-path"'));
    // The lessons that count: reference pages (data-naslag) are in the path but are no lessons.
    order = [...learningPath.matchAll(/<a class="lesson-row" href="([^"]+)"(?! data-naslag)/g)].map((m) => m[1]!);
    reference = [...learningPath.matchAll(/<a class="lesson-row" href="([^"]+)" data-naslag/g)].map((m) => m[1]!);
    for (const url of order) {
      const html = readFileSync(path.join(output, url, "index.html"), "utf8");
      const quizzes = html.split('class="callout callout-quiz"').slice(1);
      // A page with several questions, one of which has more right answers.
      if (!urls.quiz && quizzes.length >= 3 && quizzes.some((q) => q.split("</ul>")[0]!.split('data-correct="true"').length > 2)) {
        urls.quiz = url;
        questions = quizzes.length;
        multipleIndex = quizzes.findIndex((q) => q.split("</ul>")[0]!.split('data-correct="true"').length > 2);
      }
      if (!urls.tasks && (html.match(/task-list-item-checkbox/g) ?? []).length >= 3) urls.tasks = url;
    }
    assert.ok(order.length > 3 && urls.quiz && urls.tasks && multipleIndex > 1, `pages to test not found: ${JSON.stringify({ order: order.length, ...urls, multipleIndex })}`);
    ({ server, browser } = await startBrowserSite(output));
  });

  after(() => stopBrowserSite({ server, browser }, output));

  test("a wrong first answer: try again with a hint, answer hidden; a second wrong answer shows it; the score counts it as not right", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.quiz);
    const q = question(page, 0);
    const score = page.locator(".quiz-score");
    assert.equal(await score.count(), 1, "one score line");
    assert.ok(await score.evaluate((s) => s.nextElementSibling?.classList.contains("callout-quiz")), "the score line comes right before the first question");
    assert.match(await scoreText(page), new RegExp(`^Zelftoets 0 van ${questions} goed 0 van ${questions} beantwoord$`));

    // A radio group named by the question, a real radio button in every option's label.
    const group = q.getByRole("radiogroup");
    const titleId = await group.getAttribute("aria-labelledby");
    assert.equal(await page.locator(`#${titleId}`).innerText(), await q.locator(".callout-title").innerText());
    assert.equal(await q.locator(".quiz-option label > input[type=radio]").count(), await q.locator(".quiz-option").count());
    const details = q.locator("details.quiz-answer");
    const isOpen = () => details.evaluate((d) => (d as HTMLDetailsElement).open);
    assert.equal(await isOpen(), false);
    assert.equal(await text(details.locator("summary")), "Toon het antwoord");

    // First wrong try: said, with a hint; the right option is not given away.
    const wrongs = q.locator(".quiz-option:not([data-correct])");
    const wrong = wrongs.first();
    await answer(q, false);
    const live = q.locator(".quiz-feedback");
    assert.equal(await live.getAttribute("aria-live"), "polite");
    assert.equal(await feedback(q, /^Niet goed/), "Niet goed, probeer het nog eens.");
    assert.match((await wrong.getAttribute("class")) ?? "", /\bis-chosen\b.*\bis-wrong\b/);
    assert.equal(await text(wrong.locator(".quiz-verdict")), "Niet goed");
    const right = option(q, true);
    assert.doesNotMatch((await right.getAttribute("class")) ?? "", /\bis-missed\b/, "the right option is not marked after one try");
    assert.equal(await isOpen(), false, "the answer stays folded after one wrong try");
    const tip = q.locator(".quiz-tip");
    const hint = await eventually(() => text(tip).catch(() => ""), (s) => s.startsWith("Hint:"));
    assert.match(hint, /^Hint: \S.+/, "a hint from the explanation");
    assert.equal(await tip.getAttribute("aria-live"), "polite");
    assert.ok(await q.getByRole("button", { name: "Controleer" }).isVisible(), "the student can try again");
    assert.equal(await q.locator("input[type=radio]:disabled").count(), 0, "nothing is locked yet");
    assert.equal(await scoreText(page), `Zelftoets 0 van ${questions} goed 1 van ${questions} beantwoord`);

    // Second wrong try: now the answer shows.
    const second = (await wrongs.count()) > 1 ? wrongs.nth(1) : wrong;
    await second.locator("label").click();
    assert.equal(await q.locator(".quiz-verdict:not([hidden])").count(), 0, "a new choice clears the old marks");
    await q.getByRole("button", { name: "Controleer" }).click();
    assert.match((await second.getAttribute("class")) ?? "", /\bis-chosen\b.*\bis-wrong\b/);
    assert.match((await right.getAttribute("class")) ?? "", /\bis-missed\b/);
    assert.equal(await text(right.locator(".quiz-verdict")), "Juist antwoord");
    // The verdict is part of the option's name, not only a colour.
    assert.equal(await second.getByRole("radio", { name: /Niet goed$/ }).count(), 1);
    assert.equal(await right.getByRole("radio", { name: /Juist antwoord$/ }).count(), 1);
    assert.match(await feedback(q, /hieronder/), /^Niet goed\. Het juiste antwoord en de uitleg staan hieronder\.$/);
    assert.equal(await isOpen(), true, "the explanation opens after the second wrong try");
    assert.equal(await eventually(() => text(details.locator("summary")), (s) => s.startsWith("Verberg")), "Verberg het antwoord", "the button says what it does now");
    assert.ok(await q.locator(".quiz-explanation").isVisible());
    assert.ok(!(await tip.isVisible()), "the hint goes once the answer shows");
    assert.ok(!(await q.getByRole("button", { name: "Controleer" }).isVisible()));
    const retry = q.getByRole("button", { name: "Opnieuw" });
    assert.ok(await retry.isVisible());
    assert.ok(await retry.evaluate((b) => b === document.activeElement), "focus moves to Opnieuw");
    assert.equal(await q.locator("input[type=radio]:not(:disabled)").count(), 0, "the answer is locked");
    assert.equal(await scoreText(page), `Zelftoets 0 van ${questions} goed 1 van ${questions} beantwoord`);
    await details.locator("summary").click();
    assert.equal(await eventually(() => text(details.locator("summary")), (s) => s.startsWith("Toon")), "Toon het antwoord");
    await ctx.close();
  });

  test("right at the second try is not right at the first; the answer opens on request and ends the question", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.quiz);
    const q = question(page, 0);
    await answer(q, false);
    await feedback(q, /probeer/);
    // A reload after one wrong try: the question is still open, the answer still hidden.
    await page.reload({ waitUntil: "networkidle" });
    assert.equal(await text(q.locator(".quiz-feedback")), "Niet goed, probeer het nog eens.");
    assert.match((await option(q, false).getAttribute("class")) ?? "", /\bis-wrong\b/);
    assert.equal(await q.locator(".quiz-option.is-missed").count(), 0);
    assert.equal(await q.locator("details.quiz-answer").evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.ok(await q.getByRole("button", { name: "Controleer" }).isVisible());
    await answer(q, true);
    assert.match(await feedback(q, /^Goed/), /^Goed!/);
    assert.equal(await scoreText(page), `Zelftoets 0 van ${questions} goed 1 van ${questions} beantwoord`, "only the first try counts");
    const key = `docker-cursus:toets:${pathOf(urls.quiz)}`;
    assert.deepEqual(Object.values(JSON.parse((await storage(page))[key]!).answers).map((a) => (a as { correct: boolean }).correct), [false]);

    // Asking for the answer before checking: the right option is marked, the question ends, not right.
    const q1 = question(page, 1);
    const details = q1.locator("details.quiz-answer");
    assert.ok(!(await q1.locator(".quiz-option.is-missed").count()), "nothing marked before the request");
    await details.locator("summary").click();
    assert.equal(await eventually(() => text(details.locator("summary")), (s) => s.startsWith("Verberg")), "Verberg het antwoord");
    assert.match((await option(q1, true).getAttribute("class")) ?? "", /\bis-missed\b/);
    assert.ok(await q1.getByRole("button", { name: "Opnieuw" }).isVisible());
    assert.equal(await q1.locator("input:not(:disabled)").count(), 0);
    assert.equal(await scoreText(page), `Zelftoets 0 van ${questions} goed 2 van ${questions} beantwoord`);
    await page.reload({ waitUntil: "networkidle" });
    assert.equal(await scoreText(page), `Zelftoets 0 van ${questions} goed 2 van ${questions} beantwoord`, "the same after a reload");
    assert.equal(await question(page, 1).locator("details.quiz-answer").evaluate((d) => (d as HTMLDetailsElement).open), true);
    await ctx.close();
  });

  test("a right answer; answers come back after a reload; Opnieuw starts a question over", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.quiz);
    await answer(question(page, 0), false);
    const q = question(page, 1);
    const right = option(q, true);
    await answer(q, true);
    assert.match((await right.getAttribute("class")) ?? "", /\bis-chosen\b.*\bis-right\b/);
    assert.equal(await text(right.locator(".quiz-verdict")), "Goed");
    assert.match(await feedback(q, /^Goed/), /^Goed! De uitleg staat hieronder\.$/);
    assert.equal(await q.locator(".quiz-verdict:not([hidden])").count(), 1, "no other option gets a verdict");
    assert.equal(await scoreText(page), `Zelftoets 1 van ${questions} goed 2 van ${questions} beantwoord`);

    const key = `docker-cursus:toets:${pathOf(urls.quiz)}`;
    const stored = JSON.parse((await storage(page))[key] ?? "{}");
    assert.equal(Object.keys(stored.answers).length, 2);
    assert.deepEqual(Object.values(stored.answers).map((a) => (a as { correct: boolean }).correct).sort(), [false, true]);

    await page.reload({ waitUntil: "networkidle" });
    const [q0, q1] = [question(page, 0), question(page, 1)];
    assert.match((await option(q0, false).getAttribute("class")) ?? "", /\bis-wrong\b/);
    assert.ok(await option(q0, false).getByRole("radio").isChecked());
    assert.match((await option(q1, true).getAttribute("class")) ?? "", /\bis-right\b/);
    assert.equal(await text(q1.locator(".quiz-feedback")), "Goed! De uitleg staat hieronder.");
    // q0 had one wrong try: still open, its answer hidden; q1 has ended, its explanation open.
    assert.equal(await q0.locator("details.quiz-answer").evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.equal(await q1.locator("details.quiz-answer").evaluate((d) => (d as HTMLDetailsElement).open), true);
    assert.ok(!(await question(page, 2).evaluate((e) => e.classList.contains("is-answered"))), "unanswered questions stay open");
    assert.equal(await question(page, 2).locator(".is-chosen, input:disabled").count(), 0);
    assert.equal(await scoreText(page), `Zelftoets 1 van ${questions} goed 2 van ${questions} beantwoord`);

    await q1.getByRole("button", { name: "Opnieuw" }).click();
    assert.ok(!(await q1.evaluate((e) => e.classList.contains("is-answered"))));
    assert.equal(await q1.locator("input:checked, input:disabled, .quiz-verdict:not([hidden])").count(), 0);
    assert.equal(await q1.locator("details.quiz-answer").evaluate((d) => (d as HTMLDetailsElement).open), false, "the answer folds again");
    assert.ok(await q1.getByRole("button", { name: "Controleer" }).isVisible());
    assert.ok(await q1.locator("input").first().evaluate((i) => i === document.activeElement), "focus goes to the first option");
    assert.equal(await scoreText(page), `Zelftoets 0 van ${questions} goed 1 van ${questions} beantwoord`);
    assert.equal(Object.keys(JSON.parse((await storage(page))[key]!).answers).length, 1);
    await ctx.close();
  });

  test("a question with more right answers: checkboxes, a hint, Controleer, partly and fully right", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.quiz);
    const q = question(page, multipleIndex);
    const group = q.locator("ul.quiz-options[role=group]");
    assert.equal(await group.locator("input[type=checkbox]").count(), await q.locator(".quiz-option").count());
    assert.equal(await q.locator("input[type=radio]").count(), 0);
    const hint = page.locator(`#${await group.getAttribute("aria-describedby")}`);
    assert.match(await hint.innerText(), /meer juiste antwoorden/);

    await q.getByRole("button", { name: "Controleer" }).click();
    assert.equal(await feedback(q, /Kies/), "Kies eerst een antwoord.");
    assert.ok(!(await q.evaluate((e) => e.classList.contains("is-answered"))), "nothing chosen: nothing graded");

    const rights = q.locator(".quiz-option[data-correct]");
    await rights.nth(0).locator("label").click();
    await q.getByRole("button", { name: "Controleer" }).click();
    assert.equal(await feedback(q, /^Bijna/), `Bijna: je koos 1 van de ${await rights.count()} juiste antwoorden. Probeer het nog eens.`);
    assert.match((await rights.nth(0).getAttribute("class")) ?? "", /\bis-right\b/);
    assert.doesNotMatch((await rights.nth(1).getAttribute("class")) ?? "", /\bis-missed\b/, "the other right options are not given away");

    // The second try adds the others.
    for (let i = 1; i < (await rights.count()); i++) await rights.nth(i).locator("label").click();
    await q.getByRole("button", { name: "Controleer" }).click();
    assert.match(await feedback(q, /^Goed/), /^Goed!/);
    assert.equal(await q.locator(".is-right").count(), await rights.count());
    assert.equal(await q.locator(".is-wrong, .is-missed").count(), 0);
    await ctx.close();
  });

  test("keyboard only: arrows choose without grading, Enter and Space check, focus follows", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.quiz);
    const q = question(page, 0);
    const radios = q.getByRole("radio");
    // Start from the score line right before the first question, then Tab into it.
    await page.locator(".quiz-score").evaluate((e) => {
      e.tabIndex = -1;
      e.focus();
    });
    await page.keyboard.press("Tab");
    assert.ok(await radios.first().evaluate((r) => r === document.activeElement), "Tab reaches the first option");
    await page.keyboard.press("Space");
    assert.ok(await radios.first().isChecked());
    await page.keyboard.press("ArrowDown");
    assert.ok(await radios.nth(1).isChecked(), "an arrow key moves the choice");
    assert.ok(!(await q.evaluate((e) => e.classList.contains("is-answered"))), "choosing is not answering");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Controleer", "the radio group is one tab stop");
    await page.keyboard.press("Space");
    // A wrong first try leaves focus on Controleer: a second Space ends the question.
    if (!(await q.evaluate((e) => e.classList.contains("is-answered")))) {
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Controleer");
      await page.keyboard.press("Space");
    }
    assert.ok(await q.evaluate((e) => e.classList.contains("is-answered")));
    assert.ok(await q.getByRole("button", { name: "Opnieuw" }).evaluate((b) => b === document.activeElement));
    await page.keyboard.press("Enter");
    assert.ok(!(await q.evaluate((e) => e.classList.contains("is-answered"))));
    assert.ok(await radios.first().evaluate((r) => r === document.activeElement), "after Opnieuw, focus is back on the options");
    // Enter in an option checks the answer, like in a form.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    if (!(await q.evaluate((e) => e.classList.contains("is-answered")))) await page.keyboard.press("Enter");
    assert.ok(await q.evaluate((e) => e.classList.contains("is-answered")));
    // The folded answer is a native <details>: Enter on its summary still works.
    const summary = question(page, 2).locator("details.quiz-answer > summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    assert.equal(await question(page, 2).locator("details.quiz-answer").evaluate((d) => (d as HTMLDetailsElement).open), true);
    assert.equal(await eventually(() => text(summary), (s) => s.startsWith("Verberg")), "Verberg het antwoord");
    await ctx.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe: an answered quiz page and a filled-in home page have no WCAG 2.2 AA violations (${scheme} theme)`, async () => {
      const ctx = await context({ scheme });
      const page = await open(ctx, urls.quiz);
      await answer(question(page, 0), false);
      await answer(question(page, 1), true);
      const multi = question(page, multipleIndex);
      await multi.locator(".quiz-option[data-correct] label").first().click();
      await multi.getByRole("button", { name: "Controleer" }).click();
      await question(page, 2).locator(".quiz-option label").first().click();
      await page.locator("[data-lesson-done]").click();
      await feedback(question(page, 1), /Goed/);
      const problems: string[] = [];
      const check = async (p: Page, url: string) => {
        await p.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const result = await new AxeBuilder({ page: p }).withTags(WCAG_TAGS).analyze();
        for (const v of result.violations) problems.push(`${url} ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
      };
      await check(page, urls.quiz);
      const home = await open(ctx, "/");
      await home.locator("[data-progress-clear]").click();
      await check(home, "/");
      await ctx.close();
      assert.deepEqual(problems, []);
    });
  }

  test("Markeer als gedaan: a toggle, a check in the sidebar and in the learning path, the home summary", async () => {
    const ctx = await context();
    const [first, second] = order as [string, string];
    const page = await open(ctx, first);
    const button = page.locator("[data-lesson-done]");
    assert.ok(await button.isVisible());
    assert.equal(await button.getAttribute("aria-pressed"), "false");
    assert.equal(await text(button), "Markeer als gedaan");
    assert.ok(await page.locator(".lesson-footer .lesson-done + .pager").count(), "the toggle sits right before the previous/next links");
    const sidebarLink = page.locator(`#lessen a.nav-link[href="${first}"]`);
    assert.equal(await sidebarLink.locator(".done-mark").count(), 0);

    await button.click();
    assert.equal(await button.getAttribute("aria-pressed"), "true");
    assert.equal(await text(button), "Gedaan");
    assert.equal(await sidebarLink.locator(".done-mark .visually-hidden").textContent(), " gedaan");
    assert.ok(await page.locator("#lessen").getByRole("link", { name: /gedaan$/ }).first().isVisible(), "the check is part of the link's name");
    assert.equal(await page.locator("#lessen .done-mark").count(), 1);

    await page.reload({ waitUntil: "networkidle" });
    assert.equal(await page.locator("[data-lesson-done]").getAttribute("aria-pressed"), "true", "remembered after a reload");
    assert.equal(await page.locator(`#lessen a.nav-link[href="${first}"] .done-mark`).count(), 1);

    // A quiz answer counts in the summary too.
    const quiz = await open(ctx, urls.quiz);
    await answer(question(quiz, 1), true);

    const home = await open(ctx, "/");
    const summary = home.locator("#voortgang");
    assert.equal(await summary.getByRole("heading", { level: 2 }).innerText(), "Je voortgang");
    assert.match(await text(summary), new RegExp(`Je hebt 1 van ${order.length} lessen gedaan`));
    const bar = summary.locator("progress");
    assert.equal(await bar.getAttribute("aria-label"), "Lessen gedaan");
    assert.deepEqual(await bar.evaluate((b) => [(b as HTMLProgressElement).value, (b as HTMLProgressElement).max]), [1, order.length]);
    assert.match(await text(summary), /Zelftoetsen: 1 van 1 beantwoorde vraag goed/);
    const next = summary.getByRole("link", { name: /Verder waar je was/ });
    assert.equal(await next.getAttribute("href"), second, "continue with the first lesson not done");
    assert.equal(await home.locator(`.home-path a.lesson-row[href="${first}"] .done-mark`).count(), 1);
    assert.equal(await home.locator(".home-path .done-mark").count(), 1);

    // Marking the second lesson moves "Verder waar je was" on; unmarking the first brings it back.
    const two = await open(ctx, second);
    await two.locator("[data-lesson-done]").click();
    await home.reload({ waitUntil: "networkidle" });
    assert.equal(await home.locator("#voortgang").getByRole("link", { name: /Verder waar je was/ }).getAttribute("href"), order[2]);
    // Unmarking the first leaves the second as the last one done: still the third, not back to the first.
    await page.reload({ waitUntil: "networkidle" });
    await page.locator("[data-lesson-done]").click();
    assert.equal(await page.locator("[data-lesson-done]").getAttribute("aria-pressed"), "false");
    assert.equal(await page.locator(`#lessen a.nav-link[href="${first}"] .done-mark`).count(), 0);
    await home.reload({ waitUntil: "networkidle" });
    assert.equal(await home.locator("#voortgang [data-progress-continue]").getAttribute("href"), order[2]);
    // Unmarking the second too: nothing done, back to the first. The home page in another tab follows along (storage event).
    await two.reload({ waitUntil: "networkidle" });
    await two.locator("[data-lesson-done]").click();
    assert.equal(await eventually(() => home.locator("#voortgang [data-progress-continue]").getAttribute("href"), (h) => h === first), first);
    await ctx.close();
  });

  test("Verder waar je was: only the fourth lesson done leads to the fifth, not back to the first", async () => {
    const ctx = await context();
    const fourth = await open(ctx, order[3]!);
    await fourth.locator("[data-lesson-done]").click();
    const home = await open(ctx, "/");
    const summary = home.locator("#voortgang");
    assert.match(await text(summary), new RegExp(`Je hebt 1 van ${order.length} lessen gedaan`));
    const next = summary.getByRole("link", { name: /Verder waar je was/ });
    assert.equal(await next.getAttribute("href"), order[4]);
    await ctx.close();
  });

  test("the numbers agree: the home page's lesson count is the progress total, and a reference page has no Markeer als gedaan", async () => {
    const ctx = await context();
    const home = await open(ctx, "/");
    // As written: the eyebrow is upper case on screen only.
    const eyebrow = await home.locator(".hero .eyebrow").evaluate((e) => e.textContent!.replace(/\s+/g, " ").trim());
    assert.ok(eyebrow.includes(`${order.length} lessen`), `${eyebrow} counts ${order.length} lessen`);
    const cards = await home.locator(".kind-card-count").allInnerTexts();
    assert.equal(cards.reduce((s, c) => s + Number.parseInt(c, 10), 0), order.length, "the kind cards add up to the lessons");
    assert.ok(reference.length > 0, "the course has reference pages");
    for (const url of reference) {
      const page = await open(ctx, url);
      assert.equal(await page.locator("[data-lesson-done]").count(), 0, url);
    }
    // Marking every lesson done finishes the course, whatever the reference pages.
    await home.evaluate((paths) => paths.forEach((p) => localStorage.setItem(`docker-cursus:gedaan:${p}`, "1")), order);
    await home.reload({ waitUntil: "networkidle" });
    assert.equal(await home.locator("#voortgang").getAttribute("data-state"), "complete");
    await ctx.close();
  });

  test("when every lesson is done the summary says so and offers no lesson to continue with", async () => {
    const ctx = await context();
    const home = await open(ctx, "/");
    await home.evaluate((paths) => paths.forEach((p) => localStorage.setItem(`docker-cursus:gedaan:${p}`, "1")), order);
    await home.reload({ waitUntil: "networkidle" });
    const summary = home.locator("#voortgang");
    assert.match(await text(summary), new RegExp(`Je hebt ${order.length} van ${order.length} lessen gedaan`));
    assert.equal(await summary.getAttribute("data-state"), "complete");
    assert.ok(await summary.getByText("Alle lessen zijn gedaan. Goed bezig!").isVisible());
    assert.ok(!(await summary.locator("[data-progress-continue]").isVisible()));
    assert.equal(await home.locator(".home-path .done-mark").count(), order.length);
    await ctx.close();
  });

  test("Voortgang wissen asks first, then clears lessons, answers and tasks, not the theme", async () => {
    const ctx = await context();
    const lesson = await open(ctx, order[0]!);
    await lesson.locator("[data-lesson-done]").click();
    await lesson.locator("[data-theme-toggle]").click();
    const quiz = await open(ctx, urls.quiz);
    await answer(question(quiz, 0), true);
    const tasks = await open(ctx, urls.tasks);
    await tasks.locator(".task-list-item-checkbox").first().check();

    const home = await open(ctx, "/");
    const clear = home.getByRole("button", { name: "Voortgang wissen" });
    const confirm = home.locator("[data-progress-confirm]");
    assert.ok(await clear.isVisible());
    assert.equal(await clear.getAttribute("aria-expanded"), "false");
    assert.ok(!(await confirm.isVisible()));

    await clear.click();
    assert.equal(await clear.getAttribute("aria-expanded"), "true");
    assert.ok(await confirm.isVisible());
    assert.match(await confirm.innerText(), /worden gewist/);
    const cancel = home.getByRole("button", { name: "Annuleren" });
    assert.ok(await cancel.evaluate((b) => b === document.activeElement), "focus goes to the safe choice");
    await cancel.click();
    assert.ok(!(await confirm.isVisible()));
    assert.ok(await clear.evaluate((b) => b === document.activeElement), "focus returns to the button");
    assert.equal(Object.keys(await storage(home)).filter((k) => /^docker-cursus:(gedaan|toets|taken):/.test(k)).length, 3, "cancel keeps everything");

    await clear.click();
    await home.keyboard.press("Escape");
    assert.ok(!(await confirm.isVisible()), "Escape closes the confirm step");
    await clear.click();
    await home.getByRole("button", { name: "Ja, wis alles" }).click();
    const left = await storage(home);
    assert.deepEqual(Object.keys(left), ["docker-cursus:thema"], "only the theme choice is left");
    assert.match(await text(home.locator("#voortgang")), /Markeer onderaan een les/);
    assert.ok(!(await clear.isVisible()), "nothing left to clear");
    assert.ok(!(await home.locator("[data-progress-continue]").isVisible()));
    assert.equal(await home.locator(".done-mark").count(), 0);
    const spoken = await eventually(() => home.evaluate(() => [...document.querySelectorAll("[aria-live]")].map((e) => e.textContent).join("|")), (s) => s.includes("gewist"));
    assert.match(spoken, /Je voortgang is gewist\./);
    await ctx.close();
  });

  test("task-list checkboxes of a lesson are remembered for that page", async () => {
    const ctx = await context();
    const page = await open(ctx, urls.tasks);
    const boxes = page.locator(".prose .task-list-item-checkbox");
    const count = await boxes.count();
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await page.reload({ waitUntil: "networkidle" });
    const checked = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked));
    assert.deepEqual(checked, Array.from({ length: count }, (_, i) => i === 0 || i === 2));
    await boxes.nth(0).uncheck();
    await page.reload({ waitUntil: "networkidle" });
    assert.equal(await boxes.nth(0).isChecked(), false);
    assert.equal(await boxes.nth(2).isChecked(), true);
    // Another page has its own list.
    const other = await open(ctx, order[0]!);
    assert.equal(await other.locator(".prose .task-list-item-checkbox:checked").count(), 0);
    await ctx.close();
  });

  test("without JavaScript the answer stays folded and no progress controls show", async () => {
    const ctx = await context({ js: false });
    const page = await open(ctx, urls.quiz);
    const q = question(page, 0);
    assert.equal(await page.locator(".quiz-input, .quiz-score, .quiz-actions").count(), 0);
    assert.ok(!(await page.locator(".lesson-done").isVisible()));
    const details = q.locator("details.quiz-answer");
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), false);
    await details.locator("summary").click();
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), true);
    assert.ok(await q.locator(".quiz-correct").isVisible());
    const home = await open(ctx, "/");
    assert.equal(await home.locator("#voortgang").evaluate((s) => s.childElementCount + s.getBoundingClientRect().height), 0);
    await ctx.close();
  });

  test("under PATH_PREFIX=/cursus/ progress is kept under the prefixed path", async () => {
    const prefixed = buildSite("", { PATH_PREFIX: "/cursus/" });
    assert.equal(prefixed.status, 0, prefixed.stderr);
    const sub = await serveStatic(prefixed.output, "/cursus/");
    try {
      const ctx = await context();
      const lesson = await open(ctx, order[0]!, sub.url);
      await lesson.locator("[data-lesson-done]").click();
      assert.deepEqual(Object.keys(await storage(lesson)), [`docker-cursus:gedaan:/cursus${order[0]}`]);
      assert.equal(await lesson.locator(`#lessen a.nav-link[href="/cursus${order[0]}"] .done-mark`).count(), 1);
      const quiz = await open(ctx, urls.quiz, sub.url);
      await answer(question(quiz, 0), true);
      assert.ok(`docker-cursus:toets:/cursus${urls.quiz}` in (await storage(quiz)));
      const home = await open(ctx, "/", sub.url);
      assert.match(await text(home.locator("#voortgang")), new RegExp(`Je hebt 1 van ${order.length} lessen gedaan.*Zelftoetsen: 1 van 1 beantwoorde vraag goed`));
      assert.equal(await home.locator("[data-progress-continue]").getAttribute("href"), `/cursus${order[1]}`);
      await ctx.close();
    } finally {
      await sub.close();
      rmSync(prefixed.output, { recursive: true, force: true });
    }
  });

  test("screenshots of a quiz page and the home summary at 375 px and 1280 px", async () => {
    for (const width of [375, 1280]) {
      for (const scheme of ["light", "dark"] as const) {
        const ctx = await context({ width, scheme });
        const page = await open(ctx, urls.quiz);
        await page.locator(".quiz-score").evaluate((e) => e.scrollIntoView({ block: "start" }));
        await page.screenshot({ path: path.join(results, `toets-open-${width}-${scheme}.png`) });
        await answer(question(page, 0), false);
        await answer(question(page, 1), true);
        await question(page, 0).evaluate((e) => e.scrollIntoView({ block: "start" }));
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(results, `toets-beantwoord-${width}-${scheme}.png`) });
        await page.locator("[data-lesson-done]").click();
        const home = await open(ctx, "/");
        await home.locator("#voortgang").screenshot({ path: path.join(results, `voortgang-${width}-${scheme}.png`) });
        await ctx.close();
      }
    }
  });

  test("no request leaves 127.0.0.1", () => {
    assert.ok(requests.length > 20, "requests were recorded");
    const outside = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== "127.0.0.1");
    assert.deepEqual(outside, []);
  });
});
