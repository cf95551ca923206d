/**
 * Link previews: pointing at (or tabbing to) a link in the lesson text that leads to another
 * page of the course shows, after a moment, that page's title and first paragraph (or, for a
 * link to a heading, that section's first paragraph) in a tooltip next to the link. The target
 * page itself is the source: fetched once, kept in memory, never a file of its own. Escape
 * closes the preview; it stays open while the pointer is on it. Only on devices that can
 * hover: on a touch screen a tap just follows the link.
 */

/** How long the pointer or focus rests on a link before its preview shows. */
export const PREVIEW_DELAY = 400;
/** Grace time to move the pointer from the link onto the preview. */
const HIDE_DELAY = 250;
const MAX_TEXT = 320;

interface Preview {
  title: string;
  section?: string;
  text: string;
}

const pages = new Map<string, Promise<Document | null>>();

function load(path: string): Promise<Document | null> {
  let page = pages.get(path);
  if (!page) {
    page = fetch(path, { credentials: "same-origin" })
      .then((r) => (r.ok && (r.headers.get("content-type") ?? "").includes("text/html") ? r.text() : null))
      .then((html) => (html === null ? null : new DOMParser().parseFromString(html, "text/html")))
      .catch(() => null);
    pages.set(path, page);
  }
  return page;
}

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

function shorten(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.slice(0, MAX_TEXT);
  return `${cut.slice(0, cut.lastIndexOf(" ") > MAX_TEXT / 2 ? cut.lastIndexOf(" ") : MAX_TEXT).replace(/[\s,;:.]+$/, "")}…`;
}

/** A paragraph of running text: not in a callout, a quiz, a lab or a figure. */
function isBodyText(p: Element): boolean {
  return clean(p.textContent).length > 0 && !p.closest("aside, details, figure, .callout, .quiz, .lab, .transclusion-source");
}

/** Title and first paragraph of a fetched page; for `#kop`, the text under that heading. */
export function previewOf(doc: Document, hash: string): Preview | null {
  const title = clean(doc.querySelector("main h1, h1")?.textContent);
  if (!title) return null;
  const prose = doc.querySelector(".prose");
  let section: string | undefined;
  let para: Element | undefined;
  const heading = hash ? doc.getElementById(decodeURIComponent(hash.slice(1))) : null;
  if (prose && heading && prose.contains(heading) && /^H[2-6]$/.test(heading.tagName)) {
    section = clean(heading.textContent);
    // In document order (headings may sit in a wrapper): the first paragraph before the next heading of its level or higher.
    const flow = [...prose.querySelectorAll("p, h1, h2, h3, h4, h5, h6")];
    for (const n of flow.slice(flow.indexOf(heading) + 1)) {
      if (n.tagName !== "P") {
        if (n.tagName <= heading.tagName) break;
      } else if (isBodyText(n)) {
        para = n;
        break;
      }
    }
  }
  para ??= [...(prose?.querySelectorAll("p") ?? [])].find(isBodyText);
  const text = clean(para?.textContent) || clean(doc.querySelector('meta[name="description"]')?.getAttribute("content"));
  return { title, section, text: shorten(text) };
}

/** The page a link leads to, when it is another page of this site; else null. */
function targetOf(a: HTMLAnchorElement): URL | null {
  if (a.classList.contains("diagram") || a.hasAttribute("download")) return null;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return null;
  if (url.pathname === location.pathname || !url.pathname.endsWith("/")) return null;
  return url;
}

export function enhanceLinkPreviews(): void {
  const prose = document.querySelector<HTMLElement>(".lesson .prose");
  if (!prose || !window.matchMedia("(any-hover: hover)").matches) return;

  const box = document.createElement("div");
  box.className = "link-preview";
  box.id = "link-preview";
  box.setAttribute("role", "tooltip");
  box.hidden = true;
  document.body.append(box);

  let current: HTMLAnchorElement | null = null;
  let showTimer = 0;
  let hideTimer = 0;
  /** A link whose preview Escape closed: it does not open again until pointer and focus leave it. */
  let dismissed: HTMLAnchorElement | null = null;

  const hide = () => {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    if (current?.getAttribute("aria-describedby") === box.id) current.removeAttribute("aria-describedby");
    current = null;
    box.hidden = true;
  };

  const place = (link: HTMLAnchorElement, x?: number) => {
    const rects = [...link.getClientRects()];
    const r = (x === undefined ? rects[0] : rects.find((c) => x >= c.left && x <= c.right)) ?? link.getBoundingClientRect();
    const margin = 8;
    const width = document.documentElement.clientWidth;
    const { offsetWidth: w, offsetHeight: h } = box;
    const left = Math.max(margin, Math.min(r.left, width - w - margin));
    const below = r.bottom + 6;
    const top = below + h > window.innerHeight - margin && r.top - h - 6 > margin ? r.top - h - 6 : below;
    box.style.left = `${Math.round(left + window.scrollX)}px`;
    box.style.top = `${Math.round(top + window.scrollY)}px`;
  };

  const show = async (link: HTMLAnchorElement, url: URL, x?: number) => {
    const doc = await load(url.pathname);
    const preview = doc && previewOf(doc, url.hash);
    if (!preview || current !== link) return;
    const parts: [string, string | undefined][] = [
      ["link-preview-title", preview.title],
      ["link-preview-section", preview.section],
      ["link-preview-text", preview.text],
    ];
    box.replaceChildren(
      ...parts.filter(([, text]) => text).map(([className, text]) => {
        const p = document.createElement("p");
        p.className = className;
        p.textContent = text!;
        return p;
      }),
    );
    box.hidden = false;
    place(link, x);
    if (!link.hasAttribute("aria-describedby")) link.setAttribute("aria-describedby", box.id);
  };

  const start = (link: HTMLAnchorElement, x?: number) => {
    window.clearTimeout(hideTimer);
    if (link === current || link === dismissed) return;
    const url = targetOf(link);
    if (!url) return;
    hide();
    current = link;
    void load(url.pathname);
    showTimer = window.setTimeout(() => void show(link, url, x), PREVIEW_DELAY);
  };

  const stop = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  };

  const linkAt = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLAnchorElement>("a[href]") : null);

  prose.addEventListener("pointerover", (e) => {
    const link = linkAt(e);
    if (e.pointerType !== "touch" && link) start(link, e.clientX);
  });
  prose.addEventListener("pointerout", (e) => {
    const link = linkAt(e);
    if (!link || (e.relatedTarget instanceof Node && link.contains(e.relatedTarget))) return;
    if (link === dismissed) dismissed = null;
    if (link === current && document.activeElement !== link) stop();
  });
  prose.addEventListener("focusin", (e) => {
    const link = linkAt(e);
    if (link) start(link);
  });
  prose.addEventListener("focusout", (e) => {
    const link = linkAt(e);
    if (link === dismissed) dismissed = null;
    if (link === current) hide();
  });
  prose.addEventListener("click", (e) => {
    if (linkAt(e)) hide();
  });
  box.addEventListener("pointerover", () => window.clearTimeout(hideTimer));
  box.addEventListener("pointerout", stop);
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !current) return;
    dismissed = current;
    hide();
  });
}
