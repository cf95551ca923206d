/**
 * `npm run new -- "30. Uitleg Docker Security" [--map "8. Docker"] [--stap ib-19]`
 * Creates a lesson from its template; exit 1 with a Dutch message when it cannot.
 */
import path from "node:path";
import { readSettings } from "../settings.ts";
import { DEFAULT_FOLDER, DEFAULT_STEP, ScaffoldError, scaffoldLesson } from "./scaffold.ts";

const USAGE = `Gebruik: npm run new -- "<nummer>. <Soort> <Onderwerp>" [--map <map>] [--stap <code>]

  Soort          Uitleg, Stappen, Oefeningen of Leertaak
  --map <map>    map in de inhoudsmap (standaard: "${DEFAULT_FOLDER}")
  --stap <code>  processtap van de taxonomiecodes (standaard: ${DEFAULT_STEP})

Voorbeeld: npm run new -- "30. Uitleg Docker Security"`;

function main(argv: string[]): number {
  const settings = readSettings();
  const names: string[] = [];
  let folder: string | undefined;
  let step: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg === "--map") folder = argv[++i];
    else if (arg.startsWith("--map=")) folder = arg.slice(6);
    else if (arg === "--stap" || arg === "--step") step = argv[++i];
    else if (arg.startsWith("--stap=")) step = arg.slice(7);
    else if (arg.startsWith("--")) {
      console.error(`Onbekende optie ${arg}.\n\n${USAGE}`);
      return 1;
    } else names.push(arg);
  }
  if (names.length === 0 || folder === "" || step === "") {
    console.error(USAGE);
    return 1;
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
