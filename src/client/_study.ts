/**
 * Study progress: the pure part. What is stored in localStorage and how, how a quiz answer is
 * scored, and which lesson comes next. No DOM here, so the unit tests can run it in Node.
 *
 * Every key starts with `docker-cursus:`, then the kind, then the page's path as the browser
 * shows it (so it includes PATH_PREFIX: two copies of the course on one host never share
 * progress):
 *
 *   docker-cursus:gedaan:/cursus/8-docker/1-uitleg-docker/   "1"             lesson marked done
 *   docker-cursus:toets:/cursus/8-docker/20-oefeningen-…/    QuizRecord      quiz answers of a page
 *   docker-cursus:taken:/cursus/8-docker/29-leertaak-…/      boolean[]       task-list checkboxes
 *
 * How a self-test question is scored: it counts as right only when the FIRST answer checked
 * was right. A wrong first answer gets "probeer het nog eens" (with a hint) and a second
 * try; the right answer shows after the second wrong try or when the student opens it. The
 * stored `correct` is the first try's result and later tries never change it (`firstTry`);
 * `chosen` is the latest answer, shown again after a reload. Opening the answer before any
 * check stores `{ chosen: [], correct: false }`: the student saw it, so it is not right.
 * After a wrong try with tries left, `tries` is stored too, so a reload shows the question
 * still open (the answer hidden) instead of ended.
 * "Opnieuw" forgets the question: the next check is a first try again (a self-test only
 * fools its own student).
 */

export const STORE_PREFIX = "docker-cursus:";
export type StoreKind = "gedaan" | "toets" | "taken";

/** One answered question: the indices of the chosen options and whether that was right. */
export interface QuizAnswer {
  chosen: number[];
  correct: boolean;
  /** Checks so far while the question is still open (a wrong try with tries left); absent once it has ended. */
  tries?: number;
}

/** The answers of one page, by question id. */
export interface QuizRecord {
  v: 1;
  answers: Record<string, QuizAnswer>;
}

/** A page's path without `index.html`, always ending in `/` unless it names a file. */
export function pagePath(pathname: string): string {
  const p = pathname.replace(/\/index\.html?$/i, "/") || "/";
  return p.endsWith("/") || /\.[a-z0-9]+$/i.test(p) ? p : `${p}/`;
}

export function storeKey(kind: StoreKind, path: string): string {
  return `${STORE_PREFIX}${kind}:${pagePath(path)}`;
}

/** The kind and the path of a key, or undefined for keys that are not study progress (the theme, other sites). */
export function parseKey(key: string): { kind: StoreKind; path: string } | undefined {
  const m = /^docker-cursus:(gedaan|toets|taken):(\/.*)$/.exec(key);
  return m ? { kind: m[1] as StoreKind, path: m[2]! } : undefined;
}

/** Keys that "Voortgang wissen" removes: progress of pages under the site's base path only. */
export function keysToClear(keys: Iterable<string>, base: string): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const parsed = parseKey(key);
    if (parsed && parsed.path.startsWith(base)) out.push(key);
  }
  return out;
}

/** A short, stable id for a question: its text and options, so an edited question starts fresh. */
export function questionId(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text.replace(/\s+/g, " ").trim()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Right when exactly the correct options were chosen (order does not matter). */
export function isRight(chosen: readonly number[], correct: readonly number[]): boolean {
  const a = new Set(chosen);
  const b = new Set(correct);
  return a.size === b.size && [...a].every((i) => b.has(i));
}

/**
 * How an answer went: `right`, `partial` (several options are right and the student chose only
 * right ones, but not all of them) or `wrong`; `found` counts the right options chosen.
 */
export function judge(chosen: readonly number[], correct: readonly number[]): { verdict: "right" | "partial" | "wrong"; found: number } {
  const found = new Set(chosen.filter((i) => correct.includes(i))).size;
  if (isRight(chosen, correct)) return { verdict: "right", found };
  const onlyRight = chosen.every((i) => correct.includes(i));
  return { verdict: correct.length > 1 && found > 0 && onlyRight ? "partial" : "wrong", found };
}

/** Wrong checks before the right answer is shown without being asked for. */
export const TRIES = 2;

/**
 * What a check leads to: `right`, `try-again` (wrong, tries left: the answer stays hidden) or
 * `show-answer` (wrong for the `TRIES`th time). `tries` counts the checks so far, this one included.
 */
export function afterCheck(right: boolean, tries: number): "right" | "try-again" | "show-answer" {
  if (right) return "right";
  return tries >= TRIES ? "show-answer" : "try-again";
}

/** The stored answer after a check: the latest choice, and right only when the first try was. */
export function firstTry(previous: QuizAnswer | undefined, chosen: number[], right: boolean): QuizAnswer {
  return { chosen, correct: previous ? previous.correct && right : right };
}

/** Where a hint lies in an explanation text: `text.slice(start, end)`; `capitalise` when it is a first sentence. */
export interface HintRange {
  start: number;
  end: number;
  capitalise: boolean;
}

/**
 * Where the hint lies in a question's explanation text (the folded answer's paragraphs, one per
 * line): after `Hint:` on a line that starts with it, if there is one; else the explanation's
 * first sentence, after its `Uitleg:` or `Toelichting:` label and leaving out `Juist:` lines.
 * Undefined when there is no explanation. As offsets into `text`, so the page can take the
 * hint from the rendered explanation itself, with its code and emphasis (`hintFrom` is its text).
 */
export function hintRange(text: string): HintRange | undefined {
  const lines: Array<{ start: number; text: string }> = [];
  let at = 0;
  for (const line of text.split("\n")) {
    lines.push({ start: at, text: line });
    at += line.length + 1;
  }
  const marked = lines.find((l) => /^\s*hint\s*:/i.test(l.text));
  if (marked) {
    const label = /^\s*hint\s*:\s*/i.exec(marked.text)![0].length;
    const rest = marked.text.slice(label).trimEnd();
    return rest ? { start: marked.start + label, end: marked.start + label + rest.length, capitalise: false } : undefined;
  }
  // The body: the lines that are no `Juist:` line, as positions in `text`, one space for each run of white space.
  const body: number[] = [];
  for (const line of lines) {
    if (/^\s*(juist|goed)\s*:/i.test(line.text)) continue;
    for (let i = 0; i < line.text.length; i++) {
      const white = /\s/.test(line.text[i]!);
      if (white && (!body.length || /\s/.test(text[body.at(-1)!]!))) continue;
      body.push(line.start + i);
    }
    if (body.length && !/\s/.test(text[body.at(-1)!]!)) body.push(line.start + line.text.length); // the line break
  }
  let flat = body.map((i) => (i < text.length && !/\s/.test(text[i]!) ? text[i]! : " ")).join("");
  const lead = flat.length - flat.trimStart().length;
  flat = flat.trim();
  const label = /^(uitleg|toelichting)\s*:\s*/i.exec(flat)?.[0].length ?? 0;
  const rest = flat.slice(label);
  if (!rest) return undefined;
  const sentence = /^.+?[.!?](?=\s+[^\s]|$)/.exec(rest)?.[0] ?? rest;
  const first = lead + label;
  return { start: body[first]!, end: body[first + sentence.length - 1]! + 1, capitalise: true };
}

/** The text of the hint (see `hintRange`): white space as single spaces, a first sentence capitalised. */
export function hintFrom(text: string): string | undefined {
  const range = hintRange(text);
  if (!range) return undefined;
  const hint = text.slice(range.start, range.end).replace(/\s+/g, " ").trim();
  return range.capitalise ? hint.charAt(0).toUpperCase() + hint.slice(1) : hint;
}

/** A stored quiz record, or an empty one when it is missing or not ours. */
export function parseQuizRecord(raw: string | null | undefined): QuizRecord {
  const empty: QuizRecord = { v: 1, answers: {} };
  if (!raw) return empty;
  try {
    const data = JSON.parse(raw) as unknown;
    if (!data || typeof data !== "object" || (data as QuizRecord).v !== 1) return empty;
    const answers: Record<string, QuizAnswer> = {};
    for (const [id, a] of Object.entries((data as QuizRecord).answers ?? {})) {
      if (!a || !Array.isArray(a.chosen) || typeof a.correct !== "boolean") continue;
      const chosen = a.chosen.filter((i): i is number => Number.isInteger(i) && i >= 0);
      // No choice at all is kept only as "answer seen before any check" (never right).
      if (chosen.length) answers[id] = Number.isInteger(a.tries) && a.tries! > 0 && a.tries! < TRIES ? { chosen, correct: a.correct, tries: a.tries! } : { chosen, correct: a.correct };
      else if (a.chosen.length === 0 && !a.correct) answers[id] = { chosen: [], correct: false };
    }
    return { v: 1, answers };
  } catch {
    return empty;
  }
}

export interface Score {
  /** Questions answered right. */
  right: number;
  /** Questions answered. */
  answered: number;
}

/** The score of one page: only questions that are still on it (`ids`) count. */
export function pageScore(record: QuizRecord, ids: readonly string[]): Score {
  let right = 0;
  let answered = 0;
  for (const id of ids) {
    const a = record.answers[id];
    if (!a) continue;
    answered++;
    if (a.correct) right++;
  }
  return { right, answered };
}

/** The score over many pages (the home page does not know the questions, so every stored answer counts). */
export function totalScore(records: Iterable<QuizRecord>): Score {
  let right = 0;
  let answered = 0;
  for (const r of records) {
    for (const a of Object.values(r.answers)) {
      answered++;
      if (a.correct) right++;
    }
  }
  return { right, answered };
}

/** Stored task-list checkboxes of a page; anything unreadable counts as nothing stored. */
export function parseTasks(raw: string | null | undefined): boolean[] | undefined {
  if (!raw) return undefined;
  try {
    const data = JSON.parse(raw) as unknown;
    return Array.isArray(data) && data.every((x) => typeof x === "boolean") ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The lessons in course order without repeats (a lesson may be linked twice on a page). */
export function uniqueOrder(urls: Iterable<string>): string[] {
  return [...new Set([...urls].map(pagePath))];
}

/** How many lessons of the course are done. Lessons that no longer exist do not count. */
export function countDone(order: readonly string[], isDone: (path: string) => boolean): number {
  return order.filter((p) => isDone(p)).length;
}

/**
 * Where to continue ("Verder waar je was"): the lesson after the last one done in course order,
 * the furthest the student got (a student who skipped lessons 1 to 3 and did 4 goes on with 5,
 * not back to 1). When the last lesson of the course is done, the first lesson not done yet.
 * Nothing done: the first lesson; everything done: nowhere.
 */
export function nextLesson(order: readonly string[], isDone: (path: string) => boolean): string | undefined {
  let last = -1;
  for (let i = order.length - 1; i >= 0; i--) {
    if (isDone(order[i]!)) {
      last = i;
      break;
    }
  }
  return order[last + 1] ?? order.find((p) => !isDone(p));
}
