/**
 * `npm run check [-- <map>] [--format json] [--strict]`: checks the course content (`content/`,
 * `COURSE_CONTENT`, or the folder given) without building the site.
 *
 * Exit code 0: no errors (and in strict mode no warnings); 1: problems found; 2: wrong use.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { readSettings } from "../settings.ts";
import { checkContent, failed, formatReport } from "./index.ts";

const USAGE = `Gebruik: npm run check -- [map] [--format text|json] [--strict]

  map            de inhoudsmap (standaard: COURSE_CONTENT of content/)
  --format json  druk een JSON-object af: { diagnostics: [...], summary: {...} }
  --strict       waarschuwingen laten de controle ook mislukken (ook: STRICT=1)`;

function main(argv: string[]): number {
  const settings = readSettings();
  let format = "text";
  let strict = settings.strict;
  let contentDir = settings.contentDir;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg === "--strict") strict = true;
    else if (arg === "--json") format = "json";
    else if (arg === "--format" || arg.startsWith("--format=")) {
      format = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : (argv[++i] ?? "");
      if (format !== "text" && format !== "json") {
        console.error(`Onbekend formaat "${format}": kies text of json.\n\n${USAGE}`);
        return 2;
      }
    } else if (arg.startsWith("-")) {
      console.error(`Onbekende optie ${arg}.\n\n${USAGE}`);
      return 2;
    } else contentDir = path.resolve(arg);
  }
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    console.error(`De inhoudsmap ${contentDir} bestaat niet. Geef een map op of zet COURSE_CONTENT.`);
    return 2;
  }
  const result = checkContent({ contentDir, assetsDir: settings.assetsDir });
  if (format === "json") console.log(JSON.stringify({ diagnostics: result.diagnostics, summary: result.summary }, null, 2));
  else console.log(formatReport(result, strict));
  return failed(result, strict) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
