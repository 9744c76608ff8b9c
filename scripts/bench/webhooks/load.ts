// The load generator of `npm run bench:webhooks`, run as its own process: signed webhook deliveries
// (inventory_levels/update, each with its own X-Shopify-Webhook-Id) at a fixed rate, open loop (a
// slow answer does not slow the sender down, so latencies are not hidden), over keep-alive HTTP
// on loopback, alternating between the web processes (TARGET_URLS, comma-separated: round robin,
// as a load balancer in front of them would). Prints one JSON line: counts, achieved rate, latency
// percentiles; writes the webhook ids that were answered 200 (warm-up included) to IDS_FILE, one a
// line, so the bench can check that every acknowledged delivery was stored and processed.
import { createHmac, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { openLoopPhase, request, type Sent } from "../lib/open-loop";

const targets = process.env.TARGET_URLS!.split(",").map((url) => ({
  url: new URL(url),
  agent: new http.Agent({ keepAlive: true, maxSockets: 256 }),
}));
const secret = process.env.SHOPIFY_API_SECRET!;
const shop = process.env.BENCH_SHOP!;
const rate = Number(process.env.RATE ?? 500);
const seconds = Number(process.env.SECONDS ?? 10);
const warmupSeconds = Number(process.env.WARMUP_SECONDS ?? 2);
const acknowledged: string[] = [];
let sent = 0;

async function send(): Promise<Sent> {
  const n = sent++;
  const target = targets[n % targets.length]!;
  const now = new Date();
  const body = JSON.stringify({
    inventory_item_id: 900_000 + (n % 5_000),
    location_id: 1,
    available: n % 97,
    updated_at: now.toISOString(),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/1?inventory_item_id=${900_000 + (n % 5_000)}`,
  });
  const webhookId = randomUUID();
  const headers = {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "X-Shopify-Topic": "inventory_levels/update",
    "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-Event-Id": randomUUID(),
    "X-Shopify-Triggered-At": now.toISOString(),
  };
  const answer = await request(
    target.agent,
    { host: target.url.hostname, port: target.url.port, path: "/webhooks/inventory_levels/update", method: "POST", headers },
    body,
  );
  if (answer.status === 200) acknowledged.push(webhookId);
  return answer;
}

await openLoopPhase({ seconds: warmupSeconds, rate: Math.min(rate, 200), send });
const result = await openLoopPhase({ seconds, rate, send });
if (process.env.IDS_FILE) writeFileSync(process.env.IDS_FILE, acknowledged.join("\n"));
process.stdout.write(`${JSON.stringify({ ...result, acknowledged: acknowledged.length })}\n`);
for (const t of targets) t.agent.destroy();
