import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/translator.ts";
import { visibleQuestions } from "../../questionnaire/engine.ts";
import type { ResponseState } from "../../questionnaire/response-flow.ts";
import type { Questionnaire } from "../../questionnaire/types.ts";
import { encodeButton } from "../callback-data.ts";
import { describeAnswer, questionnaireTitle, questionTitle } from "./labels.ts";
import { escapeHtml, type Screen } from "./screen.ts";

const TELEGRAM_TEXT_LIMIT = 4096;
const EDIT_BUTTONS_PER_ROW = 5;

/** Every answer, numbered, with a button per number to change it, and Submit. */
export function reviewScreen(
  t: Translate,
  questionnaire: Questionnaire,
  state: ResponseState,
  revision: number,
  submitted: boolean,
): Screen {
  const questions = visibleQuestions(questionnaire, state.answers, { anonymous: state.anonymous });
  const header = [t("review.title"), `<i>${escapeHtml(questionnaireTitle(t, questionnaire))}</i>`, ""];
  const footer = ["", escapeHtml(t("review.hint"))];
  const entries = answerEntries(t, questionnaire, state);
  const keyboard = new InlineKeyboard();
  questions.forEach((question, index) => {
    keyboard.text(t("buttons.edit", { number: index + 1 }), encodeButton(revision, "edit", question.id));
    if ((index + 1) % EDIT_BUTTONS_PER_ROW === 0) keyboard.row();
  });
  keyboard
    .row()
    .text(t("buttons.back"), encodeButton(revision, "back"))
    .text(t(submitted ? "buttons.submit_changes" : "buttons.submit"), encodeButton(revision, "submit"));
  return { text: fitToMessage(header, entries, footer), keyboard };
}

/** Each question the expert sees, numbered, with their answer in words. */
export function answerEntries(
  t: Translate,
  questionnaire: Questionnaire,
  state: Pick<ResponseState, "answers" | "anonymous">,
): { title: string; value: string }[] {
  return visibleQuestions(questionnaire, state.answers, { anonymous: state.anonymous }).map(
    (question, index) => {
      const answer = state.answers[question.id];
      const value = answer ? describeAnswer(t, question, answer) : "—";
      return { title: `${index + 1}. <b>${escapeHtml(questionTitle(t, question))}</b>: `, value };
    },
  );
}

/** Long free-text answers are shortened until the whole text fits in one Telegram message. */
export function fitToMessage(
  header: string[],
  entries: { title: string; value: string }[],
  footer: string[],
): string {
  for (let limit = 400; ; limit = Math.floor(limit * 0.7)) {
    const lines = entries.map(({ title, value }) => title + escapeHtml(shorten(value, limit)));
    const text = [...header, ...lines, ...footer].join("\n");
    if (text.length <= TELEGRAM_TEXT_LIMIT || limit < 20) return text.slice(0, TELEGRAM_TEXT_LIMIT);
  }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** At most `limit` characters as a person counts them: an emoji or a letter with its accent is never split. */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let kept = "";
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > limit - 1) break;
    kept += segment;
  }
  return `${kept}…`;
}
