import { describe, expect, it } from "vitest";
import { spearmanRho } from "../../src/stats/spearman.ts";

describe("spearmanRho", () => {
  it("reproduces the published example with a tie", () => {
    const result = spearmanRho([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(result.rho).toBeCloseTo(0.8207827, 6);
    expect(result.p).toBeCloseTo(0.0886, 4);
    expect(result.n).toBe(5);
    expect(result.approximationReliable).toBe(false);
  });

  it("gives p = 0 for a perfect agreement or reversal", () => {
    expect(spearmanRho([1, 2, 3, 4], [10, 20, 30, 40])).toMatchObject({ rho: 1, p: 0 });
    expect(spearmanRho([1, 2, 3, 4], [4, 3, 2, 1])).toMatchObject({ rho: -1, p: 0 });
  });

  it("trusts the t approximation from 10 pairs on", () => {
    const x = Array.from({ length: 10 }, (_, index) => index);
    const y = [0, 2, 1, 3, 5, 4, 6, 8, 7, 9];
    expect(spearmanRho(x, y).approximationReliable).toBe(true);
    expect(spearmanRho(x.slice(0, 9), y.slice(0, 9)).approximationReliable).toBe(false);
  });

  it("leaves rho undefined when one side has no variation, and p undefined with two pairs", () => {
    expect(spearmanRho([1, 2, 3], [4, 4, 4])).toMatchObject({ rho: undefined, p: undefined });
    expect(spearmanRho([], [])).toMatchObject({ rho: undefined, p: undefined, n: 0 });
    expect(spearmanRho([1, 2], [3, 4])).toMatchObject({ rho: 1, p: undefined });
  });

  it("refuses lists of different lengths", () => {
    expect(() => spearmanRho([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});
