/**
 * Every Dutch string of the study site's interface, in one place. Templates read it as the
 * global data `t`; client scripts import it directly (it is plain data, no server code).
 * Course content is not here: that lives in content/.
 */
export const t = {
  skipLink: "Naar de inhoud",
  nav: {
    label: "Hoofdmenu",
    course: "Cursus",
    taxonomy: "Taxonomie",
    search: "Zoeken",
  },
  sidebar: {
    label: "Lessen",
    toggle: "Lessen",
    toggleOpen: "Toon alle lessen",
    toggleClose: "Verberg de lessen",
    lessons: "lessen",
  },
  theme: {
    toggle: "Donker thema",
    toDark: "Schakel naar donker thema",
    toLight: "Schakel naar licht thema",
  },
  search: {
    label: "Zoek in de cursus",
    // No "…" here: one character beyond Latin-1 makes every page a two-byte string in memory.
    placeholder: "Zoek in de cursus",
    button: "Zoeken",
    title: "Zoeken",
    intro: "Zoek in alle lessen: uitleg, stappen, oefeningen en leertaken.",
    noScript: "Zoeken werkt met JavaScript. Zonder JavaScript vind je alle lessen via het overzicht van de cursus.",
    loading: "Zoeken wordt geladen…",
    unavailable: "Zoeken is op dit moment niet beschikbaar. Gebruik het overzicht van de cursus.",
    /** Pagefind's own button that empties the field (its Dutch default says "Reset"). */
    clear: "Wissen",
    /** The results panel under the header's search field. */
    panelLabel: "Zoekresultaten",
    searching: "Zoeken…",
    results: (n: number) => (n === 1 ? "1 les gevonden" : `${n} lessen gevonden`),
    none: (term: string) => `Niets gevonden voor “${term}”.`,
    all: (term: string) => `Alle resultaten voor “${term}”`,
    /** The filters on the search page (values are the lesson kinds and the topics). */
    filters: {
      legend: "Filter de resultaten",
      kind: "Soort les",
      allKinds: "Alle",
      reference: "Naslag",
      teachers: "Voor docenten",
      topic: "Onderwerp",
      allTopics: "Alle onderwerpen",
    },
  },
  home: {
    eyebrow: "Cursus",
    lead: "Leer in je eigen tempo. Elke les is één van vier soorten: je leest de uitleg, volgt de stappen, oefent met opdrachten en past alles toe in een leertaak.",
    start: "Begin hier",
    startLesson: "Start met les",
    startNoNumber: "Start met",
    learnTitle: "Wat je leert",
    learnIntro: "De onderwerpen van deze cursus. Elk onderwerp heeft een eigen pagina met alle lessen erover.",
    kindsTitle: "Zo werkt de cursus",
    pathTitle: "Leerroute",
    pathIntro: "Alle lessen in de volgorde waarin je ze maakt.",
    searchTitle: "Zoeken",
    /** Pages with `doelgroep: docenten`: not in the learning path, linked here. */
    teachersTitle: "Voor docenten",
    teachersIntro: "Pagina's voor wie de cursus geeft. Ze tellen niet mee als les.",
  },
  kinds: {
    Uitleg: "Wat het is en hoe het werkt",
    Stappen: "Hoe je het doet, stap voor stap",
    Oefeningen: "Oefen een deel van het werk",
    Leertaak: "Een complete, realistische opdracht",
  } as Record<string, string>,
  kindPlural: {
    Uitleg: ["uitlegles", "uitleglessen"],
    Stappen: ["stappenplan", "stappenplannen"],
    Oefeningen: ["oefenles", "oefenlessen"],
    Leertaak: ["leertaak", "leertaken"],
  } as Record<string, [string, string]>,
  lesson: {
    breadcrumbs: "Kruimelpad",
    kind: "Soort les",
    levels: "HBO-i-niveau",
    /** A level among a lesson's tags, for students: `Niveau 2`. */
    level: "Niveau",
    steps: "Processtap",
    /** The lesson's taxonomy codes, in the "Voor docenten" part. */
    codes: "Taxonomiecode",
    /** A folded section at the end of a lesson with its HBO-i level and process step. */
    forTeachers: "Voor docenten",
    readingTime: "Leestijd",
    updated: "Laatst gewijzigd",
    toc: "Op deze pagina",
    pager: "Vorige en volgende les",
    prev: "Vorige les",
    next: "Volgende les",
    backlinks: "Wordt genoemd in",
    tags: "Tags",
    number: "Les",
    /** A page without a kind word (Commando's, Docker Ecosysteem): to look things up, not a lesson. */
    reference: "Naslag",
    /** The eyebrow of a page with `doelgroep: docenten`. */
    forTeachersPage: "Voor docenten",
    /** The link to the lesson's Markdown file in its repository (`REPO_URL`). */
    edit: "Bewerk deze pagina",
  },
  module: {
    eyebrow: "Module",
    overview: "Overzicht van de module",
    lessons: "Lessen",
    submodules: "Onderdelen",
    count: ["les", "lessen"] as [string, string],
    reference: ["naslagpagina", "naslagpagina's"] as [string, string],
    /** The module of the notes in the vault's top folder. */
    rootTitle: "Algemeen",
  },
  taxonomy: {
    title: "Taxonomie",
    intro: "Hoe de lessen de processtappen en HBO-i-niveaus van de opleiding dekken. Een lege cel is een gat: daar is nog geen les voor.",
    stepsTitle: "Processtappen × HBO-i-niveaus",
    stepsCaption: "Lessen per processtap en HBO-i-niveau",
    stepHeader: "Processtap",
    level: "Niveau",
    unusedTitle: "Processtappen zonder lessen",
    topicsTitle: "Onderwerpen × lessoorten",
    topicsCaption: "Lessen per onderwerp en soort (4C/ID-component)",
    topicHeader: "Onderwerp",
    gap: "gat",
    gapLabel: "Gat: nog geen les",
    gaps: ["gat", "gaten"] as [string, string],
    allTitle: "Alle tags en onderwerpen",
    listingKinds: {
      tag: "Tag",
      topic: "Onderwerp",
      step: "Processtap",
      level: "HBO-i-niveau",
    } as Record<string, string>,
    listingGroups: {
      level: "HBO-i-niveaus",
      step: "Processtappen",
      topic: "Onderwerpen",
      tag: "Tags",
      code: "Taxonomiecodes",
    } as Record<string, string>,
    listingLessons: "Lessen",
    /** The lead of a listing page, and its meta description. */
    listingDescriptions: {
      tag: (tag: string) => `Lessen met de tag ${tag}`,
      level: (level: string) => `Lessen op ${level}`,
      topic: (topic: string) => `Alle lessen over ${topic}`,
      step: (step: string, process: string) => `Lessen voor de processtap ${step} (${process})`,
    },
    backToMatrix: "Naar het overzicht van de taxonomie",
  },
  notFound: {
    title: "Pagina niet gevonden",
    text: "Deze pagina bestaat niet (meer). Misschien is de les verplaatst of heeft ze een nieuwe naam gekregen.",
    home: "Naar het overzicht van de cursus",
    search: "Zoek de les",
  },
  problems: {
    title: "Problemen in deze les",
    intro: "Alleen zichtbaar tijdens het schrijven (npm start). Los ze op in het Markdown-bestand.",
  },
  /** The title of a callout (`> [!tip]`) that has none of its own, by Obsidian's callout type. */
  callouts: {
    note: "Opmerking",
    abstract: "Samenvatting",
    info: "Info",
    todo: "Te doen",
    tip: "Tip",
    important: "Belangrijk",
    success: "Gelukt",
    question: "Vraag",
    warning: "Let op",
    failure: "Mislukt",
    danger: "Gevaar",
    bug: "Bug",
    example: "Voorbeeld",
    quote: "Citaat",
    quiz: "Vraag",
  },
  /** The tooltip of a link to a page, heading or file that does not exist (yet). */
  links: {
    missingPage: "Deze pagina bestaat (nog) niet",
    missingHeading: "Deze kop bestaat (nog) niet",
    missingFile: "Dit bestand bestaat (nog) niet",
  },
  /** Under a note embedded in another (`![[Note]]`): where it comes from. */
  transclusion: {
    source: "Uit:",
  },
  code: {
    copy: "Kopieer",
    copyLabel: "Kopieer de code",
    copied: "Gekopieerd",
    failed: "Kopiëren lukte niet",
    scroll: "Code, scroll horizontaal",
  },
  /** Label above a code block, by the language written after the fence (lowercase). */
  codeLanguages: {
    dockerfile: "Dockerfile",
    containerfile: "Dockerfile",
    docker: "Dockerfile",
    bash: "Terminal",
    sh: "Terminal",
    shell: "Terminal",
    zsh: "Terminal",
    console: "Terminal",
    "shell-session": "Terminal",
    powershell: "PowerShell",
    ps1: "PowerShell",
    pwsh: "PowerShell",
    yaml: "YAML",
    yml: "YAML",
    compose: "Compose (YAML)",
    json: "JSON",
    ini: "Configuratie",
    env: ".env",
    dotenv: ".env",
    javascript: "JavaScript",
    js: "JavaScript",
    typescript: "TypeScript",
    ts: "TypeScript",
    python: "Python",
    py: "Python",
    sql: "SQL",
    nginx: "Nginx",
    toml: "TOML",
    diff: "Diff",
    html: "HTML",
    xml: "XML",
    markdown: "Markdown",
    md: "Markdown",
    // Lessons put what a command prints in ```text blocks ("Wat je ziet").
    text: "Uitvoer",
    output: "Uitvoer",
  } as Record<string, string>,
  table: {
    scroll: "Tabel, scroll horizontaal",
  },
  /** A diagram (an SVG alone in its paragraph) opens large in a full-screen view. */
  diagram: {
    enlarge: "Klik om te vergroten",
    view: "Vergrote afbeelding",
    scroll: "Afbeelding, scroll om alles te zien",
    close: "Sluiten",
  },
  /** The `#` link after each h2–h4 of a lesson (its name; the `#` itself is drawn by CSS). */
  headings: {
    anchor: "Link naar deze kop",
  },
  /** `:::: tabs` blocks (one tab per operating system, ...). */
  tabs: {
    /** The label of a `::: tab` written without one (reported as tab-label-missing). */
    untitled: (n: number) => `Tabblad ${n}`,
  },
  quiz: {
    /** Before the first question of a page: the score so far. */
    score: "Zelftoets",
    scoreRight: (right: number, total: number) => `${right} van ${total} goed`,
    scoreAnswered: (answered: number, total: number) => (answered === total ? "alles beantwoord" : `${answered} van ${total} beantwoord`),
    multipleHint: "Er zijn meer juiste antwoorden. Kies ze allemaal.",
    check: "Controleer",
    retry: "Opnieuw",
    chooseFirst: "Kies eerst een antwoord.",
    right: "Goed",
    wrong: "Niet goed",
    missed: "Juist antwoord",
    feedbackRight: "Goed! De uitleg staat hieronder.",
    feedbackWrong: "Niet goed. Het juiste antwoord en de uitleg staan hieronder.",
    feedbackPartial: (found: number, total: number) => `Bijna: je koos ${found} van de ${total} juiste antwoorden. Het juiste antwoord en de uitleg staan hieronder.`,
    /** After a first wrong try: the answer stays hidden. */
    tryAgain: "Niet goed, probeer het nog eens.",
    tryAgainPartial: (found: number, total: number) => `Bijna: je koos ${found} van de ${total} juiste antwoorden. Probeer het nog eens.`,
    hint: "Hint:",
    /** The answer opened on request, before the question was answered. */
    revealed: "Het juiste antwoord en de uitleg staan hieronder.",
    showAnswer: "Toon het antwoord",
    hideAnswer: "Verberg het antwoord",
    /** Before the right answer(s) in the folded answer, which works without JavaScript. */
    correctAnswer: "Juist:",
    /** The list of a page's questions in the right column (an exercise page has no table of contents). */
    navLabel: "Vragen op deze pagina",
    navQuestion: (n: number) => `Vraag ${n}`,
    navState: { right: "goed", wrong: "niet goed", open: "nog open" } as Record<"right" | "wrong" | "open", string>,
  },
  progress: {
    title: "Je voortgang",
    markDone: "Markeer als gedaan",
    done: "Gedaan",
    doneHint: "Je voortgang wordt alleen in deze browser bewaard.",
    doneLabel: "gedaan",
    lessons: (done: number, total: number) => `Je hebt ${done} van ${total} ${total === 1 ? "les" : "lessen"} gedaan`,
    empty: "Markeer onderaan een les dat je hem gedaan hebt. Hier zie je dan hoe ver je bent.",
    allDone: "Alle lessen zijn gedaan. Goed bezig!",
    barLabel: "Lessen gedaan",
    quiz: (right: number, answered: number) => `Zelftoetsen: ${right} van ${answered} ${answered === 1 ? "beantwoorde vraag" : "beantwoorde vragen"} goed`,
    quizNone: "Zelftoetsen: nog geen vragen beantwoord",
    continue: "Verder waar je was",
    clear: "Voortgang wissen",
    confirmText: "Alle gemarkeerde lessen, antwoorden en afgevinkte taken in deze browser worden gewist.",
    confirm: "Ja, wis alles",
    cancel: "Annuleren",
    cleared: "Je voortgang is gewist.",
    note: "Je voortgang wordt alleen in deze browser bewaard.",
    unavailable: "Deze browser bewaart geen voortgang (bijvoorbeeld in een privévenster).",
  },
  footer: {
    text: "Een cursus in het Nederlands voor hbo- en mbo-ICT-studenten.",
    top: "Naar boven",
    /** The taxonomy matrix is for teachers: linked from the footer, not the main menu. */
    taxonomy: "Taxonomie (voor docenten)",
  },
};

// The Dutch strings of the interactive labs (Dockerfile explorer, Compose map) are in
// strings-labs.ts: this file is in the chunk every page loads, those strings only in the labs' chunks.

export type Strings = typeof t;

/** `1 les`, `5 lessen`: a count with the right Dutch form. */
export function plural(n: number, forms: readonly [string, string]): string {
  return `${n} ${n === 1 ? forms[0] : forms[1]}`;
}
