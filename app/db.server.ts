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
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@prisma/client";
import {
  resolveEmbeddedDir,
  startEmbeddedServer,
  type EmbeddedServer,
} from "../scripts/db/embedded";

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
  kind: DatabaseKind;
  embedded: EmbeddedPgliteAdapterFactory | null;
  disconnecting: Promise<void> | null;
}

function createDatabase(): DatabaseState {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    return {
      prisma: new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }),
      kind: "postgresql",
      embedded: null,
      disconnecting: null,
    };
  }
  const embedded = new EmbeddedPgliteAdapterFactory(resolveEmbeddedDir());
  const state: DatabaseState = {
    // One connection: transactions queue for it, so allow them a longer wait than the default 2 s.
    prisma: new PrismaClient({ adapter: embedded, transactionOptions: { maxWait: 15_000 } }),
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
      await state.prisma.$disconnect();
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
