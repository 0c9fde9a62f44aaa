import { describe, expect, it } from "vitest";
import { parseTextInput, toggleSelection } from "../../src/questionnaire/answer-input.ts";
import { checkAnswer } from "../../src/questionnaire/check-answer.ts";
import { findQuestion } from "../../src/questionnaire/engine.ts";
import { questionnaire } from "../support/questionnaires.ts";

const education = questionnaire("education");
const experience = findQuestion(education, "experience_years")!;
const barriers = findQuestion(education, "barriers")!;
const rank = findQuestion(education, "barriers_rank")!;
const relevance = findQuestion(education, "access_relevance")!;

describe("typed text", () => {
  it("refuses empty text and text over the limit", () => {
    expect(parseTextInput(5, "   ")).toEqual({ ok: false, problem: "empty" });
    expect(parseTextInput(5, "abcdef")).toEqual({ ok: false, problem: "too_long" });
    expect(parseTextInput(5, " әбвгд ")).toEqual({ ok: true, value: "әбвгд" });
  });
});

describe("multi-select toggles", () => {
  it("add and remove options in questionnaire order", () => {
    expect(toggleSelection(barriers, [], "language_barrier")).toEqual(["language_barrier"]);
    expect(toggleSelection(barriers, ["language_barrier"], "no_e_documents")).toEqual([
      "no_e_documents",
      "language_barrier",
    ]);
    expect(toggleSelection(barriers, ["no_e_documents", "language_barrier"], "no_e_documents")).toEqual([
      "language_barrier",
    ]);
  });

  it("let an exclusive option clear the others, and the others clear it", () => {
    expect(toggleSelection(barriers, ["no_e_documents", "other"], "all_of_the_above")).toEqual([
      "all_of_the_above",
    ]);
    expect(toggleSelection(barriers, ["all_of_the_above"], "school_distance")).toEqual(["school_distance"]);
  });
});

describe("complete answers", () => {
  it("accept valid answers of every kind", () => {
    expect(checkAnswer(relevance, { kind: "choice", option: "minor" })).toBeUndefined();
    expect(checkAnswer(barriers, { kind: "choices", options: ["other"], other: "x" })).toBeUndefined();
    expect(
      checkAnswer(rank, { kind: "rank", order: ["language_barrier", "no_e_documents"] }),
    ).toBeUndefined();
    expect(checkAnswer(experience, { kind: "declined" })).toBeUndefined();
  });

  it("refuse unknown options, repeats, wrong kinds and empty selections", () => {
    expect(checkAnswer(relevance, { kind: "choice", option: "maybe" })).toBe("unknown_option");
    expect(checkAnswer(rank, { kind: "rank", order: ["language_barrier", "language_barrier"] })).toBe(
      "duplicate_option",
    );
    expect(checkAnswer(rank, { kind: "rank", order: ["school_distance"] })).toBe("unknown_option");
    expect(checkAnswer(relevance, { kind: "integer", value: 3 })).toBe("wrong_kind");
    expect(checkAnswer(barriers, { kind: "choices", options: [] })).toBe("nothing_selected");
    expect(checkAnswer(barriers, { kind: "choices", options: ["all_of_the_above", "other"] })).toBe(
      "unknown_option",
    );
    expect(checkAnswer(relevance, { kind: "declined" })).toBe("not_optional");
  });
});
