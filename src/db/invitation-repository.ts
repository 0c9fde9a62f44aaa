import { and, eq } from "drizzle-orm";
import type { SurveyDatabase } from "./database.ts";
import { invitations } from "./schema.ts";

export type InvitationStatus = (typeof invitations.$inferSelect)["status"];

/** A named expert to invite, with where and in which language to write. */
export interface InvitationRecipient {
  expert: string;
  telegramId: number;
  language: string | null;
}

/** Invitations of named experts to a new wave; a row per expert and wave, so none is ever sent twice. */
export class InvitationRepository {
  constructor(private readonly db: SurveyDatabase) {}

  /**
   * Experts who asked to be invited and submitted this questionnaire in an earlier wave, who have not
   * started the wave yet and whose invitation has not gone out (a failed one may be tried again). Without
   * `waveId`, for a wave about to be opened.
   */
  recipients(questionnaire: string, waveNumber: number, waveId?: number): InvitationRecipient[] {
    return this.db.$client
      .prepare(
        `select e.pseudonym as expert, e.telegram_id as telegramId, coalesce(p.language, e.language) as language
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
             where i.wave_id = ? and i.expert = e.pseudonym and i.status <> 'failed')
         order by e.created_at, e.pseudonym`,
      )
      .all(questionnaire, waveNumber, waveId ?? null, waveId ?? null) as InvitationRecipient[];
  }

  /**
   * Takes the invitation for sending; false when it is already taken (sent, blocked, or being sent by
   * another run). Claimed before the message goes out: a crash in between leaves it unsent, never doubled.
   */
  claim(waveId: number, expert: string, now: Date): boolean {
    return (
      this.db
        .insert(invitations)
        .values({ waveId, expert, status: "sending", updatedAt: now })
        .onConflictDoUpdate({
          target: [invitations.waveId, invitations.expert],
          set: { status: "sending", updatedAt: now },
          setWhere: eq(invitations.status, "failed"),
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
