import fc from "fast-check";
import type { Update } from "grammy/types";
import { COORDINATOR_COMMANDS } from "../../src/bot/features/coordinator/coordinator-feature.ts";
import type { TestBot } from "../support/test-bot.ts";

export interface Account {
  id: number;
  first_name: string;
  username?: string;
}

export const COORDINATOR: Account = { id: 42, first_name: "Dana", username: "dana_coordinator" };
export const EXPERTS: Account[] = [
  { id: 501, first_name: "Айгерим", username: "aigerim_k" },
  { id: 502, first_name: "Людмила" },
  { id: 503, first_name: "Saule", username: "saule_t" },
];
const ACCOUNTS = [...EXPERTS, COORDINATOR];
export const GROUP = { id: -100_777, type: "supergroup" as const, title: "Monitoring experts" };

type ChatKind = "private" | "group";
type Media = "document" | "sticker" | "photo" | "voice" | "location" | "contact";

interface Sender {
  user: number;
  language: string | undefined;
}

/** One thing a user does, described as data so fast-check can shrink a failing sequence. */
export type Step = Sender &
  (
    | {
        kind: "message";
        chat: ChatKind;
        body: { text: string } | { media: Media };
        as: "new" | "edited" | "forwarded";
      }
    | { kind: "callback"; chat: ChatKind | "inline"; data: string; messageId: number }
    | { kind: "forged_current"; code: string; argument: string | undefined }
    | { kind: "press"; which: "latest" | "older"; pick: number }
  );

const sender = fc.record({
  user: fc.constantFrom(...ACCOUNTS.map((account) => account.id)),
  language: fc.constantFrom("en", "ru", "kk", "de", undefined),
});
const chat = fc.constantFrom<ChatKind>("private", "private", "private", "group");

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer({ min: -50, max: 150 }).map(String),
  fc.constantFrom(
    "7",
    "0",
    "60",
    "61",
    "-1",
    "1e3",
    " 12 ",
    "",
    "   ",
    "١٢",
    "twelve",
    "12.5",
    "Шымкент",
    "/",
  ),
  fc
    .tuple(fc.constantFrom("a", "Ж", "ә", "😀"), fc.integer({ min: 150, max: 2100 }))
    .map(([letter, times]) => letter.repeat(times)),
);

const COMMANDS = [
  "start",
  "help",
  "cancel",
  "language",
  "my_data",
  "delete_my_data",
  ...COORDINATOR_COMMANDS,
  "frobnicate",
  "START",
  "start@survey_test_bot",
  "summary@other_bot",
];
const command = fc
  .tuple(
    fc.constantFrom(...COMMANDS),
    fc.oneof(
      fc.constant(""),
      fc.constantFrom("education", "healthcare", "EDUCATION", "x".repeat(64)),
      fc.string({ maxLength: 20 }),
    ),
  )
  .map(([name, payload]) => (payload ? `/${name} ${payload}` : `/${name}`));

const media = fc.constantFrom<Media>("document", "sticker", "photo", "voice", "location", "contact");

/** Button codes of the expert screens (see callback-data.ts) and a few that mean nothing. */
const CODES = [..."LCDQAcrtudxbesKNHIM", "Z", "q"];
const argument = fc.oneof(
  fc.nat(30).map(String),
  fc.constantFrom(
    "en",
    "kk",
    "de",
    "education",
    "healthcare",
    "anonymous",
    "named",
    "region",
    "barriers",
    "-1",
  ),
  fc.stringMatching(/^[\w-]{1,40}$/),
);
const buttonData = fc
  .tuple(fc.nat(40), fc.constantFrom(...CODES), fc.option(argument, { nil: undefined }))
  .map(([revision, code, arg]) => (arg === undefined ? `${revision}:${code}` : `${revision}:${code}:${arg}`));
/** Payloads of the other features' buttons: summaries, waves, invitations, reminders, data deletion. */
const featureData = fc.oneof(
  fc.constantFrom(
    "sum:q:education",
    "sum:q:healthcare",
    "sum:q:nope",
    "sum:w:1",
    "sum:w:2",
    "sum:w:c",
    "sum:w:x",
    "wave:open:education:1",
    "wave:open:healthcare:0",
    "wave:open:nope:1",
    "wave:cancel",
    "inv:yes",
    "inv:no",
    "rem:off",
    "rem:go:education",
    "rem:go:nope",
    "del:yes",
    "del:no",
  ),
  fc
    .tuple(
      fc.constantFrom("education", "healthcare", "nope"),
      fc.constantFrom("1", "2", "c"),
      fc.nat(30),
      fc.nat(60),
    )
    .map(([id, wave, page, extra]) => `sum:p:${id}:${wave}:${page}:${extra}`),
);

export const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(sender, fc.constantFrom<"latest" | "older">("latest", "latest", "latest", "older"), fc.nat())
      .map(([from, which, pick]) => ({ ...from, kind: "press" as const, which, pick })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(sender, fc.constantFrom(...CODES), fc.option(argument, { nil: undefined }))
      .map(([from, code, arg]) => ({ ...from, kind: "forged_current" as const, code, argument: arg })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        sender,
        fc.constantFrom<ChatKind | "inline">("private", "private", "group", "inline"),
        fc.oneof(fc.string({ maxLength: 64 }), buttonData, featureData),
        fc.nat(60),
      )
      .map(([from, where, data, messageId]) => ({
        ...from,
        kind: "callback" as const,
        chat: where,
        data,
        messageId,
      })),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        sender,
        chat,
        fc.oneof(
          text,
          command,
          media.map((kind) => ({ media: kind })),
        ),
        fc.constantFrom<"new" | "edited" | "forwarded">("new", "new", "new", "new", "edited", "forwarded"),
      )
      .map(([from, where, body, as]) => ({
        ...from,
        kind: "message" as const,
        chat: where,
        body: typeof body === "string" ? { text: body } : body,
        as,
      })),
  },
);

const MEDIA: Record<Media, Record<string, unknown>> = {
  document: { document: { file_id: "doc", file_unique_id: "doc-u", file_name: "answers.xlsx" } },
  sticker: {
    sticker: {
      file_id: "st",
      file_unique_id: "st-u",
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
    },
  },
  photo: { photo: [{ file_id: "ph", file_unique_id: "ph-u", width: 90, height: 90 }] },
  voice: { voice: { file_id: "vo", file_unique_id: "vo-u", duration: 3 } },
  location: { location: { latitude: 42.3, longitude: 69.6 } },
  contact: { contact: { phone_number: "+77010000000", first_name: "Someone" } },
};

/**
 * Turns steps into the updates Telegram would send, resolving presses of real buttons against the messages
 * the bot has sent so far. One factory per run: it numbers updates and messages.
 */
export class UpdateFactory {
  private nextUpdateId = 1;
  private nextMessageId = 100_000;

  constructor(private readonly testBot: TestBot) {}

  /** The update for `step`, or undefined when it is a press and the user has no button to press. */
  async build(step: Step): Promise<Update | undefined> {
    const from = {
      ...ACCOUNTS.find((account) => account.id === step.user)!,
      is_bot: false,
      ...(step.language ? { language_code: step.language } : {}),
    };
    const privateChat = { id: from.id, type: "private" as const, first_name: from.first_name };
    switch (step.kind) {
      case "message": {
        const where = step.chat === "private" ? privateChat : GROUP;
        const content = "text" in step.body ? textContent(step.body.text) : MEDIA[step.body.media];
        const message = {
          message_id: this.nextMessageId++,
          date: 1_790_000_000,
          chat: where,
          from,
          ...content,
          ...(step.as === "forwarded"
            ? {
                forward_origin: {
                  type: "user",
                  date: 1_780_000_000,
                  sender_user: { ...COORDINATOR, is_bot: false },
                },
              }
            : {}),
          ...(step.as === "edited" ? { edit_date: 1_790_000_100 } : {}),
        };
        return {
          update_id: this.nextUpdateId++,
          ...(step.as === "edited" ? { edited_message: message } : { message }),
        } as Update;
      }
      case "callback": {
        const where = step.chat === "group" ? GROUP : privateChat;
        const origin =
          step.chat === "inline"
            ? { inline_message_id: "inline-1" }
            : { message: { message_id: step.messageId, date: 0, chat: where } };
        return this.callback(from, step.data, origin);
      }
      case "forged_current": {
        const participant = await this.testBot.services.participants.find(
          this.testBot.services.pseudonyms.participant(step.user),
        );
        const data = `${participant?.screenRevision ?? 0}:${step.code}${step.argument === undefined ? "" : `:${step.argument}`}`;
        const messageId = participant?.screenMessageId ?? 1;
        return this.callback(from, data, { message: { message_id: messageId, date: 0, chat: privateChat } });
      }
      case "press": {
        const withButtons = this.testBot.telegram.chat(step.user).filter((m) => m.buttons.flat().length > 0);
        const message =
          step.which === "latest" ? withButtons.at(-1) : withButtons[step.pick % withButtons.length];
        if (!message) return undefined;
        const buttons = message.buttons.flat();
        const button = buttons[step.pick % buttons.length]!;
        return this.callback(from, button.data, {
          message: { message_id: message.messageId, date: 0, chat: privateChat },
        });
      }
    }
  }

  private callback(from: object, data: string, origin: object): Update {
    const id = this.nextUpdateId++;
    return {
      update_id: id,
      callback_query: { id: `cb-${id}`, chat_instance: "ci", from, data, ...origin },
    } as Update;
  }
}

function textContent(text: string): Record<string, unknown> {
  const command = /^\/[\w@]+/.exec(text)?.[0];
  return {
    text,
    ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}),
  };
}
