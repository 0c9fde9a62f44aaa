import { Composer } from "grammy";
import type { ReceiptResponse } from "../../../db/submission-repository.ts";
import { parseReceipt, receiptHash } from "../../../privacy/receipts.ts";
import type { BotContext } from "../../context.ts";
import type { ExpertChat, Placement } from "../../expert-chat.ts";
import {
  decodeReceiptButton,
  type ReceiptButtonAction,
  receiptResponseScreen,
  withdrawConfirmScreen,
} from "../../screens/receipt-screens.ts";

/**
 * The receipt is the only key to a submitted anonymous response: sent as a message, as `/start <receipt>`
 * or carried by the thank-you message's button, it shows the answers and, while the wave is open, lets the
 * expert change or withdraw them. Wrong receipts are counted and slowed down.
 */
export const receiptsFeature = new Composer<BotContext>();
const privateChat = receiptsFeature.chatType("private");

privateChat.on("message:text", async (ctx, next) => {
  const receipt = parseReceipt(ctx.message.text);
  if (!receipt) return next();
  await openByReceipt(ctx, receipt, "send");
});

privateChat.on("callback_query:data", async (ctx, next) => {
  const button = decodeReceiptButton(ctx.callbackQuery.data);
  if (!button) return next();
  const chat = await ctx.expertChat();
  const response = await findResponse(ctx, chat, button.receipt);
  if (!response.found) {
    await ctx.answerCallbackQuery({ text: chat.t(response.problem) });
    return;
  }
  const toast = await receiptActions[button.action](ctx, chat, response.found, button.receipt);
  await ctx.answerCallbackQuery(toast ? { text: toast } : {});
});

type ReceiptAction = (
  ctx: BotContext,
  chat: ExpertChat,
  response: ReceiptResponse,
  receipt: string,
) => Promise<string | undefined>;

const receiptActions: Record<ReceiptButtonAction, ReceiptAction> = {
  async open(ctx, chat, response, receipt) {
    await showResponse(ctx, chat, response, receipt, "edit");
    return undefined;
  },

  async change(ctx, chat, response) {
    if (!response.waveOpen) return chat.t("receipt.closed");
    const { services } = ctx;
    if (!response.anonymous) {
      if (response.respondentKey !== chat.pseudonym) return chat.t("receipt.not_yours");
      await chat.update({ questionnaire: response.questionnaire, anonymous: false, stage: "answering" });
    } else {
      const reopened = await services.submissions.reopen(
        response.id,
        {
          respondentKey: chat.respondentKey(response.questionnaire, true),
          marker: chat.submissionMarker(response.questionnaire, response.waveId),
        },
        services.now(),
      );
      if (!reopened) return chat.t("receipt.draft_exists");
      await chat.update({ questionnaire: response.questionnaire, anonymous: true, stage: "answering" });
    }
    await chat.showCurrent("edit");
    return chat.t("receipt.reopened");
  },

  async withdraw(_ctx, chat, response, receipt) {
    if (!response.waveOpen) return chat.t("receipt.closed");
    await chat.present(() => withdrawConfirmScreen(chat.t, receipt), "edit");
    return undefined;
  },

  async confirm_withdraw(ctx, chat, response) {
    if (!response.waveOpen) return chat.t("receipt.closed");
    if (!response.anonymous && response.respondentKey !== chat.pseudonym) return chat.t("receipt.not_yours");
    await ctx.services.submissions.withdraw(
      response.id,
      chat.submissionMarker(response.questionnaire, response.waveId),
    );
    if (chat.participant.questionnaire === response.questionnaire && chat.participant.stage === "submitted")
      await chat.update({ stage: "questionnaire", questionnaire: null, anonymous: null });
    await chat.present(() => ({ text: chat.t("receipt.withdrawn") }), "edit");
    return undefined;
  },
};

/** Opens a response by a receipt the expert typed or linked to. */
export async function openByReceipt(ctx: BotContext, receipt: string, placement: Placement): Promise<void> {
  const chat = await ctx.expertChat();
  const response = await findResponse(ctx, chat, receipt);
  if (!response.found) {
    await ctx.reply(chat.t(response.problem));
    return;
  }
  await showResponse(ctx, chat, response.found, receipt, placement);
}

async function findResponse(
  ctx: BotContext,
  chat: ExpertChat,
  receipt: string,
): Promise<{ found: ReceiptResponse; problem?: never } | { found?: never; problem: string }> {
  const { services } = ctx;
  const now = services.now();
  if (services.receiptGuesses.blocked(chat.pseudonym, now)) return { problem: "receipt.too_many" };
  const found = await services.submissions.findByReceipt(receiptHash(receipt));
  if (found && services.questionnaires.has(found.questionnaire)) return { found };
  services.receiptGuesses.fail(chat.pseudonym, now);
  return { problem: "receipt.unknown" };
}

async function showResponse(
  ctx: BotContext,
  chat: ExpertChat,
  response: ReceiptResponse,
  receipt: string,
  placement: Placement,
): Promise<void> {
  const questionnaire = ctx.services.questionnaires.get(response.questionnaire)!;
  const answers = await ctx.services.drafts.answersOf(response.id);
  const yours = response.anonymous || response.respondentKey === chat.pseudonym;
  const mayAct = response.waveOpen && yours;
  const note = !response.waveOpen ? "receipt.closed" : yours ? "receipt.hint" : "receipt.not_yours";
  await chat.present(
    () => receiptResponseScreen(chat.t, questionnaire, { ...response, answers }, receipt, { mayAct, note }),
    placement,
  );
}
