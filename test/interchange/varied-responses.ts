import fc from "fast-check";
import type { DraftRepository } from "../../src/db/draft-repository.ts";
import type { SubmissionRepository } from "../../src/db/submission-repository.ts";
import type { WaveRepository } from "../../src/db/wave-repository.ts";
import type { Answers, Questionnaire } from "../../src/questionnaire/types.ts";
import { storeAnswerByAnswer } from "../support/stored-responses.ts";
import { validResponse } from "../support/valid-responses.ts";

/** `count` varied valid responses of a questionnaire, the same ones on every run. */
export function variedResponses(questionnaire: Questionnaire, count: number, seed: number) {
  return fc.sample(validResponse(questionnaire), { numRuns: count, seed });
}

/** Responses that every round trip must carry: other texts, a partial rank, declines, formula starters. */
export const SPECIAL_EDUCATION_ANSWERS: Answers = {
  full_name: { kind: "text", value: "Әсел Нұрғалиқызы" },
  organisation: { kind: "text", value: '=HYPERLINK("http://example.invalid")' },
  position: { kind: "text", value: "-әлеуметтік педагог" },
  contact: { kind: "declined" },
  region: { kind: "choice", option: "other", other: 'Қызылорда, "Шиелі"' },
  experience_years: { kind: "declined" },
  barriers: {
    kind: "choices",
    options: ["language_barrier", "no_e_documents", "other"],
    other: "+тіл курстары; жоқ",
  },
  barriers_rank: { kind: "rank", order: ["no_e_documents", "language_barrier"] },
};

/** Stores `answers` the way the bot does: a draft written answer by answer, then submitted. */
export async function storeTelegramResponse(
  repositories: { waves: WaveRepository; drafts: DraftRepository; submissions: SubmissionRepository },
  questionnaire: string,
  waveNumber: number,
  respondentKey: string,
  response: { anonymous: boolean; answers: Answers },
): Promise<number> {
  const wave = (await repositories.waves.byNumber(questionnaire, waveNumber))!;
  const stored = await storeAnswerByAnswer(repositories.drafts, wave, respondentKey, {
    anonymous: response.anonymous,
    answers: response.answers,
    current: null,
    reviewing: true,
    pending: null,
  });
  await repositories.submissions.submit(stored.id, `R-${stored.id}`, new Date());
  return stored.id;
}
