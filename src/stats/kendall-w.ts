import { chiSquareUpperTail } from "./chi-square-tail.ts";
import { midRanks } from "./mid-ranks.ts";

/** Kendall's coefficient of concordance and its chi-square test. */
export type KendallWResult = {
  /** Number of experts (rows). */
  m: number;
  /** Number of items (columns). */
  n: number;
  /**
   * Whether the chi-square approximation of p can be trusted: it needs m ≥ 3 and n ≥ 3, and either n > 7 or
   * m ≥ 20. For n ≤ 7 with fewer than 20 experts the textbooks (Siegel & Castellan) use exact tables of S
   * instead, so p is only indicative there.
   */
  approximationReliable: boolean;
} & (Concordance | NoConcordance);

export interface Concordance {
  /** W in [0, 1]. */
  w: number;
  /** m(n − 1)W. */
  chiSquare: number;
  /** n − 1. */
  df: number;
  /** Upper tail of chi-square with `df` degrees of freedom. */
  p: number;
}

/** Fewer than 2 experts or items, or every expert tied every item: W is undefined. */
export interface NoConcordance {
  w: undefined;
  chiSquare: undefined;
  df: undefined;
  p: undefined;
}

const SMALL_ITEM_COUNT = 7;
const EXPERTS_FOR_SMALL_ITEM_COUNT = 20;
const MIN_FOR_APPROXIMATION = 3;

/**
 * Kendall's W for `matrix` (rows = experts, columns = items). Each row is first turned into mid-ranks, so raw
 * scores work as well as ranks; ties are corrected with W = 12S / (m²(n³ − n) − m·ΣT), T = Σ(t³ − t) over each
 * expert's groups of t tied items.
 *
 * @example
 * kendallW([[1, 2, 3, 4, 5], [2, 1, 3, 5, 4], [1, 3, 2, 4, 5], [1.5, 1.5, 3, 4, 5]]).w; // 0.8702532…
 */
export function kendallW(matrix: readonly (readonly number[])[]): KendallWResult {
  const m = matrix.length;
  const n = matrix[0]?.length ?? 0;
  if (matrix.some((row) => row.length !== n)) {
    throw new RangeError("kendallW: every expert must score the same number of items");
  }
  const undetermined = {
    m,
    n,
    w: undefined,
    chiSquare: undefined,
    df: undefined,
    p: undefined,
    approximationReliable: false,
  };
  if (m < 2 || n < 2) return undetermined;
  const rankRows = matrix.map(midRanks);
  const meanRankSum = (m * (n + 1)) / 2;
  let s = 0;
  for (let item = 0; item < n; item += 1) {
    const rankSum = rankRows.reduce((total, row) => total + row[item]!, 0);
    s += (rankSum - meanRankSum) ** 2;
  }
  const tieTotal = rankRows.reduce((total, row) => total + tieTerm(row), 0);
  const denominator = m * m * (n ** 3 - n) - m * tieTotal;
  if (denominator === 0) return undetermined;
  const w = (12 * s) / denominator;
  const df = n - 1;
  const chiSquare = m * df * w;
  return {
    m,
    n,
    w,
    chiSquare,
    df,
    p: chiSquareUpperTail(chiSquare, df),
    approximationReliable: isReliable(m, n),
  };
}

/** Σ(t³ − t) over the groups of t equal values in `row`. */
function tieTerm(row: readonly number[]): number {
  const groupSizes = new Map<number, number>();
  for (const value of row) groupSizes.set(value, (groupSizes.get(value) ?? 0) + 1);
  let term = 0;
  for (const size of groupSizes.values()) term += size ** 3 - size;
  return term;
}

function isReliable(m: number, n: number): boolean {
  if (m < MIN_FOR_APPROXIMATION || n < MIN_FOR_APPROXIMATION) return false;
  return n > SMALL_ITEM_COUNT || m >= EXPERTS_FOR_SMALL_ITEM_COUNT;
}
