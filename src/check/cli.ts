/**
 * `npm run check [-- <map>] [--format json] [--output <bestand>] [--strict]`: checks the course
 * content (`content/`, `COURSE_CONTENT`, or the folder given) without building the site.
 *
 * Exit code 0: no errors (and in strict mode no warnings); 1: problems found; 2: wrong use.
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readSettings } from "../settings.ts";
import { readCommandLine, USAGE_EXIT } from "./args.ts";
import { checkContent, failed, formatReport } from "./index.ts";

const USAGE = `Gebruik: npm run -s check -- [map] [--format text|json] [--output <bestand>] [--strict]

  map                 de inhoudsmap (standaard: COURSE_CONTENT of content/)
  --format json       een JSON-object: { diagnostics: [...], summary: {...} }
                      (met -s laat npm zijn eigen kopregels weg, zodat alleen JSON overblijft)
  --output <bestand>  schrijf het rapport (tekst of JSON) naar dit bestand in plaats van naar het scherm
  --strict            waarschuwingen laten de controle ook mislukken (ook: STRICT=1)
  -h, --help          deze uitleg`;

const OPTIONS = {
  format: { type: "string" },
  json: { type: "boolean" },
  output: { type: "string", short: "o" },
  strict: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function main(argv: string[]): number {
  const settings = readSettings();
  const args = readCommandLine(argv, OPTIONS, USAGE);
  if (!args) return USAGE_EXIT;
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.json ? "json" : ((values.format as string | undefined) ?? "text");
  if (format !== "text" && format !== "json") {
    console.error(`Onbekend formaat "${format}": kies text of json.\n\n${USAGE}`);
    return USAGE_EXIT;
  }
  if (positionals.length > 1) {
    console.error(`Geef één inhoudsmap op, niet ${positionals.length}: ${positionals.join(", ")}. Staan er spaties in de naam, zet hem dan tussen aanhalingstekens.\n\n${USAGE}`);
    return USAGE_EXIT;
  }
  const output = values.output as string | undefined;
  if (output === "") {
    console.error(`Optie --output heeft een bestandsnaam nodig.\n\n${USAGE}`);
    return USAGE_EXIT;
  }
  const strict = settings.strict || values.strict === true;
  const contentDir = positionals[0] !== undefined ? path.resolve(positionals[0]) : settings.contentDir;
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    console.error(`De inhoudsmap ${contentDir} bestaat niet. Geef een map op of zet COURSE_CONTENT.`);
    return USAGE_EXIT;
  }
  const result = checkContent({ contentDir, assetsDir: settings.assetsDir, allowHtmlScripts: settings.allowHtmlScripts });
  const report = format === "json" ? JSON.stringify({ diagnostics: result.diagnostics, summary: result.summary }, null, 2) : formatReport(result, strict);
  if (output === undefined) {
    console.log(report);
  } else {
    try {
      writeFileSync(output, `${report}\n`);
    } catch (err) {
      console.error(`Kan het rapport niet schrijven naar ${output}: ${(err as Error).message}`);
      return USAGE_EXIT;
    }
    const { errors, warnings } = result.summary;
    console.error(`Rapport geschreven naar ${output}: ${errors} ${errors === 1 ? "fout" : "fouten"}, ${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}.`);
  }
  return failed(result, strict) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
