import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";
import { CONTINUE_PREFIX, REMINDERS_OFF } from "../../reminders/reminder-scheduler.ts";
import { keyboardWithout } from "../../screens/keyboard-without.ts";

const CONTINUE_PATTERN = new RegExp(`^${CONTINUE_PREFIX}([A-Za-z0-9_-]+)$`);

/** The buttons of a reminder: continue the unfinished questionnaire, or no more reminders. */
export const remindersFeature = new Composer<BotContext>();
const privateChat = remindersFeature.chatType("private");

privateChat.callbackQuery(CONTINUE_PATTERN, async (ctx) => {
  const { services } = ctx;
  const chat = await ctx.expertChat();
  const questionnaire = ctx.match[1] ?? "";
  const wave = await services.waves.openWave(questionnaire);
  const draft = wave && (await services.drafts.find(wave.id, chat.pseudonym));
  if (!draft || draft.submittedAt) {
    await ctx.answerCallbackQuery({ text: chat.t("reminders:reminder.nothing_to_continue") });
    await chat.showCurrent("send");
    return;
  }
  await ctx.answerCallbackQuery();
  // The expert may have moved to another questionnaire since: the reminder brings them back to this one.
  await chat.update({ questionnaire, anonymous: false, stage: "answering" });
  await chat.showCurrent("send");
});

privateChat.callbackQuery(REMINDERS_OFF, async (ctx) => {
  const pseudonym = ctx.services.pseudonyms.participant(ctx.from.id);
  await ctx.services.experts.update(pseudonym, { remindersEnabled: false });
  await ctx.answerCallbackQuery({ text: ctx.t("reminders:reminder.turned_off") });
  await ctx.editMessageReplyMarkup({
    reply_markup: keyboardWithout(ctx.callbackQuery.message?.reply_markup, REMINDERS_OFF),
  });
});
