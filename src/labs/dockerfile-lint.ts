/**
 * The Dockerfile rule shared by `npm run check` (src/rules/code-rules.ts) and the Dockerfile
 * explorer in the browser: dockerfile-utils' validation, minus a missing FROM (a lesson often
 * shows a fragment). One implementation, two callers. Pure: no DOM, no Node APIs.
 */
import { validate, ValidationCode } from "dockerfile-utils";

export interface DockerfileProblem {
  /** 0-based line and column in the Dockerfile. */
  line: number;
  character: number;
  severity: "error" | "warning";
  /** dockerfile-utils' ValidationCode, when it has one. */
  code: number | undefined;
  /** dockerfile-utils' message (English). */
  message: string;
}

export function lintDockerfile(content: string): DockerfileProblem[] {
  const out: DockerfileProblem[] = [];
  for (const d of validate(content, {})) {
    if (d.code === ValidationCode.NO_SOURCE_IMAGE) continue;
    out.push({
      line: d.range.start.line,
      character: d.range.start.character,
      severity: d.severity === 1 ? "error" : "warning",
      code: typeof d.code === "number" ? d.code : undefined,
      message: typeof d.message === "string" ? d.message : d.message.value,
    });
  }
  return out;
}
