/**
 * Markdown links inside the vault, resolved like Obsidian resolves them: `[tekst](Andere%20notitie.md)`,
 * `[tekst](<Andere notitie.md#Kop>)`, `[tekst](Andere notitie.md)` (Obsidian accepts the spaces),
 * `[tekst](../map/notitie.md)` and `[richtlijnen](Richtlijnen.pdf)`. A target is looked up with the
 * same vault index and rules as a wikilink: the path relative to the page first, then the name
 * anywhere in the vault; a name with a dot is a note when a note of that name exists. A link to a
 * missing note is the same visible non-link and `broken-wikilink` diagnostic as a broken wikilink.
 *
 * Left as written: external URLs (`https:`, `mailto:`, `//host`), anchors on the page itself
 * (`#kop`), site paths (`/_assets/x.png`) and folder URLs that end in `/`.
 */
import type MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { t } from "../site/strings.ts";
import type { Vault } from "../vault/index.ts";
import { asEnv, inlinePosition } from "./env.ts";
import { attachmentExtension, resolvePageLink } from "./wikilinks.ts";

export interface Options {
  /** Vault that targets are resolved against. Without one, links are left as written. */
  vault?: Vault;
  /** Where problems are reported. */
  diagnostics?: Diagnostics;
}

/** Class of a link whose target does not exist, rendered as a `<span>`. */
const BROKEN_CLASS = "wikilink broken";

type InlineRule = (state: StateInline, silent: boolean) => boolean;

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** `[label](Name with spaces.md)` or `(...md#Kop met spaties)`: Obsidian's own spelling. */
const SPACED_TARGET = /^[^<>()\n]+\.md(?:#[^()\n]*)?$/i;

/** True for an href that names a file in the vault (not a URL, not an anchor, not a site path). */
export function isVaultHref(href: string): boolean {
  return href !== "" && !EXTERNAL.test(href) && !href.startsWith("#") && !href.startsWith("/") && !href.startsWith("?");
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `map/Les%204.md?x#Kop%201` -> path `map/Les 4.md`, fragment `Kop 1`. */
export function splitHref(href: string): { path: string; fragment?: string } {
  const hash = href.indexOf("#");
  const before = hash >= 0 ? href.slice(0, hash) : href;
  const fragment = hash >= 0 ? decode(href.slice(hash + 1)) : undefined;
  return { path: decode(before.replace(/\?.*$/, "")), fragment: fragment || undefined };
}

export default function linksPlugin(md: MarkdownIt, options: Options = {}): void {
  const rules = (md.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: InlineRule }> }).__rules__;
  const original = rules.find((r) => r.name === "link")?.fn;
  if (!original) throw new Error("links plugin: markdown-it has no inline rule named link");

  /** Points the link between `openIdx` and the last token at what its href names in the vault. */
  function resolve(state: StateInline, openIdx: number, start: number): void {
    const vault = options.vault;
    if (!vault) return;
    const open = state.tokens[openIdx]!;
    const close = state.tokens.at(-1)!;
    const href = open.attrGet("href") ?? "";
    if (!isVaultHref(href)) return;
    const { path, fragment } = splitHref(href);
    if (!path || path.endsWith("/") || path === "." || path === "..") return;
    const env = asEnv(state.env);
    const at = inlinePosition(state, start);
    const raw = state.src.slice(start, state.pos);
    const broken = (title?: string, cls = BROKEN_CLASS) => {
      open.type = "wikilink_open";
      open.tag = "span";
      open.attrs = [["class", cls]];
      if (title) open.attrs.push(["title", title]);
      close.type = "wikilink_close";
      close.tag = "span";
    };
    const ext = attachmentExtension(path, env, vault);
    if (ext) {
      const res = vault.resolveAttachment(path, env.note);
      if (res.kind === "missing") {
        options.diagnostics?.report("error", "missing-attachment", { file: env.file, line: at.line, column: at.column }, { raw, link: true, suggestion: res.suggestion });
        broken(t.links.missingFile);
        return;
      }
      env.attachments.add(res.target);
      open.attrSet("href", res.target.url + (fragment ? `#${encodeURI(fragment)}` : ""));
      open.meta = { ...(open.meta ?? {}), attachment: res.target };
      return;
    }
    const target = resolvePageLink({ target: path.replace(/\.md$/i, ""), heading: fragment }, raw, env, at, options, "link");
    if (target.note && target.note !== env.note) env.links.push({ target: target.note, anchor: target.anchor, line: at.line, embed: false });
    if (target.href) {
      open.attrSet("href", target.href);
      open.meta = { ...(open.meta ?? {}), target: target.note?.rel, anchor: target.anchor };
    } else if (target.note?.unpublished) broken(undefined, "wikilink draft");
    else broken(target.note ? t.links.missingHeading : t.links.missingPage);
  }

  /** `[label](Name with spaces.md#Kop)`, which CommonMark does not read as a link. */
  function spaced(state: StateInline, silent: boolean): boolean {
    const start = state.pos;
    const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
    if (labelEnd < 0 || state.src.charCodeAt(labelEnd + 1) !== 0x28 /* ( */) return false;
    const close = state.src.indexOf(")", labelEnd + 2);
    if (close < 0 || close > state.posMax) return false;
    const dest = state.src.slice(labelEnd + 2, close).trim();
    if (!SPACED_TARGET.test(dest) || !/\s/.test(dest) || !isVaultHref(dest)) return false;
    if (!silent) {
      const max = state.posMax;
      state.pos = start + 1;
      state.posMax = labelEnd;
      const open = state.push("link_open", "a", 1);
      open.attrs = [["href", state.md.normalizeLink(dest)]];
      const openIdx = state.tokens.length - 1;
      const level = state as unknown as { linkLevel: number };
      level.linkLevel++;
      state.md.inline.tokenize(state);
      level.linkLevel--;
      state.push("link_close", "a", -1);
      state.posMax = max;
      state.pos = close + 1;
      resolve(state, openIdx, start);
    }
    state.pos = close + 1;
    return true;
  }

  md.inline.ruler.at("link", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const start = state.pos;
    const before = state.tokens.length;
    if (original(state, silent)) {
      if (!silent) {
        let openIdx = before;
        while (openIdx < state.tokens.length && state.tokens[openIdx]!.type !== "link_open") openIdx++;
        if (openIdx < state.tokens.length) resolve(state, openIdx, start);
      }
      return true;
    }
    return spaced(state, silent);
  });
}
