import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The folder of `initdb` and `pg_ctl`: the PATH's, else the newest Debian install; undefined if none. */
export function postgresBinaries(): string | undefined {
  for (const folder of (process.env.PATH ?? "").split(":")) {
    if (folder && existsSync(join(folder, "initdb")) && existsSync(join(folder, "pg_ctl"))) return folder;
  }
  const debian = "/usr/lib/postgresql";
  const versions = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  return versions
    .map((version) => join(debian, version, "bin"))
    .find((bin) => existsSync(join(bin, "initdb")));
}
