/**
 * A page's text as the course model shows it: the rendered HTML without a heading that only
 * repeats the title, a plain-text summary and a word count.
 */

/**
 * Removes a first heading that only repeats the page title (the Eleventy dialect's
 * `#### {{ title }}`): the layout already shows the title as the page's h1.
 */
export function stripLeadingTitle(html: string, title: string): string {
  // Cheap test first: most pages do not start with a heading (an h2–h4 comes in its wrapper with its `#` link, headings.ts).
  if (!/^\s*(?:<div class="heading[ \w-]*">)?<h[1-6]/.test(html.slice(0, 80))) return html;
  const m = /^\s*(<div class="heading[ \w-]*">)?<h([1-6])[^>]*>([\s\S]*?)<\/h\2>(<a class="heading-anchor"[^>]*><\/a><\/div>)?\s*/.exec(html);
  if (!m || !m[1] !== !m[4]) return html;
  const text = m[3]!.replace(/<[^>]+>/g, "").trim();
  return text === title.trim() ? html.slice(m[0].length) : html;
}

function plainText(html: string): string {
  return html
    .replace(/<(script|style|pre)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A closing `Volgende stap: [[Les]]` quote as it renders, after its rule; the link's target is group 1. */
export const NEXT_STEP = /(?:<hr>\s*)?<blockquote>\s*<p>(?:<(?:strong|em)>)?Volgende stap\s*:?\s*(?:<\/(?:strong|em)>)?\s*:?\s*<a href="([^"#]*)"[^>]*>[\s\S]*?<\/a>\.?<\/p>\s*<\/blockquote>\s*$/;

/**
 * The first `max` characters of a page's text (code, scripts and styles left out), read from
 * as little of the HTML as needed: a long page costs no more than a short one.
 */
export function summaryText(html: string, max = 160): string {
  for (let size = 2048; ; size *= 4) {
    // A short page: all of it, but not the closing "Volgende stap" (a pointer, not what the page is about).
    if (size >= html.length) return plainText(html.replace(NEXT_STEP, "")).slice(0, max);
    let part = html.slice(0, size);
    // Never end inside a tag or inside a block whose text is left out.
    const lastOpen = part.lastIndexOf("<");
    if (lastOpen > part.lastIndexOf(">")) part = part.slice(0, lastOpen);
    const block = /<(script|style|pre)\b/gi;
    let m: RegExpExecArray | null;
    while ((m = block.exec(part))) {
      const close = part.indexOf(`</${m[1]!.toLowerCase()}>`, m.index);
      if (close < 0) {
        part = part.slice(0, m.index);
        break;
      }
      block.lastIndex = close;
    }
    const text = plainText(part);
    if (text.length > max) return text.slice(0, max);
  }
}

const ENTITY = /&[a-z#0-9]+;/iy;
const LETTER = /\p{L}/u;
const SPACE = /\s/;

/**
 * Words of a page: runs of text between tags, entities and white space that hold a letter.
 * One pass over the characters, no intermediate strings.
 */
export function countWords(html: string): number {
  let n = 0;
  let inWord = false;
  let letter = false;
  const end = () => {
    if (inWord && letter) n++;
    inWord = letter = false;
  };
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = html.indexOf(">", i + 2);
      if (close > 0) {
        end();
        i = close;
        continue;
      }
    } else if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      if (ENTITY.test(html)) {
        end();
        i = ENTITY.lastIndex - 1;
        continue;
      }
    }
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(html[i]!))) {
      end();
      continue;
    }
    inWord = true;
    if (!letter) letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 128 && LETTER.test(String.fromCodePoint(html.codePointAt(i)!)));
  }
  end();
  return n;
}

/** Text facts of a rendered page, cached by the incremental compiler (keyed by note rel). */
export interface PageText {
  source: string;
  html: string;
  words: number;
  description: string;
}
