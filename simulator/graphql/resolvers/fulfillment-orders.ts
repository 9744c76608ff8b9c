import { gid } from "../../store/ids";
import { locationsForMove, type LocationForMove } from "../../store/fulfillment-orders";
import type { FulfillmentHoldReason, FulfillmentOrderLineItemRecord, FulfillmentOrderRecord, MailingAddressRecord } from "../../store/records";
import type { GraphqlContext, ResolverMap } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { argId } from "../ids";
import { count, lineItemMoneyBag } from "./common";

type Destination = MailingAddressRecord & { email?: string | null };

function supportedActions(fo: FulfillmentOrderRecord): { action: string; externalUrl: null }[] {
  const open = fo.status === "OPEN" || fo.status === "IN_PROGRESS";
  const actions: string[] = [];
  if (open) actions.push("CREATE_FULFILLMENT", "MOVE", "HOLD");
  if (fo.status === "OPEN" && fo.lineItems.reduce((sum, l) => sum + l.remainingQuantity, 0) > 1) actions.push("SPLIT");
  if (fo.status === "ON_HOLD") actions.push("RELEASE_HOLD", "MOVE");
  return actions.map((action) => ({ action, externalUrl: null }));
}

/** `FulfillmentHold.displayReason` ("The localized reason for the fulfillment hold for display purposes"), in English. */
const HOLD_DISPLAY_REASONS: Record<FulfillmentHoldReason, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  AWAITING_RETURN_ITEMS: "Awaiting return items",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock",
  OTHER: "Other",
};

export const fulfillmentOrderResolvers: ResolverMap = {
  FulfillmentOrder: {
    id: (fo: FulfillmentOrderRecord) => gid("FulfillmentOrder", fo.id),
    order: (fo: FulfillmentOrderRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(fo.orderId),
    orderId: (fo: FulfillmentOrderRecord) => gid("Order", fo.orderId),
    orderName: (fo: FulfillmentOrderRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(fo.orderId)?.name,
    orderProcessedAt: (fo: FulfillmentOrderRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(fo.orderId)?.processedAt,
    channelId: () => null,
    fulfillBy: () => null,
    // schema: `FulfillmentOrder.fulfillmentHolds`; the simulator places only Shopify's own holds (an exchange awaiting payment, EX-4).
    fulfillmentHolds: (fo: FulfillmentOrderRecord) =>
      (fo.holds ?? []).map((h) => ({
        __typename: "FulfillmentHold",
        id: gid("FulfillmentHold", h.id),
        reason: h.reason,
        reasonNotes: h.reasonNotes,
        displayReason: HOLD_DISPLAY_REASONS[h.reason],
        handle: null,
        heldByApp: null,
        heldByRequestingApp: false,
      })),
    internationalDuties: () => null,
    supportedActions: (fo: FulfillmentOrderRecord) => supportedActions(fo),
    assignedLocation: (fo: FulfillmentOrderRecord, _a: unknown, ctx: GraphqlContext) => {
      const location = ctx.shop.locations.get(fo.assignedLocationId)!;
      const a = location.address;
      return {
        name: location.name,
        address1: a.address1,
        address2: a.address2,
        city: a.city,
        province: a.province,
        zip: a.zip,
        countryCode: a.countryCode,
        phone: a.phone,
        location,
      };
    },
    destination: (fo: FulfillmentOrderRecord, _a: unknown, ctx: GraphqlContext): Destination | null =>
      fo.destination ? { ...fo.destination, email: ctx.shop.orders.get(fo.orderId)?.email ?? null } : null,
    lineItems: (fo: FulfillmentOrderRecord, args: ConnectionArgs & { reverse?: boolean }) =>
      connection(args.reverse ? [...fo.lineItems].reverse() : fo.lineItems, args, (l) => l.id),
    fulfillments: (fo: FulfillmentOrderRecord, args: ConnectionArgs, ctx: GraphqlContext) =>
      connection(
        ctx.shop.fulfillmentsOf(fo.orderId).filter((f) => f.fulfillmentOrderIds.includes(fo.id)),
        args,
        (f) => f.id,
      ),
    remainingLineItemsWeight: (fo: FulfillmentOrderRecord, _a: unknown, ctx: GraphqlContext) => ({
      unit: "GRAMS",
      value: fo.lineItems.reduce((sum, l) => sum + (ctx.shop.lineItem(l.lineItemId)?.line.weightGrams ?? 0) * l.remainingQuantity, 0),
    }),
    locationsForMove: (
      fo: FulfillmentOrderRecord,
      args: ConnectionArgs & { lineItemIds?: string[] | null; locationIds?: string[] | null },
      ctx: GraphqlContext,
    ) => {
      // Both arguments default to [] in the schema: empty means "no filter".
      const lineItemIds = args.lineItemIds?.length ? args.lineItemIds.map((id) => argId("FulfillmentOrderLineItem", id) ?? -1) : null;
      const locationIds = args.locationIds?.length ? args.locationIds.map((id) => argId("Location", id) ?? -1) : null;
      const candidates = locationsForMove(ctx.shop, fo, { lineItemIds, locationIds });
      return connection(candidates, args, (c) => c.location.id);
    },
  },
  FulfillmentOrderLocationForMove: {
    availableLineItems: (c: LocationForMove, args: ConnectionArgs) => connection(c.availableLineItems, args, (l) => l.id),
    unavailableLineItems: (c: LocationForMove, args: ConnectionArgs) => connection(c.unavailableLineItems, args, (l) => l.id),
    availableLineItemsCount: (c: LocationForMove) => count(c.availableLineItems.length),
    unavailableLineItemsCount: (c: LocationForMove) => count(c.unavailableLineItems.length),
  },
  FulfillmentOrderLineItem: {
    id: (l: FulfillmentOrderLineItemRecord) => gid("FulfillmentOrderLineItem", l.id),
    lineItem: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.lineItem(l.lineItemId)?.line,
    variant: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => {
      const variantId = ctx.shop.lineItem(l.lineItemId)?.line.variantId;
      return variantId == null ? null : (ctx.shop.variants.get(variantId) ?? null);
    },
    inventoryItemId: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => {
      const variantId = ctx.shop.lineItem(l.lineItemId)?.line.variantId;
      const variant = variantId == null ? undefined : ctx.shop.variants.get(variantId);
      return variant ? gid("InventoryItem", variant.inventoryItemId) : null;
    },
    sku: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.lineItem(l.lineItemId)?.line.sku ?? null,
    productTitle: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.lineItem(l.lineItemId)?.line.title,
    variantTitle: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.lineItem(l.lineItemId)?.line.variantTitle ?? null,
    vendor: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.lineItem(l.lineItemId)?.line.vendor ?? null,
    requiresShipping: () => true,
    image: () => null,
    warnings: () => [],
    weight: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => ({
      unit: "GRAMS",
      value: ctx.shop.lineItem(l.lineItemId)?.line.weightGrams ?? 0,
    }),
    originalUnitPriceSet: (l: FulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) => lineItemMoneyBag(ctx.shop, l.lineItemId, 1),
  },
  DeliveryMethod: {
    id: (d: { id: number }) => gid("DeliveryMethod", d.id),
    serviceCode: () => null,
    additionalInformation: () => null,
    brandedPromise: () => null,
    sourceReference: () => null,
    minDeliveryDateTime: () => null,
    maxDeliveryDateTime: () => null,
  },
  FulfillmentOrderDestination: {
    id: (d: Destination) => gid("FulfillmentOrderDestination", d.id),
    location: () => null,
  },
};
