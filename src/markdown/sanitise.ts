/**
 * Raw HTML that cannot run code in a student's browser. A tag-level reader on htmlparser2's
 * tokenizer (so a tag, an attribute value or a comment is read the way a browser reads it),
 * the policy (what is unsafe) and two sanitisers over it:
 *
 * - `sanitiseHtml()` for the fragments markdown-it hands over (`html_block`, `html_inline`):
 *   tag by tag, without adding implied closing tags, every tag written again with every
 *   attribute value escaped;
 * - `sanitiseSvg()` for SVG files as they are published: the file stays byte for byte the
 *   same except for what is cut out.
 *
 * Removed, with what is inside: `script`, `iframe`, `frame`, `frameset`, `object`, `embed`,
 * `applet`, `portal`, `fencedframe`. Removed as a tag: `base` and `meta http-equiv`.
 * Removed attributes: event handlers (`on*`), `srcdoc`, an `attributeName` that animates an
 * event handler, names a browser would not read as a name, and URLs with the schemes
 * `javascript:`, `vbscript:` or `data:` (a `data:` image stays) in every attribute that holds
 * a URL (`href`, `src`, `srcset`, `action`, `formaction`, `xlink:href`, `poster`, SVG's
 * `to`/`from`/`values`, ...).
 */
import { QuoteType, Tokenizer } from "htmlparser2";
import type { Removed } from "../diagnostics/messages.ts";

export interface HtmlAttribute {
  /** As written. */
  name: string;
  /** With character references decoded. */
  value: string;
  /** False for a bare attribute (`open`). */
  hasValue: boolean;
  start: number;
  end: number;
}

/** One piece of a fragment; `start`/`end` are offsets in the source (end exclusive). */
export type HtmlPart =
  | { type: "text"; start: number; end: number }
  | { type: "open"; start: number; end: number; name: string; attrs: HtmlAttribute[]; selfClosing: boolean }
  | { type: "close"; start: number; end: number; name: string }
  | { type: "comment" | "declaration" | "cdata" | "instruction"; start: number; end: number; data: string };

/**
 * Reads `src` into tags, text and comments, as they come: nothing is opened, closed or moved.
 * A tag left open at the end (`<div class="x"`) and text are both returned as text.
 */
export function parseHtml(src: string, xml = false): HtmlPart[] {
  const parts: HtmlPart[] = [];
  let pos = 0;
  let tag: Extract<HtmlPart, { type: "open" }> | undefined;
  let attr: HtmlAttribute | undefined;
  const text = (start: number, end: number) => {
    const last = parts.at(-1);
    if (last?.type === "text" && last.end === start) last.end = end;
    else if (end > start) parts.push({ type: "text", start, end });
    pos = end;
  };
  /** Markup whose data runs from `from` to `to`; it ends at the next `>` from `to` (or at the end). */
  const markup = (type: "comment" | "declaration" | "cdata" | "instruction", from: number, to: number, markupStart: number) => {
    const gt = src.indexOf(">", to);
    const end = gt < 0 ? src.length : gt + 1;
    parts.push({ type, start: markupStart, end, data: src.slice(from, to) });
    pos = end;
  };
  const endTag = (end: number, selfClosing: boolean) => {
    if (!tag) return;
    tag.end = end + 1;
    tag.selfClosing = selfClosing;
    parts.push(tag);
    pos = tag.end;
    tag = undefined;
  };
  const tokenizer = new Tokenizer(
    { xmlMode: xml, decodeEntities: true },
    {
      ontext: (start, end) => text(start, end),
      ontextentity: (_cp, end) => text(pos, end),
      onopentagname: (start, end) => {
        tag = { type: "open", start: start - 1, end: 0, name: src.slice(start, end), attrs: [], selfClosing: false };
      },
      onattribname: (start, end) => {
        attr = { name: src.slice(start, end), value: "", hasValue: false, start, end };
      },
      onattribdata: (start, end) => {
        if (attr) attr.value += src.slice(start, end);
      },
      onattribentity: (cp) => {
        if (attr) attr.value += String.fromCodePoint(cp);
      },
      onattribend: (quote, end) => {
        if (!attr || !tag) return;
        attr.hasValue = quote !== QuoteType.NoValue;
        attr.end = end;
        tag.attrs.push(attr);
        attr = undefined;
      },
      onopentagend: (end) => endTag(end, false),
      onselfclosingtag: (end) => endTag(end, true),
      onclosetag: (start, end) => {
        const gt = src.indexOf(">", end);
        const stop = gt < 0 ? src.length : gt + 1;
        parts.push({ type: "close", start: src.lastIndexOf("<", start), end: stop, name: src.slice(start, end) });
        pos = stop;
      },
      // `<!--x-->`: the end sequence's dashes are left out of the data; `<?x>` in HTML is a comment too.
      oncomment: (start, end, offset) => markup("comment", start, end - offset, src.lastIndexOf("<", start)),
      oncdata: (start, end, offset) => markup("cdata", start, end - offset, src.lastIndexOf("<", start)),
      ondeclaration: (start, end) => markup("declaration", start, end, start - 2),
      onprocessinginstruction: (start, end) => markup("instruction", start, end, start - 2),
      onend: () => undefined,
    },
  );
  tokenizer.write(src);
  tokenizer.end();
  if (pos < src.length) text(pos, src.length);
  return parts;
}

/**
 * What a sanitiser took out (`element`: the element itself; `attribute`: one of its
 * attributes; `url`: an attribute's URL), and where: an offset in its source.
 */
export interface Removal extends Removed {
  offset: number;
}

const REMOVE_WITH_CONTENT = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"]);
const VOID = new Set(["area", "base", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
/** Attributes that hold one URL. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "background", "cite", "data", "codebase", "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "archive", "classid", "to", "from", "by"]);
/** Attributes that hold a list of URLs (`srcset`: URL and width; SVG `values`: separated by `;`). */
const URL_LIST_ATTRIBUTES = new Set(["srcset", "imagesrcset", "ping", "values"]);
/** Elements on which a `data:image/svg+xml` URL is shown as an image (its scripts never run). */
const IMAGE_ELEMENTS = new Set(["img", "source", "image", "picture"]);
const VALID_NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;

const localName = (name: string) => name.toLowerCase().slice(name.lastIndexOf(":") + 1);

/** True when `url` would run code, or is a `data:` URL that is not an image for this element. */
export function unsafeUrl(url: string, element = ""): boolean {
  // Browsers drop tabs and newlines anywhere and control characters and spaces at the start.
  const v = url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v)?.[1];
  if (scheme === "javascript" || scheme === "vbscript" || scheme === "livescript") return true;
  if (scheme !== "data") return false;
  const type = /^data:([^;,]*)/.exec(v)?.[1]?.trim() ?? "";
  if (type === "image/svg+xml") return !IMAGE_ELEMENTS.has(element);
  return !/^image\/(png|gif|jpeg|jpg|webp|avif|bmp|x-icon)$/.test(type);
}

/** Why `attr` on `element` must go, or undefined when it may stay. */
function unsafeAttribute(element: string, attr: HtmlAttribute, expand: (v: string) => string = (v) => v): Removal["kind"] | undefined {
  if (!VALID_NAME.test(attr.name)) return "attribute";
  const name = localName(attr.name);
  if (name.startsWith("on") || name === "srcdoc") return "attribute";
  const value = expand(attr.value);
  if (name === "attributename" && value.trim().toLowerCase().startsWith("on")) return "attribute";
  if (URL_ATTRIBUTES.has(name)) return unsafeUrl(value, element) ? "url" : undefined;
  if (URL_LIST_ATTRIBUTES.has(name)) return value.split(/[\s,;]+/).some((u) => unsafeUrl(u, element)) ? "url" : undefined;
  return undefined;
}

/** True when the element goes as a whole (`base`, `meta http-equiv`), apart from those that go with their content. */
function unsafeTag(element: string, attrs: HtmlAttribute[]): boolean {
  return element === "base" || (element === "meta" && attrs.some((a) => a.name.toLowerCase() === "http-equiv"));
}

const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** A `<` that a browser could read as the start of markup, in text we keep. */
const escapeMarkupStart = (s: string) => s.replace(/<(?=[A-Za-z!/?])/g, "&lt;");

/** `<name a="v" b>` (or `<name/>`, `<name />` as `slash` says): every value escaped, nothing added. */
export function serialiseTag(name: string, attrs: Array<Pick<HtmlAttribute, "name" | "value" | "hasValue">>, slash: "" | "/" | " /" = ""): string {
  let out = `<${name}`;
  for (const a of attrs) out += a.hasValue ? ` ${a.name}="${escapeAttribute(a.value)}"` : ` ${a.name}`;
  return `${out}${slash}>`;
}

/** An element whose content is being removed, carried from one fragment to the next. */
export interface Dropping {
  name: string;
  depth: number;
}

export interface Sanitised {
  html: string;
  removed: Removal[];
  /** Set when the fragment ends inside an element that is removed with its content. */
  dropping?: Dropping;
}

/**
 * Sanitises one fragment. `dropping` continues the removal of an element that an earlier
 * fragment opened (an inline `<script>` whose text and `</script>` come as separate tokens).
 */
export function sanitiseHtml(src: string, dropping?: Dropping): Sanitised {
  let out = "";
  const removed: Removal[] = [];
  let drop = dropping ? { ...dropping } : undefined;
  for (const part of parseHtml(src)) {
    if (drop) {
      const name = part.type === "open" || part.type === "close" ? localName(part.name) : "";
      if (part.type === "open" && name === drop.name && !VOID.has(name)) drop.depth++;
      else if (part.type === "close" && name === drop.name && --drop.depth === 0) drop = undefined;
      continue;
    }
    switch (part.type) {
      case "text":
        out += escapeMarkupStart(src.slice(part.start, part.end));
        break;
      case "comment":
        out += `<!--${escapeMarkupStart(part.data).replace(/--!?>/g, "--&gt;")}-->`;
        break;
      case "declaration":
        out += `<!${escapeMarkupStart(part.data)}>`;
        break;
      case "cdata":
      case "instruction":
        out += escapeAttribute(part.data);
        break;
      case "open": {
        const element = localName(part.name);
        if (REMOVE_WITH_CONTENT.has(element) || unsafeTag(element, part.attrs)) {
          removed.push({ offset: part.start, element, kind: "element" });
          if (REMOVE_WITH_CONTENT.has(element) && !VOID.has(element)) drop = { name: element, depth: 1 };
          break;
        }
        const attrs = part.attrs.filter((a) => {
          const kind = unsafeAttribute(element, a);
          if (kind) removed.push({ offset: a.start, element, kind, attribute: a.name, value: a.value });
          return !kind;
        });
        out += serialiseTag(part.name, attrs, part.selfClosing ? (/\s/.test(src[part.end - 3] ?? "") ? " /" : "/") : "");
        break;
      }
      case "close":
        if (!REMOVE_WITH_CONTENT.has(localName(part.name))) out += `</${part.name}>`;
        break;
    }
  }
  return { html: out, removed, dropping: drop };
}

/** Entities a DOCTYPE declares (`<!ENTITY name "value">`), which an XML reader expands. */
function declaredEntities(src: string): Map<string, string> {
  const entities = new Map<string, string>();
  const subset = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(src)?.[1] ?? "";
  for (const m of subset.matchAll(/<!ENTITY\s+(%\s+)?([^\s"']+)\s+(?:"([^"]*)"|'([^']*)')/g)) entities.set(m[2]!, m[3] ?? m[4] ?? "");
  return entities;
}

export interface SanitisedSvg {
  svg: string;
  removed: Removal[];
  /** Set when the file cannot be made safe by cutting (entities that hold markup or a script URL): do not publish it. */
  refused?: Removal;
}

/**
 * Makes an SVG file safe to serve from the site's own origin, where a browser opening it
 * directly would run its scripts: cuts out the elements and attributes of the policy above
 * and `<?xml-stylesheet?>` (XSLT can write scripts); everything else stays as it was.
 */
export function sanitiseSvg(src: string): SanitisedSvg {
  const removed: Removal[] = [];
  const entities = declaredEntities(src);
  for (const [name, value] of entities) {
    if (/[<&]/.test(value) || unsafeUrl(value)) {
      const refused: Removal = { offset: Math.max(0, src.indexOf(name)), element: "!DOCTYPE", kind: "entity", attribute: name, value };
      return { svg: src, removed: [refused], refused };
    }
  }
  const expand = (v: string) => (entities.size ? v.replace(/&([^\s&;]+);/g, (m, n: string) => entities.get(n) ?? m) : v);
  const parts = parseHtml(src, true);
  const cuts: Array<[number, number]> = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.type === "instruction" && /^xml-stylesheet\b/i.test(part.data)) {
      removed.push({ offset: part.start, element: "?xml-stylesheet", kind: "instruction" });
      cuts.push([part.start, part.end]);
    }
    if (part.type !== "open") continue;
    const element = localName(part.name);
    if (REMOVE_WITH_CONTENT.has(element) || unsafeTag(element, part.attrs)) {
      removed.push({ offset: part.start, element, kind: "element" });
      // In XML every element is closed: cut up to its own end tag.
      let end = part.end;
      if (!part.selfClosing) {
        let depth = 1;
        for (i++; i < parts.length; i++) {
          const p = parts[i]!;
          if (p.type === "open" && p.name === part.name && !p.selfClosing) depth++;
          if (p.type === "close" && p.name === part.name && --depth === 0) break;
        }
        end = parts[i]?.end ?? src.length;
      }
      cuts.push([part.start, end]);
      continue;
    }
    for (const a of part.attrs) {
      const kind = unsafeAttribute(element, a, expand);
      if (!kind) continue;
      removed.push({ offset: a.start, element, kind, attribute: a.name, value: expand(a.value) });
      // The space before the attribute goes with it.
      cuts.push([/\s/.test(src[a.start - 1] ?? "") ? a.start - 1 : a.start, a.end]);
    }
  }
  if (!cuts.length) return { svg: src, removed };
  let svg = "";
  let at = 0;
  for (const [start, end] of cuts) {
    svg += src.slice(at, start);
    at = end;
  }
  return { svg: svg + src.slice(at), removed };
}
