// Prisma CLI configuration: the WebAssembly schema engine over @prisma/adapter-pg, so that
// `prisma generate`, `migrate deploy|status|diff` never download a binary engine (see
// /work/shared/OFFLINE.md, "Prisma without its binary engine").
//
// Normally invoked through `scripts/db.ts` (npm run db:migrate | db:status | db:new-migration),
// which also serves the embedded PGlite database when DATABASE_URL is unset.
//
// Environment read here (.env is NOT loaded when a prisma.config.ts exists):
//   DATABASE_URL          target database; a placeholder is used when unset so that
//                         `prisma generate` (postinstall) works offline on a fresh clone.
//   SHADOW_DATABASE_URL   optional: a database used as the shadow database *as is* (its public
//                         schema is dropped and recreated first). scripts/db.ts points it at an
//                         in-memory PGlite. Without it the adapter creates and drops a temporary
//                         `prisma_migrate_shadow_db_*` database on the target server.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const PLACEHOLDER_URL = "postgresql://unset.invalid:5432/unset";

const databaseUrlWasSet = Boolean(process.env.DATABASE_URL);
if (!databaseUrlWasSet) {
  // Parsed by `prisma generate` (schema.prisma: url = env("DATABASE_URL")); an unparsable value makes
  // Prisma fall back to downloading an engine and report only ENOTFOUND.
  process.env.DATABASE_URL = PLACEHOLDER_URL;
}

// adapter-pg 6.x cannot map the `"char"` (OID 18) and `name` (OID 19) columns the schema engine reads
// from the catalogs (prisma/prisma#27403). In this (CLI) process only, report them as text (OID 25).
const TEXT_OID = 25;
const ResultProto = (pg as unknown as { Result: { prototype: { addFields(f: unknown[]): void } } })
  .Result.prototype;
const patched = Symbol.for("crossdock.pgCharNameAsText");
if (!(ResultProto as Record<symbol, unknown>)[patched]) {
  const original = ResultProto.addFields;
  ResultProto.addFields = function addFields(fields: unknown[]) {
    for (const field of fields as Array<{ dataTypeID: number }>) {
      if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = TEXT_OID;
    }
    return original.call(this, fields);
  };
  (ResultProto as Record<symbol, unknown>)[patched] = true;
}

function poolConfig(url: string): pg.PoolConfig {
  // Discrete fields, not `connectionString`: with a connection string the adapter's default shadow
  // database silently aliases the main one (P3006).
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database,
    // The CLI never closes the adapter: a short idle timeout lets its process exit.
    idleTimeoutMillis: 100,
    // A PGlite socket server is one PostgreSQL session: never interleave two connections on it.
    max: process.env.CROSSDOCK_DB_POOL_MAX ? Number(process.env.CROSSDOCK_DB_POOL_MAX) : 10,
  };
}

/** PrismaPg whose shadow database is a given, pre-existing database (e.g. an in-memory PGlite). */
class PrismaPgWithShadowUrl extends PrismaPg {
  constructor(
    config: pg.PoolConfig,
    private readonly shadowUrl: string,
  ) {
    super(config);
  }

  override async connectToShadowDb() {
    const shadow = new PrismaPg(poolConfig(this.shadowUrl));
    const conn = await shadow.connect();
    await conn.executeScript(
      "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT ALL ON SCHEMA public TO public;",
    );
    return conn;
  }
}

/**
 * adapter-pg's `executeScript` cuts a migration at every ";", even inside a quoted function body (a
 * trigger function's, prisma/migrations/20261206072500_inventory_change_feed), and sends the pieces
 * one by one. Send each script whole instead: PostgreSQL's simple query protocol runs a script of
 * several statements, as `psql -f` does. It runs them as one transaction: a migration cannot use
 * CREATE INDEX CONCURRENTLY, nor an enum value added earlier in the same file.
 */
interface ScriptRunner {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
}
function wholeScripts<T extends { connect(): Promise<unknown>; connectToShadowDb(): Promise<unknown> }>(factory: T): T {
  const patch = <A>(adapter: A): A => {
    (adapter as ScriptRunner).executeScript = async function executeScript(this: ScriptRunner, script: string) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  return Object.assign(factory, {
    connect: async () => patch(await connect()),
    connectToShadowDb: async () => patch(await connectToShadowDb()),
  });
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (!databaseUrlWasSet) {
      throw new Error(
        "DATABASE_URL is not set. Use `npm run db:migrate` / `db:status` / `db:new-migration` " +
          "(they serve the embedded PGlite database when DATABASE_URL is unset), or set DATABASE_URL.",
      );
    }
    const config = poolConfig(process.env.DATABASE_URL as string);
    const shadowUrl = process.env.SHADOW_DATABASE_URL;
    return wholeScripts(shadowUrl ? new PrismaPgWithShadowUrl(config, shadowUrl) : new PrismaPg(config));
  },
});
