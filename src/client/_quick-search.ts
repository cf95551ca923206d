/**
 * Results while typing in the header's search field (`#kop-zoeken`). Loaded by main.ts as its
 * own chunk when the field first takes focus; Pagefind's JS API (`pagefind/pagefind.js`, from
 * the site itself) is loaded then too, and searches on the main thread (`noWorker`).
 *
 * The panel under the field is a list of links, not a listbox: ArrowDown moves from the field
 * into the list, ArrowUp and ArrowDown move through it (ArrowUp from the first result goes back
 * to the field), Escape closes the panel and returns to the field, Tab out of the form closes
 * it. Enter in the field still submits the form to the search page, so without this script
 * (or when Pagefind fails) the field works as before. The panel's first line is a polite live
 * region with the number of results.
 */
import { SEARCH_RANKING } from "../site/search.ts";
import { t } from "../site/strings.ts";
import { basePath } from "./_base.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  debouncedSearch(term: string, options?: Record<string, unknown>, timeoutMs?: number): Promise<{ results: PagefindResult[] } | null>;
}

const SHOWN = 6;

let api: Promise<PagefindApi> | undefined;

function pagefind(): Promise<PagefindApi> {
  api ??= (async () => {
    const url = `${basePath()}pagefind/pagefind.js`;
    const mod = (await import(/* webpackIgnore: true */ url)) as PagefindApi;
    await mod.options({ noWorker: true, excerptLength: 18, ranking: SEARCH_RANKING });
    return mod;
  })();
  return api;
}

export function enhanceQuickSearch(input: HTMLInputElement): void {
  const form = input.form;
  if (!form || input.dataset.quick === "ready") return;
  input.dataset.quick = "ready";
  const panel = document.createElement("div");
  panel.className = "quick-search";
  panel.id = `${input.id}-resultaten`;
  panel.hidden = true;
  const status = document.createElement("p");
  status.className = "quick-search-status";
  status.setAttribute("role", "status");
  const list = document.createElement("ul");
  list.className = "quick-search-list";
  list.setAttribute("aria-label", t.search.panelLabel);
  const all = document.createElement("a");
  all.className = "quick-search-all";
  panel.append(status, list, all);
  form.append(panel);
  input.setAttribute("aria-controls", panel.id);

  let term = "";
  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>("a")];
  const close = (focusField: boolean) => {
    panel.hidden = true;
    if (focusField) input.focus();
  };

  const run = async () => {
    const value = input.value.trim();
    term = value;
    if (!value) {
      close(false);
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    panel.hidden = false;
    status.textContent = t.search.searching;
    let found: { results: PagefindResult[] } | null;
    try {
      found = await (await pagefind()).debouncedSearch(value, {}, 120);
    } catch {
      status.textContent = t.search.unavailable;
      list.replaceChildren();
      all.hidden = true;
      return;
    }
    if (!found || term !== value) return; // a newer search is on its way
    const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    if (term !== value) return;
    list.replaceChildren(
      ...data.map((d) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.className = "quick-search-link";
        a.href = d.url;
        const title = document.createElement("span");
        title.className = "quick-search-title";
        title.textContent = d.meta.title ?? d.url;
        const excerpt = document.createElement("span");
        excerpt.className = "quick-search-excerpt";
        // Pagefind's excerpt is text from our own pages with <mark> around the matches.
        excerpt.innerHTML = d.excerpt;
        a.append(title, excerpt);
        li.append(a);
        return li;
      }),
    );
    status.textContent = found.results.length ? t.search.results(found.results.length) : t.search.none(value);
    all.hidden = found.results.length <= SHOWN;
    all.textContent = t.search.all(value);
    all.href = `${form.action}?q=${encodeURIComponent(value)}`;
  };

  input.addEventListener("input", () => void run());
  // A click in the field shows the last results again (focus alone does not: Escape returns focus here).
  input.addEventListener("click", () => {
    if (input.value.trim() && list.childElementCount) panel.hidden = false;
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && !panel.hidden) {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === "Escape" && !panel.hidden) {
      e.preventDefault(); // keep the typed words: Escape closes the panel only
      close(true);
    }
  });
  panel.addEventListener("keydown", (e) => {
    const items = links();
    const i = items.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === "ArrowDown" && i >= 0) {
      e.preventDefault();
      items[Math.min(i + 1, items.length - 1)]?.focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      e.preventDefault();
      if (i === 0) input.focus();
      else items[i - 1]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    }
  });
  form.addEventListener("focusout", (e) => {
    const to = e.relatedTarget;
    if (to instanceof Node && !form.contains(to)) close(false);
  });
  document.addEventListener("pointerdown", (e) => {
    if (!panel.hidden && e.target instanceof Node && !form.contains(e.target)) close(false);
  });
  // Start loading the index now, so the first letters already find something.
  void pagefind().catch(() => undefined);
  if (input.value.trim()) void run();
}
