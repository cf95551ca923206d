/**
 * Obsidian callouts: `> [!TIP] Titel`, every Obsidian type and alias, case-insensitive,
 * custom or Dutch default titles, title-only, nested, foldable (`-` closed, `+` open, as
 * `<details>` without JavaScript). The markup follows Obsidian's own so teachers' CSS
 * snippets keep working:
 *
 *   <div class="callout" data-callout="tip"><div class="callout-title">…</div><div class="callout-content">…</div></div>
 *
 * Runs as a core rule between block and inline parsing: it retypes blockquote tokens and
 * moves the title line into its own inline token, so titles may hold Markdown and wikilinks.
 *
 * markdown-it-obsidian-callouts (0.3.4) was evaluated first. It has no place for Dutch default
 * titles or for reporting unknown types with file and line, puts a <div> inside <summary>
 * (not allowed there), and inlines an SVG icon into every callout; the quiz plugin also needs
 * these tokens. Hence this small plugin; icons come from CSS.
 */
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { t } from "../site/strings.ts";
import { asEnv, blockLine } from "./env.ts";

type CalloutType = keyof typeof t.callouts;

/** Obsidian's callout types and their aliases. */
const ALIASES: Record<CalloutType, string[]> = {
  note: [],
  abstract: ["summary", "tldr"],
  info: [],
  todo: [],
  tip: ["hint"],
  important: [],
  success: ["check", "done"],
  question: ["help", "faq"],
  warning: ["caution", "attention"],
  failure: ["fail", "missing"],
  danger: ["error"],
  bug: [],
  example: [],
  quote: ["cite"],
  quiz: [],
};

/** Canonical Obsidian callout types, each with its aliases, and the Dutch default title (src/site/strings.ts). */
export const CALLOUT_TYPES: Record<string, { aliases: string[]; title: string }> = Object.fromEntries(
  (Object.keys(ALIASES) as CalloutType[]).map((type) => [type, { aliases: ALIASES[type], title: t.callouts[type] }]),
);

const ALIAS_TO_TYPE = new Map<string, string>();
for (const [type, { aliases }] of Object.entries(CALLOUT_TYPES)) {
  ALIAS_TO_TYPE.set(type, type);
  for (const a of aliases) ALIAS_TO_TYPE.set(a, type);
}

/** Canonical type for a written type (`HINT` -> `tip`), or undefined when unknown. */
export function canonicalCalloutType(written: string): string | undefined {
  return ALIAS_TO_TYPE.get(written.toLowerCase());
}

export interface Options {
  /** Where unknown types are reported. */
  diagnostics?: Diagnostics;
}

export interface CalloutMeta {
  /** Type as written, lowercased (Obsidian's `data-callout`). */
  type: string;
  /** Canonical type: `hint` -> `tip`; unknown types -> `note`. */
  kind: string;
  /** `-` closed, `+` open, empty when not foldable. */
  fold: "" | "-" | "+";
  /** True when the callout has a custom title. */
  customTitle: boolean;
}

const HEAD = /^\[!([\w-]+)\]([+-]?)[ \t]*(.*)$/;

export default function calloutsPlugin(md: MarkdownIt, options: Options = {}): void {
  function rule(state: StateCore): void {
    const tokens = state.tokens;
    const env = asEnv(state.env);
    // Inner callouts first (backwards); indexes stay those of `tokens`: the new title and
    // content tokens are put in with one pass at the end, not spliced in one by one.
    const edits: TokenEdit[] = [];
    for (let i = tokens.length - 1; i >= 0; i--) {
      const open = tokens[i]!;
      if (open.type !== "blockquote_open") continue;
      const pOpen = tokens[i + 1];
      const inline = tokens[i + 2];
      if (pOpen?.type !== "paragraph_open" || inline?.type !== "inline") continue;
      const [first, ...rest] = inline.content.split("\n");
      const m = HEAD.exec(first ?? "");
      if (!m) continue;
      const written = m[1]!.toLowerCase();
      let kind = canonicalCalloutType(written);
      if (!kind) {
        options.diagnostics?.report("warning", "unknown-callout", { file: env.file, line: blockLine(env, open.map) }, { type: m[1]!, types: Object.keys(CALLOUT_TYPES).filter((t) => t !== "quiz").join(", ") });
        kind = "note";
      }
      const fold = m[2] as CalloutMeta["fold"];
      const titleText = m[3]!.trim();
      const close = findClose(tokens, i);
      const meta: CalloutMeta = { type: written, kind, fold, customTitle: titleText.length > 0 };

      open.type = "callout_open";
      open.tag = fold ? "details" : "div";
      open.meta = meta;
      const closeTok = tokens[close]!;
      closeTok.type = "callout_close";
      closeTok.tag = open.tag;

      const titleInline = new state.Token("inline", "", 0);
      titleInline.content = titleText || CALLOUT_TYPES[kind]!.title;
      titleInline.map = open.map;
      titleInline.children = [];
      const titleOpen = new state.Token("callout_title_open", fold ? "summary" : "div", 1);
      titleOpen.meta = meta;
      const titleClose = new state.Token("callout_title_close", fold ? "summary" : "div", -1);
      const contentOpen = new state.Token("callout_content_open", "div", 1);
      const contentClose = new state.Token("callout_content_close", "div", -1);

      // The first paragraph loses its title line; if nothing is left it disappears.
      const remaining = rest.join("\n");
      let removeFirstParagraph = 0;
      if (remaining.trim()) {
        inline.content = remaining;
        if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]];
        if (pOpen.map) pOpen.map = [pOpen.map[0] + 1, pOpen.map[1]];
      } else {
        removeFirstParagraph = 3;
      }
      if (removeFirstParagraph && close === i + 4) {
        // Title-only callout: no content block at all.
        edits.push({ at: i + 1, remove: removeFirstParagraph, insert: [titleOpen, titleInline, titleClose] });
        continue;
      }
      edits.push({ at: close, remove: 0, insert: [contentClose] });
      edits.push({ at: i + 1, remove: removeFirstParagraph, insert: [titleOpen, titleInline, titleClose, contentOpen] });
    }
    applyEdits(tokens, edits);
  }

  md.core.ruler.after("block", "callouts", rule);

  md.renderer.rules.callout_open = (tokens, idx) => {
    const t = tokens[idx]!;
    const meta = t.meta as CalloutMeta;
    const esc = md.utils.escapeHtml;
    const cls = `callout callout-${meta.kind}${meta.fold ? " is-collapsible" : ""}`;
    const foldAttr = meta.fold ? ` data-callout-fold="${meta.fold}"` : "";
    const openAttr = meta.fold === "+" ? " open" : "";
    // Attributes other plugins set on the token (the quiz's data-quiz) come after ours.
    return `<${t.tag} class="${cls}" data-callout="${esc(meta.type)}"${foldAttr}${openAttr}${md.renderer.renderAttrs(t)}>\n`;
  };
  md.renderer.rules.callout_close = (tokens, idx) => `</${tokens[idx]!.tag}>\n`;
  md.renderer.rules.callout_title_open = (tokens, idx) => {
    const t = tokens[idx]!;
    return `<${t.tag} class="callout-title"><span class="callout-icon" aria-hidden="true"></span><span class="callout-title-inner">`;
  };
  md.renderer.rules.callout_title_close = (tokens, idx) => `</span></${tokens[idx]!.tag}>\n`;
  md.renderer.rules.callout_content_open = () => `<div class="callout-content">\n`;
  md.renderer.rules.callout_content_close = () => `</div>\n`;
}

/** Tokens to put in at index `at` of a token list, in place of `remove` tokens from there. */
export interface TokenEdit {
  at: number;
  remove: number;
  insert: Token[];
}

/**
 * Applies edits whose indexes all refer to the list as it is (none overlapping) in one pass,
 * in place: many edits cost one copy of the list, where splicing each would copy it each time.
 */
export function applyEdits(tokens: Token[], edits: TokenEdit[]): void {
  if (edits.length === 0) return;
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  const out: Token[] = [];
  let k = 0;
  for (const e of sorted) {
    while (k < e.at) out.push(tokens[k++]!);
    for (const t of e.insert) out.push(t);
    k += e.remove;
  }
  while (k < tokens.length) out.push(tokens[k++]!);
  for (let j = 0; j < out.length; j++) tokens[j] = out[j]!;
  tokens.length = out.length;
}

/** Index of the blockquote_close that matches the blockquote_open at `i`. */
export function findClose(tokens: Token[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type === "blockquote_open" || t.type === "callout_open") depth++;
    else if (t.type === "blockquote_close" || t.type === "callout_close") {
      depth--;
      if (depth === 0) return j;
    }
  }
  return tokens.length - 1;
}
