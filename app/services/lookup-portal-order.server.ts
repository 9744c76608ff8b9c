// Use case: a shopper looks up an order with its number and the email or phone on it.
//
// No enumeration: an unknown order and a wrong email take the same path: one rate-limit charge on
// both keys, one Admin API search, the same number of constant-time comparisons, and the same
// answer ("no_match"). Only a match differs (a token link to the tracking page).
import { z } from "zod";
import type { Shop } from "~/models/shops.server";
import { comparableValues, normalizeContact, normalizeOrderName, orderRateKey, phoneComparable } from "~/portal/contact";
import type { LookupRateLimiter } from "~/portal/rate-limit.server";
import { constantTimeEqual, randomToken } from "~/portal/signing.server";
import { issueOrderAccessToken, ORDER_ACCESS_TTL_SECONDS } from "~/portal/tokens.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { findOrderByName } from "~/shopify/portal-orders";

export const lookupInputSchema = z.object({
  orderNumber: z.string().trim().min(1).max(40),
  contact: z.string().trim().min(3).max(254),
});

export type LookupOutcome =
  | { status: "found"; orderId: string; token: string }
  | { status: "no_match" }
  | { status: "invalid" }
  | { status: "rate_limited"; retryAfterSeconds: number };

/** Candidates compared on every attempt, matched or not (padding keeps the work the same). */
const COMPARISONS = 4;

export async function lookupPortalOrder(input: {
  shop: Pick<Shop, "id">;
  graphql: AdminGraphql;
  form: { orderNumber?: unknown; contact?: unknown };
  ip: string;
  limiter: LookupRateLimiter;
  tokenTtlSeconds?: number;
}): Promise<LookupOutcome> {
  const parsed = lookupInputSchema.safeParse(input.form);
  if (!parsed.success) return { status: "invalid" };
  const { orderNumber, contact: rawContact } = parsed.data;

  // Charged before anything is looked up, for every well-formed attempt.
  const rate = await input.limiter.consume({ ip: input.ip, shopId: input.shop.id, orderKey: orderRateKey(orderNumber) });
  if (!rate.ok) return { status: "rate_limited", retryAfterSeconds: rate.retryAfterSeconds };

  const name = normalizeOrderName(orderNumber);
  const contact = normalizeContact(rawContact);
  // An unusable number still searches (for a name that cannot exist), so it costs the same.
  const order = await findOrderByName(input.graphql, name ?? `#invalid-${randomToken(6)}`);

  const given = contact ? (contact.kind === "phone" ? phoneComparable(contact.value) : contact.value) : randomToken(12);
  const stored = order && contact ? comparableValues(contact.kind, contact.kind === "email" ? order.emails : order.phones) : [];
  let matched = false;
  for (let i = 0; i < COMPARISONS; i++) {
    // A missing candidate is a random value: compared the same way, never equal.
    const candidate = stored[i] ?? `\u0000${randomToken(12)}`;
    const equal = constantTimeEqual(given, candidate);
    matched = matched || equal;
  }
  if (!order || !contact || !matched) return { status: "no_match" };
  return {
    status: "found",
    orderId: order.id,
    token: issueOrderAccessToken({ shopId: input.shop.id, orderId: order.id, ttl: input.tokenTtlSeconds ?? ORDER_ACCESS_TTL_SECONDS }),
  };
}
