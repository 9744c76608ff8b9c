/** fulfillmentOrderMove / fulfillmentOrderSplit / fulfillmentOrderMerge. */
import { mergeFulfillmentOrders, moveFulfillmentOrder, splitFulfillmentOrders, type LineQuantity } from "../../store/fulfillment-orders";
import type { GraphqlContext, ResolverMap } from "../context";
import { inputId } from "../ids";

type LineInput = { id: string; quantity: number };

function lines(input: LineInput[] | null | undefined): LineQuantity[] | null {
  return input ? input.map((l) => ({ id: inputId("FulfillmentOrderLineItem", l.id), quantity: l.quantity })) : null;
}

export const fulfillmentOrderMutations: ResolverMap = {
  Mutation: {
    fulfillmentOrderMove: (
      _s: unknown,
      args: { id: string; newLocationId: string; fulfillmentOrderLineItems?: LineInput[] | null },
      ctx: GraphqlContext,
    ) => {
      const result = moveFulfillmentOrder(
        ctx.shop,
        inputId("FulfillmentOrder", args.id),
        inputId("Location", args.newLocationId),
        lines(args.fulfillmentOrderLineItems),
      );
      if (!result.ok) {
        return { movedFulfillmentOrder: null, originalFulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: result.userErrors };
      }
      return {
        movedFulfillmentOrder: result.value.moved,
        originalFulfillmentOrder: result.value.original,
        remainingFulfillmentOrder: result.value.remaining,
        userErrors: [],
      };
    },
    fulfillmentOrderSplit: (
      _s: unknown,
      args: { fulfillmentOrderSplits: { fulfillmentOrderId: string; fulfillmentOrderLineItems: LineInput[] }[] },
      ctx: GraphqlContext,
    ) => {
      const result = splitFulfillmentOrders(
        ctx.shop,
        args.fulfillmentOrderSplits.map((s) => ({
          fulfillmentOrderId: inputId("FulfillmentOrder", s.fulfillmentOrderId),
          lines: lines(s.fulfillmentOrderLineItems) ?? [],
        })),
      );
      return result.ok
        ? { fulfillmentOrderSplits: result.value, userErrors: [] }
        : { fulfillmentOrderSplits: null, userErrors: result.userErrors };
    },
    fulfillmentOrderMerge: (
      _s: unknown,
      args: {
        fulfillmentOrderMergeInputs: {
          mergeIntents: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: LineInput[] | null }[];
        }[];
      },
      ctx: GraphqlContext,
    ) => {
      const result = mergeFulfillmentOrders(
        ctx.shop,
        args.fulfillmentOrderMergeInputs.map((m) => ({
          intents: m.mergeIntents.map((i) => ({
            fulfillmentOrderId: inputId("FulfillmentOrder", i.fulfillmentOrderId),
            lines: lines(i.fulfillmentOrderLineItems),
          })),
        })),
      );
      return result.ok
        ? { fulfillmentOrderMerges: result.value.map((fulfillmentOrder) => ({ fulfillmentOrder })), userErrors: [] }
        : { fulfillmentOrderMerges: null, userErrors: result.userErrors };
    },
  },
};
