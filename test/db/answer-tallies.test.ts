import { describe, expect, it } from "vitest";
import { ResponseRepository } from "../../src/db/response-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { TallyRepository } from "../../src/db/tally-repository.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import { summariseQuestionnaire, summariseTallies } from "../../src/stats/summarise.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { completedState } from "../support/scripted-answers.ts";
import { storeCompletedResponse } from "../support/stored-responses.ts";

function setUp() {
  const db = openDatabase(":memory:");
  const waves = new WaveRepository(db);
  waves.ensureFirstWaves(["education"], new Date());
  return { db, waves, responses: new ResponseRepository(db), tallies: new TallyRepository(db) };
}

function summariesAgree(store: ReturnType<typeof setUp>) {
  const education = questionnaire("education");
  const fromTallies = summariseTallies(education, store.tallies.tallies("education"), [1]);
  const fromAnswers = summariseQuestionnaire(education, store.responses.submitted("education"), [1]);
  expect(fromTallies).toEqual(fromAnswers);
  return fromTallies;
}

describe("answer tallies kept by the database", () => {
  it("count drafts only once they are submitted", () => {
    const store = setUp();
    const draft = storeCompletedResponse(store, "a", true);
    expect(store.tallies.tallies("education")).toEqual([]);
    store.responses.submit(draft.id, "R1", new Date());
    const summary = summariesAgree(store);
    expect(summary.respondents).toEqual({ "1": 1 });
  });

  it("follow a changed answer of a submitted response, and a deleted response", () => {
    const store = setUp();
    const first = storeCompletedResponse(store, "a", true);
    const second = storeCompletedResponse(store, "b", false);
    store.responses.submit(first.id, "R1", new Date());
    store.responses.submit(second.id, "R2", new Date());
    const state = completedState(questionnaire("education"), true);
    store.responses.recordStep(
      first.id,
      {
        saved: { questionId: "region", value: { kind: "choice", option: "turkestan_region" } },
        removed: [],
        state,
      },
      new Date(),
    );
    const changed = summariesAgree(store);
    const region = changed.questions.find((question) => question.id === "region");
    expect(
      region?.type === "select_one" && region.waves["1"]!.options.slice(0, 2).map((o) => o.count),
    ).toEqual([1, 1]);
    store.responses.delete(second.id);
    const afterDelete = summariesAgree(store);
    expect(afterDelete.respondents).toEqual({ "1": 1 });
    expect(
      store.db.$client.prepare("select count(*) as n from answer_tallies where count <= 0").get(),
    ).toEqual({ n: 0 });
  });
});
