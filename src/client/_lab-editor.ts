/**
 * The editable source of a lab: a labelled textarea in place of the highlighted code block,
 * with a help line. Tab leaves it as usual; Escape leaves it too, to `next`. `onChange` runs
 * a moment after the last keystroke.
 */
export interface LabEditor {
  textarea: HTMLTextAreaElement;
  set(text: string): void;
}

export function labEditor(root: HTMLElement, label: string, help: string, onChange: (text: string) => void, next: () => HTMLElement | null): LabEditor | undefined {
  const source = root.querySelector<HTMLElement>(".lab-source");
  const code = source?.querySelector("pre code") ?? source?.querySelector("pre");
  if (!source || !code) return undefined;
  const id = root.dataset.labId ?? "lab";
  const text = (code.textContent ?? "").replace(/\n$/, "");
  const labelEl = document.createElement("label");
  labelEl.className = "lab-label";
  labelEl.htmlFor = `${id}-editor`;
  labelEl.textContent = label;
  const textarea = document.createElement("textarea");
  textarea.id = `${id}-editor`;
  textarea.className = "lab-editor";
  textarea.spellcheck = false;
  textarea.setAttribute("autocapitalize", "off");
  textarea.setAttribute("autocomplete", "off");
  textarea.setAttribute("aria-describedby", `${id}-help`);
  textarea.wrap = "off";
  const helpEl = document.createElement("p");
  helpEl.className = "lab-help";
  helpEl.id = `${id}-help`;
  helpEl.textContent = help;
  const fit = () => (textarea.rows = Math.max(4, textarea.value.split("\n").length + 1));
  let timer = 0;
  textarea.addEventListener("input", () => {
    fit();
    window.clearTimeout(timer);
    timer = window.setTimeout(() => onChange(textarea.value), 120);
  });
  textarea.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    e.stopPropagation();
    next()?.focus();
  });
  source.replaceChildren(labelEl, textarea, helpEl);
  const set = (value: string) => {
    textarea.value = value;
    fit();
  };
  set(text);
  return { textarea, set };
}
