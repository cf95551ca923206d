/**
 * Text for the `<head>` of a page. The meta description is plain text: markup is left out
 * and character references are decoded, so the template escapes each character exactly
 * once (`&` becomes `&amp;` in the page, not lost and not `&amp;amp;`).
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decodes the character references markdown-it and the highlighters write. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

function plain(html: string): string {
  const text = html
    .replace(/<(script|style|pre)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<(script|style|pre)\b[\s\S]*$/i, " ")
    // Block boundaries become a space; inline markup (`<b>vet</b>:`) joins its text.
    .replace(/<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|tr|td|th|table|thead|tbody|blockquote|section|article|aside|details|summary|figure|figcaption|nav|header|footer)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

/**
 * The first `max` characters of a page's text (code blocks, scripts and styles left out),
 * read from as little of the HTML as needed.
 */
export function metaDescription(html: string, max = 160): string {
  for (let size = 2048; ; size *= 4) {
    if (size >= html.length) return plain(html).slice(0, max).trim();
    let part = html.slice(0, size);
    const lastOpen = part.lastIndexOf("<");
    if (lastOpen > part.lastIndexOf(">")) part = part.slice(0, lastOpen);
    const text = plain(part);
    if (text.length > max) return text.slice(0, max).trim();
  }
}
