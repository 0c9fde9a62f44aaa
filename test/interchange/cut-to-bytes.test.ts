import { describe, expect, it } from "vitest";
import { cutToBytes, utf8Bytes } from "../../src/interchange/cut-to-bytes.ts";

describe("cutToBytes", () => {
  it("keeps a text that fits, whole", () => {
    expect(cutToBytes("Әсел", 8)).toBe("Әсел");
    expect(cutToBytes("", 0)).toBe("");
  });

  it("cuts between characters, never inside one: 2-byte Kazakh letters, 4-byte emoji", () => {
    expect(cutToBytes("Әсел", 3)).toBe("Ә");
    expect(cutToBytes("Әсел", 4)).toBe("Әс");
    expect(cutToBytes("aӘ", 2)).toBe("a");
    expect(cutToBytes("a🙂b", 4)).toBe("a");
    expect(cutToBytes("a🙂b", 5)).toBe("a🙂");
  });

  it("gives the longest start within the limit, for any limit", () => {
    const text = "Қазақстан — Kazakhstan 🙂 ұғым";
    for (let limit = 0; limit <= utf8Bytes(text); limit++) {
      const cut = cutToBytes(text, limit);
      expect(text.startsWith(cut)).toBe(true);
      expect(utf8Bytes(cut)).toBeLessThanOrEqual(limit);
      const next = [...text.slice(cut.length)][0];
      if (next) expect(utf8Bytes(cut + next)).toBeGreaterThan(limit);
    }
  });
});
