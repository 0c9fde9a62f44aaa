import { Composer, InlineKeyboard } from "grammy";
import type { Wave } from "../../../db/wave-repository.ts";
import type { BotContext } from "../../context.ts";
import { activateStoredForm } from "../../form-activation.ts";
import { sendInvitations } from "../../invitations/invitation-sender.ts";
import { ProgressMessage } from "../../invitations/progress-message.ts";
import { isoDay } from "../../screens/iso-day.ts";
import { titleOf } from "../../screens/labels.ts";
import { escapeHtml } from "../../screens/screen.ts";

const OPEN_PATTERN = /^wave:open:([A-Za-z0-9_-]+):(\d+)$/;
const CANCEL = "wave:cancel";

/**
 * `/waves`, `/wave_open`, `/wave_close` and `/invite` for coordinators (the caller filters who gets here).
 *
 * Opening a wave is confirmed with a button whose payload names the wave it expects to be the latest:
 * the confirmation needs no stored conversation, survives a restart, and a double tap or an old button
 * cannot open two waves, because after the first the latest wave is no longer the one named.
 */
export const waveCommands = new Composer<BotContext>();

waveCommands.command("waves", async (ctx) => {
  const { services, t } = ctx;
  const lines = [t("waves:waves.title")];
  for (const id of services.questionnaires.keys()) {
    lines.push(
      "",
      t("waves:waves.questionnaire", { title: escapeHtml(titleOf(t, services.questionnaires, id)) }),
    );
    const waves = await services.waves.list(id);
    if (waves.length === 0) lines.push(t("waves:waves.none"));
    for (const wave of waves) lines.push(await waveLine(ctx, wave));
    const open = await services.waves.openWave(id);
    const interrupted =
      open && !services.invitationRuns.isRunning(open.id)
        ? await services.invitations.countInterrupted(open.id)
        : 0;
    if (interrupted > 0)
      lines.push(t("waves:invitations_interrupted.line", { count: interrupted, questionnaire: id }));
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
});

waveCommands.command("wave_open", async (ctx) => {
  const id = await questionnaireArgument(ctx, "wave_open");
  if (!id) return;
  const { services, t } = ctx;
  const open = await services.waves.openWave(id);
  const latest = (await services.waves.latest(id))?.number ?? 0;
  const values = {
    title: titleOf(t, services.questionnaires, id),
    next: latest + 1,
    invitations: (await services.invitations.recipients(id, latest + 1)).length,
    ...(open ? { current: open.number, ...(await counts(ctx, open)) } : {}),
  };
  const keyboard = new InlineKeyboard()
    .text(t("waves:waves.open_button", values), `wave:open:${id}:${latest}`)
    .row()
    .text(t("waves:waves.cancel_button"), CANCEL);
  await ctx.reply(t(open ? "waves:waves.confirm_replace" : "waves:waves.confirm_open", values), {
    reply_markup: keyboard,
  });
});

waveCommands.callbackQuery(OPEN_PATTERN, async (ctx) => {
  const [, id = "", expected = ""] = ctx.match;
  const { services, t } = ctx;
  if (
    !services.questionnaires.has(id) ||
    ((await services.waves.latest(id))?.number ?? 0) !== Number(expected)
  ) {
    await ctx.answerCallbackQuery({ text: t("waves:waves.changed") });
    return;
  }
  const wave = await services.waves.openNext(id, services.now());
  if (wave.formVersion !== null) await activateStoredForm(services, id, wave.formVersion);
  await ctx.answerCallbackQuery();
  const title = titleOf(t, services.questionnaires, id);
  const heading = `${t("waves:waves.opened", { title, number: wave.number })}\n\n`;
  await ctx.editMessageText(heading + t("waves:invitations.sending", { title, wave: wave.number }));
  // The confirmation becomes the progress message, so the invitations are the first messages sent.
  const messageId = ctx.callbackQuery.message!.message_id;
  await inviteToWave(ctx, wave, new ProgressMessage(ctx.api, ctx.chat!.id, messageId), heading);
});

waveCommands.callbackQuery(CANCEL, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("waves:waves.cancelled"));
});

waveCommands.command("wave_close", async (ctx) => {
  const id = await questionnaireArgument(ctx, "wave_close");
  if (!id) return;
  const { services, t } = ctx;
  const wave = await services.waves.close(id, services.now());
  const title = titleOf(t, services.questionnaires, id);
  await ctx.reply(
    wave
      ? t("waves:waves.closed", { title, number: wave.number, ...(await counts(ctx, wave)) })
      : t("waves:waves.nothing_open", { title }),
  );
});

/** Sends the open wave's invitations that have not gone out, e.g. after a restart cut a run short. */
waveCommands.command("invite", async (ctx) => {
  const id = await questionnaireArgument(ctx, "invite");
  if (!id) return;
  const wave = await ctx.services.waves.openWave(id);
  if (!wave) {
    await ctx.reply(
      ctx.t("waves:waves.nothing_open", { title: titleOf(ctx.t, ctx.services.questionnaires, id) }),
    );
    return;
  }
  const values = { title: titleOf(ctx.t, ctx.services.questionnaires, id), wave: wave.number };
  const message = await ctx.reply(ctx.t("waves:invitations.sending", values));
  await inviteToWave(ctx, wave, new ProgressMessage(ctx.api, message.chat.id, message.message_id));
});

/**
 * Invites the experts who asked for it, unless a run for the wave is under way already. The coordinator
 * follows the progress and then reads the count in one message, under `heading` (the wave just opened) when
 * there is one; invitations sent again after an interruption, or left unsent because the bot is stopping,
 * are named there.
 */
async function inviteToWave(
  ctx: BotContext,
  wave: Wave,
  progress: ProgressMessage,
  heading = "",
): Promise<void> {
  const { t, services } = ctx;
  const values = { title: titleOf(t, services.questionnaires, wave.questionnaire), wave: wave.number };
  const tally = await services.invitationRuns.exclusive(wave.id, (stop) =>
    sendInvitations(
      services,
      wave,
      ctx.me.username,
      (soFar) => {
        const done = soFar.sent + soFar.blocked + soFar.failed;
        return progress.update(
          done,
          soFar.total,
          () => heading + t("waves:invitations.progress", { ...values, done, total: soFar.total }),
        );
      },
      stop,
    ),
  );
  if (!tally) {
    await progress.finish(heading + t("waves:invitations_interrupted.already_running", values));
    return;
  }
  const lines = [heading + t("waves:invitations.done", { ...values, ...tally })];
  if (tally.resent > 0) lines.push(t("waves:invitations_interrupted.resent", { count: tally.resent }));
  if (tally.left > 0) {
    lines.push(
      t("waves:invitations_interrupted.stopped", {
        count: tally.left,
        questionnaire: wave.questionnaire,
      }),
    );
  }
  await progress.finish(lines.join("\n"));
}

async function counts(ctx: BotContext, wave: Wave): Promise<{ submitted: number; unfinished: number }> {
  return {
    submitted: await ctx.services.results.countSubmitted(wave.id),
    unfinished: await ctx.services.results.countUnfinished(wave.id),
  };
}

async function waveLine(ctx: BotContext, wave: Wave): Promise<string> {
  const values = {
    number: wave.number,
    opened: isoDay(wave.openedAt),
    closed: wave.closedAt ? isoDay(wave.closedAt) : "",
    ...(await counts(ctx, wave)),
  };
  return ctx.t(wave.closedAt ? "waves:waves.closed_line" : "waves:waves.open_line", values);
}

/** The questionnaire named after the command, or undefined after telling the coordinator how to name it. */
async function questionnaireArgument(ctx: BotContext, command: string): Promise<string | undefined> {
  const written = (typeof ctx.match === "string" ? ctx.match : "").trim().toLowerCase();
  const id = [...ctx.services.questionnaires.keys()].find((known) => known.toLowerCase() === written);
  if (id) return id;
  const ids = [...ctx.services.questionnaires.keys()].join(", ");
  await ctx.reply(ctx.t("waves:usage.questionnaire", { command, ids }));
  return undefined;
}
