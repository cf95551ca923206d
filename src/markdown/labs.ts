/**
 * Interactive labs in code fences, rendered at build time so a page without JavaScript shows
 * them too; src/client/_labs.ts makes them editable.
 *
 * - ```` ```dockerfile explore ```` (optionally `files=package.json,src/app.js`): the highlighted
 *   Dockerfile, and its layer stack by stage with kinds, rough sizes, lint messages and tips.
 *   `les="Note#Kop"` (quoted, or `les=Note#Kop` without spaces) names the lesson section the lab
 *   explains: resolved through the vault like a wikilink (a missing page or heading is reported
 *   the same way), every reason and tip then ends with a link "Lees: <kop>". The resolved link
 *   travels to the browser in `data-lab-read` and `data-lab-read-title`.
 * - ```` ```yaml compose-map ````: the highlighted compose.yaml, the map as SVG, the same facts
 *   as a list, and the mistakes found.
 *
 * Every other fence renders as before.
 */
import type MarkdownIt from "markdown-it";
import type { Diagnostics } from "../diagnostics/index.ts";
import type { Vault } from "../vault/index.ts";
import { labs } from "../site/strings-labs.ts";
import { parseCompose } from "../labs/compose.ts";
import { renderComposeOutput } from "../labs/compose-view.ts";
import { parseDockerfile } from "../labs/dockerfile.ts";
import { lintDockerfile } from "../labs/dockerfile-lint.ts";
import { renderDockerfileOutput, type ReadLink } from "../labs/dockerfile-view.ts";
import { esc } from "../labs/html.ts";
import { asEnv, blockLine } from "./env.ts";
import { parseWikilink, resolvePageLink } from "./wikilinks.ts";

export interface LabsOptions {
  /** Vault the `les=` option is resolved against. */
  vault?: Vault;
  /** Where a `les=` target that does not exist is reported. */
  diagnostics?: Diagnostics;
}

/** The `les=` option of an info string: `les="Note#Kop"`, `les='Note#Kop'` or `les=Note#Kop`. */
const LES = /(?:^|\s)les=(?:"([^"]*)"|'([^']*)'|(\S+))/;

/** The info string's `les=` value and the rest of its words (a quoted value may hold spaces). */
export function labInfo(info: string): { words: string[]; les?: string; raw?: string } {
  const m = LES.exec(info);
  const rest = m ? info.slice(0, m.index) + " " + info.slice(m.index + m[0].length) : info;
  const words = rest.trim().split(/\s+/).filter(Boolean);
  return m ? { words, les: (m[1] ?? m[2] ?? m[3] ?? "").trim(), raw: m[0].trim() } : { words };
}

/** Heading text without Markdown's inline marks, for the link's label. */
function plain(text: string): string {
  return text.replace(/[`*_]|==/g, "").replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, "$1").trim();
}

/** Files a student can mark as changed when the fence names none. */
export const DEFAULT_LAB_FILES = ["package.json", "src/app.js"];

/** A short stable id from the block's text, so ids stay unique when a page holds several labs. */
function idFor(text: string, n: number): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return `lab-${(h >>> 0).toString(36)}-${n}`;
}

export default function labsPlugin(md: MarkdownIt, options: LabsOptions = {}): void {
  const fence = md.renderer.rules.fence!;
  /** The section `les=` names, resolved like `[[les]]` on the fence's line; undefined when it is broken. */
  const readLink = (les: string, raw: string, envIn: unknown, map: [number, number] | null): ReadLink | undefined => {
    const env = asEnv(envIn);
    const line = blockLine(env, map);
    const parts = parseWikilink(les);
    if (!parts.target && !parts.heading) {
      options.diagnostics?.report("error", "broken-wikilink", { file: env.file, line, column: 1 }, { what: "lab-link", raw, target: "", empty: true });
      return undefined;
    }
    const target = resolvePageLink(parts, raw, env, { line, column: 1 }, options, "lab-link");
    if (!target.href || !target.note) return undefined;
    if (target.note !== env.note) env.links.push({ target: target.note, anchor: target.anchor, line, embed: false });
    const heading = target.anchor ? target.note.headings.find((h) => h.id === target.anchor) : undefined;
    return { href: target.href, title: plain(heading?.text ?? target.note.title) };
  };
  const counts = new WeakMap<object, number>();
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const { words, les, raw } = labInfo(token.info);
    const lang = words[0]?.toLowerCase() ?? "";
    const explore = (lang === "dockerfile" || lang === "containerfile") && words.includes("explore");
    const map = (lang === "yaml" || lang === "yml" || lang === "compose") && words.includes("compose-map");
    const code = fence(tokens, idx, options, env, self);
    if (!explore && !map) return code;
    const n = (counts.get(env) ?? 0) + 1;
    counts.set(env, n);
    const id = idFor(token.content, n);
    const s = map ? labs.compose : labs.dockerfile;
    const head = `<p class="lab-title" id="${id}-title">${esc(s.label)}</p><p class="lab-noscript">${esc(s.noScript)}</p><div class="lab-source">${code}</div>`;
    if (explore) {
      const files = words.find((w) => w.startsWith("files="))?.slice(6).split(",").filter(Boolean) ?? DEFAULT_LAB_FILES;
      const model = parseDockerfile(token.content);
      const read = les !== undefined ? readLink(les, raw!, env, token.map) : undefined;
      const data = read ? ` data-lab-read="${esc(read.href)}" data-lab-read-title="${esc(read.title)}"` : "";
      return (
        `<div class="lab lab-dockerfile" role="group" aria-labelledby="${id}-title" data-lab="dockerfile" data-lab-id="${id}" data-lab-files="${esc(files.join(","))}"${data}>${head}` +
        `<div class="lab-output" data-lab-output>${renderDockerfileOutput(model, lintDockerfile(token.content), undefined, { read })}</div></div>\n`
      );
    }
    const model = parseCompose(token.content);
    return (
      `<div class="lab lab-compose" role="group" aria-labelledby="${id}-title" data-lab="compose" data-lab-id="${id}">${head}` +
      `<div class="lab-output" data-lab-output>${renderComposeOutput(model, id)}</div></div>\n`
    );
  };
}
