import { parseArgs } from "node:util";
import { openDatabase } from "../db/database.ts";
import { ResponseRepository } from "../db/response-repository.ts";
import { WaveRepository } from "../db/wave-repository.ts";
import { isLanguage, Translations } from "../i18n/translator.ts";
import { loadQuestionnaires } from "../questionnaire/loader.ts";
import { summaryPages } from "../report/summary-pages.ts";
import { summariseQuestionnaire } from "../stats/summarise.ts";

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  summary <questionnaire> [--wave N] [--json] [--lang en|ru|kk]   statistics of a questionnaire

The database is DATABASE_PATH (default ./data/survey.db).`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    wave: { type: "string" },
    json: { type: "boolean", default: false },
    lang: { type: "string", default: "en" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const [command, ...rest] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(command || values.help ? 0 : 1);
}

const questionnaires = loadQuestionnaires();
const db = openDatabase(process.env.DATABASE_PATH ?? "./data/survey.db");
const responses = new ResponseRepository(db);
const waves = new WaveRepository(db);
waves.ensureFirstWaves(questionnaires.keys(), new Date());

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (command === "summary") {
  const questionnaire =
    questionnaires.get(rest[0] ?? "") ??
    fail(`Unknown questionnaire. Choose one of: ${[...questionnaires.keys()].join(", ")}`);
  const wave = values.wave === undefined ? undefined : Number(values.wave);
  if (wave !== undefined && !Number.isInteger(wave)) fail("--wave takes a wave number");
  const records = responses
    .submitted(questionnaire.id)
    .filter((record) => wave === undefined || record.wave === wave);
  const known = waves
    .list(questionnaire.id)
    .map((entry) => entry.number)
    .filter((number) => wave === undefined || number === wave);
  const summary = summariseQuestionnaire(questionnaire, records, known);
  if (values.json) {
    console.log(JSON.stringify(summary));
  } else {
    const t = Translations.load().forLanguage(isLanguage(values.lang) ? values.lang : "en");
    console.log(
      summaryPages(t, questionnaire, summary)
        .map((page) => page.text)
        .join("\n\n"),
    );
  }
} else {
  fail(`Unknown command "${command}".\n\n${USAGE}`);
}
db.$client.close();
