/**
 * Build-time syntax highlighting with Prism for the languages of this course: Dockerfile,
 * YAML, bash, PowerShell, JSON, ini/.env, and a few more. No client JavaScript: the
 * classes are styled by the site's CSS.
 */
import Prism from "prismjs";
import loadLanguages from "prismjs/components/index.js";

const LANGUAGES = ["docker", "yaml", "bash", "powershell", "json", "ini", "javascript", "typescript", "python", "sql", "nginx", "toml", "diff", "shell-session", "markup"];
loadLanguages(LANGUAGES);

/** Names teachers write after ``` mapped to Prism's grammar names. */
const ALIASES: Record<string, string> = {
  dockerfile: "docker",
  containerfile: "docker",
  yml: "yaml",
  compose: "yaml",
  sh: "bash",
  shell: "bash",
  zsh: "bash",
  console: "shell-session",
  ps: "powershell",
  ps1: "powershell",
  pwsh: "powershell",
  env: "ini",
  dotenv: "ini",
  js: "javascript",
  ts: "typescript",
  py: "python",
  html: "markup",
  xml: "markup",
};

/** Prism grammar name for a fence's info string, or undefined for plain text. */
export function grammarName(lang: string): string | undefined {
  const key = lang.trim().toLowerCase().split(/\s+/)[0] ?? "";
  const name = ALIASES[key] ?? key;
  return Prism.languages[name] ? name : undefined;
}

/** Highlighted HTML for the inside of `<code>`, or an empty string to let markdown-it escape the code itself. */
export function highlight(code: string, lang: string): string {
  const name = grammarName(lang);
  if (!name) return "";
  return Prism.highlight(code, Prism.languages[name]!, name);
}
