import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Translations } from "../../src/i18n/translator.ts";
import { capturedLog } from "../reliability/captured-log.ts";
import { freshPostgresDatabase, type PostgresDatabase } from "../support/postgres-server.ts";
import { studyText } from "../support/questionnaires.ts";
import { createTestBot, expert, type TestBot } from "../support/test-bot.ts";

const kk = Translations.load().forLanguage("kk");
const database = await freshPostgresDatabase();

/**
 * The bot on PostgreSQL when the server turns against it: its connections cut by an administrator, the
 * database made read-only. Nothing is lost in silence, and the bot carries on once the server does.
 */
describe.skipIf(!database)("a PostgreSQL server that refuses writes or cuts connections", () => {
  let testBot: TestBot;
  let admin: pg.Client;
  const log = capturedLog("info");

  beforeAll(async () => {
    const { url } = database as PostgresDatabase;
    testBot = await createTestBot({
      postgresUrl: url,
      logger: log.logger,
      storageFailures: { threshold: 10 },
    });
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await testBot?.services.store.close();
    await database?.drop();
  });

  /** Ends every other session on the bot's database, as `pg_terminate_backend` from an administrator does. */
  async function cutConnections() {
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()`,
    );
  }

  async function readOnly(on: boolean) {
    const name = (await admin.query("select current_database() as name")).rows[0].name;
    await admin.query(
      on
        ? `alter database "${name}" set default_transaction_read_only = on`
        : `alter database "${name}" reset default_transaction_read_only`,
    );
    await cutConnections();
  }

  const storedAnswers = async () =>
    Number((await admin.query("select count(*) as n from answers")).rows[0].n);
  const lastAnswer = () => testBot.telegram.callsOf("answerCallbackQuery").at(-1)?.payload;

  it("carries on after its idle connections are cut: the next press is stored", async () => {
    const user = expert(testBot, { id: 8201, language_code: "kk" });
    await user.send("/start");
    await user.press(/Қазақша/);
    await cutConnections();
    await user.press(kk("consent.agree"));
    await user.press(studyText(kk, "titles.education"));
    await user.press(kk("anonymity.anonymous"));
    await user.press(user.labels()[0]!);
    expect(await storedAnswers()).toBe(1);
  });

  it("answers a press on a read-only database in the expert's language, and stores it pressed again later", async () => {
    const user = expert(testBot, { id: 8202, language_code: "kk" });
    await user.send("/start");
    await user.press(/Қазақша/);
    await user.press(kk("consent.agree"));
    await user.press(studyText(kk, "titles.education"));
    await user.press(kk("anonymity.anonymous"));
    const option = user.labels()[0]!;
    const before = await storedAnswers();

    await readOnly(true);
    await user.press(option);
    expect(lastAnswer()).toMatchObject({ text: kk("storage.not_saved"), show_alert: true });
    expect(await storedAnswers()).toBe(before);
    expect(log.entries().filter((entry) => entry.msg === "update not saved: storage failed")).toEqual([
      expect.objectContaining({ code: "25006" }),
    ]);

    await readOnly(false);
    await user.press(option);
    expect(await storedAnswers()).toBe(before + 1);
  });
});
