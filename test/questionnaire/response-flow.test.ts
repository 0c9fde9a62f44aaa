import { describe, expect, it } from "vitest";
import type { FlowAction, ResponseState } from "../../src/questionnaire/flow-types.ts";
import { applyAction, resumeAt, startResponse } from "../../src/questionnaire/response-flow.ts";
import type { Questionnaire } from "../../src/questionnaire/types.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { completedState } from "../support/scripted-answers.ts";

const education = questionnaire("education");
const healthcare = questionnaire("healthcare");

/** Applies actions in turn, failing on a refused one. */
function run(q: Questionnaire, state: ResponseState, actions: FlowAction[]): ResponseState {
  return actions.reduce((current, action) => {
    const step = applyAction(q, current, action);
    expect(step.problem, JSON.stringify(action)).toBeUndefined();
    return step.state;
  }, state);
}

const profile: FlowAction[] = [
  { type: "choose", option: "shymkent" },
  { type: "text", text: "12" },
  { type: "choose", option: "yes" },
  { type: "choose", option: "no" },
];

describe("answering one question at a time", () => {
  it("stores a choice and moves to the next question", () => {
    const step = applyAction(education, startResponse(education, true), {
      type: "choose",
      option: "turkestan_region",
    });
    expect(step.saved).toEqual({
      questionId: "region",
      value: { kind: "choice", option: "turkestan_region" },
    });
    expect(step.state.current).toBe("experience_years");
  });

  it("collects toggles as pending and stores the selection on Done", () => {
    let state = run(education, startResponse(education, true), [
      ...profile,
      { type: "choose", option: "teacher" },
    ]);
    state = run(education, state, [
      { type: "choose", option: "very_relevant" },
      { type: "choose", option: "major" },
      { type: "toggle", option: "language_barrier" },
      { type: "toggle", option: "no_e_documents" },
    ]);
    expect(state.pending).toEqual({
      questionId: "barriers",
      kind: "selection",
      selected: ["no_e_documents", "language_barrier"],
    });
    const done = applyAction(education, state, { type: "done" });
    expect(done.saved?.value).toEqual({ kind: "choices", options: ["no_e_documents", "language_barrier"] });
    expect(done.state.current).toBe("barriers_rank");
    expect(done.state.pending).toBeNull();
  });

  it("refuses an empty Done and changes nothing", () => {
    const state: ResponseState = { ...startResponse(education, true), current: "barriers" };
    const step = applyAction(education, state, { type: "done" });
    expect(step.problem).toBe("nothing_selected");
    expect(step.state).toBe(state);
    expect(step.saved).toBeUndefined();
  });

  it("asks to specify `other` and stores the text with the choice", () => {
    const state: ResponseState = { ...startResponse(education, true), current: "discrimination" };
    const chosen = applyAction(education, state, { type: "choose", option: "other" });
    expect(chosen.saved).toBeUndefined();
    expect(chosen.state.pending?.kind).toBe("specify");
    const specified = applyAction(education, chosen.state, { type: "text", text: "from parents" });
    expect(specified.saved?.value).toEqual({ kind: "choice", option: "other", other: "from parents" });
  });

  it("ranks the top few and lets the last item fall into place by itself", () => {
    const state: ResponseState = { ...startResponse(education, true), current: "barriers_rank" };
    const topTwo = run(education, state, [
      { type: "rank", option: "language_barrier" },
      { type: "rank", option: "no_e_documents" },
    ]);
    expect(applyAction(education, topTwo, { type: "done" }).saved?.value).toEqual({
      kind: "rank",
      order: ["language_barrier", "no_e_documents"],
    });
    const ids = education.questions.find((q) => q.id === "barriers_rank")!.options.map((o) => o.id);
    const allButLast = run(
      education,
      state,
      ids.slice(0, -1).map((option) => ({ type: "rank", option })),
    );
    expect(allButLast.pending).toBeNull();
    expect(allButLast.answers.barriers_rank).toEqual({ kind: "rank", order: ids });
  });

  it("undoes the last place of a ranking", () => {
    const state: ResponseState = { ...startResponse(education, true), current: "barriers_rank" };
    const ranked = run(education, state, [
      { type: "rank", option: "language_barrier" },
      { type: "rank", option: "no_e_documents" },
      { type: "undo" },
    ]);
    expect(ranked.pending).toEqual({
      questionId: "barriers_rank",
      kind: "ranking",
      order: ["language_barrier"],
    });
  });

  it("refuses a typed answer where buttons are expected, and a number out of range", () => {
    const start = startResponse(education, true);
    expect(applyAction(education, start, { type: "text", text: "Shymkent" }).problem).toBe("use_buttons");
    const experience = { ...start, current: "experience_years" };
    expect(applyAction(education, experience, { type: "text", text: "99" }).problem).toBe("out_of_range");
    expect(applyAction(education, experience, { type: "text", text: "ten" }).problem).toBe("not_a_number");
    expect(applyAction(education, experience, { type: "decline" }).saved?.value).toEqual({
      kind: "declined",
    });
  });

  it("skips an optional text, refuses skipping a required one", () => {
    const start = startResponse(education, false);
    expect(applyAction(education, start, { type: "decline" }).problem).toBe("type_answer");
    const contact = { ...start, current: "contact" };
    expect(applyAction(education, contact, { type: "decline" }).saved?.value).toEqual({ kind: "declined" });
  });
});

describe("going back, reviewing and changing answers", () => {
  it("goes back to the previous question keeping the answer, and leaves from the first", () => {
    const state = run(education, startResponse(education, true), profile.slice(0, 2));
    const back = applyAction(education, state, { type: "back" });
    expect(back.state.current).toBe("experience_years");
    expect(back.state.answers.experience_years).toEqual({ kind: "integer", value: 12 });
    const first = applyAction(education, { ...state, current: "region" }, { type: "back" });
    expect(first.leftQuestionnaire).toBe(true);
  });

  it("keeps a stored answer with Done", () => {
    const state = run(education, startResponse(education, true), profile.slice(0, 2));
    const back = applyAction(education, state, { type: "back" }).state;
    const kept = applyAction(education, back, { type: "done" });
    expect(kept.saved?.value).toEqual({ kind: "integer", value: 12 });
    expect(kept.state.current).toBe("migrant_specialisation");
  });

  it("reaches the review after the last question and returns there after a change", () => {
    const complete = completedState(education, false);
    expect(complete.current).toBeNull();
    expect(complete.reviewing).toBe(true);
    expect(Object.keys(complete.answers)).toHaveLength(25);
    const editing = applyAction(education, complete, { type: "edit", questionId: "class_quota" }).state;
    expect(editing.current).toBe("class_quota");
    const changed = applyAction(education, editing, { type: "choose", option: "not_needed" });
    expect(changed.state.current).toBeNull();
    expect(changed.saved?.value).toEqual({ kind: "choice", option: "not_needed" });
  });

  it("returns to the review with Back from a question opened there", () => {
    const editing = applyAction(education, completedState(education, true), {
      type: "edit",
      questionId: "barriers",
    });
    expect(applyAction(education, editing.state, { type: "back" }).state.current).toBeNull();
  });

  it("refuses to open a question from the review that the respondent is not asked", () => {
    const complete = completedState(education, true);
    expect(applyAction(education, complete, { type: "edit", questionId: "full_name" }).problem).toBe(
      "unknown_option",
    );
  });

  it("drops complications when high_risk_group changes away from yes, and asks them when it changes to yes", () => {
    const complete = completedState(healthcare, true);
    const reviewing: ResponseState = {
      ...complete,
      answers: { ...complete.answers, high_risk_group: { kind: "choice", option: "yes" } },
    };
    const editing = applyAction(healthcare, reviewing, { type: "edit", questionId: "high_risk_group" }).state;
    const changed = applyAction(healthcare, editing, { type: "choose", option: "no" });
    expect(changed.removed).toEqual(["high_risk_complications"]);
    expect(changed.state.answers.high_risk_complications).toBeUndefined();

    const reopened = applyAction(healthcare, changed.state, {
      type: "edit",
      questionId: "high_risk_group",
    }).state;
    const backToYes = applyAction(healthcare, reopened, { type: "choose", option: "yes" });
    expect(backToYes.state.current).toBe("high_risk_complications");
    const answered = run(healthcare, backToYes.state, [
      { type: "toggle", option: "anemia" },
      { type: "done" },
    ]);
    expect(answered.current).toBeNull();
  });

  it("moves off an identity question when the response becomes anonymous", () => {
    const state: ResponseState = { ...startResponse(education, false), anonymous: true };
    expect(resumeAt(education, state).current).toBe("region");
    const unchanged = startResponse(education, true);
    expect(resumeAt(education, unchanged)).toBe(unchanged);
  });
});
