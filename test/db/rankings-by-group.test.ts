import { describe, expect, it } from "vitest";
import type { RankingGroup } from "../../src/db/result-repository.ts";
import { openStore } from "../../src/db/survey-store.ts";
import type { Answers, AnswerValue } from "../../src/questionnaire/types.ts";
import { storeTelegramResponse } from "../interchange/varied-responses.ts";
import { questionnaires } from "../support/questionnaires.ts";
import { storeAnswerByAnswer } from "../support/stored-responses.ts";

const SHYMKENT: AnswerValue = { kind: "choice", option: "shymkent" };
const FIRST: AnswerValue = { kind: "rank", order: ["language_barrier", "no_e_documents"] };
const SECOND: AnswerValue = { kind: "rank", order: ["no_e_documents"] };

async function stores() {
  const opened = await openStore({ path: ":memory:" });
  await opened.waves.ensureFirstWaves(questionnaires.keys(), new Date());
  return opened;
}

function sorted(groups: RankingGroup[]): RankingGroup[] {
  return groups
    .map((group) => JSON.stringify(group))
    .sort()
    .map((group) => JSON.parse(group));
}

describe("rankingsByGroup", () => {
  it("counts the submitted rankings of one wave by anonymity, region and ranking", async () => {
    const stored = await stores();
    const { waves, drafts, results } = stored;
    const store = (anonymous: boolean, answers: Answers, key: string, questionnaire = "education") =>
      storeTelegramResponse(stored, questionnaire, 1, key, { anonymous, answers });
    await store(true, { region: SHYMKENT, barriers_rank: FIRST }, "a");
    await store(true, { region: SHYMKENT, barriers_rank: FIRST }, "b");
    await store(false, { region: SHYMKENT, barriers_rank: FIRST }, "c");
    await store(true, { region: SHYMKENT, barriers_rank: SECOND }, "d");
    await store(true, { barriers_rank: FIRST }, "no-region");
    await store(true, { region: SHYMKENT }, "no-ranking");
    await store(
      true,
      { region: SHYMKENT, diseases_rank: { kind: "rank", order: ["anemia"] } },
      "h",
      "healthcare",
    );
    await storeAnswerByAnswer(drafts, (await waves.openWave("education"))!, "draft", {
      anonymous: true,
      answers: { region: SHYMKENT, barriers_rank: FIRST },
      current: null,
      reviewing: true,
      pending: null,
    });
    await waves.openNext("education", new Date());
    await storeTelegramResponse(stored, "education", 2, "later", {
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
    expect(sorted(await results.rankingsByGroup("education", 1, ["barriers_rank"], "region"))).toEqual(
      sorted([
        group(true, SHYMKENT, FIRST, 2),
        group(false, SHYMKENT, FIRST, 1),
        group(true, SHYMKENT, SECOND, 1),
        group(true, undefined, FIRST, 1),
      ]),
    );
    expect(await results.rankingsByGroup("education", 2, ["barriers_rank"], "region")).toEqual([
      group(true, SHYMKENT, SECOND, 1),
    ]);
    expect(await results.rankingsByGroup("education", 1, [], "region")).toEqual([]);
  });
});
