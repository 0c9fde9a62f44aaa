import { DECLINED_CELL } from "../../interchange/cell-conventions.ts";
import type { SpssContext, SpssVariableDraft } from "../../interchange/spss-types.ts";
import type { AnswerValue } from "../types.ts";

/** The one string variable of a question answered in words: the text, or `declined`. */
export function stringVariable(
  { labels, question, answer, declinable }: SpssContext,
  textOf: (given: AnswerValue) => string | null,
): SpssVariableDraft {
  return {
    candidate: question.id,
    label: labels.text(question),
    type: "string",
    level: "nominal",
    valueLabels: [],
    ...(declinable ? { missing: DECLINED_CELL } : {}),
    value: (record) => {
      const given = answer(record);
      if (given?.kind === "declined") return DECLINED_CELL;
      return given ? textOf(given) : null;
    },
  };
}
