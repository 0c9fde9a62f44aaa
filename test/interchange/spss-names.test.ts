import { describe, expect, it } from "vitest";
import { spssVariableNames } from "../../src/interchange/spss-names.ts";

describe("spssVariableNames", () => {
  it("keeps question ids that are already legal", () => {
    expect(spssVariableNames(["barriers_rank", "region", "q1"])).toEqual(["barriers_rank", "region", "q1"]);
  });

  it("makes any id legal: a letter first, letters, digits and _ only, no trailing _, no reserved word", () => {
    expect(spssVariableNames(["1st choice", "өңір", "a-b.c_", "to", "WITH", "_x"])).toEqual([
      "v1st_choice",
      "v",
      "a_b_c",
      "to_v",
      "WITH_v",
      "v_x",
    ]);
  });

  it("keeps names within 64 bytes and unique regardless of case", () => {
    const long = "x".repeat(70);
    const names = spssVariableNames([long, long, "Region", "region", "region_2"]);
    expect(names).toEqual(["x".repeat(64), `${"x".repeat(62)}_2`, "Region", "region_2", "region_2_2"]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });
});
