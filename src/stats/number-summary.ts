import type { Question } from "../questionnaire/types.ts";
import { perWave } from "./per-wave.ts";
import type { NumberQuestionSummary, NumberWaveSummary, PlainQuestionType } from "./summary-types.ts";
import type { QuestionAnswers, WaveAnswers } from "./wave-answers.ts";

/** Mean, median, minimum and maximum of the numbers answered (whole or decimal); declined ones are left out. */
export function numberSummary({ shown, given }: QuestionAnswers): NumberWaveSummary {
  const values = given
    .flatMap(({ value, count }) =>
      value.kind === "integer" || value.kind === "decimal" ? [{ value: value.value, count }] : [],
    )
    .sort((a, b) => a.value - b.value);
  const answered = values.reduce((sum, { count }) => sum + count, 0);
  if (answered === 0) return { shown, answered };
  const total = values.reduce((sum, { value, count }) => sum + value * count, 0);
  return {
    shown,
    answered,
    mean: total / answered,
    median: weightedMedian(values, answered),
    min: values[0]!.value,
    max: values.at(-1)!.value,
  };
}

/** The median of sorted values given with their counts: the middle one, or the mean of the two middle ones. */
function weightedMedian(sorted: readonly { value: number; count: number }[], total: number): number {
  const valueAt = (position: number) => {
    let seen = 0;
    for (const { value, count } of sorted) {
      seen += count;
      if (position < seen) return value;
    }
    return sorted.at(-1)!.value;
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

/** The numbers of every wave summarised, for an integer or decimal question. */
export function summariseNumbers(
  type: PlainQuestionType,
  question: Question,
  waves: readonly WaveAnswers[],
): NumberQuestionSummary {
  return { id: question.id, type, waves: Object.fromEntries(perWave(question, waves, numberSummary)) };
}
