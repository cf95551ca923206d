/**
 * Tabs (`:::: tabs` in a lesson, src/markdown/tabs.ts): the server renders every tab as a
 * panel headed by its label, so without JavaScript the page shows them one after another.
 * Here each block becomes a tab list after the WAI-ARIA tabs pattern:
 *
 * - `role="tablist"` with one `role="tab"` button per panel, `aria-selected` and
 *   `aria-controls`; each panel is a `role="tabpanel"` labelled by its tab;
 * - one tab in the Tab order (roving tabindex); Left/Right move between tabs and wrap,
 *   Home/End go to the first and last tab; a tab opens as soon as it has focus (automatic
 *   activation: a panel is already on the page, so showing it costs nothing);
 * - the student's choice is remembered (localStorage, by label): on every page, a block with a
 *   tab of that label opens on it, and choosing a tab switches the other blocks of the page
 *   that have that label too, keeping the chosen tab where it was on screen;
 * - a link to a heading inside a closed tab (or a folded callout) opens it first, and so does
 *   the browser's find in page (closed panels are `hidden="until-found"`).
 */

/** The label the student chose last, lower case. Kept when progress is cleared, like the theme. */
export const TAB_KEY = "docker-cursus:tabblad";

interface Group {
  tabs: HTMLButtonElement[];
  panels: HTMLElement[];
}

const groups: Group[] = [];

const untilFound = "onbeforematch" in document.body;

const labelKey = (s: string | null | undefined) => (s ?? "").trim().replace(/\s+/g, " ").toLowerCase();

function storedChoice(): string {
  try {
    return localStorage.getItem(TAB_KEY) ?? "";
  } catch {
    return "";
  }
}

function storeChoice(label: string): void {
  try {
    localStorage.setItem(TAB_KEY, label);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

function select(group: Group, index: number): void {
  group.tabs.forEach((tab, i) => {
    const on = i === index;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    const panel = group.panels[i]!;
    // `until-found` where the browser knows it: find in page still finds a closed tab's text, and opens it (beforematch).
    // Such a panel keeps a (empty) box, so it leaves the Tab order by hand.
    if (on) panel.removeAttribute("hidden");
    else panel.setAttribute("hidden", untilFound ? "until-found" : "");
    panel.tabIndex = on ? 0 : -1;
  });
}

/** Opens the tab labelled `key` in every block that has one. */
function selectEverywhere(key: string): void {
  for (const g of groups) {
    const i = g.tabs.findIndex((tab) => labelKey(tab.textContent) === key);
    if (i >= 0) select(g, i);
  }
}

/** The student chose `tab`: open it here and in the other blocks, without moving it on screen. */
function choose(group: Group, index: number): void {
  const tab = group.tabs[index]!;
  const before = tab.getBoundingClientRect().top;
  const key = labelKey(tab.textContent);
  storeChoice(key);
  select(group, index);
  selectEverywhere(key);
  const moved = tab.getBoundingClientRect().top - before;
  if (moved) window.scrollBy(0, moved);
}

function enhance(block: HTMLElement, n: number, chosen: string): void {
  const panels = [...block.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el.classList.contains("tab-panel"));
  if (!panels.length) return;
  const list = document.createElement("div");
  list.className = "tab-list";
  list.setAttribute("role", "tablist");
  const group: Group = { tabs: [], panels };
  panels.forEach((panel, i) => {
    const label = panel.querySelector<HTMLElement>(":scope > .tab-label");
    const tab = document.createElement("button");
    tab.type = "button";
    tab.className = "tab";
    tab.setAttribute("role", "tab");
    tab.id = `tabs-${n}-tab-${i + 1}`;
    panel.id ||= `tabs-${n}-panel-${i + 1}`;
    tab.setAttribute("aria-controls", panel.id);
    tab.textContent = label?.textContent?.trim() ?? "";
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    if (label) label.hidden = true;
    tab.addEventListener("click", () => choose(group, i));
    panel.addEventListener("beforematch", () => select(group, i));
    group.tabs.push(tab);
    list.append(tab);
  });
  list.addEventListener("keydown", (e) => {
    const at = group.tabs.indexOf(e.target as HTMLButtonElement);
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const last = group.tabs.length - 1;
    const to = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    group.tabs[to]!.focus();
    choose(group, to);
  });
  block.prepend(list);
  block.dataset.tabsReady = "";
  const start = group.tabs.findIndex((tab) => labelKey(tab.textContent) === chosen);
  select(group, Math.max(start, 0));
  groups.push(group);
}

/** Opens the closed tabs and folded callouts around the element the address points at. */
function revealTarget(): void {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    /* a malformed address: look for it as written */
  }
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  let opened = false;
  for (let el: HTMLElement | null = target; el; el = el.parentElement) {
    if (el instanceof HTMLDetailsElement && !el.open && !el.contains(target.closest("summary"))) {
      el.open = true;
      opened = true;
    }
    if (el.getAttribute("role") === "tabpanel" && el.hasAttribute("hidden")) {
      const group = groups.find((g) => g.panels.includes(el as HTMLElement));
      if (group) select(group, group.panels.indexOf(el));
      opened = true;
    }
  }
  if (opened) target.scrollIntoView();
}

export function enhanceTabs(): void {
  const chosen = storedChoice();
  document.querySelectorAll<HTMLElement>("[data-tabs]:not([data-tabs-ready])").forEach((block, i) => enhance(block, i + 1, chosen));
  revealTarget();
  window.addEventListener("hashchange", revealTarget);
}
