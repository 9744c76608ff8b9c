import { fulfillmentOrderVisible } from "../../access/visibility";
import { gid, externalId } from "../../store/ids";
import type { FulfillmentLineItemRecord, FulfillmentRecord } from "../../store/records";
import type { GraphqlContext, ResolverMap } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { lineItemMoneyBag } from "./common";

export const fulfillmentResolvers: ResolverMap = {
  Fulfillment: {
    id: (f: FulfillmentRecord) => gid("Fulfillment", f.id),
    legacyResourceId: (f: FulfillmentRecord) => externalId(f.id),
    trackingInfo: (f: FulfillmentRecord, args: { first?: number | null }) => f.tracking.slice(0, args.first ?? undefined),
    fulfillmentLineItems: (f: FulfillmentRecord, args: ConnectionArgs) => connection(f.lines, args, (l) => l.id),
    fulfillmentOrders: (f: FulfillmentRecord, args: ConnectionArgs, ctx: GraphqlContext) =>
      connection(
        f.fulfillmentOrderIds.map((id) => ctx.shop.fulfillmentOrders.get(id)!).filter((fo) => fo && fulfillmentOrderVisible(ctx.shop, fo)),
        args,
        (fo) => fo.id,
      ),
    location: (f: FulfillmentRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.locations.get(f.locationId) ?? null,
    order: (f: FulfillmentRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(f.orderId),
    totalQuantity: (f: FulfillmentRecord) => f.lines.reduce((sum, l) => sum + l.quantity, 0),
    requiresShipping: (f: FulfillmentRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(f.orderId)?.deliveryMethod === "SHIPPING",
    service: () => null,
    originAddress: () => null,
  },
  FulfillmentLineItem: {
    id: (l: FulfillmentLineItemRecord) => gid("FulfillmentLineItem", l.id),
    lineItem: (l: FulfillmentLineItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.lineItem(l.lineItemId)?.line,
    originalTotalSet: (l: FulfillmentLineItemRecord, _a: unknown, ctx: GraphqlContext) => lineItemMoneyBag(ctx.shop, l.lineItemId, l.quantity),
    discountedTotalSet: (l: FulfillmentLineItemRecord, _a: unknown, ctx: GraphqlContext) => lineItemMoneyBag(ctx.shop, l.lineItemId, l.quantity),
  },
};
