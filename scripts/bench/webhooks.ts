// `npm run bench:webhooks`: how fast the webhook endpoint takes deliveries, with each job driver.
//
// Builds the app (production build, `remix vite:build`), migrates a temporary PostgreSQL database,
// then for each driver starts the app as `npm start` does (scripts/serve.ts) — with REDIS_URL and
// a separate `npm run worker` process for BullMQ, without Redis for the in-process driver — and
// runs the load generator (scripts/bench/webhooks/load.ts) as a second process on loopback: signed
// inventory_levels/update deliveries at a fixed rate for a fixed time. Reports deliveries/s and
// p50/p95/p99 response times of the endpoint, then how long the inbox took to be processed.
//
//   npm run bench:webhooks -- [--rate 500] [--seconds 10] [--drivers bullmq,inline] [--worker during|after] [--build DIR]
//   (--worker after: the BullMQ worker starts once the load ends, to measure the endpoint alone)
//   (--build: use an existing production build instead of building one)
//
// BENCH_SERVER_NODE_ARGS adds node flags to the web process, e.g. "--cpu-prof --cpu-prof-dir=DIR".
// Needs PostgreSQL (TEST_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres as admin)
// and, for the BullMQ driver, Redis (REDIS_URL or redis://127.0.0.1:6379).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { Queue } from "bullmq";
import { adminUrl, databaseUrlFor, dropDatabase, quoteIdent, withAdminClient } from "../../tests/setup/db";
import { migrateDatabase, REPO_ROOT } from "../db/migrate";
import { freePort, startProcess, waitForHttp, type Started } from "../lib/processes";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "500" },
    seconds: { type: "string", default: "10" },
    drivers: { type: "string", default: "bullmq,inline" },
    build: { type: "string" },
    worker: { type: "string", default: "during" },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const drivers = values.drivers!.split(",").map((d) => d.trim()) as ("bullmq" | "inline")[];
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const SECRET = "bench-secret";
const SHOP = "bench-shop.myshopify.com";
const bin = (name: string) => join(REPO_ROOT, "node_modules", ".bin", name);

interface LoadResult {
  targetRate: number;
  sent: number;
  ok: number;
  statuses: Record<string, number>;
  achievedRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function runLoad(appUrl: string): Promise<LoadResult> {
  const load = startProcess(
    process.execPath,
    ["--import", "tsx", join(REPO_ROOT, "scripts/bench/webhooks/load.ts")],
    { TARGET_URL: appUrl, SHOPIFY_API_SECRET: SECRET, BENCH_SHOP: SHOP, RATE: String(rate), SECONDS: String(seconds) },
    REPO_ROOT,
  );
  return load.exited.then((code) => {
    if (code !== 0) throw new Error(`load generator failed:\n${load.output()}`);
    const line = load.output().trim().split("\n").filter((l) => l.startsWith("{")).at(-1);
    return JSON.parse(line!) as LoadResult;
  });
}

async function main() {
  mkdirSync(join(REPO_ROOT, ".cache"), { recursive: true });
  const buildDir = values.build ?? mkdtempSync(join(REPO_ROOT, ".cache", "bench-build-"));
  const database = `crossdock_bench_${process.pid}`;
  const databaseUrl = databaseUrlFor(database, adminUrl());
  const processes: Started[] = [];
  const report: (LoadResult & { driver: string; stored: number; drainedAfterLoadS: number | null; deliveryStatuses: Record<string, number> })[] = [];
  try {
    if (!values.build) {
      console.error("building the app (remix vite:build)…");
      execFileSync(bin("remix"), ["vite:build"], { cwd: REPO_ROOT, env: { ...process.env, CROSSDOCK_BUILD_DIR: buildDir, NODE_ENV: "production" }, stdio: "pipe" });
    }
    await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
    await migrateDatabase({ databaseUrl });
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });

    for (const driver of drivers) {
      await prisma.webhookDelivery.deleteMany();
      await prisma.shop.deleteMany();
      const shop = await prisma.shop.create({ data: { domain: SHOP, name: "Bench shop" } });
      await prisma.location.create({ data: { shopId: shop.id, shopifyId: "gid://shopify/Location/1", legacyResourceId: "1", name: "Warehouse" } });
      // An installed shop has its offline session (authenticate.webhook loads it for every delivery).
      await prisma.session.deleteMany();
      await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "bench", isOnline: false, scope: "read_orders", accessToken: "shpat_bench" } });

      const prefix = `crossdock-bench-${process.pid}-${driver}`;
      const port = await freePort();
      const appUrl = `http://127.0.0.1:${port}`;
      const env = {
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        SHOPIFY_API_KEY: "bench-key",
        SHOPIFY_API_SECRET: SECRET,
        SHOPIFY_APP_URL: "https://crossdock.example.com",
        JOBS_QUEUE_PREFIX: prefix,
        RECONCILE_INTERVAL_MINUTES: "0",
        LOG_LEVEL: "warn",
        PORTAL_SECRET: "bench-portal-secret-0123456789abcdef",
        ...(driver === "bullmq" && { REDIS_URL: redisUrl }),
      };
      const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
      const app = startProcess(process.execPath, [...nodeArgs, "--import", "tsx", join(REPO_ROOT, "scripts", "serve.ts"), join(buildDir, "server", "index.js")], env, REPO_ROOT);
      processes.push(app);
      await waitForHttp(`${appUrl}/`, 60_000, app);
      const startWorker = () => processes.push(startProcess(process.execPath, ["--import", "tsx", join(REPO_ROOT, "scripts/worker.ts"), join(buildDir, "server", "index.js")], env, REPO_ROOT));
      if (driver === "bullmq" && values.worker !== "after") startWorker();

      console.error(`${driver}: ${rate} deliveries/s for ${seconds} s from a second process…`);
      const result = await runLoad(appUrl);
      const loadEnded = Date.now();
      if (driver === "bullmq" && values.worker === "after") startWorker();
      const total = await prisma.webhookDelivery.count();
      const deadline = Date.now() + 120_000;
      let pending = total;
      while (Date.now() < deadline) {
        pending = await prisma.webhookDelivery.count({ where: { status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } });
        if (pending === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const byStatus = await prisma.webhookDelivery.groupBy({ by: ["status"], _count: { _all: true } });
      report.push({
        driver: driver === "bullmq" && values.worker === "after" ? "bullmq (worker after)" : driver,
        ...result,
        stored: total,
        drainedAfterLoadS: pending === 0 ? Number(((Date.now() - loadEnded) / 1000).toFixed(1)) : null,
        deliveryStatuses: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])),
      });
      for (const p of processes.splice(0)) await p.stop();
      if (driver === "bullmq") {
        for (const name of ["webhooks", "maintenance"]) {
          const q = new Queue(name, { connection: { url: redisUrl }, prefix });
          await q.obliterate({ force: true }).catch(() => undefined);
          await q.close();
        }
      }
    }
    await prisma.$disconnect();
  } finally {
    for (const p of processes) await p.stop();
    await withAdminClient((c) => dropDatabase(c, database)).catch(() => undefined);
    if (!values.build) rmSync(buildDir, { recursive: true, force: true });
  }

  console.log("\nWebhook endpoint (POST /webhooks/inventory_levels/update), production build on scripts/serve.ts, loopback:");
  console.log("driver                 target/s  achieved/s  ok/sent     p50 ms  p95 ms  p99 ms  max ms  inbox drained after");
  for (const r of report) {
    console.log(
      `${r.driver.padEnd(22)} ${String(r.targetRate).padStart(8)}  ${String(r.achievedRate).padStart(10)}  ${`${r.ok}/${r.sent}`.padEnd(10)} ${String(r.p50).padStart(6)}  ${String(r.p95).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.max).padStart(6)}  ${r.drainedAfterLoadS === null ? "not within 120 s" : `${r.drainedAfterLoadS} s`}`,
    );
  }
  console.log(`\n${JSON.stringify(report)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
