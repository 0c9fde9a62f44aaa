import type { SpssContext, SpssVariableDraft } from "../../interchange/spss-types.ts";
import type { AnswerValue } from "../types.ts";

/** The one scale variable of a number question: the number, or the declined code. */
export function numberVariable(
  { labels, question, answer, declinedCode, declinedMissing, declinedLabels }: SpssContext,
  numberOf: (given: AnswerValue) => number | null,
): SpssVariableDraft {
  return {
    candidate: question.id,
    label: labels.text(question),
    type: "numeric",
    level: "scale",
    valueLabels: declinedLabels,
    ...declinedMissing,
    value: (record) => {
      const given = answer(record);
      if (given?.kind === "declined") return declinedCode;
      return given ? numberOf(given) : null;
    },
  };
}
