// Vitest global setup (runs once per `vitest run`, in the main process):
// creates a template database on the test PostgreSQL, migrates it ONCE through the production
// migration path (migrateDatabase → prisma migrate deploy), and hands its name to the workers,
// which clone it (worker-setup.ts). Teardown drops the template and every worker clone.
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../scripts/db/migrate";
import { removeProductionBuild } from "../support/production-build-dir";
import {
  TEST_DB_PREFIX,
  adminUrl,
  databaseUrlFor,
  dropDatabase,
  quoteIdent,
  withAdminClient,
} from "./db";

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Databases of runs whose vitest process is gone (killed before its teardown). */
async function dropLeftovers(): Promise<void> {
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${TEST_DB_PREFIX}%`],
    );
    for (const { datname } of rows) {
      const pid = Number(/^crossdock_test_(\d+)_/.exec(datname)?.[1]);
      if (Number.isFinite(pid) && !processIsAlive(pid)) await dropDatabase(client, datname);
    }
  });
}

export default async function setup(project: TestProject) {
  const started = performance.now();
  const admin = adminUrl();
  const template = `${TEST_DB_PREFIX}${process.pid}_${Date.now().toString(36)}`;

  await dropLeftovers();
  await withAdminClient((client) => client.query(`CREATE DATABASE ${quoteIdent(template)}`));
  try {
    await migrateDatabase({ databaseUrl: databaseUrlFor(template, admin) });
    // Nobody may stay connected to a template; keep it from being used as a normal database too.
    await withAdminClient((client) =>
      client.query(`ALTER DATABASE ${quoteIdent(template)} WITH ALLOW_CONNECTIONS false`),
    );
  } catch (error) {
    await withAdminClient((client) => dropDatabase(client, template));
    throw error;
  }

  project.provide("crossdockTemplateDb", template);
  project.provide("crossdockAdminUrl", admin);
  process.env.CROSSDOCK_TEST_TEMPLATE_DB = template;
  if (process.env.CROSSDOCK_DEBUG_SETUP) {
    console.log(`[global-setup] ${template} migrated in ${(performance.now() - started).toFixed(0)} ms`);
  }

  return async () => {
    removeProductionBuild(template);
    await withAdminClient(async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2",
        [template, `${template}\\_w%`],
      );
      for (const { datname } of rows) await dropDatabase(client, datname);
    });
  };
}
