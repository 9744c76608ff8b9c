/** Root list fields (also served under the deprecated Shop.* fields): filter, sort, paginate. */
import { filterByQuery } from "../../store/search-query";
import {
  customerSearch,
  fulfillmentOrderSearch,
  locationSearch,
  locationSorts,
  orderSearch,
  orderSorts,
  productSearch,
  productSorts,
  sortRecords,
  variantSearch,
  variantSorts,
} from "../../store/queries";
import { fulfillmentOrderVisible, orderVisible } from "../../access/visibility";
import type { GraphqlContext } from "../context";
import { connection, type ConnectionArgs } from "../connection";

export interface ListArgs extends ConnectionArgs {
  query?: string | null;
  sortKey?: string | null;
  reverse?: boolean | null;
}

export function listOrders(_source: unknown, args: ListArgs, ctx: GraphqlContext) {
  const visible = [...ctx.shop.orders.values()].filter((o) => orderVisible(ctx.shop, o));
  const orders = filterByQuery(visible, args.query, orderSearch(ctx.shop));
  return connection(sortRecords(orders, orderSorts, args.sortKey, args.reverse), args, (o) => o.id);
}

/**
 * `ordersCount(query:, limit:)`: the orders `orders(query:)` would list, counted; past `limit`
 * (default 10,000; null for none) the count stops there with precision AT_LEAST (FIDELITY QC-15).
 */
export function countOrders(_source: unknown, args: { query?: string | null; limit?: number | null }, ctx: GraphqlContext) {
  const visible = [...ctx.shop.orders.values()].filter((o) => orderVisible(ctx.shop, o));
  const n = filterByQuery(visible, args.query, orderSearch(ctx.shop)).length;
  const limit = args.limit === undefined ? 10_000 : args.limit;
  return limit !== null && n > limit ? { count: limit, precision: "AT_LEAST" } : { count: n, precision: "EXACT" };
}

export function listLocations(
  _source: unknown,
  args: ListArgs & { includeInactive?: boolean | null; includeLegacy?: boolean | null },
  ctx: GraphqlContext,
) {
  let locations = [...ctx.shop.locations.values()];
  if (!args.includeInactive) locations = locations.filter((l) => l.isActive);
  locations = filterByQuery(locations, args.query, locationSearch);
  return connection(sortRecords(locations, locationSorts, args.sortKey ?? "NAME", args.reverse), args, (l) => l.id);
}

export function listProducts(_source: unknown, args: ListArgs, ctx: GraphqlContext) {
  const products = filterByQuery([...ctx.shop.products.values()], args.query, productSearch(ctx.shop));
  return connection(sortRecords(products, productSorts, args.sortKey, args.reverse), args, (p) => p.id);
}

export function listVariants(_source: unknown, args: ListArgs, ctx: GraphqlContext) {
  const variants = filterByQuery([...ctx.shop.variants.values()], args.query, variantSearch(ctx.shop));
  return connection(sortRecords(variants, variantSorts, args.sortKey, args.reverse), args, (v) => v.id);
}

export function listFulfillmentOrders(_source: unknown, args: ListArgs & { includeClosed?: boolean | null }, ctx: GraphqlContext) {
  let fos = [...ctx.shop.fulfillmentOrders.values()].filter((fo) => fulfillmentOrderVisible(ctx.shop, fo)).sort((a, b) => a.id - b.id);
  if (!args.includeClosed) fos = fos.filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED");
  fos = filterByQuery(fos, args.query, fulfillmentOrderSearch);
  return connection(args.reverse ? fos.reverse() : fos, args, (fo) => fo.id);
}

export function listCustomers(_source: unknown, args: ListArgs, ctx: GraphqlContext) {
  const customers = filterByQuery([...ctx.shop.customers.values()].sort((a, b) => a.id - b.id), args.query, customerSearch);
  return connection(args.reverse ? customers.reverse() : customers, args, (c) => c.id);
}
