/**
 * Note files as text: UTF-8, or else Windows-1252 (old Windows and Latin-1 files), with where
 * the first byte that is not UTF-8 stands, for the `encoding` rule's message.
 */

/** How a file that is not UTF-8 was read: as Windows-1252, and where its first non-UTF-8 byte is. */
export interface NoteEncoding {
  name: "windows-1252";
  /** 1-based line of the first byte that is not UTF-8. */
  line: number;
  /** That line as read. */
  text: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const windows1252 = new TextDecoder("windows-1252");
/**
 * Bytes 0x80-0x9F in Windows-1252 (WHATWG's table; the five unused bytes stay as they are).
 * Node 20's decoder reads them as Latin-1 control characters, so they are mapped here.
 */
const CP1252_HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ";

/**
 * The text of a note file. Valid UTF-8 (with its byte-order mark kept, for the `bom` rule) is
 * decoded once. Anything else is an old Windows or Latin-1 file: decoded as Windows-1252, so
 * `café` reads right instead of as `caf�`, and the first line that is not UTF-8 is kept for the
 * message.
 */
export function decodeNote(bytes: Uint8Array): { text: string; encoding?: NoteEncoding } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const text = windows1252.decode(bytes).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
    const bad = firstInvalidUtf8(bytes);
    let start = 0;
    let line = 1;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        start = i + 1;
      }
    }
    // One byte per character in Windows-1252: the byte offsets are the text's offsets.
    const end = text.indexOf("\n", start);
    return { text, encoding: { name: "windows-1252", line, text: text.slice(start, end < 0 ? undefined : end).replace(/\r$/, "") } };
  }
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points beyond U+10FFFF: limits on the second byte.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += n + 1;
  }
  return bytes.length;
}
