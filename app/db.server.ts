// The one PrismaClient of the process.
//
// - DATABASE_URL set  → PostgreSQL through @prisma/adapter-pg.
// - DATABASE_URL unset → the embedded PGlite data directory (EMBEDDED_DB_DIR, default .data/pglite),
//   opened in this process on first query and served on an ephemeral 127.0.0.1 port by
//   @electric-sql/pglite-socket, with the same @prisma/adapter-pg pointed at it (one connection:
//   PGlite is a single PostgreSQL session). Same adapter, same type mapping as production. Closed on
//   SIGINT / SIGTERM / beforeExit or by disconnectDatabase(). One process per data directory: a
//   second one fails with EmbeddedDatabaseLockedError.
//
// Construction stays synchronous: Prisma 6 driver adapters are factories whose connect() is async,
// and the embedded bootstrap happens inside that connect().
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@prisma/client";
import pg from "pg";
import { logger } from "./logger.server";
import {
  resolveEmbeddedDir,
  startEmbeddedServer,
  type EmbeddedServer,
} from "./embedded-db.server";

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions["adapter"]>;
type DriverAdapter = Awaited<ReturnType<AdapterFactory["connect"]>>;

export type DatabaseKind = "postgresql" | "embedded";

/** Starts the embedded server lazily (first connect) and keeps it until close(). */
class EmbeddedPgliteAdapterFactory implements AdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string = new PrismaPg({}).adapterName;
  private server: Promise<EmbeddedServer> | null = null;

  constructor(readonly dataDir: string) {}

  async connect(): Promise<DriverAdapter> {
    this.server ??= startEmbeddedServer({
      dataDir: this.dataDir,
      purpose: `app (${process.argv.slice(1).join(" ")})`,
    }).catch((error: unknown) => {
      this.server = null; // let a later query retry, e.g. once the other process has exited
      throw error;
    });
    const server = await this.server;
    const pg = new PrismaPg({
      host: "127.0.0.1",
      port: server.port,
      user: "postgres",
      database: "postgres",
      max: 1,
      idleTimeoutMillis: 5_000,
    });
    return pg.connect();
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await (await server.catch(() => null))?.close();
  }
}

interface DatabaseState {
  prisma: PrismaClient;
  /** See sqlPool(). */
  pool: pg.Pool | null;
  kind: DatabaseKind;
  embedded: EmbeddedPgliteAdapterFactory | null;
  disconnecting: Promise<void> | null;
}

function createDatabase(): DatabaseState {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    return {
      prisma: new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }),
      pool: null,
      kind: "postgresql",
      embedded: null,
      disconnecting: null,
    };
  }
  const embedded = new EmbeddedPgliteAdapterFactory(resolveEmbeddedDir());
  const state: DatabaseState = {
    // One connection: transactions queue for it, so allow them a longer wait than the default 2 s.
    prisma: new PrismaClient({ adapter: embedded, transactionOptions: { maxWait: 15_000 } }),
    pool: null,
    kind: "embedded",
    embedded,
    disconnecting: null,
  };
  installShutdownHooks(state);
  return state;
}

function installShutdownHooks(state: DatabaseState) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const onSignal = () => {
      process.removeListener(signal, onSignal);
      void closeState(state).finally(() => {
        // Without other listeners re-raising gives the default behaviour (exit); with others, they
        // decide (e.g. a server draining connections).
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    };
    process.on(signal, onSignal);
  }
  process.once("beforeExit", () => void closeState(state));
}

async function closeState(state: DatabaseState): Promise<void> {
  state.disconnecting ??= (async () => {
    try {
      const pool = state.pool;
      state.pool = null;
      await Promise.all([state.prisma.$disconnect(), pool?.end()]);
    } finally {
      await state.embedded?.close();
    }
  })().finally(() => {
    state.disconnecting = null;
  });
  return state.disconnecting;
}

// One client per process, surviving Vite dev-server HMR (modules are re-evaluated, globalThis is not).
const globalForDb = globalThis as typeof globalThis & { __crossdockDatabase?: DatabaseState };
const state = (globalForDb.__crossdockDatabase ??= createDatabase());

export const prisma: PrismaClient = state.prisma;

/**
 * A plain `pg` pool on DATABASE_URL for the one statement on the webhook hot path (the inbox
 * INSERT): Prisma compiles every query, raw ones included, in its WebAssembly query compiler, which
 * was the largest single cost of a delivery (bench:webhooks). Null on the embedded database (one
 * PGlite session, owned by Prisma): callers then use Prisma.
 */
export function sqlPool(): pg.Pool | null {
  if (state.kind !== "postgresql") return null;
  if (!state.pool) {
    state.pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!.trim(), max: 10, types: { getTypeParser: utcTimestamps } });
    // An idle connection that PostgreSQL closes (restart, failover) makes the pool emit "error"; with
    // no listener Node throws it and the process exits. The pool has already dropped that connection
    // and opens a new one for the next query, so logging it is all there is to do.
    state.pool.on("error", (error) => logger.warn({ err: error }, "database: an idle connection was closed"));
  }
  return state.pool;
}

/** Prisma's DateTime columns are timestamp(3) without time zone holding UTC; pg would read local time. */
function utcTimestamps(oid: number, format?: "text" | "binary") {
  if (oid === pg.types.builtins.TIMESTAMP && format !== "binary") return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
  return pg.types.getTypeParser(oid, format as "text");
}

/**
 * One read on a hot path (webhook and storefront requests): on the plain pool when the caller did
 * not pass a client or transaction and there is a pool, else through Prisma. `text` uses $1, $2…
 * Results must not depend on which path ran: keep to ints, text and timestamps (bigint and numeric
 * come back as strings from pg and as BigInt/Decimal from Prisma: cast them in SQL).
 */
export async function hotQuery<T>(db: Prisma.TransactionClient | PrismaClient | undefined, text: string, values: unknown[]): Promise<T[]> {
  const pool = db ? null : sqlPool();
  if (pool) return (await pool.query(prepared(text, values))).rows as T[];
  return (db ?? prisma).$queryRawUnsafe<T[]>(text, ...values);
}

const statementNames = new Map<string, string>();

/**
 * A hot statement as a named prepared statement: each pool connection parses and plans it once
 * instead of at every call (PostgreSQL's parse and plan were most of its CPU per webhook delivery,
 * bench:webhooks). The name is the text's hash, so one text is one statement on every connection.
 */
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (!name) {
    name = `hot_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    if (statementNames.size < 1_000) statementNames.set(text, name);
  }
  return { name, text, values };
}

/** A statement on a hot path, like hotQuery; returns the number of rows it changed. */
export async function hotExecute(db: Prisma.TransactionClient | PrismaClient | undefined, text: string, values: unknown[]): Promise<number> {
  const pool = db ? null : sqlPool();
  if (pool) return (await pool.query(prepared(text, values))).rowCount ?? 0;
  return (db ?? prisma).$executeRawUnsafe(text, ...values);
}

/** "2026-11-25 12:00:00.123": Prisma's DateTime columns are timestamp(3) without time zone, in UTC. */
export function utcTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** "postgresql" (DATABASE_URL) or "embedded" (PGlite data directory). */
export const databaseKind: DatabaseKind = state.kind;

/** The embedded data directory in use, or null with DATABASE_URL. */
export const embeddedDataDir: string | null = state.embedded?.dataDir ?? null;

/**
 * Disconnects Prisma and, for the embedded database, closes PGlite and releases the data directory.
 * The client reconnects (reopening PGlite) on its next query.
 */
export function disconnectDatabase(): Promise<void> {
  return closeState(state);
}
