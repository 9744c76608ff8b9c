/** Local pickup: locationLocalPickupEnable/Disable and fulfillmentOrderLineItemsPreparedForPickup. */
import { createFulfillment } from "../../store/fulfillments";
import { updateLocation } from "../../store/locations";
import type { LocalPickupRecord } from "../../store/records";
import { userError } from "../../store/user-errors";
import type { GraphqlContext, ResolverMap } from "../context";
import { inputId } from "../ids";

export const pickupMutations: ResolverMap = {
  Mutation: {
    locationLocalPickupEnable: (
      _s: unknown,
      args: { localPickupSettings: { locationId: string; pickupTime: LocalPickupRecord["pickupTime"]; instructions?: string | null } },
      ctx: GraphqlContext,
    ) => {
      const input = args.localPickupSettings;
      const id = inputId("Location", input.locationId);
      const location = id == null ? undefined : ctx.shop.locations.get(id);
      if (!location || !location.isActive) {
        return { localPickupSettings: null, userErrors: [userError(["localPickupSettings", "locationId"], "Unable to find an active location for location ID " + input.locationId, "ACTIVE_LOCATION_NOT_FOUND")] };
      }
      if (input.pickupTime === "CUSTOM") {
        return { localPickupSettings: null, userErrors: [userError(["localPickupSettings", "pickupTime"], "Custom pickup time is not allowed for local pickup settings.", "CUSTOM_PICKUP_TIME_NOT_ALLOWED")] };
      }
      updateLocation(ctx.shop, location, { localPickup: { pickupTime: input.pickupTime, instructions: input.instructions ?? "" } });
      return { localPickupSettings: { ...location.localPickup }, userErrors: [] };
    },
    locationLocalPickupDisable: (_s: unknown, args: { locationId: string }, ctx: GraphqlContext) => {
      const id = inputId("Location", args.locationId);
      const location = id == null ? undefined : ctx.shop.locations.get(id);
      if (!location || !location.isActive) {
        return { locationId: null, userErrors: [userError(["locationId"], "Unable to find an active location for location ID " + args.locationId, "ACTIVE_LOCATION_NOT_FOUND")] };
      }
      updateLocation(ctx.shop, location, { localPickup: null });
      return { locationId: args.locationId, userErrors: [] };
    },
    fulfillmentOrderLineItemsPreparedForPickup: (
      _s: unknown,
      args: { input: { lineItemsByFulfillmentOrder: { fulfillmentOrderId: string }[] } },
      ctx: GraphqlContext,
    ) => {
      const userErrors = [];
      for (const [index, entry] of args.input.lineItemsByFulfillmentOrder.entries()) {
        const field = ["input", "lineItemsByFulfillmentOrder", String(index), "fulfillmentOrderId"];
        const id = inputId("FulfillmentOrder", entry.fulfillmentOrderId);
        const fo = id == null ? undefined : ctx.shop.fulfillmentOrders.get(id);
        if (!fo || fo.deliveryMethod.methodType !== "PICK_UP" || (fo.status !== "OPEN" && fo.status !== "IN_PROGRESS")) {
          userErrors.push(userError(field, "Invalid fulfillment order.", "FULFILLMENT_ORDER_INVALID"));
          continue;
        }
        const alreadyPrepared = ctx.shop.fulfillmentsOf(fo.orderId).some((f) => f.status === "OPEN" && f.fulfillmentOrderIds.includes(fo.id));
        if (alreadyPrepared || fo.lineItems.every((l) => l.remainingQuantity === 0)) {
          userErrors.push(userError(field, "No line items to prepare for pickup.", "NO_LINE_ITEMS_TO_PREPARE_FOR_FULFILLMENT_ORDER"));
          continue;
        }
        const result = createFulfillment(ctx.shop, { fulfillmentOrderId: fo.id, displayStatus: "READY_FOR_PICKUP" });
        if (!result.ok) userErrors.push(userError(field, result.error, "UNABLE_TO_PREPARE_QUANTITY"));
      }
      return { userErrors };
    },
  },
};
