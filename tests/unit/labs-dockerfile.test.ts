/**
 * The Dockerfile explorer's logic (src/labs/dockerfile.ts): layers and stages, the cache
 * simulation against Docker's rules, tips and the shared lint rule. Tables: each row is a
 * Dockerfile, what changed, and the status of every step (h = cache hit, m = rebuild,
 * s = skipped stage, . = no cache step: a global ARG).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { dockerfileTips, parseDockerfile, simulateCache, sizeHint, sourceMatches, type Changes } from "../../src/labs/dockerfile.ts";
import { lintDockerfile } from "../../src/labs/dockerfile-lint.ts";
import { renderDockerfileOutput } from "../../src/labs/dockerfile-view.ts";
import { Diagnostics } from "../../src/diagnostics/index.ts";
import { createMarkdown, newEnv } from "../../src/markdown/index.ts";
import { labInfo } from "../../src/markdown/labs.ts";
import { loadVault } from "../../src/vault/index.ts";
import path from "node:path";

const NAIVE = `FROM node:22-alpine
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "src/app.js"]
`;

const FRIENDLY = `FROM node:22-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
CMD ["node", "src/app.js"]
`;

const MULTI = `FROM node:22-alpine AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 80
`;

const GLOBAL_ARG = `ARG NODE_VERSION=22
FROM node:\${NODE_VERSION}-alpine
ARG APP_ENV=production
RUN echo building
COPY . .
`;

const UNUSED_STAGE = `FROM alpine:3.20 AS tools
RUN apk add curl

FROM node:22-alpine AS build
RUN echo hi

FROM nginx:1.27-alpine
COPY --from=build /out /usr/share/nginx/html
`;

function statuses(current: string, changes: Changes = {}, previous?: string): string {
  const model = parseDockerfile(current);
  const sim = simulateCache(model, changes, previous === undefined ? model : parseDockerfile(previous));
  return sim.results.map((r) => ({ hit: "h", miss: "m", skip: "s", none: "." })[r.status]).join("");
}

describe("cache simulation", () => {
  const rows: [string, string, Changes, string, string?][] = [
    ["naive order, nothing changed", NAIVE, {}, "hhhhh"],
    ["naive order, src/app.js changed: npm ci runs again", NAIVE, { files: ["src/app.js"] }, "hhmmm"],
    ["naive order, package.json changed", NAIVE, { files: ["package.json"] }, "hhmmm"],
    ["cache-friendly order, src/app.js changed: npm ci comes from the cache", FRIENDLY, { files: ["src/app.js"] }, "hhhhmm"],
    ["cache-friendly order, package.json changed: install and after", FRIENDLY, { files: ["package.json"] }, "hhmmmm"],
    ["cache-friendly order, package-lock.json matches package*.json", FRIENDLY, { files: ["package-lock.json"] }, "hhmmmm"],
    ["a file no COPY takes changes nothing", FRIENDLY.replace("COPY . .", "COPY src/ ./src/"), { files: ["README.md"] }, "hhhhhh"],
    ["changed base image invalidates its whole stage", FRIENDLY, { bases: ["node:22-alpine"] }, "mmmmmm"],
    ["an edited RUN line rebuilds it and everything after", FRIENDLY, {}, "hhhmmm", FRIENDLY.replace("RUN npm ci", "RUN npm install")],
    ["moving COPY . . before the install: the moved steps rebuild", NAIVE, {}, "hhmmm", FRIENDLY],
    ["a step marked as changed by hand", FRIENDLY, { steps: [4] }, "hhhhmm"],
    ["ARG before FROM: a new default changes the base of the stage", GLOBAL_ARG, {}, ".mmmm", GLOBAL_ARG.replace("NODE_VERSION=22", "NODE_VERSION=20")],
    ["ARG before FROM: unchanged, all hits", GLOBAL_ARG, {}, ".hhhh"],
    ["multi-stage: a changed source file rebuilds the build stage and the COPY --from", MULTI, { files: ["src/main.ts"] }, "hhhhmmhmm"],
    ["multi-stage: package.json changed", MULTI, { files: ["package.json"] }, "hhmmmmhmm"],
    ["multi-stage: new nginx image rebuilds only the last stage", MULTI, { bases: ["nginx:1.27-alpine"] }, "hhhhhhmmm"],
    ["multi-stage: a new node image rebuilds the build stage and the COPY --from", MULTI, { bases: ["node:22-alpine"] }, "mmmmmmhmm"],
    ["a stage the image does not need is skipped", UNUSED_STAGE, {}, "sshhhh"],
  ];
  for (const [name, current, changes, expected, previous] of rows) {
    test(name, () => assert.equal(statuses(current, changes, previous), expected));
  }

  test("reasons say why: files, after, base, arg, stage, RUN compares only text", () => {
    const friendly = parseDockerfile(FRIENDLY);
    const sim = simulateCache(friendly, { files: ["src/app.js"] });
    assert.deepEqual(sim.results[3]!.reason, { code: "hitRun" });
    assert.deepEqual(sim.results[4]!.reason, { code: "files", files: ["src/app.js"] });
    assert.deepEqual(sim.results[5]!.reason, { code: "after", line: 5 });
    assert.deepEqual([sim.hits, sim.misses], [4, 2]);
    const base = simulateCache(friendly, { bases: ["node:22-alpine"] });
    assert.deepEqual(base.results[0]!.reason, { code: "base" });
    const arg = simulateCache(parseDockerfile(GLOBAL_ARG), {}, parseDockerfile(GLOBAL_ARG.replace("=22", "=20")));
    assert.deepEqual(arg.results[1]!.reason, { code: "arg", name: "NODE_VERSION" });
    const multi = simulateCache(parseDockerfile(MULTI), { files: ["src/main.ts"] });
    assert.deepEqual(multi.results[7]!.reason, { code: "stage", stage: "build" });
    const edited = simulateCache(parseDockerfile(FRIENDLY.replace("npm ci", "npm install")), {}, friendly);
    assert.deepEqual(edited.results[3]!.reason, { code: "text" });
  });
});

describe("layers and stages", () => {
  test("RUN, COPY and ADD make layers; the rest is metadata", () => {
    const m = parseDockerfile(FRIENDLY);
    assert.deepEqual(m.steps.map((s) => s.kind), ["from", "meta", "layer", "layer", "layer", "meta"]);
    assert.deepEqual(m.steps[2]!.sources, ["package*.json"]);
  });
  test("stages: names, final stage, COPY --from and what the image needs", () => {
    const m = parseDockerfile(UNUSED_STAGE);
    assert.deepEqual(m.stages.map((s) => [s.name, s.final, s.used]), [["tools", false, false], ["build", false, true], [undefined, true, true]]);
    assert.equal(m.steps.at(-1)!.from, 1);
  });
  test("global ARG defaults fill in FROM", () => {
    const m = parseDockerfile(GLOBAL_ARG);
    assert.equal(m.stages[0]!.resolvedBase, "node:22-alpine");
    assert.deepEqual(m.globalArgs, { NODE_VERSION: "22" });
    assert.equal(m.steps[0]!.kind, "arg");
  });
  test("a continued RUN is one step over several lines", () => {
    const m = parseDockerfile("FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n");
    assert.deepEqual([m.steps[1]!.line, m.steps[1]!.endLine, m.steps[1]!.args], [1, 2, "apt-get update && apt-get install -y curl"]);
    assert.equal(sizeHint(m.steps[1]!), "packages");
  });
  const sources: [string, string, boolean][] = [
    [".", "src/app.js", true],
    ["package*.json", "package.json", true],
    ["package*.json", "package-lock.json", true],
    ["package*.json", "src/package.json", false],
    ["src/", "src/app.js", true],
    ["./src", "src/app.js", true],
    ["src", "srcx/app.js", false],
  ];
  for (const [source, file, expected] of sources) test(`COPY ${source} ${expected ? "takes" : "does not take"} ${file}`, () => assert.equal(sourceMatches(source, file), expected));
});

describe("tips and the shared lint rule", () => {
  test("tips: COPY . . before the install, no tag, ADD of a local file, apt lists", () => {
    const tips = dockerfileTips(parseDockerfile("FROM node\nCOPY . .\nRUN npm ci\nADD app.js /app/\nRUN apt-get install -y curl\n"));
    assert.deepEqual(tips.map((t) => [t.line, t.code]), [[0, "latest"], [1, "copyAllBeforeInstall"], [3, "addLocal"], [4, "aptLists"]]);
    assert.deepEqual(dockerfileTips(parseDockerfile(FRIENDLY)), []);
  });
  test("lint: the rule of npm run check, without the missing FROM of a fragment", () => {
    assert.deepEqual(lintDockerfile("RUN echo hi\n"), []);
    const problems = lintDockerfile("FROM node:22\nRUNN echo\nEXPOSE abc\n");
    assert.deepEqual(problems.map((p) => [p.line, p.severity, p.code]), [[1, "error", 38], [2, "error", 24]]);
  });
});

describe("marking a step as changed", () => {
  test("the marked step says so, the steps after it follow, the ones before stay hits", () => {
    const sim = simulateCache(parseDockerfile(NAIVE), { steps: [3] });
    assert.deepEqual(sim.results.map((r) => r.status), ["hit", "hit", "hit", "miss", "miss"]);
    assert.deepEqual(sim.results[3]!.reason, { code: "marked" });
    assert.deepEqual(sim.results[4]!.reason, { code: "after", line: 4 });
    assert.deepEqual(simulateCache(parseDockerfile(FRIENDLY), { steps: [0] }).results[0]!.reason, { code: "marked" });
  });
  test("in the browser every step of a stage gets a toggle with aria-pressed; the build-time view has none", () => {
    const model = parseDockerfile(GLOBAL_ARG);
    const html = renderDockerfileOutput(model, [], simulateCache(model, { steps: [2] }), { marked: new Set([2]) });
    assert.equal(html.match(/class="lab-mark"/g)?.length, 4, "no toggle for the global ARG");
    assert.match(html, /data-lab-mark="2" aria-pressed="true">Markeer als gewijzigd<span class="visually-hidden">: regel 3<\/span>/);
    assert.match(html, /data-lab-mark="3" aria-pressed="false">/);
    assert.doesNotMatch(renderDockerfileOutput(model, []), /lab-mark/);
  });
});

describe("les=: the lesson section a lab explains", () => {
  const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), "../fixtures");
  const vault = loadVault({ root: path.join(fixtures, "vault"), assetsDir: path.join(fixtures, "assets"), cwd: fixtures });
  const render = (info: string) => {
    const diagnostics = new Diagnostics();
    const html = createMarkdown({ vault, diagnostics }).render(`Tekst\n\n\`\`\`${info}\nFROM node\n\`\`\`\n`, newEnv({ file: "les.md", bodyLine: 4 }));
    return { html, diagnostics: diagnostics.all() };
  };
  test("the info string: quoted with spaces, single quotes, or without spaces; the other words stay", () => {
    assert.deepEqual(labInfo(`dockerfile explore les="8. Uitleg Dockerfile#Multi-stage builds" files=a,b`), { words: ["dockerfile", "explore", "files=a,b"], les: "8. Uitleg Dockerfile#Multi-stage builds", raw: `les="8. Uitleg Dockerfile#Multi-stage builds"` });
    assert.equal(labInfo("dockerfile explore les='A#B C'").les, "A#B C");
    assert.equal(labInfo("dockerfile explore les=A#B").les, "A#B");
    assert.deepEqual(labInfo("dockerfile explore nocheck"), { words: ["dockerfile", "explore", "nocheck"] });
  });
  test("resolved: the link after every tip, and in the data attributes for the browser", () => {
    const { html, diagnostics } = render(`dockerfile explore les="8. Uitleg Dockerfile#Multi-stage builds"`);
    assert.deepEqual(diagnostics, []);
    assert.match(html, /data-lab-read="\/8-docker\/8-uitleg-dockerfile\/#multi-stage-builds" data-lab-read-title="Multi-stage builds"/);
    assert.match(html, /<a class="lab-read" href="\/8-docker\/8-uitleg-dockerfile\/#multi-stage-builds">Lees: Multi-stage builds<\/a><\/p>/);
  });
  test("a missing heading or page is reported like a broken wikilink, with file and line, and gives no link", () => {
    const heading = render(`dockerfile explore les="8. Uitleg Dockerfile#Geen kop"`);
    assert.deepEqual(heading.diagnostics.map((d) => [d.file, d.line, d.rule, d.severity]), [["les.md", 6, "broken-anchor", "error"]]);
    assert.match(heading.diagnostics[0]!.message, /heeft geen kop "Geen kop"/);
    assert.doesNotMatch(heading.html, /lab-read/);
    const page = render(`dockerfile explore les="Bestaat Niet#Kop"`);
    assert.deepEqual(page.diagnostics.map((d) => [d.line, d.rule]), [[6, "broken-wikilink"]]);
    assert.doesNotMatch(page.html, /lab-read/);
    const empty = render(`dockerfile explore les=""`);
    assert.deepEqual(empty.diagnostics.map((d) => [d.line, d.rule]), [[6, "broken-wikilink"]]);
  });
  test("without les= no link", () => assert.doesNotMatch(render("dockerfile explore").html, /lab-read|data-lab-read/));
});
