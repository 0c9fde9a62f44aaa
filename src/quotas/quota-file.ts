import { z } from "zod";
import type { Questionnaire } from "../questionnaire/types.ts";
import { type CategoryProblem, isCategoryProblem, parseCategory, type Quota } from "./quota-category.ts";

const quotaFileSchema = z.array(
  z.object({
    questionnaire: z.string(),
    category: z.string(),
    target: z.number().int().positive(),
    mode: z.enum(["stop", "warn"]).default("stop"),
  }),
);

/** A quota file that cannot be used; the message names the file and the entry. */
export class QuotaFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "QuotaFileError";
  }
}

/**
 * The quotas of a config file (QUOTAS_FILE): a JSON array of
 * `{ "questionnaire", "category": "total" | "<question>=<option>", "target", "mode": "stop" | "warn" }`.
 *
 * @example
 * parseQuotaFile("quotas.json", '[{"questionnaire":"education","category":"total","target":42}]', questionnaires);
 * // [{ questionnaire: "education", category: { kind: "total" }, target: 42, mode: "stop" }]
 */
export function parseQuotaFile(
  file: string,
  text: string,
  questionnaires: ReadonlyMap<string, Questionnaire>,
): Quota[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new QuotaFileError(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = quotaFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, field] = issue.path;
    const where = typeof index === "number" ? `entry ${index + 1}${field ? `, ${String(field)}` : ""}` : "";
    throw new QuotaFileError(`${file}: ${where ? `${where}: ` : ""}${issue.message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data.map((entry, index) => {
    const where = `${file}: entry ${index + 1}`;
    const questionnaire = questionnaires.get(entry.questionnaire);
    if (!questionnaire) {
      const known = [...questionnaires.keys()].join(", ");
      throw new QuotaFileError(`${where}: unknown questionnaire "${entry.questionnaire}" (known: ${known})`);
    }
    const category = parseCategory(questionnaire, entry.category);
    if (isCategoryProblem(category)) throw new QuotaFileError(`${where}: ${describeProblem(category)}`);
    return { questionnaire: questionnaire.id, category, target: entry.target, mode: entry.mode };
  });
}

function describeProblem(problem: CategoryProblem): string {
  switch (problem.problem) {
    case "bad_format":
      return 'category must be "total" or "<question>=<option>"';
    case "unknown_question":
      return `no question "${problem.question}" in this questionnaire`;
    case "not_profile_choice":
      return `"${problem.question}" is not a choice question of the profile block`;
    case "unknown_option":
      return `question "${problem.question}" has no option "${problem.option}"`;
  }
}
