import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { inject } from "vitest";
import { freePort } from "./free-port.ts";
import { postgresBinaries } from "./postgres-binaries.ts";

const run = promisify(execFile);

/** A PostgreSQL cluster of our own in a temporary directory, reachable on 127.0.0.1 as user `postgres`. */
export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway cluster: no service assumed to be running, nothing outside its temporary directory.
 * PostgreSQL refuses to run as root, so under root it runs as the `postgres` account. Throws with the reason
 * when it cannot start.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("initdb and pg_ctl not found (Debian package postgresql)");
  const dir = mkdtempSync(join(tmpdir(), "survey-pg-"));
  const asServer = (command: string, args: string[]) =>
    userInfo().uid === 0
      ? run("runuser", ["-u", "postgres", "--", join(bin, command), ...args])
      : run(join(bin, command), args);
  try {
    if (userInfo().uid === 0) {
      const { stdout } = await run("id", ["-u", "postgres"]);
      chownSync(dir, Number(stdout.trim()), -1);
    }
    const data = join(dir, "data");
    await asServer("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400`;
    await asServer("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-o", options, "start"]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        await asServer("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared test cluster's maintenance database; absent when PostgreSQL tests are skipped. */
    postgresUrl?: string;
  }
}

/** A database of its own on the shared test cluster, for one test file. */
export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database on the cluster the global setup started, so each test file starts from nothing
 * and runs beside the others; undefined when the cluster is absent (the setup said why).
 */
export async function freshPostgresDatabase(): Promise<PostgresDatabase | undefined> {
  const clusterUrl = inject("postgresUrl");
  if (!clusterUrl) return undefined;
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: clusterUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // Not `with (force)`: a pool's end() resolves before its sessions close, and forcing would cut them
    // off with an error; the drop itself waits (up to 5 s) for them to leave.
    drop: () => admin(`drop database ${name}`),
  };
}
