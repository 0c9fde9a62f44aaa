import fc from "fast-check";
import type { ResponseRepository } from "../../src/db/response-repository.ts";
import type { WaveRepository } from "../../src/db/wave-repository.ts";
import { isRelevant } from "../../src/questionnaire/engine.ts";
import type { Answers, AnswerValue, Question, Questionnaire } from "../../src/questionnaire/types.ts";

/** Text with Cyrillic and Kazakh letters, quotes, separators and formula starters anywhere, trimmed. */
const text = (maxLength: number) =>
  fc
    .string({
      unit: fc.constantFrom(
        "а",
        "ә",
        "ғ",
        "қ",
        "ң",
        "ө",
        "Ш",
        "x",
        " ",
        ",",
        ";",
        '"',
        "'",
        "=",
        "+",
        "-",
        "@",
        "\n",
        "7",
      ),
      minLength: 1,
      maxLength: Math.min(maxLength, 30),
    })
    .map((value) => value.trim())
    .filter((value) => value.length > 0 && value.toLowerCase() !== "declined");

function withOther<T extends AnswerValue>(question: Question, answer: T, chosen: string[]): fc.Arbitrary<T> {
  const specify = question.options.some((option) => option.specify && chosen.includes(option.id));
  return specify ? text(300).map((other) => ({ ...answer, other })) : fc.constant(answer);
}

function answerFor(question: Question): fc.Arbitrary<AnswerValue> {
  const ids = question.options.map((option) => option.id);
  switch (question.type) {
    case "select_one":
      return fc
        .constantFrom(...ids)
        .chain((option) => withOther(question, { kind: "choice", option }, [option]));
    case "select_multiple":
      return fc.subarray(ids, { minLength: 1 }).chain((picked) => {
        const exclusive = picked.find((id) => question.options.some((o) => o.id === id && o.exclusive));
        const options = exclusive ? [exclusive] : picked;
        return withOther(question, { kind: "choices", options }, options);
      });
    case "rank":
      return fc.shuffledSubarray(ids, { minLength: 1 }).map((order) => ({ kind: "rank", order }));
    case "integer":
      return fc
        .integer({ min: question.min!, max: question.max! })
        .map((value) => ({ kind: "integer", value }));
    case "text":
      return text(question.maxLength!).map((value) => ({ kind: "text", value }));
  }
}

/** A valid response: only relevant questions, no identity when anonymous, some unanswered or declined. */
function responseFor(questionnaire: Questionnaire): fc.Arbitrary<{ anonymous: boolean; answers: Answers }> {
  return fc.gen().map((g) => {
    const anonymous = g(fc.boolean);
    const answers: Record<string, AnswerValue> = {};
    for (const question of questionnaire.questions) {
      if ((anonymous && question.section === "identity") || !isRelevant(question, answers)) continue;
      const roll = g(fc.integer, { min: 0, max: 9 });
      if (roll === 0) continue;
      answers[question.id] =
        roll === 1 && (question.optional || question.preferNotToSay)
          ? { kind: "declined" }
          : g(() => answerFor(question));
    }
    return { anonymous, answers };
  });
}

/** `count` varied valid responses of a questionnaire, the same ones on every run. */
export function variedResponses(questionnaire: Questionnaire, count: number, seed: number) {
  return fc.sample(responseFor(questionnaire), { numRuns: count, seed });
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
export function storeTelegramResponse(
  repositories: { waves: WaveRepository; responses: ResponseRepository },
  questionnaire: string,
  waveNumber: number,
  respondentKey: string,
  response: { anonymous: boolean; answers: Answers },
): number {
  const wave = repositories.waves.byNumber(questionnaire, waveNumber)!;
  const state = { anonymous: response.anonymous, answers: {}, current: null, reviewing: true, pending: null };
  const stored = repositories.responses.create(
    { waveId: wave.id, questionnaire, respondentKey, anonymous: response.anonymous, source: "telegram" },
    state,
    new Date(),
  );
  for (const [questionId, value] of Object.entries(response.answers)) {
    repositories.responses.recordStep(
      stored.id,
      { saved: { questionId, value }, removed: [], state },
      new Date(),
    );
  }
  repositories.responses.submit(stored.id, `R-${stored.id}`, new Date());
  return stored.id;
}
