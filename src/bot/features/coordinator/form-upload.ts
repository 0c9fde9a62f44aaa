import { InlineKeyboard } from "grammy";
import type { InstallStatus } from "../../../db/form-repository.ts";
import type { Translate } from "../../../i18n/translator.ts";
import { isFormWorkbook, readFormWorkbookIsolated } from "../../../interchange/form-workbook.ts";
import { refusalText } from "../../../interchange/import-report.ts";
import { formChanges } from "../../../questionnaire/form-changes.ts";
import { describeProblem, type XlsForm } from "../../../questionnaire/xlsform/form.ts";
import { readXlsForm } from "../../../questionnaire/xlsform/form-reader.ts";
import type { BotContext } from "../../context.ts";
import { fitLines, formPreview } from "./form-preview.ts";

const MESSAGE_LIMIT = 4000;

/**
 * Takes an uploaded workbook that is a form (it has a `survey` sheet): its problems in one message, or a
 * preview with Install and Cancel, the upload kept in the database under the buttons' token. False for any
 * other file, which is then imported as paper responses.
 */
export async function offerForm(ctx: BotContext, bytes: Uint8Array): Promise<boolean> {
  const workbook = await readFormWorkbookIsolated(bytes);
  if (!workbook.ok) {
    if (!("refusal" in workbook)) return false;
    await ctx.reply(refusalText(ctx.t, workbook.refusal));
    return true;
  }
  if (!isFormWorkbook(workbook.sheets)) return false;
  const { t, services } = ctx;
  const { form, problems, warnings } = readXlsForm(workbook.sheets);
  if (!form) {
    const lines = [
      t("coordinator:forms.refused"),
      ...problems.map((problem) => `• ${describeProblem(problem)}`),
    ];
    await ctx.reply(fitLines(t, lines, MESSAGE_LIMIT).join("\n"));
    return true;
  }
  const status = await services.forms.status({
    formId: form.id,
    version: form.version,
    sheets: workbook.sheets,
  });
  if (status !== "new") {
    await ctx.reply(statusText(t, status, form));
    return true;
  }
  const latest = await services.forms.latest(form.id);
  const installed = latest && readXlsForm(latest.sheets).form;
  const open = await services.waves.openWave(form.id);
  const openWave = open && open.formVersion !== form.version ? open : undefined;
  const preview = formPreview(t, form, warnings, {
    ...(installed
      ? { installed: { version: installed.version, changes: formChanges(installed, form) } }
      : {}),
    ...(openWave ? { openWave } : {}),
  });
  const token = await services.forms.putPending(workbook.sheets, services.now());
  const keyboard = openWave
    ? new InlineKeyboard()
        .text(t("coordinator:forms.use_now", { wave: openWave.number }), `form:now:${token}`)
        .row()
        .text(t("coordinator:forms.keep_for_next"), `form:next:${token}`)
    : new InlineKeyboard().text(t("coordinator:forms.install"), `form:install:${token}`);
  await ctx.reply(preview, {
    reply_markup: keyboard.row().text(t("coordinator:forms.cancel"), `form:cancel:${token}`),
  });
  return true;
}

/** Why an upload already stored under its id and version is not installed again. */
export function statusText(t: Translate, status: Exclude<InstallStatus, "new">, form: XlsForm): string {
  return t(`coordinator:forms.status_${status}`, { id: form.id, version: form.version });
}
