/**
 * The site's small enhancements, all optional: the page works without them.
 * Theme toggle (remembered), the lesson menu on small screens, copy buttons and language
 * labels on code blocks, focusable scroll containers for wide tables, callouts that open
 * for printing, the sidebar's other modules from the shared navigation file, a
 * "Naar boven" button once the reader has scrolled down, and (loaded only where they are
 * used) diagrams that open large and previews of the lessons a lesson links to.
 */
import { t } from "../site/strings.ts";
import { applyTheme, currentTheme, storeTheme } from "./_theme.ts";
import { announce } from "./_announce.ts";
import { loadNavigation } from "./_nav.ts";
import { enhanceTabs } from "./_tabs.ts";


function themeToggle(): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]");
  const sync = () => {
    const dark = currentTheme() === "dark";
    for (const b of buttons) {
      b.setAttribute("aria-pressed", String(dark));
      b.title = dark ? t.theme.toLight : t.theme.toDark;
    }
  };
  for (const b of buttons) {
    b.addEventListener("click", () => {
      const next = currentTheme() === "dark" ? "light" : "dark";
      applyTheme(next);
      storeTheme(next);
      sync();
    });
  }
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", sync);
  sync();
}

function sidebarToggle(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-sidebar-toggle]");
  const sidebar = document.getElementById(button?.getAttribute("aria-controls") ?? "");
  if (!button || !sidebar) return;
  const set = (open: boolean) => {
    button.setAttribute("aria-expanded", String(open));
    sidebar.toggleAttribute("data-open", open);
    button.title = open ? t.sidebar.toggleClose : t.sidebar.toggleOpen;
  };
  set(false);
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    set(open);
    // Focus lands on the lesson being read (the sidebar's first link is the course title).
    if (open) {
      const target = sidebar.querySelector<HTMLElement>("a[aria-current='page']") ?? sidebar.querySelector<HTMLElement>("a");
      target?.focus({ preventScroll: true });
      // Scroll the menu panel, not the page behind it, to show that lesson.
      if (target && sidebar.scrollHeight > sidebar.clientHeight) {
        sidebar.scrollTop += target.getBoundingClientRect().top - sidebar.getBoundingClientRect().top - sidebar.clientHeight / 3;
      }
    }
  });
  // On a small screen the open menu lies over the page: when focus leaves it (Tab past its
  // last link), it closes, so focus never goes on behind it.
  sidebar.addEventListener("focusout", (e) => {
    const to = e.relatedTarget;
    if (button.getAttribute("aria-expanded") !== "true" || !(to instanceof Node)) return;
    if (!sidebar.contains(to) && !button.contains(to) && button.checkVisibility()) set(false);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      set(false);
      button.focus();
    }
  });
  // Keep the current lesson in view in a long sidebar (desktop).
  const current = sidebar.querySelector<HTMLElement>("[aria-current='page']");
  const scroller = sidebar.querySelector<HTMLElement>("[data-sidebar-scroll]");
  if (current && scroller && scroller.scrollHeight > scroller.clientHeight) {
    const top = current.offsetTop - scroller.clientHeight / 3;
    scroller.scrollTop = Math.max(0, top);
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function codeBlocks(): void {
  for (const pre of document.querySelectorAll<HTMLPreElement>(".prose pre")) {
    const code = pre.querySelector("code");
    if (!code || pre.parentElement?.classList.contains("code-block")) continue;
    const lang = /language-([\w-]+)/.exec(code.className)?.[1]?.toLowerCase() ?? "";
    const wrapper = document.createElement("div");
    wrapper.className = "code-block";
    const bar = document.createElement("div");
    bar.className = "code-bar";
    const label = document.createElement("span");
    label.className = "code-lang";
    label.textContent = t.codeLanguages[lang] ?? "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = t.code.copy;
    button.setAttribute("aria-label", t.code.copyLabel);
    button.addEventListener("click", async () => {
      const ok = await copyText(code.innerText.replace(/\n$/, ""));
      button.textContent = ok ? t.code.copied : t.code.failed;
      button.dataset.state = ok ? "done" : "failed";
      announce(button.textContent);
      window.setTimeout(() => {
        button.textContent = t.code.copy;
        delete button.dataset.state;
      }, 2000);
    });
    bar.append(label, button);
    pre.replaceWith(wrapper);
    wrapper.append(bar, pre);
  }
}

/**
 * Wide tables and long code lines scroll sideways; keyboard users can only scroll them when
 * the box takes focus, so a box that really scrolls becomes focusable (and named).
 */
function scrollableBoxes(): void {
  const boxes = document.querySelectorAll<HTMLElement>(".table-scroll, .prose pre");
  if (!boxes.length) return;
  const update = () => {
    for (const box of boxes) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      const label = box.matches("pre") ? t.code.scroll : box.querySelector("caption")?.textContent?.trim() || t.table.scroll;
      if (scrolls) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label);
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  };
  update();
  // Each box too: one in a closed tab or callout is measured again when it is shown.
  const resized = new ResizeObserver(update);
  for (const box of [document.body, ...boxes]) resized.observe(box);
}

/** Folded callouts open on paper, and close again afterwards. Quiz answers stay folded. */
function printCallouts(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>("details.callout:not([open])")];
    for (const d of opened) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

/** On a narrow screen the table of contents starts folded: the text comes first. */
function tableOfContents(): void {
  const fold = document.querySelector<HTMLDetailsElement>("details[data-toc]");
  if (fold && window.matchMedia("(max-width: 77.99rem)").matches) fold.open = false;
}

/** Runs `update` now and after scrolling, at most once per frame. */
function onScroll(update: () => void): void {
  let queued = false;
  window.addEventListener(
    "scroll",
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    },
    { passive: true },
  );
  update();
}

/** The table of contents marks the section being read. */
function tocPosition(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']")];
  const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  if (!links.length) return;
  onScroll(() => {
    const line = window.innerHeight * 0.3;
    let current = -1;
    targets.forEach((h, i) => {
      if (h && h.getBoundingClientRect().top <= line) current = i;
    });
    links.forEach((a, i) => (i === current ? a.setAttribute("aria-current", "location") : a.removeAttribute("aria-current")));
  });
}

/**
 * "Naar boven": a button at the bottom of the screen once the reader is more than a screen and
 * a half down. It scrolls to the top and puts focus on the content, as the skip link does.
 */
function backToTop(): void {
  const main = document.getElementById("inhoud");
  if (!main) return;
  const link = document.createElement("a");
  link.className = "back-to-top";
  link.href = "#inhoud";
  link.hidden = true;
  link.dataset.backToTop = "";
  const icon = document.createElement("span");
  icon.className = "icon icon-arrow-up";
  icon.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.className = "back-to-top-label";
  label.textContent = t.footer.top;
  link.append(icon, label);
  link.addEventListener("click", (e) => {
    e.preventDefault();
    window.scrollTo({ top: 0 });
    main.focus({ preventScroll: true });
  });
  document.body.append(link);
  onScroll(() => {
    link.hidden = window.scrollY < window.innerHeight * 1.5;
  });
}

/**
 * Search from every page: the header's field shows results while typing (its code and
 * Pagefind load on the field's first focus, `_quick-search.ts`), and `/` or Ctrl+K (Cmd+K on
 * a Mac) puts focus in the search field: the header's, else the one on the page, else (on a
 * phone, where the header has a search link instead of a field) the search page opens.
 */
function searchShortcuts(): void {
  const header = document.querySelector<HTMLInputElement>("#kop-zoeken");
  if (header) {
    header.setAttribute("aria-keyshortcuts", "/ Control+K Meta+K");
    const load = () => void import("./_quick-search.ts").then((m) => m.enhanceQuickSearch(header));
    header.addEventListener("focus", load, { once: true });
    if (document.activeElement === header) load();
  }
  document.addEventListener("keydown", (e) => {
    const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey;
    const k = e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
    if (!slash && !k) return;
    const at = e.target instanceof HTMLElement ? e.target : null;
    // A slash typed into a field or an editor is just a slash.
    if (slash && at && (at.isContentEditable || at.closest("input, textarea, select, [contenteditable]"))) return;
    const fields = ["#kop-zoeken", ".pagefind-ui__search-input", "#zoekterm"].map((s) => document.querySelector<HTMLInputElement>(s));
    const field = fields.find((f) => f?.checkVisibility());
    const link = [...document.querySelectorAll<HTMLAnchorElement>(".header-search-link, .site-nav a[href$='/zoeken/']")].find((a) => a.checkVisibility());
    if (!field && !link) return;
    e.preventDefault();
    if (field) {
      field.focus();
      field.select();
    } else if (link) location.href = link.href;
  });
}

themeToggle();
backToTop();
searchShortcuts();
tableOfContents();
tocPosition();
sidebarToggle();
void loadNavigation();
codeBlocks();
scrollableBoxes();
printCallouts();
enhanceTabs();
// Diagrams that open large, and previews of linked lessons (where a pointer can hover): each a chunk of its own.
if (document.querySelector(".prose a.diagram")) void import("./_diagrams.ts").then((m) => m.enhanceDiagrams());
if (document.querySelector(".lesson .prose a[href]") && matchMedia("(any-hover: hover)").matches) void import("./_previews.ts").then((m) => m.enhanceLinkPreviews());
// Interactive labs: their code is loaded only on a page that has one, each as its own chunk.
if (document.querySelector("[data-lab='dockerfile']")) void import("./_lab-dockerfile.ts").then((m) => m.enhanceDockerfileLabs());
if (document.querySelector("[data-lab='compose']")) void import("./_lab-compose.ts").then((m) => m.enhanceComposeLabs());
