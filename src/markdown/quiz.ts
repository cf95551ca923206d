/**
 * Self-test questions written as a callout that also reads well in Obsidian:
 *
 *   > [!quiz] Vraag?
 *   > - [ ] fout antwoord
 *   > - [x] goed antwoord
 *   >
 *   > Uitleg: waarom.
 *
 * The options become a list with `data-correct` on the right ones; the right answer and
 * the explanation are folded away in a `<details>` so the page works without JavaScript.
 * Runs after the callouts rule, before inline parsing.
 */
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { t } from "../site/strings.ts";
import { applyEdits, findClose, type CalloutMeta, type TokenEdit } from "./callouts.ts";
import { asEnv, blockLine } from "./env.ts";

export interface Options {
  /** Where malformed questions are reported. */
  diagnostics?: Diagnostics;
}

const OPTION = /^\[([ xX])\][ \t]+/;
const EXPLANATION = /^(Uitleg|Toelichting)\s*:/i;

export default function quizPlugin(md: MarkdownIt, options: Options = {}): void {
  const answerLabel = t.quiz.correctAnswer;

  function rule(state: StateCore): void {
    const tokens = state.tokens;
    const env = asEnv(state.env);
    // Indexes stay those of `tokens`: the answers are put in with one pass at the end.
    const edits: TokenEdit[] = [];
    const moved = new Set<Token>();
    for (let i = tokens.length - 1; i >= 0; i--) {
      const open = tokens[i]!;
      if (open.type !== "callout_open" || (open.meta as CalloutMeta).kind !== "quiz") continue;
      const line = blockLine(env, open.map);
      const at = { file: env.file, line };
      // The callout's own content: a title-only quiz has none (and must not take the next callout's).
      const close = findClose(tokens, i);
      let contentStart = i + 1;
      while (contentStart < close && tokens[contentStart]!.type !== "callout_content_open") contentStart++;
      if (contentStart >= close) {
        options.diagnostics?.report("error", "quiz-no-options", at, {});
        continue;
      }
      const end = matchingClose(tokens, contentStart, "callout_content_open", "callout_content_close");

      // Options: the first bullet list directly inside the callout content.
      let listOpen = -1;
      for (let j = contentStart + 1; j < end; j++) {
        if (tokens[j]!.type === "bullet_list_open" && tokens[j]!.level === tokens[contentStart]!.level + 1) {
          listOpen = j;
          break;
        }
      }
      if (listOpen < 0) {
        options.diagnostics?.report("error", "quiz-no-options", at, {});
        continue;
      }
      const listClose = matchingClose(tokens, listOpen, "bullet_list_open", "bullet_list_close");
      tokens[listOpen]!.attrJoin("class", "quiz-options");
      const correct: string[] = [];
      let count = 0;
      for (let j = listOpen + 1; j < listClose; j++) {
        const item = tokens[j]!;
        if (item.type !== "list_item_open" || item.level !== tokens[listOpen]!.level + 1) continue;
        let at = j;
        while (at < listClose && tokens[at]!.type !== "inline") at++;
        const inline = at < listClose ? tokens[at] : undefined;
        if (!inline) continue;
        const m = OPTION.exec(inline.content);
        if (!m) continue;
        count++;
        inline.content = inline.content.slice(m[0].length);
        item.attrJoin("class", "quiz-option");
        if (m[1] !== " ") {
          item.attrSet("data-correct", "true");
          correct.push(inline.content);
        }
      }
      if (count === 0) {
        options.diagnostics?.report("error", "quiz-no-options", at, { marks: true });
        continue;
      }
      if (correct.length === 0) {
        options.diagnostics?.report("error", "quiz-no-answer", at, {});
      }
      open.attrSet("data-quiz", correct.length > 1 ? "multiple" : "single");

      // The explanation paragraph (if any) moves into the folded answer.
      let expl: Token[] = [];
      for (let j = listClose + 1; j < end; j++) {
        const t = tokens[j]!;
        if (t.type === "paragraph_open" && !moved.has(t) && EXPLANATION.test(tokens[j + 1]?.content ?? "")) {
          expl = tokens.slice(j, j + 3);
          moved.add(t);
          edits.push({ at: j, remove: 3, insert: [] });
          break;
        }
      }
      const level = tokens[contentStart]!.level + 1;
      const answerOpen = new state.Token("quiz_answer_open", "details", 1);
      answerOpen.meta = { label: t.quiz.showAnswer };
      answerOpen.level = level;
      const pOpen = new state.Token("paragraph_open", "p", 1);
      pOpen.attrSet("class", "quiz-correct");
      pOpen.block = true;
      const strong = new state.Token("inline", "", 0);
      strong.content = correct.length ? `**${answerLabel}** ${correct.join("; ")}` : `**${answerLabel}** —`;
      strong.children = [];
      strong.map = open.map;
      const pClose = new state.Token("paragraph_close", "p", -1);
      pClose.block = true;
      for (const t of expl) if (t.type === "paragraph_open") t.attrJoin("class", "quiz-explanation");
      const answerClose = new state.Token("quiz_answer_close", "details", -1);
      edits.push({ at: end, remove: 0, insert: [answerOpen, pOpen, strong, pClose, ...expl, answerClose] });
    }
    applyEdits(tokens, edits);
  }

  md.core.ruler.after("callouts", "quiz", rule);
  md.renderer.rules.quiz_answer_open = (tokens, idx) =>
    `<details class="quiz-answer"><summary>${md.utils.escapeHtml(String(tokens[idx]!.meta.label))}</summary>\n`;
  md.renderer.rules.quiz_answer_close = () => `</details>\n`;
}

function matchingClose(tokens: Token[], start: number, openType: string, closeType: string): number {
  let depth = 0;
  for (let j = start; j < tokens.length; j++) {
    if (tokens[j]!.type === openType) depth++;
    else if (tokens[j]!.type === closeType && --depth === 0) return j;
  }
  return tokens.length - 1;
}
