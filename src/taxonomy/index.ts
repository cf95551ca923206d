/**
 * The HBO-ICT taxonomy of the Leerlijn format. A code such as `ib-19.2.Docker-images.OI`
 * is process step `ib-19`, HBO-i level 2, topic `Docker-images` and 4C/ID component `OI`.
 * Pure functions plus the process-step table (project data, `processtappen.tsv`).
 */
import { readFileSync } from "node:fs";

export type Component = "OI" | "PI" | "LT" | "DT";

/** The 4C/ID components: code, name (the taxonomy's term) and the lesson kind word (what each kind means to a student: `t.kinds`). */
export const COMPONENTS: Array<{ code: Component; label: string; kind: string }> = [
  { code: "LT", label: "Leertaak", kind: "Leertaak" },
  { code: "OI", label: "Ondersteunende informatie", kind: "Uitleg" },
  { code: "PI", label: "Procedurele informatie", kind: "Stappen" },
  { code: "DT", label: "Deeltaak", kind: "Oefeningen" },
];

/** The pattern a code must match (the Leerlijn compiler's rule). */
export const CODE_PATTERN = /^[a-z]{2}-\d{1,3}\.[123]\.[^\s.]+(-[^\s.]+)*\.(OI|DT|PI|LT)$/;

export interface TaxonomyCode {
  code: string;
  /** Process step code, e.g. `ib-19`. */
  step: string;
  level: 1 | 2 | 3;
  topic: string;
  component: Component;
}

export interface ProcessStep {
  code: string;
  id: number;
  phase: string;
  process: string;
  name: string;
}

/** Parses one code; undefined when it does not match the pattern. */
export function parseCode(code: string): TaxonomyCode | undefined {
  const trimmed = code.trim();
  if (!CODE_PATTERN.test(trimmed)) return undefined;
  const parts = trimmed.split(".");
  const component = parts.pop() as Component;
  const [step, level, ...topic] = parts;
  return { code: trimmed, step: step!, level: Number(level) as 1 | 2 | 3, topic: topic.join("."), component };
}

/** Reads the process-step table (TSV with a header: code, id, ssdlc_fase, proces, processtap). */
export function parseProcessSteps(tsv: string): ProcessStep[] {
  const [header, ...rows] = tsv.trim().split(/\r?\n/);
  const cols = header!.split("\t");
  const at = (name: string) => cols.indexOf(name);
  return rows
    .filter((r) => r.trim())
    .map((r) => {
      const c = r.split("\t");
      return { code: c[at("code")]!, id: Number(c[at("id")]), phase: c[at("ssdlc_fase")]!, process: c[at("proces")]!, name: c[at("processtap")]! };
    });
}

let cached: ProcessStep[] | undefined;
/** The project's process-step table. */
export function processSteps(): ProcessStep[] {
  cached ??= parseProcessSteps(readFileSync(new URL("./processtappen.tsv", import.meta.url), "utf8"));
  return cached;
}

export function findStep(code: string, steps: ProcessStep[] = processSteps()): ProcessStep | undefined {
  return steps.find((s) => s.code === code);
}

/** The component a lesson file name implies: `4. Uitleg X` -> OI, `Stappen` -> PI, `Oefeningen` -> DT, `Leertaak` -> LT. */
export function componentOfName(name: string): Component | undefined {
  const word = name.replace(/^\d+\.\s*/, "").split(/\s+/)[0]?.toLowerCase();
  return COMPONENTS.find((c) => c.kind.toLowerCase() === word)?.code;
}

/** Tags derived from codes, as the Leerlijn pipeline does: level, process, process step, topic and the raw code. */
export function derivedTags(codes: string[], steps: ProcessStep[] = processSteps()): string[] {
  const tags: string[] = [];
  const add = (t: string) => {
    if (!tags.includes(t)) tags.push(t);
  };
  const parsed = codes.map(parseCode).filter((c): c is TaxonomyCode => !!c);
  for (const c of parsed) add(`HBO-i/niveau-${c.level}`);
  for (const c of parsed) {
    const step = findStep(c.step, steps);
    if (step) {
      add(step.name);
      add(step.process);
    }
  }
  for (const c of parsed) add(c.topic);
  for (const c of parsed) add(c.code);
  return tags;
}
