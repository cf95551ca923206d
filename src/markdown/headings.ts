/**
 * Stable heading ids and a `#` link to share each h2–h4.
 *
 * Ids are lowercase ASCII slugs of the heading text (`Wat zijn Docker Images?` ->
 * `wat-zijn-docker-images`), unique per page. The vault index computes the same ids with the
 * same functions, so `[[Page#Kop]]` always matches a real id.
 *
 * Every h2–h4 of a page gets a link to itself, placed after the heading rather than inside it
 * (so a screen reader's list of headings holds only the heading text, and a heading that is a
 * link itself holds no nested link):
 *
 *     <div class="heading heading-2"><h2 id="x">Tekst</h2><a class="heading-anchor" href="#x" aria-label="Link naar deze kop"></a></div>
 *
 * The link has no text of its own: the stylesheet draws the `#`, and its name is the label.
 * So the page's summary, word count and search index never see it, and its name is spoken
 * once. Headings of an embedded note (`![[Note]]`) get neither id nor link: no link points
 * at them (the page's own headings are what `[[#Kop]]` and the table of contents use), and
 * their ids could repeat the page's own.
 */
import type MarkdownIt from "markdown-it";
import { t } from "../site/strings.ts";
import { headingSlug, SlugCounter } from "../vault/slug.ts";
import { expandVariables } from "../vault/variables.ts";
import { asEnv } from "./env.ts";

export interface Options {
  /** Accessible name of the `#` link. Default `t.headings.anchor` ("Link naar deze kop"). */
  anchorLabel?: string;
}

/** Heading levels that get a link. */
const ANCHORED = /^h[2-4]$/;

export default function headingsPlugin(md: MarkdownIt, options: Options = {}): void {
  const label = md.utils.escapeHtml(options.anchorLabel ?? t.headings.anchor);
  md.core.ruler.push("heading_ids", (state) => {
    const env = asEnv(state.env);
    if (env.stack.length) return;
    const counter = new SlugCounter();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      if (tok.type !== "heading_open") continue;
      const source = tokens[i + 1]?.content ?? "";
      const id = counter.next(headingSlug(expandVariables(source, env.data).text));
      tok.attrSet("id", id);
      if (ANCHORED.test(tok.tag)) tok.meta = { ...(tok.meta ?? {}), anchor: id };
    }
  });
  const anchorOf = (tok: { meta: unknown } | undefined): string | undefined => (tok?.meta as { anchor?: string } | null)?.anchor;
  md.renderer.rules.heading_open = (tokens, idx, opts, _env, self) => {
    const open = self.renderToken(tokens, idx, opts);
    return anchorOf(tokens[idx]) ? `<div class="heading heading-${tokens[idx]!.tag.slice(1)}">${open}` : open;
  };
  md.renderer.rules.heading_close = (tokens, idx, opts, _env, self) => {
    const close = self.renderToken(tokens, idx, opts);
    const open = tokens[idx - 2];
    const anchor = open?.type === "heading_open" ? anchorOf(open) : undefined;
    if (!anchor) return close;
    // renderToken ends a block tag with a newline: the link and the wrapper's end go before it.
    return `${close.trimEnd()}<a class="heading-anchor" href="#${md.utils.escapeHtml(anchor)}" aria-label="${label}"></a></div>\n`;
  };
}
