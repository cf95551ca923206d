/**
 * Search with Pagefind's default UI, on pages that have a `[data-search]` container (the
 * search page and the home page). The UI and the index are loaded from the site's own
 * `pagefind/` folder, so no request leaves the site. `?q=docker` starts a search, which is
 * how the search form in the header hands over its query. Pagefind runs on the main thread
 * (`noWorker`): the index of a course is small.
 */
import { t } from "../site/strings.ts";
import { basePath } from "./_base.ts";

interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  showSubResults?: boolean;
  showImages?: boolean;
  autofocus?: boolean;
  excerptLength?: number;
  /** Passed on to Pagefind itself: search on the main thread instead of in a web worker. */
  noWorker?: boolean;
  /** Overrides of Pagefind's own interface texts (its Dutch clear button says "Reset"). */
  translations?: Record<string, string>;
}
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

function load(tag: "script" | "link", url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = document.createElement(tag);
    if (el instanceof HTMLScriptElement) el.src = url;
    else if (el instanceof HTMLLinkElement) {
      el.rel = "stylesheet";
      el.href = url;
    }
    el.addEventListener("load", () => resolve());
    el.addEventListener("error", () => reject(new Error(`${url} did not load`)));
    document.head.append(el);
  });
}

async function start(): Promise<void> {
  const boxes = [...document.querySelectorAll<HTMLElement>("[data-search]")];
  if (!boxes.length) return;
  const bundle = `${basePath()}pagefind/`;
  try {
    await Promise.all([load("link", `${bundle}pagefind-ui.css`), load("script", `${bundle}pagefind-ui.js`)]);
    if (!window.PagefindUI) throw new Error("PagefindUI missing");
  } catch {
    for (const box of boxes) box.querySelector("[data-search-status]")!.textContent = t.search.unavailable;
    return;
  }
  const query = new URLSearchParams(location.search).get("q")?.trim();
  for (const box of boxes) {
    const target = box.querySelector<HTMLElement>("[data-search-ui]") ?? box;
    box.querySelector("[data-search-status]")?.remove();
    box.querySelector("[data-search-fallback]")?.remove();
    const ui = new window.PagefindUI({
      element: target,
      bundlePath: bundle,
      showSubResults: true,
      showImages: false,
      excerptLength: 24,
      // A course is small enough to search on the main thread; Pagefind's worker start-up
      // races a 5 s timeout, which a slow phone or a busy machine can lose.
      noWorker: true,
      autofocus: box.hasAttribute("data-search-autofocus") && !query,
      translations: { clear_search: t.search.clear, placeholder: t.search.placeholder, search_label: t.search.label },
    });
    if (query) ui.triggerSearch(query);
  }
}

void start();
