/**
 * Compiles the course without Eleventy: vault index, vault-level checks, every note
 * rendered once with the shared parser, the content rules, and the course model. The
 * Eleventy plugin and the content check both call this; neither has a second implementation
 * of any step.
 *
 * A `Compiler` keeps what it compiled. Called again (serve mode, after a save), it reads only
 * the files whose size or time changed, renders only those notes and the notes whose page
 * can change with them (notes that link to a note whose name, title, headings or URL
 * changed, or to an attachment that came or went, and notes that transclude a changed
 * note), and rebuilds the course model from the rest as kept. Each note's own diagnostics
 * are kept with it; vault-wide checks run again over all notes, which is linear.
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import { Diagnostics, type Diagnostic } from "../diagnostics/index.ts";
import { checkNoteRules, isCourseVault } from "../rules/index.ts";
import { parseNote, scanNote } from "../rules/scan.ts";
import { checkVaultRules, noteFacts, type NoteFacts } from "../rules/vault-rules.ts";
import { buildCourse, type Course, type PageText } from "../course/index.ts";
import type { ImageRequest } from "../images/index.ts";
import { createMarkdown, renderNote } from "../markdown/index.ts";
import { loadVault, type Attachment, type CachedNote, type Note, type Vault } from "../vault/index.ts";
import { noteRefs, ownKeys, type NoteRefs } from "../vault/refs.ts";
import { nameKey } from "../vault/slug.ts";

export interface CompileOptions {
  /** Content folder (Obsidian vault). */
  contentDir: string;
  /** Shared assets folder served at `/_assets/`. */
  assetsDir?: string;
  diagnostics?: Diagnostics;
  renderImage?: (req: ImageRequest) => string;
  /** Publish raw HTML as written, scripts included (`COURSE_ALLOW_HTML_SCRIPTS=1`). Default: sanitised. */
  allowHtmlScripts?: boolean;
  /** Look up each page's last change in git. Default `true`. */
  gitDates?: boolean;
  title?: string;
  /** Called with each published note as soon as it is rendered. */
  onRendered?: (note: Note, html: string) => void;
}

export interface Compiled {
  vault: Vault;
  course: Course;
  diagnostics: Diagnostics;
  /** Vault paths of the notes this call rendered (every published note on the first call). */
  rendered: Set<string>;
  /** Attachments that published notes use (a draft's attachments are not among them). */
  publishedAttachments: Set<Attachment>;
}

/** Problems that concern the vault as a whole rather than one line of Markdown. */
export function checkVault(vault: Vault, diagnostics: Diagnostics): void {
  for (const note of vault.notes) {
    for (const p of note.frontMatterProblems) diagnostics.add({ severity: p.severity, file: note.file, line: p.line, column: p.column, rule: p.rule, message: p.message, hint: p.hint });
  }
  for (const conflict of vault.urlConflicts) {
    const [first, ...others] = conflict.notes;
    for (const other of others) {
      diagnostics.report("error", "url-conflict", { file: other.file, line: 1 }, { url: conflict.url, first: first!.file, published: other.url });
    }
  }
  for (const link of vault.skippedLinks) {
    const file = vault.displayPath(link.abs);
    const rule = link.problem === "outside" ? "symlink-outside" : link.problem === "dangling" ? "symlink-broken" : "symlink-loop";
    diagnostics.report("warning", rule, { file, line: 0 }, { target: link.target });
  }
  for (const { note, wanted, by } of vault.reservedUrls) {
    diagnostics.report("warning", "url-reserved", { file: note.file, line: 1 }, { url: wanted, by, published: note.url, name: note.name });
  }
  for (const { used, ignored } of vault.folderNotesTwice) {
    diagnostics.report("warning", "folder-note-twice", { file: ignored.file, line: 1 }, { folder: ignored.folders.join("/"), used: used.file });
  }
  // Two folder notes of one folder share a name too: folder-note-twice says it all.
  const twice = new Set(vault.folderNotesTwice.flatMap((t) => [t.used, t.ignored]));
  for (const group of vault.duplicateNames()) {
    if (group.length === 2 && group.every((n) => twice.has(n))) continue;
    const files = group.map((n) => n.file).join(" en ");
    for (const note of group.slice(1)) {
      diagnostics.report("warning", "duplicate-name", { file: note.file, line: 1 }, { name: note.name, files });
    }
  }
  for (const note of vault.notes) {
    if (note.unpublished) diagnostics.report("info", "unpublished", { file: note.file, line: note.keyLines.get(note.unpublished.split(":")[0]!) ?? 1 }, { why: note.unpublished });
  }
}

/** Last commit date per file inside `dir`, keyed by path relative to `dir`. Empty outside git. */
export function gitDates(dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  try {
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const out = execFileSync("git", ["log", "--format=@%cI", "--name-only", "--no-renames", "--", "."], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
    let date = "";
    for (const line of out.split("\n")) {
      if (line.startsWith("@")) date = line.slice(1);
      else if (line.trim()) {
        const rel = path.relative(dir, path.join(top, line)).split(path.sep).join("/");
        if (!dates.has(rel)) dates.set(rel, date);
      }
    }
  } catch {
    /* not a git checkout: no dates */
  }
  return dates;
}

/** Collects what one note's render and rules report, so it can be kept with the note. */
class NoteDiagnostics extends Diagnostics {
  target: Diagnostic[] = [];
  override add(d: Omit<Diagnostic, "column"> & { column?: number }): void {
    this.target.push({ column: 0, ...d });
  }
}

/** What is kept of one note between compiles. */
interface NoteResult {
  note: Note;
  /** What other notes can see of it: a change means the notes linking to it render again. */
  shape: string;
  refs: NoteRefs;
  html?: string;
  links: string[];
  facts: NoteFacts;
  diagnostics: Diagnostic[];
}

function shapeOf(note: Note): string {
  return JSON.stringify([note.url, note.title, note.aliases, note.unpublished ?? "", note.headings.map((h) => [h.slug, h.id])]);
}

export class Compiler {
  private readonly cache = new Map<string, CachedNote>();
  private results = new Map<string, NoteResult>();
  private attachmentKeys = new Set<string>();
  /** Size and time of each attachment at the last compile: a replaced file renders its users again. */
  private attachmentStamps = new Map<string, string>();
  private readonly text = new Map<string, PageText>();
  private dates: Map<string, string> | undefined;
  /** Whether the last compile found a course (`isCourseVault`). */
  private course: boolean | undefined;
  readonly diagnostics: Diagnostics;

  constructor(private readonly options: CompileOptions) {
    this.diagnostics = options.diagnostics ?? new Diagnostics();
  }

  /** Compiles the vault (only what changed, after the first call). */
  compile(): Compiled {
    const steps = this.steps();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same, giving the event loop a turn every few notes, so work that runs beside the
   * compile (the search index in its own process) gets what `onRendered` hands it at once.
   */
  async compileAsync(notesPerTurn = 16): Promise<Compiled> {
    const steps = this.steps();
    for (let n = 1; ; n++) {
      const step = steps.next();
      if (step.done) return step.value;
      if (n % notesPerTurn === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** One step per rendered note, then the result. */
  private *steps(): Generator<void, Compiled, void> {
    const options = this.options;
    const vault = loadVault({ root: options.contentDir, assetsDir: options.assetsDir, cache: this.cache });
    // Course rules run only on a course; when that changes, every note's rules run again.
    const isCourse = isCourseVault(vault.notes);
    if (this.course !== undefined && this.course !== isCourse) this.results = new Map();
    this.course = isCourse;
    const stamps = attachmentStamps(vault);
    const toRender = this.affected(vault, stamps);

    const sink = new NoteDiagnostics();
    const md = createMarkdown({ vault, diagnostics: sink, renderImage: options.renderImage, allowHtmlScripts: options.allowHtmlScripts });
    let parser: MarkdownIt | undefined;
    const results = new Map<string, NoteResult>();
    let attachmentsByPath: Map<string, Attachment> | undefined;
    for (const note of vault.notes) {
      const kept = this.results.get(note.rel);
      if (kept && kept.note === note && !toRender.has(note.rel)) {
        // Each scan makes new attachment objects: a kept note's facts point at this scan's.
        attachmentsByPath ??= new Map(vault.attachments.map((a) => [a.abs, a]));
        results.set(note.rel, withCurrentAttachments(kept, attachmentsByPath));
        continue;
      }
      sink.target = [];
      let html: string | undefined;
      let links: string[] = [];
      let parsed;
      if (note.unpublished) {
        // Drafts are not rendered; they only count for the attachments they use.
        parsed = parseNote((parser ??= createMarkdown({ vault, highlight: false })), note);
      } else {
        const r = renderNote(md, note);
        html = r.html;
        links = r.env.links.map((l) => l.target.rel);
        parsed = r;
      }
      const scan = scanNote(note, parsed);
      if (!note.unpublished) checkNoteRules(scan, sink, { course: isCourse });
      results.set(note.rel, { note, shape: shapeOf(note), refs: kept?.note === note ? kept.refs : noteRefs(note.body), html, links, facts: noteFacts(vault, scan), diagnostics: sink.target });
      if (html !== undefined) options.onRendered?.(note, html);
      yield;
    }
    this.results = results;
    this.attachmentKeys = new Set(vault.attachments.map((a) => nameKey(a.name)));
    this.attachmentStamps = stamps;

    const diagnostics = this.diagnostics;
    diagnostics.clear();
    checkVault(vault, diagnostics);
    const html = new Map<string, string>();
    const links = new Map<string, string[]>();
    const facts: NoteFacts[] = [];
    const publishedAttachments = new Set<Attachment>();
    for (const r of results.values()) {
      for (const d of r.diagnostics) diagnostics.add(d);
      if (r.html !== undefined) {
        html.set(r.note.rel, r.html);
        links.set(r.note.rel, r.links);
        for (const a of r.facts.attachments) publishedAttachments.add(a);
      }
      facts.push(r.facts);
    }
    checkVaultRules(vault, facts, diagnostics, { course: isCourse });
    if (options.gitDates !== false) this.dates ??= gitDates(vault.root);
    for (const rel of this.text.keys()) if (!html.has(rel)) this.text.delete(rel);
    const course = buildCourse({ notes: vault.notes, links, html, updated: this.dates, title: options.title, text: this.text, folderUrls: vault.folderUrls });
    const rendered = new Set([...toRender].filter((rel) => html.has(rel)));
    return { vault, course, diagnostics, rendered, publishedAttachments };
  }

  /**
   * Vault paths of the notes to render: new and changed notes, plus every note whose page
   * may differ because of them. On the first compile, every note.
   */
  private affected(vault: Vault, stamps: Map<string, string>): Set<string> {
    const previous = this.results;
    const out = new Set<string>();
    if (previous.size === 0) {
      for (const n of vault.notes) out.add(n.rel);
      return out;
    }
    // Keys whose meaning changed: any note that refers to one of them renders again.
    const keys = new Set<string>();
    // Notes whose text changed: notes that transclude them render again.
    const changed: Note[] = [];
    const current = new Set<string>();
    for (const note of vault.notes) {
      current.add(note.rel);
      const kept = previous.get(note.rel);
      if (kept?.note === note && kept.shape === shapeOf(note)) continue;
      out.add(note.rel);
      changed.push(note);
      if (kept && kept.shape === shapeOf(note)) continue;
      // New, or seen differently from outside: a new title, heading, alias or URL.
      for (const k of ownKeys(note)) keys.add(k);
      if (kept) for (const k of ownKeys(kept.note)) keys.add(k);
    }
    for (const [rel, kept] of previous) {
      if (current.has(rel)) continue;
      for (const k of ownKeys(kept.note)) keys.add(k);
      changed.push(kept.note);
    }
    const attachments = new Set(vault.attachments.map((a) => nameKey(a.name)));
    for (const k of attachments) if (!this.attachmentKeys.has(k)) keys.add(k);
    for (const k of this.attachmentKeys) if (!attachments.has(k)) keys.add(k);
    // A file replaced in place (a fixed image): its size and time tell, and its users render again.
    for (const a of vault.attachments) {
      const before = this.attachmentStamps.get(a.abs);
      if (before !== undefined && before !== stamps.get(a.abs)) keys.add(nameKey(a.name));
    }

    // Who refers to a key, and who transcludes it: from the references kept with each note.
    const linkers = new Map<string, string[]>();
    const embedders = new Map<string, string[]>();
    for (const [rel, kept] of previous) {
      if (!current.has(rel)) continue;
      for (const k of kept.refs.links) push(linkers, k, rel);
      for (const k of kept.refs.embeds) push(embedders, k, rel);
    }
    for (const k of keys) for (const rel of linkers.get(k) ?? []) out.add(rel);
    // Transclusion: a note that embeds a changed note shows its text, and so on upwards.
    const queue = changed.flatMap((n) => ownKeys(n));
    const seen = new Set<string>();
    while (queue.length) {
      for (const rel of embedders.get(queue.pop()!) ?? []) {
        if (seen.has(rel)) continue;
        seen.add(rel);
        out.add(rel);
        queue.push(...ownKeys(previous.get(rel)!.note));
      }
    }
    return out;
  }
}

/** A kept result whose facts name the attachments of the current scan (the same files, new objects). */
function withCurrentAttachments(kept: NoteResult, byPath: Map<string, Attachment>): NoteResult {
  const attachments = new Set<Attachment>();
  let same = true;
  for (const a of kept.facts.attachments) {
    const now = byPath.get(a.abs);
    if (now !== a) same = false;
    if (now) attachments.add(now);
  }
  return same ? kept : { ...kept, facts: { ...kept.facts, attachments } };
}

/** `size:mtime` of every attachment by absolute path (one stat each; a vanished file has none). */
function attachmentStamps(vault: Vault): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of vault.attachments) {
    try {
      const s = statSync(a.abs);
      out.set(a.abs, `${s.size}:${s.mtimeMs}`);
    } catch {
      // Gone between the scan and now: the next compile sees it missing.
    }
  }
  return out;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Compiles the vault once (the content check, the tests). */
export function compile(options: CompileOptions): Compiled {
  return new Compiler(options).compile();
}
