import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/translator.ts";
import { optionsOffered, progress } from "../../questionnaire/engine.ts";
import type { ResponseState } from "../../questionnaire/flow-types.ts";
import type { Wording } from "../../questionnaire/question-types/question-type-spec.ts";
import { questionType, selectedOptions } from "../../questionnaire/question-types/registry.ts";
import type { Question, Questionnaire } from "../../questionnaire/types.ts";
import { encodeButton } from "../callback-data.ts";
import { describeAnswer, optionLabel, questionnaireTitle, questionText } from "./labels.ts";
import { escapeHtml, type Screen } from "./screen.ts";

const SELECTED = "✅ ";

/**
 * The screen of the question the respondent is on: progress, the question, a hint for how to answer,
 * and the buttons its type's input asks for (options, Done/Undo/Skip, Continue), then Back.
 */
export function questionScreen(
  t: Translate,
  questionnaire: Questionnaire,
  question: Question,
  state: ResponseState,
  revision: number,
): Screen {
  const { position, total } = progress(questionnaire, state.answers, question.id, {
    anonymous: state.anonymous,
  });
  const header = t("question.progress", { title: questionnaireTitle(t, questionnaire), position, total });
  const lines = [`<i>${escapeHtml(header)}</i>`, "", `<b>${escapeHtml(questionText(t, question))}</b>`];
  const keyboard = new InlineKeyboard();
  const button = (label: string, action: Parameters<typeof encodeButton>[1], argument?: number) =>
    keyboard.text(label, encodeButton(revision, action, argument)).row();
  const say = (wording: Wording) => t(wording.key, wording.values);
  const pending = state.pending;

  if (pending?.kind === "specify" && pending.questionId === question.id) {
    const chosen = selectedOptions(question, pending.answer);
    const other = question.options.find((option) => option.specify && chosen.includes(option.id));
    lines.push(
      "",
      escapeHtml(t("question.specify", { option: optionLabel(t, question, other?.id ?? "other") })),
    );
    button(t("buttons.back"), "back");
    return { text: lines.join("\n"), keyboard };
  }

  const stored = state.answers[question.id];
  const currentAnswer = () => {
    if (stored) {
      lines.push(
        "",
        escapeHtml(t("question.current_answer", { answer: describeAnswer(t, question, stored) })),
      );
    }
  };
  const input = questionType(question).input(question, state);
  const offered = new Set(optionsOffered(question, state.answers).map((option) => option.id));
  switch (input.kind) {
    case "single_choice":
      question.options.forEach((option, index) => {
        if (!offered.has(option.id)) return;
        const mark = input.chosen === option.id ? SELECTED : "";
        button(mark + optionLabel(t, question, option.id), "choose", index);
      });
      break;
    case "multiple_choice":
      lines.push("", escapeHtml(say(input.hint)));
      question.options.forEach((option, index) => {
        if (!offered.has(option.id)) return;
        const mark = input.selected.includes(option.id) ? SELECTED : "";
        button(mark + optionLabel(t, question, option.id), "toggle", index);
      });
      button(t("buttons.done"), "done");
      break;
    case "ranking": {
      lines.push("", escapeHtml(say(input.hint)));
      const { order } = input;
      if (order.length > 0) {
        lines.push("", escapeHtml(t("question.your_order")));
        order.forEach((id, index) => {
          lines.push(`${index + 1}. ${escapeHtml(optionLabel(t, question, id))}`);
        });
      } else {
        currentAnswer();
      }
      question.options.forEach((option, index) => {
        if (offered.has(option.id) && !order.includes(option.id))
          button(optionLabel(t, question, option.id), "rank", index);
      });
      if (order.length > 0) keyboard.text(t("buttons.undo"), encodeButton(revision, "undo"));
      if (order.length > 0 || stored) button(t("buttons.done"), "done");
      break;
    }
    case "typed":
      lines.push("", escapeHtml(say(input.hint)));
      if (input.decline) button(say(input.decline), "decline");
      currentAnswer();
      if (stored) button(t("buttons.done"), "done");
      break;
    case "none":
      button(t("buttons.continue"), "done");
      break;
    default: {
      const unreachable: never = input;
      throw new Error(`no screen for ${JSON.stringify(unreachable)}`);
    }
  }
  button(t("buttons.back"), "back");
  return { text: lines.join("\n"), keyboard };
}
