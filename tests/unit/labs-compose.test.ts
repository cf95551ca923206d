/**
 * The Compose map's model and mistakes (src/labs/compose.ts) and its drawing
 * (src/labs/compose-view.ts): tables of compose files and what the model must say.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseCompose, parseMount, parsePort } from "../../src/labs/compose.ts";
import { renderComposeFacts, renderComposeSvg } from "../../src/labs/compose-view.ts";
import { readYaml } from "../../src/labs/yaml-lite.ts";

const STACK = `services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    networks: [front]
    depends_on:
      api:
        condition: service_healthy
  api:
    build: ./api
    networks: [front, back]
    volumes:
      - ./src:/app/src
      - cache:/cache
    depends_on: [db]
  db:
    image: postgres:17
    networks: [back]
volumes:
  cache:
`;

describe("compose model", () => {
  const m = parseCompose(STACK);
  test("services with image or build, networks, ports, mounts, depends_on with condition", () => {
    assert.deepEqual(m.services.map((s) => [s.name, s.image || s.build, s.networks]), [["web", "nginx:1.27", ["front"]], ["api", "./api", ["front", "back"]], ["db", "postgres:17", ["back"]]]);
    assert.deepEqual(m.services[0]!.ports, [{ published: "8080", target: "80", protocol: "tcp", hostIp: "", line: 3 }]);
    assert.deepEqual(m.services[1]!.mounts.map((x) => [x.kind, x.source, x.target]), [["bind", "./src", "/app/src"], ["volume", "cache", "/cache"]]);
    assert.deepEqual(m.services[0]!.dependsOn.map((d) => [d.service, d.condition]), [["api", "service_healthy"]]);
    assert.deepEqual(m.services[1]!.dependsOn.map((d) => [d.service, d.condition]), [["db", "service_started"]]);
    assert.deepEqual(m.networks, ["front", "back"]);
    assert.deepEqual(m.mistakes, []);
  });
  test("a service without networks is on the default network", () => {
    assert.deepEqual(parseCompose("services:\n  a:\n    image: x\n  b:\n    image: y\n    depends_on: [a]\n").services.map((s) => s.networks), [["default"], ["default"]]);
  });

  const mistakes: [string, string, [number, string][]][] = [
    ["the obsolete version:", `version: "3.9"\nservices:\n  a:\n    image: x\n`, [[0, "version"]]],
    ["an unknown top-level key, x- extensions allowed", `services:\n  a:\n    image: x\nservice:\n  b: {}\nx-common: &c {}\n`, [[3, "unknownKey"]]],
    ["depends_on a service on no shared network", `services:\n  a:\n    networks: [one]\n    depends_on: [b]\n  b:\n    networks: [two]\n`, [[3, "noNetwork"]]],
    ["links to a service on no shared network", `services:\n  a:\n    networks: [one]\n    links:\n      - b:db\n  b:\n    networks: [two]\n`, [[4, "noNetwork"]]],
    ["depends_on a service that does not exist", `services:\n  a:\n    depends_on:\n      - nope\n`, [[3, "unknownService"]]],
    ["a port published twice", `services:\n  a:\n    ports: ["80:80"]\n  b:\n    ports:\n      - "80:8080"\n`, [[5, "portTwice"]]],
    ["the same port on another protocol or host address is fine", `services:\n  a:\n    ports: ["53:53/udp", "127.0.0.1:80:80"]\n  b:\n    ports: ["53:53", "127.0.0.2:80:80"]\n`, []],
    ["a port on every address and one on 127.0.0.1 clash", `services:\n  a:\n    ports: ["80:80"]\n  b:\n    ports: ["127.0.0.1:80:80"]\n`, [[4, "portTwice"]]],
    ["a named volume not declared under volumes:", `services:\n  a:\n    volumes: [data:/data]\n`, [[2, "unknownVolume"]]],
    ["network_mode: no network check", `services:\n  a:\n    network_mode: host\n    depends_on: [b]\n  b:\n    networks: [two]\n`, []],
    ["YAML that does not parse", `services:\n  a:\n    image: [x\n  b: - c\n`, [[3, "yaml"]]],
  ];
  for (const [name, source, expected] of mistakes) {
    test(`mistake: ${name}`, () => assert.deepEqual(parseCompose(source).mistakes.map((x) => [x.line, x.code]), expected));
  }

  const ports: [string, [string, string, string, string]][] = [
    ["8080:80", ["8080", "80", "tcp", ""]],
    ["80", ["", "80", "tcp", ""]],
    ["127.0.0.1:5432:5432", ["5432", "5432", "tcp", "127.0.0.1"]],
    ["53:53/udp", ["53", "53", "udp", ""]],
    ["[::1]:8080:80", ["8080", "80", "tcp", "::1"]],
  ];
  for (const [spec, [published, target, protocol, hostIp]] of ports) {
    test(`port ${spec}`, () => assert.deepEqual(parsePort({ kind: "scalar", offset: 0, value: spec }), { published, target, protocol, hostIp }));
  }
  const mounts: [string, [string, string, string]][] = [
    ["data:/var/lib/data", ["volume", "data", "/var/lib/data"]],
    ["./html:/usr/share/nginx/html:ro", ["bind", "./html", "/usr/share/nginx/html"]],
    ["/tmp", ["anonymous", "", "/tmp"]],
    ["C:\\data:/data", ["bind", "C:\\data", "/data"]],
  ];
  for (const [spec, [kind, source, target]] of mounts) {
    test(`mount ${spec}`, () => assert.deepEqual(parseMount({ kind: "scalar", offset: 0, value: spec }), { kind, source, target }));
  }
  test("long syntax of ports and volumes", () => {
    const long = parseCompose(`services:\n  a:\n    ports:\n      - target: 80\n        published: "8080"\n    volumes:\n      - type: bind\n        source: ./x\n        target: /x\nvolumes: {}\n`).services[0]!;
    assert.deepEqual([long.ports[0]!.published, long.ports[0]!.target, long.mounts[0]!.kind], ["8080", "80", "bind"]);
  });
  test("yaml reader: flow and block collections, quoted scalars, comments", () => {
    const r = readYaml(`a: [1, "two"] # note\nb:\n  - {c: 'd'}\n`);
    assert.equal(r.error, undefined);
    assert.deepEqual(JSON.parse(JSON.stringify(r.root, (k, v) => (k === "offset" ? undefined : v))), {
      kind: "map",
      entries: [
        { key: "a", value: { kind: "seq", items: [{ kind: "scalar", value: "1" }, { kind: "scalar", value: "two" }] } },
        { key: "b", value: { kind: "seq", items: [{ kind: "map", entries: [{ key: "c", value: { kind: "scalar", value: "d" } }] }] } },
      ],
    });
  });
});

describe("compose map drawing", () => {
  const svg = renderComposeSvg(parseCompose(STACK), "t");
  test("a box per service, a lane per network, a badge per published port, an arrow per depends_on", () => {
    assert.equal(svg.match(/class="lab-svc-box"/g)?.length, 3);
    assert.equal(svg.match(/<g class="lab-net lab-net-\d"><path class="lab-net-line"[^>]*d="M\d+ \d+V/g)?.length, 2);
    assert.equal(svg.match(/class="lab-port-box"/g)?.length, 1);
    assert.equal(svg.match(/class="lab-dep-line"/g)?.length, 2);
    assert.match(svg, />gezond</);
    assert.match(svg, />8080→80</);
  });
  test("accessible and without style attributes", () => {
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="t-map-title"/);
    assert.match(svg, /<title id="t-map-title">Kaart van compose.yaml met 3 services/);
    assert.doesNotMatch(svg, /style=/);
  });
  test("the text alternative states the same facts", () => {
    const facts = renderComposeFacts(parseCompose(STACK));
    for (const fact of ["netwerk: front, back", "8080 op je computer → 80 in de container", "map ./src van je computer op /app/src", "volume cache op /cache", "wacht op: api (gezond)", "wacht op: db (gestart)"]) assert.ok(facts.includes(fact), fact);
  });
});
