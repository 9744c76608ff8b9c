// One migration history, applied through migrateDatabase() to a fresh PostgreSQL database and to a
// fresh embedded PGlite data directory: same migrations, same checksums, same tables and columns.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseLockedError, startEmbeddedServer, type EmbeddedServer } from "~/embedded-db.server";
import { MIGRATIONS_DIR, migrateDatabase, migrationStatus, runPrisma, SCHEMA_PATH } from "../../../scripts/db/migrate";
import { adminUrl, databaseUrlFor, dropDatabase, quoteIdent, withAdminClient } from "../../setup/db";

const pgName = `${process.env.CROSSDOCK_WORKER_DATABASE}_mig`;
const pgUrl = databaseUrlFor(pgName, adminUrl());
const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "crossdock-mig-"));

interface MigrationRow {
  migration_name: string;
  checksum: string;
  applied_steps_count: number;
  finished: boolean;
  rolled_back: boolean;
}

interface Snapshot {
  migrations: MigrationRow[];
  columns: string[];
  indexes: string[];
  enums: string[];
}

async function snapshot(client: pg.Client): Promise<Snapshot> {
  const migrations = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, applied_steps_count,
            finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
     FROM _prisma_migrations ORDER BY migration_name`,
  );
  const columns = await client.query<{ c: string }>(
    `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable AS c
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`,
  );
  const indexes = await client.query<{ i: string }>(
    `SELECT indexname::text AS i FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
  );
  const enums = await client.query<{ e: string }>(
    `SELECT t.typname || '=' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS e
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`,
  );
  return {
    migrations: migrations.rows,
    columns: columns.rows.map((r) => r.c),
    indexes: indexes.rows.map((r) => r.i),
    enums: enums.rows.map((r) => r.e),
  };
}

async function snapshotUrl(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await snapshot(client);
  } finally {
    await client.end();
  }
}

async function snapshotEmbedded(): Promise<Snapshot> {
  const server = await startEmbeddedServer({ dataDir: pgliteDir, purpose: "migrations test" });
  try {
    return await snapshotUrl(server.url);
  } finally {
    await server.close();
  }
}

const onDisk = fs
  .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("migrations on PostgreSQL and embedded PGlite", () => {
  let onPg: Snapshot;
  let onPglite: Snapshot;

  beforeAll(async () => {
    await withAdminClient(async (client) => {
      await dropDatabase(client, pgName);
      await client.query(`CREATE DATABASE ${quoteIdent(pgName)}`);
    });
    const [pgResult, pgliteResult] = await Promise.all([
      migrateDatabase({ databaseUrl: pgUrl }),
      migrateDatabase({ databaseUrl: "", embeddedDir: pgliteDir }),
    ]);
    expect(pgResult.target).toMatch(/^PostgreSQL /);
    expect(pgliteResult.target).toBe(`embedded PGlite at ${pgliteDir}`);
    expect(pgResult.output).toMatch(/successfully applied/);
    expect(pgliteResult.output).toMatch(/successfully applied/);
    onPg = await snapshotUrl(pgUrl);
    onPglite = await snapshotEmbedded();
  });

  afterAll(async () => {
    await withAdminClient((client) => dropDatabase(client, pgName));
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    fs.rmSync(`${pgliteDir}.lock`, { force: true });
  });

  it("records every migration folder, with the file's checksum, identically on both", () => {
    expect(onDisk.length).toBeGreaterThan(0);
    const expected = onDisk.map((name) => ({
      migration_name: name,
      checksum: createHash("sha256")
        .update(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql")))
        .digest("hex"),
      applied_steps_count: 1,
      finished: true,
      rolled_back: false,
    }));
    expect(onPg.migrations).toEqual(expected);
    expect(onPglite.migrations).toEqual(onPg.migrations);
  });

  it("creates the same tables, columns, indexes and enums on both", () => {
    expect(onPg.columns).toContain("Session.refreshTokenExpires timestamp YES");
    expect(onPg.columns).toContain("location.tags _text YES");
    expect(onPg.indexes).toEqual(
      expect.arrayContaining([
        "webhook_delivery_shop_webhook_id_key",
        "webhook_delivery_shop_status_idx",
        "webhook_delivery_shop_received_at_idx",
        "inventory_level_shop_id_inventory_item_id_location_id_key",
        "location_shop_id_shopify_id_key",
      ]),
    );
    expect(onPglite.columns).toEqual(onPg.columns);
    expect(onPglite.indexes).toEqual(onPg.indexes);
    expect(onPglite.enums).toEqual(onPg.enums);
  });

  it("is idempotent and reports up to date on both", async () => {
    const [again, againEmbedded] = await Promise.all([
      migrateDatabase({ databaseUrl: pgUrl }),
      migrateDatabase({ databaseUrl: "", embeddedDir: pgliteDir }),
    ]);
    expect(again.output).toMatch(/No pending migrations/);
    expect(againEmbedded.output).toMatch(/No pending migrations/);
    const [status, statusEmbedded] = await Promise.all([
      migrationStatus({ databaseUrl: pgUrl }),
      migrationStatus({ databaseUrl: "", embeddedDir: pgliteDir }),
    ]);
    expect(status.upToDate).toBe(true);
    expect(statusEmbedded.upToDate).toBe(true);
  });

  it("has schema.prisma in step with the migration history (diff is empty)", async () => {
    const run = await runPrisma(
      ["migrate", "diff", "--from-migrations", MIGRATIONS_DIR, "--to-schema-datamodel", SCHEMA_PATH, "--script"],
      { databaseUrl: pgUrl },
    );
    expect(run.stdout.trim()).toBe("-- This is an empty migration.");
  });

  it("refuses to open a data directory another holder has open", async () => {
    let holder: EmbeddedServer | undefined = await startEmbeddedServer({ dataDir: pgliteDir, purpose: "holder" });
    try {
      await expect(migrateDatabase({ databaseUrl: "", embeddedDir: pgliteDir })).rejects.toThrow(
        EmbeddedDatabaseLockedError,
      );
      await expect(migrateDatabase({ databaseUrl: "", embeddedDir: pgliteDir })).rejects.toThrow(
        new RegExp(`in use by process ${process.pid} \\(holder`),
      );
      await holder.close();
      holder = undefined;
      expect(fs.existsSync(`${pgliteDir}.lock`)).toBe(false);
      await expect(migrateDatabase({ databaseUrl: "", embeddedDir: pgliteDir })).resolves.toMatchObject({
        output: expect.stringMatching(/No pending migrations/),
      });
    } finally {
      await holder?.close();
    }
  });

  it("takes over a lock left by a dead process", async () => {
    fs.writeFileSync(
      `${pgliteDir}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), purpose: "crashed", since: "then" }),
    );
    const status = await migrationStatus({ databaseUrl: "", embeddedDir: pgliteDir });
    expect(status.upToDate).toBe(true);
    expect(fs.existsSync(`${pgliteDir}.lock`)).toBe(false);
  });
});
