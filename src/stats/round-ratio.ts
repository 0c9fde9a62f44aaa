/**
 * `numerator / denominator` rounded to `decimals` places, halves away from zero. Exact (no float error such as
 * 28.75 → 28.7) when `numerator · 10^decimals` and `denominator` are integers.
 *
 * @example
 * roundRatio(2875, 100, 1); // 28.8
 * roundRatio(-1, 8, 2); // -0.13
 */
export function roundRatio(numerator: number, denominator: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaledNumerator = Math.abs(numerator) * scale;
  const absoluteDenominator = Math.abs(denominator);
  const units = Math.floor((2 * scaledNumerator + absoluteDenominator) / (2 * absoluteDenominator));
  const sign = Math.sign(numerator) * Math.sign(denominator);
  return units === 0 ? 0 : (sign * units) / scale;
}
