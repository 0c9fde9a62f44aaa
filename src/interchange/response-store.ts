import type { DraftRepository } from "../db/draft-repository.ts";
import type { FormRepository } from "../db/form-repository.ts";
import type { ResultRepository } from "../db/result-repository.ts";
import type { TallyRepository } from "../db/tally-repository.ts";
import type { WaveRepository } from "../db/wave-repository.ts";
import type { Questionnaire } from "../questionnaire/types.ts";

/** What importing and exporting need: the bot's services and the CLI both provide it. */
export interface ResponseStore {
  questionnaires: ReadonlyMap<string, Questionnaire>;
  waves: WaveRepository;
  results: ResultRepository;
  /** An import finds the stored response a record stands for as the chat finds a draft. */
  drafts: DraftRepository;
  /** The export's summary sheets read these, as /summary does. */
  tallies: TallyRepository;
  /** The stored versions of the forms, for the questions each wave asked. */
  forms: FormRepository;
}
