/** Files of the project, for tests that read its source as text. */
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every `.ts` file below `dir`, recursively. */
export function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}
