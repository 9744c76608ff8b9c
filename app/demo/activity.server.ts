import { DEFAULT_LOCALE, matchLocale } from "~/domain/portal/locale";
import { z } from "zod";
import { prisma } from "~/db.server";
import { logger } from "~/logger.server";
import { listLocations, updateRoutingAttributes } from "~/models/locations.server";
import { findReturnByRma } from "~/models/returns.server";
import { installedShop } from "~/services/installed-shop.server";
import { decideReturn } from "~/services/decide-return.server";
import { receiveReturn } from "~/services/receive-return.server";
import { closeReturn } from "~/services/close-return.server";
import { loadReturnOptions } from "~/services/load-return-options.server";
import { submitPortalReturn } from "~/services/submit-portal-return.server";
import { SHOPPER_RETURN_REASONS } from "~/domain/returns/reasons";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import { offlineAdminGraphql } from "~/shopify.server";

/**
 * The demo's "shop in use" (scripts/demo-activity.ts drives it): the shoppers' side (orders placed
 * in the simulated Shopify, return requests through the portal) happens outside the app; this is
 * the staff's side, through the same services the returns desk calls, and the waits in between,
 * read from the app's own database (decisions written, the webhook inbox and the outbox drained).
 */

/** What the demo shop already holds: the demo adds its activity only to a shop with no decisions yet. */
export async function demoActivityState(domain: string) {
  const shop = await installedShop(domain);
  const [decisions, returns, failedJobs] = await Promise.all([
    prisma.routingDecision.count({ where: { shopId: shop.id } }),
    prisma.returnRequest.count({ where: { shopId: shop.id } }),
    prisma.webhookDelivery.count({ where: { shop: domain, status: "FAILED" } }),
  ]);
  return { decisions, returns, failedJobs };
}

const STAFF_STEPS = ["approve", "decline", "receive", "refund", "close"] as const;

export const demoActivityBody = z.discriminatedUnion("step", [
  /** Staff marked the shop's stores (Location kind, Crossdock's own setting), as the dashboard's setup list asks. */
  z.object({ step: z.literal("stores"), names: z.array(z.string().min(1)).max(50) }),
  /** Wait for the orders' decisions, then the staff's steps on the returns (by RMA), in order. */
  z.object({
    step: z.literal("staff"),
    orderIds: z.array(z.string().min(1)).max(20),
    returns: z.array(z.object({ rma: z.string().min(1), steps: z.array(z.enum(STAFF_STEPS)).max(5) })).max(10),
  }),
  /**
   * Shoppers' return requests, as the portal's form submits them (the portal's own use case; going
   * through its lookup would spend the lookup rate limit of whoever opens the portal next): one
   * eligible item from each order in turn until `count` requests exist.
   */
  z.object({ step: z.literal("returns"), orderIds: z.array(z.string().min(1)).max(80), count: z.number().int().min(1).max(10) }),
  /** Wait until the inbox is quiet (nothing received, queued or running; the outbox sent). */
  z.object({ step: z.literal("settle") }),
  /** Wait until a delivery has failed for good (the demo's job to retry). */
  z.object({ step: z.literal("failed") }),
]);
type DemoActivityBody = z.infer<typeof demoActivityBody>;

const STAFF = "demo-staff@crossdock.example";
const WAIT_MS = 15_000;

async function waitUntil(check: () => Promise<boolean>, timeoutMs = WAIT_MS): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const quiet = (domain: string) => async () =>
  (await prisma.webhookDelivery.count({ where: { shop: domain, status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } })) === 0 &&
  (await prisma.emailMessage.count({ where: { shop: { domain }, status: "PENDING" } })) === 0;

export async function runDemoActivityStep(domain: string, body: DemoActivityBody): Promise<{ ok: boolean; notes: string[]; rmas?: string[] }> {
  const shop = await installedShop(domain);
  const notes: string[] = [];
  switch (body.step) {
    case "stores": {
      const names = new Set(body.names);
      for (const location of await listLocations(shop)) {
        if (!names.has(location.name)) continue;
        const updated = await updateRoutingAttributes(shop, location.id, { kind: "STORE" });
        if (!updated.ok) notes.push(`${location.name}: not marked as a store`);
      }
      return { ok: notes.length === 0, notes };
    }
    case "settle":
      return { ok: await waitUntil(quiet(domain)), notes };
    case "failed": {
      const failed = await waitUntil(async () => (await prisma.webhookDelivery.count({ where: { shop: domain, status: "FAILED" } })) > 0);
      return { ok: failed, notes };
    }
    case "returns": {
      const graphql = resilientGraphql(await offlineAdminGraphql(domain));
      const rmas: string[] = [];
      for (const orderId of body.orderIds) {
        if (rmas.length >= body.count) break;
        const loaded = await loadReturnOptions({ shop, graphql, orderId }).catch(() => null);
        const item = loaded?.status === "ok" ? loaded.options.items.find((i) => i.eligible) : undefined;
        if (!item) continue;
        const reason = SHOPPER_RETURN_REASONS[rmas.length % SHOPPER_RETURN_REASONS.length]!;
        const result = await submitPortalReturn({
          shop,
          graphql,
          orderId,
          // The shopper's own language, as the portal would be for them (the order's checkout language).
          locale: (loaded?.status === "ok" && matchLocale(loaded.options.order.customerLocale)) || DEFAULT_LOCALE,
          actor: "shopper",
          selection: { items: [{ fulfillmentLineItemId: item.line.fulfillmentLineItemId, quantity: 1, reason, note: "" }], method: "MAIL", dropOffLocationId: null },
        }).catch(() => null);
        if (result?.status === "created") rmas.push(result.ret.rma);
      }
      return { ok: rmas.length === body.count, notes, rmas };
    }
    case "staff": {
      const routed = await waitUntil(
        async () => (await prisma.routingDecision.count({ where: { shopId: shop.id, orderId: { in: body.orderIds }, status: { not: "PENDING" } } })) >= body.orderIds.length,
      );
      if (!routed) notes.push("not every new order was routed in time");
      const graphql = resilientGraphql(await offlineAdminGraphql(domain));
      // Each return's steps in order; the returns side by side (the desk's staff work in parallel too).
      await Promise.all(
        body.returns.map(async ({ rma, steps }) => {
          for (const step of steps) {
            const ret = await findReturnByRma(shop, rma);
            const done = ret ? await staffStep(shop, graphql, ret.id, ret.returnLocationId, ret.lines.map((l) => l.id), step) : { ok: false as const, message: "not found" };
            if (!done.ok) {
              notes.push(`${rma} ${step}: ${done.message}`);
              logger.warn({ rma, step, message: done.message }, "demo activity: a staff step did not go through");
              return;
            }
          }
        }),
      );
      return { ok: routed && notes.length === 0, notes };
    }
  }
}

type Graphql = Awaited<ReturnType<typeof offlineAdminGraphql>>;

async function staffStep(
  shop: Awaited<ReturnType<typeof installedShop>>,
  graphql: Graphql,
  returnId: string,
  locationId: string | null,
  lineIds: string[],
  step: (typeof STAFF_STEPS)[number],
): Promise<{ ok: true } | { ok: false; message: string }> {
  const failedWith = (result: { status: string; message?: string }) => ({ ok: false as const, message: result.message ?? result.status });
  switch (step) {
    case "approve":
    case "decline": {
      const result = await decideReturn({
        shop,
        graphql,
        returnId,
        actor: STAFF,
        decision: step === "approve" ? { type: "approve" } : { type: "decline", reason: "OTHER", note: "Worn and washed: we can only take back items in new condition." },
      });
      return result.status === "approved" || result.status === "declined" ? { ok: true } : failedWith(result);
    }
    case "receive":
    case "refund": {
      const result = await receiveReturn({
        shop,
        graphql,
        returnId,
        actor: STAFF,
        request: { locationId: locationId ?? "", lines: lineIds.map((lineId) => ({ lineId, disposition: "RESTOCKED" })), refund: step === "refund" },
      });
      return result.status === "received" ? { ok: true } : failedWith({ status: result.status, message: "message" in result ? result.message : JSON.stringify("errors" in result ? result.errors : {}) });
    }
    case "close": {
      const result = await closeReturn({ shop, graphql, returnId, actor: STAFF });
      return result.status === "closed" ? { ok: true } : failedWith(result);
    }
  }
}
