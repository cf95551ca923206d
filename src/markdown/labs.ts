/**
 * Interactive labs in code fences, rendered at build time so a page without JavaScript shows
 * them too; src/client/_labs.ts makes them editable.
 *
 * - ```` ```dockerfile explore ```` (optionally `files=package.json,src/app.js`): the highlighted
 *   Dockerfile, and its layer stack by stage with kinds, rough sizes, lint messages and tips.
 * - ```` ```yaml compose-map ````: the highlighted compose.yaml, the map as SVG, the same facts
 *   as a list, and the mistakes found.
 *
 * Every other fence renders as before.
 */
import type MarkdownIt from "markdown-it";
import { labs } from "../site/strings-labs.ts";
import { parseCompose } from "../labs/compose.ts";
import { renderComposeOutput } from "../labs/compose-view.ts";
import { parseDockerfile } from "../labs/dockerfile.ts";
import { lintDockerfile } from "../labs/dockerfile-lint.ts";
import { renderDockerfileOutput } from "../labs/dockerfile-view.ts";
import { esc } from "../labs/html.ts";

/** Files a student can mark as changed when the fence names none. */
export const DEFAULT_LAB_FILES = ["package.json", "src/app.js"];

/** A short stable id from the block's text, so ids stay unique when a page holds several labs. */
function idFor(text: string, n: number): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return `lab-${(h >>> 0).toString(36)}-${n}`;
}

export default function labsPlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!;
  const counts = new WeakMap<object, number>();
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const words = token.info.trim().split(/\s+/);
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
      return (
        `<div class="lab lab-dockerfile" role="group" aria-labelledby="${id}-title" data-lab="dockerfile" data-lab-id="${id}" data-lab-files="${esc(files.join(","))}">${head}` +
        `<div class="lab-output" data-lab-output>${renderDockerfileOutput(model, lintDockerfile(token.content))}</div></div>\n`
      );
    }
    const model = parseCompose(token.content);
    return (
      `<div class="lab lab-compose" role="group" aria-labelledby="${id}-title" data-lab="compose" data-lab-id="${id}">${head}` +
      `<div class="lab-output" data-lab-output>${renderComposeOutput(model, id)}</div></div>\n`
    );
  };
}
