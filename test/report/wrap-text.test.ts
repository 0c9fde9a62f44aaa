import { describe, expect, it } from "vitest";
import { wrapText } from "../../src/report/wrap-text.ts";

describe("wrapText", () => {
  it("breaks at spaces within the width", () => {
    expect(wrapText("Отсутствие мест в школах и большое расстояние", 28)).toEqual([
      "Отсутствие мест в школах и",
      "большое расстояние",
    ]);
  });

  it("cuts a word longer than a line and keeps existing line breaks", () => {
    expect(wrapText("abcdefghij\nәә", 4)).toEqual(["abcd", "efgh", "ij", "әә"]);
  });

  it("keeps an empty text as one empty line", () => {
    expect(wrapText("", 28)).toEqual([""]);
  });
});
