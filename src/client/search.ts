/**
 * Search with Pagefind's default UI, on pages that have a `[data-search]` container (the
 * search page and the home page). The UI and the index are loaded from the site's own
 * `pagefind/` folder, so no request leaves the site. `?q=docker` starts a search, which is
 * how the search form in the header hands over its query. Pagefind runs on the main thread
 * (`noWorker`): the index of a course is small.
 *
 * The search page has filters of its own (`[data-search-filters]`, Dutch, a radio group for
 * the kind of lesson and a select for the topic) instead of Pagefind's filter panel, which
 * combines the values of one filter with AND: a lesson has one kind, so ticking two kinds
 * found nothing. They are moved under the search field and hand their choice to Pagefind;
 * `?soort=Stappen&onderwerp=Docker%20volumes` chooses them, and a choice is kept in the address.
 */
import { HEADINGS_META, SEARCH_FILTERS, SEARCH_RANKING } from "../site/search.ts";
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
  /** Passed on to Pagefind: how results are ranked (src/site/search.ts). */
  ranking?: typeof SEARCH_RANKING;
  /** Changes each result before it is shown. */
  processResult?: (result: PagefindUIResult) => PagefindUIResult;
}
interface PagefindUIResult {
  meta: Record<string, string>;
}
interface PagefindUIInstance {
  triggerSearch(term: string): void;
  /** Filters every search from now on: `{ "Soort les": "Stappen" }`; `{}` for none. */
  triggerFilters(filters: Record<string, string>): void;
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

/** Puts the search page's filters under the search field of `box` and lets them filter `ui`. */
function wireFilters(box: HTMLElement, ui: PagefindUIInstance): void {
  const group = document.querySelector<HTMLElement>("[data-search-filters]");
  const drawer = box.querySelector(".pagefind-ui__form > .pagefind-ui__drawer");
  if (!group || !drawer) return;
  drawer.before(group);
  group.hidden = false;
  const kinds = [...group.querySelectorAll<HTMLInputElement>('input[name="soort"]')];
  const topic = group.querySelector<HTMLSelectElement>('select[name="onderwerp"]');
  const params = new URLSearchParams(location.search);
  const choose = (value: string | null, options: Array<{ value: string }>) => (value && options.some((o) => o.value === value) ? value : "");
  const kind = choose(params.get("soort"), kinds);
  for (const input of kinds) input.checked = input.value === kind;
  if (topic) topic.value = choose(params.get("onderwerp"), [...topic.options]);
  const apply = () => {
    const chosenKind = kinds.find((i) => i.checked)?.value ?? "";
    const chosenTopic = topic?.value ?? "";
    const filters: Record<string, string> = {};
    if (chosenKind) filters[SEARCH_FILTERS.kind] = chosenKind;
    if (chosenTopic) filters[SEARCH_FILTERS.topic] = chosenTopic;
    ui.triggerFilters(filters);
    const url = new URL(location.href);
    for (const [name, value] of [["soort", chosenKind], ["onderwerp", chosenTopic]] as const) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    history.replaceState(history.state, "", url);
  };
  group.addEventListener("change", apply);
  if (kind || topic?.value) apply();
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
      ranking: SEARCH_RANKING,
      // The headings field is for ranking only: Pagefind's UI would print it under the result.
      processResult: (result) => {
        delete result.meta[HEADINGS_META];
        return result;
      },
      autofocus: box.hasAttribute("data-search-autofocus") && !query,
      translations: { clear_search: t.search.clear, placeholder: t.search.placeholder, search_label: t.search.label },
    });
    wireFilters(box, ui);
    if (query) ui.triggerSearch(query);
  }
}

void start();
