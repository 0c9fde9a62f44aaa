import { describe, expect, it } from "vitest";
import { kendallW } from "../../src/stats/kendall-w.ts";

describe("kendallW", () => {
  it("reproduces the published 4 experts × 5 items example with a tie", () => {
    const result = kendallW([
      [1, 2, 3, 4, 5],
      [2, 1, 3, 5, 4],
      [1, 3, 2, 4, 5],
      [1.5, 1.5, 3, 4, 5],
    ]);
    expect(result.m).toBe(4);
    expect(result.n).toBe(5);
    expect(result.w).toBeCloseTo(0.8702532, 6);
    expect(result.chiSquare).toBeCloseTo(13.924051, 6);
    expect(result.df).toBe(4);
    expect(result.p).toBeCloseTo(0.0075414, 6);
  });

  it("reproduces SciPy's Friedman example from raw pulse scores", () => {
    const result = kendallW([
      [72, 120, 76],
      [96, 120, 95],
      [88, 132, 104],
      [92, 120, 96],
      [74, 101, 84],
      [76, 96, 72],
      [82, 112, 76],
    ]);
    expect(result.w).toBeCloseTo(0.755102, 6);
    expect(result.chiSquare).toBeCloseTo(10.571429, 6);
    expect(result.df).toBe(2);
    expect(result.p).toBeCloseTo(0.0050634, 6);
  });

  it("gives W = 1 and a tiny but non-zero p when experts agree completely", () => {
    const identical = Array.from({ length: 42 }, () => [1, 2, 3, 4, 5, 6, 7]);
    const result = kendallW(identical);
    expect(result.w).toBeCloseTo(1, 12);
    expect(result.chiSquare).toBeCloseTo(252, 9);
    expect(result.p).toBeGreaterThan(0);
    expect(result.p).toBeLessThan(1e-45);
  });

  it("gives W = 0 and p = 1 when the experts' rankings cancel out", () => {
    const result = kendallW([
      [1, 2, 3],
      [3, 2, 1],
    ]);
    expect(result.w).toBe(0);
    expect(result.p).toBe(1);
  });

  it("leaves W undefined instead of failing for one expert, one item or nothing but ties", () => {
    const undefinedW = {
      w: undefined,
      chiSquare: undefined,
      df: undefined,
      p: undefined,
      approximationReliable: false,
    };
    expect(kendallW([[1, 2, 3]])).toEqual({ m: 1, n: 3, ...undefinedW });
    expect(kendallW([[1], [1]])).toEqual({ m: 2, n: 1, ...undefinedW });
    expect(kendallW([])).toEqual({ m: 0, n: 0, ...undefinedW });
    expect(
      kendallW([
        [2, 2, 2],
        [5, 5, 5],
      ]),
    ).toEqual({ m: 2, n: 3, ...undefinedW });
  });

  it("refuses experts who scored different numbers of items", () => {
    expect(() =>
      kendallW([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(RangeError);
  });

  it("trusts the chi-square approximation only for more than 7 items or at least 20 experts", () => {
    const rows = (m: number, n: number) =>
      Array.from({ length: m }, (_, expert) => Array.from({ length: n }, (_, item) => (item + expert) % n));
    expect(kendallW(rows(7, 3)).approximationReliable).toBe(false);
    expect(kendallW(rows(19, 7)).approximationReliable).toBe(false);
    expect(kendallW(rows(20, 7)).approximationReliable).toBe(true);
    expect(kendallW(rows(3, 8)).approximationReliable).toBe(true);
    expect(kendallW(rows(2, 8)).approximationReliable).toBe(false);
    expect(kendallW(rows(30, 2)).approximationReliable).toBe(false);
  });
});
