import { roundRatio } from "./round-ratio.ts";

/**
 * `count` as a percentage of `total`, one decimal, halves rounded up; 0 when `total` is 0.
 *
 * @example
 * percent(29, 42); // 69.0
 * percent(23, 80); // 28.8
 */
export function percent(count: number, total: number): number {
  return total === 0 ? 0 : roundRatio(100 * count, total, 1);
}
