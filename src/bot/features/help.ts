import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { languageScreen } from "../screens/onboarding-screens.ts";

/** `/help`, `/language` and `/cancel`: available at any point of the survey. */
export const helpFeature = new Composer<BotContext>();
const privateChat = helpFeature.chatType("private");

privateChat.command("help", async (ctx) => {
  const chat = await ctx.expertChat();
  await ctx.reply(chat.t("help"), { parse_mode: "HTML" });
});

privateChat.command("language", async (ctx) => {
  const chat = await ctx.expertChat();
  await chat.present((revision) => languageScreen(chat.t, chat.language, revision), "send");
});

privateChat.command("cancel", async (ctx) => {
  const chat = await ctx.expertChat();
  const answering = chat.participant.stage === "answering" || chat.participant.stage === "submitted";
  await chat.retireScreen({ stage: answering ? chat.participant.stage : "language" });
  await ctx.reply(chat.t("cancelled"));
});
