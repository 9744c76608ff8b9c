// `npm run bench:availability`: requests per second and p50/p95/p99 latency of the storefront
// availability endpoint (app proxy) for a shop with 200 locations and 5,000 variants.
//
// 1. A fresh PostgreSQL database (BENCH_DATABASE_URL's server, default the local one) is migrated
//    and seeded with SQL: the shop, its settings and offline session, 200 active locations spread
//    over the US, and 5,000 variants stocked at every location (1,000,000 inventory levels).
// 2. The production build (remix vite:build) is started with `npm start`'s server (scripts/serve.ts), as a host runs it.
// 3. A second process (scripts/bench/availability/load.ts) sends signed app-proxy requests on
//    loopback: random variant, 70 % with a random shopper position in the US. First a warm-up, then
//    a fixed rate of 1,000 requests/s (open loop: evenly spaced), then as fast as it goes (autocannon).
// Bounded: each phase has a fixed duration; everything is stopped and the database dropped at the end.
// BENCH_SERVER_BUILD=<dir> uses an existing production build instead of building one;
// BENCH_SERVER_NODE_ARGS adds node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=.cache/profiles".
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { migrateDatabase, REPO_ROOT } from "../db/migrate";
import { freePort, startProcess, waitForHttp } from "../lib/processes";

const LOCATIONS = Number(process.env.BENCH_LOCATIONS ?? 200);
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 5_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
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
    await c.query("ANALYZE");
  });
  console.error(`seeded ${LOCATIONS} locations × ${VARIANTS} variants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function load(url: string, rate: number, seconds: number): Promise<Record<string, unknown>> {
    // Open loop: up to 256 keep-alive sockets (a backlog shows as latency); maximum: 64 connections, closed loop.
  const config = { url, shop: SHOP, secret: SECRET, variants: VARIANTS, firstVariant: FIRST_VARIANT, rate, seconds, connections: rate > 0 ? 256 : 64 };
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO_ROOT, "node_modules", ".bin", "tsx"), [join(REPO_ROOT, "scripts", "bench", "availability", "load.ts"), JSON.stringify(config)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), (seconds + 60) * 1000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").at(-1);
      if (code !== 0 || !line) reject(new Error(`load generator exited ${code}: ${out}`));
      else resolve(JSON.parse(line) as Record<string, unknown>);
    });
  });
}

function format(name: string, r: Record<string, unknown>) {
  const ms = (v: unknown) => `${Number(v).toFixed(1)} ms`;
  return `${name.padEnd(34)} ${Number(r.rps).toFixed(0).padStart(6)} req/s   p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   (${r.requests} requests, statuses ${JSON.stringify(r.statuses)}, errors ${r.errors})`;
}

const buildDir = process.env.BENCH_SERVER_BUILD ?? join(REPO_ROOT, ".cache", "bench-build");
let server: ReturnType<typeof startProcess> | undefined;
try {
  await seed();
  if (!process.env.BENCH_SERVER_BUILD) {
    mkdirSync(join(REPO_ROOT, ".cache"), { recursive: true });
    console.error("building the production server…");
    execFileSync(join(REPO_ROOT, "node_modules", ".bin", "remix"), ["vite:build"], {
      cwd: REPO_ROOT,
      env: { ...process.env, CROSSDOCK_BUILD_DIR: buildDir, NODE_ENV: "production" },
      stdio: "pipe",
    });
  }
  const port = await freePort();
  server = startProcess(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", join(REPO_ROOT, "scripts", "serve.ts"), join(buildDir, "server", "index.js")],
    {
      NODE_ENV: "production",
      PORT: String(port),
      SHOPIFY_API_KEY: "bench-key",
      SHOPIFY_API_SECRET: SECRET,
      SHOPIFY_APP_URL: "https://crossdock.example.com",
      DATABASE_URL: databaseUrl,
      PORTAL_SECRET: "bench-portal-secret-0123456789abcdef",
      LOG_LEVEL: "warn",
    },
    REPO_ROOT,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/`, 60_000, server);
  console.error(`server on ${url}; load from a second process on loopback (fixed rates open loop, maximum with autocannon)`);
  const warm = await load(url, 500, 5);
  const steady = await load(url, 1_000, SECONDS);
  const max = await load(url, 0, 10);
  console.log(`\nAvailability endpoint, ${LOCATIONS} locations × ${VARIANTS} variants (${LOCATIONS * VARIANTS} inventory levels)`);
  console.log(format("warm-up (500 req/s, 5 s)", warm));
  console.log(format(`fixed rate (1000 req/s, ${SECONDS} s)`, steady));
  console.log(format("max throughput (10 s)", max));
  const ok = Number(steady.p95) < 20;
  console.log(`\ntarget p95 < 20 ms at 1,000 req/s: ${ok ? "met" : "NOT met"}`);
  if (Object.keys(steady.statuses as object).some((s) => s !== "200")) throw new Error(`non-200 answers: ${JSON.stringify(steady.statuses)}`);
} finally {
  await server?.stop();
  await sql(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).then(() => undefined));
}
