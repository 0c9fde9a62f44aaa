import {
  and,
  asc,
  count,
  eq,
  exists,
  isNotNull,
  lt,
  ne,
  not,
  notExists,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Connection } from "./connection.ts";
import type { invitations } from "./sqlite/schema.ts";

export type InvitationStatus = (typeof invitations.$inferSelect)["status"];

/** A named expert to invite, with where and in which language to write. */
export interface InvitationRecipient {
  expert: string;
  telegramId: number;
  language: string | null;
  /** An earlier run claimed this invitation and stopped before it knew whether it went out. */
  interrupted: boolean;
}

/**
 * Invitations of named experts to a new wave; a row per expert and wave. A row is claimed ("sending") before
 * its message goes out and finished after. A run that was stopped between the two (a crash, a kill, a stop
 * past its deadline) leaves the row at "sending", and nobody can know whether Telegram got the message:
 * Telegram has no idempotency key. Such a row is sent again by the next run (at least once): a second copy
 * of an invitation costs the expert a glance, a missing one costs the study their answers to the wave. A
 * graceful stop lets the messages on their way finish, so only a crash leaves such rows, at most as many as
 * a run sends at once.
 */
export class InvitationRepository {
  constructor(private readonly connection: Connection) {}

  /**
   * Experts who asked to be invited and submitted this questionnaire in an earlier wave, who have not
   * started the wave yet and whose invitation has not gone out: a failed one may be tried again, and one
   * left at "sending" by a run from before `runStartedAt` is sent again. Without `waveId`, for a wave about
   * to be opened.
   */
  recipients(
    questionnaire: string,
    waveNumber: number,
    waveId?: number,
    runStartedAt?: Date,
  ): Promise<InvitationRecipient[]> {
    const { experts, participants, responses, waves, invitations } = this.connection.tables;
    return this.connection.use(async (db) => {
      const invitationOf = (...conditions: SQL[]) =>
        db
          .select({ expert: invitations.expert })
          .from(invitations)
          .where(and(eq(invitations.expert, experts.pseudonym), ...conditions));
      const submittedEarlier = db
        .select({ id: responses.id })
        .from(responses)
        .innerJoin(waves, eq(waves.id, responses.waveId))
        .where(
          and(
            eq(responses.respondentKey, experts.pseudonym),
            eq(responses.questionnaire, questionnaire),
            lt(waves.number, waveNumber),
            isNotNull(responses.submittedAt),
          ),
        );
      const inThisWave =
        waveId === undefined
          ? []
          : [
              notExists(
                db
                  .select({ id: responses.id })
                  .from(responses)
                  .where(and(eq(responses.waveId, waveId), eq(responses.respondentKey, experts.pseudonym))),
              ),
              notExists(
                invitationOf(
                  eq(invitations.waveId, waveId),
                  ne(invitations.status, "failed"),
                  not(
                    and(
                      eq(invitations.status, "sending"),
                      runStartedAt ? lt(invitations.updatedAt, runStartedAt) : sql`true`,
                    )!,
                  ),
                ),
              ),
            ];
      const rows = await db
        .select({
          expert: experts.pseudonym,
          telegramId: experts.telegramId,
          language: sql<string | null>`coalesce(${participants.language}, ${experts.language})`,
          interrupted:
            waveId === undefined
              ? sql<boolean>`false`
              : exists(invitationOf(eq(invitations.waveId, waveId), eq(invitations.status, "sending"))),
        })
        .from(experts)
        .leftJoin(participants, eq(participants.pseudonym, experts.pseudonym))
        .where(and(eq(experts.inviteToNextWave, true), exists(submittedEarlier), ...inThisWave))
        .orderBy(asc(experts.createdAt), asc(experts.pseudonym));
      return rows.map((row) => ({ ...row, interrupted: Boolean(row.interrupted) }));
    });
  }

  /** Invitations of the wave left at "sending" by a run that stopped before it knew whether they went out. */
  countInterrupted(waveId: number): Promise<number> {
    const { invitations } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db
        .select({ interrupted: count() })
        .from(invitations)
        .where(and(eq(invitations.waveId, waveId), eq(invitations.status, "sending")));
      return row?.interrupted ?? 0;
    });
  }

  /**
   * Takes the invitation for sending; false when it is already taken (sent, blocked, or being sent by a run
   * that started at `runStartedAt` or later). A row left at "sending" by an earlier run is taken again.
   * One statement, so two instances claiming the same invitation at once cannot both take it.
   */
  claim(waveId: number, expert: string, now: Date, runStartedAt: Date = now): Promise<boolean> {
    const { invitations } = this.connection.tables;
    return this.connection.use(async (db) => {
      const claimed = await db
        .insert(invitations)
        .values({ waveId, expert, status: "sending", updatedAt: now })
        .onConflictDoUpdate({
          target: [invitations.waveId, invitations.expert],
          set: { status: "sending", updatedAt: now },
          setWhere: or(
            eq(invitations.status, "failed"),
            and(eq(invitations.status, "sending"), lt(invitations.updatedAt, runStartedAt)),
          ),
        })
        .returning({ expert: invitations.expert });
      return claimed.length > 0;
    });
  }

  async finish(
    waveId: number,
    expert: string,
    status: Exclude<InvitationStatus, "sending">,
    now: Date,
  ): Promise<void> {
    const { invitations } = this.connection.tables;
    await this.connection.use((db) =>
      db
        .update(invitations)
        .set({ status, updatedAt: now })
        .where(and(eq(invitations.waveId, waveId), eq(invitations.expert, expert))),
    );
  }
}
