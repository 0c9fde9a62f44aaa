import Database from "better-sqlite3";

export interface StoredResponseRow {
  id: number;
  questionnaire: string;
  anonymous: number;
  receipt_hash: string | null;
  submitted_at: number | null;
  answers: number;
}

/** What the bot left in its SQLite file, read without the bot's code; open it after the bot has stopped. */
export function readSurveyDatabase(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const responses = db
      .prepare(
        `SELECT r.id, r.questionnaire, r.anonymous, r.receipt_hash, r.submitted_at,
                (SELECT count(*) FROM answers a WHERE a.response_id = r.id) AS answers
           FROM responses r ORDER BY r.id`,
      )
      .all() as StoredResponseRow[];
    const answers = db
      .prepare("SELECT response_id, question_id, value FROM answers ORDER BY response_id, question_id")
      .all() as Array<{ response_id: number; question_id: string; value: string }>;
    const expertIds = db.prepare("SELECT telegram_id FROM experts ORDER BY telegram_id").pluck().all();
    return {
      responses,
      /** Answers of one response as stored, by question id. */
      answersOf(responseId: number): Record<string, unknown> {
        return Object.fromEntries(
          answers
            .filter((answer) => answer.response_id === responseId)
            .map((answer) => [answer.question_id, JSON.parse(answer.value) as unknown]),
        );
      },
      expertIds: expertIds as number[],
    };
  } finally {
    db.close();
  }
}
