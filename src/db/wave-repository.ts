import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Connection, Tables } from "./connection.ts";
import type { waves } from "./sqlite/schema.ts";

export type Wave = typeof waves.$inferSelect;

/** Monitoring waves: one open wave per questionnaire at a time, each running one version of its form. */
export class WaveRepository {
  /** Read on every expert update: prepared once. */
  private readonly openWaveStatement;

  constructor(private readonly connection: Connection) {
    const { waves } = connection.tables;
    this.openWaveStatement = connection.prepare("wave_open", (db) =>
      db
        .select()
        .from(waves)
        .where(and(eq(waves.questionnaire, sql.placeholder("questionnaire")), isNull(waves.closedAt))),
    );
  }

  async openWave(questionnaire: string): Promise<Wave | undefined> {
    const [open] = await this.openWaveStatement({ questionnaire });
    return open;
  }

  latest(questionnaire: string): Promise<Wave | undefined> {
    const { waves } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db
        .select()
        .from(waves)
        .where(eq(waves.questionnaire, questionnaire))
        .orderBy(desc(waves.number))
        .limit(1);
      return row;
    });
  }

  byNumber(questionnaire: string, number: number): Promise<Wave | undefined> {
    const { waves } = this.connection.tables;
    return this.first(and(eq(waves.questionnaire, questionnaire), eq(waves.number, number)));
  }

  list(questionnaire?: string): Promise<Wave[]> {
    const { waves } = this.connection.tables;
    return this.connection.use((db) => {
      const query = db.select().from(waves);
      return (questionnaire ? query.where(eq(waves.questionnaire, questionnaire)) : query).orderBy(
        asc(waves.questionnaire),
        asc(waves.number),
      );
    });
  }

  /** Opens wave 1 of every questionnaire that has none yet, so experts can answer from the first start. */
  async ensureFirstWaves(questionnaireIds: Iterable<string>, now: Date): Promise<void> {
    const { waves } = this.connection.tables;
    for (const questionnaire of questionnaireIds) {
      const formVersion = latestFormVersion(this.connection.tables, questionnaire);
      await this.connection.use((db) =>
        db
          .insert(waves)
          .values({ questionnaire, number: 1, openedAt: now, formVersion })
          .onConflictDoNothing(),
      );
    }
  }

  /** The open wave runs `version` of its form from now on (a coordinator confirmed the change). */
  async runFormVersion(waveId: number, version: string): Promise<void> {
    const { waves } = this.connection.tables;
    await this.connection.use((db) =>
      db.update(waves).set({ formVersion: version }).where(eq(waves.id, waveId)),
    );
  }

  /** Closes the open wave (if any) and opens the next one, in one transaction. */
  openNext(questionnaire: string, now: Date): Promise<Wave> {
    const { waves } = this.connection.tables;
    return this.connection.transaction(async (db) => {
      await db
        .update(waves)
        .set({ closedAt: now })
        .where(and(eq(waves.questionnaire, questionnaire), isNull(waves.closedAt)));
      const [latest] = await db
        .select({ number: waves.number })
        .from(waves)
        .where(eq(waves.questionnaire, questionnaire))
        .orderBy(desc(waves.number))
        .limit(1);
      const number = (latest?.number ?? 0) + 1;
      const formVersion = latestFormVersion(this.connection.tables, questionnaire);
      const [opened] = await db
        .insert(waves)
        .values({ questionnaire, number, openedAt: now, formVersion })
        .returning();
      return opened!;
    });
  }

  close(questionnaire: string, now: Date): Promise<Wave | undefined> {
    const { waves } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [closed] = await db
        .update(waves)
        .set({ closedAt: now })
        .where(and(eq(waves.questionnaire, questionnaire), isNull(waves.closedAt)))
        .returning();
      return closed;
    });
  }

  private first(condition: ReturnType<typeof and>): Promise<Wave | undefined> {
    const { waves } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db.select().from(waves).where(condition).limit(1);
      return row;
    });
  }
}

/** A new wave runs the form version installed last; none for a questionnaire that is not an installed form. */
function latestFormVersion({ forms }: Tables, questionnaire: string) {
  return sql<
    string | null
  >`(select ${forms.version} from ${forms} where ${forms.formId} = ${questionnaire} order by ${forms.id} desc limit 1)`;
}
