/**
 * Natural ordering of lesson names: `10. Stappen` after `9. Uitleg`, not after `1.`.
 * Pure functions, tested with tables.
 */

const collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

export function naturalCompare(a: string, b: string): number {
  const na = leadingNumber(a);
  const nb = leadingNumber(b);
  // Numbered lessons come before unnumbered pages such as "Commando's".
  if (na !== undefined && nb === undefined) return -1;
  if (na === undefined && nb !== undefined) return 1;
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  return collator.compare(a, b);
}

/** The number a name starts with (`4. Uitleg Docker Images` -> 4), or undefined. */
export function leadingNumber(name: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)[.)]?\s/.exec(name.trim());
  return m ? Number(m[1]) : undefined;
}

/** A name without its number: `4. Uitleg Docker Images` -> `Uitleg Docker Images`. */
export function withoutNumber(name: string): string {
  return name.trim().replace(/^\d+(?:\.\d+)?[.)]?\s+/, "");
}
