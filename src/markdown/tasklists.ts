/**
 * Obsidian task lists: `- [ ] taak` and `- [x] klaar` become list items with a checkbox.
 * The checkbox sits inside a label so it has an accessible name. Quiz options are handled
 * by the quiz plugin first and never reach this rule.
 */
import type MarkdownIt from "markdown-it";

const TASK = /^\[([ xX])\][ \t]+/;

export default function taskListsPlugin(md: MarkdownIt): void {
  md.core.ruler.before("inline", "task_lists", (state) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i]!;
      if (inline.type !== "inline" || tokens[i - 1]!.type !== "paragraph_open" || tokens[i - 2]!.type !== "list_item_open") continue;
      const m = TASK.exec(inline.content);
      if (!m) continue;
      inline.content = inline.content.slice(m[0].length);
      const item = tokens[i - 2]!;
      item.attrJoin("class", "task-list-item");
      if (m[1] !== " ") item.attrJoin("class", "is-checked");
      const open = new state.Token("task_label_open", "label", 1);
      open.meta = { checked: m[1] !== " " };
      tokens.splice(i, 0, open);
      tokens.splice(i + 2, 0, new state.Token("task_label_close", "label", -1));
      i += 2;
    }
  });
  md.renderer.rules.task_label_open = (tokens, idx) => {
    // Students may tick the boxes; the client keeps them (progress.ts).
    const checked = tokens[idx]!.meta.checked ? " checked" : "";
    return `<label class="task-list-label"><input type="checkbox" class="task-list-item-checkbox"${checked}> `;
  };
  md.renderer.rules.task_label_close = () => `</label>`;
}
