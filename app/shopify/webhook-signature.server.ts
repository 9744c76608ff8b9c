// Verifying a webhook delivery from Shopify: what `authenticate.webhook` (@shopify/shopify-api's
// `webhooks.validate`) checks, on node:crypto. The library computes the HMAC with WebCrypto,
// asynchronously, after converting the request into its own abstraction; at the hundreds of
// deliveries per second Shopify sends during a sale that was a large part of the endpoint's CPU
// time (bench:webhooks), so Crossdock runs the same check synchronously. Tests hold it to the
// library's verdicts (tests/unit/webhook-signature.test.ts).
import { createHmac, timingSafeEqual } from "node:crypto";

/** Header names, lower case, of classic webhooks (X-Shopify-*) and of Shopify "events" deliveries. */
const HEADERS = {
  webhooks: {
    hmac: "x-shopify-hmac-sha256",
    topic: "x-shopify-topic",
    domain: "x-shopify-shop-domain",
    apiVersion: "x-shopify-api-version",
    webhookId: "x-shopify-webhook-id",
    triggeredAt: "x-shopify-triggered-at",
    eventId: "x-shopify-event-id",
  },
  events: {
    hmac: "shopify-hmac-sha256",
    topic: "shopify-topic",
    domain: "shopify-shop-domain",
    apiVersion: "shopify-api-version",
    webhookId: "shopify-webhook-id",
    triggeredAt: "shopify-triggered-at",
    eventId: null,
  },
} as const;

export interface VerifiedWebhook {
  /** As Shopify spells it in the topic header ("inventory_levels/update"). */
  topic: string;
  shop: string;
  apiVersion: string;
  webhookId: string;
  triggeredAt: string | null;
  eventId: string | null;
}

export type WebhookVerdict =
  | ({ ok: true } & VerifiedWebhook)
  /** 401: not signed with the app's secret; 400: not a webhook delivery (no body, missing headers). */
  | { ok: false; status: 400 | 401; reason: string };

/** `header(name)` looks a header up by its lower-case name. */
export function verifyWebhook(header: (name: string) => string | null | undefined, rawBody: string, secret: string): WebhookVerdict {
  const names = header(HEADERS.events.hmac) ? HEADERS.events : HEADERS.webhooks;
  if (!rawBody.length) return { ok: false, status: 400, reason: "no body" };
  const hmac = header(names.hmac);
  if (!hmac) return { ok: false, status: 400, reason: `no ${names.hmac} header` };
  const expected = Buffer.from(createHmac("sha256", secret).update(rawBody, "utf8").digest("base64"), "utf8");
  const given = Buffer.from(hmac, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 401, reason: "HMAC mismatch" };
  const topic = header(names.topic);
  const shop = header(names.domain);
  const apiVersion = header(names.apiVersion);
  const webhookId = header(names.webhookId);
  const missing = [
    [names.topic, topic],
    [names.domain, shop],
    [names.apiVersion, apiVersion],
    [names.webhookId, webhookId],
  ].filter(([, value]) => !value);
  if (missing.length) return { ok: false, status: 400, reason: `missing headers: ${missing.map(([name]) => name).join(", ")}` };
  return {
    ok: true,
    topic: topic!.trim(),
    shop: shop!,
    apiVersion: apiVersion!,
    webhookId: webhookId!,
    triggeredAt: header(names.triggeredAt) || null,
    eventId: (names.eventId && header(names.eventId)) || null,
  };
}
