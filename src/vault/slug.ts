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

/** Levenshtein distance, for did-you-mean hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

const KIND_WORDS = /^(uitleg|stappen|oefeningen|leertaak)\s+/;

/** Variants of a name to compare: whole, without number, without number and lesson kind. */
function variants(name: string): string[] {
  const k = nameKey(name);
  const bare = k.replace(/^\d+(?:\.\d+)?[.)]?\s*/, "");
  const topic = bare.replace(KIND_WORDS, "");
  return [...new Set([k, bare, topic])];
}

/** Closest candidate to `wanted`, or undefined when nothing is reasonably close. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  const ws = variants(wanted);
  const full = nameKey(wanted);
  const size = ws.at(-1)!.length;
  let best: string | undefined;
  let bestScore = Infinity;
  let bestFull = Infinity;
  for (const c of candidates) {
    const cs = variants(c);
    let score = Infinity;
    for (const w of ws) for (const v of cs) score = Math.min(score, editDistance(w, v));
    // "Netwerken" for "16. Uitleg Docker Netwerken": a whole word of the name is a near miss.
    if (size >= 4 && cs.some((v) => ` ${v} `.includes(` ${ws.at(-1)} `))) score = Math.min(score, 1);
    const fullDistance = editDistance(full, nameKey(c));
    if (score < bestScore || (score === bestScore && fullDistance < bestFull)) {
      bestScore = score;
      bestFull = fullDistance;
      best = c;
    }
  }
  return bestScore <= Math.max(2, Math.floor(size / 4)) ? best : undefined;
}
