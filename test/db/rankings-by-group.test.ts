import { describe, expect, it } from "vitest";
import { type RankingGroup, ResponseRepository } from "../../src/db/response-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import type { Answers, AnswerValue } from "../../src/questionnaire/types.ts";
import { storeTelegramResponse } from "../interchange/varied-responses.ts";
import { questionnaires } from "../support/questionnaires.ts";
import { storeAnswerByAnswer } from "../support/stored-responses.ts";

const SHYMKENT: AnswerValue = { kind: "choice", option: "shymkent" };
const FIRST: AnswerValue = { kind: "rank", order: ["language_barrier", "no_e_documents"] };
const SECOND: AnswerValue = { kind: "rank", order: ["no_e_documents"] };

function stores() {
  const db = openDatabase(":memory:");
  const waves = new WaveRepository(db);
  waves.ensureFirstWaves(questionnaires.keys(), new Date());
  return { waves, responses: new ResponseRepository(db) };
}

function sorted(groups: RankingGroup[]): RankingGroup[] {
  return groups
    .map((group) => JSON.stringify(group))
    .sort()
    .map((group) => JSON.parse(group));
}

describe("rankingsByGroup", () => {
  it("counts the submitted rankings of one wave by anonymity, region and ranking", () => {
    const { waves, responses } = stores();
    const store = (anonymous: boolean, answers: Answers, key: string, questionnaire = "education") =>
      storeTelegramResponse({ waves, responses }, questionnaire, 1, key, { anonymous, answers });
    store(true, { region: SHYMKENT, barriers_rank: FIRST }, "a");
    store(true, { region: SHYMKENT, barriers_rank: FIRST }, "b");
    store(false, { region: SHYMKENT, barriers_rank: FIRST }, "c");
    store(true, { region: SHYMKENT, barriers_rank: SECOND }, "d");
    store(true, { barriers_rank: FIRST }, "no-region");
    store(true, { region: SHYMKENT }, "no-ranking");
    store(true, { region: SHYMKENT, diseases_rank: { kind: "rank", order: ["anemia"] } }, "h", "healthcare");
    storeAnswerByAnswer(responses, waves.openWave("education")!, "draft", {
      anonymous: true,
      answers: { region: SHYMKENT, barriers_rank: FIRST },
      current: null,
      reviewing: true,
      pending: null,
    });
    waves.openNext("education", new Date());
    storeTelegramResponse({ waves, responses }, "education", 2, "later", {
      anonymous: true,
      answers: { region: SHYMKENT, barriers_rank: SECOND },
    });

    const group = (
      anonymous: boolean,
      region: AnswerValue | undefined,
      ranking: AnswerValue,
      count: number,
    ): RankingGroup => ({
      anonymous,
      group: region,
      questionId: "barriers_rank",
      ranking,
      count,
    });
    expect(sorted(responses.rankingsByGroup("education", 1, ["barriers_rank"], "region"))).toEqual(
      sorted([
        group(true, SHYMKENT, FIRST, 2),
        group(false, SHYMKENT, FIRST, 1),
        group(true, SHYMKENT, SECOND, 1),
        group(true, undefined, FIRST, 1),
      ]),
    );
    expect(responses.rankingsByGroup("education", 2, ["barriers_rank"], "region")).toEqual([
      group(true, SHYMKENT, SECOND, 1),
    ]);
    expect(responses.rankingsByGroup("education", 1, [], "region")).toEqual([]);
  });
});
