import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, lte, max } from "drizzle-orm";
import type { FormSheets } from "../questionnaire/xlsform/form-reader.ts";
import type { Connection } from "./connection.ts";
import type { forms } from "./sqlite/schema.ts";

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
  constructor(private readonly connection: Connection) {}

  async status(form: FormToInstall): Promise<InstallStatus> {
    return statusAgainst(form, await this.find(form.formId, form.version));
  }

  /** Stores the form if it is new; the status it had before, checked and written in one transaction. */
  install(form: FormToInstall, now: Date): Promise<InstallStatus> {
    const { forms } = this.connection.tables;
    return this.connection.transaction(async (db) => {
      const [row] = await db
        .select()
        .from(forms)
        .where(and(eq(forms.formId, form.formId), eq(forms.version, form.version)));
      const status = statusAgainst(form, row && storedForm(row));
      if (status === "new") await db.insert(forms).values({ ...form, installedAt: now });
      return status;
    });
  }

  /** The number of the version stored last, of any form (0 when none is): it grows with every install. */
  newestNumber(): Promise<number> {
    const { forms } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db.select({ newest: max(forms.id) }).from(forms);
      return row?.newest ?? 0;
    });
  }

  /** Every installed version, form by form, the latest installed first. */
  list(): Promise<StoredForm[]> {
    const { forms } = this.connection.tables;
    return this.connection.use(async (db) =>
      (await db.select().from(forms).orderBy(asc(forms.formId), desc(forms.id))).map(storedForm),
    );
  }

  /** The version installed last: the one a wave opened from now on runs. */
  latest(formId: string): Promise<StoredForm | undefined> {
    const { forms } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db
        .select()
        .from(forms)
        .where(eq(forms.formId, formId))
        .orderBy(desc(forms.id))
        .limit(1);
      return row && storedForm(row);
    });
  }

  find(formId: string, version: string): Promise<StoredForm | undefined> {
    const { forms } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db
        .select()
        .from(forms)
        .where(and(eq(forms.formId, formId), eq(forms.version, version)));
      return row && storedForm(row);
    });
  }

  /** Keeps an upload until it is confirmed, under a random token to put in its buttons. */
  async putPending(sheets: FormSheets, now: Date, lifetimeMs = PENDING_FORM_LIFETIME_MS): Promise<string> {
    const { pendingForms } = this.connection.tables;
    const token = randomBytes(12).toString("base64url");
    await this.connection.use(async (db) => {
      await db.delete(pendingForms).where(lte(pendingForms.expiresAt, now));
      await db
        .insert(pendingForms)
        .values({ token, sheets, expiresAt: new Date(now.getTime() + lifetimeMs) });
    });
    return token;
  }

  /** The upload under `token`, removed so that it is confirmed once; undefined when unknown or expired. */
  takePending(token: string, now: Date): Promise<FormSheets | undefined> {
    const { pendingForms } = this.connection.tables;
    return this.connection.use(async (db) => {
      const [row] = await db
        .delete(pendingForms)
        .where(and(eq(pendingForms.token, token), gt(pendingForms.expiresAt, now)))
        .returning();
      return row?.sheets as FormSheets | undefined;
    });
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

function statusAgainst(form: FormToInstall, stored: StoredForm | undefined): InstallStatus {
  if (!stored) return "new";
  return JSON.stringify(stored.sheets) === JSON.stringify(form.sheets) ? "installed" : "version_taken";
}
