import { describe, expect, it } from "vitest";
import { openSqlite, type SurveyDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { SqliteConnection } from "../../src/db/sqlite/sqlite-connection.ts";
import { SurveyStore } from "../../src/db/survey-store.ts";
import { summariseQuestionnaire, summariseTallies } from "../../src/stats/summarise.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { completedState } from "../support/scripted-answers.ts";
import { storeCompletedResponse } from "../support/stored-responses.ts";

async function setUp(): Promise<{ db: SurveyDatabase; store: SurveyStore }> {
  const db = openSqlite(":memory:");
  const store = new SurveyStore(new SqliteConnection(db));
  await store.waves.ensureFirstWaves(["education"], new Date());
  return { db, store };
}

async function summariesAgree(store: SurveyStore) {
  const education = questionnaire("education");
  const fromTallies = summariseTallies(education, await store.tallies.tallies("education"), [1]);
  const fromAnswers = summariseQuestionnaire(education, await store.results.submitted("education"), [1]);
  expect(fromTallies).toEqual(fromAnswers);
  return fromTallies;
}

describe("answer tallies kept by the database", () => {
  it("count drafts only once they are submitted", async () => {
    const { store } = await setUp();
    const draft = await storeCompletedResponse(store, "a", true);
    expect(await store.tallies.tallies("education")).toEqual([]);
    await store.submissions.submit(draft.id, "R1", new Date());
    const summary = await summariesAgree(store);
    expect(summary.respondents).toEqual({ "1": 1 });
  });

  it("follow a changed answer of a submitted response, and a deleted response", async () => {
    const { db, store } = await setUp();
    const first = await storeCompletedResponse(store, "a", true);
    const second = await storeCompletedResponse(store, "b", false);
    await store.submissions.submit(first.id, "R1", new Date());
    await store.submissions.submit(second.id, "R2", new Date());
    const state = completedState(questionnaire("education"), true);
    await store.drafts.recordStep(
      first.id,
      {
        saved: { questionId: "region", value: { kind: "choice", option: "turkestan_region" } },
        removed: [],
        state,
      },
      new Date(),
    );
    const changed = await summariesAgree(store);
    const region = changed.questions.find((question) => question.id === "region");
    expect(
      region?.type === "select_one" && region.waves["1"]!.options.slice(0, 2).map((o) => o.count),
    ).toEqual([1, 1]);
    await store.drafts.delete(second.id);
    const afterDelete = await summariesAgree(store);
    expect(afterDelete.respondents).toEqual({ "1": 1 });
    expect(db.$client.prepare("select count(*) as n from answer_tallies where count <= 0").get()).toEqual({
      n: 0,
    });
  });
});
