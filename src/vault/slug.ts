/**
 * Slugs and name normalisation. Pure functions, no I/O.
 */

/** Lowercase ASCII slug: `Wat zijn Docker Images?` -> `wat-zijn-docker-images`, `Commerciële licentie` -> `commerciele-licentie`. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æ]/gi, "ae")
    .replace(/[ø]/gi, "o")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The plain text of a heading's Markdown source, as a reader sees it: wikilinks become their
 * display text, links their label, emphasis and code markers disappear.
 */
export function headingText(source: string): string {
  return source
    .replace(/!?\[\[([^\]|#]*)(#[^\]|]*)?(?:\|([^\]]*))?\]\]/g, (_m, page: string, head: string | undefined, alias: string | undefined) =>
      alias ?? (page || (head ?? "").replace(/^#/, "")),
    )
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/(\*\*|__|\*|_|~~|==|`)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Id of a heading from its Markdown source. */
export function headingSlug(source: string): string {
  return slugify(headingText(source)) || "kop";
}

/** Key used to compare note names the way Obsidian does: Unicode NFC, case-insensitive, trimmed. */
export function nameKey(name: string): string {
  return name.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** Makes ids unique within one page: `kop`, `kop-1`, `kop-2`. */
export class SlugCounter {
  private used = new Map<string, number>();
  next(slug: string): string {
    const n = this.used.get(slug);
    if (n === undefined) {
      this.used.set(slug, 0);
      return slug;
    }
    let i = n + 1;
    while (this.used.has(`${slug}-${i}`)) i++;
    this.used.set(slug, i);
    this.used.set(`${slug}-${i}`, 0);
    return `${slug}-${i}`;
  }
}

/** Two rows of the distance table, reused by the calls for names up to 4096 characters. */
let rows: [Int32Array, Int32Array] = [new Int32Array(128), new Int32Array(128)];

/**
 * Levenshtein distance, for did-you-mean hints. With `max`, a distance above `max` is returned
 * as `max + 1` without computing it: only a band of width 2·max+1 is filled, and the work stops
 * as soon as a whole row is above `max` (O(max · length) instead of O(length²)).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m - n > max) return max + 1;
  const limit = Math.min(max, m);
  const big = limit + 1;
  if (rows[0].length <= m && m <= 4096) rows = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
  let [prev, cur] = rows[0].length > m ? rows : [new Int32Array(m + 1), new Int32Array(m + 1)];
  // Row 0 as far as the band of row 1 reads it.
  for (let j = 0; j <= Math.min(m, limit + 1); j++) prev[j] = j <= limit ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    cur[0] = i <= limit ? i : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = lo === 1 ? cur[0]! : big;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = big;
    if (rowMin > limit) return max + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  const d = prev[m]!;
  return d > limit ? max + 1 : d;
}

const KIND_WORDS = /^(uitleg|stappen|oefeningen|leertaak)\s+/;

/** Variants of a name to compare: whole, without number, without number and lesson kind. */
function variants(name: string): string[] {
  const k = nameKey(name);
  const bare = k.replace(/^\d+(?:\.\d+)?[.)]?\s*/, "");
  const topic = bare.replace(KIND_WORDS, "");
  return [...new Set([k, bare, topic])];
}

/** Candidates compared in full for one wanted name, at most. */
export const MAX_CANDIDATES = 64;

interface Candidate {
  name: string;
  /** Position in the list: the earlier one wins a tie. */
  index: number;
  full: string;
  variants: string[];
}

/** The distinct three-letter pieces of ` key `. */
function trigrams(key: string): Set<string> {
  const s = ` ${key} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Index entries (name, three-letter piece) read for one wanted name, at most. */
export const MAX_INDEX_READS = 5_000;

/**
 * Did-you-mean over a fixed list of names (the notes of a vault, its attachments, a list of
 * keys). Candidates for a wanted name come from an index of three-letter pieces: the names
 * that share the most pieces with it (rare pieces first; a lookup reads at most
 * `MAX_INDEX_READS` index entries, so its cost does not grow with the list), plus the names
 * that hold it as a whole word. At most `maxCandidates` of them are compared in full, with
 * distances computed in a band and cut off at the accepted distance or the best one found so
 * far. Answers are cached per wanted name.
 */
export class NameMatcher {
  private readonly candidates: Candidate[] = [];
  private readonly byWord = new Map<string, Candidate[]>();
  private readonly cache = new Map<string, string | undefined>();
  /** Candidates holding each three-letter piece of any of their variants; made at the first lookup. */
  private byGram: Map<string, number[]> | undefined;
  /** Candidates compared in full so far, over all lookups (for tests and benchmarks). */
  comparisons = 0;
  /** Index entries read so far, over all lookups (for tests and benchmarks). */
  indexReads = 0;

  constructor(names: Iterable<string>, private readonly maxCandidates = MAX_CANDIDATES) {
    for (const name of names) {
      const c: Candidate = { name, index: this.candidates.length, full: nameKey(name), variants: variants(name) };
      this.candidates.push(c);
      for (const word of new Set(c.variants.flatMap((v) => v.split(" ")))) add(this.byWord, word, c);
    }
  }

  /** Closest name to `wanted`, or undefined when nothing is reasonably close. */
  closest(wanted: string): string | undefined {
    if (this.cache.has(wanted)) return this.cache.get(wanted);
    const found = this.search(wanted);
    this.cache.set(wanted, found);
    return found;
  }

  private search(wanted: string): string | undefined {
    const ws = variants(wanted);
    const full = nameKey(wanted);
    const topic = ws.at(-1)!;
    const size = topic.length;
    const accept = Math.max(2, Math.floor(size / 4));
    const contains = (c: Candidate) => size >= 4 && c.variants.some((v) => ` ${v} `.includes(` ${topic} `));
    let list: Candidate[];
    if (this.candidates.length <= this.maxCandidates) {
      // A short list (commands, keys, the headings of a page) is compared in full: a typo in a
      // short word shares no three-letter piece with it ("rn" for "rm", "klil" for "kill").
      list = this.candidates;
    } else {
      // Names that hold the wanted name as a whole word: "Netwerken" for "16. Uitleg Docker Netwerken".
      const holders = size >= 4 ? (this.byWord.get(topic.split(" ")[0]!) ?? []).slice(0, this.maxCandidates).filter(contains) : [];
      const shared = this.sharedGrams(ws);
      const ranked = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, this.maxCandidates).map(([i]) => this.candidates[i]!);
      list = [...new Set([...holders, ...ranked])].slice(0, this.maxCandidates);
    }
    this.comparisons += list.length;
    let best: Candidate | undefined;
    let bestScore = Infinity;
    let bestFull = Infinity;
    for (const c of list) {
      const limit = Math.min(accept, bestScore);
      let score = contains(c) ? 1 : limit + 1;
      if (score > limit) {
        // Lengths alone may rule it out.
        let gap = Infinity;
        for (const w of ws) for (const v of c.variants) gap = Math.min(gap, Math.abs(w.length - v.length));
        if (gap > limit) continue;
      }
      for (const w of ws) for (const v of c.variants) if (score > 0) score = Math.min(score, editDistance(w, v, score - 1));
      if (score > limit) continue;
      if (score < bestScore) {
        best = c;
        bestScore = score;
        bestFull = editDistance(full, c.full);
      } else {
        // Same score: the one closer as a whole wins, then the one earlier in the list.
        const d = editDistance(full, c.full, bestFull);
        if (d < bestFull || (d === bestFull && c.index < best!.index)) {
          best = c;
          bestFull = d;
        }
      }
    }
    return best?.name;
  }

  /**
   * Per candidate index: how many three-letter pieces of the wanted variants its variants
   * have. Rare pieces are read first; reading stops after `MAX_INDEX_READS` entries, so a
   * piece that nearly every name has (`uit` of "Uitleg") costs nothing in a large list.
   */
  private sharedGrams(wanted: string[]): Map<number, number> {
    if (!this.byGram) {
      this.byGram = new Map();
      for (const c of this.candidates) {
        const grams = new Set<string>();
        for (const v of c.variants) for (const g of trigrams(v)) grams.add(g);
        for (const g of grams) add(this.byGram, g, c.index);
      }
    }
    const grams = new Set<string>();
    for (const w of wanted) for (const g of trigrams(w)) grams.add(g);
    const lists = [...grams].map((g) => this.byGram!.get(g) ?? []).sort((a, b) => a.length - b.length);
    const shared = new Map<number, number>();
    let budget = MAX_INDEX_READS;
    for (const list of lists) {
      const n = Math.min(list.length, budget);
      for (let k = 0; k < n; k++) shared.set(list[k]!, (shared.get(list[k]!) ?? 0) + 1);
      budget -= n;
      this.indexReads += n;
      if (budget <= 0) break;
    }
    return shared;
  }
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Closest candidate to `wanted`, or undefined when nothing is reasonably close. For many lookups in one list, use a `NameMatcher`. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  return new NameMatcher(candidates).closest(wanted);
}
