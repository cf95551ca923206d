/**
 * The Compose map in the browser (loaded only on pages with a ```yaml compose-map block):
 * the compose file becomes editable and the map, its text alternative and the list of
 * mistakes are drawn again after every edit, with the same code as at build time.
 */
import { labs } from "../site/strings-labs.ts";
import { parseCompose } from "../labs/compose.ts";
import { renderComposeOutput } from "../labs/compose-view.ts";
import { announce } from "./_announce.ts";
import { labEditor } from "./_lab-editor.ts";

const s = labs.compose;

function map(root: HTMLElement): void {
  const output = root.querySelector<HTMLElement>("[data-lab-output]");
  if (!output) return;
  const id = root.dataset.labId ?? "lab";
  let spoken = "";
  const draw = (text: string, speak: boolean) => {
    const model = parseCompose(text);
    output.innerHTML = renderComposeOutput(model, id);
    root.dataset.labState = `${model.services.length}/${model.mistakes.length}`;
    // Spoken only when what the map says changes, not after every keystroke.
    const summary = `${s.mapLabel(model.services.length).split(".")[0]}. ${model.mistakes.length ? model.mistakes.map((m) => m.message).join(" ") : s.noProblems}`;
    if (speak && summary !== spoken) announce(summary);
    spoken = summary;
  };
  const editor = labEditor(root, s.editor, s.editorHelp, (text) => draw(text, true), () => output);
  if (!editor) return;
  output.tabIndex = -1;
  draw(editor.textarea.value, false);
  root.classList.add("lab-ready");
  root.dataset.labReady = "lab-compose-ready";
}

export function enhanceComposeLabs(): void {
  announce("");
  for (const root of document.querySelectorAll<HTMLElement>("[data-lab='compose']")) map(root);
}
