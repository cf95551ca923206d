/** Helpers for the check tests: run a CLI of src/check in a child process, as `npm run` does. */
import { execFile } from "node:child_process";

export const ROOT = process.cwd();

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npx tsx <script> ...args` from the project root with extra environment variables (STRICT cleared). */
export function run(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, STRICT: "", ...env };
    execFile("npx", ["tsx", script, ...args], { cwd: ROOT, env: childEnv, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
