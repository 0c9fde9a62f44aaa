import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/translator.ts";
import type { Answers, Questionnaire } from "../../questionnaire/types.ts";
import { isoDay } from "./iso-day.ts";
import { questionnaireTitle } from "./labels.ts";
import { answerEntries, fitToMessage } from "./review-screen.ts";
import { escapeHtml, type Screen } from "./screen.ts";

/**
 * Buttons that act on a response by its receipt carry the receipt itself: it lives in the expert's own chat,
 * never in our database, and it is what proves the response is theirs. `<action>:<compact receipt>`.
 */
const RECEIPT_BUTTON = /^rc([ocwy]):([A-Z2-9]{28})$/;
export type ReceiptButtonAction = "open" | "change" | "withdraw" | "confirm_withdraw";
const RECEIPT_CODES: Record<ReceiptButtonAction, string> = {
  open: "o",
  change: "c",
  withdraw: "w",
  confirm_withdraw: "y",
};

export function receiptButton(action: ReceiptButtonAction, receipt: string): string {
  return `rc${RECEIPT_CODES[action]}:${receipt}`;
}

export function decodeReceiptButton(
  data: string,
): { action: ReceiptButtonAction; receipt: string } | undefined {
  const match = RECEIPT_BUTTON.exec(data);
  if (!match) return undefined;
  const action = (Object.keys(RECEIPT_CODES) as ReceiptButtonAction[]).find(
    (candidate) => RECEIPT_CODES[candidate] === match[1],
  );
  return action && { action, receipt: match[2]! };
}

/** Thank-you after Submit, with the receipt to copy; an anonymous expert's Change button carries it. */
export function thanksScreen(t: Translate, receipt: string, anonymous: boolean, change: string): Screen {
  const keyboard = new InlineKeyboard().text(t("buttons.change"), change);
  const text = t(anonymous ? "submitted.thanks_anonymous" : "submitted.thanks", { receipt });
  return { text, keyboard };
}

/** An anonymous expert who submitted in this wave: only the receipt reopens the answers. */
export function sealedScreen(t: Translate): Screen {
  return { text: t("submitted.sealed") };
}

/**
 * A submitted response as its receipt shows it: the answers, and when the expert may act on it (the wave is
 * open), buttons to change or withdraw it. `note` is the key of the line under the answers.
 */
export function receiptResponseScreen(
  t: Translate,
  questionnaire: Questionnaire,
  response: { wave: number; submittedAt: Date | null; anonymous: boolean; answers: Answers },
  receipt: string,
  { mayAct, note }: { mayAct: boolean; note: string },
): Screen {
  const header = [
    t("receipt.title", {
      title: escapeHtml(questionnaireTitle(t, questionnaire)),
      wave: response.wave,
      date: response.submittedAt ? isoDay(response.submittedAt) : "—",
    }),
    "",
  ];
  const footer = ["", escapeHtml(t(note))];
  const text = fitToMessage(header, answerEntries(t, questionnaire, response), footer);
  if (!mayAct) return { text };
  const keyboard = new InlineKeyboard()
    .text(t("buttons.change"), receiptButton("change", receipt))
    .row()
    .text(t("receipt.withdraw"), receiptButton("withdraw", receipt));
  return { text, keyboard };
}

export function withdrawConfirmScreen(t: Translate, receipt: string): Screen {
  const keyboard = new InlineKeyboard()
    .text(t("receipt.withdraw_yes"), receiptButton("confirm_withdraw", receipt))
    .row()
    .text(t("receipt.withdraw_no"), receiptButton("open", receipt));
  return { text: escapeHtml(t("receipt.withdraw_confirm")), keyboard };
}
