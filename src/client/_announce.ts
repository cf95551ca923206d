/**
 * One polite live region per page, shared by every script: says something to screen-reader
 * users without moving focus. Call `announce("")` early to create the region before it speaks.
 */
let live: HTMLElement | undefined;

export function announce(message: string): void {
  if (!live) {
    live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    document.body.append(live);
  }
  live.textContent = "";
  if (message) window.setTimeout(() => (live!.textContent = message), 60);
}
