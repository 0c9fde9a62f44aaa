import { conversations } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { BotServices } from "../../bot-services.ts";
import type { BotContext } from "../../context.ts";
import { isCoordinator } from "./coordinator-access.ts";
import { formInstallButtons } from "./form-install.ts";
import { interchangeFeature } from "./interchange.ts";
import { quotaCommands } from "./quotas.ts";
import { replyWithSample } from "./sample.ts";
import { SUMMARY_CONVERSATION, summaryConversation, turnSummaryPage } from "./summary.ts";
import { waveCommands } from "./waves.ts";

export const COORDINATOR_COMMANDS = [
  "summary",
  "sample",
  "export",
  "waves",
  "wave_open",
  "wave_close",
  "invite",
  "quota",
  "quota_set",
] as const;

/**
 * Coordinators' commands. Everyone else, a coordinator in a group and a forwarded command included, gets a
 * polite "not available" and sees no figure.
 */
export function coordinatorFeature(services: BotServices): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const coordinator = feature.filter(isCoordinator);
  // Before the conversations, so that an export, an upload or a wave or quota command is not taken for an
  // answer to an open /summary.
  coordinator.use(interchangeFeature);
  coordinator.use(formInstallButtons);
  coordinator.use(waveCommands);
  coordinator.use(quotaCommands);
  coordinator.use(
    conversations<BotContext, Context>({
      storage: { type: "key", version: 1, prefix: "coordinator:", adapter: services.conversationStates },
    }),
  );
  coordinator.use(summaryConversation(services));
  coordinator.command("summary", async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(SUMMARY_CONVERSATION);
  });
  coordinator.command("sample", replyWithSample);
  coordinator.callbackQuery(/^sum:p:/, async (ctx, next) => {
    if (!(await turnSummaryPage(ctx))) await next();
  });

  feature.command([...COORDINATOR_COMMANDS], async (ctx) => {
    const group =
      ctx.chat.type !== "private" && ctx.from !== undefined && services.coordinatorIds.has(ctx.from.id);
    await ctx.reply(ctx.t(group ? "coordinator:private_only" : "coordinator:not_available"));
  });
  feature.callbackQuery(/^sum:/, (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("coordinator:not_available") }),
  );
  feature.callbackQuery(/^export:/, (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("coordinator:not_available") }),
  );
  feature.callbackQuery(/^form:/, (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("coordinator:not_available") }),
  );
  feature.callbackQuery(/^wave:/, (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("coordinator:not_available") }),
  );
  return feature;
}
