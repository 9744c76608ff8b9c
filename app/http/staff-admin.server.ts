// The admin's Admin API client and its one error mapping: every admin page (loader or action) gets
// `admin.graphql` through here (app/shopify.server.ts wraps what authenticate.admin returns), so
// when Shopify throttles the shop (THROTTLED, HTTP 429) or stays unreachable after a person's
// patience worth of waits, every page answers the same way: 503 with Retry-After and a body the
// admin's ErrorBoundary (app/components/AdminErrorPage.tsx) shows in the staff member's language
// with a Try again button, never a stack trace.
import type { PortalLocale } from "~/domain/portal/locale";
import { logger } from "~/logger.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { AdminRetriesExhaustedError, INTERACTIVE_PATIENCE, markResilient, resilientGraphql, type BucketState } from "~/shopify/resilient-graphql";

/** Why an admin page could not be served: Shopify's rate limit, or Shopify not answering. */
export type AdminUnavailableKind = "throttled" | "unavailable";

/** The body of the 503 (what the ErrorBoundary reads). */
export interface AdminUnavailableBody {
  adminError: AdminUnavailableKind;
  locale: PortalLocale;
  retryAfterSeconds: number;
}

/** Seconds staff are asked to wait: a Standard bucket refills 100 points a second, so a few seconds. */
const RETRY_AFTER_SECONDS: Record<AdminUnavailableKind, number> = { throttled: 5, unavailable: 30 };

export function adminUnavailableResponse(kind: AdminUnavailableKind, locale: PortalLocale): Response {
  const retryAfterSeconds = RETRY_AFTER_SECONDS[kind];
  const body: AdminUnavailableBody = { adminError: kind, locale, retryAfterSeconds };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}

/** Each shop's bucket as the admin last saw it, shared by every staff request of this process. */
const buckets = new Map<string, BucketState>();

/**
 * `admin.graphql` for a person waiting on an admin page: throttle-aware (waits out a dry bucket a
 * few times, INTERACTIVE_PATIENCE), then the 503 above instead of an exception. Marked resilient, so
 * a use case wrapping it again does not multiply the waits.
 */
export function staffFacingGraphql(shop: string, graphql: AdminGraphql, locale: PortalLocale): AdminGraphql {
  let bucket = buckets.get(shop);
  if (!bucket) buckets.set(shop, (bucket = { last: null }));
  const client = resilientGraphql(graphql, {
    bucket,
    ...INTERACTIVE_PATIENCE,
    onWait: (event) => logger.info({ shop, source: "admin", ...event }, "Admin API: waiting before retrying"),
  });
  return markResilient(async (query, options) => {
    try {
      return await client(query, options);
    } catch (error) {
      if (!(error instanceof AdminRetriesExhaustedError)) throw error;
      logger.warn({ err: error, shop }, "admin: Admin API unavailable, answering 503");
      throw adminUnavailableResponse(error.reason === "throttled" ? "throttled" : "unavailable", locale);
    }
  });
}
