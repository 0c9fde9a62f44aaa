import { describe, expect, it } from "vitest";
import { studentTTwoSidedP } from "../../src/stats/student-t-tail.ts";

describe("studentTTwoSidedP", () => {
  it("matches SciPy's two-sided t test p-value", () => {
    expect(studentTTwoSidedP(2.5, 3)).toBeCloseTo(0.08770664700806556, 8);
    expect(studentTTwoSidedP(-2.5, 3)).toBeCloseTo(0.08770664700806556, 8);
  });

  it("keeps very small p-values instead of rounding them to 0", () => {
    expect(studentTTwoSidedP(40, 30) / 1.3726045194406417e-27).toBeCloseTo(1, 6);
  });

  it("is 1 at t = 0", () => {
    expect(studentTTwoSidedP(0, 5)).toBe(1);
  });
});
