/**
 * Content rules that look at the vault as a whole: the "Volgende stap" chain and attachments
 * nobody uses. Each note contributes a few facts (`noteFacts`), taken while its tokens are at
 * hand; the rules then run over those facts only, so no note is parsed or kept twice, and
 * an incremental build can recompute them after changing a single note.
 */
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { parseWikilink } from "../markdown/wikilinks.ts";
import type { Attachment, Note, Vault } from "../vault/index.ts";
import { withoutInlineCode, type ScannedNote } from "./scan.ts";

/** What the vault-wide rules need from one note. */
export interface NoteFacts {
  note: Note;
  /** The `Volgende stap: [[...]]` link, when the note has one. */
  nextStep?: { target: string; line: number; column: number };
  /** Attachments the note refers to (drafts count too). */
  attachments: Set<Attachment>;
}

export function noteFacts(vault: Vault, scan: ScannedNote): NoteFacts {
  return { note: scan.note, nextStep: nextStepOf(scan), attachments: usedAttachments(vault, scan) };
}

export function checkVaultRules(vault: Vault, facts: NoteFacts[], diagnostics: Diagnostics, options: { course?: boolean } = {}): void {
  // The "Volgende stap" chain is a course convention (see `isCourseVault` in rules.ts).
  if (options.course !== false) {
    checkNextStepChain(vault, facts, diagnostics);
    checkDuplicateNumbers(facts.map((f) => f.note), diagnostics);
  }
  checkUnusedAttachments(vault, facts, diagnostics);
}

// ---------------------------------------------------------------------------------------
// The "Volgende stap" chain

const NEXT_STEP = /Volgende stap\**\s*:\s*\**\s*!?\[\[([^\]\n]+)\]\]/i;
const fileOrder = new Intl.Collator("en", { numeric: true });

/** The note's `Volgende stap: [[...]]` link (outside code), with its line. */
export function nextStepOf(scan: ScannedNote): { target: string; line: number; column: number } | undefined {
  for (let i = 0; i < scan.lines.length; i++) {
    if (scan.code[i] || i < scan.note.bodyLine - 1) continue;
    const line = scan.lines[i]!;
    if (!/volgende stap/i.test(line)) continue;
    const m = NEXT_STEP.exec(withoutInlineCode(line));
    if (m) return { target: m[1]!, line: i + 1, column: m.index + 1 };
  }
  return undefined;
}

export function checkNextStepChain(vault: Vault, facts: NoteFacts[], diagnostics: Diagnostics): void {
  const next = new Map<Note, { to: Note; line: number; column: number }>();
  for (const { note, nextStep: link } of facts) {
    if (note.unpublished || !link) continue;
    const res = vault.resolveNote(parseWikilink(link.target).target, note);
    // A missing target is reported by the renderer as broken-wikilink.
    if (res.kind === "missing" || res.target.unpublished) continue;
    next.set(note, { to: res.target, line: link.line, column: link.column });
  }
  const done = new Set<Note>();
  for (const start of next.keys()) {
    if (done.has(start)) continue;
    const path: Note[] = [];
    const index = new Map<Note, number>();
    let cur: Note | undefined = start;
    while (cur && !done.has(cur) && !index.has(cur)) {
      index.set(cur, path.length);
      path.push(cur);
      cur = next.get(cur)?.to;
    }
    if (cur && index.has(cur)) {
      const cycle = path.slice(index.get(cur)!);
      // Report once, at the member that comes first in the course (file order).
      const first = [...cycle].sort((a, b) => fileOrder.compare(a.file, b.file))[0]!;
      const at = cycle.indexOf(first);
      const ordered = [...cycle.slice(at), ...cycle.slice(0, at), first];
      const link = next.get(first)!;
      diagnostics.report("error", "next-step-cycle", { file: first.file, line: link.line, column: link.column }, { chain: ordered.map((n) => n.name).join(" → ") });
    }
    for (const n of path) done.add(n);
  }
}

// ---------------------------------------------------------------------------------------
// Lesson numbers

/** The number a lesson's file name starts with (`7. Stappen Docker Containers` -> 7). */
export function lessonNumber(name: string): number | undefined {
  const m = /^(\d+)\.\s/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The smallest number above `from` that no name in `names` starts with. */
export function nextFreeNumber(names: Iterable<string>, from: number): number {
  const used = new Set<number>();
  for (const name of names) {
    const n = lessonNumber(name);
    if (n !== undefined) used.add(n);
  }
  let n = from + 1;
  while (used.has(n)) n++;
  return n;
}

/**
 * Two published lessons in one folder with the same number: the menu order between them is
 * chance, and a teacher who adds a lesson by number easily makes the second one. Reported at
 * each of them, naming the others.
 */
export function checkDuplicateNumbers(notes: Note[], diagnostics: Diagnostics): void {
  const groups = new Map<string, Note[]>();
  for (const note of notes) {
    if (note.unpublished) continue;
    const n = lessonNumber(note.name);
    if (n === undefined) continue;
    const key = `${note.folders.join("/")}\n${n}`;
    const list = groups.get(key) ?? [];
    list.push(note);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const number = lessonNumber(list[0]!.name)!;
    const free = nextFreeNumber(
      notes.filter((n) => !n.unpublished && n.folders.join("/") === list[0]!.folders.join("/")).map((n) => n.name),
      number,
    );
    const sorted = [...list].sort((a, b) => fileOrder.compare(a.file, b.file));
    for (const note of sorted) {
      const others = sorted.filter((o) => o !== note).map((o) => `"${o.name}"`).join(", ");
      diagnostics.report("warning", "duplicate-number", { file: note.file, line: note.keyLines.get("title") ?? 1 }, { number, others, free });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Attachments nobody uses

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/|#)/i;
const HTML_URL_ATTR = /\b(?:src|href|poster|data|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** Attachments by published URL, built once per vault. */
const urlIndex = new WeakMap<Vault, Map<string, Attachment>>();
function attachmentsByUrl(vault: Vault): Map<string, Attachment> {
  let map = urlIndex.get(vault);
  if (!map) urlIndex.set(vault, (map = new Map(vault.attachments.map((a) => [a.url, a]))));
  return map;
}

/** Attachments a note refers to, through the same tokens and vault lookups as the renderer. */
export function usedAttachments(vault: Vault, scan: ScannedNote): Set<Attachment> {
  const used = new Set<Attachment>(scan.attachments);
  const byUrl = attachmentsByUrl(vault);
  const use = (ref: string | null | undefined) => {
    if (!ref) return;
    const clean = ref.trim().split(/\s+/)[0]!.replace(/[?#].*$/, "");
    if (!clean || EXTERNAL.test(clean)) return;
    let decoded = clean;
    try {
      decoded = decodeURI(clean);
    } catch {
      /* keep */
    }
    const direct = byUrl.get(clean) ?? byUrl.get(decoded);
    if (direct) return void used.add(direct);
    const res = vault.resolveAttachment(clean, scan.note);
    if (res.kind !== "missing") used.add(res.target);
  };
  const visit = (tokens: Token[]) => {
    for (const t of tokens) {
      const meta = t.meta as { attachment?: Attachment; target?: string } | null;
      if (meta?.attachment) used.add(meta.attachment);
      else if (t.type === "wikilink_image") use(meta?.target);
      if (t.type === "image") use(t.attrGet("src"));
      // A link the renderer resolved to a note points at a page, not a file.
      if (t.type === "link_open" && !(t.meta as { target?: string } | null)?.target) use(t.attrGet("href"));
      if (t.type === "html_block" || t.type === "html_inline") {
        for (const m of t.content.matchAll(HTML_URL_ATTR)) {
          const value = m[1] ?? m[2] ?? m[3] ?? "";
          for (const part of value.split(",")) use(part);
        }
      }
      if (t.children) visit(t.children);
    }
  };
  visit(scan.tokens);
  // Front-matter values that name a file (e.g. an image for a card).
  const values = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.flatMap(values) : []);
  for (const v of Object.values(scan.note.data).flatMap(values)) if (/\.[A-Za-z0-9]{1,5}$/.test(v.trim())) use(v.trim().replace(/^\[\[|\]\]$/g, ""));
  return used;
}

export function checkUnusedAttachments(vault: Vault, facts: NoteFacts[], diagnostics: Diagnostics): void {
  const used = new Set<Attachment>();
  for (const f of facts) for (const a of f.attachments) used.add(a);
  for (const att of vault.attachments) {
    if (used.has(att)) continue;
    if (att.shared) {
      diagnostics.report("info", "unused-asset", { file: att.file, line: 0 }, { rel: att.rel });
    } else {
      diagnostics.report("warning", "unused-attachment", { file: att.file, line: 0 }, { name: att.name });
    }
  }
}
