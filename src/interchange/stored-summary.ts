import type { FormRepository } from "../db/form-repository.ts";
import { summarySource, type WaveSelection } from "../db/summary-source.ts";
import type { TallyRepository } from "../db/tally-repository.ts";
import type { WaveRepository } from "../db/wave-repository.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { readXlsForm } from "../questionnaire/xlsform/form-reader.ts";
import { summariseTallies } from "../stats/summarise.ts";
import type { QuestionnaireSummary } from "../stats/summary-types.ts";

export interface SummaryStores {
  waves: WaveRepository;
  tallies: TallyRepository;
  forms: FormRepository;
}

/**
 * The summary of the selected waves of a questionnaire as stored, each wave read with the questions its
 * version of the form asked: a question new in the later version is not compared with a wave that never
 * asked it, and the summary names what the versions added and dropped.
 *
 * @example
 * summariseStoredWaves(services, education, "all").versionChanges; // { added: ["school_meals"], dropped: [] }
 */
export async function summariseStoredWaves(
  stores: SummaryStores,
  questionnaire: Questionnaire,
  selection: WaveSelection,
): Promise<QuestionnaireSummary> {
  const { tallies, knownWaves } = await summarySource(stores, questionnaire.id, selection);
  const asked = await questionsAskedByWave(stores, questionnaire.id);
  return summariseTallies(questionnaire, tallies, knownWaves, asked);
}

/** Question ids by wave number, for the waves that ran a stored version of the form. */
async function questionsAskedByWave(
  stores: SummaryStores,
  questionnaireId: string,
): Promise<Map<number, Set<string>>> {
  const asked = new Map<number, Set<string>>();
  const byVersion = new Map<string, Set<string> | undefined>();
  for (const wave of await stores.waves.list(questionnaireId)) {
    const version = wave.formVersion;
    if (!version) continue;
    if (!byVersion.has(version)) {
      const stored = await stores.forms.find(questionnaireId, version);
      const form = stored && readXlsForm(stored.sheets).form;
      byVersion.set(version, form && new Set(form.questions.map((question) => question.name)));
    }
    const ids = byVersion.get(version);
    if (ids) asked.set(wave.number, ids);
  }
  return asked;
}
