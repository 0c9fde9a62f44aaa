import { Composer } from "grammy";
import { decodeButton } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import type { ActionHandlers } from "../../expert-actions.ts";
import { answeringActions } from "./answering.ts";
import { onboardingActions } from "./onboarding.ts";
import { submissionActions } from "./submission.ts";

const actions: ActionHandlers = { ...onboardingActions, ...answeringActions, ...submissionActions };

/**
 * Every button of the expert's screens. A press on a button of an earlier screen (a double tap, an old
 * message) changes nothing: it is answered with a note, and an old message brings the current screen back.
 */
export const expertButtonsFeature = new Composer<BotContext>();

expertButtonsFeature.chatType("private").on("callback_query:data", async (ctx, next) => {
  const press = decodeButton(ctx.callbackQuery.data);
  const handler = press && actions[press.action];
  if (!press || !handler) return next();
  const chat = await ctx.expertChat();
  if (press.revision !== chat.participant.screenRevision) {
    await ctx.answerCallbackQuery({ text: chat.t("stale") });
    if (ctx.callbackQuery.message?.message_id !== chat.participant.screenMessageId)
      await chat.showCurrent("send");
    return;
  }
  const toast = await handler(ctx, chat, press);
  await ctx.answerCallbackQuery(toast ? { text: toast } : {});
});
