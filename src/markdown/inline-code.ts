/**
 * Inline code that does not break in the middle of a short token.
 *
 * A browser may break a line after a hyphen or a slash, also inside `<code>`: `nginx:1.27-alpine`
 * ended up as `nginx:1.27-` at the end of one line and `alpine` on the next. So:
 *
 *   `nginx:1.27-alpine`            -> <code class="nowrap">nginx:1.27-alpine</code>
 *   `docker run -p 8080:80 nginx:1.27-alpine` (longer than `shortLength`)
 *       -> <code>docker run -p 8080:80 <span class="nowrap">nginx:1.27-alpine</span></code>
 *
 * A short code with a space, hyphen or slash in it stays on one line as a whole (other code
 * cannot break and gets no class); a longer one still wraps at its spaces, but none of its
 * short words with a hyphen or slash inside breaks there. A word longer than `shortLength` may
 * still break, so a phone never has to scroll sideways. The text is unchanged: copying the
 * code gives what was written.
 */
import type MarkdownIt from "markdown-it";

export interface Options {
  /** Code (or, in longer code, a word) of at most this many characters stays on one line. Default 20. */
  shortLength?: number;
  /** The class that keeps it on one line (`white-space: nowrap` in the stylesheet). Default `nowrap`. */
  className?: string;
}

/** Where a browser breaks a line inside code: after a hyphen or a slash between two characters. */
const BREAK_INSIDE = /.[-/\u2010]./u;

export default function inlineCodePlugin(md: MarkdownIt, options: Options = {}): void {
  const short = options.shortLength ?? 20;
  const cls = md.utils.escapeHtml(options.className ?? "nowrap");
  md.renderer.rules.code_inline = (tokens, idx, _opts, _env, self) => {
    const token = tokens[idx]!;
    const content = token.content;
    if ([...content].length <= short) {
      if (!/\s/.test(content) && !BREAK_INSIDE.test(content)) return `<code${self.renderAttrs(token)}>${md.utils.escapeHtml(content)}</code>`;
      // Once only: the same tokens may be rendered more than once.
      if (!token.attrGet("class")?.split(" ").includes(cls)) token.attrJoin("class", cls);
      return `<code${self.renderAttrs(token)}>${md.utils.escapeHtml(content)}</code>`;
    }
    const body = content
      .split(/(\s+)/)
      .map((part) => {
        const text = md.utils.escapeHtml(part);
        const length = [...part].length;
        return length <= short && !/\s/.test(part) && BREAK_INSIDE.test(part) ? `<span class="${cls}">${text}</span>` : text;
      })
      .join("");
    return `<code${self.renderAttrs(token)}>${body}</code>`;
  };
}
