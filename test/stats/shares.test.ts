import { describe, expect, it } from "vitest";
import { percent } from "../../src/stats/shares.ts";

describe("percent", () => {
  it("reproduces the published one-decimal shares", () => {
    expect(percent(29, 42)).toBe(69.0);
    expect(percent(26, 42)).toBe(61.9);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(20, 53)).toBe(37.7);
  });

  it("rounds an exact half of a tenth up, even where floating point lands just below it", () => {
    expect(percent(23, 80)).toBe(28.8);
    expect(percent(41, 80)).toBe(51.3);
    expect(percent(1, 16)).toBe(6.3);
  });

  it("is 0 when nobody was asked", () => {
    expect(percent(0, 0)).toBe(0);
  });
});
