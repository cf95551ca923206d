/**
 * Self-test answers that can be guessed without the lesson: over the single-answer questions
 * of one page, read from the quiz plugin's tokens.
 */
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import type { ScannedNote } from "./scan.ts";

/** One single-answer self-test question: its file line and, per option, its length and whether it is right. */
export interface QuizShape {
  line: number;
  options: Array<{ length: number; correct: boolean }>;
}

/** The single-answer quiz questions of a rendered or parsed note, read from the quiz plugin's tokens. */
export function quizShapes(scan: ScannedNote): QuizShape[] {
  const out: QuizShape[] = [];
  const { tokens } = scan;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "callout_open" || open.attrGet("data-quiz") !== "single") continue;
    let list = i + 1;
    while (list < tokens.length && !(tokens[list]!.type === "bullet_list_open" && tokens[list]!.attrGet("class")?.split(" ").includes("quiz-options"))) {
      if (tokens[list]!.type === "callout_close" && tokens[list]!.level === open.level) break;
      list++;
    }
    if (tokens[list]?.type !== "bullet_list_open") continue;
    const options: QuizShape["options"] = [];
    const level = tokens[list]!.level;
    let item: Token | undefined;
    for (let j = list + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.type === "bullet_list_close" && t.level === level) break;
      if (t.type === "list_item_open" && t.level === level + 1) item = t;
      else if (item && t.type === "inline") {
        // The option's text is the first inline token of its item.
        options.push({ length: t.content.trim().length, correct: item.attrGet("data-correct") === "true" });
        item = undefined;
      }
    }
    out.push({ line: scan.note.bodyLine + (open.map?.[0] ?? 0), options });
  }
  return out;
}

/** Questions per file before a pattern counts: below this, chance explains too much. */
export const QUIZ_PATTERN_MIN = 4;

/**
 * A student who has not read the lesson can still score when the right option is nearly
 * always the longest one, or nearly always in the same place. Over the single-answer questions
 * of one page: reported when the right option is strictly the longest in at least two thirds
 * of them, or sits in one position in at least three quarters of them.
 */
export function checkQuizPattern(scan: ScannedNote, diagnostics: Diagnostics): void {
  const quizzes = quizShapes(scan).filter((q) => q.options.length >= 2);
  if (quizzes.length < QUIZ_PATTERN_MIN) return;
  const n = quizzes.length;
  const longest = quizzes.filter((q) => {
    const right = q.options.find((o) => o.correct)!;
    return q.options.every((o) => o === right || o.length < right.length);
  }).length;
  const byPosition = new Map<number, number>();
  for (const q of quizzes) {
    const at = q.options.findIndex((o) => o.correct) + 1;
    byPosition.set(at, (byPosition.get(at) ?? 0) + 1);
  }
  const [position, inPlace] = [...byPosition].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  const findings: string[] = [];
  const hints: string[] = [];
  if (longest * 3 >= n * 2) {
    findings.push(`het goede antwoord is het langste in ${longest} van de ${n} vragen`);
    hints.push("maak de foute opties even precies als de goede (een reden, een voorwaarde), of maak de goede korter");
  }
  if (inPlace * 4 >= n * 3) {
    findings.push(`het goede antwoord is optie ${position} in ${inPlace} van de ${n} vragen`);
    hints.push("wissel de plaats van het goede antwoord af");
  }
  if (!findings.length) return;
  diagnostics.report("warning", "quiz-pattern", { file: scan.note.file, line: quizzes[0]!.line }, { findings, hints: [hints[0]![0]!.toUpperCase() + hints[0]!.slice(1), ...hints.slice(1)] });
}
