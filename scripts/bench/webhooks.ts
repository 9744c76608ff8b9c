// `npm run bench:webhooks`: how fast the webhook endpoint takes deliveries on the production
// topology (scripts/bench/lib/topology.ts: 2 web processes + 2 workers on PostgreSQL and Redis by
// default), and whether every acknowledged delivery was stored and processed.
//
//   npm run bench:webhooks -- [--rates 500,1000] [--seconds 10] [--runs 3] [--web 2] [--workers 2]
//                             [--drivers bullmq,inline] [--worker during|after] [--build DIR]
//   (--worker after: the workers start once the load ends, to measure the endpoint alone)
//   (--drivers inline: the in-process job driver, no Redis and no worker processes)
//
// Builds the app (production build, `remix vite:build`) unless --build, migrates a temporary
// PostgreSQL database, then for each run and driver starts the topology fresh and, for each rate,
// runs the load generator (scripts/bench/webhooks/load.ts) as a second process on loopback: signed
// inventory_levels/update deliveries at a fixed rate for a fixed time, alternating between the web
// processes. Reports deliveries/s and p50/p95/p99 response times of the endpoint, then counts the
// deliveries answered 200 (acknowledged), stored, processed (PROCESSED) and lost (acknowledged but
// not processed within 120 s after the load: must be 0), and how long the inbox took to drain.
// The summary table is the median of the runs, with their range.
//
// BENCH_SERVER_NODE_ARGS adds node flags to the web processes, e.g. "--cpu-prof --cpu-prof-dir=DIR".
// Needs PostgreSQL (TEST_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres as admin)
// and, for the BullMQ driver, Redis (REDIS_URL or redis://127.0.0.1:6379).
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { Queue } from "bullmq";
import { adminUrl, databaseUrlFor, dropDatabase, quoteIdent, withAdminClient } from "../../tests/setup/db";
import { migrateDatabase, REPO_ROOT } from "../db/migrate";
import { startProcess } from "../lib/processes";
import { machineNote, median, summaryTable, type SummaryRow } from "./lib/summary";
import { cpuMeter, describeTopology, productionBuild, startTopology, topologyArgs, topologyOptions, type Topology } from "./lib/topology";

const { values } = parseArgs({
  options: {
    ...topologyOptions,
    rates: { type: "string" },
    rate: { type: "string" },
    seconds: { type: "string", default: "10" },
    drivers: { type: "string", default: "bullmq" },
    worker: { type: "string", default: "during" },
  },
});
const topology = topologyArgs(values, { runs: 3 });
const rates = (values.rates ?? values.rate ?? "500,1000").split(",").map(Number).filter((r) => r > 0);
const seconds = Number(values.seconds);
const drivers = values.drivers!.split(",").map((d) => d.trim()) as ("bullmq" | "inline")[];
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const SECRET = "bench-secret";
const SHOP = "bench-shop.myshopify.com";
const DRAIN_MS = 120_000;

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

interface Measured extends LoadResult {
  acknowledged: number;
  stored: number;
  processed: number;
  lost: number;
  drainedAfterLoadS: number | null;
  deliveryStatuses: Record<string, number>;
  /** CPU time per acknowledged delivery (ms): web processes during the load; workers and PostgreSQL until drained. */
  webCpuMs: number;
  workerCpuMs: number;
  dbCpuMs: number;
}

function runLoad(urls: string[], rate: number, idsFile: string): Promise<LoadResult & { acknowledged: number }> {
  const load = startProcess(
    process.execPath,
    ["--import", "tsx", join(REPO_ROOT, "scripts/bench/webhooks/load.ts")],
    { TARGET_URLS: urls.join(","), SHOPIFY_API_SECRET: SECRET, BENCH_SHOP: SHOP, RATE: String(rate), SECONDS: String(seconds), IDS_FILE: idsFile, WARMUP_SECONDS: process.env.WARMUP_SECONDS },
    REPO_ROOT,
  );
  return load.exited.then((code) => {
    if (code !== 0) throw new Error(`load generator failed:\n${load.output()}`);
    const line = load.output().trim().split("\n").filter((l) => l.startsWith("{")).at(-1);
    return JSON.parse(line!) as LoadResult & { acknowledged: number };
  });
}

/** Waits until every acknowledged delivery has left the waiting states (or DRAIN_MS), then counts. */
async function account(prisma: PrismaClient, ids: string[], loadEnded: number) {
  const deadline = Date.now() + DRAIN_MS;
  const where = { shop: SHOP, webhookId: { in: ids } };
  let pending = ids.length;
  while (Date.now() < deadline) {
    pending = await prisma.webhookDelivery.count({ where: { ...where, status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } });
    if (pending === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const drainedAfterLoadS = pending === 0 ? Number(((Date.now() - loadEnded) / 1000).toFixed(1)) : null;
  const byStatus = await prisma.webhookDelivery.groupBy({ by: ["status"], where, _count: { _all: true } });
  const deliveryStatuses = Object.fromEntries(byStatus.map((s) => [s.status, s._count._all]));
  const stored = byStatus.reduce((n, s) => n + s._count._all, 0);
  const processed = deliveryStatuses.PROCESSED ?? 0;
  return { stored, processed, lost: ids.length - processed, drainedAfterLoadS, deliveryStatuses };
}

async function main() {
  const build = productionBuild(topology.build);
  const database = `crossdock_bench_${process.pid}`;
  const databaseUrl = databaseUrlFor(database, adminUrl());
  const scratch = mkdtempSync(join(tmpdir(), "crossdock-bench-webhooks-"));
  let running: Topology | undefined;
  const results = new Map<string, Measured[]>();
  try {
    await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
    await migrateDatabase({ databaseUrl });
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });

    for (let run = 1; run <= topology.runs; run++) {
      for (const driver of drivers) {
        await prisma.webhookDelivery.deleteMany();
        await prisma.inventoryLevel.deleteMany();
        await prisma.location.deleteMany();
        await prisma.shop.deleteMany();
        const shop = await prisma.shop.create({ data: { domain: SHOP, name: "Bench shop" } });
        await prisma.location.create({ data: { shopId: shop.id, shopifyId: "gid://shopify/Location/1", legacyResourceId: "1", name: "Warehouse" } });
        // An installed shop has its offline session.
        await prisma.session.deleteMany();
        await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "bench", isOnline: false, scope: "read_orders", accessToken: "shpat_bench" } });

        const prefix = `crossdock-bench-${randomUUID()}`;
        const env = {
          NODE_ENV: "production",
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
        const workers = driver === "bullmq" ? topology.workers : 0;
        const workersAfter = driver === "bullmq" && values.worker === "after";
        const label = workersAfter ? "bullmq (workers after)" : driver;
        try {
          running = await startTopology({ buildDir: build.dir, web: topology.web, workers: workersAfter ? 0 : workers, env });
          let late: Topology | undefined;
          const web = cpuMeter(() => running?.pids.web ?? []);
          const workerCpu = cpuMeter(() => [...(running?.pids.workers ?? []), ...(late?.pids.workers ?? [])]);
          const backends = cpuMeter(() =>
            withAdminClient((c) => c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [database])).then((r) => r.rows.map((row) => row.pid)),
          );
          for (const rate of rates) {
            console.error(`run ${run}, ${label}: ${rate} deliveries/s for ${seconds} s from a second process over ${running.urls.length} web process(es)…`);
            const idsFile = join(scratch, `${run}-${driver}-${rate}.txt`);
            await Promise.all([web.read(), workerCpu.read(), backends.read()]);
            const result = await runLoad(running.urls, rate, idsFile);
            const loadEnded = Date.now();
            const webMs = await web.read();
            if (workersAfter && !late) late = await startTopology({ buildDir: build.dir, web: 0, workers, env });
            const ids = readFileSync(idsFile, "utf8").split("\n").filter(Boolean);
            const counts = await account(prisma, ids, loadEnded);
            const [workerMs, dbMs] = await Promise.all([workerCpu.read(), backends.read()]);
            const per = (ms: number) => Number((ms / Math.max(1, ids.length)).toFixed(3));
            const measured = { ...result, ...counts, webCpuMs: per(webMs), workerCpuMs: per(workerMs), dbCpuMs: per(dbMs) };
            console.error(`  ${JSON.stringify(measured)}`);
            const key = `${label}|${rate}`;
            results.set(key, [...(results.get(key) ?? []), measured]);
          }
          await late?.stop();
        } finally {
          await running?.stop();
          running = undefined;
          if (driver === "bullmq") {
            for (const name of ["webhooks", "maintenance"]) {
              const q = new Queue(name, { connection: { url: redisUrl }, prefix });
              await q.obliterate({ force: true }).catch(() => undefined);
              await q.close();
            }
          }
        }
      }
    }
    await prisma.$disconnect();
  } finally {
    await running?.stop();
    await withAdminClient((c) => dropDatabase(c, database)).catch(() => undefined);
    build.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }

  const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en-US")} ms` : "–");
  const whole = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
  const rows: SummaryRow[] = [...results].map(([key, runs]) => {
    const [driver, rate] = key.split("|");
    return {
      label: `${driver === "bullmq" ? "BullMQ, workers running" : driver}, offered ${Number(rate).toLocaleString("en-US")}/s for ${seconds} s`,
      runs: runs.map((r) => ({
        achieved: r.achievedRate,
        p50: r.p50,
        p95: r.p95,
        p99: r.p99,
        acknowledged: r.acknowledged,
        processed: r.processed,
        lost: r.lost,
        drained: r.drainedAfterLoadS ?? NaN,
        webCpu: r.webCpuMs,
        workerCpu: r.workerCpuMs,
        dbCpu: r.dbCpuMs,
      })),
    };
  });
  console.log(`\nWebhook endpoint (POST /webhooks/inventory_levels/update), production build, loopback`);
  console.log(`${describeTopology(topology)}; median of ${topology.runs} run${topology.runs === 1 ? "" : "s"} (range); ${await machineNote()}\n`);
  console.log(
    summaryTable(
      "load",
      [
        { key: "achieved", title: "answered 200/s", format: whole },
        { key: "p50", title: "p50", format: ms },
        { key: "p95", title: "p95", format: ms },
        { key: "p99", title: "p99", format: ms },
        { key: "acknowledged", title: "acknowledged", format: whole },
        { key: "processed", title: "processed", format: whole },
        { key: "lost", title: "lost", format: whole },
        { key: "drained", title: "inbox drained after the load", format: (n) => (Number.isFinite(n) ? `${n.toFixed(1)} s` : "not within 120 s") },
        { key: "webCpu", title: "CPU/delivery: web", format: (n) => `${n.toFixed(2)} ms` },
        { key: "workerCpu", title: "workers", format: (n) => `${n.toFixed(2)} ms` },
        { key: "dbCpu", title: "PostgreSQL", format: (n) => `${n.toFixed(2)} ms` },
      ],
      rows,
    ),
  );
  const p99At = (rate: number) => median(results.get(`bullmq|${rate}`)?.map((r) => r.p99) ?? []);
  const lost = [...results.values()].flat().reduce((n, r) => n + r.lost, 0);
  console.log("");
  if (results.has("bullmq|500")) console.log(`floor p99 ≤ 50 ms at 500/s, nothing lost: ${p99At(500) <= 50 && lost === 0 ? "met" : "NOT met"} (median p99 ${ms(p99At(500))})`);
  if (results.has("bullmq|1000")) console.log(`goal  p99 ≤ 20 ms at 1,000/s: ${p99At(1000) <= 20 ? "met" : "NOT met"} (median p99 ${ms(p99At(1000))})`);
  console.log(`lost (acknowledged, not processed within ${DRAIN_MS / 1000} s): ${lost}`);
  console.log(`\n${JSON.stringify(Object.fromEntries(results))}`);
  if (lost > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
