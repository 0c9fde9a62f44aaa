import jStat from "jstat";

/**
 * Two-sided p-value P(|T| ≥ |t|) of Student's t distribution with `df` degrees of freedom, accurate for tiny
 * p-values: the regularised incomplete beta I_{df/(df+t²)}(df/2, 1/2).
 *
 * @example
 * studentTTwoSidedP(2.5, 3); // 0.0877…
 */
export function studentTTwoSidedP(t: number, df: number): number {
  return jStat.ibeta(df / (df + t * t), df / 2, 0.5);
}
