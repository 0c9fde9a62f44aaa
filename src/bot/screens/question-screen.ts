import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/translator.ts";
import { progress } from "../../questionnaire/engine.ts";
import { type ResponseState, rankingOf, selectionOf } from "../../questionnaire/response-flow.ts";
import type { Question, Questionnaire } from "../../questionnaire/types.ts";
import { encodeButton } from "../callback-data.ts";
import { describeAnswer, optionLabel, questionnaireTitle, questionText } from "./labels.ts";
import { escapeHtml, type Screen } from "./screen.ts";

const SELECTED = "✅ ";

/**
 * The screen of the question the respondent is on: progress, the question, a hint for how to answer,
 * and buttons (options, Done/Undo/Skip as the type needs, Back).
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
  const pending = state.pending;

  if (pending?.kind === "specify" && pending.questionId === question.id) {
    const chosen = pending.answer.kind === "choice" ? [pending.answer.option] : selectionOf(state, question);
    const other = question.options.find((option) => option.specify && chosen.includes(option.id));
    lines.push(
      "",
      escapeHtml(t("question.specify", { option: optionLabel(t, question, other?.id ?? "other") })),
    );
    button(t("buttons.back"), "back");
    return { text: lines.join("\n"), keyboard };
  }

  const stored = state.answers[question.id];
  switch (question.type) {
    case "select_one":
      question.options.forEach((option, index) => {
        const mark = stored?.kind === "choice" && stored.option === option.id ? SELECTED : "";
        button(mark + optionLabel(t, question, option.id), "choose", index);
      });
      break;
    case "select_multiple": {
      lines.push("", escapeHtml(t("question.hint_select_multiple")));
      const selected = selectionOf(state, question);
      question.options.forEach((option, index) => {
        const mark = selected.includes(option.id) ? SELECTED : "";
        button(mark + optionLabel(t, question, option.id), "toggle", index);
      });
      button(t("buttons.done"), "done");
      break;
    }
    case "rank": {
      const hint = question.rankBy ? `question.hint_rank_${question.rankBy}` : "question.hint_rank";
      lines.push("", escapeHtml(t(hint)));
      const order = rankingOf(state, question);
      if (order.length > 0) {
        lines.push("", escapeHtml(t("question.your_order")));
        order.forEach((id, index) => {
          lines.push(`${index + 1}. ${escapeHtml(optionLabel(t, question, id))}`);
        });
      } else if (stored) {
        lines.push(
          "",
          escapeHtml(t("question.current_answer", { answer: describeAnswer(t, question, stored) })),
        );
      }
      question.options.forEach((option, index) => {
        if (!order.includes(option.id)) button(optionLabel(t, question, option.id), "rank", index);
      });
      if (order.length > 0) keyboard.text(t("buttons.undo"), encodeButton(revision, "undo"));
      if (order.length > 0 || stored) button(t("buttons.done"), "done");
      break;
    }
    case "integer":
      lines.push("", escapeHtml(t("question.hint_integer", { min: question.min, max: question.max })));
      if (question.preferNotToSay) button(t("buttons.prefer_not_to_say"), "decline");
      break;
    case "text":
      lines.push("", escapeHtml(t(question.optional ? "question.hint_text_optional" : "question.hint_text")));
      if (question.optional) button(t("buttons.skip"), "decline");
      break;
  }
  if ((question.type === "integer" || question.type === "text") && stored) {
    lines.push("", escapeHtml(t("question.current_answer", { answer: describeAnswer(t, question, stored) })));
    button(t("buttons.done"), "done");
  }
  button(t("buttons.back"), "back");
  return { text: lines.join("\n"), keyboard };
}
