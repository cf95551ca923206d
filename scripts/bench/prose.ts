/**
 * Building blocks of the synthetic vault: a seeded PRNG, Dutch prose from sentence
 * templates, callouts and Docker code blocks. Every function takes the PRNG, so the same
 * seed gives the same text. The code samples are valid for the course's content rules
 * (real `docker` commands, a parseable Dockerfile, Compose without `version:`).
 */

/** Deterministic PRNG (mulberry32). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

const SUBJECTS = [
  "de container", "de image", "het team", "de ontwikkelaar", "de student", "de daemon", "een volume", "de registry",
  "het netwerk", "de build", "de webserver", "de database", "het Compose-bestand", "de Dockerfile", "de testomgeving",
  "de beheerder", "de applicatie", "de pipeline", "de docent", "de server",
];
const VERBS = [
  "gebruikt", "bouwt", "start", "controleert", "bewaart", "deelt", "beschrijft", "verplaatst", "beveiligt", "test",
  "opent", "kopieert", "verwijdert", "publiceert", "configureert", "vergelijkt", "herstart", "bekijkt", "vervangt", "leest",
];
const OBJECTS = [
  "de poort van de applicatie", "een nieuwe laag", "de gegevens van de database", "alle logbestanden", "de omgevingsvariabelen",
  "een vaste versie-tag", "het interne netwerk", "de configuratie", "een kleine base image", "de healthcheck",
  "de bestanden in de werkmap", "een schrijfbare laag", "het standaardcommando", "de naam van de service", "een bind mount",
  "de geheimen van het project", "de cache van de build", "een aparte gebruiker", "het geheugenlimiet", "de hele stack",
];
const PLACES = [
  "in de testomgeving", "tijdens het bouwen", "na elke wijziging", "zonder extra software", "op de server", "bij het opstarten",
  "in productie", "op je eigen laptop", "met één commando", "in de pipeline", "voor elke release", "binnen het project",
];
const CLAUSES = [
  "zodat de applicatie overal hetzelfde werkt", "omdat een container geen eigen kernel heeft", "want anders verdwijnen de gegevens",
  "terwijl de rest van het systeem ongemoeid blijft", "voordat je de image met anderen deelt", "als de poort al bezet is",
  "zodra de build klaar is", "omdat elke instructie een laag toevoegt", "zodat collega's precies dezelfde versie draaien",
  "wanneer de container opnieuw start", "hoewel dat in het begin meer werk lijkt", "zonder dat de gebruiker er iets van merkt",
];
const OPENERS = ["Daarna", "Vervolgens", "Bovendien", "In de praktijk", "Daarom", "Meestal", "Soms", "Tijdens de les", "Ook"];
const COMMANDS = ["`docker ps`", "`docker image ls`", "`docker compose up -d`", "`docker volume ls`", "`docker network inspect`", "`docker logs`", "`docker inspect`"];
const LINK_SENTENCES = [
  "Lees meer in %.", "Zie ook %.", "In % werk je dit verder uit.", "Dit sluit aan bij %.", "Herhaal zo nodig % voordat je verdergaat.",
  "Hoe dit samenhangt met de rest, staat in %.", "Vergelijk dit met %.",
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One Dutch sentence; `topic` is mentioned now and then. */
export function sentence(rng: Rng, topic: string): string {
  const s = rng.pick(SUBJECTS);
  const v = rng.pick(VERBS);
  const o = rng.chance(0.12) ? `**${rng.pick(OBJECTS)}**` : rng.pick(OBJECTS);
  switch (rng.int(0, 6)) {
    case 0:
      return `${cap(s)} ${v} ${o} ${rng.pick(PLACES)}.`;
    case 1:
      return `${cap(s)} ${v} ${o}, ${rng.pick(CLAUSES)}.`;
    case 2:
      return `${rng.pick(OPENERS)} ${v} ${s} ${o} ${rng.pick(PLACES)}.`;
    case 3:
      return `Met ${rng.pick(COMMANDS)} ${v} ${s} ${o}.`;
    case 4:
      return `Bij ${topic} ${v} ${s} ${o}, ${rng.pick(CLAUSES)}.`;
    case 5:
      return `Waarom ${v} ${s} ${o} ${rng.pick(PLACES)}?`;
    default:
      return `${rng.pick(OPENERS)} ${v} ${s} ${o}, ${rng.pick(CLAUSES)}, en dat scheelt tijd ${rng.pick(PLACES)}.`;
  }
}

export function paragraph(rng: Rng, topic: string, min = 3, max = 7): string {
  const out: string[] = [];
  for (let i = rng.int(min, max); i > 0; i--) out.push(sentence(rng, topic));
  return out.join(" ");
}

/** A sentence that carries a wikilink (`link` is the whole `[[...]]`). */
export function linkSentence(rng: Rng, link: string): string {
  return rng.pick(LINK_SENTENCES).replace("%", link);
}

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const CALLOUT_TITLES = ["Lukt het niet?", "Let op bij Windows", "Veelgemaakte fout", "Controleer je versie"];

/** One of the three callout shapes: `[!tip]`, foldable `[!warning]- Titel`, open `[!note]+`. */
export function callout(rng: Rng, topic: string): string {
  const lines = (n: number) => Array.from({ length: n }, () => `> ${sentence(rng, topic)}`).join("\n");
  switch (rng.int(0, 2)) {
    case 0:
      return `> [!tip]\n${lines(rng.int(1, 3))}`;
    case 1:
      return `> [!warning]- ${rng.pick(CALLOUT_TITLES)}\n${Array.from({ length: rng.int(2, 4) }, () => `> - ${sentence(rng, topic)}`).join("\n")}`;
    default:
      return `> [!note]+\n${lines(rng.int(1, 2))}`;
  }
}

const BASH = [
  "docker ps --format '{{ .Names }}'",
  "docker ps -a --format 'table {{ .Names }}\\t{{ .Status }}'",
  "docker image ls --format '{{ .Repository }}:{{ .Tag }}'",
  "docker inspect --format '{{ .State.Status }}' web",
  "docker container run -d --name web -p 8080:80 nginx:1.27-alpine",
  "docker compose up -d",
  "docker compose logs -f web",
  "docker volume create data",
  "docker network ls",
  "docker build -t mijn-app:1.0 .",
  "docker exec -it web sh",
  "docker image prune",
];

export function bashBlock(rng: Rng): string {
  const cmds = rng.shuffle([...BASH]).slice(0, rng.int(2, 5));
  return "```bash\n" + cmds.map((c) => (rng.chance(0.3) ? `${c.padEnd(48)} # ${rng.pick(PLACES)}` : c)).join("\n") + "\n```";
}

export function dockerfileBlock(rng: Rng): string {
  const [base, port, cmd] = rng.pick([
    ["node:22-alpine", "3000", '["node", "server.js"]'],
    ["python:3.12-slim", "8000", '["python", "app.py"]'],
    ["nginx:1.27-alpine", "80", '["nginx", "-g", "daemon off;"]'],
  ] as const);
  const lines = [`FROM ${base}`, "WORKDIR /app", "COPY . .", `EXPOSE ${port}`];
  if (rng.chance(0.5)) lines.splice(2, 0, "ENV APP_ENV=productie");
  if (rng.chance(0.5)) lines.push("USER 1000");
  lines.push(`CMD ${cmd}`);
  return "```dockerfile\n" + lines.join("\n") + "\n```";
}

export function composeBlock(rng: Rng): string {
  const port = rng.pick(["8080", "3000", "8000"]);
  return [
    "```yaml",
    "services:",
    "  web:",
    "    build: .",
    "    ports:",
    `      - "${port}:${port}"`,
    "    environment:",
    `      APP_ENV: ${rng.pick(["test", "productie", "ontwikkeling"])}`,
    "    depends_on:",
    "      - db",
    "  db:",
    "    image: postgres:17-alpine",
    "    volumes:",
    "      - data:/var/lib/postgresql/data",
    "volumes:",
    "  data:",
    "```",
  ].join("\n");
}
