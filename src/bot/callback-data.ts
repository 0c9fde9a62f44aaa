/**
 * Button payloads: `<screen revision>:<action>[:<argument>]`. The revision makes a press on any button of an
 * earlier screen recognisable, so a double tap or an old message never records anything twice.
 */
export type ButtonAction =
  | "language"
  | "consent"
  | "decline_consent"
  | "questionnaire"
  | "anonymity"
  | "choose"
  | "toggle"
  | "rank"
  | "undo"
  | "done"
  | "decline"
  | "back"
  | "edit"
  | "submit"
  | "continue"
  | "restart"
  | "change"
  | "invite"
  | "reminders";

const CODES: Record<ButtonAction, string> = {
  language: "L",
  consent: "C",
  decline_consent: "D",
  questionnaire: "Q",
  anonymity: "A",
  choose: "c",
  toggle: "t",
  rank: "r",
  undo: "u",
  done: "d",
  decline: "x",
  back: "b",
  edit: "e",
  submit: "s",
  continue: "K",
  restart: "N",
  change: "H",
  invite: "I",
  reminders: "M",
};
const ACTIONS = new Map(Object.entries(CODES).map(([action, code]) => [code, action as ButtonAction]));
const PATTERN = /^(\d+):([A-Za-z])(?::([\w-]{1,40}))?$/;

export interface ButtonPress {
  revision: number;
  action: ButtonAction;
  argument?: string;
}

export function encodeButton(revision: number, action: ButtonAction, argument?: string | number): string {
  return argument === undefined ? `${revision}:${CODES[action]}` : `${revision}:${CODES[action]}:${argument}`;
}

/** Parses a payload; anything that is not ours (a forged or foreign payload) gives undefined. */
export function decodeButton(data: string): ButtonPress | undefined {
  const match = PATTERN.exec(data);
  const action = match && ACTIONS.get(match[2]!);
  if (!match || !action) return undefined;
  return { revision: Number(match[1]), action, ...(match[3] !== undefined ? { argument: match[3] } : {}) };
}
