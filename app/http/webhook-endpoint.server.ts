/**
 * Every webhook topic's endpoint (POST /webhooks/<topic>: app/http/webhook-route.tsx, mounted at each
 * subscription's uri by app/route-mounts.ts): verify the
 * delivery (app/shopify/webhook-signature.server.ts: 401 for a bad HMAC, 400 for something that is
 * not a delivery or names a shop that is not a *.myshopify.com domain, 405 for another method than POST,
 * 413 above MAX_WEBHOOK_BODY_BYTES; nothing written either way), make its body storable
 * (shopify/webhook-json.ts: NUL and lone surrogates replaced; too deep → recorded SKIPPED), drop a topic
 * other than the one subscribed at this uri (answered 200), then hand it to the inbox
 * (services/receive-webhook.server.ts: never-installed shops are dropped there) and answer 200 with
 * no body.
 *
 * The route exports `webhookAction`; `npm start`'s server answers its paths before Express and Remix
 * with `webhookEndpoint` (app/http/hot-paths.server.ts), the same function.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "~/db-errors";
import { env } from "~/env.server";
import { logger } from "~/logger.server";
import type { JsonValue } from "~/models/scope.server";
import { receiveWebhook } from "~/services/receive-webhook.server";
import { MAX_WEBHOOK_JSON_DEPTH, parseWebhookJson, storableWebhookJson } from "~/shopify/webhook-json";
import { verifyWebhook } from "~/shopify/webhook-signature.server";
import type { PlainResponse } from "./plain-response";
import { toFetchResponse } from "./plain-response";

/**
 * Webhook bodies above this are refused with 413, unread: they come before the HMAC is checked.
 * Shopify's largest payloads (orders with hundreds of lines) are far below.
 */
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;

/** A shop's permanent domain as Shopify sends it in X-Shopify-Shop-Domain. */
const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;

export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
}

/** The body as text, decoded as the Fetch API's `request.text()` decodes it (UTF-8, a BOM dropped). */
export function decodeBody(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** A Fetch request's body, refused past `limit` bytes (declared or streamed) without buffering the rest. */
export async function readCapped(request: Request, limit: number): Promise<string> {
  if (Number(request.headers.get("content-length")) > limit) throw new BodyTooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return decodeBody(Buffer.concat(chunks, size));
}

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

/** A refusal: its status and a sentence saying why (Shopify shows response bodies in the app's webhook delivery logs). */
const refused = (status: number, message: string, headers: Record<string, string> = {}): PlainResponse => ({ status, headers: { ...TEXT, ...headers }, body: `${message}\n` });

export const TOO_LARGE: PlainResponse = refused(413, `The body is larger than ${MAX_WEBHOOK_BODY_BYTES / 1024 / 1024} MB: not a Shopify webhook delivery.`, { Connection: "close" });

export interface PlainRequest {
  method: string;
  /** The URL's path: the subscription's uri the delivery was sent to ("/webhooks/orders/create"). */
  path: string;
  /** A header by its lower-case name. */
  header: (name: string) => string | null | undefined;
  body: string;
}

const empty = (status: number, headers: Record<string, string> = {}): PlainResponse => ({ status, headers, body: null });

const ONLY_POST = refused(405, "Webhook deliveries are POST requests.", { Allow: "POST" });

/** The longest value stored from each delivery header (characters). */
const HEADER_LIMITS = { webhookId: 255, topic: 255, apiVersion: 64, eventId: 255, triggeredAt: 64 } as const;
const HEADER_NAMES: Record<keyof typeof HEADER_LIMITS, string> = {
  webhookId: "X-Shopify-Webhook-Id",
  topic: "X-Shopify-Topic",
  apiVersion: "X-Shopify-API-Version",
  eventId: "X-Shopify-Event-Id",
  triggeredAt: "X-Shopify-Triggered-At",
};

function overlongHeader(verdict: Record<keyof typeof HEADER_LIMITS, string | null>): string | null {
  for (const [field, limit] of Object.entries(HEADER_LIMITS) as [keyof typeof HEADER_LIMITS, number][]) {
    if ((verdict[field]?.length ?? 0) > limit) return HEADER_NAMES[field];
  }
  return null;
}

export async function webhookEndpoint(request: PlainRequest): Promise<PlainResponse> {
  if (request.method !== "POST") return ONLY_POST;
  const verdict = verifyWebhook(request.header, request.body, env().SHOPIFY_API_SECRET);
  if (!verdict.ok) {
    logger.debug({ reason: verdict.reason, shop: request.header("x-shopify-shop-domain") }, "webhook refused");
    return refused(verdict.status, verdict.status === 401 ? "The HMAC signature does not match the body: not signed with this app's secret." : `Not a webhook delivery: ${verdict.reason}.`);
  }
  if (!MYSHOPIFY_DOMAIN.test(verdict.shop)) {
    // Signed, yet not from a shop: Shopify always names the shop's permanent *.myshopify.com domain.
    logger.warn({ shop: verdict.shop.slice(0, 100), topic: verdict.topic, webhookId: verdict.webhookId }, "webhook shop header is not a myshopify domain");
    return refused(400, "The shop header is not a *.myshopify.com domain.");
  }
  const overlong = overlongHeader(verdict);
  if (overlong) {
    // Shopify's ids are UUIDs and its topics and versions short words: a signed delivery with a
    // header this long is not one, and the inbox's unique index could not hold it.
    logger.warn({ shop: verdict.shop, header: overlong }, "webhook header too long");
    return refused(400, `The ${overlong} header is too long.`);
  }
  let payload: unknown;
  let tooDeep = false;
  try {
    // 64-bit ids stay exact (Shopify's ids can exceed 2^53; JSON.parse would change them).
    payload = parseWebhookJson(request.body);
  } catch (error) {
    // lossless-json's parser recurses: a deeply nested body overflows its stack.
    tooDeep = error instanceof RangeError;
    payload = undefined;
  }
  if (!tooDeep && (typeof payload !== "object" || payload === null || Array.isArray(payload))) {
    // Signed by Shopify yet not a JSON object: refuse it rather than store something no processor reads.
    logger.warn({ shop: verdict.shop, topic: verdict.topic, webhookId: verdict.webhookId }, "webhook body is not a JSON object");
    return refused(400, "The body is not a JSON object: it was not stored.");
  }
  if (request.path.replace(/\/+$/, "") !== `/webhooks/${verdict.topic}`) {
    // The route is mounted only at the uris of shopify.app.toml, each /webhooks/<its one topic>, and
    // the topic registry has a row for each (tests/unit/webhook-topics.test.ts). A delivery naming
    // another topic comes from a subscription Crossdock did not declare: acknowledged so that
    // Shopify stops resending, neither stored nor processed.
    logger.warn({ shop: verdict.shop, topic: verdict.topic, path: request.path.slice(0, 200), webhookId: verdict.webhookId }, "webhook of a topic Crossdock does not subscribe at this uri: acknowledged, not stored");
    return empty(200);
  }
  // Shopify resends anything but a 2xx (8 times over 4 hours, and deletes an Admin API subscription
  // after 8 failures in a row), so a body that could never be stored is acknowledged, not refused:
  // NUL and lone surrogates, which jsonb refuses, become U+FFFD and the delivery is processed; a body
  // too deep to store is recorded as skipped, with the reason, and not processed.
  const storable = tooDeep ? ({ ok: false, reason: "too-deep" } as const) : storableWebhookJson(payload, request.body);
  if (!storable.ok) {
    return stored(() => receiveWebhook({ ...verdict, payload: {}, unstorable: `The body is nested deeper than ${MAX_WEBHOOK_JSON_DEPTH} levels: it was not stored or processed.` }), verdict);
  }
  if (storable.replaced > 0) {
    logger.warn({ shop: verdict.shop, topic: verdict.topic, webhookId: verdict.webhookId, replaced: storable.replaced }, "webhook body: NUL or lone surrogates replaced by U+FFFD");
  }
  return stored(() => receiveWebhook({ ...verdict, payload: storable.payload as { [key: string]: JsonValue } }), verdict);
}

/**
 * 200 once the inbox holds the delivery; 503 with Retry-After when the database cannot be reached
 * (anything but a 2xx makes Shopify resend it; the 503 says the failure is ours and passing).
 */
async function stored(receive: () => Promise<unknown>, verdict: { shop: string; topic: string; webhookId: string }): Promise<PlainResponse> {
  try {
    await receive();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.warn({ err: error, shop: verdict.shop, topic: verdict.topic, webhookId: verdict.webhookId }, "webhook not stored: database unavailable, answered 503 (Shopify resends)");
    return empty(503, { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) });
  }
  return empty(200);
}

/** The webhook route's loader: only POST is a delivery (405 names it in Allow). */
export function webhookLoader(): Response {
  return toFetchResponse(ONLY_POST);
}

/** The webhook route's action. */
export async function webhookAction({ request }: ActionFunctionArgs): Promise<Response> {
  let body: string;
  try {
    body = await readCapped(request, MAX_WEBHOOK_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return toFetchResponse(TOO_LARGE);
    throw error;
  }
  const path = new URL(request.url).pathname;
  return toFetchResponse(await webhookEndpoint({ method: request.method, path, header: (name) => request.headers.get(name), body }));
}
