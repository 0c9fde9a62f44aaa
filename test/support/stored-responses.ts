import type { ResponseRepository, StoredResponse } from "../../src/db/response-repository.ts";
import type { WaveRepository } from "../../src/db/wave-repository.ts";
import { questionnaire } from "./questionnaires.ts";
import { completedState } from "./scripted-answers.ts";

type Stores = { waves: WaveRepository; responses: ResponseRepository };

/** An education response answered to the end in the open wave, stored answer by answer as the bot stores it. */
export function storeCompletedResponse(stores: Stores, key: string, anonymous: boolean): StoredResponse {
  const state = completedState(questionnaire("education"), anonymous);
  const wave = stores.waves.openWave("education")!;
  const response = stores.responses.create(
    { waveId: wave.id, questionnaire: "education", respondentKey: key, anonymous, source: "telegram" },
    state,
    new Date(),
  );
  for (const [questionId, value] of Object.entries(state.answers)) {
    stores.responses.recordStep(
      response.id,
      { saved: { questionId, value }, removed: [], state },
      new Date(),
    );
  }
  return response;
}

/** `count` submitted education responses, anonymous and named in turn (the first anonymous). */
export function seedSubmittedResponses(stores: Stores, count: number): void {
  for (let index = 0; index < count; index++) {
    const response = storeCompletedResponse(stores, `seed-${index}`, index % 2 === 0);
    stores.responses.submit(response.id, `R${index}`, new Date());
  }
}
