/**
 * The Docker command line as the check knows it: which `docker` commands exist, so a typo in a
 * lesson (`docker contianer ls`, `docker compose upp`) is found before a student types it.
 * Pure data and functions, no Eleventy.
 *
 * The tree was read from the Docker 28 CLI (`docker --help`, `docker <command> --help`, with
 * the aliases each command lists), plus the CLI plugins Docker Desktop ships. Compose v2's
 * commands are listed in full; the other plugins only by name.
 */

/**
 * Every top-level command. A list names the sub-commands of a management command
 * (`docker image ls`); `"any"` is a plugin whose sub-commands are not checked; an empty
 * list is a command that takes arguments, not sub-commands (`docker run`).
 */
export const DOCKER_COMMANDS: Readonly<Record<string, readonly string[] | "any">> = {
  // Commands that take arguments.
  attach: [], build: [], commit: [], cp: [], create: [], diff: [], events: [], exec: [], export: [], history: [],
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
  trust: ["inspect", "key", "revoke", "sign", "signer"],
  volume: ["create", "inspect", "ls", "list", "prune", "rm", "remove", "update"],
  // Compose v2.
  compose: [
    "alpha", "attach", "bridge", "build", "commit", "config", "convert", "cp", "create", "down", "events", "exec", "export",
    "images", "kill", "logs", "ls", "pause", "port", "ps", "publish", "pull", "push", "restart", "rm", "run", "scale",
    "start", "stats", "stop", "top", "unpause", "up", "version", "viz", "volumes", "wait", "watch",
  ],
  // Other CLI plugins of Docker Desktop.
  ai: "any", buildx: "any", cloud: "any", debug: "any", desktop: "any", extension: "any", init: "any", mcp: "any",
  model: "any", offload: "any", sbom: "any", scout: "any",
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
const NO_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set();

/** Index of the first word at or after `from` that is not an option (or an option's value). */
function skipOptions(words: DockerInvocation["words"], from: number, withValue: ReadonlySet<string>): number {
  let i = from;
  while (i < words.length && words[i]!.text.startsWith("-")) i += withValue.has(words[i]!.text) ? 2 : 1;
  return i;
}

/**
 * Checks the command words of one invocation against the tree: the top-level command and,
 * for management commands and Compose, the sub-command. `closest` suggests a fix.
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
  const sub = words[skipOptions(words, words.indexOf(first) + 1, first.text === "compose" ? COMPOSE_OPTIONS_WITH_VALUE : NO_OPTIONS_WITH_VALUE)];
  if (!sub || !isCommandWord(sub.text) || known.includes(sub.text)) return undefined;
  const near = closest(sub.text, [...known]);
  return { command: `docker ${first.text} ${sub.text}`, column: sub.column, suggestion: near && `docker ${first.text} ${near}` };
}
