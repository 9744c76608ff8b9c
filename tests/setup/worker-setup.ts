// Vitest setup file (runs in each worker before every test file, before the file's imports).
// The worker process gets its own database, cloned from the migrated template made by
// global-setup.ts, and DATABASE_URL points at it before any app module creates the Prisma client.
// Files that run in the same worker share that database: reset it in beforeEach (tests/setup/db.ts).
// The clones are dropped by global-setup's teardown (a worker cannot tell which file is its last).
import { inject } from "vitest";
import { cloneDatabase, databaseUrlFor, withAdminClient } from "./db";

const key = "CROSSDOCK_WORKER_DATABASE";
const template = inject("crossdockTemplateDb");
const admin = inject("crossdockAdminUrl");

if (!template || !admin) {
  throw new Error("tests/setup/global-setup.ts did not run (vitest.config.ts globalSetup).");
}

const existing = process.env[key];
if (!existing || !existing.startsWith(`${template}_w`)) {
  const name = `${template}_w${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}`;
  await withAdminClient((client) => cloneDatabase(client, template, name), admin);
  process.env[key] = name;
  process.env.DATABASE_URL = databaseUrlFor(name, admin);
} else {
  process.env.DATABASE_URL = databaseUrlFor(existing, admin);
}

// The driver a process builds at start (app/entry.server.tsx installs it in the web process and the
// worker): tests that do not install their own get it on first use, as those processes do.
const { installJobDriverFactory } = await import("~/queue/handle.server");
installJobDriverFactory(async () => {
  const { createWebDriver } = await import("~/jobs/runtime.server");
  return createWebDriver();
});
