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

  it("reproduces R's irr::kendall(anxiety, correct = TRUE): 3 raters × 20 subjects with many ties", () => {
    // The anxiety data of R's irr package, one row per rater (its columns rater1..rater3).
    const anxiety = [
      [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
      [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
      [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
    ];
    const result = kendallW(anxiety);
    expect(result.w).toBeCloseTo(0.5396569, 6); // irr prints Wt = 0.54; without the correction W = 0.5019
    expect(result.chiSquare).toBeCloseTo(30.760442, 5);
    expect(result.df).toBe(19);
    expect(result.p).toBeCloseTo(0.0428835, 6);
  });

  it("reproduces NAG's G08DAF example: 3 comparisons of 10 objects, W = 0.8277, p = 0.0078", () => {
    const result = kendallW([
      [1.0, 4.5, 2.0, 4.5, 3.0, 7.5, 6.0, 9.0, 7.5, 10.0],
      [2.5, 1.0, 2.5, 4.5, 4.5, 8.0, 9.0, 6.5, 10.0, 6.5],
      [2.0, 1.0, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0, 10.0],
    ]);
    expect(result.w).toBeCloseTo(0.8277311, 6); // 0.7960 without the tie correction
    expect(result.chiSquare).toBeCloseTo(22.348739, 5);
    expect(result.p).toBeCloseTo(0.007837, 6);
    expect(result.approximationReliable).toBe(true);
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
