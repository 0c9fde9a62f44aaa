import jStat from "jstat";

const MAX_ITERATIONS = 10_000;
const RELATIVE_PRECISION = 1e-15;
const TINY = 1e-300;

/**
 * Upper tail P(X ≥ x) of the chi-square distribution with `df` degrees of freedom, accurate for tiny
 * p-values too (no `1 − cdf` cancellation): the regularised upper incomplete gamma Q(df/2, x/2).
 *
 * @example
 * chiSquareUpperTail(13.924051, 4); // 0.0075414…
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (x <= 0) return 1;
  const shape = df / 2;
  const halfX = x / 2;
  const logPrefactor = -halfX + shape * Math.log(halfX) - jStat.gammaln(shape);
  if (halfX < shape + 1) return 1 - Math.exp(logPrefactor) * lowerGammaSeries(shape, halfX);
  return Math.exp(logPrefactor) * upperGammaContinuedFraction(shape, halfX);
}

function lowerGammaSeries(shape: number, x: number): number {
  let term = 1 / shape;
  let sum = term;
  for (let k = 1; k < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * RELATIVE_PRECISION; k += 1) {
    term *= x / (shape + k);
    sum += term;
  }
  return sum;
}

/** Modified Lentz evaluation of the continued fraction for Q(a, x), valid for x ≥ a + 1. */
function upperGammaContinuedFraction(shape: number, x: number): number {
  let b = x + 1 - shape;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < MAX_ITERATIONS; i += 1) {
    const a = -i * (i - shape);
    b += 2;
    d = a * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + a / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < RELATIVE_PRECISION) break;
  }
  return fraction;
}
