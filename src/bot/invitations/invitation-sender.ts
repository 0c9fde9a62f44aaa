import { GrammyError, InlineKeyboard } from "grammy";
import type { InvitationRecipient } from "../../db/invitation-repository.ts";
import type { Wave } from "../../db/wave-repository.ts";
import { isLanguage, languageFromTelegram } from "../../i18n/translator.ts";
import type { BotServices } from "../bot-services.ts";
import { titleOf } from "../screens/labels.ts";

export interface InvitationTally {
  /** Invitations this run is sending. */
  total: number;
  sent: number;
  blocked: number;
  failed: number;
  /** Of those, invitations an earlier run had claimed and was stopped before it knew the outcome. */
  resent: number;
  /** Invitations left unsent because the bot is stopping. */
  left: number;
}

/** Sends in flight at once: enough to keep the throttler's 30 a second busy, few enough that a crash loses little. */
const CONCURRENT_SENDS = 8;

/** Payload of the invitation's "no more invitations" button. */
export const STOP_INVITATIONS = "inv:no";

/**
 * Invites to `wave` every expert who asked for it, however often it runs: an invitation is claimed in the
 * database before it is sent, and one an earlier run left unfinished is sent again (see
 * InvitationRepository). The caller makes sure this is the only run for the wave in the process. The button
 * opens the questionnaire through the bot's deep link. `onProgress` hears the tally after each invitation;
 * once `stop` aborts, no further invitation is claimed and those on their way are finished.
 */
export async function sendInvitations(
  services: BotServices,
  wave: Wave,
  botUsername: string,
  onProgress: (tally: InvitationTally) => Promise<void>,
  stop: AbortSignal,
): Promise<InvitationTally> {
  const startedAt = services.now();
  const queue = await services.invitations.recipients(wave.questionnaire, wave.number, wave.id, startedAt);
  const tally: InvitationTally = { total: queue.length, sent: 0, blocked: 0, failed: 0, resent: 0, left: 0 };
  const invite = async (recipient: InvitationRecipient) => {
    if (!(await services.invitations.claim(wave.id, recipient.expert, services.now(), startedAt))) {
      tally.total -= 1;
      return;
    }
    const status = await deliver(services, wave, botUsername, recipient);
    await services.invitations.finish(wave.id, recipient.expert, status, services.now());
    tally[status] += 1;
    if (recipient.interrupted) tally.resent += 1;
    await onProgress({ ...tally });
  };
  const worker = async () => {
    for (let next = queue.shift(); next && !stop.aborted; next = queue.shift()) await invite(next);
  };
  await Promise.all(Array.from({ length: CONCURRENT_SENDS }, worker));
  tally.left = tally.total - tally.sent - tally.blocked - tally.failed;
  return tally;
}

async function deliver(
  services: BotServices,
  wave: Wave,
  botUsername: string,
  recipient: InvitationRecipient,
): Promise<"sent" | "blocked" | "failed"> {
  const language = isLanguage(recipient.language) ? recipient.language : languageFromTelegram(undefined);
  const t = services.translations.forLanguage(language);
  const keyboard = new InlineKeyboard()
    .url(t("waves:invitations.start"), `https://t.me/${botUsername}?start=${wave.questionnaire}`)
    .row()
    .text(t("waves:invitations.stop"), STOP_INVITATIONS);
  const text = t("waves:invitations.text", {
    title: titleOf(t, services.questionnaires, wave.questionnaire),
    wave: wave.number,
  });
  try {
    await services.broadcastApi.sendMessage(recipient.telegramId, text, {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
    return "sent";
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) return "blocked";
    services.logger.warn(
      { wave: wave.id, error: error instanceof Error ? error.message : String(error) },
      "invitation not delivered",
    );
    return "failed";
  }
}
