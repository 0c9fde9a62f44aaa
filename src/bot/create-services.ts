import type { ApiClientOptions } from "grammy";
import type { Logger } from "pino";
import type { SurveyStore } from "../db/survey-store.ts";
import type { Translations } from "../i18n/translator.ts";
import { GuessLimiter } from "../privacy/guess-limiter.ts";
import { bindPseudonymKey } from "../privacy/key-binding.ts";
import { Pseudonyms } from "../privacy/pseudonyms.ts";
import { QuestionnaireCatalog } from "../questionnaire/catalog.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import type { BotServices } from "./bot-services.ts";
import { readInstalledForms } from "./form-activation.ts";
import { createBroadcastApi } from "./invitations/broadcast-api.ts";
import { InvitationRuns } from "./invitations/invitation-runs.ts";

export interface ServiceOptions {
  store: SurveyStore;
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
 * const services = await createServices({ store: await openStore({ path: ":memory:" }), translations, ... });
 */
export async function createServices(options: ServiceOptions): Promise<BotServices> {
  const { store } = options;
  const pseudonyms = new Pseudonyms(options.pseudonymKey);
  await bindPseudonymKey(store.settings, pseudonyms);
  const services: BotServices = {
    questionnaires: new QuestionnaireCatalog(options.questionnaires ?? []),
    translations: options.translations,
    pseudonyms,
    receiptGuesses: new GuessLimiter(),
    store,
    waves: store.waves,
    forms: store.forms,
    participants: store.participants,
    drafts: store.drafts,
    submissions: store.submissions,
    results: store.results,
    reminders: store.reminders,
    tallies: store.tallies,
    handledUpdates: store.handledUpdates,
    experts: store.experts,
    quotas: store.quotas,
    invitations: store.invitations,
    invitationRuns: new InvitationRuns(store.leases, options.now),
    broadcastApi: createBroadcastApi(options.token, options.client),
    conversationStates: store.conversationStates,
    coordinatorIds: new Set(options.coordinatorIds),
    logger: options.logger,
    now: options.now,
  };
  const unreadable = await readInstalledForms(services);
  if (unreadable.length > 0)
    options.logger.error({ forms: unreadable }, "installed forms the reader no longer accepts");
  await services.submissions.sealLegacyAnonymous((key, waveId) => pseudonyms.submissionMarker(key, waveId));
  return services;
}
