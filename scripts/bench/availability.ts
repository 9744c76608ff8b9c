// `npm run bench:availability`: requests per second and p50/p95/p99 latency of the storefront
// availability endpoint (app proxy) for a shop with 200 locations and 5,000 variants, on the
// production topology (scripts/bench/lib/topology.ts: 2 web processes + 2 workers by default).
//
//   npm run bench:availability -- [--rates 1000,2000] [--seconds 15] [--max-seconds 10] [--runs 3]
//                                 [--web 2] [--workers 2] [--build DIR]
//
// 1. A fresh PostgreSQL database (BENCH_DATABASE_URL's server, default the local one) is migrated
//    and seeded with SQL: the shop, its settings and offline session, 200 active locations spread
//    over the US, and 5,000 variants stocked at every location (1,000,000 inventory levels).
// 2. The production build (remix vite:build) is started as a host runs it: `--web` processes of
//    `npm start`'s server (scripts/serve.ts) and `--workers` of `npm run worker`, on Redis.
// 3. A second process (scripts/bench/availability/load.ts) sends signed app-proxy requests on
//    loopback, alternating between the web processes: random variant, 70 % with a random shopper
//    position in the US. First a warm-up, then each fixed rate (open loop: evenly spaced), then as
//    fast as it goes (autocannon, 64 connections split over the web processes).
// 4. Steps 2–3 are repeated `--runs` times (fresh processes, cold caches); the summary table is the
//    median of the runs, with their range.
// Bounded: each phase has a fixed duration; everything is stopped and the database dropped at the end.
// BENCH_SERVER_NODE_ARGS adds node flags to the web processes, e.g. "--cpu-prof --cpu-prof-dir=.cache/profiles".
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Queue } from "bullmq";
import pg from "pg";
import { migrateDatabase, REPO_ROOT } from "../db/migrate";
import { cpuMeter, describeTopology, productionBuild, startTopology, topologyArgs, topologyOptions, type Topology } from "./lib/topology";
import { machineNote, median, summaryTable, type SummaryRow } from "./lib/summary";

const { values } = parseArgs({
  options: {
    ...topologyOptions,
    rates: { type: "string", default: "1000,2000" },
    seconds: { type: "string", default: process.env.BENCH_SECONDS ?? "15" },
    "max-seconds": { type: "string", default: "10" },
  },
});
const topology = topologyArgs(values, { runs: 3 });
const RATES = values.rates!.split(",").map(Number).filter((r) => r > 0);
const MAX_SECONDS = Number(values["max-seconds"]);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const LOCATIONS = Number(process.env.BENCH_LOCATIONS ?? 200);
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 5_000);
const SECONDS = Number(values.seconds);
const FIRST_VARIANT = 1_000_000;
const SHOP = "bench-shop.myshopify.com";
const SECRET = "bench-secret";
const admin = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = `crossdock_bench_${process.pid}`;
const databaseUrl = (() => {
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
})();

async function sql(url: string, fn: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

async function seed() {
  await sql(admin, async (c) => {
    await c.query(`CREATE DATABASE ${database}`);
  });
  await migrateDatabase({ databaseUrl });
  const started = performance.now();
  await sql(databaseUrl, async (c) => {
    await c.query(`INSERT INTO shop (id, domain, name, updated_at) VALUES ('bench-shop', $1, 'Bench shop', now())`, [SHOP]);
    await c.query(`INSERT INTO shop_settings (shop_id, updated_at) VALUES ('bench-shop', now())`);
    await c.query(
      `INSERT INTO "Session" (id, shop, state, "isOnline", scope, "accessToken") VALUES ($1, $2, 'bench', false, 'read_inventory', 'shpat_bench')`,
      [`offline_${SHOP}`, SHOP],
    );
    // 200 locations on a grid over the contiguous US; every third offers pickup.
    await c.query(
      `INSERT INTO location (id, shop_id, shopify_id, legacy_resource_id, name, address1, city, province_code, zip,
         country_code, latitude, longitude, pickup_enabled, pickup_time, updated_at)
       SELECT 'loc-' || i, 'bench-shop', 'gid://shopify/Location/' || i, i::text, 'Store ' || i, i || ' Main St',
         'City ' || i, 'NY', lpad((10000 + i * 37)::text, 5, '0'), 'US',
         25 + (i % 20) * 1.15, -123 + (i / 20) * 5.3, i % 3 = 0, CASE WHEN i % 3 = 0 THEN 'TWO_HOURS' END, now()
       FROM generate_series(1, $1::int) AS i`,
      [LOCATIONS],
    );
    await c.query(
      `INSERT INTO inventory_level (id, shop_id, inventory_item_id, variant_id, sku, location_id, available, on_hand,
         shopify_updated_at, updated_at)
       SELECT 'il-' || v || '-' || l, 'bench-shop', 'gid://shopify/InventoryItem/' || v, 'gid://shopify/ProductVariant/' || v,
         'SKU-' || v, 'loc-' || l, (random() * 12)::int, 12, now(), now()
       FROM generate_series($1::int, $2::int) AS v, generate_series(1, $3::int) AS l`,
      [FIRST_VARIANT, FIRST_VARIANT + VARIANTS - 1, LOCATIONS],
    );
    // As autovacuum leaves a table at rest: statistics, and the visibility map index-only scans read.
    await c.query("VACUUM ANALYZE");
  });
  console.error(`seeded ${LOCATIONS} locations × ${VARIANTS} variants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

type LoadResult = Record<string, unknown> & {
  rps: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  /** CPU time per request (ms) of the web processes and of PostgreSQL's backends for the bench database. */
  webCpuMs?: number;
  dbCpuMs?: number;
};

function load(urls: string[], rate: number, seconds: number): Promise<LoadResult> {
  // Open loop: up to 256 keep-alive sockets (a backlog shows as latency); maximum: 64 connections, closed loop.
  const config = { urls, shop: SHOP, secret: SECRET, variants: VARIANTS, firstVariant: FIRST_VARIANT, rate, seconds, connections: rate > 0 ? 256 : 64 };
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO_ROOT, "node_modules", ".bin", "tsx"), [join(REPO_ROOT, "scripts", "bench", "availability", "load.ts"), JSON.stringify(config)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    // A bound, not a measurement: an overloaded machine answers late (10 s per request at most).
    const timer = setTimeout(() => child.kill("SIGKILL"), (seconds * 3 + 120) * 1000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").at(-1);
      if (code !== 0 || !line) reject(new Error(`load generator exited ${code ?? "on a signal (the time bound)"}: ${out}`));
      else resolve(JSON.parse(line) as LoadResult);
    });
  });
}

function format(name: string, r: Record<string, unknown>) {
  const ms = (v: unknown) => `${Number(v).toFixed(1)} ms`;
  return `${name.padEnd(34)} ${Number(r.rps).toFixed(0).padStart(6)} req/s   p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   CPU per request: web ${Number(r.webCpuMs).toFixed(2)} ms, PostgreSQL ${Number(r.dbCpuMs).toFixed(2)} ms   (${r.requests} requests, statuses ${JSON.stringify(r.statuses)}, errors ${r.errors})`;
}

const nonOk = (r: LoadResult) => Object.entries(r.statuses).reduce((n, [status, k]) => (status === "200" ? n : n + k), 0);

async function oneRun(buildDir: string, run: number): Promise<Map<string, LoadResult>> {
  const prefix = `crossdock-bench-availability-${randomUUID()}`;
  let started: Topology | undefined;
  try {
    started = await startTopology({
      buildDir,
      web: topology.web,
      workers: topology.workers,
      env: {
        NODE_ENV: "production",
        SHOPIFY_API_KEY: "bench-key",
        SHOPIFY_API_SECRET: SECRET,
        SHOPIFY_APP_URL: "https://crossdock.example.com",
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        JOBS_QUEUE_PREFIX: prefix,
        RECONCILE_INTERVAL_MINUTES: "0",
        PORTAL_SECRET: "bench-portal-secret-0123456789abcdef",
        LOG_LEVEL: "warn",
      },
    });
    console.error(`run ${run}: web on ${started.urls.join(", ")}; load from a second process on loopback`);
    const web = cpuMeter(() => started!.pids.web);
    const backends = cpuMeter(async () => {
      const rows: number[] = [];
      await sql(admin, async (c) => {
        const result = await c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [database]);
        rows.push(...result.rows.map((r) => r.pid));
      });
      return rows;
    });
    const measured = async (rate: number, seconds: number): Promise<LoadResult> => {
      await Promise.all([web.read(), backends.read()]);
      const r = await load(started!.urls, rate, seconds);
      const [webMs, dbMs] = await Promise.all([web.read(), backends.read()]);
      return { ...r, webCpuMs: webMs / r.requests, dbCpuMs: dbMs / r.requests };
    };
    const phases = new Map<string, LoadResult>();
    phases.set("warm-up", await measured(500, 5));
    for (const rate of RATES) phases.set(`rate ${rate}`, await measured(rate, SECONDS));
    phases.set("max", await measured(0, MAX_SECONDS));
    for (const [name, r] of phases) console.error(format(`  run ${run}, ${name}`, r));
    return phases;
  } finally {
    await started?.stop();
    for (const name of ["webhooks", "maintenance"]) {
      const q = new Queue(name, { connection: { url: redisUrl }, prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
  }
}

const build = productionBuild(topology.build);
try {
  await seed();
  const runs: Map<string, LoadResult>[] = [];
  for (let run = 1; run <= topology.runs; run++) runs.push(await oneRun(build.dir, run));

  const rows: SummaryRow[] = [
    ...RATES.map((rate) => ({ label: `offered ${rate.toLocaleString("en-US")} req/s for ${SECONDS} s`, key: `rate ${rate}` })),
    { label: `as fast as it goes, ${MAX_SECONDS} s`, key: "max" },
  ].map(({ label, key }) => ({
    label,
    runs: runs.map((r) => {
      const p = r.get(key)!;
      return { rps: p.rps, p50: p.p50, p95: p.p95, p99: p.p99, nonOk: nonOk(p), webCpu: Number(p.webCpuMs ?? NaN), dbCpu: Number(p.dbCpuMs ?? NaN) };
    }),
  }));
  const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en-US")} ms` : "–");
  console.log(`\nAvailability endpoint, ${LOCATIONS} locations × ${VARIANTS} variants (${(LOCATIONS * VARIANTS).toLocaleString("en-US")} inventory levels)`);
  console.log(`${describeTopology(topology)}; median of ${topology.runs} run${topology.runs === 1 ? "" : "s"} (range); ${await machineNote()}\n`);
  console.log(
    summaryTable(
      "phase",
      [
        { key: "rps", title: "requests/s", format: (n) => Math.round(n).toLocaleString("en-US") },
        { key: "p50", title: "p50", format: ms },
        { key: "p95", title: "p95", format: ms },
        { key: "p99", title: "p99", format: ms },
        { key: "nonOk", title: "not 200", format: (n) => String(Math.round(n)) },
        { key: "webCpu", title: "web CPU/request", format: (n) => `${n.toFixed(2)} ms` },
        { key: "dbCpu", title: "PostgreSQL CPU/request", format: (n) => `${n.toFixed(2)} ms` },
      ],
      rows,
    ),
  );
  const at = (rate: number, key: "p95" | "p99") => median(runs.map((r) => r.get(`rate ${rate}`)?.[key] ?? NaN));
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log("");
  if (RATES.includes(1000)) console.log(`floor p95 ≤ 20 ms at 1,000 req/s: ${verdict(at(1000, "p95") <= 20)} (median p95 ${ms(at(1000, "p95"))})`);
  if (RATES.includes(2000)) console.log(`goal  p99 ≤ 10 ms at 2,000 req/s: ${verdict(at(2000, "p99") <= 10)} (median p99 ${ms(at(2000, "p99"))})`);
  const refused = runs.flatMap((r) => [...r.values()]).reduce((n, p) => n + nonOk(p), 0);
  if (refused > 0) throw new Error(`${refused} answers were not 200 (see the statuses above)`);
} finally {
  build.dispose();
  await sql(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).then(() => undefined));
}
