/**
 * The pure part of study progress (src/client/_study.ts) as tables of cases: storage keys
 * per page path (PATH_PREFIX included), what "Voortgang wissen" removes, question ids,
 * grading, reading stored records, scores, and where "Verder waar je was" leads.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  afterCheck,
  countDone,
  firstTry,
  hintFrom,
  hintRange,
  isRight,
  judge,
  keysToClear,
  nextLesson,
  pagePath,
  pageScore,
  parseKey,
  parseQuizRecord,
  parseTasks,
  questionId,
  storeKey,
  totalScore,
  uniqueOrder,
  type QuizRecord,
} from "../../src/client/_study.ts";
import { t } from "../../src/site/strings.ts";

describe("pagePath and storeKey", () => {
  const paths: Array<[string, string]> = [
    ["/8-docker/1-uitleg-docker/", "/8-docker/1-uitleg-docker/"],
    ["/8-docker/1-uitleg-docker", "/8-docker/1-uitleg-docker/"],
    ["/8-docker/1-uitleg-docker/index.html", "/8-docker/1-uitleg-docker/"],
    ["/cursus/8-docker/1-uitleg-docker/", "/cursus/8-docker/1-uitleg-docker/"],
    ["/404.html", "/404.html"],
    ["/", "/"],
    ["", "/"],
  ];
  for (const [input, expected] of paths) test(`pagePath ${JSON.stringify(input)}`, () => assert.equal(pagePath(input), expected));

  test("keys carry the kind and the full path, so a prefixed copy of the course has its own progress", () => {
    assert.equal(storeKey("gedaan", "/8-docker/1-uitleg-docker/"), "docker-cursus:gedaan:/8-docker/1-uitleg-docker/");
    assert.equal(storeKey("toets", "/cursus/8-docker/20-oefeningen/index.html"), "docker-cursus:toets:/cursus/8-docker/20-oefeningen/");
    assert.notEqual(storeKey("gedaan", "/a/les/"), storeKey("gedaan", "/b/les/"));
    assert.deepEqual(parseKey(storeKey("taken", "/x/")), { kind: "taken", path: "/x/" });
  });

  const notOurs = ["docker-cursus:thema", "docker-cursus:onbekend:/x/", "andere-site:gedaan:/x/", "docker-cursus:gedaan:geen-pad"];
  for (const key of notOurs) test(`parseKey ignores ${key}`, () => assert.equal(parseKey(key), undefined));

  test("Voortgang wissen removes progress under the base path only, never the theme", () => {
    const keys = [
      "docker-cursus:thema",
      "docker-cursus:gedaan:/cursus/8-docker/1-uitleg-docker/",
      "docker-cursus:toets:/cursus/8-docker/20-oefeningen-docker-basis/",
      "docker-cursus:taken:/cursus/8-docker/29-leertaak/",
      "docker-cursus:gedaan:/andere-cursus/les/",
      "iets-anders",
    ];
    assert.deepEqual(keysToClear(keys, "/cursus/"), keys.slice(1, 4));
    assert.deepEqual(keysToClear(keys, "/"), keys.slice(1, 5));
  });
});

describe("questionId", () => {
  test("stable, short, and the same for the same text whatever the white space", () => {
    const id = questionId("Wat doet docker ps?\nHet toont containers");
    assert.match(id, /^[0-9a-z]{1,7}$/);
    assert.equal(questionId("Wat doet  docker ps?   Het toont containers "), id);
  });
  test("a changed question or option gets another id", () => {
    const a = questionId("Vraag\nA\nB");
    assert.notEqual(questionId("Vraag\nA\nC"), a);
    assert.notEqual(questionId("Vraag?\nA\nB"), a);
  });
});

describe("grading", () => {
  const cases: Array<[string, number[], number[], boolean, "right" | "partial" | "wrong", number]> = [
    ["single, right", [1], [1], true, "right", 1],
    ["single, wrong", [0], [1], false, "wrong", 0],
    ["multiple, all right ones", [2, 0], [0, 2], true, "right", 2],
    ["multiple, one of two right ones", [0], [0, 2], false, "partial", 1],
    ["multiple, right ones and a wrong one", [0, 1, 2], [0, 2], false, "wrong", 2],
    ["multiple, only a wrong one", [1], [0, 2], false, "wrong", 0],
    ["nothing chosen", [], [1], false, "wrong", 0],
    ["the same option twice counts once", [1, 1], [1], true, "right", 1],
  ];
  for (const [name, chosen, correct, right, verdict, found] of cases) {
    test(name, () => {
      assert.equal(isRight(chosen, correct), right);
      assert.deepEqual(judge(chosen, correct), { verdict, found });
    });
  }
});

describe("stored records", () => {
  const quiz: Array<[string, string | null, QuizRecord]> = [
    ["missing", null, { v: 1, answers: {} }],
    ["not JSON", "{kapot", { v: 1, answers: {} }],
    ["another version", JSON.stringify({ v: 2, answers: { a: { chosen: [1], correct: true } } }), { v: 1, answers: {} }],
    [
      "bad answers are dropped, good ones kept",
      JSON.stringify({ v: 1, answers: { a: { chosen: [1], correct: true }, b: { chosen: "1", correct: true }, c: { chosen: [-1, 0.5], correct: false }, d: { chosen: [0] } } }),
      { v: 1, answers: { a: { chosen: [1], correct: true } } },
    ],
    [
      "tries are kept only while a question is open (more than 0, fewer than TRIES)",
      JSON.stringify({ v: 1, answers: { a: { chosen: [1], correct: false, tries: 1 }, b: { chosen: [1], correct: false, tries: 2 }, c: { chosen: [1], correct: false, tries: "1" } } }),
      { v: 1, answers: { a: { chosen: [1], correct: false, tries: 1 }, b: { chosen: [1], correct: false }, c: { chosen: [1], correct: false } } },
    ],
    [
      "the answer seen before any check is kept, never as right",
      JSON.stringify({ v: 1, answers: { a: { chosen: [], correct: false }, b: { chosen: [], correct: true } } }),
      { v: 1, answers: { a: { chosen: [], correct: false } } },
    ],
  ];
  for (const [name, raw, expected] of quiz) test(`quiz record: ${name}`, () => assert.deepEqual(parseQuizRecord(raw), expected));

  const tasks: Array<[string | null, boolean[] | undefined]> = [
    [null, undefined],
    ["[true,false,true]", [true, false, true]],
    ["[1,0]", undefined],
    ["{}", undefined],
    ["kapot", undefined],
  ];
  for (const [raw, expected] of tasks) test(`tasks ${raw}`, () => assert.deepEqual(parseTasks(raw), expected));
});

describe("scores", () => {
  const record: QuizRecord = {
    v: 1,
    answers: { a: { chosen: [1], correct: true }, b: { chosen: [0], correct: false }, c: { chosen: [2], correct: true }, weg: { chosen: [0], correct: true } },
  };
  test("a page counts only the questions still on it", () => {
    assert.deepEqual(pageScore(record, ["a", "b", "c", "d"]), { right: 2, answered: 3 });
    assert.deepEqual(pageScore(record, []), { right: 0, answered: 0 });
    assert.deepEqual(pageScore({ v: 1, answers: {} }, ["a"]), { right: 0, answered: 0 });
  });
  test("the home page adds up every page", () => {
    assert.deepEqual(totalScore([record, { v: 1, answers: { x: { chosen: [0], correct: false } } }, { v: 1, answers: {} }]), { right: 3, answered: 5 });
    assert.deepEqual(totalScore([]), { right: 0, answered: 0 });
  });
  const lines: Array<[string, string]> = [
    [t.quiz.scoreRight(3, 7), "3 van 7 goed"],
    [t.quiz.scoreAnswered(5, 7), "5 van 7 beantwoord"],
    [t.quiz.scoreAnswered(7, 7), "alles beantwoord"],
    [t.progress.lessons(1, 32), "Je hebt 1 van 32 lessen gedaan"],
    [t.progress.lessons(1, 1), "Je hebt 1 van 1 les gedaan"],
    [t.progress.quiz(1, 1), "Zelftoetsen: 1 van 1 beantwoorde vraag goed"],
    [t.progress.quiz(12, 15), "Zelftoetsen: 12 van 15 beantwoorde vragen goed"],
  ];
  for (const [actual, expected] of lines) test(`Dutch: ${expected}`, () => assert.equal(actual, expected));
});

describe("lessons done and where to continue", () => {
  const order = uniqueOrder(["/m/1/", "/m/2", "/m/1/", "/m/3/index.html", "/m/4/"]);
  test("course order without repeats, paths normalised", () => assert.deepEqual(order, ["/m/1/", "/m/2/", "/m/3/", "/m/4/"]));

  const cases: Array<[string, string[], number, string | undefined]> = [
    ["nothing done: the first lesson", [], 0, "/m/1/"],
    ["the first two done: the third", ["/m/1/", "/m/2/"], 2, "/m/3/"],
    ["only the third done: the fourth, not back to the first", ["/m/3/"], 1, "/m/4/"],
    ["only the second done: the third", ["/m/2/"], 1, "/m/3/"],
    ["the first and third done: after the last one done, not the gap", ["/m/1/", "/m/3/"], 2, "/m/4/"],
    ["the last lesson done: the first lesson not done", ["/m/1/", "/m/3/", "/m/4/"], 3, "/m/2/"],
    ["only the last lesson done: the first", ["/m/4/"], 1, "/m/1/"],
    ["order counts, not which was marked first: the third and first done", ["/m/3/", "/m/1/"], 2, "/m/4/"],
    ["everything done: nowhere", ["/m/1/", "/m/2/", "/m/3/", "/m/4/"], 4, undefined],
    ["a lesson that left the course does not count", ["/m/weg/", "/m/1/"], 1, "/m/2/"],
    ["only a lesson that left the course: the first", ["/m/weg/"], 0, "/m/1/"],
  ];
  for (const [name, done, count, next] of cases) {
    test(name, () => {
      const isDone = (p: string) => done.includes(p);
      assert.equal(countDone(order, isDone), count);
      assert.equal(nextLesson(order, isDone), next);
    });
  }
});

describe("self-test tries and hints", () => {
  const checks: Array<[boolean, number, ReturnType<typeof afterCheck>]> = [
    [true, 1, "right"],
    [false, 1, "try-again"],
    [true, 2, "right"],
    [false, 2, "show-answer"],
    [false, 3, "show-answer"],
  ];
  for (const [right, tries, expected] of checks) test(`afterCheck: ${right ? "right" : "wrong"} at try ${tries} -> ${expected}`, () => assert.equal(afterCheck(right, tries), expected));

  test("firstTry: only the first check decides whether the question counts as right", () => {
    assert.deepEqual(firstTry(undefined, [1], true), { chosen: [1], correct: true });
    assert.deepEqual(firstTry(undefined, [0], false), { chosen: [0], correct: false });
    // Wrong first, right second: the latest choice is kept, the score stays wrong.
    assert.deepEqual(firstTry({ chosen: [0], correct: false }, [1], true), { chosen: [1], correct: false });
    // The answer was seen before any check: never right.
    assert.deepEqual(firstTry({ chosen: [], correct: false }, [1], true), { chosen: [1], correct: false });
  });

  const hints: Array<[string, string, string | undefined]> = [
    ["the first sentence of the explanation, without its label", "Juist: B\nUitleg: zonder --platform bouwt Docker voor de eigen machine. Bouw met --platform.", "Zonder --platform bouwt Docker voor de eigen machine."],
    ["a Hint: line wins", "Juist: B\nUitleg: het antwoord is B. Echt.\nHint: denk aan het platform", "denk aan het platform"],
    ["Toelichting works like Uitleg", "Toelichting: kijk naar de poort! Meer tekst.", "Kijk naar de poort!"],
    ["one sentence without a full stop", "Uitleg: kijk naar de poort", "Kijk naar de poort"],
    ["no explanation: no hint", "Juist: B", undefined],
    ["an empty text", "", undefined],
    ["a version number is no sentence end", "Uitleg: Compose v2.20 leest compose.yaml. Verder niets.", "Compose v2.20 leest compose.yaml."],
  ];
  for (const [name, text, expected] of hints) test(`hintFrom: ${name}`, () => assert.equal(hintFrom(text), expected));

  // Where the hint lies in the text, so the page can take it from the rendered explanation.
  const ranges: Array<[string, string, string | undefined]> = [
    ["a first sentence, after the label", "Juist: B\nUitleg: publiceer met docker run -p 8080:80. Verder niets.", "publiceer met docker run -p 8080:80."],
    ["a sentence over two lines keeps its line break", "Uitleg: een zin\nover twee regels. Nog een.", "een zin\nover twee regels."],
    ["white space before the label", "Juist: B\n   Uitleg:   kijk naar de poort", "kijk naar de poort"],
    ["a Hint: line", "Uitleg: lang verhaal.\n  Hint: denk aan -p  ", "denk aan -p"],
    ["an empty Hint: line", "Uitleg: x.\nHint:", undefined],
    ["only a Juist: line", "Juist: B", undefined],
  ];
  for (const [name, text, expected] of ranges) {
    test(`hintRange: ${name}`, () => {
      const r = hintRange(text);
      assert.equal(r && text.slice(r.start, r.end), expected);
    });
  }
});
