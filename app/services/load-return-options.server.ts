import type { Location, ReturnStatus } from "@prisma/client";
import { outcomePolicyOf, type OutcomePolicy } from "~/domain/returns/store-credit";
import { DEFAULT_RETURN_POLICY, evaluateEligibility, parseReturnPolicy, type LineEligibility, type ReturnableLine, type ReturnMethod, type ReturnPolicy } from "~/domain/returns/policy";
import type { ReturnMoneyContext } from "~/domain/returns/fees";
import { postageQuote, type PostageQuote } from "~/domain/returns/postage";
import { isOpenReturn } from "~/domain/returns/status";
import { offeredDropOffStores } from "~/domain/returns/destination";
import { logger } from "~/logger.server";
import { findReturnPolicy, listDropOffLocations, listReturnsOfOrder } from "~/models/returns.server";
import { destinationLocation, loadReturnDestinationSettings, shopperPlace } from "./choose-return-destination.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchOrderForReturn, type OrderForReturn } from "~/shopify/returns";

/** Lines the shopper sees: a fulfillment line (or a not yet shipped remainder) with what the page shows. */
export interface ReturnItem extends ReturnableLine {
  /** Not yet shipped: listed as not returnable, never sent to Shopify. */
  unshipped: boolean;
}

export interface DropOffStore {
  /** Location GID */
  id: string;
  name: string;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  zip: string | null;
  countryCode: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  /** From the order's shipping address, when both have coordinates. */
  distanceKm: number | null;
}

export interface ReturnOptions {
  /** Which outcomes the shopper may choose and the bonus for store credit. */
  outcomes: OutcomePolicy;
  order: OrderForReturn;
  policy: ReturnPolicy;
  /** The currency the return is priced in (the shopper's) and the order's rate, for the fees. */
  money: ReturnMoneyContext;
  /** What a mail return's postage costs the shopper, quoted before they submit (amounts in the shopper's currency). */
  postage: PostageQuote;
  timeZone: string;
  items: LineEligibility<ReturnItem>[];
  /** The policy's methods; DROP_OFF only when a store accepts drop-offs. */
  methods: ReturnMethod[];
  /** In the shopper's country within the merchant's distance, nearest first (by name where a distance is unknown). */
  dropOffStores: DropOffStore[];
  /** The merchant's drop-off instructions per language (a blank language shows the default text). */
  dropOffInstructions: Partial<Record<string, string>>;
  /** Crossdock's return requests of this order, oldest first. */
  returns: { rma: string; status: ReturnStatus; createdAt: Date }[];
}

export type LoadReturnOptionsResult = { status: "not-found" } | { status: "ok"; options: ReturnOptions };

export interface LoadReturnOptionsRequest {
  shop: ShopRef & { timezone: string; country?: string | null };
  graphql: AdminGraphql;
  /** gid://shopify/Order/… */
  orderId: string;
  now?: Date;
}

/** The shop's policy as the domain reads it; the defaults (window from the shop settings) when none is stored or it is invalid. */
export async function loadShopReturnPolicy(shop: ShopRef): Promise<ReturnPolicy> {
  const row = await findReturnPolicy(shop);
  if (!row) {
    const settings = await getShopSettings(shop);
    return { ...DEFAULT_RETURN_POLICY, windowDays: settings.returnWindowDays };
  }
  const parsed = parseReturnPolicy({
    ...row,
    returnShippingFee: row.returnShippingFee.toFixed(2),
    restockingFeePercent: row.restockingFeePercent.toFixed(2),
  });
  if (parsed.status === "success") return parsed.policy;
  logger.error({ shopId: shop.id, errors: parsed.errors }, "Stored return policy is invalid; using the defaults");
  return DEFAULT_RETURN_POLICY;
}

/**
 * What the shopper may return from one order and how: the order's lines with Shopify's returnable
 * quantities, product tags/types and delivery dates, judged by the shop's policy (each ineligible
 * line with its reason), the allowed methods and the drop-off stores sorted by distance.
 */
export async function loadReturnOptions(request: LoadReturnOptionsRequest): Promise<LoadReturnOptionsResult> {
  const { shop } = request;
  const [order, policy, stores, localReturns, destinations, policyRow] = await Promise.all([
    fetchOrderForReturn(request.graphql, request.orderId),
    loadShopReturnPolicy(shop),
    listDropOffLocations(shop),
    listReturnsOfOrder(shop, request.orderId),
    loadReturnDestinationSettings(shop),
    findReturnPolicy(shop),
  ]);
  if (!order) return { status: "not-found" };

  // Units in Crossdock's own open returns (the Shopify figures normally already include them).
  const locallyReturned = new Map<string, number>();
  for (const ret of localReturns) {
    if (!isOpenReturn(ret.status)) continue;
    for (const line of ret.lines) locallyReturned.set(line.fulfillmentLineItemId, (locallyReturned.get(line.fulfillmentLineItemId) ?? 0) + line.quantity);
  }

  const linesById = new Map(order.lines.map((l) => [l.id, l]));
  const items: ReturnItem[] = [];
  const product = (line: (typeof order.lines)[number]) => ({
    lineItemId: line.id,
    title: line.title,
    variantTitle: line.variantTitle,
    variantId: line.variantId,
    sku: line.sku,
    productType: line.productType,
    productTags: line.productTags,
  });
  const shipped = new Map<string, number>();
  for (const fl of order.fulfillmentLines) {
    if (fl.fulfillmentStatus !== "SUCCESS") continue;
    const line = linesById.get(fl.lineItemId);
    if (!line || fl.quantity <= 0) continue;
    shipped.set(line.id, (shipped.get(line.id) ?? 0) + fl.quantity);
    const returned = Math.max(fl.quantity - fl.returnableQuantity, locallyReturned.get(fl.id) ?? 0);
    items.push({
      fulfillmentLineItemId: fl.id,
      ...product(line),
      quantity: fl.quantity,
      returnedQuantity: Math.min(fl.quantity, returned),
      unitPrice: line.unitPrice,
      shopUnitPrice: line.shopUnitPrice,
      deliveredAt: fl.deliveredAt,
      unshipped: false,
    });
  }
  // What has not shipped yet is listed too, so the page can say why it cannot be returned.
  for (const line of order.lines) {
    const rest = line.quantity - (shipped.get(line.id) ?? 0);
    if (rest <= 0) continue;
    items.push({
      fulfillmentLineItemId: `unshipped:${line.id}`,
      ...product(line),
      quantity: rest,
      returnedQuantity: 0,
      unitPrice: line.unitPrice,
      shopUnitPrice: line.shopUnitPrice,
      deliveredAt: null,
      unshipped: true,
    });
  }

  const timeZone = shop.timezone || "UTC";
  const eligibility = evaluateEligibility(policy, { lines: items, cancelledAt: order.cancelledAt, now: request.now ?? new Date(), timeZone });
  const dropOffStores = dropOffStoresFor(stores, shopperPlace(order.shippingAddress, { fulfilledFromCountryCode: order.fulfilledFromCountryCode, shopCountry: shop.country }), destinations.dropOffMaxDistanceKm);
  const methods = policy.allowedMethods.filter((m) => m !== "DROP_OFF" || dropOffStores.length > 0);
  const money: ReturnMoneyContext = { currency: order.currency, rate: order.rate };
  return {
    status: "ok",
    options: {
      order,
      policy,
      outcomes: outcomePolicyOf(policyRow),
      money,
      postage: postageQuote(policy, money),
      timeZone,
      items: eligibility,
      methods,
      dropOffStores,
      dropOffInstructions: destinations.dropOffInstructions,
      returns: localReturns.map((r) => ({ rma: r.rma, status: r.status, createdAt: r.createdAt })),
    },
  };
}

function dropOffStoresFor(stores: Location[], shopper: ReturnType<typeof shopperPlace>, maxDistanceKm: number): DropOffStore[] {
  const byId = new Map(stores.map((s) => [s.shopifyId, s]));
  return offeredDropOffStores(shopper, stores.map(destinationLocation), maxDistanceKm).map(({ location, distanceKm }) => {
    const s = byId.get(location.id)!;
    return {
      id: s.shopifyId,
      name: s.name,
      address1: s.address1,
      address2: s.address2,
      city: s.city,
      province: s.province,
      zip: s.zip,
      countryCode: s.countryCode,
      phone: s.phone,
      latitude: s.latitude,
      longitude: s.longitude,
      distanceKm,
    };
  });
}
