import { randomUUID } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { RemindableResponse } from "../../db/reminder-repository.ts";
import { isLanguage, languageFromTelegram } from "../../i18n/translator.ts";
import { progress } from "../../questionnaire/engine.ts";
import { firstToAnswer } from "../../questionnaire/response-flow.ts";
import { dueReminders } from "../../reminders/reminder-selection.ts";
import type { BotServices } from "../bot-services.ts";
import { questionnaireTitle } from "../screens/labels.ts";

const DEFAULT_INTERVAL_MS = 15 * 60 * 1000;

/** Payloads of the reminder's buttons. */
export const CONTINUE_PREFIX = "rem:go:";
export const REMINDERS_OFF = "rem:off";

/** The lease on the reminder round: one instance sends reminders while it runs and renews it. */
const REMINDER_LEASE = "reminders";

/**
 * Reminds named experts of an unfinished questionnaire, once, a day after they last answered. Runs every
 * `intervalMs` once started; the time comes from `services.now`, so tests move the clock instead of waiting.
 * With several instances on one database, the one holding the reminder lease runs the rounds; each reminder
 * is also marked before it is sent, so even two rounds at once send it once.
 */
export class ReminderScheduler {
  readonly #holder = randomUUID();
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;
  #stopping = false;

  constructor(
    private readonly services: BotServices,
    private readonly intervalMs = DEFAULT_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.#timer) return;
    this.#stopping = false;
    this.#timer = setInterval(() => {
      // A round still sending (many reminders, Telegram's limits) is not overtaken by the next one.
      if (this.#round) return;
      this.#round = this.remindDueIfLeased()
        .then(
          () => undefined,
          (error: unknown) => {
            this.services.logger.error({ error: String(error) }, "reminder round failed");
          },
        )
        .finally(() => {
          this.#round = undefined;
        });
    }, this.intervalMs);
  }

  /** Stops the timer and waits for a round under way, which ends after the reminder it is sending. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#stopping = true;
    await this.#round;
  }

  /** Runs a round when this instance holds the reminder lease (taken or renewed now); else nothing. */
  async remindDueIfLeased(): Promise<number> {
    const leased = await this.services.store.leases.acquire(
      REMINDER_LEASE,
      this.#holder,
      this.services.now(),
      2 * this.intervalMs,
    );
    return leased ? this.remindDue() : 0;
  }

  /** Sends every reminder that is due now; returns how many were delivered. */
  async remindDue(): Promise<number> {
    const now = this.services.now();
    let delivered = 0;
    for (const draft of dueReminders(await this.services.reminders.remindable(), now)) {
      if (this.#stopping) break;
      // Marked before sending: a crash may lose a reminder but never sends one twice.
      if (!(await this.services.reminders.markReminded(draft.responseId, now))) continue;
      if (await this.#send(draft)) delivered += 1;
    }
    return delivered;
  }

  async #send(draft: RemindableResponse): Promise<boolean> {
    const questionnaire = this.services.questionnaires.get(draft.questionnaire);
    if (!questionnaire) return false;
    const t = this.services.translations.forLanguage(
      isLanguage(draft.language) ? draft.language : languageFromTelegram(undefined),
    );
    const answers = await this.services.drafts.answersOf(draft.responseId);
    const flow = { anonymous: false };
    const current = draft.currentQuestion ?? firstToAnswer(questionnaire, answers, flow)?.id;
    const { position, total } = current
      ? progress(questionnaire, answers, current, flow)
      : { position: 0, total: 0 };
    const text = t("reminders:reminder.text", {
      title: questionnaireTitle(t, questionnaire),
      position: position || total,
      total,
    });
    const keyboard = new InlineKeyboard()
      .text(t("reminders:reminder.continue"), `${CONTINUE_PREFIX}${questionnaire.id}`)
      .row()
      .text(t("reminders:reminder.off"), REMINDERS_OFF);
    try {
      await this.services.broadcastApi.sendMessage(draft.telegramId, text, { reply_markup: keyboard });
      return true;
    } catch (error) {
      this.services.logger.warn(
        { response: draft.responseId, error: error instanceof Error ? error.message : String(error) },
        "reminder not delivered",
      );
      return false;
    }
  }
}
