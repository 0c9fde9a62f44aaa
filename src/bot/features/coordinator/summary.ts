import { type Conversation, createConversation } from "@grammyjs/conversations";
import { type Context, InlineKeyboard } from "grammy";
import type { WaveSelection } from "../../../db/summary-source.ts";
import { isLanguage, type Language, languageFromTelegram } from "../../../i18n/translator.ts";
import type { BotServices } from "../../bot-services.ts";
import type { BotContext } from "../../context.ts";
import { questionnaireTitle } from "../../screens/labels.ts";
import { parsePageAddress, sendSummaryPage, summaryPagesFor } from "./summary-view.ts";

export const SUMMARY_CONVERSATION = "summary";

async function languageOf(services: BotServices, ctx: Context): Promise<Language> {
  const stored = ctx.from && (await services.participants.find(services.pseudonyms.participant(ctx.from.id)));
  return isLanguage(stored?.language) ? stored.language : languageFromTelegram(ctx.from?.language_code);
}

/**
 * `/summary`: the coordinator picks a questionnaire, then a wave or the comparison of the last two waves, and
 * gets the first page of the summary.
 */
export function summaryConversation(services: BotServices) {
  return createConversation<BotContext, Context>(
    async (conversation: Conversation<BotContext, Context>, ctx: Context) => {
      const t = services.translations.forLanguage(
        await conversation.external(() => languageOf(services, ctx)),
      );
      const questionnaires = new InlineKeyboard();
      for (const questionnaire of services.questionnaires.values()) {
        questionnaires.text(questionnaireTitle(t, questionnaire), `sum:q:${questionnaire.id}`).row();
      }
      await ctx.reply(t("coordinator:pick_questionnaire"), { reply_markup: questionnaires });
      // Anything but the expected button goes on to the rest of the bot: a coordinator may also be an expert.
      const passOn = { otherwise: () => conversation.skip({ next: true }) };
      const picked = await conversation.waitForCallbackQuery(/^sum:q:/, passOn);
      const questionnaireId = picked.callbackQuery.data.slice("sum:q:".length);
      await picked.answerCallbackQuery();
      const numbers = await conversation.external(async () =>
        (await services.waves.list(questionnaireId)).map((wave) => wave.number),
      );
      const waves = new InlineKeyboard();
      for (const number of numbers) waves.text(t("coordinator:wave", { number }), `sum:w:${number}`).row();
      if (numbers.length >= 2) {
        waves.text(t("coordinator:compare", { from: numbers.at(-2), to: numbers.at(-1) }), "sum:w:all").row();
      }
      await picked.editMessageText(t("coordinator:pick_wave"), { reply_markup: waves });
      const chosen = await conversation.waitForCallbackQuery(/^sum:w:/, passOn);
      await chosen.answerCallbackQuery();
      const value = chosen.callbackQuery.data.slice("sum:w:".length);
      const selection: WaveSelection = value === "all" ? "all" : Number(value);
      await conversation.external(async () => {
        const pages = await summaryPagesFor(services, t, questionnaireId, selection);
        await sendSummaryPage(ctx.api, ctx.chat!.id, t, pages, { questionnaireId, selection, page: 0 });
      });
    },
    SUMMARY_CONVERSATION,
  );
}

/** The ◀️ ▶️ buttons of a summary: the old page is removed and the new one sent in its place. */
export async function turnSummaryPage(ctx: BotContext): Promise<boolean> {
  const address = parsePageAddress(ctx.callbackQuery?.data ?? "");
  if (!address || !ctx.chat || !ctx.services.questionnaires.has(address.questionnaireId)) return false;
  const pages = await summaryPagesFor(ctx.services, ctx.t, address.questionnaireId, address.selection);
  if (address.page >= pages.length) return false;
  await ctx.answerCallbackQuery();
  const current = ctx.callbackQuery?.message?.message_id;
  for (const id of [current, address.extraMessageId]) {
    if (id) await ctx.api.deleteMessage(ctx.chat.id, id).catch(() => undefined);
  }
  await sendSummaryPage(ctx.api, ctx.chat.id, ctx.t, pages, address);
  return true;
}
