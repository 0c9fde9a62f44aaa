import fc from "fast-check";
import { isRelevant } from "../../src/questionnaire/engine.ts";
import type { SampleDraw } from "../../src/questionnaire/question-types/question-type-spec.ts";
import { questionType } from "../../src/questionnaire/question-types/registry.ts";
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
      maxLength: Math.min(maxLength, 40),
    })
    .map((value) => value.trim())
    .filter((value) => value.length > 0 && value.toLowerCase() !== "declined");

/** The choices of a sample answer drawn by fast-check, so a property sees every kind of valid answer. */
function randomDraw(g: fc.GeneratorValue): SampleDraw {
  return {
    option: (ids) => g(fc.constantFrom, ...ids),
    options: (ids) => g(fc.subarray, [...ids], { minLength: 1 }),
    ranking: (ids) => g(fc.shuffledSubarray, [...ids], { minLength: 1 }),
    integer: (min, max) => g(fc.integer, { min, max }),
    number: (min, max) => g(fc.double, { min, max, noNaN: true }),
    text: (maxLength) => g(() => text(maxLength)),
    other: () => g(() => fc.option(text(300), { nil: undefined })),
  };
}

function answerFor(question: Question, g: fc.GeneratorValue): AnswerValue {
  const spec = questionType(question).answer;
  if (!spec) throw new RangeError(`${question.type} question ${question.id} takes no answer`);
  return spec.sample(question, randomDraw(g));
}

/** Any valid response (fast-check): only relevant questions, no identity when anonymous, some unanswered or declined. */
export function validResponse(
  questionnaire: Questionnaire,
): fc.Arbitrary<{ anonymous: boolean; answers: Answers }> {
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
          : answerFor(question, g);
    }
    return { anonymous, answers };
  });
}
