import type { QuestionType, RankOrder } from "../types.ts";
import type { QuestionParameters } from "./form.ts";
import { readYesNo } from "./yes-no.ts";

const RANK_ORDERS: readonly RankOrder[] = ["importance", "severity", "frequency"];
const MAX_LENGTH_LIMIT = 4000;

/** Each supported key: the question types it is for, and how its value is read into the parameters. */
const KEYS: Readonly<
  Record<
    string,
    {
      types: readonly QuestionType[];
      read: (value: string, parameters: QuestionParameters) => string | undefined;
    }
  >
> = {
  rank_by: {
    types: ["rank"],
    read: (value, parameters) => {
      const order = RANK_ORDERS.find((candidate) => candidate === value);
      if (!order) return `rank_by is one of ${RANK_ORDERS.join(", ")}`;
      parameters.rankBy = order;
      return undefined;
    },
  },
  prefer_not_to_say: {
    types: ["integer", "decimal"],
    read: (value, parameters) => {
      const offered = readYesNo(value);
      if (offered === undefined || value === "") return "prefer_not_to_say is yes or no";
      parameters.preferNotToSay = offered;
      return undefined;
    },
  },
  max_length: {
    types: ["text"],
    read: (value, parameters) => {
      const length = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!(length >= 1 && length <= MAX_LENGTH_LIMIT)) {
        return `max_length is a whole number from 1 to ${MAX_LENGTH_LIMIT}`;
      }
      parameters.maxLength = length;
      return undefined;
    },
  },
};

/**
 * Reads a `parameters` cell: space-separated `key=value` pairs, each key one the question's type takes.
 * Every problem is given as a message for the cell; the parameters hold what could be read.
 *
 * @example
 * readParameters("rank_by=severity", "rank"); // { parameters: { rankBy: "severity" }, problems: [] }
 * readParameters("max_length=9000", "text"); // { parameters: {}, problems: ["max_length is a whole number from 1 to 4000"] }
 */
export function readParameters(
  cell: string,
  type: QuestionType,
): { parameters: QuestionParameters; problems: string[] } {
  const parameters: QuestionParameters = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  const pairs = cell
    .trim()
    .replace(/\s*=\s*/g, "=")
    .split(/\s+/)
    .filter((pair) => pair !== "");
  for (const pair of pairs) {
    const [key = "", value, ...rest] = pair.split("=");
    const spec = KEYS[key];
    if (value === undefined || rest.length > 0) problems.push(`“${pair}” is not written as key=value`);
    else if (!spec) {
      problems.push(`the parameter “${key}” is not supported; the parameters are ${supportedKeys()}`);
    } else if (seen.has(key)) problems.push(`the parameter ${key} is given twice`);
    else if (!spec.types.includes(type)) {
      problems.push(`${key} is for ${spec.types.join(" and ")} questions, not ${type}`);
    } else {
      const problem = spec.read(value.toLowerCase(), parameters);
      if (problem) problems.push(problem);
    }
    seen.add(key);
  }
  return { parameters, problems };
}

function supportedKeys(): string {
  return Object.entries(KEYS)
    .map(([key, spec]) => `${key} (${spec.types.join(", ")})`)
    .join(", ");
}
