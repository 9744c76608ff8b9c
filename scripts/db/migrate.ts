// Runs the Prisma CLI (WebAssembly schema engine, see prisma.config.ts) against the configured
// database: DATABASE_URL (PostgreSQL) or, when it is unset, the embedded PGlite data directory served
// on a loopback port for the duration of the call, with an in-memory PGlite as shadow database.
//
// `migrateDatabase()` is the one migration path used by `npm run db:migrate`, the test template
// database and the demo launcher.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveEmbeddedDir, startEmbeddedServer, type EmbeddedServer } from "../../app/embedded-db.server";

const require = createRequire(import.meta.url);
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");
export const SCHEMA_PATH = path.join(REPO_ROOT, "prisma/schema.prisma");
const PRELOAD = path.join(REPO_ROOT, "scripts/db/prisma-cli-preload.cjs");

export type DatabaseTarget =
  | { kind: "url"; url: string }
  | { kind: "embedded"; dataDir: string };

export interface TargetOptions {
  /** PostgreSQL URL. Default: DATABASE_URL. */
  databaseUrl?: string;
  /** Embedded data directory, used when no URL is given. Default: EMBEDDED_DB_DIR or .data/pglite. */
  embeddedDir?: string;
  /** Echo the CLI's output (default: false = captured and returned / included in errors). */
  verbose?: boolean;
}

/** DATABASE_URL (or the explicit URL) if set, else the embedded data directory. */
export function resolveTarget(options: TargetOptions = {}): DatabaseTarget {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url && url.trim() !== "") return { kind: "url", url };
  return { kind: "embedded", dataDir: resolveEmbeddedDir(options.embeddedDir) };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") return `embedded PGlite at ${target.dataDir}`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}/${u.pathname.replace(/^\//, "")}`;
}

export interface PrismaRun {
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export class PrismaCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly run: PrismaRun,
  ) {
    super(
      `prisma ${args.join(" ")} failed (exit ${run.code}):\n${(run.stderr + "\n" + run.stdout).trim()}`,
    );
    this.name = "PrismaCommandError";
  }
}

function spawnPrisma(args: string[], env: NodeJS.ProcessEnv, verbose: boolean): Promise<PrismaRun> {
  const started = performance.now();
  const cli = require.resolve("prisma/build/index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", PRELOAD, cli, ...args], {
      cwd: REPO_ROOT,
      env: { ...env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (verbose) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (verbose) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout, stderr, durationMs: performance.now() - started }),
    );
  });
}

/**
 * Runs `prisma <args>` against the target. For the embedded target the data directory is locked,
 * served, and closed again afterwards (also when the command fails).
 */
export async function runPrisma(
  args: string[],
  options: TargetOptions & { allowFailure?: boolean } = {},
): Promise<PrismaRun> {
  const target = resolveTarget(options);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SHADOW_DATABASE_URL;
  let servers: EmbeddedServer[] = [];
  try {
    if (target.kind === "url") {
      env.DATABASE_URL = target.url;
    } else {
      const main = await startEmbeddedServer({
        dataDir: target.dataDir,
        purpose: `prisma ${args.join(" ")}`,
      });
      servers.push(main);
      env.DATABASE_URL = main.url;
      // Only diffing replays migrations on a shadow database; PGlite has no CREATE DATABASE, so
      // the shadow is a second, in-memory PGlite.
      if (args.includes("diff") || args.includes("dev")) {
        const shadow = await startEmbeddedServer({});
        servers.push(shadow);
        env.SHADOW_DATABASE_URL = shadow.url;
      }
      env.CROSSDOCK_DB_POOL_MAX = "1";
    }
    const run = await spawnPrisma(args, env, options.verbose ?? false);
    if (run.code !== 0 && !options.allowFailure) throw new PrismaCommandError(args, run);
    return run;
  } finally {
    const toClose = servers;
    servers = [];
    await Promise.all(toClose.map((s) => s.close()));
  }
}

/** `prisma generate` (no database involved; DATABASE_URL may stay unset). */
export async function generateClient(options: { verbose?: boolean } = {}): Promise<PrismaRun> {
  const run = await spawnPrisma(["generate"], { ...process.env }, options.verbose ?? false);
  if (run.code !== 0) throw new PrismaCommandError(["generate"], run);
  return run;
}

export interface MigrateResult {
  target: string;
  durationMs: number;
  output: string;
}

/** `prisma migrate deploy` against DATABASE_URL / the given URL, or the embedded data directory. */
export async function migrateDatabase(options: TargetOptions = {}): Promise<MigrateResult> {
  const started = performance.now();
  const target = resolveTarget(options);
  const run = await runPrisma(["migrate", "deploy"], options);
  return {
    target: describeTarget(target),
    durationMs: performance.now() - started,
    output: (run.stdout + run.stderr).trim(),
  };
}

/** `prisma migrate status`; `upToDate` is false when migrations are pending or the history diverges. */
export async function migrationStatus(
  options: TargetOptions = {},
): Promise<{ upToDate: boolean; output: string }> {
  const run = await runPrisma(["migrate", "status"], { ...options, allowFailure: true });
  const output = (run.stdout + run.stderr).trim();
  if (run.code !== 0 && !/not yet been applied|following migration|have not yet been applied/i.test(output)) {
    throw new PrismaCommandError(["migrate", "status"], run);
  }
  return { upToDate: run.code === 0, output };
}

/** Drops everything and re-applies all migrations. Refused when NODE_ENV=production. */
export async function resetDatabase(options: TargetOptions = {}): Promise<MigrateResult> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Refusing to reset a database with NODE_ENV=production.");
  }
  const started = performance.now();
  const target = resolveTarget(options);
  const run = await runPrisma(["migrate", "reset", "--force", "--skip-seed", "--skip-generate"], options);
  return {
    target: describeTarget(target),
    durationMs: performance.now() - started,
    output: (run.stdout + run.stderr).trim(),
  };
}

export function migrationFolderName(name: string, now = new Date()): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error("A migration needs a name, e.g. `npm run db:new-migration -- add_orders`.");
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14); // YYYYMMDDHHMMSS (UTC)
  return `${stamp}_${slug}`;
}

/**
 * Diffs the migration history (replayed on a shadow database) against schema.prisma and writes the
 * difference as a new migration folder. Returns null when there is nothing to migrate.
 */
export async function createMigration(
  name: string,
  options: TargetOptions = {},
): Promise<{ folder: string; sql: string } | null> {
  const folder = migrationFolderName(name);
  fs.mkdirSync(MIGRATIONS_DIR, { recursive: true });
  const lockFile = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lockFile)) {
    fs.writeFileSync(
      lockFile,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  const run = await runPrisma(
    [
      "migrate",
      "diff",
      "--from-migrations",
      MIGRATIONS_DIR,
      "--to-schema-datamodel",
      SCHEMA_PATH,
      "--script",
    ],
    options,
  );
  const sql = run.stdout.trim();
  if (sql === "" || /^-- This is an empty migration\.?$/.test(sql)) return null;
  const dir = path.join(MIGRATIONS_DIR, folder);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  return { folder: dir, sql };
}
