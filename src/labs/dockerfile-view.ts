/**
 * HTML of the Dockerfile explorer's layer stack: stages, steps with their kind, rough size,
 * cache status and reason, and the lint messages and tips next to the step of their line.
 * The same function renders the build-time view (no cache status) and every update in the
 * browser.
 */
import { labs } from "../site/strings-labs.ts";
import { dockerfileTips, sizeHint, type DockerfileModel, type Reason, type Simulation, type Step } from "./dockerfile.ts";
import type { DockerfileProblem } from "./dockerfile-lint.ts";
import { cut, esc } from "./html.ts";

const s = labs.dockerfile;

/** The lesson section a lab explains (fence option `les=`), resolved at build time. */
export interface ReadLink {
  href: string;
  title: string;
}

export interface ViewOptions {
  /** Every reason and tip ends with a link to this section. */
  read?: ReadLink;
  /** In the browser: steps marked as changed; with it every step gets its toggle. */
  marked?: ReadonlySet<number>;
}

function readHtml(read: ReadLink | undefined): string {
  return read ? ` <a class="lab-read" href="${esc(read.href)}">${esc(s.read(read.title))}</a>` : "";
}

function reasonText(reason: Reason): string {
  switch (reason.code) {
    case "none":
      return "";
    case "files":
      return s.reasons.files(reason.files.join(", "));
    case "after":
      return s.reasons.after(reason.line);
    case "arg":
      return s.reasons.arg(reason.name);
    case "stage":
      return s.reasons.stage(reason.stage);
    default:
      return s.reasons[reason.code];
  }
}

function sizeText(step: Step, model: DockerfileModel): string {
  const hint = sizeHint(step);
  if (hint === "copy") return s.size.copy(step.sources.join(" "));
  if (hint === "copyFrom") return s.size.copyFrom(typeof step.from === "number" ? (model.stages[step.from]?.name ?? String(step.from)) : String(step.from));
  return s.size[hint];
}

interface Note {
  line: number;
  kind: "error" | "warning" | "tip";
  text: string;
}

/** Lint messages (in Dutch) and tips, by line. */
export function dockerfileNotes(model: DockerfileModel, problems: DockerfileProblem[]): Note[] {
  const notes: Note[] = problems.map((p) => ({ line: p.line, kind: p.severity, text: (p.code !== undefined ? s.lint[p.code] : undefined) ?? s.lintGeneric(p.message) }));
  for (const tip of dockerfileTips(model)) {
    const text = tip.code === "copyAllBeforeInstall" ? s.tips.copyAllBeforeInstall(tip.installLine ?? 0) : s.tips[tip.code];
    notes.push({ line: tip.line, kind: "tip", text });
  }
  return notes.sort((a, b) => a.line - b.line);
}

function noteHtml(n: Note, read?: ReadLink): string {
  const label = n.kind === "error" ? s.error : n.kind === "warning" ? s.warning : s.tip;
  return `<p class="lab-note lab-note-${n.kind}"><span class="lab-note-label">${esc(label)} (${esc(s.line(n.line + 1))}):</span> ${esc(n.text)}${n.kind === "tip" ? readHtml(read) : ""}</p>`;
}

function markHtml(step: Step, marked: ReadonlySet<number> | undefined): string {
  if (!marked || step.stage < 0) return "";
  return `<button type="button" class="lab-mark" data-lab-mark="${step.index}" aria-pressed="${marked.has(step.index)}">${esc(s.mark)}<span class="visually-hidden">${esc(s.markStep(step.line + 1))}</span></button>`;
}

function stepHtml(step: Step, model: DockerfileModel, sim: Simulation | undefined, notes: Note[], opts: ViewOptions): string {
  const result = sim?.results[step.index];
  const status = result && result.status !== "none" ? result.status : "";
  const lines = step.endLine > step.line ? `${s.line(step.line + 1)}–${step.endLine + 1}` : s.line(step.line + 1);
  const own = notes.filter((n) => n.line >= step.line && n.line <= step.endLine);
  const why = result ? reasonText(result.reason) : "";
  return (
    `<li class="lab-step lab-kind-${step.kind}${status ? ` lab-${status}` : ""}" data-line="${step.line}">` +
    (status ? `<span class="lab-status">${esc(s.status[status] ?? "")}</span>` : "") +
    `<code class="lab-ins">${esc(cut(`${step.keyword} ${step.args}`, 120))}</code>` +
    `<span class="lab-meta">${esc(lines)} · ${esc(s.kind[step.kind] ?? "")} · ${esc(sizeText(step, model))}</span>` +
    markHtml(step, opts.marked) +
    (why ? `<span class="lab-why">${esc(why)}${result?.status === "miss" ? readHtml(opts.read) : ""}</span>` : "") +
    own.map((n) => noteHtml(n, opts.read)).join("") +
    `</li>`
  );
}

/** The layer stack, lint notes and (with a simulation) the cache summary. */
export function renderDockerfileStack(model: DockerfileModel, problems: DockerfileProblem[], sim?: Simulation, opts: ViewOptions = {}): string {
  const notes = dockerfileNotes(model, problems);
  const parts: string[] = [];
  if (sim) parts.push(`<p class="lab-summary">${esc(s.summary(sim.hits, sim.misses))}</p>`);
  parts.push(`<ol class="lab-stack">`);
  const globals = model.steps.filter((st) => st.stage < 0);
  if (globals.length) {
    parts.push(`<li class="lab-stage lab-stage-args"><p class="lab-stage-title">${esc(s.globalArgs)}</p><ol class="lab-steps">${globals.map((st) => stepHtml(st, model, sim, notes, opts)).join("")}</ol></li>`);
  }
  for (const stage of model.stages) {
    const role = stage.final ? s.stageFinal : stage.used ? s.stageUsed : s.stageUnused;
    const cls = stage.final ? "lab-stage-final" : stage.used ? "lab-stage-used" : "lab-stage-unused";
    const layers = stage.steps.filter((i) => model.steps[i]!.kind === "layer").length;
    parts.push(
      `<li class="lab-stage ${cls}"><p class="lab-stage-title"><strong>${esc(s.stage(stage.index + 1, stage.name, stage.base))}</strong>${stage.resolvedBase !== stage.base ? ` (${esc(stage.resolvedBase)})` : ""} <span class="lab-stage-role">${esc(role)}</span></p>` +
        `<ol class="lab-steps">${stage.steps.map((i) => stepHtml(model.steps[i]!, model, sim, notes, opts)).join("")}</ol>` +
        (stage.final ? `<p class="lab-final">${esc(s.finalImage(layers, stage.baseStage !== undefined ? `stage „${model.stages[stage.baseStage]!.name ?? stage.baseStage + 1}”` : stage.resolvedBase))}</p>` : "") +
        `</li>`,
    );
  }
  parts.push(`</ol>`);
  const covered = new Set(model.steps.flatMap((st) => Array.from({ length: st.endLine - st.line + 1 }, (_, k) => st.line + k)));
  const loose = notes.filter((n) => !covered.has(n.line));
  parts.push(`<div class="lab-problems">${loose.map((n) => noteHtml(n, opts.read)).join("")}${notes.length ? "" : `<p class="lab-ok">${esc(s.noProblems)}</p>`}</div>`);
  return parts.join("");
}

/** The inside of the explorer's output box: heading and stack. Build time and browser alike. */
export function renderDockerfileOutput(model: DockerfileModel, problems: DockerfileProblem[], sim?: Simulation, opts: ViewOptions = {}): string {
  return `<p class="lab-subtitle">${esc(s.layers)}</p>${renderDockerfileStack(model, problems, sim, opts)}`;
}
