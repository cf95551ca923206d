/**
 * The questions of a self-test page in the right column, where other lessons have their table
 * of contents: an exercise page (Oefeningen) has too few headings for one, and its right
 * column stood empty on a wide screen. The list links to the page's h2 sections and, under
 * them, to each question with what became of it (goed, niet goed, nog open), below the score.
 * The stylesheet shows it only where there is room for the column; on a narrower screen the
 * score line above the first question says the same.
 */
import { t } from "../site/strings.ts";

export type QuestionState = "right" | "wrong" | "open";

export interface QuizNav {
  /** Shows each question's state (in page order) and the score text. */
  update(states: QuestionState[], score: string): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Puts the list in `lesson` (the `<article class="lesson">`) when it has no table of contents
 * and at least two questions; `questions` are the questions' roots, in page order.
 */
export function quizNav(lesson: HTMLElement | null, questions: HTMLElement[]): QuizNav | undefined {
  if (!lesson || lesson.classList.contains("has-toc") || lesson.querySelector(".toc") || questions.length < 2) return undefined;
  const nav = el("nav", "quiz-nav");
  nav.setAttribute("aria-label", t.quiz.navLabel);
  const title = el("p", "quiz-nav-title", t.quiz.navLabel);
  title.setAttribute("aria-hidden", "true");
  const score = el("p", "quiz-nav-score");
  const list = el("ol", "quiz-nav-list");
  list.setAttribute("role", "list");
  const links: HTMLAnchorElement[] = [];
  // The sections (h2) and the questions, in the order of the page.
  const headings = [...lesson.querySelectorAll<HTMLElement>(".prose h2[id]")].filter((h) => !h.closest(".callout"));
  const items = [...headings, ...questions].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  let n = 0;
  for (const item of items) {
    const li = el("li", "quiz-nav-item");
    const a = el("a", "quiz-nav-link");
    if (item.tagName === "H2") {
      li.classList.add("quiz-nav-section");
      a.href = `#${item.id}`;
      a.textContent = item.textContent;
    } else {
      n++;
      item.id ||= `toets-${n}`;
      a.href = `#${item.id}`;
      a.append(el("span", "quiz-nav-mark"), t.quiz.navQuestion(n));
      links.push(a);
    }
    li.append(a);
    list.append(li);
  }
  nav.append(title, score, list);
  lesson.classList.add("has-quiz-nav");
  lesson.querySelector(":scope > .lesson-header")?.after(nav);
  return {
    update(values, text) {
      score.textContent = text;
      values.forEach((value, i) => {
        const link = links[i];
        if (!link) return;
        link.dataset.state = value;
        // The mark is a colour and a shape; the name says it in words.
        link.setAttribute("aria-label", `${t.quiz.navQuestion(i + 1)}: ${t.quiz.navState[value]}`);
      });
    },
  };
}
