/**
 * The Dockerfile explorer in the browser (loaded only on pages with a ```dockerfile explore
 * block): the Dockerfile becomes editable, the student says which files changed or whether
 * the base image is new, or marks a step as changed with the toggle next to it, and the layer
 * stack shows after every edit which steps come from the cache and which rebuild, and why
 * (with the link to the lesson section the build resolved, from `data-lab-read`). The logic and the HTML are those of the build
 * (src/labs/), so the first view and every later one agree.
 */
import { labs } from "../site/strings-labs.ts";
import { parseDockerfile, simulateCache, type DockerfileModel } from "../labs/dockerfile.ts";
import { lintDockerfile } from "../labs/dockerfile-lint.ts";
import { renderDockerfileOutput, type ReadLink } from "../labs/dockerfile-view.ts";
import { announce } from "./_announce.ts";
import { labEditor } from "./_lab-editor.ts";

const s = labs.dockerfile;

/**
 * dockerfile-ast checks for a byte-order mark with Node's `Buffer.from(char, "UTF-8")`, its only
 * use of Node; in the browser the UTF-8 bytes of that one character come from TextEncoder.
 */
const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= { from: (text: string) => new TextEncoder().encode(text) };

function checkbox(name: string, value: string, label: string): HTMLLabelElement {
  const wrap = document.createElement("label");
  wrap.className = "lab-check";
  const input = document.createElement("input");
  input.type = "checkbox";
  input.name = name;
  input.value = value;
  const text = document.createElement("span");
  text.textContent = label;
  wrap.append(input, text);
  return wrap;
}

function explorer(root: HTMLElement): void {
  const output = root.querySelector<HTMLElement>("[data-lab-output]");
  if (!output) return;
  const files = (root.dataset.labFiles ?? "").split(",").filter(Boolean);
  const read: ReadLink | undefined = root.dataset.labRead ? { href: root.dataset.labRead, title: root.dataset.labReadTitle ?? "" } : undefined;
  /** Steps the student marked as changed (indices); cleared by a rebuild or a reset. */
  const marked = new Set<number>();
  const controls = document.createElement("fieldset");
  controls.className = "lab-changes";
  const legend = document.createElement("legend");
  legend.textContent = s.changes;
  const fileBox = document.createElement("div");
  fileBox.className = "lab-checks";
  for (const f of files) fileBox.append(checkbox("file", f, s.fileChanged(f)));
  const baseBox = document.createElement("div");
  baseBox.className = "lab-checks";
  const buttons = document.createElement("div");
  buttons.className = "lab-buttons";
  const rebuild = document.createElement("button");
  rebuild.type = "button";
  rebuild.className = "button";
  rebuild.textContent = s.rebuild;
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "button button-secondary";
  reset.textContent = s.reset;
  buttons.append(rebuild, reset);
  controls.append(legend, fileBox, baseBox, buttons);

  let previous: DockerfileModel | undefined;
  let text = "";
  let bases: string[] = [];
  let spoken = "";
  const checked = (box: HTMLElement) => [...box.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
  const update = (speak: boolean) => {
    const model = parseDockerfile(text);
    previous ??= model;
    const wanted = [...new Set(model.stages.filter((st) => st.baseStage === undefined && st.resolvedBase).map((st) => st.resolvedBase))];
    if (wanted.join("\n") !== bases.join("\n")) {
      const keep = new Set(checked(baseBox));
      bases = wanted;
      baseBox.replaceChildren(
        ...bases.map((b) => {
          const l = checkbox("base", b, s.baseChanged(b));
          l.querySelector("input")!.checked = keep.has(b);
          return l;
        }),
      );
    }
    for (const i of marked) if (i >= model.steps.length || model.steps[i]!.stage < 0) marked.delete(i);
    const sim = simulateCache(model, { files: checked(fileBox), bases: checked(baseBox), steps: [...marked] }, previous);
    // The toggle that had focus keeps it when the stack is drawn again.
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-lab-mark]");
    const again = focused && output.contains(focused) ? focused.dataset.labMark : undefined;
    output.innerHTML = renderDockerfileOutput(model, lintDockerfile(text), sim, { read, marked });
    if (again !== undefined) output.querySelector<HTMLElement>(`[data-lab-mark="${again}"]`)?.focus();
    root.dataset.labState = `${sim.hits}/${sim.misses}`;
    // Spoken only when the outcome changes, not after every keystroke.
    const summary = s.summary(sim.hits, sim.misses);
    if (speak && summary !== spoken) announce(summary);
    spoken = summary;
  };
  const editor = labEditor(root, s.editor, s.editorHelp, (value) => {
    text = value;
    update(true);
  }, () => controls.querySelector<HTMLElement>("input, button"));
  if (!editor) return;
  const original = editor.textarea.value;
  text = original;
  root.querySelector(".lab-source")!.after(controls);
  controls.addEventListener("change", () => update(true));
  output.addEventListener("click", (e) => {
    const button = (e.target as Element).closest<HTMLElement>("[data-lab-mark]");
    if (!button) return;
    const i = Number(button.dataset.labMark);
    if (marked.has(i)) marked.delete(i);
    else marked.add(i);
    update(true);
  });
  rebuild.addEventListener("click", () => {
    previous = parseDockerfile(text);
    marked.clear();
    for (const input of controls.querySelectorAll<HTMLInputElement>("input")) input.checked = false;
    update(false);
    announce(s.rebuilt);
  });
  reset.addEventListener("click", () => {
    text = original;
    editor.set(original);
    previous = undefined;
    marked.clear();
    for (const input of controls.querySelectorAll<HTMLInputElement>("input")) input.checked = false;
    update(true);
  });
  update(false);
  root.classList.add("lab-ready");
  root.dataset.labReady = "lab-dockerfile-ready";
}

export function enhanceDockerfileLabs(): void {
  announce("");
  for (const root of document.querySelectorAll<HTMLElement>("[data-lab='dockerfile']")) explorer(root);
}
