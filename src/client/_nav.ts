/**
 * The sidebar's stubs. A page carries only the modules on its own way down (open and
 * complete) plus the title and overview link of every other module; the complete tree is
 * one shared file (`<link rel="preload" data-nav>`, cached by the browser), loaded once.
 * Each stub's list is replaced by the same module's list from that file. Stubs are closed
 * `<details>`, so filling them in moves nothing on the screen.
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
  for (const stub of sidebar.querySelectorAll<HTMLDetailsElement>("details[data-stub]")) {
    const list = full.get(stub.dataset.module ?? "")?.querySelector(":scope > ol");
    const own = stub.querySelector(":scope > ol");
    if (!list || !own) continue;
    own.replaceWith(document.importNode(list, true));
    stub.removeAttribute("data-stub");
    filled++;
  }
  return filled;
}

export async function loadNavigation(): Promise<void> {
  const link = document.querySelector<HTMLLinkElement>("link[data-nav]");
  const sidebar = document.getElementById("lessen");
  if (!link || !sidebar || !sidebar.querySelector("details[data-stub]")) return;
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
