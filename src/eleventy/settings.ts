/**
 * Build settings from the environment: which content folder, strict mode, path prefix.
 * This is the contract CI and teachers rely on (see README).
 */
import path from "node:path";

export interface Settings {
  /** `COURSE_CONTENT`: the vault to build. Default `content/`. */
  contentDir: string;
  /** Shared assets, always `_assets/` of the project, served at `/_assets/`. */
  assetsDir: string;
  /** `STRICT=1`: any error diagnostic fails the build. */
  strict: boolean;
  /** `PATH_PREFIX=/x/`: publish under a sub-path. */
  pathPrefix: string;
  /**
   * `COURSE_OUTPUT`: output folder. Default `_site/` for a build and `_site-dev/` for
   * `npm start`, so development pages never end up in the folder that gets deployed.
   */
  outputDir: string;
  /** Site title. */
  title: string;
}

export function normalisePrefix(prefix: string | undefined): string {
  if (!prefix || prefix === "/") return "/";
  return `/${prefix.replace(/^\/+|\/+$/g, "")}/`;
}

/** True when Eleventy was started with `--serve` or `--watch` (`npm start`). */
export function servingFromArgv(argv: string[] = process.argv): boolean {
  return argv.some((a) => a === "--serve" || a === "--watch" || a.startsWith("--serve=") || a.startsWith("--watch="));
}

export function readSettings(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd(), serving: boolean = servingFromArgv()): Settings {
  return {
    contentDir: path.resolve(root, env.COURSE_CONTENT || "content"),
    assetsDir: path.resolve(root, "_assets"),
    strict: /^(1|true|yes)$/i.test(env.STRICT ?? ""),
    pathPrefix: normalisePrefix(env.PATH_PREFIX),
    outputDir: path.resolve(root, env.COURSE_OUTPUT || (serving ? "_site-dev" : "_site")),
    title: env.COURSE_TITLE || "Docker-cursus",
  };
}
