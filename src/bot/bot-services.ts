import type { Api } from "grammy";
import type { Logger } from "pino";
import type { ConversationStateRepository } from "../db/conversation-state-repository.ts";
import type { DraftRepository } from "../db/draft-repository.ts";
import type { ExpertRepository } from "../db/expert-repository.ts";
import type { FormRepository } from "../db/form-repository.ts";
import type { HandledUpdateRepository } from "../db/handled-update-repository.ts";
import type { InvitationRepository } from "../db/invitation-repository.ts";
import type { ParticipantRepository } from "../db/participant-repository.ts";
import type { QuotaRepository } from "../db/quota-repository.ts";
import type { ReminderRepository } from "../db/reminder-repository.ts";
import type { ResultRepository } from "../db/result-repository.ts";
import type { SubmissionRepository } from "../db/submission-repository.ts";
import type { SurveyStore } from "../db/survey-store.ts";
import type { TallyRepository } from "../db/tally-repository.ts";
import type { WaveRepository } from "../db/wave-repository.ts";
import type { Translations } from "../i18n/translator.ts";
import type { GuessLimiter } from "../privacy/guess-limiter.ts";
import type { Pseudonyms } from "../privacy/pseudonyms.ts";
import type { QuestionnaireCatalog } from "../questionnaire/catalog.ts";
import type { InvitationRuns } from "./invitations/invitation-runs.ts";

/** What the bot's features need from the rest of the program; tests pass their own. */
export interface BotServices {
  /** The database: its repositories below, and what holds across instances (a person's lock). */
  store: SurveyStore;
  questionnaires: QuestionnaireCatalog;
  translations: Translations;
  pseudonyms: Pseudonyms;
  /** Wrong receipts per participant: guessing is slowed down. */
  receiptGuesses: GuessLimiter;
  waves: WaveRepository;
  /** Installed forms and uploads waiting for a coordinator's confirmation. */
  forms: FormRepository;
  participants: ParticipantRepository;
  /** Responses being answered. */
  drafts: DraftRepository;
  /** Submit, and sealed responses reopened or withdrawn by their receipts. */
  submissions: SubmissionRepository;
  /** Submitted responses as statistics, exports and imports read them. */
  results: ResultRepository;
  reminders: ReminderRepository;
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
