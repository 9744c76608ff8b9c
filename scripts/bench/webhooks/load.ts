// The load generator of `npm run bench:webhooks`, run as its own process: signed webhook deliveries
// (inventory_levels/update, each with its own X-Shopify-Webhook-Id) at a fixed rate, open loop (a
// slow answer does not slow the sender down, so latencies are not hidden), over keep-alive HTTP
// on loopback. Prints one JSON line: counts, achieved rate, latency percentiles.
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";

const target = new URL(process.env.TARGET_URL!);
const secret = process.env.SHOPIFY_API_SECRET!;
const shop = process.env.BENCH_SHOP!;
const rate = Number(process.env.RATE ?? 500);
const seconds = Number(process.env.SECONDS ?? 10);
const warmupSeconds = Number(process.env.WARMUP_SECONDS ?? 2);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(n: number): Promise<{ status: number; ms: number }> {
  const now = new Date();
  const body = JSON.stringify({
    inventory_item_id: 900_000 + (n % 5_000),
    location_id: 1,
    available: n % 97,
    updated_at: now.toISOString(),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/1?inventory_item_id=${900_000 + (n % 5_000)}`,
  });
  const headers = {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "X-Shopify-Topic": "inventory_levels/update",
    "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": randomUUID(),
    "X-Shopify-Event-Id": randomUUID(),
    "X-Shopify-Triggered-At": now.toISOString(),
  };
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: "/webhooks/inventory_levels/update", method: "POST", headers, agent },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.setTimeout(10_000, () => req.destroy());
    req.end(body);
  });
}

async function phase(durationS: number, perSecond: number, record: boolean) {
  const total = Math.round(durationS * perSecond);
  const interval = 1000 / perSecond;
  const results: Promise<{ status: number; ms: number }>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    results.push(send(i));
  }
  const sentIn = (performance.now() - start) / 1000;
  const done = await Promise.all(results);
  const elapsed = (performance.now() - start) / 1000;
  if (!record) return null;
  const ok = done.filter((d) => d.status === 200);
  const latencies = done.map((d) => d.ms).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  const statuses: Record<string, number> = {};
  for (const d of done) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
  return {
    targetRate: perSecond,
    sent: total,
    ok: ok.length,
    statuses,
    sendSeconds: Number(sentIn.toFixed(2)),
    achievedRate: Number((ok.length / elapsed).toFixed(1)),
    p50: Number(pct(50).toFixed(2)),
    p95: Number(pct(95).toFixed(2)),
    p99: Number(pct(99).toFixed(2)),
    max: Number(latencies.at(-1)!.toFixed(2)),
  };
}

await phase(warmupSeconds, Math.min(rate, 200), false);
const result = await phase(seconds, rate, true);
process.stdout.write(`${JSON.stringify(result)}\n`);
agent.destroy();
