/**
 * Content rules for the Docker code in lessons: Dockerfiles (parsed and validated by
 * dockerfile-utils), Compose files in ```yaml blocks, the retired `docker-compose` command,
 * and `docker` commands that do not exist (the command tree is in `docker-cli.ts`).
 * Blocks whose info string holds `nocheck` are skipped.
 */
import { isMap, isScalar, parseDocument } from "yaml";
import type { Diagnostics, Severity } from "../diagnostics/index.ts";
import { lintDockerfile } from "../labs/dockerfile-lint.ts";
import { labs } from "../site/strings-labs.ts";
import { closest } from "../vault/slug.ts";
import { checkInvocation, DOCKER_NOUNS, findDockerInvocations } from "./docker-cli.ts";
import { inlineCodeSpans, type CodeBlock, type ScannedNote } from "./scan.ts";

import { COMPOSE_TOP_LEVEL_KEYS } from "../labs/compose.ts";

/** Top-level keys of the Compose specification, shared with the Compose map. */
export { COMPOSE_TOP_LEVEL_KEYS };

/** Languages of code blocks whose lines are shell commands. */
const SHELL_LANGS = new Set(["bash", "sh", "shell", "zsh", "console", "terminal", "powershell", "pwsh", "ps1", "ps", "cmd", "bat"]);
const DOCKERFILE_LANGS = new Set(["dockerfile", "containerfile", "docker"]);
const YAML_LANGS = new Set(["yaml", "yml", "compose"]);
const DOCKERFILE_INSTRUCTIONS = ["FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"];

/** Column offset of a code block's content inside its source line (blockquotes, lists). */
function indentOf(lines: string[], fileLine: number, content: string): number {
  const src = lines[fileLine - 1] ?? "";
  return content && src.endsWith(content) ? src.length - content.length : 0;
}

export function checkDockerfile(scan: ScannedNote, block: CodeBlock, diagnostics: Diagnostics): void {
  const codeLines = block.content.split("\n");
  // The same rule as the Dockerfile explorer's (src/labs/dockerfile-lint.ts); a missing FROM is skipped there.
  for (const d of lintDockerfile(block.content)) {
    const line = block.firstLine + d.line;
    const column = indentOf(scan.lines, line, codeLines[d.line] ?? "") + d.character + 1;
    const unknown = /^Unknown instruction: (\S+)/.exec(d.message);
    // The explorer's Dutch words for the problem; dockerfile-utils' own (English) text when it has none.
    const known = d.code !== undefined ? labs.dockerfile.lint[d.code] : undefined;
    const text = known ? (unknown ? `${known.replace(/\.$/, "")}: ${unknown[1]}.` : known) : labs.dockerfile.lintGeneric(d.message);
    const guess = unknown ? closest(unknown[1]!.toUpperCase(), DOCKERFILE_INSTRUCTIONS) : undefined;
    const instructions = unknown ? DOCKERFILE_INSTRUCTIONS.join(", ") : undefined;
    diagnostics.report(d.severity, "dockerfile", { file: scan.note.file, line, column }, { text, guess, instructions });
  }
}

export function checkCompose(scan: ScannedNote, block: CodeBlock, diagnostics: Diagnostics): void {
  if (!/^services[ \t]*:/m.test(block.content)) return;
  const file = scan.note.file;
  const doc = parseDocument(block.content, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => block.firstLine + block.content.slice(0, offset).split("\n").length - 1;
  /** Column of a top-level key: where the block's content starts on that source line. */
  const column = (line: number) => indentOf(scan.lines, line, block.content.split("\n")[line - block.firstLine] ?? "") + 1;
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const offset = Math.min(err.pos[0], block.content.length);
    const before = block.content.slice(0, offset);
    const line = lineOf(offset);
    const column = indentOf(scan.lines, line, block.content.split("\n")[line - block.firstLine] ?? "") + offset - (before.lastIndexOf("\n") + 1) + 1;
    diagnostics.report("error", "compose-yaml", { file, line, column }, { error: err.message.split("\n")[0]! });
    return;
  }
  if (!isMap(doc.contents)) return;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const line = lineOf(pair.key.range?.[0] ?? 0);
    if (key === "version") {
      diagnostics.report("warning", "compose-version", { file, line, column: column(line) }, {});
    } else if (!COMPOSE_TOP_LEVEL_KEYS.includes(key) && !key.startsWith("x-")) {
      const guess = closest(key, COMPOSE_TOP_LEVEL_KEYS);
      diagnostics.report("warning", "compose-unknown-key", { file, line, column: column(line) }, { key, guess, keys: COMPOSE_TOP_LEVEL_KEYS.join(", ") });
    }
  }
}

const COMPOSE_V1 = /(?<![\w./-])docker-compose(?![\w.-])/;
/** In inline code only a command counts (`docker-compose up`); the bare name is text about the old tool. */
const COMPOSE_V1_COMMAND = /(?<![\w./-])docker-compose[ \t]+[\w-]/;

export function checkComposeCommand(scan: ScannedNote, diagnostics: Diagnostics): void {
  const report = (line: number, column: number) =>
    diagnostics.report("warning", "docker-compose-v1", { file: scan.note.file, line, column }, {});
  for (const block of scan.blocks) {
    if (block.nocheck) continue;
    const n = block.content.split("\n").length - (block.content.endsWith("\n") ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const line = block.firstLine + i;
      const m = COMPOSE_V1.exec(scan.lines[line - 1] ?? "");
      if (m) report(line, m.index + 1);
    }
  }
  scan.lines.forEach((raw, i) => {
    if (scan.code[i]) return;
    for (const [a, b] of inlineCodeSpans(raw)) {
      const m = COMPOSE_V1_COMMAND.exec(raw.slice(a, b));
      if (m) return void report(i + 1, a + m.index + 1);
    }
  });
}

/** A wrong option of a quiz question (`> - [ ] ...`): wrong on purpose, so its commands are not checked. */
const WRONG_QUIZ_OPTION = /^\s*(?:>\s*)+[-*+] \[ \]/;

/**
 * `docker` commands that do not exist, in shell code blocks and in inline code such as
 * `docker ps`. Blocks marked `nocheck` and the wrong options of quiz questions are skipped.
 * Inline code can be a phrase (`docker engine`), so there only a near miss of a real command
 * is reported: a typo, not a word.
 */
export function checkDockerCommands(scan: ScannedNote, diagnostics: Diagnostics): void {
  const check = (text: string, line: number, offset: number, inline = false) => {
    for (const inv of findDockerInvocations(text)) {
      const unknown = checkInvocation(inv, closest);
      if (!unknown) continue;
      if (inline && (!unknown.suggestion || DOCKER_NOUNS.has(unknown.command.split(" ").at(-1)!))) continue;
      diagnostics.report("warning", "docker-command", { file: scan.note.file, line, column: offset + unknown.column + 1 }, { command: unknown.command, suggestion: unknown.suggestion, inCodeBlock: !inline });
    }
  };
  for (const block of scan.blocks) {
    if (block.nocheck || !SHELL_LANGS.has(block.lang)) continue;
    block.content.replace(/\n$/, "").split("\n").forEach((_, i) => check(scan.lines[block.firstLine + i - 1] ?? "", block.firstLine + i, 0));
  }
  scan.lines.forEach((raw, i) => {
    if (scan.code[i] || WRONG_QUIZ_OPTION.test(raw)) return;
    for (const [a, b] of inlineCodeSpans(raw)) {
      const ticks = /^`+/.exec(raw.slice(a, b))![0].length;
      const inner = raw.slice(a + ticks, b - ticks);
      const pad = inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() ? 1 : 0;
      const code = inner.slice(pad, inner.length - pad);
      if (/^docker\s/.test(code)) check(code, i + 1, a + ticks + pad, true);
    }
  });
}

export function checkCode(scan: ScannedNote, diagnostics: Diagnostics): void {
  for (const block of scan.blocks) {
    if (block.nocheck) continue;
    if (DOCKERFILE_LANGS.has(block.lang)) checkDockerfile(scan, block, diagnostics);
    else if (YAML_LANGS.has(block.lang)) checkCompose(scan, block, diagnostics);
  }
  checkComposeCommand(scan, diagnostics);
  checkDockerCommands(scan, diagnostics);
}
