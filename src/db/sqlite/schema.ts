import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** A monitoring wave of one questionnaire; at most one is open per questionnaire. */
export const waves = sqliteTable(
  "waves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionnaire: text("questionnaire").notNull(),
    number: integer("number").notNull(),
    openedAt: integer("opened_at", { mode: "timestamp_ms" }).notNull(),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    /** The installed form version the wave runs; null for waves of the built-in questionnaires. */
    formVersion: text("form_version"),
  },
  (table) => [uniqueIndex("waves_questionnaire_number").on(table.questionnaire, table.number)],
);

/**
 * Where a Telegram user is in the chat. Keyed by a keyed pseudonym of their account, never the account
 * itself, so the table says nothing about who an anonymous expert is.
 */
export const participants = sqliteTable("participants", {
  pseudonym: text("pseudonym").primaryKey(),
  language: text("language"),
  stage: text("stage", {
    enum: ["language", "consent", "questionnaire", "anonymity", "answering", "submitted"],
  })
    .notNull()
    .default("language"),
  questionnaire: text("questionnaire"),
  anonymous: integer("anonymous", { mode: "boolean" }),
  consentedAt: integer("consented_at", { mode: "timestamp_ms" }),
  screenMessageId: integer("screen_message_id"),
  screenRevision: integer("screen_revision").notNull().default(0),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** One expert's answers to one questionnaire in one wave, from Telegram or from paper. */
export const responses = sqliteTable(
  "responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id),
    questionnaire: text("questionnaire").notNull(),
    respondentKey: text("respondent_key").notNull(),
    anonymous: integer("anonymous", { mode: "boolean" }).notNull(),
    source: text("source", { enum: ["telegram", "paper"] }).notNull(),
    currentQuestion: text("current_question"),
    reviewing: integer("reviewing", { mode: "boolean" }).notNull().default(false),
    pending: text("pending", { mode: "json" }),
    /** SHA-256 of the receipt shown at Submit: the receipt alone reopens the response. */
    receiptHash: text("receipt_hash"),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
    /** When the named expert was reminded of this unfinished response: one reminder per response. */
    remindedAt: integer("reminded_at", { mode: "timestamp_ms" }),
    /** The form version of its wave when the response began or was last submitted; null before forms. */
    formVersion: text("form_version"),
  },
  (table) => [
    uniqueIndex("responses_wave_respondent").on(table.waveId, table.respondentKey),
    index("responses_wave_submitted").on(table.waveId, table.submittedAt),
    index("responses_respondent").on(table.respondentKey),
    uniqueIndex("responses_receipt_hash").on(table.receiptHash),
  ],
);

/**
 * Accounts that submitted a questionnaire in a wave, as keyed markers (see `Pseudonyms.submissionMarker`):
 * keeps one submission per expert and wave without pointing at the response. WITHOUT ROWID (see the
 * migration `anonymous_unlinkable`), so no row order follows the order of submissions.
 */
export const submissions = sqliteTable("submissions", {
  marker: text("marker").primaryKey(),
});

/** Facts about the database itself, e.g. the check value of the pseudonym key it was created with. */
export const settings = sqliteTable("settings", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
});

/**
 * One stored answer; written the moment the expert gives it. WITHOUT ROWID (see the migration
 * `anonymous_unlinkable`): rows are ordered by their key, never by when they were written.
 */
export const answers = sqliteTable(
  "answers",
  {
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    value: text("value", { mode: "json" }).notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.responseId, table.questionId] })],
);

/** Named experts only: the account we may write to for reminders and invitations. */
export const experts = sqliteTable("experts", {
  pseudonym: text("pseudonym").primaryKey(),
  telegramId: integer("telegram_id").notNull().unique(),
  username: text("username"),
  firstName: text("first_name"),
  lastName: text("last_name"),
  language: text("language"),
  remindersEnabled: integer("reminders_enabled", { mode: "boolean" }).notNull().default(true),
  inviteToNextWave: integer("invite_to_next_wave", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

/**
 * A coordinator's target for one profile category of a questionnaire, counted on submission in each wave.
 * The category is `total` or `<question>=<option>`; `stop` turns away experts of a full category, `warn`
 * only tells them.
 */
export const quotas = sqliteTable(
  "quotas",
  {
    questionnaire: text("questionnaire").notNull(),
    category: text("category").notNull(),
    target: integer("target").notNull(),
    mode: text("mode", { enum: ["stop", "warn"] }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.questionnaire, table.category] })],
);

/**
 * One invitation of a named expert to a wave. The row is claimed before the message goes out, so a restart
 * or a second run never sends it twice; it goes with the expert's account when they delete their data.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id),
    expert: text("expert")
      .notNull()
      .references(() => experts.pseudonym, { onDelete: "cascade" }),
    status: text("status", { enum: ["sending", "sent", "blocked", "failed"] }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.waveId, table.expert] })],
);

/**
 * Submitted answers counted per wave, question and distinct value. Kept by triggers (see the migration
 * `answer_tallies_triggers`) on every write to responses and answers, so summaries never scan all answers.
 */
export const answerTallies = sqliteTable(
  "answer_tallies",
  {
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id),
    questionId: text("question_id").notNull(),
    value: text("value").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.waveId, table.questionId, table.value] })],
);

/**
 * Updates already handled, so that one Telegram delivers again after a restart changes nothing. Holds the
 * update id only — nothing about who sent it — and is pruned after two days.
 */
export const handledUpdates = sqliteTable(
  "handled_updates",
  {
    updateId: integer("update_id").primaryKey(),
    handledAt: integer("handled_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("handled_updates_handled_at").on(table.handledAt)],
);

/** State of @grammyjs/conversations, kept in the database so a restart loses nothing. */
export const conversationStates = sqliteTable("conversation_states", {
  key: text("key").primaryKey(),
  state: text("state").notNull(),
});

/**
 * XLSForm questionnaires a coordinator installed, one row per version, as the workbook's sheets (the rows the
 * form reader takes), so a stored form is read again by the same reader at start. `id` orders installations.
 */
export const forms = sqliteTable(
  "forms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    formId: text("form_id").notNull(),
    version: text("version").notNull(),
    sheets: text("sheets", { mode: "json" }).notNull(),
    installedAt: integer("installed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [uniqueIndex("forms_form_version").on(table.formId, table.version)],
);

/** A form a coordinator sent and saw previewed, waiting for Install or Cancel under a random token. */
export const pendingForms = sqliteTable(
  "pending_forms",
  {
    token: text("token").primaryKey(),
    sheets: text("sheets", { mode: "json" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("pending_forms_expires_at").on(table.expiresAt)],
);

/**
 * Jobs only one instance may run at a time (the reminder round): the instance holding a lease until it
 * expires. An instance that stops renewing (a crash) loses it when it expires.
 */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});
