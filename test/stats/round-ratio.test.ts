import { describe, expect, it } from "vitest";
import { roundRatio } from "../../src/stats/round-ratio.ts";

describe("roundRatio", () => {
  it("rounds halves away from zero on both sides", () => {
    expect(roundRatio(2875, 100, 1)).toBe(28.8);
    expect(roundRatio(-2875, 100, 1)).toBe(-28.8);
    expect(roundRatio(1, 8, 2)).toBe(0.13);
  });

  it("never shows minus zero", () => {
    expect(Object.is(roundRatio(-1, 1000, 1), 0)).toBe(true);
  });
});
