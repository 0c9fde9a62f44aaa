import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import Database from "better-sqlite3";
import { Pseudonyms } from "../../src/privacy/pseudonyms.ts";
import { receiptHash } from "../../src/privacy/receipts.ts";
import type { AnswerValue } from "../../src/questionnaire/types.ts";
import { tableRows } from "../db/table-rows.ts";

/** One expert's ledger, as the audit needs it. */
export interface AuditedExpert {
  telegramId: number;
  questionnaire: string;
  anonymous: boolean;
  given: ReadonlyMap<string, AnswerValue>;
  acknowledged: ReadonlyMap<string, AnswerValue>;
  receipt: string | undefined;
}

export interface AuditOptions {
  /** Where the bot keeps its pseudonym key: the audit finds each expert's response by their respondent key. */
  keyFile: string;
  /** Every expert has submitted: exactly one submitted response each, holding every answer they gave. */
  complete?: boolean;
}

export interface ResponseRow {
  id: number;
  respondent_key: string;
  questionnaire: string;
  receipt_hash: string | null;
  submitted_at: unknown;
}

/** The rows the audit compares, read from either engine; an answer's value already parsed. */
export interface StoredRows {
  responses: ResponseRow[];
  answers: Array<{ response_id: number; question_id: string; value: AnswerValue }>;
}

/**
 * Compares what the bot stored with what the experts did, reading the SQLite file read-only (while the bot is
 * down, or alongside it: the database is in WAL mode). Returns every discrepancy found, [] when none.
 */
export function auditAnswers(
  path: string,
  experts: readonly AuditedExpert[],
  options: AuditOptions,
): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") problems.push(`integrity_check: ${String(integrity)}`);
    const orphans = db.pragma("foreign_key_check") as unknown[];
    if (orphans.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(orphans)}`);

    const responses = db
      .prepare("SELECT id, respondent_key, questionnaire, receipt_hash, submitted_at FROM responses")
      .all() as ResponseRow[];
    const answers = db.prepare("SELECT response_id, question_id, value FROM answers").all() as Array<{
      response_id: number;
      question_id: string;
      value: string;
    }>;
    const parsed = answers.map((row) => ({ ...row, value: JSON.parse(row.value) as AnswerValue }));
    return [...problems, ...auditStoredRows({ responses, answers: parsed }, experts, options)];
  } finally {
    db.close();
  }
}

/** The audit of `auditAnswers` on rows read from any engine: every discrepancy found, [] when none. */
export function auditStoredRows(
  { responses, answers: answerRows }: StoredRows,
  experts: readonly AuditedExpert[],
  options: AuditOptions,
): string[] {
  const pseudonyms = new Pseudonyms(readFileSync(options.keyFile, "utf8").trim());
  const problems: string[] = [];
  const keys = new Map(
    experts.map((expert) => [
      expert.anonymous
        ? pseudonyms.anonymousRespondent(expert.telegramId, expert.questionnaire)
        : pseudonyms.participant(expert.telegramId),
      expert,
    ]),
  );
  // A submitted anonymous response is under a random key: only the receipt the expert was shown finds it,
  // and one whose receipt never reached the expert (the bot stopped in between) only by its answers.
  const byReceipt = new Map(
    experts.flatMap((expert) => (expert.receipt ? [[receiptHash(expert.receipt), expert] as const] : [])),
  );
  const answersOf = (id: number) =>
    new Map(answerRows.filter((row) => row.response_id === id).map((row) => [row.question_id, row.value]));
  const unattributed = new Set<ResponseRow>();
  const ownerOf = new Map<ResponseRow, AuditedExpert>();
  for (const response of responses) {
    const owner =
      keys.get(response.respondent_key) ??
      (response.receipt_hash ? byReceipt.get(response.receipt_hash) : undefined);
    if (owner) ownerOf.set(response, owner);
    else unattributed.add(response);
  }
  // A kill between the seal and the thank-you leaves a sealed response whose receipt never reached its expert
  // (a known gap): in any round, it is the one holding exactly that expert's acknowledged answers.
  for (const expert of experts) {
    if (!expert.anonymous || expert.receipt) continue;
    const match = [...unattributed].find(
      (response) =>
        response.questionnaire === expert.questionnaire &&
        response.submitted_at != null &&
        [...expert.acknowledged].every(([id, value]) =>
          isDeepStrictEqual(answersOf(response.id).get(id), value),
        ),
    );
    if (match) {
      unattributed.delete(match);
      ownerOf.set(match, expert);
    }
  }
  for (const response of unattributed)
    problems.push(`response ${response.id} (${response.questionnaire}) belongs to no expert`);
  for (const expert of experts) {
    const who = `expert ${expert.telegramId}`;
    const own = responses.filter((response) => ownerOf.get(response) === expert);
    if (own.length > 1) problems.push(`${who} has ${own.length} responses`);
    const response = own[0];
    const stored = response ? answersOf(response.id) : new Map<string, AnswerValue>();
    for (const [questionId, value] of expert.acknowledged) {
      if (!stored.has(questionId)) problems.push(`${who}: acknowledged answer ${questionId} is not stored`);
      else if (!isDeepStrictEqual(stored.get(questionId), value))
        problems.push(
          `${who}: ${questionId} stored as ${JSON.stringify(stored.get(questionId))}, given ${JSON.stringify(value)}`,
        );
    }
    for (const [questionId, value] of stored) {
      const given = expert.given.get(questionId);
      if (!given) problems.push(`${who}: ${questionId} stored as ${JSON.stringify(value)} but never given`);
      else if (!expert.acknowledged.has(questionId) && !isDeepStrictEqual(given, value))
        problems.push(
          `${who}: ${questionId} stored as ${JSON.stringify(value)}, given ${JSON.stringify(given)}`,
        );
    }
    if (options.complete) {
      if (response?.submitted_at == null) problems.push(`${who} has no submitted response`);
      else if (expert.receipt && response.receipt_hash !== receiptHash(expert.receipt))
        problems.push(`${who} was shown receipt ${expert.receipt}, which does not open their response`);
      const missing = [...expert.given.keys()].filter(
        (id) => !expert.acknowledged.has(id) || !stored.has(id),
      );
      if (missing.length > 0) problems.push(`${who}: given but not acknowledged and stored: ${missing}`);
    }
  }
  return problems;
}

/** Every row of the tables the bot writes while experts answer, for before/after comparisons. */
export function snapshotTables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return tableRows(db);
  } finally {
    db.close();
  }
}
