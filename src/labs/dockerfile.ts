/**
 * The Dockerfile explorer's model: which instructions make a layer, the stages of a
 * multi-stage build and what reaches the final image, and a simulation of Docker's build
 * cache. Pure logic (dockerfile-ast for parsing), used at build time and in the browser.
 *
 * The cache follows Docker's rules: every step has a key made of its parent step's key and
 * the text of the instruction; COPY and ADD add the checksums of the files they copy, and
 * `COPY --from` the result of the other stage. A step is a cache hit when the previous build
 * made a step with the same key. So after the first miss in a stage every later step misses
 * (its parent is new), a new base image invalidates the whole stage, and a global `ARG` only
 * matters through the FROM lines that use it.
 */
import { DockerfileParser } from "dockerfile-ast";

export type StepKind = "from" | "layer" | "meta" | "arg";

export interface Step {
  /** 0-based index in `model.steps`. */
  index: number;
  /** 0-based first and last line. */
  line: number;
  endLine: number;
  keyword: string;
  /** The arguments with whitespace and line continuations folded: what the cache compares. */
  args: string;
  kind: StepKind;
  /** Stage index, or -1 for an ARG before the first FROM. */
  stage: number;
  /** COPY/ADD: the sources in the build context (not for `--from`). */
  sources: string[];
  /** COPY --from: the stage index it copies from, or the image name when it is no stage. */
  from?: number | string;
}

export interface Stage {
  index: number;
  name?: string;
  /** The base as written (`node:22-alpine`, `${BASE}`, or another stage's name). */
  base: string;
  /** The base with global ARG defaults filled in. */
  resolvedBase: string;
  /** Index of the earlier stage it builds on (`FROM build AS test`). */
  baseStage?: number;
  /** Indices of its steps, FROM first. */
  steps: number[];
  final: boolean;
  /** Needed for the final image (the final stage, and stages it copies from or builds on). */
  used: boolean;
}

export interface DockerfileModel {
  steps: Step[];
  stages: Stage[];
  /** Global ARGs (before the first FROM) with their default value. */
  globalArgs: Record<string, string>;
}

const LAYER = new Set(["RUN", "COPY", "ADD"]);

/** Splits arguments on whitespace, keeping quoted parts and JSON arrays' items. */
function words(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      /* not JSON: fall through */
    }
  }
  return trimmed.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^["']|["']$/g, "")) ?? [];
}

function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)/g, (m, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    return vars[name] ?? def ?? (m.startsWith("${") ? "" : m);
  });
}

export function parseDockerfile(content: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(content);
  const lines = content.split(/\r?\n/);
  const steps: Step[] = [];
  const stages: Stage[] = [];
  const globalArgs: Record<string, string> = {};
  const names = new Map<string, number>();
  for (const ins of dockerfile.getInstructions()) {
    const keyword = ins.getKeyword().toUpperCase();
    const range = ins.getRange();
    // The instruction's own text (getArgumentsContent() leaves out flags such as --from).
    const text = lines.slice(range.start.line, range.end.line + 1).join("\n").slice(range.start.character);
    const raw = text.slice(text.search(/\s|$/));
    const args = raw.replace(/\\\r?\n/g, " ").replace(/^\s*#.*$/gm, "").replace(/\s+/g, " ").trim();
    const index = steps.length;
    if (keyword === "FROM") {
      const w = words(args).filter((x) => !x.startsWith("--"));
      const base = w[0] ?? "";
      const name = w[1]?.toUpperCase() === "AS" ? w[2] : undefined;
      const resolvedBase = substitute(base, globalArgs);
      const baseStage = names.get(resolvedBase.toLowerCase());
      const stage: Stage = { index: stages.length, base, resolvedBase, steps: [index], final: false, used: false };
      if (name) stage.name = name;
      if (baseStage !== undefined) stage.baseStage = baseStage;
      if (name) names.set(name.toLowerCase(), stage.index);
      stages.push(stage);
      steps.push({ index, line: range.start.line, endLine: range.end.line, keyword, args, kind: "from", stage: stage.index, sources: [] });
      continue;
    }
    const stage = stages.length - 1;
    const step: Step = { index, line: range.start.line, endLine: range.end.line, keyword, args, kind: LAYER.has(keyword) ? "layer" : keyword === "ARG" && stage < 0 ? "arg" : "meta", stage, sources: [] };
    if (keyword === "ARG" && stage < 0) {
      for (const w of words(args)) {
        const [name, value] = w.split("=", 2) as [string, string | undefined];
        globalArgs[name] = value ?? "";
      }
    }
    if (keyword === "COPY" || keyword === "ADD") {
      const w = words(args);
      const flags = w.filter((x) => x.startsWith("--"));
      const rest = w.filter((x) => !x.startsWith("--"));
      const from = flags.find((f) => f.startsWith("--from="))?.slice(7);
      if (from !== undefined) step.from = /^\d+$/.test(from) ? Number(from) : (names.get(from.toLowerCase()) ?? from);
      else step.sources = rest.slice(0, -1);
    }
    steps.push(step);
    if (stage >= 0) stages[stage]!.steps.push(index);
  }
  // What the final image needs: the last stage, and every stage it builds on or copies from.
  const mark = (i: number) => {
    const stage = stages[i];
    if (!stage || stage.used) return;
    stage.used = true;
    if (stage.baseStage !== undefined) mark(stage.baseStage);
    for (const s of stage.steps) if (typeof steps[s]!.from === "number") mark(steps[s]!.from as number);
  };
  if (stages.length) {
    stages.at(-1)!.final = true;
    mark(stages.length - 1);
  }
  return { steps, stages, globalArgs };
}

/** Converts a COPY source (`.`, `src/`, `package*.json`) to a test on a path in the build context. */
export function sourceMatches(source: string, file: string): boolean {
  const src = source.replace(/^\.\//, "").replace(/\/+$/, "");
  const path = file.replace(/^\.\//, "");
  if (src === "" || src === ".") return true;
  const glob = new RegExp("^" + src.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]") + "(/.*)?$");
  return glob.test(path);
}

/** What the student says changed since the previous build. */
export interface Changes {
  /** Paths in the build context whose content changed (`package.json`, `src/app.js`). */
  files?: string[];
  /** Base images (as resolved in FROM) of which a new version was pulled. */
  bases?: string[];
  /** Steps marked as changed by hand (indices). */
  steps?: number[];
}

export type Reason =
  | { code: "hit" | "hitFiles" | "hitRun" | "text" | "base" | "marked" | "skip" | "none" }
  | { code: "files"; files: string[] }
  | { code: "after"; line: number }
  | { code: "arg"; name: string }
  | { code: "stage"; stage: string };

export interface StepResult {
  status: "hit" | "miss" | "skip" | "none";
  reason: Reason;
}

export interface Simulation {
  results: StepResult[];
  hits: number;
  misses: number;
}

const FILE_VERSION_NEW = "#changed";

/** Cache keys of every step of a build, and the key of each stage's last step. */
function keys(model: DockerfileModel, changes: Changes): { step: string[]; stage: string[]; textOnly: string[] } {
  const files = changes.files ?? [];
  const bases = new Set(changes.bases ?? []);
  const marked = new Set(changes.steps ?? []);
  const step: string[] = [];
  const stage: string[] = [];
  const textOnly: string[] = [];
  for (const s of model.stages) {
    let parent = "";
    for (const i of s.steps) {
      const st = model.steps[i]!;
      const text = `${st.keyword} ${st.args}${marked.has(i) ? FILE_VERSION_NEW : ""}`;
      let key: string;
      if (st.kind === "from") {
        if (s.baseStage !== undefined) key = `stage(${stage[s.baseStage]})`;
        else key = `image(${s.resolvedBase})${bases.has(s.resolvedBase) ? FILE_VERSION_NEW : ""}${marked.has(i) ? FILE_VERSION_NEW : ""}`;
        textOnly[i] = s.baseStage !== undefined ? key : `image(${s.resolvedBase})`;
      } else {
        textOnly[i] = `${parent}\n${text}`;
        key = textOnly[i]!;
        if (typeof st.from === "number") key += `@stage(${stage[st.from] ?? ""})`;
        for (const src of st.sources) for (const f of files) if (sourceMatches(src, f)) key += `@${f}${FILE_VERSION_NEW}`;
      }
      step[i] = key;
      parent = key;
    }
    stage[s.index] = parent;
  }
  return { step, stage, textOnly };
}

/**
 * Which steps of `current` come from the cache that building `previous` left behind, given
 * the changes the student declared. `previous` defaults to `current` (an unchanged file).
 */
export function simulateCache(current: DockerfileModel, changes: Changes = {}, previous: DockerfileModel = current): Simulation {
  const before = keys(previous, {});
  const cache = new Set(before.step);
  const textCache = new Set(before.textOnly);
  const now = keys(current, changes);
  const results: StepResult[] = current.steps.map(() => ({ status: "none", reason: { code: "none" } }));
  let hits = 0;
  let misses = 0;
  for (const stage of current.stages) {
    let firstMiss: Step | undefined;
    for (const i of stage.steps) {
      const st = current.steps[i]!;
      if (!stage.used) {
        results[i] = { status: "skip", reason: { code: "skip" } };
        continue;
      }
      const hit = cache.has(now.step[i]!);
      let reason: Reason;
      if (hit) reason = { code: st.sources.length ? "hitFiles" : st.keyword === "RUN" && (changes.files?.length ?? 0) > 0 ? "hitRun" : "hit" };
      else if (firstMiss) reason = { code: "after", line: firstMiss.line + 1 };
      else if (changes.steps?.includes(i)) reason = { code: "marked" };
      else if (st.kind === "from") {
        const argName = /\$\{?(\w+)/.exec(stage.base)?.[1];
        if (stage.baseStage !== undefined) reason = { code: "stage", stage: current.stages[stage.baseStage]!.name ?? String(stage.baseStage) };
        else if (argName && stage.base !== stage.resolvedBase && !textCache.has(now.textOnly[i]!)) reason = { code: "arg", name: argName };
        else if (textCache.has(now.textOnly[i]!)) reason = { code: "base" };
        else reason = { code: "text" };
      } else if (!textCache.has(now.textOnly[i]!)) reason = { code: "text" };
      else if (typeof st.from === "number") reason = { code: "stage", stage: current.stages[st.from]!.name ?? String(st.from) };
      else reason = { code: "files", files: (changes.files ?? []).filter((f) => st.sources.some((s) => sourceMatches(s, f))) };
      if (!hit && !firstMiss) firstMiss = st;
      results[i] = { status: hit ? "hit" : "miss", reason };
      if (hit) hits++;
      else misses++;
    }
  }
  return { results, hits, misses };
}

export type TipCode = "latest" | "copyAllBeforeInstall" | "addLocal" | "aptLists";

export interface Tip {
  line: number;
  code: TipCode;
  /** For copyAllBeforeInstall: the 1-based line of the install step. */
  installLine?: number;
}

const INSTALL = /\b(npm (ci|install|i)\b|yarn( install)?\s*($|&&)|pnpm (i|install)\b|pip3? install -r|composer install|bundle install|go mod download|mvn .*(package|install|dependency))/;

/** Good-practice tips for the explorer (not part of `npm run check`: lessons show bad examples on purpose). */
export function dockerfileTips(model: DockerfileModel): Tip[] {
  const tips: Tip[] = [];
  for (const stage of model.stages) {
    const from = model.steps[stage.steps[0]!]!;
    if (stage.baseStage === undefined && stage.resolvedBase !== "scratch" && !/[:@]/.test(stage.resolvedBase.replace(/^[^/]*:\d+\//, "")) || /:latest$/.test(stage.resolvedBase)) tips.push({ line: from.line, code: "latest" });
    let copyAll: Step | undefined;
    for (const i of stage.steps) {
      const st = model.steps[i]!;
      if (st.keyword === "COPY" && st.sources.some((s) => s === "." || s === "./")) copyAll ??= st;
      if (st.keyword === "RUN" && INSTALL.test(st.args) && copyAll) {
        tips.push({ line: copyAll.line, code: "copyAllBeforeInstall", installLine: st.line + 1 });
        copyAll = undefined;
      }
      if (st.keyword === "ADD" && st.sources.length && st.sources.every((s) => !/^(https?:|git@)/.test(s) && !/\.(tar|tgz|tar\.\w+)$/.test(s))) tips.push({ line: st.line, code: "addLocal" });
      if (st.keyword === "RUN" && /apt-get install/.test(st.args) && !/\/var\/lib\/apt\/lists/.test(st.args)) tips.push({ line: st.line, code: "aptLists" });
    }
  }
  return tips.sort((a, b) => a.line - b.line);
}

export type SizeHint = "arg" | "packages" | "deps" | "build" | "run" | "copyAll" | "copy" | "copyFrom" | "url" | "meta" | "base";

/** Roughly what a step adds to the image. */
export function sizeHint(step: Step): SizeHint {
  if (step.kind === "from") return "base";
  if (step.kind === "arg") return "arg";
  if (step.kind !== "layer") return "meta";
  if (step.keyword === "RUN") {
    if (/\b(apt-get|apt|apk|yum|dnf|microdnf) (-\S+ )*(install|add)\b/.test(step.args)) return "packages";
    if (INSTALL.test(step.args)) return "deps";
    if (/\b(npm run build|go build|mvn|gradle|cargo build|dotnet publish|make)\b/.test(step.args)) return "build";
    return "run";
  }
  if (step.from !== undefined) return "copyFrom";
  if (step.sources.some((s) => /^https?:/.test(s))) return "url";
  if (step.sources.some((s) => s === "." || s === "./")) return "copyAll";
  return "copy";
}
