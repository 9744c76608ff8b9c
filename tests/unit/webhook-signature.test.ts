// Crossdock verifies webhook deliveries on node:crypto (app/shopify/webhook-signature.server.ts).
// Held to @shopify/shopify-api's webhooks.validate, which authenticate.webhook uses: the same
// verdict on valid, tampered and malformed deliveries, and the same fields when valid.
// The Fetch-API adapter, as @shopify/shopify-app-remix uses it.
import "@shopify/shopify-api/adapters/web-api";
import { createHmac } from "node:crypto";
import { WebhookValidationErrorReason } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { shopifyApiForTests } from "../setup/shopify-api";
import { verifyWebhook } from "~/shopify/webhook-signature.server";

const SECRET = "webhook-secret";
const shopify = shopifyApiForTests(SECRET);

type Headers = Record<string, string>;

function delivery(body: string, overrides: Headers = {}, secret = SECRET): Headers {
  return {
    "X-Shopify-Topic": "orders/create",
    "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    "X-Shopify-Shop-Domain": "shop-a.myshopify.com",
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
    "X-Shopify-Triggered-At": "2026-11-25T10:00:00.000Z",
    "X-Shopify-Event-Id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
    ...overrides,
  };
}

function eventDelivery(body: string, overrides: Headers = {}): Headers {
  return {
    "Shopify-Topic": "orders/create",
    "Shopify-Hmac-Sha256": createHmac("sha256", SECRET).update(body, "utf8").digest("base64"),
    "Shopify-Shop-Domain": "shop-a.myshopify.com",
    "Shopify-API-Version": "2026-10",
    "Shopify-Webhook-Id": "e-1",
    ...overrides,
  };
}

async function library(headers: Headers, body: string) {
  const request = new Request("https://crossdock.example.com/webhooks/orders/create", { method: "POST", headers, body: body || undefined });
  return shopify.webhooks.validate({ rawBody: body, rawRequest: request });
}

function ours(headers: Headers, body: string) {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return verifyWebhook((name) => lower.get(name), body, SECRET);
}

const BODY = JSON.stringify({ id: 1, note: "Giao hàng nhanh 快递", total: "12.50" });
const without = (headers: Headers, name: string) => Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));

const cases: [string, Headers, string, "valid" | 400 | 401][] = [
  ["a delivery", delivery(BODY), BODY, "valid"],
  ["an events delivery", eventDelivery(BODY), BODY, "valid"],
  ["a changed body", delivery(BODY), BODY.replace("12.50", "0.01"), 401],
  ["another secret", delivery(BODY, {}, "other"), BODY, 401],
  ["an HMAC in hex", delivery(BODY, { "X-Shopify-Hmac-Sha256": createHmac("sha256", SECRET).update(BODY).digest("hex") }), BODY, 401],
  ["no HMAC", without(delivery(BODY), "X-Shopify-Hmac-Sha256"), BODY, 400],
  ["an empty body", delivery(""), "", 400],
  ["no topic", without(delivery(BODY), "X-Shopify-Topic"), BODY, 400],
  ["no shop", without(delivery(BODY), "X-Shopify-Shop-Domain"), BODY, 400],
  ["no API version", without(delivery(BODY), "X-Shopify-API-Version"), BODY, 400],
  ["no webhook id", without(delivery(BODY), "X-Shopify-Webhook-Id"), BODY, 400],
];

describe("verifyWebhook", () => {
  it.each(cases)("gives the library's verdict on %s", async (_name, headers, body, expected) => {
    const check = await library(headers, body);
    const verdict = ours(headers, body);
    if (expected === "valid") {
      expect(check.valid).toBe(true);
      expect(verdict.ok).toBe(true);
      return;
    }
    expect(check.valid).toBe(false);
    const libraryStatus = !check.valid && check.reason === WebhookValidationErrorReason.InvalidHmac ? 401 : 400;
    expect(libraryStatus).toBe(expected);
    expect(verdict).toMatchObject({ ok: false, status: expected });
  });

  it("reads the delivery's fields as the library does, keeping Shopify's spelling of the topic", async () => {
    const check = await library(delivery(BODY), BODY);
    const verdict = ours(delivery(BODY), BODY);
    if (!check.valid || !verdict.ok) throw new Error("expected valid");
    expect(verdict).toEqual({
      ok: true,
      topic: "orders/create",
      shop: check.domain,
      apiVersion: check.apiVersion,
      webhookId: check.webhookId,
      triggeredAt: check.triggeredAt,
      eventId: "eventId" in check ? check.eventId : null,
    });
    expect(check.topic).toBe("ORDERS_CREATE");
  });
});
