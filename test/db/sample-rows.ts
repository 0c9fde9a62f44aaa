import type Database from "better-sqlite3";
import type { AnswerValue } from "../../src/questionnaire/types.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { completedState } from "../support/scripted-answers.ts";
import { projectTables } from "./table-rows.ts";

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

const ANSWERS = Object.entries(completedState(questionnaire("education"), false).answers) as [
  string,
  AnswerValue,
][];
const STAGES = ["language", "consent", "questionnaire", "anonymity", "answering", "submitted"];
const NAMES = ["Гүлнара", "Айгерим", "Людмила", "Saule", "Ержан", "Ольга"];

/**
 * Values such as the bot stores, for columns whose names it uses. A table or column added later gets
 * typed filler instead; give it a line here if it needs a particular shape (a JSON column, an enum).
 */
function realisticValues(round: number, index: number): Record<string, unknown> {
  const n = round * 100 + index;
  const [questionId, value] = ANSWERS[index % ANSWERS.length]!;
  return {
    questionnaire: index % 2 === 0 ? "education" : "healthcare",
    number: n + 1,
    language: ["kk", "ru", "en"][index % 3],
    stage: STAGES[index % STAGES.length],
    anonymous: index % 2,
    source: index % 3 === 0 ? "paper" : "telegram",
    respondent_key: `respondent-${n}`,
    pseudonym: `pseudonym-${n}`,
    question_id: questionId,
    value: JSON.stringify(value),
    current_question: index % 2 === 0 ? questionId : null,
    pending: JSON.stringify({ questionId, kind: "selection", selected: [] }),
    receipt: `EDU1-${String(n).padStart(6, "0")}`,
    telegram_id: 700_000_000 + n,
    username: `expert_${n}`,
    first_name: NAMES[index % NAMES.length],
    last_name: "Сейтқали",
    key: `coordinator:summary:${n}`,
    state: JSON.stringify({ version: [0, 1], state: { n } }),
    target: 10 + index,
    mode: index % 2 === 0 ? "stop" : "warn",
    status: ["sending", "sent", "blocked", "failed"][index % 4],
  };
}

/** Tables ordered so that every table comes after the tables its foreign keys point at. */
function parentsFirst(sqlite: Database.Database): string[] {
  const tables = projectTables(sqlite);
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const key of sqlite.pragma(`foreign_key_list("${table}")`) as ForeignKey[])
      visit(key.table, [...path, table]);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/**
 * Inserts `rowsPerTable` rows into every table the database has now, whatever its schema version: realistic
 * values where the column is known, typed filler otherwise, foreign keys pointing at existing rows.
 */
export function fillTables(sqlite: Database.Database, round: number, rowsPerTable = 6): void {
  for (const table of parentsFirst(sqlite)) {
    const columns = sqlite.pragma(`table_info("${table}")`) as ColumnInfo[];
    const keys = sqlite.pragma(`foreign_key_list("${table}")`) as ForeignKey[];
    const autoId = columns.filter((column) => column.pk > 0).length === 1 && isRowidAlias(columns);
    const filled = columns.filter((column) => !(autoId && column.pk > 0));
    const insert = sqlite.prepare(
      `insert into "${table}" (${filled.map((column) => `"${column.name}"`).join(", ")})
       values (${filled.map(() => "?").join(", ")})`,
    );
    for (let index = 0; index < rowsPerTable; index++) {
      const known = realisticValues(round, index);
      const values = filled.map((column) => {
        const key = keys.find((candidate) => candidate.from === column.name);
        if (key) return parentValue(sqlite, key, rowsPerTable, index);
        if (column.name in known) return known[column.name];
        return filler(table, column, round, index);
      });
      try {
        insert.run(...values);
      } catch (error) {
        throw new Error(`cannot fill ${table} with ${JSON.stringify(values)}: add realistic values`, {
          cause: error,
        });
      }
    }
  }
}

function isRowidAlias(columns: ColumnInfo[]): boolean {
  const key = columns.find((column) => column.pk > 0);
  return key?.type.toUpperCase() === "INTEGER";
}

/** A key of one of the parent's rows inserted in this round, so that keys built from them stay unique. */
function parentValue(
  sqlite: Database.Database,
  key: ForeignKey,
  rowsPerTable: number,
  index: number,
): unknown {
  const column = key.to ?? "rowid";
  const values = sqlite
    .prepare(`select "${column}" from "${key.table}" order by rowid desc limit ?`)
    .pluck()
    .all(rowsPerTable);
  if (values.length === 0) throw new Error(`${key.table} has no rows for ${key.from} to point at`);
  return values[index % values.length];
}

function filler(table: string, column: ColumnInfo, round: number, index: number): unknown {
  const type = column.type.toUpperCase();
  if (column.name.endsWith("_at")) return 1_790_000_000_000 + round * 100_000 + index * 1000;
  if (type.includes("INT")) return round * 100 + index + 1;
  if (type.includes("REAL") || type.includes("NUM")) return round + index / 10;
  return `${table}.${column.name} ${round}-${index} Шымкент`;
}
