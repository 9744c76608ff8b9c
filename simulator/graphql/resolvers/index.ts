import type { ResolverMap } from "../context";
import { appMetafieldResolvers } from "../mutations/app-metafields";
import { fulfillmentOrderMutations } from "../mutations/fulfillment-orders";
import { fulfillmentMutations } from "../mutations/fulfillments";
import { inventoryMutations } from "../mutations/inventory";
import { orderMutations } from "../mutations/orders";
import { pickupMutations } from "../mutations/pickup";
import { returnMutations } from "../mutations/returns";
import { storeCreditResolvers } from "../mutations/store-credit";
import { fulfillmentOrderResolvers } from "./fulfillment-orders";
import { fulfillmentResolvers } from "./fulfillments";
import { inventoryResolvers } from "./inventory";
import { locationResolvers } from "./locations";
import { marketResolvers } from "./markets";
import { orderResolvers } from "./orders";
import { productResolvers } from "./products";
import { queryResolvers } from "./query";
import { returnResolvers } from "./returns";

function merge(...maps: ResolverMap[]): ResolverMap {
  const result: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) result[type] = { ...result[type], ...fields };
  }
  return result;
}

/** Every implemented field that is not a plain property of the stored record. */
export const resolvers: ResolverMap = merge(
  queryResolvers,
  locationResolvers,
  marketResolvers,
  productResolvers,
  inventoryResolvers,
  orderResolvers,
  fulfillmentOrderResolvers,
  fulfillmentResolvers,
  returnResolvers,
  fulfillmentOrderMutations,
  inventoryMutations,
  fulfillmentMutations,
  pickupMutations,
  returnMutations,
  orderMutations,
  appMetafieldResolvers,
  storeCreditResolvers,
);
