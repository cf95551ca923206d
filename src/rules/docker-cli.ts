/**
 * The Docker command line as the check knows it: which `docker` commands exist, so a typo in a
 * lesson (`docker contianer ls`, `docker compose upp`) is found before a student types it.
 * Pure data and functions, no Eleventy.
 *
 * The tree was read from the Docker Engine 29 CLI (docker/cli v29.7: the commands each package
 * registers, with their aliases), Compose v5 (docker/compose v5.5) and Buildx (docker/buildx
 * v0.36), plus the other CLI plugins Docker Desktop ships. Engine 29 moved `docker trust` into a
 * plugin and added `docker bake` (a shortcut for `docker buildx bake`); Compose v5 dropped the
 * `convert` alias of `config` and keeps `viz` under `alpha`.
 */

/**
 * Every top-level command. A list names the sub-commands of a management command
 * (`docker image ls`); `"any"` is a plugin whose sub-commands are not checked; an empty
 * list is a command that takes arguments, not sub-commands (`docker run`).
 */
export const DOCKER_COMMANDS: Readonly<Record<string, readonly string[] | "any">> = {
  // Commands that take arguments.
  attach: [], bake: [], build: [], commit: [], cp: [], create: [], diff: [], events: [], exec: [], export: [], history: [],
  images: [], import: [], info: [], inspect: [], kill: [], load: [], login: [], logout: [], logs: [], pause: [],
  port: [], ps: [], pull: [], push: [], rename: [], restart: [], rm: [], rmi: [], run: [], save: [], search: [],
  start: [], stats: [], stop: [], tag: [], top: [], unpause: [], update: [], version: [], wait: [],
  // Management commands.
  builder: ["build", "prune"],
  checkpoint: ["create", "ls", "list", "rm", "remove"],
  config: ["create", "inspect", "ls", "list", "rm", "remove"],
  container: [
    "attach", "commit", "cp", "create", "diff", "exec", "export", "inspect", "kill", "logs", "ls", "list", "ps", "pause",
    "port", "prune", "rename", "restart", "rm", "remove", "run", "start", "stats", "stop", "top", "unpause", "update", "wait",
  ],
  context: ["create", "export", "import", "inspect", "ls", "list", "rm", "remove", "show", "update", "use"],
  image: ["build", "history", "import", "inspect", "load", "ls", "list", "prune", "pull", "push", "rm", "remove", "save", "tag"],
  manifest: ["annotate", "create", "inspect", "push", "rm"],
  network: ["connect", "create", "disconnect", "inspect", "ls", "list", "prune", "rm", "remove"],
  node: ["demote", "inspect", "ls", "list", "promote", "ps", "rm", "remove", "update"],
  plugin: ["create", "disable", "enable", "inspect", "install", "ls", "list", "push", "rm", "remove", "set", "upgrade"],
  secret: ["create", "inspect", "ls", "list", "rm", "remove"],
  service: ["create", "inspect", "logs", "ls", "list", "ps", "rm", "remove", "rollback", "scale", "update"],
  stack: ["config", "deploy", "up", "ls", "list", "ps", "rm", "remove", "down", "services"],
  swarm: ["ca", "init", "join", "join-token", "leave", "unlock", "unlock-key", "update"],
  system: ["df", "events", "info", "prune"],
  volume: ["create", "inspect", "ls", "list", "prune", "rm", "remove", "update"],
  // CLI plugins. Compose v5 (the same commands as v2, versioned past the old file-format numbers).
  compose: [
    "alpha", "attach", "bridge", "build", "commit", "config", "cp", "create", "down", "events", "exec", "export",
    "images", "kill", "logs", "ls", "pause", "port", "ps", "publish", "pull", "push", "restart", "rm", "run", "scale",
    "start", "stats", "stop", "top", "unpause", "up", "version", "volumes", "wait", "watch",
  ],
  // Buildx, with the aliases `b` (build) and `f` (bake); `debug` only with BUILDX_EXPERIMENTAL.
  buildx: [
    "b", "bake", "build", "create", "dap", "debug", "dial-stdio", "du", "f", "history", "imagetools", "inspect", "install",
    "ls", "policy", "prune", "rm", "stop", "uninstall", "use", "version",
  ],
  // Docker Content Trust, a separate plugin since Engine 29.
  trust: ["inspect", "key", "revoke", "sign", "signer"],
  // Plugins that take arguments, not sub-commands: `docker init` (in a project folder), `docker debug <container>`.
  debug: [], init: [],
  // Other plugins of Docker Desktop; their sub-commands are not checked.
  ai: "any", cloud: "any", desktop: "any", extension: "any", mcp: "any", model: "any", offload: "any", sbom: "any",
  scout: "any",
};

/**
 * Sub-commands one level deeper, for the groups that have them (`docker compose alpha viz`,
 * `docker buildx imagetools inspect`). Groups not listed here are not checked below their name.
 */
export const DOCKER_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  "compose alpha": ["generate", "publish", "viz"],
  "compose bridge": ["convert", "transformations"],
  "buildx history": ["export", "import", "inspect", "logs", "ls", "open", "rm", "trace"],
  "buildx imagetools": ["create", "inspect"],
  "buildx policy": ["eval", "test"],
};

/**
 * Words that follow "docker" in a sentence rather than in a command (`de docker engine`). In
 * inline code in the text they are not reported; in a shell block they are.
 */
export const DOCKER_NOUNS: ReadonlySet<string> = new Set(["api", "cli", "client", "daemon", "engine", "host", "hub", "registry", "socket"]);

/** Global options that take a value (`docker --context prod ps`). */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(["-c", "--context", "-H", "--host", "--config", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey"]);

/** A `docker` invocation found in a line of shell. */
export interface DockerInvocation {
  /** 0-based column of the word `docker`. */
  column: number;
  /** The words after `docker`, up to the end of the command (`|`, `&&`, `;`, ...), each with its column. */
  words: Array<{ text: string; column: number }>;
}

/** Where a command can start: line start (after a `$` or `PS>` prompt or `sudo`), or after `|`, `&&`, `||`, `;`, `$(` or a backtick. */
const INVOCATION = /(^|\||&&|;|\$\(|`)\s*(?:(?:\$|>|PS[^>]*>)\s+)?(?:sudo\s+(?:-\S+\s+)*)?(docker)(?=\s|$)/g;

/** A comment to the end of the line, in bash and PowerShell: `#` at the start or after a space. */
const COMMENT = /(^|\s)#.*$/;

/** Finds each `docker` command in one line of shell (bash or PowerShell); comments are skipped. */
export function findDockerInvocations(line: string): DockerInvocation[] {
  const out: DockerInvocation[] = [];
  const code = line.replace(COMMENT, "");
  for (const m of code.matchAll(INVOCATION)) {
    const column = m.index! + m[0].length - "docker".length;
    const rest = code.slice(column + "docker".length);
    const end = rest.search(/\||&&|;|\)|`/);
    const args = end < 0 ? rest : rest.slice(0, end);
    const words: DockerInvocation["words"] = [];
    for (const w of args.matchAll(/\S+/g)) words.push({ text: w[0], column: column + "docker".length + w.index! });
    out.push({ column, words });
  }
  return out;
}

/** A word that is not a Docker command, with the command it probably meant. */
export interface UnknownCommand {
  /** What was written: `docker contianer` or `docker compose upp`. */
  command: string;
  column: number;
  /** The nearest known command at that place, when one is close. */
  suggestion?: string;
}

/** True for a word that names a command, as opposed to a placeholder (`<commando>`, `...`) or a variable. */
function isCommandWord(text: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(text);
}

/** Compose options that take a value and may stand before its sub-command (`docker compose -f x.yaml up`). */
const COMPOSE_OPTIONS_WITH_VALUE = new Set(["-f", "--file", "-p", "--project-name", "--profile", "--env-file", "--project-directory"]);
/** Buildx options that take a value and may stand before its sub-command (`docker buildx --builder ci build .`). */
const BUILDX_OPTIONS_WITH_VALUE = new Set(["--builder"]);
const NO_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set();

/** The options with a value that may stand between a command and its sub-command. */
function optionsWithValue(command: string): ReadonlySet<string> {
  if (command === "compose") return COMPOSE_OPTIONS_WITH_VALUE;
  if (command === "buildx") return BUILDX_OPTIONS_WITH_VALUE;
  return NO_OPTIONS_WITH_VALUE;
}

/** Index of the first word at or after `from` that is not an option (or an option's value). */
function skipOptions(words: DockerInvocation["words"], from: number, withValue: ReadonlySet<string>): number {
  let i = from;
  while (i < words.length && words[i]!.text.startsWith("-")) i += withValue.has(words[i]!.text) ? 2 : 1;
  return i;
}

/**
 * Checks the command words of one invocation against the tree: the top-level command, for
 * management commands and plugins the sub-command, and for the groups in DOCKER_SUBCOMMANDS one
 * level deeper. `closest` suggests a fix.
 */
export function checkInvocation(inv: DockerInvocation, closest: (word: string, candidates: string[]) => string | undefined): UnknownCommand | undefined {
  const words = inv.words;
  const first = words[skipOptions(words, 0, GLOBAL_OPTIONS_WITH_VALUE)];
  if (!first || !isCommandWord(first.text)) return undefined;
  if (!Object.hasOwn(DOCKER_COMMANDS, first.text)) {
    const near = closest(first.text, Object.keys(DOCKER_COMMANDS));
    return { command: `docker ${first.text}`, column: first.column, suggestion: near && `docker ${near}` };
  }
  const known = DOCKER_COMMANDS[first.text]!;
  if (known === "any" || known.length === 0) return undefined;
  const subIndex = skipOptions(words, words.indexOf(first) + 1, optionsWithValue(first.text));
  const sub = words[subIndex];
  if (!sub || !isCommandWord(sub.text)) return undefined;
  if (!known.includes(sub.text)) {
    const near = closest(sub.text, [...known]);
    return { command: `docker ${first.text} ${sub.text}`, column: sub.column, suggestion: near && `docker ${first.text} ${near}` };
  }
  const group = `${first.text} ${sub.text}`;
  const deeper = Object.hasOwn(DOCKER_SUBCOMMANDS, group) ? DOCKER_SUBCOMMANDS[group]! : undefined;
  if (!deeper) return undefined;
  const third = words[skipOptions(words, subIndex + 1, NO_OPTIONS_WITH_VALUE)];
  if (!third || !isCommandWord(third.text) || deeper.includes(third.text)) return undefined;
  const near = closest(third.text, [...deeper]);
  return { command: `docker ${group} ${third.text}`, column: third.column, suggestion: near && `docker ${group} ${near}` };
}
