/**
 * The per-render environment shared by our markdown-it plugins, and the plugin that
 * tracks source lines so every diagnostic can name the line it is about.
 */
import type MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import type { Attachment, Note, Vault } from "../vault/index.ts";

/** A link from the page being rendered to another note. */
export interface OutgoingLink {
  target: Note;
  /** Heading id, when the link points at a heading. */
  anchor?: string;
  /** 1-based line in the source file. */
  line: number;
  /** True for `![[Note]]` transclusions. */
  embed: boolean;
}

export interface RenderEnv {
  /** The note being rendered, when it is part of the vault. */
  note?: Note;
  /** File path for diagnostics. */
  file: string;
  /** 1-based line in the file where the rendered Markdown starts. */
  bodyLine: number;
  /** Variables for `{{ name }}`: front matter plus `title`. */
  data: Record<string, unknown>;
  /** Filled during the render: links to other notes. */
  links: OutgoingLink[];
  /** Filled during the render: attachments (images, files) the page uses. */
  attachments: Set<Attachment>;
  /** Names of notes being transcluded, outermost first, for cycle detection. */
  stack: string[];
  /** Internal: 0-based body line of the block whose inline content is being parsed. */
  blockLine?: number;
  /** Internal: what a page's render transcluded so far, shared with every note it embeds (embeds.ts). */
  transclusion?: TransclusionState;
}

/** Transclusions of one page render, to keep it bounded: counted, measured and reused. */
export interface TransclusionState {
  /** Transclusions shown in the page so far, nested ones included. */
  count: number;
  /** Characters of transcluded HTML in the page so far. */
  size: number;
  /** True once the page went over a limit (it is reported once). */
  full: boolean;
  /** Each transclusion rendered for this page, by chain and target, for when it comes again. */
  rendered: Map<string, { html: string; count: number }>;
}

/** What every plugin may need besides the parser; all optional so a bare parser works in tests. */
export interface MarkdownContext {
  vault?: Vault;
  diagnostics?: Diagnostics;
}

export function newEnv(partial: Partial<RenderEnv> & { file: string }): RenderEnv {
  return { bodyLine: 1, data: {}, links: [], attachments: new Set(), stack: [], ...partial };
}

export function asEnv(env: unknown): RenderEnv {
  const e = (env ?? {}) as Partial<RenderEnv>;
  e.file ??= "(markdown)";
  e.bodyLine ??= 1;
  e.data ??= {};
  e.links ??= [];
  e.attachments ??= new Set();
  e.stack ??= [];
  return e as RenderEnv;
}

/** Offsets of the line breaks in each inline source, found once per inline parse. */
const lineBreaks = new WeakMap<StateInline, number[]>();

/** 1-based file line and column of position `pos` in the inline source being parsed. */
export function inlinePosition(state: StateInline, pos: number = state.pos): { line: number; column: number } {
  const env = asEnv(state.env);
  let breaks = lineBreaks.get(state);
  if (!breaks) {
    breaks = [];
    for (let i = state.src.indexOf("\n"); i >= 0; i = state.src.indexOf("\n", i + 1)) breaks.push(i);
    lineBreaks.set(state, breaks);
  }
  // Line breaks before `pos` (binary search): a paragraph of many lines costs no rescans.
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  const nl = lo > 0 ? breaks[lo - 1]! : -1;
  return { line: env.bodyLine + (env.blockLine ?? 0) + lo, column: pos - nl };
}

/** 1-based file line of a block token's first line. */
export function blockLine(env: RenderEnv, map: [number, number] | null | undefined): number {
  return env.bodyLine + (map?.[0] ?? 0);
}

/**
 * Replaces markdown-it's core `inline` rule with one that records the current block's line
 * in the env before parsing its inline content (table cells have no map: the row's is used).
 */
export default function sourceLinesPlugin(md: MarkdownIt): void {
  md.core.ruler.at("inline", (state) => {
    const env = asEnv(state.env);
    let last = 0;
    for (const tok of state.tokens) {
      if (tok.map) last = tok.map[0];
      if (tok.type === "inline") {
        env.blockLine = last;
        state.md.inline.parse(tok.content, state.md, state.env, tok.children ?? (tok.children = []));
      }
    }
    env.blockLine = undefined;
  });
}
