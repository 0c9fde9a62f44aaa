import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { summarySource } from "../../src/db/summary-source.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { cutToBytes } from "../../src/interchange/cut-to-bytes.ts";
import { writeExportFiles } from "../../src/interchange/export-files.ts";
import { exportedRespondentId } from "../../src/interchange/respondent-ids.ts";
import type { ResponseStore } from "../../src/interchange/response-store.ts";
import { FormTexts } from "../../src/questionnaire/form-texts.ts";
import type { Question } from "../../src/questionnaire/types.ts";
import { parseCsv } from "../../src/report/csv.ts";
import { summariseTallies } from "../../src/stats/summarise.ts";
import type { QuestionnaireSummary } from "../../src/stats/summary-types.ts";
import { type PsppTable, psppInstalled, runPspp } from "../support/pspp.ts";
import { questionnaire } from "../support/questionnaires.ts";
import { studyWithTwoWaves } from "./two-wave-study.ts";

const kk = Translations.load().forLanguage("kk");
const labels = new FormTexts("kk");
const IDS = ["education", "healthcare"] as const;
const LABEL_BYTES = 255;

let dir: string;
let study: ResponseStore;

/** Frequencies of a PSPP FREQUENCIES table by the label of each valid value. */
function validFrequencies(table: PsppTable): Map<string, number> {
  const frequencies = new Map<string, number>();
  let section = "";
  for (const [kind, label, frequency] of table.rows.slice(1)) {
    section = kind || section;
    if (section === "Valid") frequencies.set(label!, Number(frequency));
  }
  return frequencies;
}

/** What one variable's frequency table must show in one wave: its title and its counts. */
interface Expected {
  variable: string;
  title: string;
  check: (frequencies: Map<string, number>) => void;
}

function expectedTables(question: Question, summary: QuestionnaireSummary, wave: string): Expected[] {
  const entry = summary.questions.find((candidate) => candidate.id === question.id)!;
  const optionTitle = (id: string) =>
    cutToBytes(`${labels.short(question)}: ${labels.option(question, id)}`, LABEL_BYTES);
  if (entry.type === "select_one") {
    return [
      {
        variable: question.id,
        title: cutToBytes(labels.text(question), LABEL_BYTES),
        check: (frequencies) =>
          expect(
            entry.waves[wave]!.options.map(({ id, count }) => [
              id,
              frequencies.get(labels.option(question, id)) ?? 0,
              count,
            ]),
          ).toEqual(entry.waves[wave]!.options.map(({ id, count }) => [id, count, count])),
      },
    ];
  }
  if (entry.type === "select_multiple") {
    return entry.waves[wave]!.options.map(({ id, count }) => ({
      variable: `${question.id}_${id}`,
      title: optionTitle(id),
      check: (frequencies) =>
        expect([id, frequencies.get(kk("interchange:spss.chosen")) ?? 0]).toEqual([id, count]),
    }));
  }
  return [];
}

describe.skipIf(!psppInstalled())("the SPSS export read back by GNU PSPP", () => {
  beforeAll(async () => {
    study = await studyWithTwoWaves();
    dir = mkdtempSync(join(tmpdir(), "spss-export-"));
    const { written, cuts } = await writeExportFiles(study, kk, {
      format: "spss",
      out: dir,
      questionnaires: IDS.map(questionnaire),
    });
    expect(written.map((path) => basename(path))).toEqual([
      "education.sps",
      "education.csv",
      "healthcare.sps",
      "healthcare.csv",
    ]);
    // One Kazakh question text is longer than SPSS's 255-byte labels.
    expect(cuts).toEqual([{ what: "variable label", name: "access_relevance", bytes: 268, kept: 255 }]);
    for (const id of IDS) {
      const { messages } = runPspp(dir, `${id}.sps`);
      expect(messages).toBe("");
      expect(existsSync(join(dir, `${id}.sav`))).toBe(true);
    }
  });

  it.each(IDS)("%s: PSPP's frequencies of every choice per wave equal the summary's counts", async (id) => {
    const of = questionnaire(id);
    const { tallies, knownWaves } = await summarySource(study, id, "all");
    const summary = summariseTallies(of, tallies, knownWaves);
    expect(summary.waves).toEqual([1, 2]);
    const choices = of.questions.filter(
      (question) => question.section !== "identity" && question.type.startsWith("select"),
    );
    const expected = summary.waves.map((wave) =>
      choices.flatMap((question) => expectedTables(question, summary, String(wave))),
    );
    writeFileSync(
      join(dir, "frequencies.sps"),
      [
        `GET FILE='${id}.sav'.`,
        ...summary.waves.flatMap((wave, index) => [
          "TEMPORARY.",
          `SELECT IF (wave = ${wave}).`,
          `FREQUENCIES /VARIABLES=${expected[index]!.map((table) => table.variable).join(" ")} /STATISTICS=NONE.`,
        ]),
      ].join("\n"),
    );
    const { tables, messages } = runPspp(dir, "frequencies.sps");
    expect(messages).toBe("");
    const all = expected.flat();
    expect(tables.map((table) => table.title)).toEqual(all.map((table) => table.title));
    for (const [index, table] of all.entries()) table.check(validFrequencies(tables[index]!));
  });

  it.each(IDS)(
    "%s: wave, anonymity and source come back labelled in Kazakh with their counts",
    async (id) => {
      writeFileSync(
        join(dir, "respondents.sps"),
        `GET FILE='${id}.sav'.\nFREQUENCIES /VARIABLES=wave anonymous source /STATISTICS=NONE.\n` +
          "MRSETS /DISPLAY NAME=ALL.\n",
      );
      const { tables, messages } = runPspp(dir, "respondents.sps");
      expect(messages).toBe("");
      const stored = await study.results.submittedWithOrigin(id);
      const count = (keep: (response: (typeof stored)[number]) => boolean) => stored.filter(keep).length;
      expect(
        tables.slice(0, 3).map((table) => [table.title, Object.fromEntries(validFrequencies(table))]),
      ).toEqual([
        ["Кезең", { "1-кезең": count((r) => r.wave === 1), "2-кезең": count((r) => r.wave === 2) }],
        ["Анонимді жауап", { "өз атымен": count((r) => !r.anonymous), анонимді: count((r) => r.anonymous) }],
        [
          "Жауаптың қайдан алынғаны",
          Object.fromEntries(
            [
              ["Telegram", count((r) => r.source === "telegram")],
              ["Қағаз сауалнама", count((r) => r.source === "paper")],
            ].filter(([, n]) => n !== 0),
          ),
        ],
      ]);
      // PSPP lists the sets by name.
      const multiple = questionnaire(id)
        .questions.filter((question) => question.type === "select_multiple")
        .sort((a, b) => a.id.localeCompare(b.id));
      expect(
        tables[3]!.rows
          .slice(1)
          .map(([name, label, encoding, value, members]) => [name, label, encoding, value, members]),
      ).toEqual(
        multiple.map((question) => [
          `$${question.id}`,
          labels.text(question),
          "Dichotomies",
          "1",
          question.options.map((option) => `${question.id}_${option.id}`).join("\n"),
        ]),
      );
    },
  );

  it.each(IDS)(
    "%s: every text comes back exactly: Kazakh letters, quotes, line breaks, formula-like texts",
    async (id) => {
      const of = questionnaire(id);
      const texts = of.questions.flatMap((question) => [
        ...(question.type === "text" ? [{ question, variable: question.id }] : []),
        ...(question.options.some((option) => option.specify)
          ? [{ question, variable: `${question.id}_other_text` }]
          : []),
      ]);
      const names = ["respondent_id", ...texts.map((text) => text.variable)];
      // Each text behind a "|", so that no CSV reader can take a formula guard left in it for its own.
      writeFileSync(
        join(dir, "texts.sps"),
        [
          `GET FILE='${id}.sav'.`,
          ...names.map(
            (name) => `STRING seen_${name} (A32767).\nCOMPUTE seen_${name} = CONCAT("|", ${name}).`,
          ),
          `SAVE TRANSLATE /OUTFILE='${id}-back.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE`,
          `  /KEEP=${names.map((name) => `seen_${name}`).join(" ")}.`,
        ].join("\n"),
      );
      expect(runPspp(dir, "texts.sps").messages).toBe("");
      const [header, ...rows] = parseCsv(readFileSync(join(dir, `${id}-back.csv`), "utf8"));
      expect(header).toEqual(names.map((name) => `seen_${name}`));
      const stored = await study.results.submittedWithOrigin(id);
      const expected = stored.map((response) => [
        exportedRespondentId(response),
        ...texts.map(({ question, variable }) => {
          const answer = response.answers[question.id];
          if (variable !== question.id) {
            return answer && "other" in answer && answer.other ? answer.other : "";
          }
          return answer?.kind === "text" ? answer.value : answer?.kind === "declined" ? "declined" : "";
        }),
      ]);
      expect(rows.map((row) => row.map((cell) => cell.replace(/^\|/, "")))).toEqual(expected);
      expect(expected.flat().some((text) => text.includes("\n"))).toBe(true);
      expect(expected.flat().some((text) => /[әғқңө]/.test(text))).toBe(true);
    },
  );
});
