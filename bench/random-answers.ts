import { isRelevant } from "../src/questionnaire/engine.ts";
import type { Answers, AnswerValue, Question, Questionnaire } from "../src/questionnaire/types.ts";

/** A small seeded generator (mulberry32), so every run stores the same responses. */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An index below `n`, leaning towards low indexes by `lean` (0 = uniform), as real experts favour some options. */
  index(n: number, lean = 0): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** (1 + lean)));
  }
}

/**
 * Answers of one plausible respondent: every question that applies, choices leaning towards the first
 * options (more so in `wave` 2, so the waves differ), rankings that mostly agree, a few "other" texts.
 */
export function randomAnswers(
  questionnaire: Questionnaire,
  anonymous: boolean,
  wave: number,
  random: SeededRandom,
): Answers {
  const answers: Record<string, AnswerValue> = {};
  const lean = wave === 1 ? 0.6 : 1.2;
  for (const question of questionnaire.questions) {
    if (anonymous && question.section === "identity") continue;
    if (!isRelevant(question, answers)) continue;
    answers[question.id] = randomAnswer(question, lean, random);
  }
  return answers;
}

function randomAnswer(question: Question, lean: number, random: SeededRandom): AnswerValue {
  const plain = question.options.filter((option) => !option.exclusive);
  switch (question.type) {
    case "select_one": {
      const option = question.options[random.index(question.options.length, lean)]!;
      return { kind: "choice", option: option.id, ...(option.specify ? { other: "another answer" } : {}) };
    }
    case "select_multiple": {
      const chosen = new Set<string>();
      const wanted = 1 + random.index(3);
      for (let tries = 0; chosen.size < wanted && tries < 10; tries++) {
        chosen.add(plain[random.index(plain.length, lean)]!.id);
      }
      const specify = plain.some((option) => option.specify && chosen.has(option.id));
      return { kind: "choices", options: [...chosen], ...(specify ? { other: "another answer" } : {}) };
    }
    case "rank": {
      // A shared order with some neighbours swapped, and sometimes only the first few ranked.
      const order = plain.map((option) => option.id);
      for (let i = 0; i + 1 < order.length; i++) {
        if (random.next() < 0.35) [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      }
      const ranked = random.next() < 0.3 ? Math.max(2, random.index(order.length)) : order.length;
      return { kind: "rank", order: order.slice(0, ranked) };
    }
    case "integer":
      return { kind: "integer", value: (question.min ?? 1) + random.index(Math.min(40, question.max ?? 40)) };
    case "decimal":
      return { kind: "decimal", value: (question.min ?? 0) + random.index(400) / 10 };
    case "text":
      return { kind: "text", value: `text ${random.index(1000)}` };
    case "note":
      throw new RangeError(`note ${question.id} takes no answer`);
  }
}
