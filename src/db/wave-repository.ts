import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { SurveyDatabase } from "./database.ts";
import { waves } from "./schema.ts";

export type Wave = typeof waves.$inferSelect;

/** Monitoring waves: one open wave per questionnaire at a time. */
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
      this.db.insert(waves).values({ questionnaire, number: 1, openedAt: now }).onConflictDoNothing().run();
    }
  }

  /** Closes the open wave (if any) and opens the next one, in one transaction. */
  openNext(questionnaire: string, now: Date): Wave {
    return this.db.transaction((tx) => {
      tx.update(waves)
        .set({ closedAt: now })
        .where(and(eq(waves.questionnaire, questionnaire), isNull(waves.closedAt)))
        .run();
      const number = (this.latest(questionnaire)?.number ?? 0) + 1;
      return tx.insert(waves).values({ questionnaire, number, openedAt: now }).returning().get();
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
