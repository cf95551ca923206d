/**
 * Images in all three spellings: Markdown `![alt](pad.png)`, Obsidian `![[pad.png|alt|400]]`
 * (tokens from the wikilinks plugin) and HTML `<img src="/_assets/x.png" eleventy:widths="400">`
 * (Eleventy dialect). Each source is found through the vault index (shared `_assets/`
 * included) and rendered by the image pipeline; a missing file or missing alt text is a
 * diagnostic and a visible placeholder, never a crash.
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { Diagnostics } from "../diagnostics/index.ts";
import { imageFileProblem } from "../images/check.ts";
import type { ImageRequest } from "../images/index.ts";
import type { Attachment, Vault } from "../vault/index.ts";
import { asEnv, blockLine, type RenderEnv } from "./env.ts";
import { parseHtml } from "./sanitise.ts";

export interface Options {
  vault?: Vault;
  diagnostics?: Diagnostics;
  /** Turns a resolved image into HTML (normally `ImagePipeline.html`). Default: a plain `<img>`. */
  render?: (req: ImageRequest) => string;
}

/** Attributes of a raw `<img>` that the image renderer writes itself. */
const OWN_ATTRIBUTES = new Set(["src", "alt", "width", "height", "eleventy:widths", "loading", "decoding", "sizes"]);

export default function imagesPlugin(md: MarkdownIt, options: Options = {}): void {
  const esc = md.utils.escapeHtml;
  const plain = (req: ImageRequest) => `<img src="${esc(req.url)}" alt="${esc(req.alt)}"${req.width ? ` width="${req.width}"` : ""} loading="lazy">`;
  const renderImage = options.render ?? plain;

  function placeholder(name: string, alt: string): string {
    return `<span class="image-missing" role="img" aria-label="${esc(alt || name)}">Afbeelding ontbreekt: ${esc(name)}</span>`;
  }

  /** Resolves `src` and renders it, reporting problems at `line`. */
  function image(env: RenderEnv, line: number, src: string, alt: string | undefined, width: number | undefined, attrs: Record<string, string>, found?: Attachment | null): string {
    const at = { file: env.file, line };
    if (/^(https?:)?\/\//i.test(src) || src.startsWith("data:")) {
      if (!src.startsWith("data:")) options.diagnostics?.report("warning", "external-image", at, { src });
      return `<img src="${esc(src)}" alt="${esc(alt ?? "")}" loading="lazy">`;
    }
    let att = found ?? undefined;
    if (found === undefined) {
      const res = options.vault?.resolveAttachment(src, env.note);
      if (!res || res.kind === "missing") {
        options.diagnostics?.report("error", "missing-image", at, { src, suggestion: res?.suggestion });
        return placeholder(src, alt ?? "");
      }
      att = res.target;
    }
    if (!att) return placeholder(src, alt ?? "");
    env.attachments.add(att);
    if (alt === undefined) options.diagnostics?.report("warning", "image-alt", at, { src });
    // A damaged file (empty, cut off, no image) is not converted: the page links to the file as it is,
    // with the alt text as the link text, so the reader still learns what it should show.
    const broken = imageFileProblem(att.abs);
    if (broken) {
      options.diagnostics?.report("error", "image-broken", at, { src, problem: broken.message, fix: broken.hint });
      return `<a href="${esc(att.url)}">${esc(alt || att.name)}</a>`;
    }
    try {
      return renderImage({ file: att.abs, url: att.url, alt: alt ?? "", width, attrs });
    } catch (err) {
      options.diagnostics?.report("error", "image-unreadable", at, { src, error: (err as Error).message.split("\n")[0] ?? "" });
      return placeholder(src, alt ?? "");
    }
  }

  /**
   * A diagram: an SVG alone in its paragraph links to its own file, so a reader can open it
   * large without JavaScript; the client shows it in a full-screen view instead.
   */
  const diagram = (tokens: Token[], html: string) => {
    const src = tokens.length === 1 ? /^<img src="(\/[^"]*\.svg)" alt="[^"]/i.exec(html)?.[1] : undefined;
    return src ? `<a class="diagram" href="${src}">${html}</a>` : html;
  };

  md.renderer.rules.image = (tokens, idx, _opts, rawEnv) => {
    const t = tokens[idx]!;
    const env = asEnv(rawEnv);
    const alt = t.children ? md.renderer.renderInlineAsText(t.children, md.options, rawEnv) : t.content;
    const size = /^(.*?)\|(\d+)(?:x\d+)?$/.exec(alt);
    const title = t.attrGet("title");
    return diagram(tokens, image(env, (t.meta as { line?: number } | null)?.line ?? env.bodyLine + (env.blockLine ?? 0), t.attrGet("src") ?? "", size ? size[1]! : alt || undefined, size ? Number(size[2]) : undefined, title ? { title } : {}));
  };

  md.renderer.rules.wikilink_image = (tokens, idx, _opts, rawEnv) => {
    const meta = tokens[idx]!.meta as { attachment?: Attachment; alt?: string; width?: number; target: string; line: number };
    const env = asEnv(rawEnv);
    return diagram(tokens, image(env, meta.line, meta.target, meta.alt ?? "", meta.width, {}, meta.attachment ?? null));
  };

  /**
   * Rewrites `<img>` tags in raw HTML, read with the HTML parser (a quoted `>` or `"` stays in
   * its attribute); `eleventy:widths` gives the display width. The rest is left as it is.
   */
  function rewriteHtml(content: string, env: RenderEnv, line: number): string {
    let out = "";
    let at = 0;
    for (const tag of parseHtml(content)) {
      if (tag.type !== "open" || tag.name.toLowerCase() !== "img") continue;
      const get = (n: string) => tag.attrs.find((a) => a.name.toLowerCase() === n)?.value;
      const src = get("src");
      if (!src) continue;
      const widths = get("eleventy:widths");
      const width = Number(get("width") ?? widths?.split(",")[0]) || undefined;
      const keep: Record<string, string> = {};
      for (const a of tag.attrs) if (!OWN_ATTRIBUTES.has(a.name.toLowerCase())) keep[a.name] = a.value;
      out += content.slice(at, tag.start) + image(env, line, src, get("alt"), width, keep);
      at = tag.end;
    }
    return at === 0 ? content : out + content.slice(at);
  }

  // Record line numbers on image tokens while the map is known; rewrite raw HTML images.
  md.core.ruler.push("images", (state) => {
    const env = asEnv(state.env);
    let line = env.bodyLine;
    const visit = (tokens: Token[]) => {
      for (const t of tokens) {
        if (t.map) line = blockLine(env, t.map);
        if (t.type === "image") t.meta = { ...(t.meta ?? {}), line };
        if ((t.type === "html_block" || t.type === "html_inline") && /<img\b/i.test(t.content)) t.content = rewriteHtml(t.content, env, line);
        if (t.children) visit(t.children);
      }
    };
    visit(state.tokens);
  });
}
