import { BUILTIN_CARRIER } from "~/labels/builtin.server";
import { CarrierLabelError, type CarrierLabelProblem, type ReturnLabel } from "~/labels/provider";
import { builtinTrackingNumber } from "~/labels/tracking";
import { canStaffTransition, statusInWords } from "~/domain/returns/status";
import { logger } from "~/logger.server";
import {
  changeReturn,
  claimReturnDecision,
  findDefaultReturnLocation,
  findLocationByShopifyId,
  findReturnById,
  releaseReturnDecision,
  trackingNumberTaken,
  type ReturnEventInput,
  type ReturnFields,
  type ReturnWithDetails,
} from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { approveReturnRequest, createReverseDeliveryWithShipping, fetchReturn, type ShopifyReturn } from "~/shopify/returns";
import { DECISION_CLAIM_STALE_MS } from "./decline-return.server";
import { buildReturnLabelInput, labelProviderFor, returnLabelFileUrl, type ReturnLabelProvider } from "./download-return-label.server";

export interface ApproveReturnInput {
  shop: ShopRef & { domain: string; name: string };
  graphql: AdminGraphql;
  /** Crossdock's ReturnRequest.id */
  returnId: string;
  /** Who approves: a staff member's email, "rule:<id>", "shopify" … */
  actor: string;
  notifyCustomer?: boolean;
  /** Issues the label for MAIL returns (default: Crossdock's built-in provider). */
  labelProvider?: ReturnLabelProvider;
  /** The signed label URL registered with Shopify (default: the portal's label link on the app host). */
  labelFileUrl?: (ret: ReturnWithDetails) => string;
  now?: Date;
}

export type ApproveReturnResult =
  | { status: "approved"; ret: ReturnWithDetails }
  /** Already approved (with its label for MAIL): nothing changed. */
  | { status: "unchanged"; ret: ReturnWithDetails }
  | { status: "not-found" }
  /** Declined, closed…, or another decision is being made right now. */
  | { status: "conflict"; ret: ReturnWithDetails; message: string }
  | { status: "rejected"; messages: string[] }
  /** The carrier sold no label (bad address, no rate, down, too slow): nothing approved, nothing bought; try again later. */
  | { status: "carrier-error"; problem: CarrierLabelProblem; ret: ReturnWithDetails };

/**
 * Approves a requested return: `returnApproveRequest` in Shopify, then for MAIL returns a label from
 * the label provider registered with `reverseDeliveryCreateWithShipping` (signed label file URL +
 * tracking number), then the record (status, who approved and when, reverse fulfillment order,
 * label fields, timeline) in one transaction.
 *
 * Idempotent and resumable. The decision is claimed on the row first (two concurrent calls: one
 * proceeds, the other gets "conflict"), no transaction is held across Admin API calls, and every
 * Shopify step is checked before it is taken: a return already OPEN in Shopify is not approved
 * again, and a reverse fulfillment order that already has a reverse delivery gets no second one
 * (its tracking number is recorded instead). So a retry after a failure at any step finishes the job
 * with one label and one reverse delivery, and approving an approved return changes nothing.
 * The local status only becomes APPROVED once everything is done.
 */
export async function approveReturn(input: ApproveReturnInput): Promise<ApproveReturnResult> {
  const { shop } = input;
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  const ret = await findReturnById(shop, input.returnId);
  if (!ret) return { status: "not-found" };
  const finished = ret.status === "APPROVED" && (ret.method !== "MAIL" || ret.reverseDeliveryId != null);
  if (finished) return { status: "unchanged", ret };
  if (!canStaffTransition(ret.status, "APPROVED") && ret.status !== "APPROVED") return { status: "conflict", ret, message: `The return is ${statusInWords(ret.status)}.` };
  if (!ret.shopifyReturnId) return { status: "conflict", ret, message: "The return is not in Shopify." };

  const now = input.now ?? new Date();
  // APPROVED without its label (approved in Shopify and recorded by the webhook): only the label is
  // missing, and the reverse-delivery check below keeps that step single.
  const claimed = ret.status === "APPROVED" || (await claimReturnDecision(shop, ret.id, { actor: input.actor, at: now, staleBefore: new Date(now.getTime() - DECISION_CLAIM_STALE_MS) }));
  if (!claimed) {
    const current = (await findReturnById(shop, ret.id)) ?? ret;
    if (current.status === "APPROVED") return { status: "unchanged", ret: current };
    return { status: "conflict", ret: current, message: "Another decision on this return is in progress." };
  }

  try {
    let inShopify = await fetchReturn(graphql, ret.shopifyReturnId);
    if (!inShopify) throw new Error(`Shopify has no return ${ret.shopifyReturnId}`);
    // A carrier's label is bought before Shopify hears of the approval: a carrier that sells none
    // (bad address, no rate, down) leaves the return requested everywhere, not approved without a label.
    let issued: IssuedLabel | null = null;
    if (inShopify.status === "REQUESTED" && ret.method === "MAIL") issued = await issueLabel(input, ret);
    if (inShopify.status === "REQUESTED") {
      await approveReturnRequest(graphql, { id: ret.shopifyReturnId, notifyCustomer: input.notifyCustomer ?? false });
      inShopify = await fetchReturn(graphql, ret.shopifyReturnId);
      if (!inShopify) throw new Error(`Shopify has no return ${ret.shopifyReturnId}`);
    }
    if (inShopify.status !== "OPEN") {
      await release(shop, ret, now);
      return { status: "conflict", ret, message: `The return is ${statusInWords(inShopify.status)} in Shopify.` };
    }

    const rfo = inShopify.reverseFulfillmentOrders[0] ?? null;
    const events: ReturnEventInput[] = [];
    if (ret.status === "REQUESTED") events.push({ type: "approved", actor: input.actor, data: { shopifyStatus: inShopify.status } });
    const update: ReturnFields = {
      decidedBy: ret.status === "REQUESTED" ? input.actor : ret.decidedBy,
      decidedAt: ret.status === "REQUESTED" ? now : (ret.decidedAt ?? now),
      reverseFulfillmentOrderId: rfo?.id ?? null,
    };

    if (ret.method === "MAIL") {
      if (!rfo) throw new Error(`Shopify return ${ret.shopifyReturnId} has no reverse fulfillment order`);
      const label = await ensureLabel(input, ret, rfo, now, issued);
      Object.assign(update, {
        reverseDeliveryId: label.reverseDeliveryId,
        labelCarrier: label.carrier,
        labelTrackingNumber: label.trackingNumber,
        labelTrackingUrl: label.trackingUrl,
        labelCreatedAt: now,
        returnLocationId: label.returnLocationId,
      });
      events.push({
        type: "label_created",
        actor: input.actor,
        data: { carrier: label.carrier, trackingNumber: label.trackingNumber, reused: label.reused, ...(label.postage && { postage: label.postage, shipmentId: label.shipmentId }) },
      });
    }

    // From the status read (REQUESTED under this call's claim); an approved return only gets its label.
    const approved = await changeReturn(shop, ret.id, { from: ret.status, ...(ret.status === "REQUESTED" && { to: "APPROVED" as const }), fields: update, events });
    if (!approved) {
      await release(shop, ret, now);
      const current = (await findReturnById(shop, ret.id)) ?? ret;
      return { status: "conflict", ret: current, message: `The return is ${statusInWords(current.status)}.` };
    }
    logger.info({ shopId: shop.id, rma: ret.rma, actor: input.actor, method: ret.method }, "Return approved");
    return { status: "approved", ret: approved };
  } catch (error) {
    await release(shop, ret, now);
    if (error instanceof AdminUserError) return { status: "rejected", messages: error.userErrors.map((e) => e.message) };
    if (error instanceof CarrierLabelError) {
      logger.warn({ shopId: shop.id, rma: ret.rma, problem: error.problem, details: error.details, err: error.message }, "The carrier sold no return label");
      // On the timeline (staff) and the shopper's status page: why the label is not there yet.
      if (ret.status === "REQUESTED") await changeReturn(shop, ret.id, { from: "REQUESTED", events: [{ type: "label_failed", actor: input.actor, data: { problem: error.problem } }] });
      return { status: "carrier-error", problem: error.problem, ret: (await findReturnById(shop, ret.id)) ?? ret };
    }
    throw error;
  }
}

async function release(shop: ShopRef, ret: ReturnWithDetails, claimedAt: Date): Promise<void> {
  if (ret.status === "REQUESTED") await releaseReturnDecision(shop, ret.id, claimedAt);
}

interface EnsuredLabel {
  reverseDeliveryId: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  returnLocationId: string | null;
  /** True when Shopify already had the reverse delivery (an earlier attempt). */
  reused: boolean;
  postage?: ReturnLabel["postage"];
  shipmentId?: string | null;
}

interface IssuedLabel {
  label: ReturnLabel;
  returnLocationId: string;
}

/** The label from the provider for this return (the first configured carrier serving its route: GHN in Vietnam, EasyPost in the US; else the built-in one). */
async function issueLabel(input: ApproveReturnInput, ret: ReturnWithDetails): Promise<IssuedLabel> {
  const { shop } = input;
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  const returnLocation =
    (ret.returnLocationId ? await findLocationByShopifyId(shop, ret.returnLocationId) : null) ?? (await findDefaultReturnLocation(shop));
  if (!returnLocation) throw new Error(`Shop ${shop.id} has no active location to receive returns`);
  const labelInput = await buildReturnLabelInput({ shop, graphql, ret, returnLocation });
  const provider = input.labelProvider ?? labelProviderFor(labelInput);
  if (provider.carrier === BUILTIN_CARRIER) labelInput.trackingNumber = await unusedBuiltinNumber(shop, ret, labelInput.to.countryCode);
  return { label: await provider.createReturnLabel(labelInput), returnLocationId: returnLocation.shopifyId };
}

/**
 * The built-in carrier's number for this return that no other return of the shop carries (its
 * tracking page finds the return by number). Almost always the first candidate.
 */
async function unusedBuiltinNumber(shop: ShopRef & { domain: string }, ret: ReturnWithDetails, countryCode: string | null | undefined): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = builtinTrackingNumber(shop.domain, ret.rma, countryCode, attempt);
    if (!(await trackingNumberTaken(shop, candidate, ret.id))) return candidate;
    logger.warn({ shopId: shop.id, rma: ret.rma, candidate }, "built-in tracking number already taken in this shop; trying the next");
  }
  throw new Error(`No unused tracking number for ${ret.rma} after 20 candidates`);
}

async function ensureLabel(
  input: ApproveReturnInput,
  ret: ReturnWithDetails,
  rfo: ShopifyReturn["reverseFulfillmentOrders"][number],
  now: Date,
  issued: IssuedLabel | null,
): Promise<EnsuredLabel> {
  const { shop } = input;
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  const existing = rfo.reverseDeliveries[0];
  if (existing) {
    const returnLocation =
      (ret.returnLocationId ? await findLocationByShopifyId(shop, ret.returnLocationId) : null) ?? (await findDefaultReturnLocation(shop));
    return {
      reverseDeliveryId: existing.id,
      carrier: existing.carrierName ?? ret.labelCarrier,
      trackingNumber: existing.trackingNumber,
      trackingUrl: existing.trackingUrl,
      returnLocationId: returnLocation?.shopifyId ?? ret.returnLocationId,
      reused: true,
    };
  }
  // Approved earlier without its label (e.g. in Shopify's admin): the label is issued now.
  const { label, returnLocationId } = issued ?? (await issueLabel(input, ret));
  const fileUrl = (input.labelFileUrl ?? ((r: ReturnWithDetails) => returnLabelFileUrl(shop, r, { now })))(ret);
  const delivery = await createReverseDeliveryWithShipping(graphql, {
    reverseFulfillmentOrderId: rfo.id,
    lines: rfo.lines.map((l) => ({ reverseFulfillmentOrderLineItemId: l.id, quantity: l.totalQuantity })),
    tracking: { number: label.trackingNumber, url: label.trackingUrl },
    labelFileUrl: fileUrl,
    notifyCustomer: input.notifyCustomer ?? false,
  });
  return {
    reverseDeliveryId: delivery.id,
    carrier: label.carrier,
    trackingNumber: label.trackingNumber,
    trackingUrl: label.trackingUrl,
    returnLocationId,
    reused: false,
    postage: label.postage ?? null,
    shipmentId: label.shipmentId ?? null,
  };
}
