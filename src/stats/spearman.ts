import { midRanks } from "./mid-ranks.ts";
import { studentTTwoSidedP } from "./student-t-tail.ts";

/** Spearman's rank correlation and its t test. */
export interface SpearmanResult {
  /** Rho in [−1, 1]; undefined when n < 2 or either side has all values equal. */
  rho: number | undefined;
  /** Two-sided p from Student's t with n − 2 df; undefined when `rho` is, or n < 3. */
  p: number | undefined;
  /** Number of pairs. */
  n: number;
  /** The t approximation of p is trusted from 10 pairs on; below that p is only indicative. */
  approximationReliable: boolean;
}

const MIN_PAIRS_FOR_APPROXIMATION = 10;

/**
 * Spearman's rho between `x` and `y` (same length): the Pearson correlation of their mid-ranks, so ties are
 * averaged. p is two-sided from t = rho·√((n − 2)/(1 − rho²)) with n − 2 df, and 0 when |rho| = 1.
 *
 * @example
 * spearmanRho([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]); // { rho: 0.8207…, p: 0.0886…, n: 5, approximationReliable: false }
 */
export function spearmanRho(x: readonly number[], y: readonly number[]): SpearmanResult {
  if (x.length !== y.length) throw new RangeError("spearmanRho: x and y must have the same length");
  const n = x.length;
  const approximationReliable = n >= MIN_PAIRS_FOR_APPROXIMATION;
  if (n < 2 || isConstant(x) || isConstant(y))
    return { rho: undefined, p: undefined, n, approximationReliable };
  const rho = pearson(midRanks(x), midRanks(y));
  return { rho, p: twoSidedP(rho, n), n, approximationReliable };
}

function twoSidedP(rho: number, n: number): number | undefined {
  const df = n - 2;
  if (df < 1) return undefined;
  if (Math.abs(rho) === 1) return 0;
  return studentTTwoSidedP(rho * Math.sqrt(df / (1 - rho * rho)), df);
}

/** Pearson's r; exact ±1 for mid-ranks in the same or reverse order, since their deviations are multiples of 0.5. */
function pearson(x: readonly number[], y: readonly number[]): number {
  const meanX = x.reduce((sum, value) => sum + value, 0) / x.length;
  const meanY = y.reduce((sum, value) => sum + value, 0) / y.length;
  let products = 0;
  let squaresX = 0;
  let squaresY = 0;
  x.forEach((value, index) => {
    const deviationX = value - meanX;
    const deviationY = y[index]! - meanY;
    products += deviationX * deviationY;
    squaresX += deviationX * deviationX;
    squaresY += deviationY * deviationY;
  });
  return Math.max(-1, Math.min(1, products / Math.sqrt(squaresX * squaresY)));
}

function isConstant(values: readonly number[]): boolean {
  return values.every((value) => value === values[0]);
}
