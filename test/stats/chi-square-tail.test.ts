import { describe, expect, it } from "vitest";
import { chiSquareUpperTail } from "../../src/stats/chi-square-tail.ts";

describe("chiSquareUpperTail", () => {
  it("matches SciPy's chi2.sf on both sides of the mean", () => {
    expect(chiSquareUpperTail(0.5, 6)).toBeCloseTo(0.9978385033102375, 10);
    expect(chiSquareUpperTail(7.5, 6)).toBeCloseTo(0.2770684433661073, 10);
    expect(chiSquareUpperTail(6.6, 3)).toBeCloseTo(0.08580108740012314, 10);
  });

  it("keeps very small p-values instead of rounding them to 0", () => {
    expect(chiSquareUpperTail(103.3, 6) / 5.135862729251526e-20).toBeCloseTo(1, 6);
  });

  it("is 1 at zero", () => {
    expect(chiSquareUpperTail(0, 4)).toBe(1);
  });
});
