// Use case: a shopper looks up an order with its number and the email or phone on it.
//
// No enumeration: an unknown order and a wrong email take the same path: one rate-limit charge on
// both keys, one Admin API search, the same number of constant-time comparisons, and the same
// answer ("no_match"). Only a match differs (a token link to the tracking page).
//
// Protected customer data: where Shopify redacts the shop's order emails (or phones), no lookup by
// email (or phone) can match. A failed lookup then says so (`unmatchable`), read from what Crossdock
// had observed for the shop *before* this lookup, never from this order's answer: the explanation
// is the same for an order that exists and one that does not.
import { z } from "zod";
import type { ProtectedCustomerField } from "~/config/customer-data";
import { typedTextProblem } from "~/domain/text/typed-text";
import { listCustomerDataRedactions } from "~/models/customer-data-redactions.server";
import type { Shop } from "~/models/shops.server";
import { comparableValues, normalizeContact, normalizeOrderName, orderRateKey, phoneComparable } from "~/domain/portal/contact";
import type { LookupRateLimiter } from "~/security/rate-limit.server";
import { constantTimeEqual, randomToken } from "~/security/signing.server";
import { issueOrderAccessToken, ORDER_ACCESS_TTL_SECONDS } from "~/security/tokens.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { findOrderByName } from "~/shopify/portal-orders";

/** Typed text: no control characters or lone surrogates (a NUL is never part of an order number or an email). */
const typed = (min: number, max: number) => z.string().trim().min(min).max(max).refine((v) => typedTextProblem(v, max) === null);

// Malformed input is refused before the rate limit is charged: it cannot match any order, so it
// reveals nothing, and a script sending it must not use up the address's (or the order's) budget.
export const lookupInputSchema = z.object({
  orderNumber: typed(1, 40),
  contact: typed(3, 254),
});

export type LookupOutcome =
  | { status: "found"; orderId: string; token: string }
  /** `unmatchable`: Shopify redacts the kind of contact given for this shop; `otherUsable`: the other kind is not. */
  | { status: "no_match"; unmatchable?: { contact: "email" | "phone"; otherUsable: boolean } }
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

  const redacted = new Set((await listCustomerDataRedactions(input.shop)).map((r) => r.field as ProtectedCustomerField));
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
  if (!order || !contact || !matched) {
    if (contact && redacted.has(contact.kind)) {
      return { status: "no_match", unmatchable: { contact: contact.kind, otherUsable: !redacted.has(contact.kind === "email" ? "phone" : "email") } };
    }
    return { status: "no_match" };
  }
  return {
    status: "found",
    orderId: order.id,
    token: issueOrderAccessToken({ shopId: input.shop.id, orderId: order.id, ttl: input.tokenTtlSeconds ?? ORDER_ACCESS_TTL_SECONDS }),
  };
}
