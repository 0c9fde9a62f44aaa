import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { Document } from "grammy/types";
import { EXPORT_FORMATS, type ExportFormat } from "../../../interchange/export-files.ts";
import { exportCsv, exportSpss, exportWorkbook } from "../../../interchange/export-responses.ts";
import { IMPORT_LIMITS } from "../../../interchange/import-limits.ts";
import { importReport, refusalText } from "../../../interchange/import-report.ts";
import { importResponses } from "../../../interchange/import-responses.ts";
import type { BotContext } from "../../context.ts";
import { questionnaireTitle } from "../../screens/labels.ts";
import { offerForm } from "./form-upload.ts";

const TABLE_FILE = /\.(csv|xlsx)$/i;
const TABLE_MIME_TYPES = new Set([
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
]);
const MESSAGE_LIMIT = 4000;

const FORMAT_PATTERN = new RegExp(`^export:(${EXPORT_FORMATS.join("|")})$`);

/**
 * Coordinators only (mounted behind the coordinator filter): `/export` asks for the format and sends the
 * workbook, a CSV per questionnaire, or SPSS syntax with the CSV it reads per questionnaire; an .xlsx with a
 * `survey` sheet is offered as a form to install, any other .csv or .xlsx document is imported as paper
 * responses. Any other document goes on to the expert flow.
 */
export const interchangeFeature = new Composer<BotContext>();

interchangeFeature.command("export", async (ctx) => {
  const keyboard = new InlineKeyboard();
  for (const format of EXPORT_FORMATS) {
    keyboard.text(ctx.t(`interchange:spss.format_${format}`), `export:${format}`).row();
  }
  await ctx.reply(ctx.t("interchange:spss.format_prompt"), { reply_markup: keyboard });
});

interchangeFeature.callbackQuery(FORMAT_PATTERN, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.replyWithChatAction("upload_document");
  await sendExport(ctx, ctx.match[1] as ExportFormat);
});

async function sendExport(ctx: BotContext, format: ExportFormat): Promise<void> {
  const { services, t } = ctx;
  const respondents = async (id: string) =>
    (await services.tallies.tallies(id)).reduce((sum, tally) => sum + tally.respondents, 0);
  if (format === "xlsx") {
    const workbook = await exportWorkbook(services, t);
    let count = 0;
    for (const id of services.questionnaires.keys()) count += await respondents(id);
    const date = services.now().toISOString().slice(0, 10);
    await ctx.replyWithDocument(new InputFile(workbook, `expert-survey-${date}.xlsx`), {
      caption: t("interchange:export_caption", { count }),
    });
    return;
  }
  for (const questionnaire of services.questionnaires.values()) {
    const { id } = questionnaire;
    const caption = { title: questionnaireTitle(t, questionnaire), count: await respondents(id), id };
    if (format === "csv") {
      const csv = Buffer.from(await exportCsv(services, questionnaire));
      await ctx.replyWithDocument(new InputFile(csv, `${id}.csv`), {
        caption: t("interchange:spss.csv_caption", caption),
      });
      continue;
    }
    const { syntax, data, cuts } = await exportSpss(services, t, questionnaire);
    await ctx.replyWithDocument(new InputFile(Buffer.from(syntax), `${id}.sps`));
    const cut = cuts.length > 0 ? `\n${t("interchange:spss.cut", { count: cuts.length })}` : "";
    await ctx.replyWithDocument(new InputFile(Buffer.from(data), `${id}.csv`), {
      caption: `${t("interchange:spss.spss_caption", caption)}${cut}`,
    });
  }
}

interchangeFeature.on("message:document", async (ctx, next) => {
  const { document } = ctx.message;
  if (!isTableFile(document)) return next();
  // The declared size is checked first to spare a download, and the download stops at the limit too.
  if (document.file_size === undefined) {
    await ctx.reply(refusalText(ctx.t, "undeclared_size"));
    return;
  }
  if (document.file_size > IMPORT_LIMITS.fileBytes) {
    await ctx.reply(refusalText(ctx.t, "file_size"));
    return;
  }
  await ctx.replyWithChatAction("typing");
  const bytes = await downloadDocument(ctx, IMPORT_LIMITS.fileBytes);
  if (bytes === "too large") {
    await ctx.reply(refusalText(ctx.t, "file_size"));
    return;
  }
  if (!bytes) {
    await ctx.reply(ctx.t("interchange:download_failed"));
    return;
  }
  if (await offerForm(ctx, bytes)) return;
  const result = await importResponses(ctx.services, bytes, ctx.services.now());
  await ctx.reply(importReport(ctx.t, result, MESSAGE_LIMIT));
});

function isTableFile(document: Document): boolean {
  return document.file_name
    ? TABLE_FILE.test(document.file_name)
    : TABLE_MIME_TYPES.has(document.mime_type ?? "");
}

/**
 * Downloads the document from the Bot API's file endpoint, built as grammY builds method URLs, through the
 * bot's own `fetch` (so a local Bot API server or a test double serves it too); undefined if that fails,
 * "too large" as soon as more than `maxBytes` arrive, whatever size the document declared.
 */
async function downloadDocument(
  ctx: BotContext,
  maxBytes: number,
): Promise<Uint8Array | "too large" | undefined> {
  const options = ctx.api.options;
  const root = options?.apiRoot ?? "https://api.telegram.org";
  const environment = options?.environment === "test" ? "test/" : "";
  const fetchFile = options?.fetch ?? fetch;
  try {
    const file = await ctx.getFile();
    if (!file.file_path) return undefined;
    const response = await fetchFile(`${root}/file/bot${ctx.api.token}/${environment}${file.file_path}`);
    return response.ok && response.body ? await readWithin(response.body, maxBytes) : undefined;
  } catch (error) {
    ctx.services.logger.warn(
      { error: error instanceof Error ? error.name : "unknown" },
      "file download failed",
    );
    return undefined;
  }
}

async function readWithin(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | "too large"> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.length;
    // Leaving the loop cancels the rest of the download.
    if (length > maxBytes) return "too large";
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
