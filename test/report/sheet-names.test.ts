import { describe, expect, it } from "vitest";
import { uniqueSheetNames } from "../../src/report/sheet-names.ts";

describe("uniqueSheetNames", () => {
  it("replaces forbidden characters and fills in empty names", () => {
    expect(uniqueSheetNames(["a[b]:c*d?e/f\\g", "  ", "'quoted'"])).toEqual([
      "a_b__c_d_e_f_g",
      "Sheet",
      "quoted",
    ]);
  });

  it("cuts names to 31 characters and keeps them unique ignoring case", () => {
    const long = "Білім беру сарапшыларының жауаптары";
    const names = uniqueSheetNames([long, long, "Wave 1", "WAVE 1"]);
    expect(names.every((name) => name.length <= 31)).toBe(true);
    expect(names[0]).toBe(long.slice(0, 31).trimEnd());
    expect(names[1]).toMatch(/ \(2\)$/);
    expect(names.slice(2)).toEqual(["Wave 1", "WAVE 1 (2)"]);
  });
});
