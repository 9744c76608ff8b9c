import { createHmac, randomUUID } from "node:crypto";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { ActionFunctionArgs } from "@remix-run/node";
import { prisma } from "~/db.server";
import { upsertLocationsFromShopify } from "~/models/locations.server";
import type { WebhookDelivery } from "~/models/webhook-deliveries.server";
import { QUEUE } from "~/queue/queues";
import { routeMounts } from "../../../app/route-mounts";
import { API_SECRET, QUEUE_PREFIX, REDIS_URL } from "./env";

const ROOT = join(import.meta.dirname, "../../..");

export { API_SECRET, QUEUE_PREFIX, REDIS_URL };

export interface SignedWebhook {
  topic: string;
  shop: string;
  payload: unknown;
  webhookId?: string;
  triggeredAt?: Date;
  secret?: string;
  /** The body exactly as sent, instead of JSON.stringify(payload): escapes and nesting JSON.stringify would not write. */
  rawBody?: string;
}

/** A webhook request as Shopify sends it (HMAC of the raw body with the app secret, X-Shopify-*). */
export function signedWebhookRequest(input: SignedWebhook): Request {
  const body = input.rawBody ?? JSON.stringify(input.payload);
  const hmac = createHmac("sha256", input.secret ?? API_SECRET).update(body, "utf8").digest("base64");
  return new Request(`https://crossdock.example.com/webhooks/${input.topic}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": input.topic,
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Shop-Domain": input.shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": input.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Triggered-At": (input.triggeredAt ?? new Date()).toISOString(),
    },
    body,
  });
}

type RouteModule = { action: (args: ActionFunctionArgs) => Promise<Response> };

/**
 * The route module the app mounts at /webhooks/<topic> (app/route-mounts.ts, from shopify.app.toml):
 * a topic without a subscription has none, and its delivery fails here as Remix would answer 404.
 */
export async function webhookRoute<T = RouteModule>(topic: string): Promise<T> {
  const mount = routeMounts(ROOT).find((m) => m.path === `webhooks/${topic}`);
  if (!mount) throw new Error(`no route is mounted at /webhooks/${topic}`);
  return (await import(`../../../app/${mount.file}`)) as T;
}

/** Calls the Remix route action mounted at the topic's uri with a request. */
export async function postWebhook(input: SignedWebhook | { topic: string; request: Request }): Promise<Response> {
  const route = await webhookRoute(input.topic);
  const request = "request" in input ? input.request : signedWebhookRequest(input);
  try {
    return await route.action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${options.what ?? "a condition"}`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 50));
  }
}

export function deliveryById(shop: string, webhookId: string): Promise<WebhookDelivery | null> {
  return prisma.webhookDelivery.findUnique({ where: { shop_webhookId: { shop, webhookId } } });
}

export function waitForStatus(shop: string, webhookId: string, statuses: WebhookDelivery["status"][], timeoutMs = 15_000) {
  return waitFor(
    async () => {
      const d = await deliveryById(shop, webhookId);
      return d && statuses.includes(d.status) ? d : null;
    },
    { timeoutMs, what: `delivery ${webhookId} to be ${statuses.join("/")}` },
  );
}

/** Two locations for a test shop (gid://shopify/Location/1 and /2). */
export async function seedLocations(shop: { id: string }) {
  await upsertLocationsFromShopify(shop, [
    { shopifyId: "gid://shopify/Location/1", legacyResourceId: "1", name: "Warehouse", isActive: true, fulfillsOnlineOrders: true },
    { shopifyId: "gid://shopify/Location/2", legacyResourceId: "2", name: "Store", isActive: true, fulfillsOnlineOrders: true },
  ]);
}

/** Removes every Redis key of this test file's queues. */
export async function obliterateQueues(prefix = QUEUE_PREFIX): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    for (const name of Object.values(QUEUE)) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:${name}:*`, "COUNT", 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== "0");
    }
  } finally {
    redis.disconnect();
  }
}

export function inventoryPayload(input: { item: number; location: number; available: number; updatedAt: Date }) {
  return {
    inventory_item_id: input.item,
    location_id: input.location,
    available: input.available,
    updated_at: input.updatedAt.toISOString(),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${input.location}?inventory_item_id=${input.item}`,
  };
}

export function orderPayload(input: { id: number; updatedAt?: Date; email?: string; customerId?: number; phone?: string; cancelled?: boolean }) {
  const updatedAt = (input.updatedAt ?? new Date()).toISOString();
  return {
    id: input.id,
    admin_graphql_api_id: `gid://shopify/Order/${input.id}`,
    name: `#${input.id}`,
    email: input.email ?? "ada@example.com",
    contact_email: input.email ?? "ada@example.com",
    phone: input.phone ?? "+15550001111",
    financial_status: "paid",
    fulfillment_status: null,
    cancelled_at: input.cancelled ? updatedAt : null,
    closed_at: null,
    currency: "USD",
    total_price: "40.00",
    tags: "vip, summer",
    note_attributes: [{ name: "gift_note", value: "Happy birthday Ada" }],
    shipping_address: { first_name: "Ada", last_name: "Lovelace", address1: "1 Analytical Way", city: "Oakland", zip: "94607", country_code: "US", phone: "+15550001111" },
    customer: input.customerId
      ? { id: input.customerId, email: input.email ?? "ada@example.com", phone: input.phone ?? "+15550001111", admin_graphql_api_id: `gid://shopify/Customer/${input.customerId}` }
      : null,
    line_items: [{ id: input.id * 10, admin_graphql_api_id: `gid://shopify/LineItem/${input.id * 10}`, variant_id: 501, product_id: 401, sku: "TEE-S", title: "Tee", name: "Tee - S", quantity: 2, price: "20.00", requires_shipping: true }],
    created_at: updatedAt,
    updated_at: updatedAt,
  };
}
