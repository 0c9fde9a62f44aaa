import { describe, expect, it } from "vitest";
import { shorten } from "../../../src/bot/screens/review-screen.ts";

describe("shortening a long answer on the review screen", () => {
  it("keeps short texts whole", () => {
    expect(shorten("Шымкент", 20)).toBe("Шымкент");
  });

  it("never splits an emoji or a letter with a combining mark", () => {
    const family = "👨‍👩‍👧";
    expect(shorten(`ab${family}cd`, 5)).toBe("ab…");
    expect(shorten(`ab${family}cd`, 11)).toBe(`ab${family}…`);
    const accented = "е\u0301";
    expect(shorten(`${"x".repeat(5)}${accented}yz`, 7)).toBe(`${"x".repeat(5)}…`);
  });

  it("stays within the limit and ends with an ellipsis", () => {
    const text = "Қазақ тілі ".repeat(30);
    const short = shorten(text, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short.endsWith("…")).toBe(true);
  });
});
