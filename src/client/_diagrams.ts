/**
 * Diagrams open large. The build links an SVG that stands alone in its paragraph to its own
 * file (`a.diagram`); here a click (or Enter) on it opens a full-screen `<dialog>` instead:
 * the diagram at least at its own size, larger when the screen allows, scrollable (and
 * pinch-zoomable on a phone). Escape or the close button closes it and focus returns to the
 * diagram. A click with a modifier key still opens the file, as any link does.
 */
import { t } from "../site/strings.ts";

/** At most this many times the diagram's own size, on a large screen. */
const MAX_SCALE = 2.5;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

export function enhanceDiagrams(): void {
  const links = document.querySelectorAll<HTMLAnchorElement>(".prose a.diagram");
  if (!links.length) return;

  // One description for every diagram link, read after its name (the alt text).
  const hint = el("span", "visually-hidden");
  hint.id = "diagram-hint";
  hint.textContent = t.diagram.enlarge;
  document.body.append(hint);

  let dialog: HTMLDialogElement | undefined;
  let scroller: HTMLElement;
  let view: HTMLImageElement;
  let opener: HTMLAnchorElement | undefined;
  /** The diagram's own size: the file's, else the width and height the build wrote on the page's image. */
  let size = { w: 0, h: 0 };

  /** The diagram as large as fits, never smaller than its own size (then it scrolls). */
  const layout = () => {
    const [w, h] = view.naturalWidth && view.naturalHeight ? [view.naturalWidth, view.naturalHeight] : [size.w, size.h];
    if (!w || !h) return;
    const pad = 16;
    const fit = Math.min((scroller.clientWidth - 2 * pad) / w, (scroller.clientHeight - 2 * pad) / h);
    const scale = Math.min(MAX_SCALE, Math.max(1, fit));
    view.style.width = `${Math.round(w * scale)}px`;
    view.style.height = `${Math.round(h * scale)}px`;
  };

  const build = (): HTMLDialogElement => {
    const d = el("dialog", "diagram-view");
    d.setAttribute("aria-label", t.diagram.view);
    const bar = el("div", "diagram-view-bar");
    const close = el("button", "button button-secondary diagram-view-close");
    close.type = "button";
    const icon = el("span", "icon");
    icon.setAttribute("aria-hidden", "true");
    close.append(icon, t.diagram.close);
    close.addEventListener("click", () => d.close());
    bar.append(close);
    scroller = el("div", "diagram-view-scroll");
    scroller.tabIndex = 0;
    scroller.setAttribute("role", "region");
    scroller.setAttribute("aria-label", t.diagram.scroll);
    view = el("img", "diagram-view-image");
    view.decoding = "async";
    view.addEventListener("load", layout);
    scroller.append(view);
    d.append(bar, scroller);
    d.addEventListener("close", () => {
      document.documentElement.classList.remove("diagram-open");
      window.removeEventListener("resize", layout);
      opener?.focus();
    });
    document.body.append(d);
    return d;
  };

  const open = (link: HTMLAnchorElement) => {
    const img = link.querySelector("img");
    if (!img) return;
    dialog ??= build();
    opener = link;
    view.alt = img.alt;
    size = { w: Number(img.getAttribute("width")) || 0, h: Number(img.getAttribute("height")) || 0 };
    if (view.src !== img.src) view.src = img.src;
    document.documentElement.classList.add("diagram-open");
    dialog.showModal();
    scroller.scrollTo(0, 0);
    layout();
    window.addEventListener("resize", layout);
  };

  for (const link of links) {
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-describedby", hint.id);
    link.title = t.diagram.enlarge;
    link.addEventListener("click", (e) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      open(link);
    });
  }
}
