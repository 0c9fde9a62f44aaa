import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * The PostgreSQL twin of `../sqlite/schema.ts`: the same tables, columns, keys and indexes, and the same JS
 * values on select and insert, so one repository runs on either engine. Comments on the meaning of each
 * table are there; here only what differs on PostgreSQL.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => at("created_at").notNull().default(sql`now()`);

export const waves = pgTable(
  "waves",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    questionnaire: text("questionnaire").notNull(),
    number: integer("number").notNull(),
    openedAt: at("opened_at").notNull(),
    closedAt: at("closed_at"),
    formVersion: text("form_version"),
  },
  (table) => [uniqueIndex("waves_questionnaire_number").on(table.questionnaire, table.number)],
);

export const participants = pgTable("participants", {
  pseudonym: text("pseudonym").primaryKey(),
  language: text("language"),
  stage: text("stage", {
    enum: ["language", "consent", "questionnaire", "anonymity", "answering", "submitted"],
  })
    .notNull()
    .default("language"),
  questionnaire: text("questionnaire"),
  anonymous: boolean("anonymous"),
  consentedAt: at("consented_at"),
  screenMessageId: integer("screen_message_id"),
  screenRevision: integer("screen_revision").notNull().default(0),
  updatedAt: at("updated_at").notNull(),
});

/** The bot draws ids at random up to `MAX_ID` (2^48), hence 64 bits. */
export const responses = pgTable(
  "responses",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id),
    questionnaire: text("questionnaire").notNull(),
    respondentKey: text("respondent_key").notNull(),
    anonymous: boolean("anonymous").notNull(),
    source: text("source", { enum: ["telegram", "paper"] }).notNull(),
    currentQuestion: text("current_question"),
    reviewing: boolean("reviewing").notNull().default(false),
    /** `json`, not `jsonb`: kept verbatim, as the flow wrote it. */
    pending: json("pending"),
    receiptHash: text("receipt_hash"),
    submittedAt: at("submitted_at"),
    updatedAt: at("updated_at").notNull(),
    createdAt: createdAt(),
    remindedAt: at("reminded_at"),
    formVersion: text("form_version"),
  },
  (table) => [
    uniqueIndex("responses_wave_respondent").on(table.waveId, table.respondentKey),
    index("responses_wave_submitted").on(table.waveId, table.submittedAt),
    index("responses_respondent").on(table.respondentKey),
    uniqueIndex("responses_receipt_hash").on(table.receiptHash),
  ],
);

export const submissions = pgTable("submissions", {
  marker: text("marker").primaryKey(),
});

export const settings = pgTable("settings", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
});

/** `value` is `jsonb`: equal answers compare and group as equal whatever their spacing or key order. */
export const answers = pgTable(
  "answers",
  {
    responseId: bigint("response_id", { mode: "number" })
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    value: jsonb("value").notNull(),
    answeredAt: at("answered_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.responseId, table.questionId] })],
);

/** Telegram account ids exceed 32 bits. */
export const experts = pgTable("experts", {
  pseudonym: text("pseudonym").primaryKey(),
  telegramId: bigint("telegram_id", { mode: "number" }).notNull().unique(),
  username: text("username"),
  firstName: text("first_name"),
  lastName: text("last_name"),
  language: text("language"),
  remindersEnabled: boolean("reminders_enabled").notNull().default(true),
  inviteToNextWave: boolean("invite_to_next_wave").notNull().default(false),
  createdAt: createdAt(),
});

export const quotas = pgTable(
  "quotas",
  {
    questionnaire: text("questionnaire").notNull(),
    category: text("category").notNull(),
    target: integer("target").notNull(),
    mode: text("mode", { enum: ["stop", "warn"] }).notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.questionnaire, table.category] })],
);

export const invitations = pgTable(
  "invitations",
  {
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id),
    expert: text("expert")
      .notNull()
      .references(() => experts.pseudonym, { onDelete: "cascade" }),
    status: text("status", { enum: ["sending", "sent", "blocked", "failed"] }).notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.waveId, table.expert] })],
);

/**
 * Kept by the triggers of the migration `answer_tallies_triggers`. `value` is the JSON text of the answer as
 * `jsonb` prints it (`{"kind": "choice", ...}`): readers parse it, they never compare it with other text.
 */
export const answerTallies = pgTable(
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

/** Telegram update ids exceed 32 bits over a bot's life. */
export const handledUpdates = pgTable(
  "handled_updates",
  {
    updateId: bigint("update_id", { mode: "number" }).primaryKey(),
    handledAt: at("handled_at").notNull(),
  },
  (table) => [index("handled_updates_handled_at").on(table.handledAt)],
);

export const conversationStates = pgTable("conversation_states", {
  key: text("key").primaryKey(),
  state: text("state").notNull(),
});

/** `sheets` is `json`: the workbook's rows kept verbatim, their keys in the order the reader gave them. */
export const forms = pgTable(
  "forms",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    formId: text("form_id").notNull(),
    version: text("version").notNull(),
    sheets: json("sheets").notNull(),
    installedAt: at("installed_at").notNull(),
  },
  (table) => [uniqueIndex("forms_form_version").on(table.formId, table.version)],
);

export const pendingForms = pgTable(
  "pending_forms",
  {
    token: text("token").primaryKey(),
    sheets: json("sheets").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (table) => [index("pending_forms_expires_at").on(table.expiresAt)],
);

export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: at("expires_at").notNull(),
});
