/**
 * The HBO-ICT taxonomy as tables of cases: parsing codes, the process-step table, the
 * component implied by a file name and the tags derived from codes.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CODE_PATTERN, componentOfName, derivedTags, findStep, parseCode, parseProcessSteps, processSteps } from "../../src/taxonomy/index.ts";

describe("parseCode", () => {
  const cases: Array<[string, ReturnType<typeof parseCode>]> = [
    ["ib-19.2.Docker-images.OI", { code: "ib-19.2.Docker-images.OI", step: "ib-19", level: 2, topic: "Docker-images", component: "OI" }],
    ["ii-18.3.Docker.PI", { code: "ii-18.3.Docker.PI", step: "ii-18", level: 3, topic: "Docker", component: "PI" }],
    ["  bb-25.1.Docker-registry.DT  ", { code: "bb-25.1.Docker-registry.DT", step: "bb-25", level: 1, topic: "Docker-registry", component: "DT" }],
    ["ib-19.3.Containeriseren.LT", { code: "ib-19.3.Containeriseren.LT", step: "ib-19", level: 3, topic: "Containeriseren", component: "LT" }],
    ["ib-19.4.Docker.OI", undefined],
    ["ib-19.2.Docker.XX", undefined],
    ["ib-19.2.Docker images.OI", undefined],
    ["IB-19.2.Docker.OI", undefined],
    ["ib19.2.Docker.OI", undefined],
    ["ib-19.2..OI", undefined],
    ["", undefined],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => {
      assert.deepEqual(parseCode(input), expected);
      assert.equal(CODE_PATTERN.test(input.trim()), expected !== undefined);
    });
  }
});

describe("parseProcessSteps", () => {
  test("reads a TSV by its header, in any column order, skipping blank lines", () => {
    const tsv = "processtap\tcode\tproces\tid\tssdlc_fase\nBouwen softwaresysteem\tib-19\tImplementatieproces\t19\tDevelopment\n\nOplossen fouten\tio-28\tImplementatieproces\t28\tDevelopment\n";
    assert.deepEqual(parseProcessSteps(tsv), [
      { code: "ib-19", id: 19, phase: "Development", process: "Implementatieproces", name: "Bouwen softwaresysteem" },
      { code: "io-28", id: 28, phase: "Development", process: "Implementatieproces", name: "Oplossen fouten" },
    ]);
  });

  test("the project's table has 28 unique steps with a process and a name", () => {
    const steps = processSteps();
    assert.equal(steps.length, 28);
    assert.equal(new Set(steps.map((s) => s.code)).size, 28);
    for (const s of steps) {
      assert.match(s.code, /^[a-z]{2}-\d{1,3}$/);
      assert.ok(s.name && s.process && s.phase, s.code);
    }
  });

  const cases: Array<[string, string | undefined]> = [
    ["ib-19", "Bouwen softwaresysteem"],
    ["ii-18", "Inrichten ontwikkelomgeving"],
    ["bb-25", "Beschikbaarstellen software"],
    ["xx-99", undefined],
  ];
  for (const [code, name] of cases) test(`findStep ${code}`, () => assert.equal(findStep(code)?.name, name));
});

describe("componentOfName", () => {
  const cases: Array<[string, ReturnType<typeof componentOfName>]> = [
    ["4. Uitleg Docker Images", "OI"],
    ["5. Stappen Docker Images", "PI"],
    ["20. Oefeningen Docker Basis", "DT"],
    ["29. Leertaak Webapp Containeriseren", "LT"],
    ["uitleg zonder nummer", "OI"],
    ["Commando's", undefined],
    ["8. Docker", undefined],
  ];
  for (const [name, comp] of cases) test(name, () => assert.equal(componentOfName(name), comp));
});

describe("derivedTags", () => {
  const cases: Array<[string[], string[]]> = [
    [[], []],
    [["ib-19.2.Docker-images.OI"], ["HBO-i/niveau-2", "Bouwen softwaresysteem", "Implementatieproces", "Docker-images", "ib-19.2.Docker-images.OI"]],
    [
      ["ib-19.2.Docker-images.OI", "ib-19.3.Docker-images.OI"],
      ["HBO-i/niveau-2", "HBO-i/niveau-3", "Bouwen softwaresysteem", "Implementatieproces", "Docker-images", "ib-19.2.Docker-images.OI", "ib-19.3.Docker-images.OI"],
    ],
    [
      ["ii-18.2.Docker.PI", "bb-25.2.Docker-registry.PI"],
      ["HBO-i/niveau-2", "Inrichten ontwikkelomgeving", "Implementatieproces", "Beschikbaarstellen software", "Beheerproces", "Docker", "Docker-registry", "ii-18.2.Docker.PI", "bb-25.2.Docker-registry.PI"],
    ],
    [["kapot", "ib-19.9.X.OI"], []],
    [["xx-99.1.Onbekend.OI"], ["HBO-i/niveau-1", "Onbekend", "xx-99.1.Onbekend.OI"]],
  ];
  for (const [codes, tags] of cases) test(codes.join(", ") || "(none)", () => assert.deepEqual(derivedTags(codes), tags));
});
