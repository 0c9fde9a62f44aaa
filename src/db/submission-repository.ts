import { and, eq, isNotNull, notLike } from "drizzle-orm";
import type { Connection, Db } from "./connection.ts";
import {
  copyResponse,
  deleteResponse,
  formVersionOf,
  responseById,
  type StoredResponse,
  sealedKey,
} from "./response-rows.ts";

/** The draft being sealed was deleted by a concurrent Submit: this one is undone. */
class DraftGone extends Error {}

/** A submitted response found by its receipt, with what the expert may do with it. */
export type ReceiptResponse = StoredResponse & { wave: number; waveOpen: boolean };

/**
 * Submit and what follows it: a named response submitted where it stands, an anonymous draft sealed away
 * from its account, and a sealed response reopened or withdrawn by its receipt.
 */
export class SubmissionRepository {
  constructor(private readonly connection: Connection) {}

  /** Submits a named response where it stands; each submission gets a new receipt. */
  submit(responseId: number, receiptHash: string, now: Date): Promise<StoredResponse> {
    const { tables } = this.connection;
    const { responses } = tables;
    return this.connection.use(async (db) => {
      const [submitted] = await db
        .update(responses)
        .set({
          receiptHash,
          submittedAt: now,
          updatedAt: now,
          pending: null,
          formVersion: formVersionOf(tables, responses.waveId),
        })
        .where(eq(responses.id, responseId))
        .returning();
      return submitted!;
    });
  }

  /**
   * Submits an anonymous draft by severing it from the account, in one transaction: its answers become a
   * response under a random id and key with nothing but the day as time, the draft goes, and the account
   * keeps only the marker that it submitted in this wave. False when the draft is gone: two Submits of one
   * draft at once (two instances) store one response, the later one finds the draft deleted by the first
   * and undoes itself. Then the engine's log is emptied, so no copy shows the draft and the response written
   * together.
   */
  async seal(draftId: number, sealing: { receiptHash: string; marker: string; day: Date }): Promise<boolean> {
    const { receiptHash, marker, day } = sealing;
    const { tables } = this.connection;
    return this.connection
      .erasing(async (db) => {
        const draft = await responseById(db, tables, draftId);
        if (!draft) return false;
        await copyResponse(
          db,
          tables,
          draft,
          { respondentKey: sealedKey(), submittedAt: day, receiptHash, reviewing: false },
          day,
        );
        if (!(await deleteResponse(db, tables, draftId))) throw new DraftGone();
        await db.insert(tables.submissions).values({ marker }).onConflictDoNothing();
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof DraftGone) return false;
        throw error;
      });
  }

  /**
   * Turns a sealed response back into the expert's draft to change it: the response stops counting until it
   * is submitted again (with a new receipt), and the account's marker goes with it. Undefined when the
   * account already has a draft in that wave.
   */
  async reopen(
    responseId: number,
    draft: { respondentKey: string; marker: string },
    now: Date,
  ): Promise<StoredResponse | undefined> {
    const { tables } = this.connection;
    const { responses, submissions } = tables;
    return this.connection.erasing(async (db) => {
      const sealed = await responseById(db, tables, responseId);
      if (!sealed) return undefined;
      const [existing] = await db
        .select({ id: responses.id })
        .from(responses)
        .where(and(eq(responses.waveId, sealed.waveId), eq(responses.respondentKey, draft.respondentKey)));
      if (existing) return undefined;
      const copy = await copyResponse(
        db,
        tables,
        sealed,
        { respondentKey: draft.respondentKey, submittedAt: null, receiptHash: null, reviewing: true },
        now,
      );
      await deleteResponse(db, tables, responseId);
      await db.delete(submissions).where(eq(submissions.marker, draft.marker));
      return copy;
    });
  }

  /** Deletes a sealed response at its receipt holder's request, with the account's marker. */
  async withdraw(responseId: number, marker: string): Promise<void> {
    const { tables } = this.connection;
    await this.connection.erasing(async (db) => {
      await deleteResponse(db, tables, responseId);
      await db.delete(tables.submissions).where(eq(tables.submissions.marker, marker));
    });
  }

  /** Whether the account behind `marker` has submitted in the marker's wave. */
  hasSubmission(marker: string): Promise<boolean> {
    const { submissions } = this.connection.tables;
    return this.connection.use(async (db) => {
      const rows = await db.select().from(submissions).where(eq(submissions.marker, marker));
      return rows.length > 0;
    });
  }

  /** The submitted response a receipt opens, if any. */
  findByReceipt(receiptHash: string): Promise<ReceiptResponse | undefined> {
    const { responses, waves } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db
        .select({ response: responses, wave: waves.number, closedAt: waves.closedAt })
        .from(responses)
        .innerJoin(waves, eq(waves.id, responses.waveId))
        .where(and(eq(responses.receiptHash, receiptHash), isNotNull(responses.submittedAt)));
      return row && { ...row.response, wave: row.wave, waveOpen: row.closedAt === null };
    });
  }

  /**
   * Severs anonymous responses submitted before receipts were secrets, once, at start-up: each leaves a
   * marker made from its old key (what `submissionMarker` builds from the same key) and takes a random key.
   */
  async sealLegacyAnonymous(markerOf: (anonymousKey: string, waveId: number) => string): Promise<number> {
    const { responses, submissions } = this.connection.tables;
    const legacyOn = (db: Db) =>
      db
        .select({ id: responses.id, waveId: responses.waveId, respondentKey: responses.respondentKey })
        .from(responses)
        .where(
          and(
            eq(responses.anonymous, true),
            isNotNull(responses.submittedAt),
            notLike(responses.respondentKey, "sealed:%"),
            eq(responses.source, "telegram"),
          ),
        );
    // Looked for first: every start runs this, and an erasing transaction rewrites tables on PostgreSQL.
    if ((await this.connection.use(legacyOn)).length === 0) return 0;
    return this.connection.erasing(async (db) => {
      const legacy = await legacyOn(db);
      for (const { id, waveId, respondentKey } of legacy) {
        await db
          .insert(submissions)
          .values({ marker: markerOf(respondentKey, waveId) })
          .onConflictDoNothing();
        await db.update(responses).set({ respondentKey: sealedKey() }).where(eq(responses.id, id));
      }
      return legacy.length;
    });
  }
}
