/**
 * The output folder belongs to the build. A build marks the folder it writes with a small
 * file (`MARKER`); every production build starts by emptying a marked folder, so pages of
 * deleted lessons (and their entries in the search index) do not survive. A folder that is
 * not empty and has no marker was filled by someone else: the build refuses it and deletes
 * nothing. Serve mode checks the folder the same way but does not empty it (see README).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Settings } from "../settings.ts";

export const MARKER = ".docker-cursus-build";

const MARKER_TEXT = "Deze map wordt geschreven door de build van de Docker-cursus (npm run build).\nElke build maakt haar eerst leeg: zet hier geen eigen bestanden neer.\n";

export class OutputRefused extends Error {}

/** Problems with the folders themselves, before anything is built. Empty when all is well. */
export function folderProblems(settings: Pick<Settings, "contentDir" | "outputDir" | "assetsDir">, root: string = process.cwd()): string[] {
  const out = path.resolve(settings.outputDir);
  const content = path.resolve(settings.contentDir);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  const problems: string[] = [];
  const fix = "Kies met COURSE_OUTPUT een eigen map naast de inhoud, bijvoorbeeld _site/ (choose a separate output folder with COURSE_OUTPUT).";
  if (inside(out, content)) problems.push(`De uitvoermap ${out} ligt in de inhoudsmap ${content} (the output folder is inside the content folder). ${fix}`);
  else if (inside(content, out)) problems.push(`De inhoudsmap ${content} ligt in de uitvoermap ${out}; de build maakt die map leeg (the content folder is inside the output folder, which the build empties). ${fix}`);
  const assets = path.resolve(settings.assetsDir);
  if (inside(assets, out) || inside(out, assets)) problems.push(`De uitvoermap ${out} en de map _assets/ ${assets} overlappen (the output folder overlaps _assets/). ${fix}`);
  if (inside(path.resolve(root), out)) problems.push(`De uitvoermap ${out} bevat het project zelf (the output folder contains the project). ${fix}`);
  return problems;
}

/**
 * Makes the output folder ready: creates it when missing, refuses a foreign folder, and
 * (when `clean`) empties a folder an earlier build marked. Writes the marker.
 */
export function prepareOutput(outputDir: string, options: { clean: boolean }): { emptied: number } {
  const dir = path.resolve(outputDir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new OutputRefused(`${dir} is een bestand, geen map (the output path is a file). Kies met COURSE_OUTPUT een map.`);
  }
  mkdirSync(dir, { recursive: true });
  const entries = readdirSync(dir);
  let emptied = 0;
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new OutputRefused(
      [
        `De uitvoermap ${dir} is niet leeg en is niet door deze build gemaakt (er staat geen ${MARKER} in).`,
        `The output folder ${dir} is not empty and was not written by this build (no ${MARKER} marker).`,
        `De build verwijdert geen bestanden van anderen; er is niets gewist.`,
        `Oplossing: kies met COURSE_OUTPUT een lege of nieuwe map, of verwijder de map zelf als je zeker weet dat er niets waardevols in staat (rm -rf ${path.relative(process.cwd(), dir) || dir}).`,
      ].join("\n"),
    );
  }
  if (options.clean) {
    for (const e of entries) {
      if (e === MARKER) continue;
      rmSync(path.join(dir, e), { recursive: true, force: true });
      emptied++;
    }
  }
  writeFileSync(path.join(dir, MARKER), MARKER_TEXT);
  return { emptied };
}

/** Prints why a folder was refused and ends the process before anything is written. */
export function refuse(problem: string): never {
  console.error(`[output] ${problem}`);
  process.exit(1);
}

let prepared: Promise<void> | undefined;

/**
 * Called at the start of each plugin's `eleventy.before`: the first call prepares the folder
 * (once per process), the others wait for it. Production builds start clean.
 */
export function ensureOutput(settings: Settings, event: { runMode?: string; outputMode?: string }): Promise<void> {
  // A dry run (`--dryrun`) or JSON output (`--to=json`) writes no pages: nothing is emptied.
  const writesPages = (event.outputMode ?? "fs") === "fs" && !process.argv.includes("--dryrun");
  const clean = (event.runMode ?? "build") === "build" && writesPages;
  prepared ??= (async () => {
    try {
      prepareOutput(settings.outputDir, { clean });
    } catch (err) {
      if (err instanceof OutputRefused) refuse(err.message);
      throw err;
    }
  })();
  return prepared;
}
