import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import {
  type CommonDefinition,
  commonDefinitionSchema,
  type OptionDefinition,
  type QuestionDefinition,
  type QuestionnaireDefinition,
  questionnaireDefinitionSchema,
} from "./definition-schema.ts";
import type { ChoiceOption, Question, Questionnaire, SectionId } from "./types.ts";

/** Through the project folder, so that the build in dist/ (same depth as src/) reads the same files. */
export const DEFAULT_DEFINITIONS_DIR = fileURLToPath(
  new URL("../../src/questionnaire/definitions/", import.meta.url),
);
const COMMON_FILE = "common.json";
const SECTION_ORDER: SectionId[] = ["identity", "profile", "main"];

/** A questionnaire file that cannot be used; the message names the file and the question. */
export class QuestionnaireDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly questionId: string | undefined,
    problem: string,
  ) {
    super(`${file}${questionId ? `, question "${questionId}"` : ""}: ${problem}`);
    this.name = "QuestionnaireDefinitionError";
  }
}

/**
 * Loads and validates every questionnaire in `dir`: `common.json` holds the blocks asked in all of them,
 * every other `*.json` is one questionnaire.
 *
 * @example
 * const questionnaires = loadQuestionnaires();
 * questionnaires.get("education")?.questions.length; // 25
 */
export function loadQuestionnaires(dir: string = DEFAULT_DEFINITIONS_DIR): Map<string, Questionnaire> {
  const common = parseFile(join(dir, COMMON_FILE), commonDefinitionSchema);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".json") && name !== COMMON_FILE)
    .sort();
  const questionnaires = new Map<string, Questionnaire>();
  for (const name of files) {
    const definition = parseFile(join(dir, name), questionnaireDefinitionSchema);
    if (definition.id !== basename(name, ".json")) {
      throw new QuestionnaireDefinitionError(
        name,
        undefined,
        `id "${definition.id}" differs from the file name`,
      );
    }
    questionnaires.set(definition.id, buildQuestionnaire(name, common, definition));
  }
  return questionnaires;
}

function parseFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new QuestionnaireDefinitionError(
      file,
      undefined,
      `cannot be read as JSON (${(error as Error).message})`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new QuestionnaireDefinitionError(
      file,
      questionIdAt(raw, issue.path),
      `${issue.message} at ${issue.path.join(".")}`,
    );
  }
  return parsed.data;
}

function questionIdAt(raw: unknown, path: PropertyKey[]): string | undefined {
  if (path[0] !== "sections" || path.length < 3) return undefined;
  const question = (raw as { sections: Record<string, Record<number, { id?: unknown }>> }).sections[
    String(path[1])
  ]?.[Number(path[2])];
  return typeof question?.id === "string" ? question.id : undefined;
}

function buildQuestionnaire(
  file: string,
  common: CommonDefinition,
  definition: QuestionnaireDefinition,
): Questionnaire {
  for (const name of Object.keys(definition.choiceLists)) {
    if (name in common.choiceLists) {
      throw new QuestionnaireDefinitionError(
        file,
        undefined,
        `choice list "${name}" is already defined in ${COMMON_FILE}`,
      );
    }
  }
  const lists = { ...common.choiceLists, ...definition.choiceLists };
  const questions: Question[] = [];
  const seen = new Set<string>();
  for (const section of SECTION_ORDER) {
    const parts: Array<[string, QuestionDefinition[]]> = [
      ["common", common.sections[section] ?? []],
      [definition.id, definition.sections[section] ?? []],
    ];
    for (const [owner, defs] of parts) {
      for (const def of defs) {
        const where = owner === "common" ? COMMON_FILE : file;
        if (seen.has(def.id)) throw new QuestionnaireDefinitionError(where, def.id, "duplicate question id");
        seen.add(def.id);
        questions.push(buildQuestion(where, def, section, owner, lists, questions));
      }
    }
  }
  return { id: definition.id, version: definition.version, questions };
}

function buildQuestion(
  file: string,
  def: QuestionDefinition,
  section: SectionId,
  textOwner: string,
  lists: Record<string, OptionDefinition[]>,
  earlier: Question[],
): Question {
  const fail = (problem: string) => new QuestionnaireDefinitionError(file, def.id, problem);
  const isChoice = def.type === "select_one" || def.type === "select_multiple" || def.type === "rank";
  let options: ChoiceOption[] = [];
  if (isChoice) {
    if (!def.choices) throw fail(`a ${def.type} question needs a choice list`);
    const list = lists[def.choices];
    if (!list) throw fail(`unknown choice list "${def.choices}"`);
    options = list.map((option) => (typeof option === "string" ? { id: option } : option));
    const ids = options.map((option) => option.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate) throw fail(`option "${duplicate}" appears twice in choice list "${def.choices}"`);
    if (def.only) {
      const unknown = def.only.find((id) => !ids.includes(id));
      if (unknown) throw fail(`option "${unknown}" is not in choice list "${def.choices}"`);
      options = def.only.map((id) => ({ id }));
    }
    if (def.type === "rank" && options.length < 2) throw fail("a rank question needs at least two options");
  } else if (def.choices || def.only) {
    throw fail(`a ${def.type} question takes no choice list`);
  }
  if (def.rankBy && def.type !== "rank") throw fail(`a ${def.type} question takes no rank order`);
  if (def.type === "integer" && (def.min === undefined || def.max === undefined || def.min > def.max)) {
    throw fail("an integer question needs min ≤ max");
  }
  if (def.relevant) {
    const target = earlier.find((question) => question.id === def.relevant!.question);
    if (!target) throw fail(`condition names "${def.relevant.question}", which is not an earlier question`);
    const unknown = def.relevant.anyOf.find((id) => !target.options.some((option) => option.id === id));
    if (unknown) throw fail(`condition names option "${unknown}", which "${target.id}" does not offer`);
  }
  return {
    id: def.id,
    type: def.type,
    section,
    textOwner,
    ...(def.choices ? { choices: def.choices } : {}),
    options,
    optional: def.optional ?? false,
    ...(def.min !== undefined ? { min: def.min } : {}),
    ...(def.max !== undefined ? { max: def.max } : {}),
    ...(def.type === "text" ? { maxLength: def.maxLength ?? 500 } : {}),
    ...(def.preferNotToSay ? { preferNotToSay: true } : {}),
    ...(def.rankBy ? { rankBy: def.rankBy } : {}),
    ...(def.relevant ? { relevant: def.relevant } : {}),
  };
}
