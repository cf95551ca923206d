/**
 * Build settings from the environment: which content folder, strict mode, path prefix, the
 * site's address and the repository for "Bewerk deze pagina".
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
  /**
   * `REPO_URL=https://github.com/org/docker-cursus`: the repository the lessons live in, for
   * a "Bewerk deze pagina" link on each lesson. Undefined when unset (then no link).
   */
  repository?: Repository;
  /** Why `REPO_URL` cannot be used, when it cannot. */
  repositoryProblem?: string;
}

/** Where the lessons can be edited online (see `editUrl`). */
export interface Repository {
  /** The repository's address, without a trailing `/` or `.git`. */
  url: string;
  /** `REPO_BRANCH`, default `main`. */
  branch: string;
  /** The content folder inside the repository (`content`), "" when it is the repository itself. */
  contentPath: string;
  /** GitLab edits at `/-/edit/<branch>/<path>`; GitHub (and the default) at `/edit/<branch>/<path>`. */
  host: "github" | "gitlab";
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

/**
 * The repository from `REPO_URL`, `REPO_BRANCH` (default `main`) and `REPO_CONTENT_PATH` (the
 * content folder inside the repository; default the content folder's place in the project when
 * it lies inside it, like `content`, else the repository's root), or why `REPO_URL` is no good.
 */
export function parseRepository(env: NodeJS.ProcessEnv, root: string, contentDir: string): { repository?: Repository; problem?: string } {
  const value = env.REPO_URL?.trim();
  if (!value) return {};
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return { problem: `REPO_URL "${value}" is geen geldig adres (not a URL); bijvoorbeeld REPO_URL=https://github.com/docent/docker-cursus` };
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return { problem: `REPO_URL "${value}" moet met https:// beginnen (must start with https://)` };
  const repoPath = u.pathname.replace(/\/+$/, "").replace(/\.git$/, "");
  if (!repoPath) return { problem: `REPO_URL "${value}" noemt geen repository (no repository path); bijvoorbeeld REPO_URL=https://github.com/docent/docker-cursus` };
  const inside = path.relative(root, contentDir);
  const contentPath = env.REPO_CONTENT_PATH !== undefined ? env.REPO_CONTENT_PATH.trim() : inside && !inside.startsWith("..") && !path.isAbsolute(inside) ? inside : "";
  return {
    repository: {
      url: `${u.origin}${repoPath}`,
      branch: env.REPO_BRANCH?.trim() || "main",
      contentPath: contentPath.split(/[\\/]+/).filter(Boolean).join("/"),
      host: /(^|\.)gitlab\./i.test(u.hostname) ? "gitlab" : "github",
    },
  };
}

/** The page to edit a note (`rel`: its path in the content folder) in its repository. */
export function editUrl(repository: Repository, rel: string): string {
  const file = [repository.contentPath, rel].filter(Boolean).join("/");
  const encode = (p: string) => p.split("/").map(encodeURIComponent).join("/");
  return `${repository.url}/${repository.host === "gitlab" ? "-/edit" : "edit"}/${encode(repository.branch)}/${encode(file)}`;
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
  const contentDir = path.resolve(root, env.COURSE_CONTENT || "content");
  const repo = parseRepository(env, root, contentDir);
  return {
    contentDir,
    assetsDir: path.resolve(root, "_assets"),
    strict: /^(1|true|yes)$/i.test(env.STRICT ?? ""),
    pathPrefix,
    outputDir: path.resolve(root, env.COURSE_OUTPUT || (serving ? "_site-dev" : "_site")),
    title: env.COURSE_TITLE || "Docker-cursus",
    siteUrl: site.url,
    siteUrlProblem: site.problem,
    allowHtmlScripts: /^(1|true|yes)$/i.test(env.COURSE_ALLOW_HTML_SCRIPTS ?? ""),
    repository: repo.repository,
    repositoryProblem: repo.problem,
  };
}
