/**
 * Study progress, kept in this browser only (`_store.ts`):
 *
 * - on a lesson, the "Markeer als gedaan" toggle (`[data-lesson-done]`, aria-pressed);
 * - in the sidebar and in lesson lists, a check mark with the hidden word "gedaan" after
 *   every lesson that is done;
 * - task-list checkboxes (the acceptance criteria of a Leertaak) are remembered per page;
 * - on the home page, `[data-progress-summary]`: lessons done with a progress bar, the score
 *   of all self-tests, "Verder waar je was" (the lesson after the last one done in course
 *   order, see `nextLesson`), and "Voortgang wissen" with a confirm step.
 *
 * The course order comes from the page itself: the learning path on the home page, the
 * sidebar on a lesson. Another tab changing the progress updates this one (storage event).
 */
import { t } from "../site/strings.ts";
import { basePath } from "./_base.ts";
import { clearProgress, currentPath, hasProgress, isDone, readQuiz, readTasks, setDone, storageWorks, writeTasks } from "./_store.ts";
import { countDone, nextLesson, pagePath, totalScore, uniqueOrder } from "./_study.ts";
import { announce } from "./_announce.ts";

/** Lesson links in course order: the home page's learning path, else the sidebar. */
const LESSON_LINKS = "a.lesson-row, a.nav-link:not(.nav-link-module)";

function lessonLinks(scope: ParentNode = document): HTMLAnchorElement[] {
  return [...scope.querySelectorAll<HTMLAnchorElement>(LESSON_LINKS)].filter((a) => a.origin === location.origin);
}

/**
 * The lessons that count, in course order: reference pages (`data-naslag`: Commando's, Docker
 * Ecosysteem) are no lessons and cannot be marked done. Pages for teachers are not in the path.
 */
function courseOrder(): string[] {
  const path = document.querySelector(".home-path") ?? document.getElementById("lessen");
  return uniqueOrder(path ? lessonLinks(path).filter((a) => !a.hasAttribute("data-naslag")).map((a) => a.pathname) : []);
}


/** A check mark after each lesson link that is done; its text "gedaan" is for screen readers. */
function markLinks(): void {
  for (const a of lessonLinks()) {
    const done = isDone(pagePath(a.pathname));
    let mark = a.querySelector<HTMLElement>(":scope > .done-mark");
    if (done && !mark) {
      mark = document.createElement("span");
      mark.className = "done-mark";
      const text = document.createElement("span");
      text.className = "visually-hidden";
      text.textContent = ` ${t.progress.doneLabel}`;
      mark.append(text);
      const kind = a.querySelector(":scope > .kind");
      if (kind) kind.before(mark);
      else a.append(mark);
    } else if (!done && mark) mark.remove();
    a.classList.toggle("is-done", done);
  }
}

function doneToggle(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-lesson-done]");
  if (!button) return;
  const label = button.querySelector<HTMLElement>("[data-lesson-done-label]") ?? button;
  const path = currentPath();
  const sync = () => {
    const done = isDone(path);
    button.setAttribute("aria-pressed", String(done));
    label.textContent = done ? t.progress.done : t.progress.markDone;
  };
  button.addEventListener("click", () => {
    setDone(path, button.getAttribute("aria-pressed") !== "true");
    sync();
    markLinks();
  });
  window.addEventListener("storage", sync);
  sync();
}

function taskLists(): void {
  const boxes = [...document.querySelectorAll<HTMLInputElement>(".prose input.task-list-item-checkbox")];
  if (!boxes.length) return;
  const path = currentPath();
  const restore = () => {
    const stored = readTasks(path);
    if (stored?.length === boxes.length) boxes.forEach((b, i) => (b.checked = stored[i]!));
    for (const b of boxes) b.closest("li")?.classList.toggle("is-checked", b.checked);
  };
  for (const box of boxes) {
    box.addEventListener("change", () => {
      box.closest("li")?.classList.toggle("is-checked", box.checked);
      writeTasks(path, boxes.map((b) => b.checked));
    });
  }
  window.addEventListener("storage", restore);
  restore();
}

/** A small element builder for the summary. */
function h(tag: string, attrs: Record<string, string | boolean> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false) continue;
    e.setAttribute(name, value === true ? "" : value);
  }
  e.append(...children);
  return e;
}

/** The summary's markup, written into the empty `[data-progress-summary]` section of the home page. */
function buildSummary(root: HTMLElement): void {
  const p = t.progress;
  root.classList.add("progress-summary");
  root.setAttribute("aria-labelledby", "voortgang-titel");
  root.replaceChildren(
    h(
      "div",
      { class: "progress-main" },
      h("h2", { id: "voortgang-titel", tabindex: "-1" }, p.title),
      h("p", { class: "progress-lessons", "data-progress-lessons": true }),
      h("progress", { class: "progress-bar", max: "1", value: "0", "aria-label": p.barLabel, "data-progress-bar": true }),
      h("p", { class: "progress-quiz", "data-progress-quiz": true }),
    ),
    h(
      "div",
      { class: "progress-side" },
      h("a", { class: "continue-card", href: basePath(), hidden: true, "data-progress-continue": true }, h("span", { class: "continue-label" }, p.continue), h("span", { class: "continue-title", "data-progress-continue-title": true })),
      h("p", { class: "progress-complete", hidden: true, "data-progress-complete": true }, p.allDone),
      h("p", { class: "progress-note", "data-progress-note": true }, p.note),
      h("button", { type: "button", class: "button-quiet", hidden: true, "data-progress-clear": true }, p.clear),
      h(
        "div",
        { class: "progress-confirm", id: "voortgang-wissen", hidden: true, "data-progress-confirm": true },
        h("p", { id: "voortgang-wissen-tekst" }, p.confirmText),
        h(
          "div",
          { class: "progress-confirm-buttons" },
          h("button", { type: "button", class: "button button-danger", "aria-describedby": "voortgang-wissen-tekst", "data-progress-confirm-yes": true }, p.confirm),
          h("button", { type: "button", class: "button button-secondary", "data-progress-confirm-no": true }, p.cancel),
        ),
      ),
    ),
  );
}

function summary(): void {
  const root = document.querySelector<HTMLElement>("[data-progress-summary]");
  if (!root) return;
  buildSummary(root);
  const q = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-progress-${name}]`);
  const lessons = q("lessons");
  const bar = q<HTMLProgressElement>("bar");
  const quiz = q("quiz");
  const next = q<HTMLAnchorElement>("continue");
  const clear = q<HTMLButtonElement>("clear");
  const confirm = q("confirm");
  const yes = q<HTMLButtonElement>("confirm-yes");
  const no = q<HTMLButtonElement>("confirm-no");
  const note = q("note");
  const complete = q("complete");
  const base = basePath();
  const order = courseOrder();
  const titles = new Map(lessonLinks(document.querySelector(".home-path") ?? document).map((a) => [pagePath(a.pathname), a] as const));

  const render = () => {
    const done = countDone(order, isDone);
    const score = totalScore(order.map(readQuiz));
    const any = hasProgress(base);
    const finished = order.length > 0 && done === order.length;
    root.dataset.state = finished ? "complete" : any ? "started" : "empty";
    if (complete) complete.hidden = !finished;
    if (lessons) lessons.textContent = done || any ? t.progress.lessons(done, order.length) : t.progress.empty;
    if (bar) {
      bar.max = Math.max(order.length, 1);
      bar.value = done;
      bar.setAttribute("aria-valuetext", t.progress.lessons(done, order.length));
    }
    if (quiz) quiz.textContent = score.answered ? t.progress.quiz(score.right, score.answered) : t.progress.quizNone;
    const upcoming = nextLesson(order, isDone);
    if (next) {
      const source = upcoming ? titles.get(upcoming) : undefined;
      next.hidden = !any || !source;
      if (source) {
        next.setAttribute("href", source.getAttribute("href") ?? source.href);
        const title = next.querySelector("[data-progress-continue-title]");
        const parts = [".num:not(.num-empty)", ".lesson-row-title", ".kind"].map((s) => source.querySelector(`:scope > ${s}`)?.cloneNode(true));
        title?.replaceChildren(...parts.filter((n): n is Node => !!n));
      }
    }
    if (clear) clear.hidden = !any;
    if (!any && confirm && !confirm.hidden) closeConfirm(false);
  };

  const closeConfirm = (focus: boolean) => {
    if (!confirm || !clear) return;
    confirm.hidden = true;
    clear.setAttribute("aria-expanded", "false");
    if (focus) clear.focus();
  };

  clear?.setAttribute("aria-expanded", "false");
  if (confirm) clear?.setAttribute("aria-controls", confirm.id);
  clear?.addEventListener("click", () => {
    if (!confirm) return;
    const open = confirm.hidden;
    confirm.hidden = !open;
    clear.setAttribute("aria-expanded", String(open));
    if (open) no?.focus();
  });
  no?.addEventListener("click", () => closeConfirm(true));
  confirm?.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeConfirm(true);
  });
  yes?.addEventListener("click", () => {
    clearProgress(base);
    closeConfirm(false);
    render();
    markLinks();
    announce(t.progress.cleared);
    root.querySelector<HTMLElement>("h2")?.focus();
  });
  if (note && !storageWorks()) note.textContent = t.progress.unavailable;
  announce("");
  window.addEventListener("storage", render);
  render();
}

doneToggle();
taskLists();
summary();
markLinks();
window.addEventListener("storage", markLinks);
// The sidebar's other modules arrive after the page (see _nav.ts).
document.addEventListener("nav:filled", markLinks);
