// Database CLI. Target: DATABASE_URL (PostgreSQL) when set, otherwise the embedded PGlite data
// directory (EMBEDDED_DB_DIR, default .data/pglite), served for the duration of the command.
//
//   npm run db:migrate                       apply pending migrations (prisma migrate deploy)
//   npm run db:status                        show migration status (exit 1 when not up to date)
//   npm run db:new-migration -- <name>       diff migrations → schema.prisma into a new folder
//   tsx scripts/db.ts reset [--yes]          drop everything and re-apply (dev / tests only;
//                                            --yes needed for a non-local DATABASE_URL)
import {
  createMigration,
  describeTarget,
  generateClient,
  migrateDatabase,
  migrationStatus,
  resetDatabase,
  resolveTarget,
} from "./db/migrate";

const USAGE = `usage: tsx scripts/db.ts <migrate | status | new-migration <name> | reset [--yes]>`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const target = describeTarget(resolveTarget());
  const started = performance.now();
  const took = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  switch (command) {
    case "migrate": {
      const result = await migrateDatabase({ verbose: true });
      console.log(`\nMigrated ${result.target} in ${took()}.`);
      return 0;
    }
    case "status": {
      const status = await migrationStatus();
      console.log(status.output);
      console.log(`\n${target}: ${status.upToDate ? "up to date" : "NOT up to date"}.`);
      return status.upToDate ? 0 : 1;
    }
    case "new-migration": {
      const name = rest.join("_");
      const created = await createMigration(name);
      if (!created) {
        console.log("schema.prisma matches the migration history: no migration created.");
        return 0;
      }
      await generateClient();
      console.log(
        `${created.sql}\n\nCreated ${created.folder} and regenerated the client (${took()}). ` +
          `Review it, then run npm run db:migrate.`,
      );
      return 0;
    }
    case "reset": {
      const resolved = resolveTarget();
      const host = resolved.kind === "url" ? new URL(resolved.url).hostname : "localhost";
      if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) && !rest.includes("--yes")) {
        console.error(`Refusing to reset ${target} (not a local database) without --yes.`);
        return 2;
      }
      const result = await resetDatabase({ verbose: true });
      console.log(`\nReset ${result.target} in ${took()}.`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
