import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import type { FormSheets } from "../questionnaire/xlsform/form-reader.ts";
import type { SurveyDatabase } from "./sqlite/open-sqlite.ts";
import { forms, pendingForms } from "./sqlite/schema.ts";

/** One installed version of a form. */
export interface StoredForm {
  formId: string;
  version: string;
  sheets: FormSheets;
  installedAt: Date;
}

/** A form to store: its id and version as its settings sheet gives them, and the sheets it was read from. */
export type FormToInstall = Omit<StoredForm, "installedAt">;

/**
 * Where a form stands against what is installed: `new` is not stored yet; `installed` is stored with the same
 * sheets; `version_taken` is stored under the same id and version with other sheets (its version must rise).
 */
export type InstallStatus = "new" | "installed" | "version_taken";

/** How long a previewed upload waits for Install or Cancel. */
export const PENDING_FORM_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Installed forms by id and version, and uploads previewed but not yet confirmed. */
export class FormRepository {
  constructor(private readonly db: SurveyDatabase) {}

  status(form: FormToInstall): InstallStatus {
    const stored = this.find(form.formId, form.version);
    if (!stored) return "new";
    return JSON.stringify(stored.sheets) === JSON.stringify(form.sheets) ? "installed" : "version_taken";
  }

  /** Stores the form if it is new; the status it had before, checked and written in one transaction. */
  install(form: FormToInstall, now: Date): InstallStatus {
    return this.db.transaction(
      () => {
        const status = this.status(form);
        if (status === "new")
          this.db
            .insert(forms)
            .values({ ...form, installedAt: now })
            .run();
        return status;
      },
      { behavior: "immediate" },
    );
  }

  /** Every installed version, form by form, the latest installed first. */
  list(): StoredForm[] {
    return this.db.select().from(forms).orderBy(asc(forms.formId), desc(forms.id)).all().map(storedForm);
  }

  /** The version installed last: the one a wave opened from now on runs. */
  latest(formId: string): StoredForm | undefined {
    const row = this.db.select().from(forms).where(eq(forms.formId, formId)).orderBy(desc(forms.id)).get();
    return row && storedForm(row);
  }

  find(formId: string, version: string): StoredForm | undefined {
    const row = this.db
      .select()
      .from(forms)
      .where(and(eq(forms.formId, formId), eq(forms.version, version)))
      .get();
    return row && storedForm(row);
  }

  /** Keeps an upload until it is confirmed, under a random token to put in its buttons. */
  putPending(sheets: FormSheets, now: Date, lifetimeMs = PENDING_FORM_LIFETIME_MS): string {
    const token = randomBytes(12).toString("base64url");
    this.db.delete(pendingForms).where(lte(pendingForms.expiresAt, now)).run();
    this.db
      .insert(pendingForms)
      .values({ token, sheets, expiresAt: new Date(now.getTime() + lifetimeMs) })
      .run();
    return token;
  }

  /** The upload under `token`, removed so that it is confirmed once; undefined when unknown or expired. */
  takePending(token: string, now: Date): FormSheets | undefined {
    const row = this.db
      .delete(pendingForms)
      .where(and(eq(pendingForms.token, token), gt(pendingForms.expiresAt, now)))
      .returning()
      .get();
    return row?.sheets as FormSheets | undefined;
  }
}

function storedForm(row: typeof forms.$inferSelect): StoredForm {
  return {
    formId: row.formId,
    version: row.version,
    sheets: row.sheets as FormSheets,
    installedAt: row.installedAt,
  };
}
