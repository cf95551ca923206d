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
  /**
   * `SITE_URL=https://example.org`: where the site is published (scheme and host; a path
   * in it must be the `PATH_PREFIX`). Enables the sitemap, canonical links and `og:url`.
   * Empty when unset.
   */
  siteUrl: string;
  /** Why `SITE_URL` cannot be used, when it cannot. */
  siteUrlProblem?: string;
  /**
   * `COURSE_ALLOW_HTML_SCRIPTS=1`: raw HTML in lessons is published as written, scripts,
   * event handlers and frames included. Default off: they are removed with a warning.
   */
  allowHtmlScripts: boolean;
}

/** The origin of `SITE_URL`, or why it is no good. A path in it must equal the prefix. */
export function parseSiteUrl(value: string | undefined, prefix: string): { url: string; problem?: string } {
  if (!value?.trim()) return { url: "" };
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return { url: "", problem: `SITE_URL "${value}" is geen geldig adres (not a URL); bijvoorbeeld SITE_URL=https://docent.github.io` };
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return { url: "", problem: `SITE_URL "${value}" moet met https:// beginnen (must start with https://)` };
  const pathPart = normalisePrefix(u.pathname);
  if (pathPart !== "/" && pathPart !== prefix) {
    return { url: "", problem: `SITE_URL "${value}" heeft het pad ${pathPart}, maar PATH_PREFIX is ${prefix} (the path in SITE_URL must equal PATH_PREFIX); geef alleen https://host op en zet de submap in PATH_PREFIX` };
  }
  return { url: u.origin };
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
  const pathPrefix = normalisePrefix(env.PATH_PREFIX);
  const site = parseSiteUrl(env.SITE_URL, pathPrefix);
  return {
    contentDir: path.resolve(root, env.COURSE_CONTENT || "content"),
    assetsDir: path.resolve(root, "_assets"),
    strict: /^(1|true|yes)$/i.test(env.STRICT ?? ""),
    pathPrefix,
    outputDir: path.resolve(root, env.COURSE_OUTPUT || (serving ? "_site-dev" : "_site")),
    title: env.COURSE_TITLE || "Docker-cursus",
    siteUrl: site.url,
    siteUrlProblem: site.problem,
    allowHtmlScripts: /^(1|true|yes)$/i.test(env.COURSE_ALLOW_HTML_SCRIPTS ?? ""),
  };
}
