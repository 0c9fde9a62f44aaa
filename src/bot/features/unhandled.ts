import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

/** Must be the last feature: whatever no other feature took still gets an answer in a private chat. */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.chatType("private").on("message", async (ctx) => {
  const chat = await ctx.expertChat();
  await ctx.reply(chat.t("unknown_command"));
});

unhandledFeature.chatType("private").on("edited_message", async (ctx) => {
  const chat = await ctx.expertChat();
  await ctx.reply(chat.t("edit_ignored"));
});

unhandledFeature.on("callback_query", async (ctx) => {
  const chat = ctx.from && ctx.chat?.type === "private" ? await ctx.expertChat() : undefined;
  await ctx.answerCallbackQuery(chat ? { text: chat.t("stale") } : {});
});
