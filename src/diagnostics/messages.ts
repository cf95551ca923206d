/**
 * What every diagnostic says, in one table. Teachers read these in the terminal, in the
 * problem banner of `npm start` and in the JSON of `npm run check`, so the texts are Dutch;
 * the rule ids stay English and stable (editors, CI and the teachers' guide refer to them).
 *
 * Each rule has a message (what is wrong, with the names involved) and usually a hint (how
 * to fix it). A call site passes the rule id and the values the texts need:
 *
 *     diagnostics.report("warning", "title-missing", { file, line: 1 }, { name: note.name });
 *
 * The parameter types are checked: a rule that needs `{ name }` cannot be reported without it.
 */

type Text<P> = (p: P) => string;

export interface RuleText<P> {
  message: Text<P>;
  hint?: Text<P>;
}

function rule<P = Record<string, never>>(message: Text<NoInfer<P>>, hint?: Text<NoInfer<P>>): RuleText<P> {
  return { message, hint };
}

/** ` Bedoel je "x"?` when there is a guess, else nothing. */
export function didYouMean(guess: string | undefined, quote = '"'): string {
  return guess ? `; bedoel je ${quote}${guess}${quote}?` : "";
}

/** What the HTML and SVG sanitiser removed (a `Removal` of src/markdown/sanitise.ts). */
export interface Removed {
  kind: "element" | "attribute" | "url" | "entity" | "instruction";
  /** Lower case, `a` or `svg`. */
  element: string;
  attribute?: string;
  value?: string;
}

/** `"javascript:alert(1)"`, cut short and on one line. */
function shortValue(value = ""): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return `"${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}"`;
}

/** What was removed and why. */
function removedText(p: Removed): string {
  const el = `<${p.element}>`;
  if (p.kind === "url") return `${p.attribute}=${shortValue(p.value)} van ${el} verwijderd: een javascript:-, vbscript:- of data:-adres kan code uitvoeren`;
  if (p.kind === "attribute") {
    return /^on/i.test(p.attribute?.slice(p.attribute.lastIndexOf(":") + 1) ?? "")
      ? `attribuut ${p.attribute} van ${el} verwijderd: een event-handler voert JavaScript uit in de browser van de student`
      : `attribuut ${p.attribute} van ${el} verwijderd: het kan code uitvoeren of is geen geldige attribuutnaam`;
  }
  if (p.element === "base" || p.element === "meta") return `${el} verwijderd: dit element kan de pagina omleiden of elke link op de pagina laten wijzen naar een andere site`;
  if (p.kind === "element") return `${el} met inhoud verwijderd: dit element kan code uitvoeren of een andere pagina in de les tonen`;
  return `${el} verwijderd: het kan code uitvoeren`;
}

const scriptsAllowed = (where: string) => `Wil je team scripts in ${where} toestaan, bouw dan met COURSE_ALLOW_HTML_SCRIPTS=1 (zie de README).`;

const embedOrLink = "Embed de pagina die je nodig hebt rechtstreeks, of link met [[...]] in plaats van ![[...]].";
const putFile = "Zet het bestand in de vault (in welke map ook) of in _assets/, en controleer de spelling.";

export const MESSAGES = {
  // ---- front matter -------------------------------------------------------------------
  "frontmatter-unclosed": rule(
    () => "de front matter begint met --- maar wordt nergens afgesloten",
    () => "Zet een regel met alleen --- na de laatste sleutel van de front matter.",
  ),
  "frontmatter-yaml": rule<{ error?: string; cause?: "aliases" | "anchor" | "not-a-map" }>(
    (p) => (p.cause === "not-a-map" ? "de front matter moet bestaan uit regels `sleutel: waarde`" : `de front matter is geen geldige YAML: ${p.error}`),
    (p) =>
      p.cause === "not-a-map"
        ? "Schrijf elke eigenschap als `sleutel: waarde` tussen de regels ---."
        : p.cause === "aliases"
        ? "Schrijf elke waarde voluit in plaats van ankers (&naam) en aliassen (*naam) te gebruiken; in front matter zijn die zelden nodig."
        : p.cause === "anchor"
          ? "Een alias (*naam) heeft een anker (&naam) op een eerdere waarde nodig; schrijf de waarde anders voluit."
          : "Controleer de aanhalingstekens, dubbele punten en het inspringen op deze regel; een waarde met : of # moet tussen aanhalingstekens.",
  ),
  "date-invalid": rule<{ written: string }>(
    (p) => `date${p.written} is geen geldige datum; de pagina krijgt geen datum`,
    () => "Schrijf de datum als jaar-maand-dag, bijvoorbeeld `date: 2026-09-01`.",
  ),
  "title-missing": rule<{ name: string }>(
    (p) => `de front matter heeft geen title; de pagina heet nu "${p.name}"`,
    (p) => `Zet \`title: ${p.name}\` in de front matter.`,
  ),
  "title-mismatch": rule<{ title: string; name: string }>(
    (p) => `title "${p.title}" wijkt af van de bestandsnaam "${p.name}"`,
    (p) => `Schrijf \`title: ${p.name}\`, of hernoem het bestand als de titel de goede is.`,
  ),
  "frontmatter-unknown-key": rule<{ key: string; guess?: string; known: string }>(
    (p) => `sleutel "${p.key}" in de front matter wordt door deze site niet gebruikt${didYouMean(p.guess)}`,
    (p) => `Bekende sleutels: ${p.known}. Verwijder de sleutel of verbeter de spelling.`,
  ),

  // ---- taxonomy -----------------------------------------------------------------------
  "taxonomy-missing": rule<{ kind: string; component: string }>(
    (p) => `${p.kind}-pagina zonder taxonomiecodes`,
    (p) => `Zet bijvoorbeeld \`taxonomie: ['ib-19.2.Onderwerp.${p.component}', 'ib-19.3.Onderwerp.${p.component}']\` in de front matter.`,
  ),
  "taxonomy-invalid": rule<{ code: string }>(
    (p) => `taxonomiecode "${p.code}" volgt het patroon stap-nummer.niveau.Onderwerp.COMPONENT niet`,
    () => "Voorbeeld: ib-19.2.Docker-images.OI (processtap ib-19, niveau 1-3, een onderwerp zonder punten of spaties, en OI, PI, DT of LT).",
  ),
  "taxonomy-unknown-step": rule<{ code: string; step: string; same?: string }>(
    (p) => `taxonomiecode "${p.code}" noemt processtap "${p.step}", die niet bestaat${p.same ? `; stap ${p.same}` : ""}`,
    () => "De processtappen staan in src/taxonomy/processtappen.tsv (bijvoorbeeld ib-19 Bouwen softwaresysteem).",
  ),
  "taxonomy-component": rule<{ code: string; component: string; componentKind: string; kind: string; expected: string }>(
    (p) => `taxonomiecode "${p.code}" eindigt op .${p.component} (${p.componentKind}), maar volgens de bestandsnaam is dit een ${p.kind}-pagina (.${p.expected})`,
    (p) => `Gebruik .${p.expected} voor een ${p.kind}-pagina, of hernoem het bestand naar het soort pagina dat het echt is.`,
  ),

  // ---- text ---------------------------------------------------------------------------
  "todo-marker": rule<{ marker: string }>(
    (p) => `werk-in-uitvoering-markering ${p.marker} in de tekst`,
    () => "Maak dit deel af en haal de markering weg, of zet `draft: true` in de front matter tot het af is.",
  ),
  placeholder: rule<{ text: string; template: string }>(
    (p) => `tekst uit het lessjabloon staat er nog: "${p.text}"`,
    (p) => `Vervang hem door je eigen tekst of haal hem weg (hij komt uit templates/${p.template}); laat \`draft: true\` staan tot de les af is.`,
  ),
  mojibake: rule<{ word: string; more: number; fixes: string }>(
    (p) => `"${p.word}" lijkt dubbel gecodeerde UTF-8${p.more ? ` (en nog ${p.more} op deze regel)` : ""}`,
    (p) => `Vervang ${p.fixes}; de tekst is ooit met de verkeerde codering opgeslagen.`,
  ),
  encoding: rule<{ line: number; shown: string }>(
    (p) => `het bestand is geen UTF-8 en is gelezen als Windows-1252 (Latin-1); regel ${p.line} luidt nu: "${p.shown}"`,
    () => "Klopt de tekst, sla het bestand dan op als UTF-8 (VS Code: klik rechtsonder op de codering, 'Save with Encoding', UTF-8).",
  ),
  bom: rule(
    () => "het bestand begint met een byte-order mark (BOM)",
    () => "Sla het bestand op als UTF-8 zonder BOM (VS Code: klik op 'UTF-8 with BOM' in de statusbalk).",
  ),
  crlf: rule(
    () => "het bestand heeft Windows-regeleinden (CRLF)",
    () => "Sla het bestand op met LF-regeleinden (VS Code: klik op CRLF in de statusbalk); git doet het met `* text=auto eol=lf` in .gitattributes.",
  ),

  // ---- course structure ---------------------------------------------------------------
  "next-step-cycle": rule<{ chain: string }>(
    (p) => `"Volgende stap" loopt in een kring: ${p.chain}`,
    () => 'Laat de laatste pagina van de keten naar een latere pagina wijzen (of haal daar "Volgende stap" weg), zodat studenten het einde halen.',
  ),
  "duplicate-number": rule<{ number: number; others: string; free: number }>(
    (p) => `lesnummer ${p.number} wordt in deze map ook gebruikt door ${p.others}`,
    (p) => `Geef een van de lessen een eigen nummer, bijvoorbeeld ${p.free} (het eerste vrije nummer na ${p.number}), en pas de links in "Volgende stap" aan.`,
  ),
  "unused-attachment": rule<{ name: string }>(
    (p) => `bijlage "${p.name}" wordt door geen pagina gelinkt of ingevoegd, en wordt dus niet gepubliceerd`,
    (p) => `Voeg hem in met ![[${p.name}|beschrijving]], link ernaar, of verwijder het bestand.`,
  ),
  "unused-asset": rule<{ rel: string }>(
    (p) => `${p.rel} wordt door geen pagina gebruikt`,
    () => "Prima als een layout hem gebruikt; verwijder hem anders.",
  ),

  // ---- Docker code --------------------------------------------------------------------
  dockerfile: rule<{ text: string; guess?: string; instructions?: string }>(
    (p) => `Dockerfile: ${p.text}`,
    (p) =>
      p.instructions
        ? `${p.guess ? `Bedoel je ${p.guess}? ` : ""}Instructies: ${p.instructions}.`
        : "Verbeter de instructie, of zet `nocheck` achter ```dockerfile als de fout de bedoeling is (een oefening).",
  ),
  "compose-yaml": rule<{ error: string }>(
    (p) => `het Compose-bestand is geen geldige YAML: ${p.error}`,
    () => "Controleer het inspringen (spaties, geen tabs) en de dubbele punten; zet `nocheck` achter ```yaml als de fout de bedoeling is.",
  ),
  "compose-version": rule(
    () => "het Compose-bestand heeft `version:`, dat in Compose v2 en later verouderd is en genegeerd wordt",
    () => "Haal de regel met version weg; `docker compose` waarschuwt er zelf ook voor.",
  ),
  "compose-unknown-key": rule<{ key: string; guess?: string; keys: string }>(
    (p) => `het Compose-bestand heeft een onbekende sleutel op het hoogste niveau: "${p.key}"${didYouMean(p.guess)}`,
    (p) => `Sleutels op het hoogste niveau zijn ${p.keys} en x-...-extensies; instellingen van een service horen onder services:.`,
  ),
  "docker-compose-v1": rule(
    () => "`docker-compose` is het afgeschafte commando van Compose v1",
    () => "Schrijf `docker compose` (met een spatie): Compose hoort bij de Docker CLI.",
  ),
  "docker-command": rule<{ command: string; suggestion?: string; inCodeBlock: boolean }>(
    (p) => `\`${p.command}\` is geen Docker-commando${didYouMean(p.suggestion, "`")}`,
    (p) =>
      `Controleer de spelling met \`docker --help\` of \`docker compose --help\`.${p.inCodeBlock ? " Is de fout de bedoeling? Zet `nocheck` achter de taal van het codeblok." : ""}`,
  ),
  "quiz-pattern": rule<{ findings: string[]; hints: string[] }>(
    (p) => `de antwoorden van de zelftoets zijn te raden zonder de les: ${p.findings.join("; ")}`,
    (p) => `${p.hints.join("; ")}.`,
  ),

  // ---- the vault ----------------------------------------------------------------------
  "url-conflict": rule<{ url: string; first: string; published: string }>(
    (p) => `de pagina krijgt URL ${p.url}, net als ${p.first}; hij staat nu op ${p.published}`,
    () => "Hernoem een van de twee bestanden, zodat hun namen in letters of cijfers verschillen.",
  ),
  "url-reserved": rule<{ url: string; by: string; published: string; name: string }>(
    (p) => `de pagina krijgt URL ${p.url}, waar de site ${p.by} publiceert; hij staat nu op ${p.published}`,
    (p) => `Hernoem het bestand (of zijn map) zodat de URL vrij is, bijvoorbeeld "${p.name} (notitie).md".`,
  ),
  "duplicate-name": rule<{ name: string; files: string }>(
    (p) => `twee pagina's heten "${p.name}": ${p.files}; [[${p.name}]] is dubbelzinnig`,
    () => "Hernoem er een: Obsidian linkt op bestandsnaam.",
  ),
  "folder-note-twice": rule<{ folder: string; used: string }>(
    (p) => `map ${p.folder}/ heeft twee mapnotities: ${p.used} ernaast en deze erin; ${p.used} is de modulepagina, deze notitie blijft een gewone les`,
    () => "Zet de tekst van de module in één van de twee en verwijder of hernoem de andere.",
  ),
  unpublished: rule<{ why: string }>((p) => `niet gepubliceerd (${p.why})`),
  "symlink-outside": rule<{ target: string }>(
    (p) => `symbolische link wijst buiten de inhoudsmap, naar ${p.target}; niet gepubliceerd`,
    () => "Kopieer het bestand naar de vault in plaats van ernaar te linken, of verwijder de link.",
  ),
  "symlink-broken": rule<{ target: string }>(
    (p) => `symbolische link wijst naar ${p.target || "niets"}, en dat bestaat niet; overgeslagen`,
    () => "Verwijder de link of laat hem naar een bestand in de vault wijzen.",
  ),
  "symlink-loop": rule<{ target: string }>(
    (p) => `symbolische link leidt terug naar een map die al wordt gelezen${p.target ? ` (${p.target})` : ""}; niet gevolgd`,
    () => "Verwijder de link: een map die zichzelf bevat kan niet gepubliceerd worden.",
  ),
  "attachment-copy": rule<{ error: string }>(
    (p) => `bijlage kan niet worden gekopieerd: ${p.error}`,
    () => "Controleer of het bestand leesbaar is en of de uitvoermap schrijfbaar is.",
  ),

  // ---- links and embeds ---------------------------------------------------------------
  "broken-wikilink": rule<{ what: string; raw: string; target: string; suggestion?: string; empty?: boolean }>(
    (p) =>
      p.empty
        ? `${p.what} ${p.raw} noemt geen pagina`
        : `${p.what} ${p.raw} verwijst naar geen enkele pagina; ${p.suggestion ? `bedoel je "${p.suggestion}"?` : `maak een pagina "${p.target}" of verbeter de naam`}`,
    (p) =>
      p.empty
        ? 'Schrijf les="Notitie#Kop", bijvoorbeeld les="8. Uitleg Dockerfile#Layer caching en de volgorde van instructies".'
        : "Een link noemt een bestandsnaam zonder .md, ergens in de vault.",
  ),
  "ambiguous-wikilink": rule<{ what: string; raw: string; count: number; names: string; chosen: string; path: string }>(
    (p) => `${p.what} ${p.raw} past bij ${p.count} pagina's: ${p.names}; de link gaat naar ${p.chosen}`,
    (p) => `Zet de map in de link, bijvoorbeeld [[${p.path}]], of hernoem een van de pagina's.`,
  ),
  "link-to-draft": rule<{ what: string; raw: string; why: string }>(
    (p) => `${p.what} ${p.raw} wijst naar een pagina die niet gepubliceerd wordt (${p.why}); getoond als gewone tekst`,
  ),
  "broken-anchor": rule<{ what: string; raw: string; page: string; heading: string; guess?: string; headings: string[] }>(
    (p) => `${p.what} ${p.raw}: pagina "${p.page}" heeft geen kop "${p.heading}"${p.guess ? `; bedoel je "#${p.guess}"?` : ""}`,
    (p) => (p.headings.length ? `Koppen daar: ${p.headings.join(", ")}` : "Die pagina heeft geen koppen."),
  ),
  "missing-attachment": rule<{ raw: string; link: boolean; suggestion?: string }>(
    (p) => `${p.link ? "link " : ""}${p.raw} past bij geen enkel bestand in de vault of in _assets/${didYouMean(p.suggestion)}`,
    () => putFile,
  ),
  "embed-cycle": rule<{ raw: string; path: string }>(
    (p) => `${p.raw} voegt een pagina in die al wordt ingevoegd (${p.path})`,
    () => "Haal een van de embeds weg, of link met [[...]] in plaats van ![[...]].",
  ),
  "embed-depth": rule<{ raw: string; depth: number; path: string; max: number }>(
    (p) => `${p.raw} wordt ${p.depth} niveaus diep ingevoegd (${p.path}); embeds gaan hooguit ${p.max} niveaus diep, dus hij staat er als link`,
    () => embedOrLink,
  ),
  "embed-limit": rule<{ raw: string; top: string; count: number; size: number; maxEmbeds: number; maxSize: number }>(
    (p) =>
      `${p.raw} en de embeds erna staan er als link: pagina ${p.top} toont al ${p.count} ingevoegde pagina's (${p.size} tekens); een pagina toont hooguit ${p.maxEmbeds} embeds en ${p.maxSize} tekens ingevoegde tekst`,
    () => "Voeg minder of kleinere delen in (één stuk met ![[Pagina#Kop]]), of link met [[...]] in plaats van ![[...]].",
  ),

  // ---- images -------------------------------------------------------------------------
  "image-alt": rule<{ src: string; wikilink?: string }>(
    (p) => `afbeelding ${p.src} heeft geen alt-tekst`,
    (p) => (p.wikilink ? `Beschrijf de afbeelding na een |, bijvoorbeeld ![[${p.wikilink}|Schema van ...]].` : "Beschrijf in de alt-tekst, in het Nederlands, wat de afbeelding laat zien."),
  ),
  "external-image": rule<{ src: string }>(
    (p) => `afbeelding ${p.src} wordt van een andere site geladen`,
    () => "Download hem naar _assets/ of de vault, zodat de site geen verzoeken naar derden doet.",
  ),
  "missing-image": rule<{ src: string; suggestion?: string }>(
    (p) => `afbeelding ${p.src} niet gevonden`,
    (p) => `Zet het bestand in _assets/ of ergens in de vault.${p.suggestion ? ` Bedoel je "${p.suggestion}"?` : ""}`,
  ),
  "image-broken": rule<{ src: string; problem: string; fix: string }>(
    (p) => `afbeelding ${p.src} kan niet worden gebruikt: ${p.problem}`,
    (p) => p.fix,
  ),
  "image-unreadable": rule<{ src: string; error: string }>(
    (p) => `afbeelding ${p.src} kan niet worden gelezen: ${p.error}`,
    () => "Exporteer de afbeelding opnieuw als PNG, JPEG, WebP of SVG.",
  ),

  // ---- raw HTML and SVG files ---------------------------------------------------------
  "unsafe-html": rule<Removed>(
    (p) => removedText(p),
    () => `Haal het weg; gewone HTML zoals <details>, <kbd> en <img> mag blijven. ${scriptsAllowed("lessen")}`,
  ),
  "unsafe-svg": rule<Removed>(
    (p) =>
      p.kind === "entity"
        ? `SVG-bestand niet gepubliceerd: de DOCTYPE declareert entiteit ${p.attribute} met opmaak of een script-adres, waarmee de tekening code kan uitvoeren`
        : `${removedText(p)} (in het gepubliceerde SVG-bestand)`,
    () => `Exporteer de tekening opnieuw als gewone SVG, zonder scripts en event-handlers. ${scriptsAllowed("tekeningen")}`,
  ),

  // ---- Markdown blocks ----------------------------------------------------------------
  "unclosed-container": rule<{ markup: string; name: string }>(
    (p) => `${p.markup} ${p.name}-blok wordt nergens afgesloten`,
    (p) => `Zet een regel met alleen ${p.markup} waar het blok eindigt.`,
  ),
  "tabs-structure": rule<{ problem: "outside" | "empty" | "stray"; markup: string; label?: string }>(
    (p) =>
      p.problem === "outside"
        ? `${p.markup} tab${p.label ? ` ${p.label}` : ""} staat niet in een tabs-blok en wordt als losse sectie getoond`
        : p.problem === "empty"
          ? `${p.markup} tabs-blok bevat geen tabbladen`
          : `tekst in het ${p.markup} tabs-blok staat buiten de tabbladen en komt tussen de tabbladen te staan`,
    (p) =>
      p.problem === "stray"
        ? "Zet de tekst in een `::: tab`-blok, of boven of onder het tabs-blok."
        : p.problem === "empty"
          ? "Zet er tabbladen in (`::: tab Windows` ... `:::`), of verwijder het blok."
          : "Geef het tabs-blok een langere rij dubbele punten dan de tabbladen erin: `:::: tabs`, dan per tabblad `::: tab Windows` ... `:::`, en `::::` aan het eind.",
  ),
  "tab-label-missing": rule<{ markup: string; label: string }>(
    (p) => `${p.markup} tab heeft geen label; het tabblad heet nu "${p.label}"`,
    (p) => `Zet het label achter het woord tab: \`${p.markup} tab Windows\`.`,
  ),
  "unknown-callout": rule<{ type: string; types: string }>(
    (p) => `callout-type [!${p.type}] is geen callout-type van Obsidian; getoond als note`,
    (p) => `Gebruik een van: ${p.types}.`,
  ),
  "unclosed-comment": rule(
    () => "%%-commentaar wordt nergens afgesloten; de rest van de pagina is verborgen",
    () => "Zet %% waar het commentaar eindigt.",
  ),
  "quiz-no-options": rule<{ marks?: boolean }>(
    () => "zelftoetsvraag zonder antwoordopties",
    (p) => (p.marks ? "Begin elke optie met [ ] of [x]: `> - [ ] fout`, `> - [x] goed`." : "Zet de opties eronder als regels `> - [ ] fout` en `> - [x] goed`."),
  ),
  "quiz-no-answer": rule(
    () => "zelftoetsvraag zonder goed antwoord",
    () => "Markeer de goede optie(s) met [x]: `> - [x] goed antwoord`.",
  ),
  "template-variable": rule<{ name: string }>(
    (p) => `{{ ${p.name} }} is niet gedefinieerd`,
    (p) => `Definieer "${p.name}" in de front matter, of schrijf de tekst zonder {{ }}.`,
  ),
  "template-tag": rule<{ tag: string }>(
    (p) => `sjabloontag ${p.tag} wordt op deze site niet verwerkt`,
    () => "Lessen kennen alleen {{ variabele }}; haal de tag weg of zet hem in een codeblok.",
  ),

  // ---- the collector ------------------------------------------------------------------
  "too-many-problems": rule<{ count: number; rules: string; max: number }>(
    (p) => `nog ${p.count} ${p.count === 1 ? "probleem" : "problemen"} in dit bestand niet in de lijst (${p.rules}); per bestand staan er hooguit ${p.max} in de lijst`,
    () => "Los eerst de genoemde problemen op: de andere hebben vaak dezelfde oorzaak (een hernoemde pagina, een verkeerd gespelde naam) en verdwijnen mee.",
  ),
};

export type RuleId = keyof typeof MESSAGES;

/** The values the texts of `rule` need. */
export type RuleParams<R extends RuleId> = Parameters<(typeof MESSAGES)[R]["message"]>[0];

/** The message and hint of a rule, filled in. */
export function say<R extends RuleId>(rule: R, params: RuleParams<R>): { message: string; hint?: string } {
  const text = MESSAGES[rule] as RuleText<RuleParams<R>>;
  return { message: text.message(params), hint: text.hint?.(params) };
}
