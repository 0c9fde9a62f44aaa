import { Composer } from "grammy";
import { readXlsForm } from "../../../questionnaire/xlsform/form-reader.ts";
import type { BotContext } from "../../context.ts";
import { activateForm } from "../../form-activation.ts";
import { runningText } from "./form-preview.ts";
import { statusText } from "./form-upload.ts";

const PATTERN = /^form:(install|now|next|cancel):([\w-]{1,32})$/;

/**
 * The buttons under a form's preview (coordinators only; the caller filters who gets here). The upload is
 * taken from the database by the buttons' token, so a second press, an expired preview or one confirmed
 * after a restart is told apart from a fresh one. `now` makes the open wave run the new version at once
 * (experts mid-questionnaire keep their answers), `next` leaves the open wave on its version: a wave opened
 * later runs the version installed last.
 */
export const formInstallButtons = new Composer<BotContext>();

formInstallButtons.callbackQuery(PATTERN, async (ctx) => {
  const [, choice = "", token = ""] = ctx.match;
  const { services, t } = ctx;
  await ctx.answerCallbackQuery();
  const sheets = await services.forms.takePending(token, services.now());
  const form = sheets && readXlsForm(sheets).form;
  if (!sheets || !form) {
    await ctx.editMessageText(t("coordinator:forms.expired"));
    return;
  }
  if (choice === "cancel") {
    await ctx.editMessageText(t("coordinator:forms.cancelled"));
    return;
  }
  const status = await services.forms.install(
    { formId: form.id, version: form.version, sheets },
    services.now(),
  );
  if (status !== "new") {
    await ctx.editMessageText(statusText(t, status, form));
    return;
  }
  const installed = t("coordinator:forms.installed", { id: form.id, version: form.version });
  const open = await services.waves.openWave(form.id);
  if (choice === "next" && open) {
    const kept = t("coordinator:forms.kept", {
      wave: open.number,
      running: runningText(t, open),
      version: form.version,
    });
    await ctx.editMessageText(`${installed}\n${kept}`);
    return;
  }
  if (open) await services.waves.runFormVersion(open.id, form.version);
  else await services.waves.ensureFirstWaves([form.id], services.now());
  activateForm(services, form);
  const wave = await services.waves.openWave(form.id);
  await ctx.editMessageText(
    wave ? `${installed}\n${t("coordinator:forms.running", { wave: wave.number })}` : installed,
  );
});
