import type { ApiClientOptions } from "grammy";
import type { Logger } from "pino";
import { ConversationStateRepository } from "../db/conversation-state-repository.ts";
import { ExpertRepository } from "../db/expert-repository.ts";
import { FormRepository } from "../db/form-repository.ts";
import { HandledUpdateRepository } from "../db/handled-update-repository.ts";
import { InvitationRepository } from "../db/invitation-repository.ts";
import { ParticipantRepository } from "../db/participant-repository.ts";
import { QuotaRepository } from "../db/quota-repository.ts";
import { ResponseRepository } from "../db/response-repository.ts";
import { SettingRepository } from "../db/setting-repository.ts";
import type { SurveyDatabase } from "../db/sqlite/open-sqlite.ts";
import { TallyRepository } from "../db/tally-repository.ts";
import { WaveRepository } from "../db/wave-repository.ts";
import type { Translations } from "../i18n/translator.ts";
import { loadInstalledForms } from "../interchange/installed-forms.ts";
import { GuessLimiter } from "../privacy/guess-limiter.ts";
import { bindPseudonymKey } from "../privacy/key-binding.ts";
import { Pseudonyms } from "../privacy/pseudonyms.ts";
import { QuestionnaireCatalog } from "../questionnaire/catalog.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import type { BotServices } from "./bot-services.ts";
import { createBroadcastApi } from "./invitations/broadcast-api.ts";
import { InvitationRuns } from "./invitations/invitation-runs.ts";

export interface ServiceOptions {
  db: SurveyDatabase;
  /** Questionnaires offered besides the forms installed in the database (tests give theirs here). */
  questionnaires?: ReadonlyMap<string, Questionnaire>;
  translations: Translations;
  pseudonymKey: string;
  token: string;
  client?: ApiClientOptions;
  coordinatorIds: Iterable<number>;
  logger: Logger;
  now: () => Date;
}

/**
 * Everything the bot's features use, over one database: the installed forms (the study's and those
 * coordinators installed), each in the version its open wave runs; opens wave 1 of every questionnaire that
 * has none.
 * Refuses a pseudonym key other than the database's (`KeyMismatchError`) and severs anonymous responses
 * stored before they were sealed at Submit.
 *
 * @example
 * const services = createServices({ db: openDatabase(":memory:"), questionnaires, translations, ... });
 */
export function createServices(options: ServiceOptions): BotServices {
  const { db } = options;
  const pseudonyms = new Pseudonyms(options.pseudonymKey);
  bindPseudonymKey(new SettingRepository(db), pseudonyms);
  const services: BotServices = {
    questionnaires: new QuestionnaireCatalog(options.questionnaires ?? []),
    translations: options.translations,
    pseudonyms,
    receiptGuesses: new GuessLimiter(),
    waves: new WaveRepository(db),
    forms: new FormRepository(db),
    participants: new ParticipantRepository(db),
    responses: new ResponseRepository(db),
    tallies: new TallyRepository(db),
    handledUpdates: new HandledUpdateRepository(db),
    experts: new ExpertRepository(db),
    quotas: new QuotaRepository(db),
    invitations: new InvitationRepository(db),
    invitationRuns: new InvitationRuns(),
    broadcastApi: createBroadcastApi(options.token, options.client),
    conversationStates: new ConversationStateRepository(db),
    coordinatorIds: new Set(options.coordinatorIds),
    logger: options.logger,
    now: options.now,
  };
  const installed = loadInstalledForms(services, {
    otherLabel: options.translations.inEveryLanguage("other_option"),
  });
  for (const questionnaire of installed.questionnaires.values())
    services.questionnaires.install(questionnaire);
  if (installed.unreadable.length > 0)
    options.logger.error({ forms: installed.unreadable }, "installed forms the reader no longer accepts");
  services.waves.ensureFirstWaves(services.questionnaires.keys(), options.now());
  services.responses.sealLegacyAnonymous((key, waveId) => pseudonyms.submissionMarker(key, waveId));
  return services;
}
