/*
 * How stored responses are named in the interchange table. A paper response is stored under the key
 * "paper:<respondent_id>" and exported with its respondent_id unchanged. A Telegram response has no
 * respondent id of its own (its key is a pseudonym, never shown), so it is exported as "tg-<response id>".
 * Reading a table back, "tg-<n>" names Telegram response n of this database when that response is in the
 * same wave; otherwise the row is a paper response like any other. Coordinators should not give paper
 * respondents ids of the form "tg-<number>".
 */

const PAPER_KEY_PREFIX = "paper:";
const TELEGRAM_ID = /^tg-([1-9]\d{0,14})$/;

/** The respondent key a paper response is stored under. */
export function paperRespondentKey(respondentId: string): string {
  return `${PAPER_KEY_PREFIX}${respondentId}`;
}

/**
 * The respondent_id under which a stored response is exported.
 *
 * @example
 * exportedRespondentId({ id: 12, source: "telegram", respondentKey: "Zx9…" }); // "tg-12"
 * exportedRespondentId({ id: 13, source: "paper", respondentKey: "paper:Ш-04" }); // "Ш-04"
 */
export function exportedRespondentId(response: {
  id: number;
  source: "telegram" | "paper";
  respondentKey: string;
}): string {
  if (response.source === "telegram") return `tg-${response.id}`;
  const key = response.respondentKey;
  return key.startsWith(PAPER_KEY_PREFIX) ? key.slice(PAPER_KEY_PREFIX.length) : key;
}

/** The response id a "tg-<n>" respondent_id names, or undefined for any other id. */
export function telegramResponseId(respondentId: string): number | undefined {
  const match = TELEGRAM_ID.exec(respondentId);
  return match ? Number(match[1]) : undefined;
}
