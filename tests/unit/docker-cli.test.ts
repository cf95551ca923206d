/**
 * The Docker command tree of the check (src/rules/docker-cli.ts): finding `docker` commands in a
 * line of shell, and telling real commands from typos.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkInvocation, DOCKER_COMMANDS, DOCKER_SUBCOMMANDS, findDockerInvocations } from "../../src/rules/docker-cli.ts";
import { closest } from "../../src/vault/slug.ts";

/** The unknown command in a line (with its suggestion), or "ok". */
function verdict(line: string): string {
  const found = findDockerInvocations(line).map((inv) => checkInvocation(inv, closest)).filter((u) => u !== undefined);
  return found.length ? found.map((u) => `${u.command} @${u.column}${u.suggestion ? ` -> ${u.suggestion}` : ""}`).join(", ") : "ok";
}

describe("findDockerInvocations", () => {
  const cases: Array<[string, number[]]> = [
    ["docker ps", [0]],
    ["$ docker ps -a", [2]],
    ["PS> docker ps", [4]],
    ["PS C:\\> docker ps", [8]],
    ["sudo docker ps", [5]],
    ["sudo -E docker ps", [8]],
    ["docker ps | grep web && docker logs web", [0, 24]],
    ["echo $(docker ps -q)", [7]],
    ["docker-compose up", []],
    ["cat docker.txt", []],
    ["ls ~/docker", []],
    ["# docker is handig", []],
    ["docker ps   # docker toont draaiende containers", [0]],
  ];
  for (const [line, columns] of cases) {
    test(JSON.stringify(line), () => assert.deepEqual(findDockerInvocations(line).map((i) => i.column), columns));
  }

  test("the words stop at the end of the command", () => {
    assert.deepEqual(findDockerInvocations("docker ps -q | wc -l")[0]!.words.map((w) => w.text), ["ps", "-q"]);
    assert.deepEqual(findDockerInvocations("docker ps   # alleen draaiende")[0]!.words.map((w) => w.text), ["ps"]);
  });
});

describe("checkInvocation", () => {
  const cases: Array<[string, string]> = [
    ["docker run --rm -it alpine:3.22 sh", "ok"],
    ["docker container ls --all", "ok"],
    ["docker image list", "ok"],
    ["docker images", "ok"],
    ["docker compose up -d --build", "ok"],
    ["docker compose -f compose.prod.yaml up -d", "ok"],
    ["docker compose --env-file productie.env up -d", "ok"],
    ["docker compose -p winkel --profile debug logs -f", "ok"],
    ["docker --context prod ps", "ok"],
    ["docker -H ssh://user@host ps", "ok"],
    ["docker --version", "ok"],
    ["docker buildx build --platform linux/amd64,linux/arm64 .", "ok"],
    ["docker buildx b -t app .", "ok"],
    ["docker buildx --builder ci bake", "ok"],
    ["docker buildx imagetools inspect nginx:1.28-alpine", "ok"],
    ["docker buildx history ls", "ok"],
    ["docker bake", "ok"],
    ["docker scout cves nginx", "ok"],
    ["docker scout quickview", "ok"],
    ["docker init", "ok"],
    ["docker debug web", "ok"],
    ["docker model run ai/smollm2", "ok"],
    ["docker trust inspect nginx", "ok"],
    ["docker image ls --tree", "ok"],
    ["docker compose watch", "ok"],
    ["docker compose alpha viz", "ok"],
    ["docker compose alpha generate web", "ok"],
    ["docker compose bridge convert", "ok"],
    ["docker compose volumes", "ok"],
    ["docker <commando>", "ok"],
    ["docker $CMD", "ok"],
    ["docker image", "ok"],
    ["docker contianer ls", "docker contianer @7 -> docker container"],
    ["docker compose upp", "docker compose upp @15 -> docker compose up"],
    ["docker image lst", "docker image lst @13 -> docker image ls"],
    ["docker volume craete data", "docker volume craete @14 -> docker volume create"],
    ["docker --context prod contianer ls", "docker contianer @22 -> docker container"],
    ["docker frobnicate", "docker frobnicate @7"],
    ["docker constructor", "docker constructor @7"],
    ["docker compose env", "docker compose env @15"],
    ["docker compose convert", "docker compose convert @15"],
    ["docker compose viz", "docker compose viz @15"],
    ["docker compose alpha vizz", "docker compose alpha vizz @21 -> docker compose alpha viz"],
    ["docker buildx biuld .", "docker buildx biuld @14 -> docker buildx build"],
    ["docker buildx imagetools inspct nginx", "docker buildx imagetools inspct @25 -> docker buildx imagetools inspect"],
    ["docker system dial-stdio", "docker system dial-stdio @14"],
  ];
  for (const [line, expected] of cases) test(line, () => assert.equal(verdict(line), expected));

  /** The Management Commands of `docker --help` (Engine 29, with the Compose, Buildx and trust plugins of Docker Desktop). */
  const MANAGEMENT = ["builder", "buildx", "checkpoint", "compose", "config", "container", "context", "image", "manifest", "network", "node", "plugin", "secret", "service", "stack", "swarm", "system", "trust", "volume"];

  test("every management command lists its sub-commands, and ls has its list alias", () => {
    for (const name of MANAGEMENT) {
      const subs = DOCKER_COMMANDS[name];
      assert.ok(Array.isArray(subs) && subs.length > 0, `docker ${name} lists no sub-commands`);
      assert.equal(verdict(`docker ${name} ${subs[0]}`), "ok", `docker ${name} ${subs[0]}`);
      assert.notEqual(verdict(`docker ${name} bestaatniet`), "ok", `docker ${name} accepts any sub-command`);
    }
    for (const [name, subs] of Object.entries(DOCKER_COMMANDS)) {
      if (subs === "any" || subs.length === 0) continue;
      if (subs.includes("ls")) assert.ok(subs.includes("list") || name === "compose" || name === "buildx", `${name} ls has no list alias`);
    }
  });

  test("every deeper group belongs to a known command and sub-command", () => {
    for (const group of Object.keys(DOCKER_SUBCOMMANDS)) {
      const [command, sub] = group.split(" ") as [string, string];
      const subs = DOCKER_COMMANDS[command];
      assert.ok(Array.isArray(subs) && subs.includes(sub), `${group} is not in the command tree`);
    }
  });
});
