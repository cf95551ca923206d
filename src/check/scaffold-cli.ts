/**
 * `npm run new -- "30. Uitleg Docker Security" [--map "8. Docker"] [--stap ib-19]`
 * Creates a lesson from its template; exit 1 with a Dutch message when it cannot, 2 on wrong use
 * (an unknown option, no name).
 */
import path from "node:path";
import { readSettings } from "../settings.ts";
import { readCommandLine, USAGE_EXIT } from "./args.ts";
import { DEFAULT_FOLDER, DEFAULT_STEP, ScaffoldError, scaffoldLesson } from "./scaffold.ts";

const USAGE = `Gebruik: npm run new -- "<nummer>. <Soort> <Onderwerp>" [--map <map>] [--stap <code>]

  Soort          Uitleg, Stappen, Oefeningen of Leertaak
  --map <map>    map in de inhoudsmap (standaard: "${DEFAULT_FOLDER}")
  --stap <code>  processtap van de taxonomiecodes (standaard: ${DEFAULT_STEP})
  -h, --help     deze uitleg

Voorbeeld: npm run new -- "30. Uitleg Docker Security"`;

const OPTIONS = {
  map: { type: "string" },
  stap: { type: "string" },
  step: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function main(argv: string[]): number {
  const settings = readSettings();
  const args = readCommandLine(argv, OPTIONS, USAGE);
  if (!args) return USAGE_EXIT;
  const { values, positionals: names } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const folder = values.map as string | undefined;
  const step = (values.stap ?? values.step) as string | undefined;
  if (names.length === 0 || folder === "" || step === "") {
    console.error(names.length === 0 ? `Geef de naam van de les.\n\n${USAGE}` : `Optie --${folder === "" ? "map" : "stap"} heeft een waarde nodig.\n\n${USAGE}`);
    return USAGE_EXIT;
  }
  // Without quotes the shell splits the name into words: put them back together.
  const name = names.join(" ");
  try {
    const r = scaffoldLesson({ contentDir: settings.contentDir, name, folder, step });
    const shown = path.relative(process.cwd(), r.abs) || r.abs;
    if (r.createdFolder) console.log(`Map aangemaakt: ${path.dirname(shown)}`);
    console.log(`Nieuwe les (${r.kind}) aangemaakt: ${shown}`);
    console.log(`Taxonomie: ${r.codes.join(", ")}`);
    console.log(`De les is een concept (draft: true in de front matter) en komt pas op de site als je die regel weghaalt.`);
    console.log(`Vervang de voorbeeldtekst, zet de les in de reeks met "> Volgende stap: [[...]]", haal draft: true weg en controleer met: npm run check`);
    return 0;
  } catch (err) {
    if (err instanceof ScaffoldError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
