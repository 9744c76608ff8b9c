import { Prisma } from "@prisma/client";
import { EVENT_TEXT } from "~/domain/returns/event-text";
import { fromMinor, moneyAmount, toMinor } from "~/domain/returns/money";
import { defaultOutcome, offersOutcome, RETURN_OUTCOMES, storeCreditAmounts, type ReturnOutcome } from "~/domain/returns/store-credit";
import type { ReturnableLine } from "~/domain/returns/policy";
import { validateReturnSelection, type ReturnSelection, type ReturnSelectionError } from "~/domain/returns/request";
import { withReturnShippingFee } from "~/domain/returns/fees";
import { generateUniqueRma, type RandomSource } from "~/domain/returns/rma";
import type { LabelProvider } from "~/labels/provider";
import { logger } from "~/logger.server";
import {
  changeReturn,
  createReturnRequest,
  findReturnByShopifyId,
  listReturnsOfOrder,
  type NewReturnRequest,
  type ReturnWithDetails,
} from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { declineReturnRequest, requestReturn as shopifyRequestReturn } from "~/shopify/returns";
import { chooseMailReturnDestination, shopperPlace } from "./choose-return-destination.server";
import { loadReturnOptions, type ReturnItem } from "./load-return-options.server";
import { quoteReturnPostage } from "./quote-return-postage.server";

export interface RequestReturnInput {
  shop: ShopRef & { domain: string; name: string; timezone: string; currency: string; country?: string | null };
  graphql: AdminGraphql;
  /** gid://shopify/Order/… (from the verified order token). */
  orderId: string;
  selection: ReturnSelection;
  /** The shopper's language, kept for pages and emails. */
  locale: string;
  /** Quotes the label's postage (default: the provider approval will buy the label from). */
  labelProvider?: LabelProvider;
  /** Who asked: "shopper" from the portal. */
  actor?: string;
  now?: Date;
  random?: RandomSource;
}

export type RequestReturnResult =
  | { status: "created"; ret: ReturnWithDetails }
  | { status: "order-not-found" }
  /** The selection broke the policy: nothing was sent to Shopify, nothing stored. */
  | { status: "invalid"; errors: ReturnSelectionError[] }
  /** Shopify refused the request (its userErrors): nothing stored. */
  | { status: "rejected"; messages: string[] }
  /** Shopify accepted it but Crossdock could not record it, and withdrew it from Shopify. */
  | { status: "failed"; message: string };

/**
 * A shopper's return request from the portal.
 *
 * Order of the steps, and why: (1) the selection is checked against the order's live data and the
 * policy: any problem answers with per-item errors and nothing is written anywhere. (2) Shopify's
 * `returnRequest` runs first, so Crossdock never holds a record Shopify refused (Shopify checks the
 * quantities once more; its userErrors come back as "rejected", again with nothing written). (3)
 * One transaction then writes the request, its lines and its "requested" event with an RMA.
 * (An RMA taken meanwhile by a concurrent request is drawn again, up to three times.)
 * If that transaction fails after Shopify accepted (database down, no free RMA), the step is undone:
 * the Shopify request is declined (not notifying the shopper, with a note saying why), so neither
 * side keeps half a return and the shopper may simply submit again. Should the undo fail too, the
 * error log carries everything needed to reconcile (shop, order, Shopify return id, RMA, lines),
 * and the returns/request webhook (issue #7) imports the Shopify return as a SHOPIFY-sourced record.
 * If that webhook got there first (it can race the transaction), the portal's details are written
 * onto the record it created instead of failing on the unique Shopify id.
 */
export async function requestReturn(input: RequestReturnInput): Promise<RequestReturnResult> {
  const { shop, graphql } = input;
  const now = input.now ?? new Date();
  const loaded = await loadReturnOptions({ shop, graphql, orderId: input.orderId, now });
  if (loaded.status === "not-found") return { status: "order-not-found" };
  const { options } = loaded;

  const checked = validateReturnSelection<ReturnItem>(input.selection, {
    eligibility: options.items,
    policy: options.policy,
    dropOffLocationIds: options.methods.includes("DROP_OFF") ? options.dropOffStores.map((s) => s.id) : [],
    money: options.money,
  });
  if (!checked.ok) return { status: "invalid", errors: checked.errors };
  const request = checked.request;
  // The outcome the shopper chose (the policy's default when none), and the bonus promised for store credit, kept as quoted.
  const outcome = input.selection.outcome?.trim() ? input.selection.outcome.trim() : defaultOutcome(options.outcomes);
  if (!RETURN_OUTCOMES.some((o) => o === outcome) || !offersOutcome(options.outcomes, outcome as ReturnOutcome)) return { status: "invalid", errors: [{ code: "OUTCOME_NOT_OFFERED", field: "outcome" }] };

  // A drop-off goes to the chosen store; a mail return by the destination rules for the shopper's country.
  const returnLocationId = request.method === "DROP_OFF" ? request.returnLocationId : await chooseMailReturnDestination(shop, shopperPlace(options.order.shippingAddress, { fulfilledFromCountryCode: options.order.fulfilledFromCountryCode, shopCountry: shop.country }));
  const existing = await listReturnsOfOrder(shop, options.order.id);
  const random = input.random ?? Math.random;
  const taken = new Set(existing.map((r) => r.rma));
  const rma = generateUniqueRma(options.order.name, random, taken);

  // The postage the policy charges (the carrier rates the parcel now when the shopper pays the label's postage).
  const postage = await quoteReturnPostage({
    shop,
    graphql,
    policy: options.policy,
    method: request.method,
    money: options.money,
    returnLocationId,
    shippingAddress: options.order.shippingAddress,
    labelProvider: input.labelProvider,
    ret: {
      rma,
      orderId: options.order.id,
      orderName: options.order.name,
      method: request.method,
      locale: input.locale,
      customerName: options.order.customerName,
      labelCreatedAt: null,
      decidedAt: null,
      createdAt: now,
      lines: request.lines.map((l) => ({ title: l.line.title, variantTitle: l.line.variantTitle ?? null, sku: l.line.sku ?? null, quantity: l.quantity, reason: l.reason })),
    },
  });
  const totals = withReturnShippingFee(request.totals, postage.charge.minor);
  const storeCreditBonus =
    outcome === "STORE_CREDIT" ? moneyAmount(storeCreditAmounts(options.outcomes, { minor: totals.minor.refund, currency: options.money.currency }, options.money.rate).bonus) : null;

  let shopifyReturn;
  try {
    shopifyReturn = await shopifyRequestReturn(graphql, {
      orderId: options.order.id,
      lines: request.lines.map((l) => ({
        fulfillmentLineItemId: l.line.fulfillmentLineItemId,
        quantity: l.quantity,
        reason: l.reason,
        customerNote: l.customerNote,
        // Shopify computes each line's fee from the percentage (RestockingFee), as the totals above did.
        restockingFeePercentage: request.totals.restockingFeePercentage,
      })),
      // In the currency the shopper paid in: Shopify takes return fees in the order's presentment currency.
      returnShippingFee: request.method === "MAIL" ? { amount: totals.returnShippingFee, currencyCode: options.money.currency } : null,
    });
  } catch (error) {
    if (error instanceof AdminUserError) {
      logger.warn({ shopId: shop.id, orderId: options.order.id, userErrors: error.userErrors }, "Shopify refused a portal return request");
      return { status: "rejected", messages: error.userErrors.map((e) => e.message) };
    }
    throw error;
  }

  const returnLineIds = new Map(shopifyReturn.lines.map((l) => [l.fulfillmentLineItemId, l.id]));
  let record = {
    rma,
    orderId: options.order.id,
    orderName: options.order.name,
    shopifyReturnId: shopifyReturn.id,
    source: "PORTAL" as const,
    method: request.method,
    returnLocationId,
    customerId: options.order.customerId,
    customerEmail: options.order.email,
    customerName: options.order.customerName,
    locale: input.locale,
    currency: options.money.currency,
    totalValue: request.totals.value,
    shopCurrency: options.order.shopCurrency,
    shopValue: shopValueOf(request.lines, options.order.shopCurrency),
    returnShippingFee: totals.returnShippingFee,
    restockingFee: request.totals.restockingFee,
    outcome: outcome as ReturnOutcome,
    storeCreditBonus,
    lines: request.lines.map((l) => toLine(l.line, l.quantity, l.reason, l.customerNote, returnLineIds.get(l.line.fulfillmentLineItemId) ?? null)),
    event: {
      type: "requested",
      actor: input.actor ?? "shopper",
      message: null,
      data: {
        shopifyReturnId: shopifyReturn.id,
        shopifyReturnName: shopifyReturn.name,
        method: request.method,
        // What the postage charge rests on: the policy's basis, the carrier's quote, or why there was none.
        ...(request.method === "MAIL" && {
          postage: { basis: postage.charge.basis, charged: totals.returnShippingFee, currency: options.money.currency, quote: postage.quote ? { ...postage.quote } : null, problem: postage.problem },
        }),
      } satisfies Prisma.InputJsonValue,
    },
  };

  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const ret = await createReturnRequest(shop, record);
        logger.info({ shopId: shop.id, rma: record.rma, shopifyReturnId: shopifyReturn.id }, "Return requested from the portal");
        return { status: "created", ret };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const adopted = await adoptWebhookRecord(shop, record);
        if (adopted) return { status: "created", ret: adopted };
        if (attempt >= 3) throw error;
        // Another request took this RMA in the meantime: draw another one.
        taken.add(record.rma);
        record = { ...record, rma: generateUniqueRma(options.order.name, random, taken) };
      }
    }
  } catch (error) {
    const reconcile = { shopId: shop.id, orderId: options.order.id, shopifyReturnId: shopifyReturn.id, rma: record.rma, lines: record.lines };
    logger.error({ err: error, reconcile }, "A return Shopify accepted could not be recorded; withdrawing it from Shopify");
    try {
      await declineReturnRequest(graphql, {
        id: shopifyReturn.id,
        declineReason: "OTHER",
        declineNote: `Withdrawn automatically: Crossdock could not record request ${record.rma}. The shopper was asked to submit it again.`,
        notifyCustomer: false,
      });
    } catch (undoError) {
      logger.error({ err: undoError, reconcile }, "Withdrawing the unrecorded return failed: reconcile it by hand or via the returns/request webhook");
    }
    return { status: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}

/** The returned lines' value in the shop's currency (what rules and filters compare). */
function shopValueOf(lines: readonly { line: ReturnableLine; quantity: number }[], shopCurrency: string): string {
  const minor = lines.reduce((sum, l) => sum + toMinor(l.line.shopUnitPrice ?? l.line.unitPrice, shopCurrency) * l.quantity, 0);
  return fromMinor(minor, shopCurrency);
}

function toLine(line: ReturnableLine, quantity: number, reason: string, customerNote: string | null, shopifyReturnLineItemId: string | null) {
  return {
    fulfillmentLineItemId: line.fulfillmentLineItemId,
    lineItemId: line.lineItemId,
    shopifyReturnLineItemId,
    variantId: line.variantId ?? null,
    sku: line.sku ?? null,
    title: line.title,
    variantTitle: line.variantTitle ?? null,
    productType: line.productType ?? null,
    productTags: [...(line.productTags ?? [])],
    quantity,
    unitPrice: line.unitPrice,
    reason,
    customerNote,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The returns/request webhook (issue #7) stored this Shopify return before the portal's transaction
 * committed: keep that one row and give it what only the portal knows: the method, the return
 * location, the language and the outcome the shopper chose (with the bonus promised for store credit).
 */
async function adoptWebhookRecord(
  shop: ShopRef,
  record: Pick<NewReturnRequest, "method" | "returnLocationId" | "locale" | "outcome" | "storeCreditBonus" | "event"> & { shopifyReturnId: string },
): Promise<ReturnWithDetails | null> {
  const existing = await findReturnByShopifyId(shop, record.shopifyReturnId);
  if (!existing) return null;
  const adopted = await changeReturn(shop, existing.id, {
    fields: {
      method: record.method,
      returnLocationId: record.returnLocationId,
      locale: record.locale,
      outcome: record.outcome ?? "REFUND",
      storeCreditBonus: record.storeCreditBonus != null ? new Prisma.Decimal(record.storeCreditBonus) : null,
    },
    events: [{ type: "note", actor: record.event.actor, message: EVENT_TEXT.submittedInPortal }],
  });
  if (!adopted) throw new Error(`return ${existing.id} not found in shop ${shop.id}`);
  return adopted;
}
