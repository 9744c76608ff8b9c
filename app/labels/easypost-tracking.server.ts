// EasyPost's tracker webhooks (docs.easypost.com/docs/webhooks, /docs/events, /docs/trackers;
// tools/EASYPOST-FIDELITY.md): an Event POSTed to Crossdock's webhook URL, signed with the webhook's
// secret in X-Hmac-Signature, whose `result` is the Tracker for "tracker.created"/"tracker.updated".
import EasyPostClient from "@easypost/api";
import { z } from "zod";
import type { TrackingStatus } from "~/domain/returns/carrier-tracking";

/**
 * The Event as EasyPost sent it, or null when the signature is missing or does not match: checked by
 * the SDK's own `Utils.validateWebhook` (HMAC-SHA256 of the body with the webhook secret,
 * "hmac-sha256-hex=…", compared in constant time).
 */
export function verifyEasyPostWebhook(rawBody: Buffer, headers: Record<string, string>, secret: string): unknown {
  try {
    return new EasyPostClient("unused-for-webhooks").Utils.validateWebhook(rawBody, headers, secret);
  } catch {
    return null;
  }
}

/** EasyPost's Tracker statuses (docs/trackers: "unknown", "pre_transit" … "error") in Crossdock's words. */
const STATUS: Record<string, TrackingStatus> = {
  unknown: "unknown",
  pre_transit: "pre_transit",
  in_transit: "in_transit",
  out_for_delivery: "out_for_delivery",
  delivered: "delivered",
  available_for_pickup: "available_for_pickup",
  return_to_sender: "returned_to_sender",
  failure: "failure",
  cancelled: "cancelled",
  error: "unknown",
};

const trackingDetail = z.looseObject({ status: z.string().nullish(), message: z.string().nullish(), datetime: z.string().nullish() });

/** The parts of an Event Crossdock reads: the Event's id and description, the Tracker's code, carrier, status and history. */
export const easypostTrackerEventSchema = z.looseObject({
  id: z.string().min(1).max(200),
  object: z.literal("Event"),
  description: z.string(),
  created_at: z.string().nullish(),
  result: z.looseObject({
    object: z.literal("Tracker"),
    tracking_code: z.string().min(1).max(100),
    carrier: z.string().nullish(),
    status: z.string(),
    updated_at: z.string().nullish(),
    tracking_details: z.array(trackingDetail).nullish(),
  }),
});

export const EASYPOST_TRACKER_EVENTS = ["tracker.created", "tracker.updated"] as const;

export interface EasyPostTrackingUpdate {
  eventId: string;
  trackingNumber: string;
  carrier: string;
  status: TrackingStatus;
  at: string;
  message: string | null;
}

/**
 * A tracker Event as a carrier-neutral update: the Tracker's status, the carrier's message and time of
 * the latest TrackingDetail in that status (else the latest; else the Tracker's updated_at, the
 * Event's created_at). Null for an Event of another kind (batch.updated …) or shape.
 */
export function easypostTrackingUpdate(event: unknown): EasyPostTrackingUpdate | null {
  const parsed = easypostTrackerEventSchema.safeParse(event);
  if (!parsed.success || !(EASYPOST_TRACKER_EVENTS as readonly string[]).includes(parsed.data.description)) return null;
  const { result } = parsed.data;
  const details = result.tracking_details ?? [];
  const latest = [...details].reverse().find((d) => d.status === result.status) ?? details.at(-1);
  return {
    eventId: parsed.data.id,
    trackingNumber: result.tracking_code,
    carrier: result.carrier?.trim() || "EasyPost",
    status: STATUS[result.status] ?? "unknown",
    at: latest?.datetime ?? result.updated_at ?? parsed.data.created_at ?? new Date().toISOString(),
    message: latest?.message ?? null,
  };
}
