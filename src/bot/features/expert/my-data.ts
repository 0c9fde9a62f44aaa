import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.ts";
import { myDataLines, packMessages, type StoredAboutExpert } from "./my-data-text.ts";

const DELETE = "del:yes";
const KEEP = "del:no";

/**
 * `/my_data` shows a named expert everything stored about them; `/delete_my_data` deletes it after a
 * confirmation, with any unfinished anonymous draft. Submitted anonymous responses carry no link to the account,
 * so neither command can reach them: only their receipt does.
 */
export const myDataFeature = new Composer<BotContext>();
const privateChat = myDataFeature.chatType("private");

privateChat.command("my_data", async (ctx) => {
  for (const text of packMessages(myDataLines(ctx.t, await storedAbout(ctx, ctx.from.id))))
    await ctx.reply(text);
});

privateChat.command("delete_my_data", async (ctx) => {
  const { t } = ctx;
  const count = (await storedAbout(ctx, ctx.from.id)).responses.length;
  const keyboard = new InlineKeyboard()
    .text(t("bot:delete.yes"), DELETE)
    .row()
    .text(t("bot:delete.no"), KEEP);
  await ctx.reply(t("bot:delete.confirm", { count }), { reply_markup: keyboard });
});

privateChat.callbackQuery(DELETE, async (ctx) => {
  const { services, t } = ctx;
  const drafts = [...services.questionnaires.keys()].map((id) =>
    services.pseudonyms.anonymousRespondent(ctx.from.id, id),
  );
  const count = await services.experts.deleteEverything(services.pseudonyms.participant(ctx.from.id), drafts);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(t("bot:delete.done", { count }));
});

privateChat.callbackQuery(KEEP, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("bot:delete.cancelled"));
});

async function storedAbout(ctx: BotContext, telegramId: number): Promise<StoredAboutExpert> {
  const { services } = ctx;
  const pseudonym = services.pseudonyms.participant(telegramId);
  const responses: StoredAboutExpert["responses"] = [];
  for (const response of await services.drafts.ofRespondent(pseudonym)) {
    const questionnaire = services.questionnaires.get(response.questionnaire);
    if (questionnaire)
      responses.push({ response, questionnaire, answers: await services.drafts.answersOf(response.id) });
  }
  return {
    expert: await services.experts.find(pseudonym),
    participant: await services.participants.find(pseudonym),
    responses,
  };
}
