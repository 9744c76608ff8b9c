/**
 * An EasyPost webhook Event (POST /carriers/easypost/webhook): verified with EASYPOST_WEBHOOK_SECRET
 * (the SDK's validateWebhook; 401 when unsigned, wrongly signed, or no secret is set), and a tracker
 * Event handed to the webhook inbox for each shop whose return carries the tracking code (topic
 * "easypost/tracker", the Event's id as the delivery id, so a redelivered Event is stored once), then
 * answered at once; the worker's processor (app/jobs/carrier-topics.server.ts) records it through
 * record-carrier-tracking. EasyPost resends what is not answered 2xx and "guarantees at least one
 * POST" (docs/events): any other Event, or a code no return carries, is acknowledged and dropped.
 */
import { env } from "~/env.server";
import { easypostTrackingUpdate, verifyEasyPostWebhook } from "~/labels/easypost-tracking.server";
import { logger } from "~/logger.server";
import { shopsWithLabelTracking } from "~/models/returns.server";
import type { JsonValue } from "~/models/scope.server";
import { storableWebhookJson } from "~/shopify/webhook-json";
import { EASYPOST_TRACKER_TOPIC } from "./record-easypost-tracking.server";
import { receiveWebhook } from "./receive-webhook.server";

export type EasyPostWebhookOutcome =
  | { status: 401; reason: "not-configured" | "bad-signature" }
  | { status: 200; outcome: "ignored" | "unknown-tracking" | "stored"; shops: number };

export async function receiveEasyPostWebhook(input: { rawBody: Buffer; headers: Record<string, string> }): Promise<EasyPostWebhookOutcome> {
  const secret = env().EASYPOST_WEBHOOK_SECRET;
  if (!secret) return { status: 401, reason: "not-configured" };
  const event = verifyEasyPostWebhook(input.rawBody, input.headers, secret);
  if (!event) return { status: 401, reason: "bad-signature" };
  const update = easypostTrackingUpdate(event);
  if (!update) return { status: 200, outcome: "ignored", shops: 0 };
  const shops = await shopsWithLabelTracking(update.trackingNumber);
  if (shops.length === 0) {
    logger.info({ event: update.eventId, carrier: update.carrier }, "EasyPost tracker Event for no return: acknowledged");
    return { status: 200, outcome: "unknown-tracking", shops: 0 };
  }
  // jsonb refuses NUL and lone surrogates: they become U+FFFD (nothing Crossdock reads holds them).
  const storable = storableWebhookJson(event, input.rawBody.toString("utf8"));
  const payload = (storable.ok ? storable.payload : {}) as { [key: string]: JsonValue };
  for (const shop of shops) {
    await receiveWebhook({ shop, topic: EASYPOST_TRACKER_TOPIC, webhookId: update.eventId, apiVersion: "v2", triggeredAt: update.at, eventId: update.eventId, payload, ...(!storable.ok && { unstorable: "The Event is nested too deep to store." }) });
  }
  return { status: 200, outcome: "stored", shops: shops.length };
}
