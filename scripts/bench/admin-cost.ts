// `npm run bench:admin-cost`: what Crossdock spends of a shop's Admin API rate limit.
//
// Shopify's rate limit is a leaky bucket of query cost points per app and shop (Standard plan: 100
// points/s). This runs the simulator in-process with the demo shop, priced by Shopify's documented
// cost rules (simulator/FIDELITY.md, QC-*), and drives the app's real code paths against it:
//
// - install: the shop's profile, locations and the full stock sync (onShopAuthenticated's reads);
// - routed order: each of the demo shop's orders placed again; the simulator sends its webhooks
//   (signed, to app/http/webhook-endpoint.server.ts) and the in-process job driver runs the real
//   processors (orders/create → routing → fulfillmentOrderMove, and whatever the moves announce);
//   an order's cost is every Admin request made until the inbox is drained and the order routed;
// - portal tracking page: loadOrderTracking (the tracking page's loader) for every demo order;
// - return request: the portal's return page and its submission (loadReturnOptions,
//   submitPortalReturn), then the returns/request webhook's job, for delivered orders that can be
//   returned;
// - reconciliation pass: reconcileShop once (locations, orders of the last 24 h, every location's
//   stock).
//
// Points are read on the simulator's side (every request's requested and actual cost, as
// `extensions.cost` reports them). The bucket is made large so the bench is not slowed by
// throttling; the time a Standard-plan shop needs is derived from the actual points (the bucket
// refunds the difference to the requested cost at once, so sustained throughput is restore rate ÷
// actual cost).
//
//   npm run bench:admin-cost -- [--orders N] [--returns N] [--json FILE]
//
// Needs PostgreSQL (TEST_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres as admin);
// a temporary database is created and dropped.
import { createServer, type Server } from "node:http";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { RunningSimulator } from "../../simulator/server";
import { adminUrl, databaseUrlFor, dropDatabase, quoteIdent, withAdminClient } from "../../tests/setup/db";
import { migrateDatabase, REPO_ROOT } from "../db/migrate";

const { values } = parseArgs({
  options: {
    orders: { type: "string" },
    returns: { type: "string", default: "8" },
    json: { type: "string" },
  },
});

const API_KEY = "bench-key";
const API_SECRET = "bench-secret";
const TOKEN = "shpat_bench_admin_cost";
const STANDARD_RESTORE_RATE = 100;
const STANDARD_BUCKET = 2000;
const QUERY_BUDGET = 600;

interface CostEntry {
  operationName: string | null;
  requested: number;
  actual: number;
}

interface Unit {
  label: string;
  entries: CostEntry[];
}

function sum(entries: CostEntry[], key: "requested" | "actual"): number {
  return entries.reduce((total, e) => total + e[key], 0);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

function stats(units: Unit[], key: "requested" | "actual") {
  const values = units.map((u) => sum(u.entries, key)).sort((a, b) => a - b);
  const total = values.reduce((a, b) => a + b, 0);
  return { n: values.length, median: percentile(values, 50), p95: percentile(values, 95), mean: values.length ? total / values.length : Number.NaN, max: values.at(-1) ?? Number.NaN };
}

/** Per operation: how many requests per unit, and the points they took. */
function byOperation(units: Unit[]) {
  const rows = new Map<string, { requests: number; requested: number; actual: number; maxRequested: number }>();
  for (const unit of units) {
    for (const e of unit.entries) {
      const name = e.operationName ?? "(anonymous)";
      const row = rows.get(name) ?? { requests: 0, requested: 0, actual: 0, maxRequested: 0 };
      row.requests += 1;
      row.requested += e.requested;
      row.actual += e.actual;
      row.maxRequested = Math.max(row.maxRequested, e.requested);
      rows.set(name, row);
    }
  }
  const n = Math.max(1, units.length);
  return [...rows.entries()]
    .map(([name, r]) => ({ name, requestsPerUnit: r.requests / n, requestedPerUnit: r.requested / n, actualPerUnit: r.actual / n, maxRequested: r.maxRequested }))
    .sort((a, b) => b.actualPerUnit - a.actualPerUnit);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–");

async function main() {
  const database = `crossdock_bench_cost_${process.pid}`;
  const databaseUrl = databaseUrlFor(database, adminUrl());
  await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
  let sim: RunningSimulator | undefined;
  let receiver: Server | undefined;
  let stopJobs: (() => Promise<void>) | undefined;
  try {
    await migrateDatabase({ databaseUrl });
    // The app reads its configuration once, on first use: set it before any app module loads.
    Object.assign(process.env, {
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET,
      SHOPIFY_APP_URL: "https://crossdock.example.com",
      PORTAL_SECRET: "bench-portal-secret-0123456789abcdef",
      RECONCILE_INTERVAL_MINUTES: "0",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    });
    delete process.env.REDIS_URL;
    delete process.env.RESEND_API_KEY;

    const { startSimulator } = await import("../../simulator/server");
    const { buildDemoShop } = await import("../../simulator/seed/demo-shop");
    const { loadAppConfig } = await import("../../simulator/webhooks/app-config");
    const { ADMIN_API_VERSION } = await import("~/shopify/api-version");
    const { webhookEndpoint } = await import("~/http/webhook-endpoint.server");
    const { resilientGraphql, INTERACTIVE_PATIENCE } = await import("~/shopify/resilient-graphql");
    const { jobsSetup } = await import("~/jobs/config.server");
    const { InlineJobDriver } = await import("~/jobs/inline-driver.server");
    const { installJobDriver } = await import("~/queue/handle.server");
    const { prisma } = await import("~/db.server");

    // Webhooks from the simulator to the app's endpoint function, as `npm start` answers them.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        webhookEndpoint({ method: req.method ?? "GET", path: (req.url ?? "").split("?")[0]!, header: (name) => req.headers[name] as string | undefined, body: Buffer.concat(chunks).toString("utf8") }).then(
          (response) => res.writeHead(response.status, response.headers).end(),
          () => res.writeHead(500).end(),
        );
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, "127.0.0.1", resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;

    const seed = buildDemoShop();
    const SHOP = seed.shop.domain;
    sim = await startSimulator({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      appUrl: receiverUrl,
      seed,
      accessToken: TOKEN,
      webhookConfig: loadAppConfig(join(REPO_ROOT, "shopify.app.toml"), ADMIN_API_VERSION),
      webhooks: { retryDelayMs: 200 },
    });
    const simUrl = sim.url;
    const control = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${simUrl}/_control/shops/${SHOP}${path}`, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    // Large enough never to throttle the bench; the Standard plan's time is derived below.
    await control("PUT", "/throttle", { maximumAvailable: 10_000_000, restoreRate: 10_000_000 });
    // Shopify creates an order's fulfillment orders a moment after orders/create (FIDELITY OR-3);
    // the bench keeps that order of events with a short delay, so orders do not wait seconds each.
    await control("PUT", "/order-routing", { delayMs: 200 });

    // Every Admin request's cost, as the simulator priced it, into the unit being measured.
    let current: Unit | null = null;
    let refused = 0;
    const overBudget = new Map<string, number>();
    sim.store.costObserver = (entry) => {
      if (entry.shop !== SHOP) return;
      if (entry.outcome !== "executed") {
        refused += 1;
        console.error(`  ${entry.outcome}: ${entry.operationName} requested ${entry.requested}`);
        return;
      }
      if (entry.requested > QUERY_BUDGET) overBudget.set(entry.operationName ?? "(anonymous)", Math.max(overBudget.get(entry.operationName ?? "(anonymous)") ?? 0, entry.requested));
      current?.entries.push({ operationName: entry.operationName, requested: entry.requested, actual: entry.actual ?? 0 });
    };
    const measure = async <T>(label: string, run: () => Promise<T>): Promise<{ unit: Unit; result: T }> => {
      const unit: Unit = { label, entries: [] };
      current = unit;
      try {
        return { unit, result: await run() };
      } finally {
        current = null;
      }
    };

    // The shop's Admin API as the app's clients reach it (the offline token; the simulator's origin).
    const raw = (query: string, options?: { variables?: Record<string, unknown> }) =>
      fetch(`${simUrl}/shops/${SHOP}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
        body: JSON.stringify({ query, variables: options?.variables }),
      });
    const jobsBucket = { last: null };
    const jobsAdmin = async () => resilientGraphql(raw, { bucket: jobsBucket });
    const shopperAdmin = () => resilientGraphql(raw, INTERACTIVE_PATIENCE);

    // The job runtime the web process runs without Redis: the inbox table as the queue.
    const setup = jobsSetup({ admin: jobsAdmin });
    const driver = new InlineJobDriver({ processors: setup.processors, retry: { maxAttempts: 3, backoffMs: 200 }, concurrency: 4, reconcileEveryMs: 0, email: setup.email, pollMs: 100 });
    installJobDriver(driver);
    driver.start();
    stopJobs = async () => {
      await driver.close();
    };

    /** Until every webhook is delivered and every delivery processed (and `done`, when given, holds). */
    const settle = async (done?: () => Promise<boolean>, what = "the inbox to drain") => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        await sim!.webhooks.idle();
        const pending = await prisma.webhookDelivery.count({ where: { status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } });
        if (pending === 0 && (!done || (await done()))) {
          // Nothing new for a moment: a job may have started a request that sends a webhook.
          const seen = current?.entries.length ?? 0;
          await new Promise((r) => setTimeout(r, 150));
          await sim!.webhooks.idle();
          const again = await prisma.webhookDelivery.count({ where: { status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } });
          if (again === 0 && (current?.entries.length ?? 0) === seen) return;
        }
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    // ---- install ----------------------------------------------------------------------------
    console.error("install: shop, locations, full stock sync…");
    const { upsertShopOnInstall } = await import("~/models/shops.server");
    const { fetchShop } = await import("~/shopify/shop");
    const { syncLocations } = await import("~/services/sync-locations.server");
    const { syncInventory } = await import("~/services/sync-inventory.server");
    await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: "" } });
    const install = await measure("install", async () => {
      const graphql = await jobsAdmin();
      const profile = await fetchShop(graphql);
      const shop = await upsertShopOnInstall({ domain: SHOP, name: profile.name, email: profile.email, currency: profile.currencyCode, timezone: profile.timezone, country: profile.countryCode, plan: profile.plan });
      await syncLocations(shop, graphql);
      const synced = await syncInventory(shop, graphql);
      return { shop, levels: synced.levels };
    });
    const shop = install.result.shop;
    await settle();

    // The first reconciliation reads everything (and hands the recent orders Crossdock never saw to
    // routing, as after any install); later passes read what Shopify changed since.
    console.error("reconciliation, first pass…");
    const firstReconciliation = await measure("reconciliation (first)", async () => {
      await setup.reconcile(SHOP);
      await settle();
    });

    // ---- routed orders: the demo shop's orders, placed again --------------------------------
    const locations = (await (await raw(`{ locations(first: 50, includeInactive: true) { nodes { id name } } }`)).json()) as { data: { locations: { nodes: { id: string; name: string }[] } } };
    const locationIdByName = new Map(locations.data.locations.nodes.map((l) => [l.name, l.id]));
    const locationIdByKey = new Map(seed.locations.map((l) => [l.key, locationIdByName.get(l.name)]));
    const skuByVariantKey = new Map(seed.products.flatMap((p) => p.variants.map((v) => [v.key, v.sku] as const)));
    const replayed = seed.orders.filter((o) => o.lines.length > 0).slice(0, values.orders ? Number(values.orders) : undefined);
    const { latestDecision } = await import("~/models/routing.server");
    const routed: Unit[] = [];
    const routingOutcomes = new Map<string, number>();
    console.error(`routing ${replayed.length} orders (the demo shop's, placed again)…`);
    for (const [i, order] of replayed.entries()) {
      const { unit } = await measure(`order ${i + 1}`, async () => {
        const created = (await control("POST", "/orders", {
          lines: order.lines.map((l) => ({ sku: skuByVariantKey.get(l.variantKey), quantity: l.quantity })),
          email: order.email ?? undefined,
          shippingAddress: order.shippingAddress ?? undefined,
          deliveryMethod: order.deliveryMethod,
          pickupLocationId: order.pickupLocationKey ? locationIdByKey.get(order.pickupLocationKey) : undefined,
          noteAttributes: order.noteAttributes.map((a) => ({ name: a.name, value: "value" in a ? a.value : (locationIdByKey.get(a.locationKey) ?? "") })),
        })) as { order?: { id: string } };
        const orderId = String(created.order?.id ?? "");
        const gid = orderId.startsWith("gid://") ? orderId : `gid://shopify/Order/${orderId}`;
        let status = "unknown";
        await settle(async () => {
          const decision = await latestDecision(shop, gid);
          status = decision?.status ?? "no decision";
          return decision !== null && decision.status !== "PENDING";
        }, `order ${gid} to be routed`);
        routingOutcomes.set(status, (routingOutcomes.get(status) ?? 0) + 1);
      });
      routed.push(unit);
    }

    // ---- portal tracking pages --------------------------------------------------------------
    const { loadOrderTracking } = await import("~/services/load-order-tracking.server");
    const seededOrderIds = ((await (await raw(`{ orders(first: 250, sortKey: CREATED_AT) { nodes { id name } } }`)).json()) as { data: { orders: { nodes: { id: string; name: string }[] } } }).data.orders.nodes;
    const seededNames = new Set(seed.orders.map((o) => `#${o.number}`));
    const tracking: Unit[] = [];
    console.error("portal tracking pages…");
    for (const order of seededOrderIds.filter((o) => seededNames.has(o.name))) {
      const { unit } = await measure(`tracking ${order.name}`, () => loadOrderTracking({ shop, graphql: shopperAdmin(), orderId: order.id }));
      tracking.push(unit);
    }

    // ---- return requests --------------------------------------------------------------------
    const { loadReturnOptions } = await import("~/services/load-return-options.server");
    const { submitPortalReturn } = await import("~/services/submit-portal-return.server");
    const { getShop } = await import("~/models/shops.server");
    const fullShop = (await getShop(SHOP))!;
    const returns: Unit[] = [];
    const wanted = Number(values.returns);
    console.error(`return requests (up to ${wanted})…`);
    for (const order of seededOrderIds.filter((o) => seededNames.has(o.name))) {
      if (returns.length >= wanted) break;
      const options = await loadReturnOptions({ shop: fullShop, graphql: shopperAdmin(), orderId: order.id });
      if (options.status !== "ok") continue;
      const item = options.options.items.find((e) => e.eligible);
      const method = options.options.methods[0];
      if (!item || !method) continue;
      const { unit, result } = await measure(`return ${order.name}`, async () => {
        // The return page, then its submission, then what the returns/request webhook does.
        const page = await loadReturnOptions({ shop: fullShop, graphql: shopperAdmin(), orderId: order.id });
        if (page.status !== "ok") throw new Error(`${order.name}: return page not found`);
        const submitted = await submitPortalReturn({
          shop: fullShop,
          graphql: shopperAdmin(),
          orderId: order.id,
          selection: {
            items: [{ fulfillmentLineItemId: item.line.fulfillmentLineItemId, quantity: 1, reason: "SIZE_TOO_SMALL", note: null }],
            method,
            dropOffLocationId: method === "DROP_OFF" ? (page.options.dropOffStores[0]?.id ?? null) : null,
          },
          locale: "en",
          actor: "shopper",
        });
        await settle();
        return submitted;
      });
      if (result.status === "created") returns.push(unit);
      else console.error(`  ${order.name}: ${result.status}`);
    }

    // ---- the next reconciliation pass: what changed since the first (the orders, returns) -----
    console.error("reconciliation, next pass…");
    const reconciliation = await measure("reconciliation", async () => {
      const result = await setup.reconcile(SHOP);
      await settle();
      return result;
    });
    const { prisma: db } = await import("~/db.server");
    const reconcileRun = await db.jobRun.findFirst({ where: { name: "reconcile" }, orderBy: { startedAt: "desc" } });

    // ---- report -----------------------------------------------------------------------------
    const routedActual = stats(routed, "actual");
    const routedRequested = stats(routed, "requested");
    const flashSaleSeconds = (perOrder: number) => Math.max(0, 1000 * perOrder - STANDARD_BUCKET) / STANDARD_RESTORE_RATE;
    const lines: string[] = [];
    const row = (cells: string[]) => lines.push(`| ${cells.join(" | ")} |`);
    lines.push(`Admin API points on the demo shop (${new Date().toISOString().slice(0, 10)}; simulator priced by Shopify's documented cost rules):`, "");
    row(["path", "units", "requested: median", "p95", "actual: median", "p95", "actual: mean", "requests per unit"]);
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]);
    const addRow = (label: string, units: Unit[]) => {
      const r = stats(units, "requested");
      const a = stats(units, "actual");
      const requests = units.length ? units.reduce((n, u) => n + u.entries.length, 0) / units.length : Number.NaN;
      row([label, String(units.length), fmt(r.median), fmt(r.p95), fmt(a.median), fmt(a.p95), fmt(a.mean, 1), fmt(requests, 1)]);
    };
    addRow("routed order (incl. moves and the jobs its webhooks start)", routed);
    addRow("portal tracking page", tracking);
    addRow("return request (page, submission, returns/request job)", returns);
    addRow(`reconciliation pass after the above (reads what changed since the previous pass)`, [reconciliation.unit]);
    addRow("reconciliation, first pass (reads everything)", [firstReconciliation.unit]);
    addRow(`install (locations, full stock sync of ${install.result.levels} levels)`, [install.unit]);
    lines.push("");
    lines.push(
      `A 1,000-order flash sale on a Standard-plan shop (${STANDARD_RESTORE_RATE} points/s, bucket ${fmt(STANDARD_BUCKET)}): ` +
        `${fmt(flashSaleSeconds(routedActual.mean) / 60, 1)} minutes of routing at the mean actual cost (${fmt(routedActual.mean, 1)} points/order), ` +
        `${fmt(flashSaleSeconds(routedActual.median) / 60, 1)} at the median (${fmt(routedActual.median)}).`,
    );
    lines.push(`Routing outcomes: ${[...routingOutcomes.entries()].map(([k, v]) => `${k} ${v}`).join(", ")}.`);
    lines.push(`Largest single request: ${fmt(Math.max(0, ...[...routed, ...tracking, ...returns, reconciliation.unit, install.unit].flatMap((u) => u.entries.map((e) => e.requested))))} requested points${overBudget.size ? `; over the ${QUERY_BUDGET}-point budget: ${[...overBudget.entries()].map(([n, c]) => `${n} ${c}`).join(", ")}` : ` (none over the ${QUERY_BUDGET}-point budget)`}. Refused or throttled requests: ${refused}.`);
    lines.push("", "Per routed order, by operation (mean per order):", "");
    row(["operation", "requests", "requested", "actual", "largest requested"]);
    row(["---", "---:", "---:", "---:", "---:"]);
    for (const op of byOperation(routed)) row([op.name, fmt(op.requestsPerUnit, 2), fmt(op.requestedPerUnit, 1), fmt(op.actualPerUnit, 1), fmt(op.maxRequested)]);
    lines.push("", "Per return request, by operation (mean per request):", "");
    row(["operation", "requests", "requested", "actual", "largest requested"]);
    row(["---", "---:", "---:", "---:", "---:"]);
    for (const op of byOperation(returns)) row([op.name, fmt(op.requestsPerUnit, 2), fmt(op.requestedPerUnit, 1), fmt(op.actualPerUnit, 1), fmt(op.maxRequested)]);
    lines.push("", "Reconciliation pass, by operation:", "");
    row(["operation", "requests", "requested", "actual", "largest requested"]);
    row(["---", "---:", "---:", "---:", "---:"]);
    for (const op of byOperation([reconciliation.unit])) row([op.name, fmt(op.requestsPerUnit), fmt(op.requestedPerUnit), fmt(op.actualPerUnit), fmt(op.maxRequested)]);
    console.log(lines.join("\n"));

    const report = {
      date: new Date().toISOString(),
      routed: { requested: routedRequested, actual: routedActual, outcomes: Object.fromEntries(routingOutcomes), byOperation: byOperation(routed) },
      tracking: { requested: stats(tracking, "requested"), actual: stats(tracking, "actual") },
      returns: { requested: stats(returns, "requested"), actual: stats(returns, "actual") },
      reconciliation: { requested: sum(reconciliation.unit.entries, "requested"), actual: sum(reconciliation.unit.entries, "actual"), result: reconcileRun?.result ?? null, byOperation: byOperation([reconciliation.unit]) },
      firstReconciliation: { requested: sum(firstReconciliation.unit.entries, "requested"), actual: sum(firstReconciliation.unit.entries, "actual"), byOperation: byOperation([firstReconciliation.unit]) },
      install: { requested: sum(install.unit.entries, "requested"), actual: sum(install.unit.entries, "actual"), levels: install.result.levels },
      flashSaleMinutesStandard: { atMean: flashSaleSeconds(routedActual.mean) / 60, atMedian: flashSaleSeconds(routedActual.median) / 60 },
      overBudget: Object.fromEntries(overBudget),
      refused,
    };
    if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await stopJobs?.().catch(() => undefined);
    await sim?.close();
    if (process.env.DATABASE_URL === databaseUrl) await (await import("~/db.server")).disconnectDatabase();
    if (receiver) await new Promise((resolve) => receiver!.close(resolve));
    await withAdminClient((c) => dropDatabase(c, database)).catch((error: unknown) => console.error(error));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
