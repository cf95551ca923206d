/**
 * Stable heading ids: lowercase ASCII slugs of the heading text (`Wat zijn Docker
 * Images?` -> `wat-zijn-docker-images`), unique per page. The vault index computes the
 * same ids with the same functions, so `[[Page#Kop]]` always matches a real id.
 */
import type MarkdownIt from "markdown-it";
import { headingSlug, SlugCounter } from "../vault/slug.ts";
import { expandVariables } from "../vault/variables.ts";
import { asEnv } from "./env.ts";

export interface Options {
  /** Add a `#` link to each h2–h4 so readers can share a heading. Default `false`. */
  anchorLinks?: boolean;
}

export default function headingsPlugin(md: MarkdownIt, options: Options = {}): void {
  const anchorLinks = options.anchorLinks ?? false;
  md.core.ruler.push("heading_ids", (state) => {
    const env = asEnv(state.env);
    const counter = new SlugCounter();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type !== "heading_open") continue;
      const source = tokens[i + 1]?.content ?? "";
      const id = counter.next(headingSlug(expandVariables(source, env.data).text));
      t.attrSet("id", id);
      if (anchorLinks && /^h[2-4]$/.test(t.tag)) t.meta = { ...(t.meta ?? {}), anchor: id };
    }
  });
  md.renderer.rules.heading_close = (tokens, idx, opts, _env, self) => {
    const open = tokens[idx - 2];
    const anchor = open?.type === "heading_open" ? (open.meta as { anchor?: string } | null)?.anchor : undefined;
    const link = anchor ? `<a class="heading-anchor" href="#${md.utils.escapeHtml(anchor)}" aria-label="Link naar dit kopje">#</a>` : "";
    return link + self.renderToken(tokens, idx, opts);
  };
}
