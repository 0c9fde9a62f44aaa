import fc from "fast-check";
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
      maxLength: Math.min(maxLength, 40),
    })
    .map((value) => value.trim())
    .filter((value) => value.length > 0 && value.toLowerCase() !== "declined");

function withOther<T extends AnswerValue>(question: Question, answer: T, chosen: string[]): fc.Arbitrary<T> {
  const specify = question.options.some((option) => option.specify && chosen.includes(option.id));
  return specify
    ? fc.option(text(300), { nil: undefined }).map((other) => (other ? { ...answer, other } : answer))
    : fc.constant(answer);
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
    case "decimal":
      return fc
        .double({ min: question.min ?? -1e6, max: question.max ?? 1e6, noNaN: true })
        .map((value) => ({ kind: "decimal", value }));
    case "text":
      return text(question.maxLength!).map((value) => ({ kind: "text", value }));
    case "note":
      throw new RangeError(`note ${question.id} takes no answer`);
  }
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
          : g(() => answerFor(question));
    }
    return { anonymous, answers };
  });
}
