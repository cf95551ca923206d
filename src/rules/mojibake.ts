/**
 * Mojibake: UTF-8 text that was once read as Latin-1/Windows-1252 and saved again, so "ë"
 * shows as "Ã«". Finds garbled words in a line (linear in the line) and their repair.
 */
import type { Diagnostics } from "../diagnostics/index.ts";
import type { ScannedNote } from "./scan.ts";

/** Windows-1252 characters in 0x80-0x9F and the byte each stands for. */
const CP1252_BYTES = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87], [0x02c6, 0x88],
  [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93],
  [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);
const CONT = `[\\u0080-\\u00BF${[...CP1252_BYTES.keys()].map((c) => `\\u${c.toString(16).padStart(4, "0")}`).join("")}]`;
/** A UTF-8 lead byte read as Latin-1/Windows-1252, followed by its continuation bytes. */
const MOJIBAKE = new RegExp(`(?:[\\u00C2-\\u00F4]${CONT}{1,3})+`, "g");
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes text that was UTF-8 read as Latin-1/Windows-1252; undefined when it is not such text. */
export function repairMojibake(text: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const b = c < 0x100 ? c : CP1252_BYTES.get(c);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  try {
    const out = utf8.decode(new Uint8Array(bytes));
    return out !== text && /[^\x00-\x7f]/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Characters of a word that holds mojibake: letters, digits, Latin-1 symbols and hyphens. */
const WORD_CHAR = /[\p{L}\p{N}\u0080-\u00BF-]/u;

/**
 * Mojibake in one line: each garbled word with its repair and 0-based column. Linear in the
 * line: the word around a match is looked up in the runs of word characters, found in one
 * pass, and a word is repaired once, however many matches it holds.
 */
export function findMojibake(line: string): Array<{ word: string; repaired: string; column: number }> {
  const found: Array<{ word: string; repaired: string; column: number }> = [];
  const starts = new Set<number>();
  let runs: { left: Int32Array; right: Int32Array } | undefined;
  for (const m of line.matchAll(MOJIBAKE)) {
    if (repairMojibake(m[0]) === undefined) continue;
    runs ??= wordRuns(line);
    const start = runs.left[m.index]!;
    if (starts.has(start)) continue; // the same word as an earlier match
    starts.add(start);
    const end = runs.right[m.index + m[0].length]!;
    const word = line.slice(start, end);
    // Text saved wrongly twice decodes to mojibake again: repair until it is clean.
    let repaired = word;
    for (let n = 0; n < 4; n++) {
      const again = repaired.replace(MOJIBAKE, (s) => repairMojibake(s) ?? s);
      if (again === repaired) break;
      repaired = again;
    }
    found.push({ word, repaired, column: start });
  }
  return found;
}

/** For each offset: where the word characters right before it start (`left`) and right after it end (`right`). */
function wordRuns(line: string): { left: Int32Array; right: Int32Array } {
  const n = line.length;
  const word = new Uint8Array(n);
  for (let i = 0; i < n; i++) word[i] = WORD_CHAR.test(line[i]!) ? 1 : 0;
  const left = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) left[i] = word[i - 1] ? left[i - 1]! : i;
  const right = new Int32Array(n + 1);
  right[n] = n;
  for (let i = n - 1; i >= 0; i--) right[i] = word[i] ? right[i + 1]! : i;
  return { left, right };
}

/** A word as shown in a message: long ones are cut. */
function shown(word: string): string {
  return word.length > 40 ? `${word.slice(0, 40)}…` : word;
}

export function checkMojibake(scan: ScannedNote, diagnostics: Diagnostics): void {
  scan.lines.forEach((line, i) => {
    const found = findMojibake(line);
    if (found.length === 0) return;
    const first = found[0]!;
    const fixes = found.slice(0, 3).map((f) => `"${shown(f.word)}" door "${shown(f.repaired)}"`).join(", ");
    diagnostics.report("warning", "mojibake", { file: scan.note.file, line: i + 1, column: first.column + 1 }, { word: shown(first.word), more: found.length - 1, fixes });
  });
}
