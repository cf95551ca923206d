/**
 * Front-matter variables in lesson text: `{{ title }}` and `{{ page.x }}`-style paths.
 * This is deliberately not a template engine: only a variable name (letters, digits,
 * `_`, `-`, dotted paths) is replaced, so Docker's Go templates such as
 * `{{ .Names }}` or `{{ json .Config }}` are never touched, and code is never
 * processed at all (the Markdown plugin only calls this on text tokens).
 */

export const VARIABLE = /\{\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*\}\}/g;

export interface Expansion {
  text: string;
  /** Variable names that had no value; their text is left as written. */
  missing: Array<{ name: string; index: number }>;
}

export function lookup(data: Record<string, unknown>, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function show(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => show(v) ?? "").join(", ");
  if (typeof value === "object") return undefined;
  return String(value);
}

/** Replaces `{{ name }}` by its value; `escape` is applied to every inserted value. */
export function expandVariables(text: string, data: Record<string, unknown>, escape: (s: string) => string = (s) => s): Expansion {
  const missing: Expansion["missing"] = [];
  if (!text.includes("{{")) return { text, missing };
  const out = text.replace(VARIABLE, (whole, name: string, index: number) => {
    const value = show(lookup(data, name));
    if (value === undefined) {
      missing.push({ name, index });
      return whole;
    }
    return escape(value);
  });
  return { text: out, missing };
}
