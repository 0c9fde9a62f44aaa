import type { DraftRepository } from "../../src/db/draft-repository.ts";
import type { StoredResponse } from "../../src/db/response-rows.ts";
import type { SubmissionRepository } from "../../src/db/submission-repository.ts";
import type { Wave, WaveRepository } from "../../src/db/wave-repository.ts";
import type { ResponseState } from "../../src/questionnaire/flow-types.ts";
import { questionnaire } from "./questionnaires.ts";
import { completedState } from "./scripted-answers.ts";

type Stores = { waves: WaveRepository; drafts: DraftRepository; submissions: SubmissionRepository };

/**
 * A Telegram draft in `wave` holding `state`'s answers, stored answer by answer as the bot stores it, and
 * standing where `state` stands.
 */
export async function storeAnswerByAnswer(
  drafts: DraftRepository,
  wave: Wave,
  respondentKey: string,
  state: ResponseState,
): Promise<StoredResponse> {
  const response = await drafts.create(
    {
      waveId: wave.id,
      questionnaire: wave.questionnaire,
      respondentKey,
      anonymous: state.anonymous,
      source: "telegram",
    },
    state,
    new Date(),
  );
  for (const [questionId, value] of Object.entries(state.answers)) {
    await drafts.recordStep(response.id, { saved: { questionId, value }, removed: [], state }, new Date());
  }
  return response;
}

/** An education response answered to the end in the open wave, stored answer by answer as the bot stores it. */
export async function storeCompletedResponse(
  stores: Stores,
  key: string,
  anonymous: boolean,
): Promise<StoredResponse> {
  const wave = (await stores.waves.openWave("education"))!;
  return await storeAnswerByAnswer(
    stores.drafts,
    wave,
    key,
    completedState(questionnaire("education"), anonymous),
  );
}

/** `count` submitted education responses, anonymous and named in turn (the first anonymous). */
export async function seedSubmittedResponses(stores: Stores, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const response = await storeCompletedResponse(stores, `seed-${index}`, index % 2 === 0);
    await stores.submissions.submit(response.id, `R${index}`, new Date());
  }
}
