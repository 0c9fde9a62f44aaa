import { openDatabase, type SurveyDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { Pseudonyms } from "../../src/privacy/pseudonyms.ts";
import type { Questionnaire } from "../../src/questionnaire/types.ts";
import type { Activity } from "../../test/emulator/activity-hub.ts";
import { BotApiEmulator } from "../../test/emulator/bot-api-emulator.ts";
import { questionnaires } from "../../test/support/questionnaires.ts";
import { BENCH_PSEUDONYM_KEY, BotProcess, temporaryDirectory } from "../bot-process.ts";
import { activityHub, probeFirstPoll } from "../emulator-probe.ts";
import { scriptedPath } from "../scripted-states.ts";

export interface MemoryOptions {
  experts: number;
  budgetMs: number;
  /** Our bot's entry point: a built .js file on node, or a .ts file through tsx. */
  botScript: string;
}

export interface MemoryResult {
  experts: number;
  /** Where the seeded experts stand: this question, with every earlier one answered. */
  question: string;
  position: string;
  touched: number;
  resumeScreens: number;
  seconds: number;
  idleRssMb: number;
  rssMb: number;
  peakRssMb: number;
  wrapperRssMb: number;
  errors: number;
}

const FIRST_EXPERT_ID = 200_000;

/**
 * Resident memory of the bot process with many experts each halfway through the education questionnaire:
 * they are seeded in the database (anonymous, answers up to the middle question), then each sends /start once
 * through the emulator and gets the "continue or start over" screen.
 */
export async function memory(options: MemoryOptions): Promise<MemoryResult> {
  const directory = temporaryDirectory("memory");
  const databasePath = `${directory.path}/survey.db`;
  const education = questionnaires.get("education")!;
  const path = scriptedPath(education, true);
  const middle = path[Math.floor(path.length / 2)]!;
  seedExperts(databasePath, education, middle.before, options.experts);

  const emulator = new BotApiEmulator({ maxCallLog: 1000 });
  await emulator.start();
  const hub = activityHub(emulator);
  const ready = probeFirstPoll(emulator);
  const bot = BotProcess.start({
    script: options.botScript,
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    databasePath,
  });
  try {
    await ready;
    const idle = bot.memory();
    const continueLabel = Translations.load().forLanguage("en")("buttons.continue");
    const users = Array.from({ length: options.experts }, (_, index) =>
      emulator.user({ id: FIRST_EXPERT_ID + index, first_name: `Expert ${index}`, language_code: "en" }),
    );
    const started = performance.now();
    const answered = await new Promise<Set<number>>((resolve) => {
      const chats = new Set<number>();
      const timer = setTimeout(() => finish(), options.budgetMs);
      const finish = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve(chats);
      };
      const unsubscribe = hub.subscribe(undefined, (activity: Activity) => {
        if (activity.type !== "call" || activity.method !== "sendMessage" || activity.chatId === undefined)
          return;
        if (activity.chatId >= FIRST_EXPERT_ID) chats.add(activity.chatId);
        if (chats.size === users.length) finish();
      });
      for (const user of users) user.sendText("/start");
    });
    const seconds = (performance.now() - started) / 1000;
    const after = bot.memory();
    const resumeScreens = users.filter((user) => user.buttons().flat().includes(continueLabel)).length;
    return {
      experts: options.experts,
      question: middle.question.id,
      position: `${path.indexOf(middle) + 1}/${path.length}`,
      touched: answered.size,
      resumeScreens,
      seconds,
      idleRssMb: idle?.rssMb ?? Number.NaN,
      rssMb: after?.rssMb ?? Number.NaN,
      peakRssMb: after?.peakRssMb ?? Number.NaN,
      wrapperRssMb: after?.wrapperRssMb ?? Number.NaN,
      errors: bot.errorLines + emulator.internalErrors.length + (options.experts - resumeScreens),
    };
  } finally {
    await bot.stop();
    await emulator.close();
    directory.dispose();
  }
}

/**
 * Participants and their anonymous responses as the bot stores them, written with prepared statements in
 * one transaction: the bot's own key, so it finds them by the pseudonyms it computes.
 */
function seedExperts(
  databasePath: string,
  questionnaire: Questionnaire,
  state: ReturnType<typeof scriptedPath>[number]["before"],
  count: number,
): void {
  const db: SurveyDatabase = openDatabase(databasePath);
  try {
    const now = Date.now();
    const waves = new WaveRepository(db);
    waves.ensureFirstWaves([questionnaire.id], new Date(now));
    const waveId = waves.openWave(questionnaire.id)!.id;
    const pseudonyms = new Pseudonyms(BENCH_PSEUDONYM_KEY);
    const sqlite = db.$client;
    const insertParticipant = sqlite.prepare(
      `insert into participants (pseudonym, language, stage, questionnaire, anonymous, consented_at,
         screen_message_id, screen_revision, updated_at)
       values (?, 'en', 'answering', ?, 1, ?, 1, 7, ?)`,
    );
    const insertResponse = sqlite.prepare(
      `insert into responses (wave_id, questionnaire, respondent_key, anonymous, source, current_question,
         reviewing, updated_at)
       values (?, ?, ?, 1, 'telegram', ?, 0, ?)`,
    );
    const insertAnswer = sqlite.prepare(
      "insert into answers (response_id, question_id, value, answered_at) values (?, ?, ?, ?)",
    );
    const answers = Object.entries(state.answers).map(([questionId, value]) => [
      questionId,
      JSON.stringify(value),
    ]);
    sqlite.transaction(() => {
      for (let index = 0; index < count; index++) {
        const telegramId = FIRST_EXPERT_ID + index;
        insertParticipant.run(pseudonyms.participant(telegramId), questionnaire.id, now, now);
        const { lastInsertRowid } = insertResponse.run(
          waveId,
          questionnaire.id,
          pseudonyms.anonymousRespondent(telegramId, questionnaire.id),
          state.current,
          now,
        );
        for (const [questionId, value] of answers) insertAnswer.run(lastInsertRowid, questionId, value, now);
      }
    })();
  } finally {
    db.$client.close();
  }
}
