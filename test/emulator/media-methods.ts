import type { Message } from "grammy/types";
import { badRequest } from "./api-error.ts";
import type { ChatState } from "./chat-state.ts";
import type { EmulatorCore } from "./emulator-core.ts";
import { guessMimeType, photoSizes, type StoredFile } from "./file-store.ts";
import { applyMarkup } from "./message-methods.ts";
import { renderCaption } from "./message-text.ts";
import type { MethodTable } from "./method-table.ts";
import type { UploadedFile } from "./multipart.ts";
import type { Params } from "./params.ts";
import { parseReplyMarkup } from "./reply-markup.ts";

const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

interface MediaInput {
  type: "photo" | "document";
  source: UploadedFile | string | undefined;
  caption: string | undefined;
  parseMode: string | undefined;
}

export function mediaMethods(core: EmulatorCore): MethodTable {
  const storeInput = (input: MediaInput): StoredFile | undefined => {
    const { source } = input;
    if (source === undefined) throw badRequest(`there is no ${input.type} in the request`);
    if (typeof source !== "string") {
      const kind = input.type === "photo" ? "photos" : "documents";
      return core.files.add(kind, source.bytes, {
        fileName: source.filename,
        mimeType: input.type === "photo" ? "image/jpeg" : guessMimeType(source.filename),
      });
    }
    const known = core.files.byId(source);
    if (known) return known;
    // Telegram would download a URL; the emulator has no network, so the file has no bytes.
    if (/^https?:\/\//.test(source)) return undefined;
    throw badRequest("wrong file identifier/HTTP URL specified");
  };

  const post = (
    chat: ChatState,
    params: Params,
    input: MediaInput,
    extra: Partial<Message> = {},
  ): Message => {
    const file = storeInput(input);
    const caption = renderCaption(input.caption, input.parseMode);
    const captionPart = caption ? { caption: caption.text } : {};
    if (input.type === "photo") {
      const photo = file ? photoSizes(file) : [];
      return core.postBotMessage(
        chat,
        params,
        { photo, ...captionPart, ...extra },
        { html: caption?.html, photo: file?.bytes ?? Buffer.alloc(0) },
      ).message;
    }
    const fileName =
      file?.fileName ?? (typeof input.source === "string" ? input.source.split("/").pop() : undefined);
    const mimeType = file?.mimeType ?? guessMimeType(fileName ?? "");
    const document = {
      file_id: file?.file_id ?? `url:${String(input.source)}`,
      file_unique_id: file?.file_unique_id ?? `url:${String(input.source)}`,
      ...(fileName ? { file_name: fileName } : {}),
      mime_type: mimeType,
      file_size: file?.bytes.length ?? 0,
    };
    return core.postBotMessage(
      chat,
      params,
      { document, ...captionPart, ...extra },
      {
        html: caption?.html,
        document: {
          fileName: fileName ?? "",
          mimeType,
          bytes: file?.bytes ?? Buffer.alloc(0),
          caption: caption?.text,
        },
      },
    ).message;
  };

  const single = (type: MediaInput["type"]) => (params: Params) => {
    const chat = core.writableChatOf(params);
    const input: MediaInput = {
      type,
      source: params.file(type),
      caption: params.string("caption"),
      parseMode: params.string("parse_mode"),
    };
    const replyMarkup = applyMarkup(chat, parseReplyMarkup(params.json("reply_markup")));
    return post(chat, params, input, replyMarkup ? { reply_markup: replyMarkup } : {});
  };

  let mediaGroupCounter = 0;

  return {
    sendPhoto: single("photo"),
    sendDocument: single("document"),

    sendMediaGroup(params) {
      const chat = core.writableChatOf(params);
      const media = params.json("media");
      if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
        throw badRequest("wrong number of messages in media group: must include 2-10 items");
      }
      const inputs = media.map(
        (item: { type?: unknown; media?: unknown; caption?: unknown; parse_mode?: unknown }) => {
          if (item.type !== "photo" && item.type !== "document") {
            throw badRequest(`media type "${String(item.type)}" is not supported by the emulator`);
          }
          return {
            type: item.type,
            source: params.resolveMedia(item.media),
            caption: typeof item.caption === "string" ? item.caption : undefined,
            parseMode: typeof item.parse_mode === "string" ? item.parse_mode : undefined,
          } satisfies MediaInput;
        },
      );
      for (const input of inputs) renderCaption(input.caption, input.parseMode);
      mediaGroupCounter += 1;
      const media_group_id = `1300000${String(mediaGroupCounter).padStart(8, "0")}`;
      return inputs.map((input) => post(chat, params, input, { media_group_id }));
    },

    getFile(params) {
      const file = core.files.byId(params.string("file_id") ?? "");
      if (!file) throw badRequest("invalid file_id");
      if (file.bytes.length > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big");
      return {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_size: file.bytes.length,
        file_path: file.file_path,
      };
    },
  };
}
