// A returns/* (or reverse delivery / disposal) webhook: Crossdock's record of a Shopify return is
// brought up to date from the Return read live through the Admin API (the payload is not enough).
// A return made in Shopify itself (admin, the customer's account, another app) is imported with an
// RMA and source "SHOPIFY"; a new request runs the shop's return rules.
//
// Newest wins: the state read is always Shopify's current one, and a status only moves forward
// along the lifecycle (requested → approved → received → closed), so a late or replayed event
// never takes a return back; the one backward move, Shopify's reopen, is applied only for a
// returns/reopen event triggered after the close Crossdock recorded. Updates are conditional on the
// status the sync read, so a decision recorded meanwhile by the desk is never overwritten.
import { EVENT_TEXT } from "~/domain/returns/event-text";
import { Prisma, type ReturnStatus } from "@prisma/client";
import { fromMinor, toMinor } from "~/domain/returns/money";
import { generateUniqueRma, type RandomSource } from "~/domain/returns/rma";
import { transitionPath } from "~/domain/returns/status";
import { logger } from "~/logger.server";
import {
  changeReturn,
  createReturnRequest,
  findReturnByShopifyId,
  listReturnsOfOrder,
  type ReturnChange,
  type ReturnEventInput,
  type ReturnFields,
  type ReturnLineChange,
  type ReturnWithDetails,
} from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";
import { DEFAULT_LOCALE, matchLocale } from "~/domain/portal/locale";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchReturnFees, fetchReturnForSync, type SyncedReturn } from "~/shopify/return-sync";
import type { ApproveReturnInput } from "./approve-return.server";
import { chooseMailReturnDestination, shopperPlace } from "./choose-return-destination.server";
import { DECISION_CLAIM_STALE_MS } from "./decline-return.server";
import { evaluateReturnRulesFor, type EvaluateReturnRulesResult } from "./evaluate-return-rules.server";

export interface SyncShopifyReturnInput {
  shop: ShopRef & { domain: string; name: string; timezone: string; currency: string; country?: string | null };
  graphql: AdminGraphql;
  shopifyReturnId: string;
  /** The webhook topic ("returns/request" …). */
  topic: string;
  /** X-Shopify-Triggered-At, else when the delivery was received. */
  eventTime: Date;
  random?: RandomSource;
  labelProvider?: ApproveReturnInput["labelProvider"];
  /** Read by the install's import: dated when the shopper asked, and no return rule runs (no label, no email). */
  imported?: boolean;
}

export type SyncShopifyReturnResult =
  | { status: "created" | "updated" | "unchanged"; ret: ReturnWithDetails; rules?: EvaluateReturnRulesResult }
  /** The desk is approving or declining this return right now: try again shortly (the job retries). */
  | { status: "busy"; ret: ReturnWithDetails }
  /** Shopify has no such return (deleted, or not this shop's). */
  | { status: "gone" }
  /** Nothing Crossdock can hold (no returned item it can receive, e.g. an exchange only). */
  | { status: "ignored"; reason: string };

/**
 * Crossdock's status for Shopify's: an OPEN return is received once it is processed (`returnProcess`
 * confirmed every unit: 2025-07's return processing) or, for returns handled the older way, once
 * every unit has a disposition.
 */
export function mappedStatus(synced: SyncedReturn): ReturnStatus {
  switch (synced.status) {
    case "REQUESTED":
      return "REQUESTED";
    case "DECLINED":
      return "DECLINED";
    case "CLOSED":
      return "CLOSED";
    case "CANCELED":
      return "CANCELED";
    default: {
      const processed = synced.lines.length > 0 && synced.lines.every((l) => l.processedQuantity >= l.quantity);
      const lines = synced.reverseFulfillmentOrders.filter((r) => r.status !== "CANCELED").flatMap((r) => r.lines);
      const disposed = lines.length > 0 && lines.every((l) => l.dispositions.reduce((s, d) => s + d.quantity, 0) >= l.totalQuantity);
      return processed || disposed ? "RECEIVED" : "APPROVED";
    }
  }
}

export async function syncShopifyReturn(input: SyncShopifyReturnInput): Promise<SyncShopifyReturnResult> {
  const { shop, graphql } = input;
  const synced = await fetchReturnForSync(graphql, input.shopifyReturnId);
  if (!synced) return { status: "gone" };

  let existing = await findReturnByShopifyId(shop, synced.id);
  let created = false;
  if (!existing) {
    if (synced.lines.length === 0) return { status: "ignored", reason: "The return has no item Crossdock can receive" };
    const imported = await importReturn(input, synced);
    if (imported.created) created = true;
    existing = imported.ret;
  }

  for (let attempt = 0; attempt < 3; attempt++) {
    const plan = planSync(existing, synced, input);
    if (plan === "busy") return { status: "busy", ret: existing };
    if (!plan) break;
    // Only from the status read: a decision recorded meanwhile by the desk is never overwritten.
    const applied = await changeReturn(shop, existing.id, { from: existing.status, ...plan });
    existing = applied ?? (await findReturnByShopifyId(shop, synced.id))!;
    if (applied) {
      logger.info({ shopId: shop.id, rma: existing.rma, shopifyReturnId: synced.id, status: existing.status, topic: input.topic }, "Return synced from Shopify");
      return finish(input, created ? "created" : "updated", existing);
    }
  }
  return finish(input, created ? "created" : "unchanged", existing);
}

async function finish(input: SyncShopifyReturnInput, status: "created" | "updated" | "unchanged", ret: ReturnWithDetails): Promise<SyncShopifyReturnResult> {
  if (!input.imported && ret.status === "REQUESTED" && (input.topic === "returns/request" || status === "created")) {
    const rules = await evaluateReturnRulesFor({ shop: input.shop, graphql: input.graphql, returnId: ret.id, labelProvider: input.labelProvider });
    const after = (await findReturnByShopifyId(input.shop, ret.shopifyReturnId!)) ?? ret;
    return { status, ret: after, rules };
  }
  return { status, ret };
}

async function importReturn(input: SyncShopifyReturnInput, synced: SyncedReturn): Promise<{ ret: ReturnWithDetails; created: boolean }> {
  const { shop } = input;
  const returnLocationId = await chooseMailReturnDestination(shop, shopperPlace(synced.order.shippingAddress, { shopCountry: shop.country }));
  const taken = new Set((await listReturnsOfOrder(shop, synced.order.id)).map((r) => r.rma));
  const currency = synced.order.currency || shop.currency;
  const shopCurrency = synced.order.shopCurrency || shop.currency;
  const sum = (code: string, amount: (l: SyncedReturn["lines"][number]) => number) => fromMinor(synced.lines.reduce((total, l) => total + amount(l), 0), code);
  const value = sum(currency, (l) => toMinor(l.unitPrice, currency) * l.quantity);
  const fees = await fetchReturnFees(input.graphql, synced.id);
  try {
    const ret = await createReturnRequest(shop, {
      rma: generateUniqueRma(synced.order.name, input.random ?? Math.random, taken),
      orderId: synced.order.id,
      orderName: synced.order.name,
      shopifyReturnId: synced.id,
      source: "SHOPIFY",
      ...(input.imported ? { createdAt: new Date(synced.createdAt) } : {}),
      method: "MAIL",
      returnLocationId,
      customerId: synced.order.customerId,
      customerEmail: synced.order.email,
      customerName: synced.order.customerName,
      // Emails and pages in the language the shopper bought in; else the portal's default language.
      locale: matchLocale(synced.order.customerLocale) ?? matchLocale((await getShopSettings(shop)).defaultLocale) ?? DEFAULT_LOCALE,
      // As Shopify holds them: the shopper's currency, its fees (the return shipping fee, each line's restocking fee).
      currency,
      totalValue: value,
      returnShippingFee: fees?.currency === currency ? fees.returnShippingFee : "0",
      restockingFee: fees?.currency === currency ? fees.restockingFee : "0",
      shopCurrency,
      shopValue: sum(shopCurrency, (l) => toMinor(l.shopUnitPrice, shopCurrency) * l.quantity),
      lines: synced.lines.map((l) => ({
        fulfillmentLineItemId: l.fulfillmentLineItemId,
        lineItemId: l.lineItemId,
        shopifyReturnLineItemId: l.id,
        variantId: l.variantId,
        sku: l.sku,
        title: l.title,
        variantTitle: l.variantTitle,
        productType: l.productType,
        productTags: l.productTags,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        reason: l.reason,
        customerNote: l.customerNote,
      })),
      event: {
        type: "requested",
        actor: "shopify",
        message: `Created in Shopify as ${synced.name}`,
        data: { shopifyReturnId: synced.id, shopifyReturnName: synced.name, shopifyStatus: synced.status, requestedAt: synced.createdAt },
      },
    });
    return { ret, created: true };
  } catch (error) {
    // The portal (or a concurrent delivery) recorded this Shopify return first: update that one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const current = await findReturnByShopifyId(shop, synced.id);
      if (current) return { ret: current, created: false };
    }
    throw error;
  }
}

/** The change to apply: the table's steps to Shopify's status, fields, lines and events. */
type SyncPlan = Required<Pick<ReturnChange, "fields" | "lines" | "events">> & { to?: ReturnStatus[] };

/** What to change on the record to match Shopify, or null when it already does. */
export function planSync(ret: ReturnWithDetails, synced: SyncedReturn, input: Pick<SyncShopifyReturnInput, "topic" | "eventTime">): SyncPlan | "busy" | null {
  const update: ReturnFields = {};
  const events: ReturnEventInput[] = [];
  const target = mappedStatus(synced);
  const reopened = input.topic === "returns/reopen" && ret.status === "CLOSED" && synced.status === "OPEN" && (!ret.closedAt || input.eventTime >= ret.closedAt);
  // Only what the transition table reaches from here (through steps Crossdock may not have seen): an
  // old event never takes a return back, and only Shopify's reopen leaves CLOSED.
  const path = transitionPath(ret.status, target, { reopening: reopened });
  // The desk is deciding this return right now (approve/decline claim held): it records the outcome.
  const deciding = ret.status === "REQUESTED" && ret.decidedAt != null && Date.now() - ret.decidedAt.getTime() < DECISION_CLAIM_STALE_MS;
  if (deciding) return "busy";
  const forward = path != null && path.length > 0;

  if (forward) {
    switch (target) {
      case "APPROVED":
      case "RECEIVED":
        if (!ret.decidedBy) {
          update.decidedBy = "shopify";
          update.decidedAt = synced.requestApprovedAt ? new Date(synced.requestApprovedAt) : input.eventTime;
        }
        if (reopened) {
          update.closedAt = null;
          events.push({ type: "reopened", actor: "shopify", message: EVENT_TEXT.reopenedInShopify });
        } else if (ret.status === "REQUESTED") {
          events.push({ type: "approved", actor: "shopify", message: EVENT_TEXT.approvedInShopify });
        }
        if (target === "RECEIVED" && !reopened) {
          update.receivedAt = input.eventTime;
          const processed = synced.lines.every((l) => l.processedQuantity >= l.quantity);
          events.push({ type: "received", actor: "shopify", message: processed ? EVENT_TEXT.processedInShopify : EVENT_TEXT.receivedInShopify });
        }
        break;
      case "DECLINED":
        update.declineReason = synced.decline?.reason ?? null;
        update.declineNote = synced.decline?.note ?? null;
        if (!ret.decidedBy) {
          update.decidedBy = "shopify";
          update.decidedAt = input.eventTime;
        }
        events.push({ type: "declined", actor: "shopify", message: synced.decline?.note ?? null, data: { reason: synced.decline?.reason ?? null } });
        break;
      case "CLOSED":
        update.closedAt = synced.closedAt ? new Date(synced.closedAt) : input.eventTime;
        events.push({ type: "closed", actor: "shopify", message: EVENT_TEXT.closedInShopify });
        break;
      case "CANCELED":
        events.push({ type: "canceled", actor: "shopify", message: EVENT_TEXT.canceledInShopify });
        break;
      default:
        break;
    }
  }

  const rfo = synced.reverseFulfillmentOrders.find((r) => r.status !== "CANCELED") ?? synced.reverseFulfillmentOrders[0];
  if (rfo && !ret.reverseFulfillmentOrderId) update.reverseFulfillmentOrderId = rfo.id;
  const delivery = rfo?.deliveries[0];
  if (delivery && !ret.reverseDeliveryId) {
    update.reverseDeliveryId = delivery.id;
    update.labelCarrier = delivery.carrierName;
    update.labelTrackingNumber = delivery.trackingNumber;
    update.labelTrackingUrl = delivery.trackingUrl;
    events.push({ type: "label_created", actor: "shopify", message: delivery.trackingNumber ? `Tracking ${delivery.trackingNumber}` : EVENT_TEXT.deliveryAdded, data: { trackingNumber: delivery.trackingNumber ?? null } });
  }

  const lines: ReturnLineChange[] = [];
  const rfoLines = synced.reverseFulfillmentOrders.flatMap((r) => r.lines);
  for (const line of ret.lines) {
    const change: ReturnLineChange = { lineId: line.id };
    const shopifyLine = synced.lines.find((l) => l.fulfillmentLineItemId === line.fulfillmentLineItemId);
    if (shopifyLine && !line.shopifyReturnLineItemId) change.shopifyReturnLineItemId = shopifyLine.id;
    const dispositions = rfoLines.find((l) => l.fulfillmentLineItemId === line.fulfillmentLineItemId)?.dispositions ?? [];
    if (!line.disposition && dispositions.length) {
      const byType = new Map<string, number>();
      for (const d of dispositions) byType.set(d.type, (byType.get(d.type) ?? 0) + d.quantity);
      change.disposition = [...byType.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      change.dispositionLocationId = dispositions.find((d) => d.locationId)?.locationId ?? null;
    }
    if (Object.keys(change).length > 1) lines.push(change);
  }

  if (!forward && Object.keys(update).length === 0 && lines.length === 0 && events.length === 0) return null;
  return { ...(forward && { to: path }), fields: update, lines, events };
}
