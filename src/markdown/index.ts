/**
 * `createMarkdown()`: the one parser factory, used by the build, the content check and the
 * tests. Every plugin lives in its own file in this folder.
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import markPlugin from "markdown-it-mark";
import type { Diagnostics } from "../diagnostics/index.ts";
import type { ImageRequest } from "../images/index.ts";
import type { Note, Vault } from "../vault/index.ts";
import calloutsPlugin from "./callouts.ts";
import commentsPlugin from "./comments.ts";
import embedsPlugin from "./embeds.ts";
import sourceLinesPlugin, { newEnv, type RenderEnv } from "./env.ts";
import headingsPlugin from "./headings.ts";
import htmlPlugin from "./html.ts";
import { highlight } from "./highlight.ts";
import imagesPlugin from "./images.ts";
import inlineCodePlugin from "./inline-code.ts";
import labsPlugin from "./labs.ts";
import linksPlugin from "./links.ts";
import quizPlugin from "./quiz.ts";
import sectionsPlugin from "./sections.ts";
import tabsPlugin from "./tabs.ts";
import taskListsPlugin from "./tasklists.ts";
import variablesPlugin from "./variables.ts";
import wikilinksPlugin from "./wikilinks.ts";

export interface MarkdownOptions {
  /** Vault index for wikilinks, embeds and images. */
  vault?: Vault;
  /** Collector for every problem found while rendering. */
  diagnostics?: Diagnostics;
  /** Image renderer (normally `ImagePipeline.html`); default: plain `<img>`. */
  renderImage?: (req: ImageRequest) => string;
  /** Highlight code at build time. Default `true`. */
  highlight?: boolean;
  /** Leave raw HTML as written, scripts included (`COURSE_ALLOW_HTML_SCRIPTS=1`). Default `false`: sanitised (html.ts). */
  allowHtmlScripts?: boolean;
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const { vault, diagnostics } = options;
  const md = new MarkdownIt({
    html: true,
    linkify: true,
    // Obsidian shows a single line break as a line break.
    breaks: true,
    typographer: false,
    highlight: options.highlight === false ? null : highlight,
  });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.use(sourceLinesPlugin)
    .use(commentsPlugin, { diagnostics })
    .use(markPlugin)
    .use(inlineCodePlugin)
    .use(embedsPlugin, { vault, diagnostics })
    .use(wikilinksPlugin, { vault, diagnostics })
    .use(linksPlugin, { vault, diagnostics })
    .use(calloutsPlugin, { diagnostics })
    .use(quizPlugin, { diagnostics })
    .use(taskListsPlugin)
    .use(sectionsPlugin, { diagnostics })
    .use(tabsPlugin, { diagnostics })
    .use(variablesPlugin, { diagnostics })
    .use(headingsPlugin)
    .use(htmlPlugin, { diagnostics, allowScripts: options.allowHtmlScripts })
    .use(imagesPlugin, { vault, diagnostics, render: options.renderImage })
    .use(labsPlugin, { vault, diagnostics });
  return md;
}

export interface RenderedNote {
  html: string;
  /** Links and attachments the page uses. */
  env: RenderEnv;
  /** The parsed tokens, for rules that look at the structure (code blocks) without parsing again. */
  tokens: Token[];
}

/** Renders one note of the vault: parsed once, then rendered from those tokens. */
export function renderNote(md: MarkdownIt, note: Note): RenderedNote {
  const env = newEnv({ note, file: note.file, bodyLine: note.bodyLine, data: { ...note.data, title: note.title } });
  const tokens = md.parse(note.body, env);
  const html = md.renderer.render(tokens, md.options, env);
  return { html, env, tokens };
}

export { newEnv, type RenderEnv } from "./env.ts";
