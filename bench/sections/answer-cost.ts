import type { Update } from "grammy/types";
import type { BotServices } from "../../src/bot/bot-services.ts";
import { encodeButton } from "../../src/bot/callback-data.ts";
import { createBot } from "../../src/bot/create-bot.ts";
import type { FlowAction, ResponseState } from "../../src/questionnaire/flow-types.ts";
import type { Question, Questionnaire } from "../../src/questionnaire/types.ts";
import { botInfo } from "../../test/support/fake-telegram.ts";
import { actionsFor } from "../../test/support/scripted-answers.ts";
import { storeAnswerByAnswer } from "../../test/support/stored-responses.ts";
import { createTestBot } from "../../test/support/test-bot.ts";
import { temporaryDirectory } from "../bot-process.ts";
import { median, percentile } from "../percentiles.ts";
import { scriptedPath } from "../scripted-states.ts";

export interface AnswerCostOptions {
  repetitions: number;
  budgetMs: number;
}

export interface AnswerCostResult {
  questionnaire: string;
  questions: number;
  first: { question: string; medianMs: number; p90Ms: number };
  last: { question: string; medianMs: number; p90Ms: number };
  repetitions: number;
  ratio: number;
  /** Timed answers the bot did not store (should be 0: otherwise the timing measured something else). */
  notStored: number;
}

const WARM_UP = 30;
const FIRST_EXPERT_ID = 500_000;

/** Every call succeeds at once, with a message (what sendMessage and editMessageText return). */
const REPLY = JSON.stringify({
  ok: true,
  result: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "" },
});
const noopFetch = async () => new Response(REPLY, { headers: { "content-type": "application/json" } });

/**
 * The cost of one answer at question 1 and at the last question of the longest questionnaire (named), in
 * process: createBot (default rate limit) + handleUpdate over a file database, no network. Each repetition is a fresh expert
 * seeded at that question; the two positions alternate so both see the same database size.
 */
export async function answerCost(options: AnswerCostOptions): Promise<AnswerCostResult> {
  const directory = temporaryDirectory("answer-cost");
  // The test bot's wiring of the services over a file database; the bot itself gets a no-op fetch.
  const { services } = await createTestBot({ databasePath: `${directory.path}/survey.db` });
  try {
    const questionnaire = longest(services);
    const path = scriptedPath(questionnaire, false);
    const first = path[0]!;
    const last = path.at(-1)!;
    const bot = createBot("123:bench", {
      services,
      botConfig: { botInfo, client: { fetch: noopFetch as never } },
    });
    await bot.init();

    const firstTimes: number[] = [];
    const lastTimes: number[] = [];
    const deadline = performance.now() + options.budgetMs;
    let nextId = FIRST_EXPERT_ID;
    let notStored = 0;
    const updates = new UpdateFactory();
    for (let round = 0; round < WARM_UP + options.repetitions && performance.now() < deadline; round++) {
      for (const [position, times] of [
        [first, firstTimes],
        [last, lastTimes],
      ] as const) {
        const userId = nextId++;
        const responseId = await seedExpert(services, questionnaire, userId, position.before);
        const elapsed = await timeAnswer(
          bot.handleUpdate.bind(bot),
          services,
          updates,
          userId,
          position.question,
        );
        if (round >= WARM_UP) times.push(elapsed);
        if (!(position.question.id in (await services.drafts.answersOf(responseId)))) notStored += 1;
      }
    }
    const firstMedian = median(firstTimes);
    const lastMedian = median(lastTimes);
    return {
      questionnaire: questionnaire.id,
      questions: path.length,
      first: { question: first.question.id, medianMs: firstMedian, p90Ms: percentile(firstTimes, 90) },
      last: { question: last.question.id, medianMs: lastMedian, p90Ms: percentile(lastTimes, 90) },
      repetitions: firstTimes.length,
      ratio: lastMedian / firstMedian,
      notStored,
    };
  } finally {
    await services.store.close();
    directory.dispose();
  }
}

function longest(services: BotServices): Questionnaire {
  const all = [...services.questionnaires.values()];
  return all.reduce((best, candidate) =>
    scriptedPath(candidate, false).length > scriptedPath(best, false).length ? candidate : best,
  );
}

/** A named expert who has answered everything before `state.current`, with that question on screen. */
async function seedExpert(
  services: BotServices,
  questionnaire: Questionnaire,
  userId: number,
  state: ResponseState,
): Promise<number> {
  const now = services.now();
  const pseudonym = services.pseudonyms.participant(userId);
  await services.participants.update(
    await services.participants.findOrCreate(pseudonym, now),
    {
      language: "en",
      stage: "answering",
      questionnaire: questionnaire.id,
      anonymous: false,
      consentedAt: now,
      screenMessageId: 1,
      screenRevision: 1,
    },
    now,
  );
  const wave = (await services.waves.openWave(questionnaire.id))!;
  const response = await storeAnswerByAnswer(services.drafts, wave, pseudonym, state);
  return response.id;
}

/** Milliseconds the bot spends on the updates that answer `question` the scripted way. */
async function timeAnswer(
  handleUpdate: (update: Update) => Promise<void>,
  services: BotServices,
  updates: UpdateFactory,
  userId: number,
  question: Question,
): Promise<number> {
  let elapsed = 0;
  for (const action of actionsFor(question)) {
    const revision = (await services.participants.find(services.pseudonyms.participant(userId)))!
      .screenRevision;
    const update = updates.answer(userId, question, action, revision);
    const started = performance.now();
    await handleUpdate(update);
    elapsed += performance.now() - started;
  }
  return elapsed;
}

/** Updates as Telegram would send them for one scripted answer action. */
class UpdateFactory {
  #nextId = 1;

  answer(userId: number, question: Question, action: FlowAction, revision: number): Update {
    const from = { id: userId, is_bot: false, first_name: "Expert", language_code: "en" };
    const chat = { id: userId, type: "private" as const, first_name: "Expert" };
    const updateId = this.#nextId++;
    if (action.type === "text") {
      return { update_id: updateId, message: { message_id: 2, date: 0, chat, from, text: action.text } };
    }
    const data =
      "option" in action
        ? encodeButton(
            revision,
            action.type,
            question.options.findIndex((option) => option.id === action.option),
          )
        : encodeButton(revision, action.type);
    return {
      update_id: updateId,
      callback_query: {
        id: String(updateId),
        from,
        chat_instance: "1",
        message: { message_id: 1, date: 0, chat, text: "" },
        data,
      },
    };
  }
}
