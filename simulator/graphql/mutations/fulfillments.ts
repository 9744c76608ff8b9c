/** fulfillmentCreate and fulfillmentTrackingInfoUpdate. */
import { createFulfillment, updateFulfillmentStatus } from "../../store/fulfillments";
import type { FulfillmentRecord } from "../../store/records";
import { userError } from "../../store/user-errors";
import type { GraphqlContext, ResolverMap } from "../context";
import { inputId } from "../ids";

interface TrackingInput {
  company?: string | null;
  number?: string | null;
  numbers?: string[] | null;
  url?: string | null;
  urls?: string[] | null;
}

function tracking(input: TrackingInput | null | undefined) {
  if (!input) return null;
  return { company: input.company ?? null, number: input.number ?? input.numbers?.[0] ?? null, url: input.url ?? input.urls?.[0] ?? null };
}

export const fulfillmentMutations: ResolverMap = {
  Mutation: {
    fulfillmentCreate: (
      _s: unknown,
      args: {
        fulfillment: {
          lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }[];
          trackingInfo?: TrackingInput | null;
        };
      },
      ctx: GraphqlContext,
    ) => {
      const groups = args.fulfillment.lineItemsByFulfillmentOrder;
      const fail = (field: string[], message: string) => ({ fulfillment: null, userErrors: [userError(field, message)] });
      if (groups.length !== 1) {
        return fail(["fulfillment", "lineItemsByFulfillmentOrder"], "The Crossdock simulator creates fulfillments for exactly one fulfillment order at a time.");
      }
      const group = groups[0]!;
      const foId = inputId("FulfillmentOrder", group.fulfillmentOrderId);
      const fo = foId == null ? undefined : ctx.shop.fulfillmentOrders.get(foId);
      if (!fo) return fail(["fulfillment", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderId"], "Fulfillment order does not exist.");
      // A pickup prepared earlier is completed by fulfilling it: the open fulfillment becomes PICKED_UP.
      const prepared = ctx.shop.fulfillmentsOf(fo.orderId).find((f) => f.status === "OPEN" && f.fulfillmentOrderIds.includes(fo.id));
      if (prepared && !group.fulfillmentOrderLineItems?.length) {
        const result = updateFulfillmentStatus(ctx.shop, prepared.id, "PICKED_UP");
        return result.ok ? { fulfillment: result.value, userErrors: [] } : fail(["fulfillment"], result.error);
      }
      const lines = group.fulfillmentOrderLineItems?.length
        ? group.fulfillmentOrderLineItems.map((l) => ({ fulfillmentOrderLineItemId: inputId("FulfillmentOrderLineItem", l.id) ?? -1, quantity: l.quantity }))
        : undefined;
      const track = tracking(args.fulfillment.trackingInfo);
      const displayStatus: FulfillmentRecord["displayStatus"] =
        fo.deliveryMethod.methodType === "PICK_UP" ? "PICKED_UP" : track?.number ? "CONFIRMED" : "FULFILLED";
      const result = createFulfillment(ctx.shop, { fulfillmentOrderId: fo.id, lines, tracking: track, displayStatus });
      return result.ok ? { fulfillment: result.value, userErrors: [] } : fail(["fulfillment"], result.error);
    },
    fulfillmentTrackingInfoUpdate: (
      _s: unknown,
      args: { fulfillmentId: string; trackingInfoInput: TrackingInput },
      ctx: GraphqlContext,
    ) => {
      const id = inputId("Fulfillment", args.fulfillmentId);
      const fulfillment = id == null ? undefined : ctx.shop.fulfillments.get(id);
      if (!fulfillment) return { fulfillment: null, userErrors: [userError(["fulfillmentId"], "Fulfillment does not exist.")] };
      const track = tracking(args.trackingInfoInput);
      fulfillment.tracking = track ? [track] : [];
      fulfillment.updatedAt = ctx.shop.now();
      ctx.shop.bump();
      ctx.shop.emit({ topic: "fulfillments/update", shop: ctx.shop.domain, fulfillmentId: fulfillment.id });
      return { fulfillment, userErrors: [] };
    },
  },
};
