import pg from "pg";
import type { AnswerValue } from "../../src/questionnaire/types.ts";
import { type AuditedExpert, type AuditOptions, auditStoredRows, type ResponseRow } from "./answer-audit.ts";

/**
 * The answer audit of `auditAnswers` on a PostgreSQL database, and one check more that only matters where
 * several instances count at once: every tally equals the submitted answers grouped by wave, question and
 * value. Returns every discrepancy found, [] when none.
 */
export async function auditPostgresAnswers(
  url: string,
  experts: readonly AuditedExpert[],
  options: AuditOptions,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Response ids are drawn below 2^48: exact as a double, which pg hands over as a number.
    const responses = await client.query<ResponseRow>(
      "select id::float8 as id, respondent_key, questionnaire, receipt_hash, submitted_at from responses",
    );
    const answers = await client.query<{ response_id: number; question_id: string; value: AnswerValue }>(
      "select response_id::float8 as response_id, question_id, value from answers",
    );
    const tallies = await client.query<{
      wave_id: number;
      question_id: string;
      value: string;
      count: number | null;
      submitted: number | null;
    }>(
      `select coalesce(t.wave_id, s.wave_id) as wave_id, coalesce(t.question_id, s.question_id) as question_id,
              coalesce(t.value, s.value) as value, t.count as count, s.count::int as submitted
         from answer_tallies t
         full join (select r.wave_id, a.question_id, a.value::text as value, count(*) as count
                      from answers a join responses r on r.id = a.response_id
                     where r.submitted_at is not null
                     group by 1, 2, 3) s
           on s.wave_id = t.wave_id and s.question_id = t.question_id and s.value = t.value
        where t.count is distinct from s.count::int`,
    );
    const tallyProblems = tallies.rows.map(
      (row) =>
        `tally of wave ${row.wave_id} ${row.question_id} = ${row.value}: ${row.count ?? 0}, submitted answers: ${row.submitted ?? 0}`,
    );
    return [
      ...auditStoredRows({ responses: responses.rows, answers: answers.rows }, experts, options),
      ...tallyProblems,
    ];
  } finally {
    await client.end();
  }
}
