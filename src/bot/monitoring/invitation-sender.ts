import { GrammyError, InlineKeyboard } from "grammy";
import type { InvitationRecipient } from "../../db/invitation-repository.ts";
import type { Wave } from "../../db/wave-repository.ts";
import { isLanguage, languageFromTelegram } from "../../i18n/translator.ts";
import type { BotServices } from "../context.ts";
import { questionnaireTitle } from "../screens/labels.ts";

export interface InvitationTally {
  /** Invitations this run is sending. */
  total: number;
  sent: number;
  blocked: number;
  failed: number;
}

/** Sends in flight at once: enough to keep the throttler's 30 a second busy, few enough that a crash loses little. */
const CONCURRENT_SENDS = 8;

/** Payload of the invitation's "no more invitations" button. */
export const STOP_INVITATIONS = "inv:no";

/**
 * Invites to `wave` every expert who asked for it, each at most once however often it runs: an invitation
 * is claimed in the database before it is sent. The button opens the questionnaire through the bot's deep
 * link. `onProgress` hears the tally after each invitation.
 */
export async function sendInvitations(
  services: BotServices,
  wave: Wave,
  botUsername: string,
  onProgress: (tally: InvitationTally) => Promise<void>,
): Promise<InvitationTally> {
  const queue = services.invitations.recipients(wave.questionnaire, wave.number, wave.id);
  const tally: InvitationTally = { total: queue.length, sent: 0, blocked: 0, failed: 0 };
  const invite = async (recipient: InvitationRecipient) => {
    if (!services.invitations.claim(wave.id, recipient.expert, services.now())) {
      tally.total -= 1;
      return;
    }
    const status = await deliver(services, wave, botUsername, recipient);
    services.invitations.finish(wave.id, recipient.expert, status, services.now());
    tally[status] += 1;
    await onProgress({ ...tally });
  };
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await invite(next);
  };
  await Promise.all(Array.from({ length: CONCURRENT_SENDS }, worker));
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
    .url(t("monitoring:invitations.start"), `https://t.me/${botUsername}?start=${wave.questionnaire}`)
    .row()
    .text(t("monitoring:invitations.stop"), STOP_INVITATIONS);
  const text = t("monitoring:invitations.text", {
    title: questionnaireTitle(t, wave.questionnaire),
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
