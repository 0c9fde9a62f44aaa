import { existsSync, readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { configuredBotToken } from "../config.ts";
import { FormRepository } from "../db/form-repository.ts";
import { ResponseRepository } from "../db/response-repository.ts";
import { SettingRepository } from "../db/setting-repository.ts";
import { backupDatabase } from "../db/sqlite/backup-sqlite.ts";
import { openDatabase } from "../db/sqlite/open-sqlite.ts";
import { TallyRepository } from "../db/tally-repository.ts";
import { WaveRepository } from "../db/wave-repository.ts";
import { isLanguage, Translations } from "../i18n/translator.ts";
import { EXPORT_FORMATS, type ExportFormat, writeExportFiles } from "../interchange/export-files.ts";
import { IMPORT_LIMITS } from "../interchange/import-limits.ts";
import { importReport, refusalText } from "../interchange/import-report.ts";
import { importResponses } from "../interchange/import-responses.ts";
import { loadInstalledForms } from "../interchange/installed-forms.ts";
import { describeCut } from "../interchange/spss-export.ts";
import { summariseStoredWaves } from "../interchange/stored-summary.ts";
import { installStudyForms } from "../interchange/study-forms.ts";
import { endOnUnhandledErrors } from "../last-resort.ts";
import { summaryPages } from "../report/summary-pages.ts";
import { checkFormFile } from "./questionnaire-check.ts";
import { addForm, formList } from "./questionnaire-forms.ts";

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  summary <questionnaire> [--wave N] [--json] [--lang en|ru|kk]   statistics of a questionnaire
  import <file.csv|file.xlsx>   paper responses in the interchange layout; all or nothing: with any problem
                                nothing is imported, the problems are listed by row and column, exit code 1
  export --format xlsx|csv|spss --out <path> [--questionnaire <id>] [--lang en|ru|kk]
                                xlsx: one workbook at <path> (responses, codebook, summaries in --lang);
                                csv: one file per questionnaire (UTF-8 with BOM): <path> itself when one
                                questionnaire is exported, else the directory <path>/<questionnaire>.csv;
                                spss: the directory <path> gets <questionnaire>.sps (labels in --lang) and
                                the <questionnaire>.csv it reads; \`pspp <questionnaire>.sps\` run there
                                writes <questionnaire>.sav
  questionnaire check <form.xlsx>
                                an XLSForm questionnaire (sheets survey, choices, settings): prints its id,
                                version, number of questions and languages, or each problem by sheet, row and
                                column, exit code 1; the database is not opened
  questionnaire add <form.xlsx>
                                checks the form as above and installs it: prints its id, version and number
                                of questions; the same id and version with other content is refused (raise
                                the version), exit code 1. An open wave keeps the version it runs; the next
                                wave opened runs the version installed last
  questionnaire list            installed forms and their versions, the latest first, with the day each was
                                installed and the open wave that runs it
  backup <path>                 a consistent copy of the database (SQLite online backup), safe while the
                                bot runs

The database is DATABASE_PATH (default ./data/survey.db).`;

endOnUnhandledErrors(configuredBotToken());

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    wave: { type: "string" },
    json: { type: "boolean", default: false },
    lang: { type: "string", default: "en" },
    format: { type: "string", default: "xlsx" },
    out: { type: "string" },
    questionnaire: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const [command, ...rest] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(command || values.help ? 0 : 1);
}

const databasePath = process.env.DATABASE_PATH ?? "./data/survey.db";

if (command === "questionnaire") {
  const [action, path] = rest;
  if (action === "list") {
    const db = openDatabase(databasePath);
    console.log(formList(new FormRepository(db), new WaveRepository(db)));
    db.$client.close();
    process.exit(0);
  }
  if ((action !== "check" && action !== "add") || !path) {
    fail(`questionnaire takes: check <form.xlsx> | add <form.xlsx> | list\n\n${USAGE}`);
  }
  if (!existsSync(path)) fail(`No file at ${path}`);
  const check = await checkFormFile(readFileSync(path));
  if ("refusal" in check) fail(refusalText(cliTranslator(), check.refusal));
  for (const warning of check.warnings) console.error(`Warning: ${warning}`);
  if (!check.ok) fail([`The form is refused:`, ...check.problems].join("\n"));
  if (action === "check") {
    console.log(check.summary);
    process.exit(0);
  }
  const db = openDatabase(databasePath);
  const added = addForm(new FormRepository(db), check, new Date());
  db.$client.close();
  if (!added.ok) fail(added.line);
  console.log(added.line);
  process.exit(0);
}

const db = openDatabase(databasePath);
const responses = new ResponseRepository(db);
const waves = new WaveRepository(db);
const tallies = new TallyRepository(db);
const forms = new FormRepository(db);
await installStudyForms({ forms, settings: new SettingRepository(db) }, new Date());
const installed = loadInstalledForms(
  { forms, waves },
  { otherLabel: Translations.load().inEveryLanguage("other_option") },
);
const questionnaires = installed.questionnaires;
for (const form of installed.unreadable) console.error(`Warning: the installed form ${form} cannot be read`);
waves.ensureFirstWaves(questionnaires.keys(), new Date());

function cliTranslator() {
  return Translations.load().forLanguage(isLanguage(values.lang) ? values.lang : "en");
}

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
  const summary = summariseStoredWaves({ waves, tallies, forms }, questionnaire, wave ?? "all");
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
} else if (command === "import") {
  const path = rest[0] ?? fail("import takes the path of a .csv or .xlsx file");
  if (!existsSync(path)) fail(`No file at ${path}`);
  if (statSync(path).size > IMPORT_LIMITS.fileBytes) fail(refusalText(cliTranslator(), "file_size"));
  const result = await importResponses(
    { questionnaires, waves, responses, tallies, forms },
    readFileSync(path),
    new Date(),
  );
  const report = importReport(cliTranslator(), result);
  if (!result.ok) fail(report);
  console.log(report);
} else if (command === "export") {
  const format = EXPORT_FORMATS.includes(values.format as ExportFormat)
    ? (values.format as ExportFormat)
    : fail(`--format is one of ${EXPORT_FORMATS.join(", ")}`);
  const out = values.out ?? fail("export needs --out <path>");
  const chosen =
    values.questionnaire === undefined
      ? [...questionnaires.values()]
      : [questionnaires.get(values.questionnaire) ?? fail(`Unknown questionnaire "${values.questionnaire}"`)];
  const { written, cuts } = await writeExportFiles(
    { questionnaires, waves, responses, tallies, forms },
    cliTranslator(),
    { format, out, questionnaires: chosen },
  );
  for (const cut of cuts) console.error(`Warning: ${describeCut(cut)} to fit SPSS`);
  console.log(written.join("\n"));
} else if (command === "backup") {
  const path = rest[0] ?? fail("backup takes the path of the copy to write");
  await backupDatabase(db.$client, path).catch((error: Error) => fail(`Backup failed: ${error.message}`));
  console.log(`Backup written to ${path}`);
} else {
  fail(`Unknown command "${command}".\n\n${USAGE}`);
}
db.$client.close();
