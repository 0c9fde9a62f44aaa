import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Api, Context } from "grammy";
import type { Logger } from "pino";
import type { ConversationStateRepository } from "../db/conversation-state-repository.ts";
import type { ExpertRepository } from "../db/expert-repository.ts";
import type { FormRepository } from "../db/form-repository.ts";
import type { HandledUpdateRepository } from "../db/handled-update-repository.ts";
import type { InvitationRepository } from "../db/invitation-repository.ts";
import type { ParticipantRepository } from "../db/participant-repository.ts";
import type { QuotaRepository } from "../db/quota-repository.ts";
import type { ResponseRepository } from "../db/response-repository.ts";
import type { TallyRepository } from "../db/tally-repository.ts";
import type { WaveRepository } from "../db/wave-repository.ts";
import type { Translate, Translations } from "../i18n/translator.ts";
import type { GuessLimiter } from "../privacy/guess-limiter.ts";
import type { Pseudonyms } from "../privacy/pseudonyms.ts";
import type { QuestionnaireCatalog } from "../questionnaire/catalog.ts";
import type { ExpertChat } from "./expert-chat.ts";
import type { InvitationRuns } from "./invitations/invitation-runs.ts";

/** What the bot's features need from the rest of the program; tests pass their own. */
export interface BotServices {
  questionnaires: QuestionnaireCatalog;
  translations: Translations;
  pseudonyms: Pseudonyms;
  /** Wrong receipts per participant: guessing is slowed down. */
  receiptGuesses: GuessLimiter;
  waves: WaveRepository;
  /** Installed forms and uploads waiting for a coordinator's confirmation. */
  forms: FormRepository;
  participants: ParticipantRepository;
  responses: ResponseRepository;
  tallies: TallyRepository;
  handledUpdates: HandledUpdateRepository;
  experts: ExpertRepository;
  quotas: QuotaRepository;
  invitations: InvitationRepository;
  /** The invitation runs under way in this process, stopped with the bot. */
  invitationRuns: InvitationRuns;
  /** For messages to many experts (invitations, reminders): throttled to Telegram's limits, retried on 429. */
  broadcastApi: Api;
  coordinatorIds: ReadonlySet<number>;
  conversationStates: ConversationStateRepository;
  logger: Logger;
  now: () => Date;
}

export interface SurveyFlavor {
  services: BotServices;
  /** Translator for the language this user chose (or their Telegram client's, until they choose). */
  t: Translate;
  /** The sender's private chat with the survey, loaded once per update (created on first contact). */
  expertChat: () => ExpertChat;
}

/** Context of the bot's own middleware; conversations see a plain Context and get services by closure. */
export type BotContext = ConversationFlavor<Context & SurveyFlavor>;
