import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreFormula } from "../../src/report/formula-guard.ts";

describe("neutraliseFormula", () => {
  it.each(["=1+2", "+1", "-1", "@x", "\tx", "\rx", "'=x", "''-x"])("guards %j", (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each(["Шымкент", "", "'quoted", "1-2", " =x", "a=b"])("leaves %j alone", (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it("is undone by restoreFormula for every text", () => {
    const text = fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "a", "ә", " ") });
    fc.assert(fc.property(text, (cell) => restoreFormula(neutraliseFormula(cell)) === cell));
  });
});
