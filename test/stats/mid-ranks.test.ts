import { describe, expect, it } from "vitest";
import { midRanks } from "../../src/stats/mid-ranks.ts";

describe("midRanks", () => {
  it("gives the smallest value rank 1", () => {
    expect(midRanks([30, 10, 20])).toEqual([3, 1, 2]);
  });

  it("gives tied values the mean of the places they occupy", () => {
    expect(midRanks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
    expect(midRanks([5, 5, 5, 1])).toEqual([3, 3, 3, 1]);
  });

  it("ranks an empty list as empty", () => {
    expect(midRanks([])).toEqual([]);
  });
});
