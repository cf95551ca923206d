/**
 * The sidebar's stubs. A page carries only the modules on its own way down (open and
 * complete) plus, for every other module, a stub: a link to its overview page drawn like a
 * closed module. The complete tree is one shared file (`<link rel="preload" data-nav>`,
 * cached by the browser), loaded once; each stub is replaced by the same module from that
 * file, closed, so filling them in moves nothing on the screen.
 *
 * Dispatches `nav:filled` on the document when done, so progress marks can follow.
 */

/** Fills the stubs of `sidebar` from the tree in `html`; returns how many were filled. */
export function fillStubs(sidebar: ParentNode, html: string): number {
  const template = document.createElement("template");
  template.innerHTML = html;
  const full = new Map<string, HTMLDetailsElement>();
  for (const d of template.content.querySelectorAll<HTMLDetailsElement>("details[data-module]")) full.set(d.dataset.module!, d);
  let filled = 0;
  for (const stub of sidebar.querySelectorAll<HTMLElement>("[data-stub]")) {
    const module = full.get(stub.dataset.module ?? "");
    if (!module) continue;
    stub.replaceWith(document.importNode(module, true));
    filled++;
  }
  return filled;
}

export async function loadNavigation(): Promise<void> {
  const link = document.querySelector<HTMLLinkElement>("link[data-nav]");
  const sidebar = document.getElementById("lessen");
  if (!link || !sidebar || !sidebar.querySelector("[data-stub]")) return;
  let html: string;
  try {
    const response = await fetch(link.href, { credentials: "same-origin" });
    if (!response.ok) return;
    html = await response.text();
  } catch {
    return; // offline or blocked: the stubs keep their overview links
  }
  if (fillStubs(sidebar, html) > 0) document.dispatchEvent(new CustomEvent("nav:filled"));
}
