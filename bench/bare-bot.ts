import { run, sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
import { sequentialKeys } from "../src/delivery.ts";

/**
 * The floor the survey bot is compared with: grammY under the same runner settings as src/app.ts, storing
 * nothing. It answers every update with one sendMessage; with BARE_BOT_PRESS=edit-and-answer it answers a
 * button press as the survey bot must, with two calls: the message edited, then the press answered.
 */
const token = process.env.BOT_TOKEN;
const apiRoot = process.env.TELEGRAM_API_ROOT;
if (!token || !apiRoot) throw new Error("bare-bot needs BOT_TOKEN and TELEGRAM_API_ROOT");

const bot = new Bot(token, { client: { apiRoot } });
bot.use(sequentialize(sequentialKeys));
let edits = 0;
if (process.env.BARE_BOT_PRESS === "edit-and-answer") {
  bot.on("callback_query", async (ctx) => {
    // A new text each time: Telegram refuses an edit that changes nothing.
    edits += 1;
    await ctx.editMessageText(`ok ${edits}`);
    await ctx.answerCallbackQuery();
  });
}
bot.on(["message", "callback_query"], async (ctx) => {
  await ctx.reply("ok");
});
await bot.init();
const runner = run(bot, {
  runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query"] } },
});
const stop = async () => {
  if (runner.isRunning()) await runner.stop();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
