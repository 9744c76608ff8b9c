// The load generator of `npm run bench:webhooks`, run as its own process: signed webhook deliveries
// (inventory_levels/update, each with its own X-Shopify-Webhook-Id) at a fixed rate, open loop (a
// slow answer does not slow the sender down, so latencies are not hidden), over keep-alive HTTP
// on loopback. Prints one JSON line: counts, achieved rate, latency percentiles.
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import { openLoopPhase, request, type Sent } from "../lib/open-loop";

const target = new URL(process.env.TARGET_URL!);
const secret = process.env.SHOPIFY_API_SECRET!;
const shop = process.env.BENCH_SHOP!;
const rate = Number(process.env.RATE ?? 500);
const seconds = Number(process.env.SECONDS ?? 10);
const warmupSeconds = Number(process.env.WARMUP_SECONDS ?? 2);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(n: number): Promise<Sent> {
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
  return request(agent, { host: target.hostname, port: target.port, path: "/webhooks/inventory_levels/update", method: "POST", headers }, body);
}

await openLoopPhase({ seconds: warmupSeconds, rate: Math.min(rate, 200), send });
const result = await openLoopPhase({ seconds, rate, send });
process.stdout.write(`${JSON.stringify(result)}\n`);
agent.destroy();
