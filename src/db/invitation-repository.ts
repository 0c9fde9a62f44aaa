import { and, eq, lt, or } from "drizzle-orm";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { invitations } from "./sqlite/schema.ts";

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
  constructor(private readonly db: SurveyDatabase) {}

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
  ): InvitationRecipient[] {
    const rows = this.db.$client
      .prepare(
        `select e.pseudonym as expert, e.telegram_id as telegramId, coalesce(p.language, e.language) as language,
           exists (select 1 from invitations i
                   where i.wave_id = ? and i.expert = e.pseudonym and i.status = 'sending') as interrupted
         from experts e
         left join participants p on p.pseudonym = e.pseudonym
         where e.invite_to_next_wave = 1
           and exists (
             select 1 from responses r join waves w on w.id = r.wave_id
             where r.respondent_key = e.pseudonym and r.questionnaire = ? and w.number < ?
               and r.submitted_at is not null)
           and not exists (select 1 from responses r where r.wave_id = ? and r.respondent_key = e.pseudonym)
           and not exists (
             select 1 from invitations i
             where i.wave_id = ? and i.expert = e.pseudonym and i.status <> 'failed'
               and not (i.status = 'sending' and i.updated_at < ?))
         order by e.created_at, e.pseudonym`,
      )
      .all(
        waveId ?? null,
        questionnaire,
        waveNumber,
        waveId ?? null,
        waveId ?? null,
        runStartedAt?.getTime() ?? null,
      ) as Array<Omit<InvitationRecipient, "interrupted"> & { interrupted: number }>;
    return rows.map((row) => ({ ...row, interrupted: row.interrupted === 1 }));
  }

  /** Invitations of the wave left at "sending" by a run that stopped before it knew whether they went out. */
  countInterrupted(waveId: number): number {
    return this.db.$client
      .prepare("select count(*) from invitations where wave_id = ? and status = 'sending'")
      .pluck()
      .get(waveId) as number;
  }

  /**
   * Takes the invitation for sending; false when it is already taken (sent, blocked, or being sent by a run
   * that started at `runStartedAt` or later). A row left at "sending" by an earlier run is taken again.
   */
  claim(waveId: number, expert: string, now: Date, runStartedAt: Date = now): boolean {
    return (
      this.db
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
        .run().changes > 0
    );
  }

  finish(waveId: number, expert: string, status: Exclude<InvitationStatus, "sending">, now: Date): void {
    this.db
      .update(invitations)
      .set({ status, updatedAt: now })
      .where(and(eq(invitations.waveId, waveId), eq(invitations.expert, expert)))
      .run();
  }
}
