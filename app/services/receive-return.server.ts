// Receiving a return at a location: each item's disposition (restocked, not restocked, missing)
// goes to Shopify with reverseFulfillmentOrderDispose, so restocked units go back into stock where
// the goods arrived; then the record (RECEIVED, dispositions, timeline) and the shopper's email.
// Idempotent: units Shopify already holds a disposition for are never disposed again (a retry after
// a failure disposes only what is left, a repeat disposes nothing), so stock is never raised twice.
import { z } from "zod";
import { logger } from "~/logger.server";
import { findLocationByShopifyId, findReturnById, type ReturnWithDetails } from "~/models/returns.server";
import { recordReturnReceipt } from "~/models/returns-queue.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { disposeReverseFulfillmentOrderLines, fetchReturnForSync, type DisposeInput, type DispositionType } from "~/shopify/return-sync";
import { notifyReturn } from "./notify-return.server";

export const RECEIVE_DISPOSITIONS = ["RESTOCKED", "NOT_RESTOCKED", "MISSING"] as const satisfies readonly DispositionType[];

export const receiveReturnSchema = z.object({
  /** Where the goods arrived (Location GID); restocked items go back into stock there. */
  locationId: z.string().trim().min(1, "choose the location where the goods arrived"),
  lines: z
    .array(z.object({ lineId: z.string().min(1), disposition: z.enum(RECEIVE_DISPOSITIONS, "choose what happens to this item") }))
    .min(1, "choose a disposition for every item"),
});
export type ReceiveReturnRequest = z.input<typeof receiveReturnSchema>;

export interface ReceiveReturnInput {
  shop: ShopRef & { domain: string };
  graphql: AdminGraphql;
  returnId: string;
  request: ReceiveReturnRequest;
  actor: string;
  now?: Date;
}

export type ReceiveReturnResult =
  | { status: "received" | "unchanged"; ret: ReturnWithDetails }
  | { status: "not-found" }
  | { status: "invalid"; errors: Record<string, string> }
  | { status: "refused"; message: string };

export async function receiveReturn(input: ReceiveReturnInput): Promise<ReceiveReturnResult> {
  const { shop } = input;
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  const ret = await findReturnById(shop, input.returnId);
  if (!ret) return { status: "not-found" };
  if (ret.status === "RECEIVED" || ret.status === "REFUNDED" || (ret.status === "CLOSED" && ret.receivedAt)) return { status: "unchanged", ret };
  if (ret.status !== "APPROVED" && ret.status !== "IN_TRANSIT") return { status: "refused", message: `A return that is ${ret.status.toLowerCase()} cannot be received.` };
  if (!ret.shopifyReturnId) return { status: "refused", message: "The return is not in Shopify." };

  const parsed = receiveReturnSchema.safeParse(input.request);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      const key = head === "lines" && typeof index === "number" ? (input.request.lines?.[index]?.lineId ?? "_form") : head === "locationId" ? "locationId" : "_form";
      errors[key] ??= issue.message;
    }
    return { status: "invalid", errors };
  }
  const request = parsed.data;
  const byLine = new Map(request.lines.map((l) => [l.lineId, l.disposition]));
  const errors: Record<string, string> = {};
  for (const line of ret.lines) if (!byLine.has(line.id)) errors[line.id] = "choose what happens to this item";
  for (const id of byLine.keys()) if (!ret.lines.some((l) => l.id === id)) errors._form = "An item does not belong to this return.";
  const location = await findLocationByShopifyId(shop, request.locationId);
  if (!location || !location.isActive) errors.locationId = "choose an active location of this shop";
  if (Object.keys(errors).length) return { status: "invalid", errors };

  const now = input.now ?? new Date();
  const inShopify = await fetchReturnForSync(graphql, ret.shopifyReturnId);
  if (!inShopify) return { status: "refused", message: "Shopify has no such return any more." };
  if (inShopify.status !== "OPEN") return { status: "refused", message: `The return is ${inShopify.status.toLowerCase()} in Shopify.` };

  const rfoLines = inShopify.reverseFulfillmentOrders.filter((r) => r.status !== "CANCELED").flatMap((rfo) => rfo.lines.map((l) => ({ ...l, rfoId: rfo.id })));
  const inputs: DisposeInput[] = [];
  const summary: { lineId: string; title: string; quantity: number; disposition: string; alreadyDisposed: number }[] = [];
  for (const line of ret.lines) {
    const disposition = byLine.get(line.id)!;
    const rfoLine = rfoLines.find((l) => l.fulfillmentLineItemId === line.fulfillmentLineItemId);
    if (!rfoLine) return { status: "refused", message: `Shopify's return has no item "${line.title}" to receive.` };
    const disposed = rfoLine.dispositions.reduce((sum, d) => sum + d.quantity, 0);
    const left = Math.max(0, rfoLine.totalQuantity - disposed);
    if (left > 0) {
      inputs.push({
        reverseFulfillmentOrderLineItemId: rfoLine.id,
        quantity: left,
        dispositionType: disposition,
        locationId: disposition === "RESTOCKED" ? location!.shopifyId : null,
      });
    }
    summary.push({ lineId: line.id, title: line.title, quantity: line.quantity, disposition, alreadyDisposed: disposed });
  }

  try {
    if (inputs.length) await disposeReverseFulfillmentOrderLines(graphql, inputs);
  } catch (error) {
    if (error instanceof AdminUserError) return { status: "refused", message: `Shopify refused the receipt: ${error.userErrors.map((e) => e.message).join("; ")}` };
    throw error;
  }

  const recorded = await recordReturnReceipt(
    shop,
    ret.id,
    {
      lines: summary.map((s) => ({ lineId: s.lineId, disposition: s.disposition, locationId: location!.shopifyId })),
      receivedAt: now,
      reverseFulfillmentOrderId: ret.reverseFulfillmentOrderId ?? rfoLines[0]?.rfoId ?? null,
    },
    [
      {
        type: "received",
        actor: input.actor,
        message: `Received at ${location!.name}: ${summary.map((s) => `${s.quantity} × ${s.title} ${s.disposition.toLowerCase().replace("_", " ")}`).join("; ")}`,
        data: { locationId: location!.shopifyId, lines: summary, disposedNow: inputs.map((i) => ({ id: i.reverseFulfillmentOrderLineItemId, quantity: i.quantity, type: i.dispositionType })) },
      },
    ],
  );
  const current = (await findReturnById(shop, ret.id))!;
  if (!recorded) return { status: "unchanged", ret: current };
  logger.info({ shopId: shop.id, rma: ret.rma, actor: input.actor, location: location!.shopifyId }, "Return received");
  await notifyReturn(shop, current, "return-received", { now });
  return { status: "received", ret: current };
}
