import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { forms, waves } from "./sqlite/schema.ts";

export type Wave = typeof waves.$inferSelect;

/** Monitoring waves: one open wave per questionnaire at a time, each running one version of its form. */
export class WaveRepository {
  private readonly openWaveStatement;

  constructor(private readonly db: SurveyDatabase) {
    this.openWaveStatement = db
      .select()
      .from(waves)
      .where(and(eq(waves.questionnaire, sql.placeholder("questionnaire")), isNull(waves.closedAt)))
      .prepare();
  }

  /** Read on every expert update: prepared once. */
  openWave(questionnaire: string): Wave | undefined {
    return this.openWaveStatement.get({ questionnaire });
  }

  latest(questionnaire: string): Wave | undefined {
    return this.db
      .select()
      .from(waves)
      .where(eq(waves.questionnaire, questionnaire))
      .orderBy(desc(waves.number))
      .get();
  }

  byNumber(questionnaire: string, number: number): Wave | undefined {
    return this.db
      .select()
      .from(waves)
      .where(and(eq(waves.questionnaire, questionnaire), eq(waves.number, number)))
      .get();
  }

  list(questionnaire?: string): Wave[] {
    const query = this.db.select().from(waves);
    return (questionnaire ? query.where(eq(waves.questionnaire, questionnaire)) : query)
      .orderBy(asc(waves.questionnaire), asc(waves.number))
      .all();
  }

  /** Opens wave 1 of every questionnaire that has none yet, so experts can answer from the first start. */
  ensureFirstWaves(questionnaireIds: Iterable<string>, now: Date): void {
    for (const questionnaire of questionnaireIds) {
      this.db
        .insert(waves)
        .values({ questionnaire, number: 1, openedAt: now, formVersion: latestFormVersion(questionnaire) })
        .onConflictDoNothing()
        .run();
    }
  }

  /** The open wave runs `version` of its form from now on (a coordinator confirmed the change). */
  runFormVersion(waveId: number, version: string): void {
    this.db.update(waves).set({ formVersion: version }).where(eq(waves.id, waveId)).run();
  }

  /** Closes the open wave (if any) and opens the next one, in one transaction. */
  openNext(questionnaire: string, now: Date): Wave {
    return this.db.transaction((tx) => {
      tx.update(waves)
        .set({ closedAt: now })
        .where(and(eq(waves.questionnaire, questionnaire), isNull(waves.closedAt)))
        .run();
      const number = (this.latest(questionnaire)?.number ?? 0) + 1;
      const formVersion = latestFormVersion(questionnaire);
      return tx.insert(waves).values({ questionnaire, number, openedAt: now, formVersion }).returning().get();
    });
  }

  close(questionnaire: string, now: Date): Wave | undefined {
    return this.db
      .update(waves)
      .set({ closedAt: now })
      .where(and(eq(waves.questionnaire, questionnaire), isNull(waves.closedAt)))
      .returning()
      .get();
  }
}

/** A new wave runs the form version installed last; none for a questionnaire that is not an installed form. */
function latestFormVersion(questionnaire: string) {
  return sql`(select ${forms.version} from ${forms} where ${forms.formId} = ${questionnaire} order by ${forms.id} desc limit 1)`;
}
