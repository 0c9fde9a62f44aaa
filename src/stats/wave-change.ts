import { roundRatio } from "./round-ratio.ts";
import type { OptionChange, OptionCount, OptionDistribution } from "./summary-types.ts";

/**
 * Change per option from `earlier` to `later` (the same question in two waves), in percentage points computed
 * from the unrounded shares and then rounded to one decimal, halves away from zero; a wave where nobody was
 * shown the question counts as share 0. Options follow `later`'s order.
 *
 * @example
 * waveChange(wave1Barriers, wave2Barriers)[0]; // { id: "no_e_documents", pp: -7.1 } (29/42 → 26/42)
 */
export function waveChange(earlier: OptionDistribution, later: OptionDistribution): OptionChange[] {
  const earlierCount = new Map(earlier.options.map((option) => [option.id, option.count]));
  const earlierShown = Math.max(earlier.shown, 1);
  const laterShown = Math.max(later.shown, 1);
  return later.options.map(({ id, count }) => {
    const difference = count * earlierShown - (earlierCount.get(id) ?? 0) * laterShown;
    return { id, pp: roundRatio(100 * difference, earlierShown * laterShown, 1) };
  });
}

/**
 * The paper's "rating": `options` of one wave by share, largest first; equal shares keep their given order,
 * so pass them in questionnaire order.
 *
 * @example
 * rating([{ id: "a", count: 1, percent: 10 }, { id: "b", count: 3, percent: 30 }]).map((option) => option.id);
 * // ["b", "a"]
 */
export function rating(options: readonly OptionCount[]): OptionCount[] {
  return [...options].sort((a, b) => b.count - a.count);
}
