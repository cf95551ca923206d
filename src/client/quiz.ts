/**
 * Self-test questions (`.callout-quiz`, see src/markdown/quiz.ts) become answerable:
 *
 * - the options get real inputs inside their labels: radio buttons in a radiogroup for a
 *   question with one right answer, checkboxes in a group when more are right;
 * - "Controleer" grades the choice. (It is a button for both kinds: arrow keys move through a
 *   radio group by selecting, so grading on selection would grade a keyboard user's first
 *   arrow press.) A wrong first try says "Niet goed, probeer het nog eens" with a hint from
 *   the explanation (`hintRange`: copied from the rendered explanation, so `code` stays code),
 *   marks the wrong choice and keeps the answer hidden. A right
 *   answer, or a second wrong one, ends the question: the chosen options say "Goed" or "Niet
 *   goed", a missed right option says "Juist antwoord", the folded answer with the explanation
 *   opens, and "Opnieuw" starts the question over. The question's own live region says each
 *   result;
 * - the folded answer opens only on request ("Toon het antwoord", then "Verberg het
 *   antwoord"); opened before the question is answered, it ends the question as not right;
 * - scoring: right only at the first try (see _study.ts);
 * - a score line before the first question ("3 van 7 goed");
 * - answers are stored per page (`_store.ts`) and shown again after a reload.
 *
 * Without JavaScript none of this happens and the folded answer works as before.
 */
import { t } from "../site/strings.ts";
import { currentPath, readQuiz, writeQuiz } from "./_store.ts";
import { quizNav, type QuizNav } from "./_quiz-nav.ts";
import { afterCheck, firstTry, hintRange, isRight, judge, pageScore, questionId, type QuizRecord } from "./_study.ts";

interface Question {
  id: string;
  root: HTMLElement;
  options: HTMLLIElement[];
  inputs: HTMLInputElement[];
  verdicts: HTMLElement[];
  correct: number[];
  answer: HTMLDetailsElement | null;
  summary: HTMLElement | null;
  /** The hint shown after a wrong first try: a piece of the rendered explanation, code and emphasis kept. */
  hint: DocumentFragment | undefined;
  tip: HTMLElement;
  /** Checks since the question was last started. */
  tries: number;
  check: HTMLButtonElement;
  retry: HTMLButtonElement;
  feedback: HTMLElement;
}

const path = currentPath();
let record: QuizRecord = readQuiz(path);
const questions: Question[] = [];
let scoreLine: HTMLElement | undefined;
let nav: QuizNav | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The hint of `hintRange` as nodes copied from the rendered explanation (`blocks`, the folded
 * answer's paragraphs): inline code, emphasis and links stay what they are. Nothing is parsed
 * from text: the nodes are the page's own. Line breaks become spaces, ids are dropped (the
 * copy must not take an id from the explanation), and a first sentence starts with a capital
 * unless it starts with code.
 */
function hintNodes(blocks: HTMLElement[]): DocumentFragment | undefined {
  const texts: Array<{ node: Text; start: number }> = [];
  let text = "";
  blocks.forEach((block, i) => {
    if (i) text += "\n";
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      texts.push({ node, start: text.length });
      text += node.data;
    }
  });
  const hint = hintRange(text);
  if (!hint) return undefined;
  const range = document.createRange();
  const start = texts.find((t) => hint.start < t.start + t.node.length)!;
  const end = texts.filter((t) => hint.end > t.start).at(-1)!;
  range.setStart(start.node, hint.start - start.start);
  range.setEnd(end.node, hint.end - end.start);
  const fragment = range.cloneContents();
  for (const br of fragment.querySelectorAll("br")) br.replaceWith(" ");
  for (const e of fragment.querySelectorAll("[id]")) e.removeAttribute("id");
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) nodes.push(node);
  for (const node of nodes) node.data = node.data.replace(/\s+/g, " ");
  if (nodes.length) {
    nodes[0]!.data = nodes[0]!.data.trimStart();
    nodes.at(-1)!.data = nodes.at(-1)!.data.trimEnd();
  }
  const first = nodes.find((node) => node.data);
  if (hint.capitalise && first && !first.parentElement?.closest("code")) first.data = first.data.charAt(0).toUpperCase() + first.data.slice(1);
  return fragment;
}

function setup(root: HTMLElement, n: number, seen: Set<string>): Question | undefined {
  const title = root.querySelector<HTMLElement>(":scope > .callout-title");
  const list = root.querySelector<HTMLUListElement>(":scope > .callout-content > .quiz-options");
  const options = [...(list?.querySelectorAll<HTMLLIElement>(":scope > li.quiz-option") ?? [])];
  if (!title || !list || !options.length) return undefined;
  const correct = options.flatMap((li, i) => (li.dataset.correct === "true" ? [i] : []));
  // `data-quiz` says single or multiple; when the markup lacks it, the number of right options does.
  const multiple = (root.dataset.quiz ?? (correct.length > 1 ? "multiple" : "single")) === "multiple";
  root.dataset.quiz = multiple ? "multiple" : "single";

  let id = questionId([title.textContent, ...options.map((li) => li.textContent)].join("\n"));
  while (seen.has(id)) id += "~";
  seen.add(id);

  const prefix = `toets-${n}`;
  title.id ||= `${prefix}-vraag`;
  list.setAttribute("role", multiple ? "group" : "radiogroup");
  list.setAttribute("aria-labelledby", title.id);
  if (multiple) {
    const hint = el("p", "quiz-hint", t.quiz.multipleHint);
    hint.id = `${prefix}-hint`;
    list.before(hint);
    list.setAttribute("aria-describedby", hint.id);
  }

  const inputs: HTMLInputElement[] = [];
  const verdicts: HTMLElement[] = [];
  options.forEach((li, i) => {
    li.setAttribute("role", "none");
    const label = el("label", "quiz-choice");
    const input = el("input", "quiz-input");
    input.type = multiple ? "checkbox" : "radio";
    input.name = prefix;
    input.value = String(i);
    const text = el("span", "quiz-option-text");
    text.append(...li.childNodes);
    const verdict = el("span", "quiz-verdict");
    verdict.hidden = true;
    label.append(input, text, verdict);
    li.append(label);
    inputs.push(input);
    verdicts.push(verdict);
  });

  const actions = el("div", "quiz-actions");
  const check = el("button", "button quiz-check", t.quiz.check);
  const retry = el("button", "button button-secondary quiz-retry", t.quiz.retry);
  check.type = retry.type = "button";
  check.setAttribute("aria-describedby", title.id);
  retry.setAttribute("aria-describedby", title.id);
  retry.hidden = true;
  const feedback = el("p", "quiz-feedback");
  feedback.setAttribute("aria-live", "polite");
  feedback.setAttribute("aria-atomic", "true");
  const tip = el("p", "quiz-tip");
  tip.hidden = true;
  tip.setAttribute("aria-live", "polite");
  actions.append(check, retry, feedback);
  list.after(actions);
  actions.after(tip);

  root.classList.add("quiz-ready");
  const answer = root.querySelector<HTMLDetailsElement>(":scope > .callout-content > details.quiz-answer");
  const summary = answer?.querySelector<HTMLElement>(":scope > summary") ?? null;
  const hint = answer ? hintNodes([...answer.querySelectorAll<HTMLElement>(":scope > :not(summary)")]) : undefined;
  const q: Question = { id, root, options, inputs, verdicts, correct, answer, summary, hint, tip, tries: 0, check, retry, feedback };
  check.addEventListener("click", () => grade(q));
  retry.addEventListener("click", () => reset(q));
  answer?.addEventListener("toggle", () => {
    syncSummary(q);
    // Opened on request before the question was answered: the question ends here.
    if (answer.open && !root.classList.contains("is-answered")) reveal(q, true);
  });
  syncSummary(q);
  // Enter in an option checks the answer, as in a form.
  for (const input of inputs) {
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        grade(q);
      }
    });
    input.addEventListener("change", () => {
      if (q.feedback.dataset.result === "empty") say(q, "", undefined);
      // A new choice after a wrong try: the old marks go.
      if (q.tries > 0 && !q.root.classList.contains("is-answered")) clearMarks(q);
    });
  }
  return q;
}

/** Sets the question's feedback; `announce` lets the live region speak it (not on restore). */
function say(q: Question, text: string, result: "right" | "wrong" | "empty" | undefined, announce = true): void {
  if (result) q.feedback.dataset.result = result;
  else delete q.feedback.dataset.result;
  if (!announce) {
    q.feedback.textContent = text;
    return;
  }
  // Empty first, so the same text twice in a row is spoken twice.
  q.feedback.textContent = "";
  window.setTimeout(() => (q.feedback.textContent = text), 60);
}

function chosenOf(q: Question): number[] {
  return q.inputs.flatMap((input, i) => (input.checked ? [i] : []));
}

function grade(q: Question): void {
  if (q.root.classList.contains("is-answered")) return;
  const chosen = chosenOf(q);
  if (!chosen.length) {
    say(q, t.quiz.chooseFirst, "empty");
    q.inputs[0]?.focus();
    return;
  }
  const right = isRight(chosen, q.correct);
  q.tries++;
  const stored = firstTry(record.answers[q.id], chosen, right);
  const again = afterCheck(right, q.tries) === "try-again";
  record.answers[q.id] = again ? { ...stored, tries: q.tries } : stored;
  writeQuiz(path, record);
  updateScore();
  if (again) {
    tryAgain(q, chosen, true);
    return;
  }
  show(q, chosen, right, true);
  q.retry.focus();
}

/** A wrong try with tries left: mark the choice, say so, give the hint; the answer stays hidden. */
function tryAgain(q: Question, chosen: number[], announce: boolean): void {
  q.options.forEach((li, i) => mark(q, i, chosen.includes(i) ? (q.correct.includes(i) ? "right" : "wrong") : ""));
  const r = judge(chosen, q.correct);
  const text = r.verdict === "partial" ? t.quiz.tryAgainPartial(r.found, q.correct.length) : t.quiz.tryAgain;
  say(q, text, "wrong", announce);
  // The hint has its own live region, filled after the verdict so it is spoken after it.
  q.tip.hidden = !q.hint;
  q.tip.replaceChildren();
  const hint = q.hint;
  if (hint) window.setTimeout(() => q.tip.append(el("strong", "quiz-tip-label", t.quiz.hint), " ", hint.cloneNode(true)), 120);
}

function mark(q: Question, i: number, state: "right" | "wrong" | "missed" | ""): void {
  const li = q.options[i]!;
  li.classList.toggle("is-chosen", state === "right" || state === "wrong");
  li.classList.toggle("is-right", state === "right");
  li.classList.toggle("is-wrong", state === "wrong");
  li.classList.toggle("is-missed", state === "missed");
  const verdict = q.verdicts[i]!;
  verdict.hidden = !state;
  verdict.dataset.verdict = state;
  verdict.textContent = state === "right" ? t.quiz.right : state === "wrong" ? t.quiz.wrong : state === "missed" ? t.quiz.missed : "";
}

function clearMarks(q: Question): void {
  q.options.forEach((_, i) => mark(q, i, ""));
}

function syncSummary(q: Question): void {
  if (q.summary) q.summary.textContent = q.answer?.open ? t.quiz.hideAnswer : t.quiz.showAnswer;
}

/** The answer opened on request: the right options are marked, the question ends as not right. */
function reveal(q: Question, store: boolean): void {
  const chosen = chosenOf(q);
  q.root.classList.add("is-answered");
  q.root.dataset.result = "wrong";
  q.options.forEach((_, i) => {
    const good = q.correct.includes(i);
    mark(q, i, chosen.includes(i) ? (good ? "right" : "wrong") : good ? "missed" : "");
    q.inputs[i]!.disabled = true;
  });
  q.tip.hidden = true;
  q.check.hidden = true;
  q.retry.hidden = false;
  say(q, t.quiz.revealed, "wrong", store);
  if (store) {
    record.answers[q.id] = firstTry(record.answers[q.id] ?? { chosen: [], correct: false }, chosen, false);
    writeQuiz(path, record);
    updateScore();
  }
}

/** Shows a graded answer: marks, the open explanation, "Opnieuw". */
function show(q: Question, chosen: number[], right: boolean, announce: boolean): void {
  q.root.classList.add("is-answered");
  q.root.dataset.result = right ? "right" : "wrong";
  q.options.forEach((_, i) => {
    const picked = chosen.includes(i);
    const good = q.correct.includes(i);
    mark(q, i, picked ? (good ? "right" : "wrong") : good ? "missed" : "");
    q.inputs[i]!.checked = picked;
    q.inputs[i]!.disabled = true;
  });
  q.tip.hidden = true;
  if (q.answer) q.answer.open = true;
  q.check.hidden = true;
  q.retry.hidden = false;
  say(q, feedbackText(chosen, q.correct), right ? "right" : "wrong", announce);
}

function feedbackText(chosen: number[], correct: number[]): string {
  const r = judge(chosen, correct);
  return r.verdict === "right" ? t.quiz.feedbackRight : r.verdict === "partial" ? t.quiz.feedbackPartial(r.found, correct.length) : t.quiz.feedbackWrong;
}

function reset(q: Question): void {
  q.root.classList.remove("is-answered");
  delete q.root.dataset.result;
  q.options.forEach((_, i) => {
    mark(q, i, "");
    q.inputs[i]!.checked = false;
    q.inputs[i]!.disabled = false;
  });
  q.tries = 0;
  q.tip.hidden = true;
  if (q.answer) q.answer.open = false;
  q.check.hidden = false;
  q.retry.hidden = true;
  say(q, "", undefined, false);
  delete record.answers[q.id];
  writeQuiz(path, record);
  updateScore();
  q.inputs[0]?.focus();
}

function updateScore(): void {
  if (!scoreLine) return;
  const total = questions.length;
  const { right, answered } = pageScore(record, questions.map((q) => q.id));
  const label = el("span", "quiz-score-label", t.quiz.score);
  const result = el("strong", "quiz-score-result", t.quiz.scoreRight(right, total));
  const progress = el("span", "quiz-score-answered", t.quiz.scoreAnswered(answered, total));
  scoreLine.replaceChildren(label, " ", result, " ", progress);
  scoreLine.dataset.answered = String(answered);
  nav?.update(
    questions.map((q) => {
      const a = record.answers[q.id];
      return !a ? "open" : a.correct ? "right" : "wrong";
    }),
    t.quiz.scoreRight(right, total),
  );
}

function start(): void {
  const roots = [...document.querySelectorAll<HTMLElement>(".prose .callout-quiz")];
  if (!roots.length) return;
  const seen = new Set<string>();
  roots.forEach((root, i) => {
    const q = setup(root, i + 1, seen);
    if (q) questions.push(q);
  });
  if (!questions.length) return;

  // Restore stored answers; answers to questions that changed or left the page are dropped.
  const kept: QuizRecord = { v: 1, answers: {} };
  for (const q of questions) {
    const a = record.answers[q.id];
    if (!a || a.chosen.some((i) => i >= q.options.length) || (a.chosen.length > 1 && q.root.dataset.quiz !== "multiple")) continue;
    if (!a.chosen.length) {
      kept.answers[q.id] = { chosen: [], correct: false };
      reveal(q, false);
      if (q.answer) q.answer.open = true;
      continue;
    }
    const right = isRight(a.chosen, q.correct);
    // Left after a wrong try with tries left: still open, the answer still hidden.
    if (a.tries && !right) {
      kept.answers[q.id] = { chosen: a.chosen, correct: false, tries: a.tries };
      q.tries = a.tries;
      q.inputs.forEach((input, i) => (input.checked = a.chosen.includes(i)));
      tryAgain(q, a.chosen, false);
      continue;
    }
    // Right only if it was right at the first try and still is (a teacher may have fixed the key).
    kept.answers[q.id] = { chosen: a.chosen, correct: a.correct && right };
    show(q, a.chosen, right, false);
  }
  if (JSON.stringify(kept) !== JSON.stringify(record)) writeQuiz(path, kept);
  record = kept;

  scoreLine = el("p", "quiz-score");
  scoreLine.dataset.quizScore = "";
  questions[0]!.root.before(scoreLine);
  nav = quizNav(document.querySelector<HTMLElement>("article.lesson"), questions.map((q) => q.root));
  updateScore();
}

start();
