import type { ResponseRepository, StoredResponse } from "../../src/db/response-repository.ts";
import type { Wave, WaveRepository } from "../../src/db/wave-repository.ts";
import type { ResponseState } from "../../src/questionnaire/flow-types.ts";
import { questionnaire } from "./questionnaires.ts";
import { completedState } from "./scripted-answers.ts";

type Stores = { waves: WaveRepository; responses: ResponseRepository };

/**
 * A Telegram draft in `wave` holding `state`'s answers, stored answer by answer as the bot stores it, and
 * standing where `state` stands.
 */
export function storeAnswerByAnswer(
  responses: ResponseRepository,
  wave: Wave,
  respondentKey: string,
  state: ResponseState,
): StoredResponse {
  const response = responses.create(
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
    responses.recordStep(response.id, { saved: { questionId, value }, removed: [], state }, new Date());
  }
  return response;
}

/** An education response answered to the end in the open wave, stored answer by answer as the bot stores it. */
export function storeCompletedResponse(stores: Stores, key: string, anonymous: boolean): StoredResponse {
  const wave = stores.waves.openWave("education")!;
  return storeAnswerByAnswer(
    stores.responses,
    wave,
    key,
    completedState(questionnaire("education"), anonymous),
  );
}

/** `count` submitted education responses, anonymous and named in turn (the first anonymous). */
export function seedSubmittedResponses(stores: Stores, count: number): void {
  for (let index = 0; index < count; index++) {
    const response = storeCompletedResponse(stores, `seed-${index}`, index % 2 === 0);
    stores.responses.submit(response.id, `R${index}`, new Date());
  }
}
