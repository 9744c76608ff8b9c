// Embedded PostgreSQL (PGlite 0.4 = PostgreSQL 17, WebAssembly) served over the Postgres wire
// protocol on a loopback port with @electric-sql/pglite-socket, so that exactly the same driver
// adapter (@prisma/adapter-pg) talks to it as to a real PostgreSQL server.
//
// Used by scripts/db.ts (Prisma CLI), scripts/db/migrate.ts and app/db.server.ts (in-process, when
// DATABASE_URL is unset). A data directory may be opened by one process at a time: a lock file
// `<dataDir>.lock` holding the owner's pid guards it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const DEFAULT_EMBEDDED_DB_DIR = ".data/pglite";

/** EMBEDDED_DB_DIR (relative to the working directory) or `.data/pglite`, as an absolute path. */
export function resolveEmbeddedDir(dir = process.env.EMBEDDED_DB_DIR): string {
  return path.resolve(process.cwd(), dir && dir.trim() !== "" ? dir : DEFAULT_EMBEDDED_DB_DIR);
}

export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database ${dataDir} is in use by process ${holder.pid} ` +
        `(${holder.purpose}, since ${holder.since}). PGlite allows one process per data directory: ` +
        `stop that process first, point EMBEDDED_DB_DIR at another directory, or set DATABASE_URL ` +
        `to use PostgreSQL.`,
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

interface LockInfo {
  pid: number;
  host: string;
  purpose: string;
  since: string;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Takes `<dataDir>.lock` (O_EXCL create). A lock left by a dead process (same host) is taken over.
 * Returns the release function (idempotent; also runs on process exit).
 */
export function acquireDataDirLock(dataDir: string, purpose: string): () => void {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    purpose,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener("exit", release);
        const current = readLock(lockPath);
        if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockPath);
      if (holder && holder.host === mine.host && !processIsAlive(holder.pid)) {
        fs.rmSync(lockPath, { force: true }); // stale: its owner died without cleaning up
        continue;
      }
      if (!holder) {
        // Being written right now by another process, or unreadable: report it as held.
        throw new EmbeddedDatabaseLockedError(dataDir, {
          pid: NaN,
          host: "?",
          purpose: "unknown",
          since: "?",
        });
      }
      throw new EmbeddedDatabaseLockedError(dataDir, holder);
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

export interface EmbeddedServer {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  readonly db: PGlite;
  /** Stops the socket server, closes PGlite (flushing the data directory) and releases the lock. */
  close(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** Data directory; omit for an in-memory database. */
  dataDir?: string;
  /** Recorded in the lock file, shown to a second process that tries to open the directory. */
  purpose?: string;
  /**
   * Connections the socket server accepts. PGlite is a single PostgreSQL session, so clients
   * should use one connection at a time (pool max 1); a little headroom covers reconnects.
   */
  maxConnections?: number;
}

/** Opens PGlite (data directory or memory) and serves it on an ephemeral 127.0.0.1 port. */
export async function startEmbeddedServer(options: StartEmbeddedOptions = {}): Promise<EmbeddedServer> {
  const release = options.dataDir
    ? acquireDataDirLock(options.dataDir, options.purpose ?? process.argv.slice(1).join(" "))
    : () => {};
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
    db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
    server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: 0,
      maxConnections: options.maxConnections ?? 4,
    });
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    const ownedDb = db;
    const ownedServer = server;
    let closing: Promise<void> | undefined;
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      db: ownedDb,
      close() {
        closing ??= (async () => {
          try {
            await ownedServer.stop();
          } finally {
            try {
              if (!ownedDb.closed) await ownedDb.close();
            } finally {
              release();
            }
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await server?.stop().catch(() => {});
    if (db && !db.closed) await db.close().catch(() => {});
    release();
    throw error;
  }
}
