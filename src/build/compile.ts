/**
 * Compiles the course without Eleventy: vault index, vault-level checks, every note
 * rendered once with the shared parser, and the course model. The Eleventy plugin and the
 * content check both call this; neither has a second implementation of any step.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { Diagnostics } from "../diagnostics/index.ts";
import { runContentRules } from "../check/rules.ts";
import { buildCourse, type Course } from "../course/index.ts";
import type { ImageRequest } from "../images/index.ts";
import { createMarkdown, renderNote, type RenderedNote, type RenderEnv } from "../markdown/index.ts";
import { loadVault, type Vault } from "../vault/index.ts";

export interface CompileOptions {
  /** Content folder (Obsidian vault). */
  contentDir: string;
  /** Shared assets folder served at `/_assets/`. */
  assetsDir?: string;
  diagnostics?: Diagnostics;
  renderImage?: (req: ImageRequest) => string;
  /** Look up each page's last change in git. Default `true`. */
  gitDates?: boolean;
  title?: string;
}

export interface Compiled {
  vault: Vault;
  course: Course;
  diagnostics: Diagnostics;
  /** Render environments per note rel path (links, ...). */
  envs: Map<string, RenderEnv>;
}

/** Problems that concern the vault as a whole rather than one line of Markdown. */
export function checkVault(vault: Vault, diagnostics: Diagnostics): void {
  for (const note of vault.notes) {
    for (const p of note.frontMatterProblems) diagnostics.add({ severity: p.severity, file: note.file, line: p.line, column: p.column, rule: p.rule, message: p.message, hint: p.hint });
  }
  for (const conflict of vault.urlConflicts) {
    const [first, ...others] = conflict.notes;
    for (const other of others) {
      diagnostics.error(other.file, 1, "url-conflict", `page maps to URL ${conflict.url}, like ${first!.file}; published at ${other.url} instead`, "Rename one of the two files so their names differ in letters or digits.");
    }
  }
  for (const group of vault.duplicateNames()) {
    const files = group.map((n) => n.file).join(" and ");
    for (const note of group.slice(1)) {
      diagnostics.warn(note.file, 1, "duplicate-name", `two pages are named "${note.name}": ${files}; [[${note.name}]] is ambiguous`, "Rename one of them: Obsidian links by file name.");
    }
  }
  for (const note of vault.notes) {
    if (note.unpublished) diagnostics.info(note.file, note.keyLines.get(note.unpublished.split(":")[0]!) ?? 1, "unpublished", `not published (${note.unpublished})`);
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

export function compile(options: CompileOptions): Compiled {
  const diagnostics = options.diagnostics ?? new Diagnostics();
  const vault = loadVault({ root: options.contentDir, assetsDir: options.assetsDir });
  checkVault(vault, diagnostics);
  const md = createMarkdown({ vault, diagnostics, renderImage: options.renderImage });
  const html = new Map<string, string>();
  const links = new Map<string, string[]>();
  const envs = new Map<string, RenderEnv>();
  const rendered = new Map<string, RenderedNote>();
  for (const note of vault.published) {
    const r = renderNote(md, note);
    html.set(note.rel, r.html);
    links.set(note.rel, r.env.links.map((l) => l.target.rel));
    envs.set(note.rel, r.env);
    rendered.set(note.rel, r);
  }
  // The content rules reuse each page's tokens and the attachments its render resolved.
  runContentRules(vault, diagnostics, { rendered });
  const course = buildCourse({
    notes: vault.notes,
    links,
    html,
    updated: options.gitDates === false ? undefined : gitDates(vault.root),
    title: options.title,
  });
  return { vault, course, diagnostics, envs };
}
