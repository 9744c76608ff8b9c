import { parseInventoryLevelGid } from "../../store/ids";
import type { ShopRecord } from "../../store/records";
import type { GraphqlContext, ResolverMap } from "../context";
import { argId } from "../ids";
import { invalidGlobalId } from "../errors";
import { countOrders, listCustomers, listFulfillmentOrders, listLocations, listOrders, listProducts, listVariants } from "./lists";
import { findNode } from "./node";
import { gid } from "../../store/ids";

type IdArgs = { id: string };

export const queryResolvers: ResolverMap = {
  QueryRoot: {
    shop: (_s: unknown, _a: unknown, ctx: GraphqlContext) => ctx.shop.shop,
    locations: listLocations,
    location: (_s: unknown, args: { id?: string | null }, ctx: GraphqlContext) => {
      if (args.id == null) return ctx.shop.locationsInOrder().find((l) => l.isActive) ?? null;
      const id = argId("Location", args.id);
      return id == null ? null : (ctx.shop.locations.get(id) ?? null);
    },
    products: listProducts,
    product: (_s: unknown, args: IdArgs, ctx: GraphqlContext) => byId(ctx.shop.products, argId("Product", args.id)),
    productVariants: listVariants,
    productVariant: (_s: unknown, args: IdArgs, ctx: GraphqlContext) => byId(ctx.shop.variants, argId("ProductVariant", args.id)),
    inventoryItem: (_s: unknown, args: IdArgs, ctx: GraphqlContext) => byId(ctx.shop.inventoryItems, argId("InventoryItem", args.id)),
    inventoryLevel: (_s: unknown, args: IdArgs, ctx: GraphqlContext) => {
      argId("InventoryLevel", args.id);
      const parsed = parseInventoryLevelGid(args.id);
      if (!parsed) throw invalidGlobalId(args.id);
      return ctx.shop.level(parsed.inventoryItemId, parsed.locationId) ?? null;
    },
    orders: listOrders,
    ordersCount: countOrders,
    fulfillmentOrders: listFulfillmentOrders,
    customers: listCustomers,
    order: (_s: unknown, args: IdArgs, ctx: GraphqlContext) => byId(ctx.shop.orders, argId("Order", args.id)),
    customer: (_s: unknown, args: IdArgs, ctx: GraphqlContext) => byId(ctx.shop.customers, argId("Customer", args.id)),
    fulfillmentOrder: (_s: unknown, args: IdArgs, ctx: GraphqlContext) =>
      byId(ctx.shop.fulfillmentOrders, argId("FulfillmentOrder", args.id)),
    fulfillment: (_s: unknown, args: IdArgs, ctx: GraphqlContext) => byId(ctx.shop.fulfillments, argId("Fulfillment", args.id)),
    node: (_s: unknown, args: IdArgs, ctx: GraphqlContext) => findNode(ctx.shop, args.id) ?? null,
    nodes: (_s: unknown, args: { ids: string[] }, ctx: GraphqlContext) => args.ids.map((id) => findNode(ctx.shop, id) ?? null),
  },
  Shop: {
    id: (s: ShopRecord) => gid("Shop", s.id),
    myshopifyDomain: (s: ShopRecord) => s.domain,
    contactEmail: (s: ShopRecord) => s.email,
    url: (s: ShopRecord) => `https://${s.domain}`,
    primaryDomain: (s: ShopRecord) => ({ id: `gid://shopify/Domain/${s.id}`, host: s.domain, url: `https://${s.domain}`, sslEnabled: true }),
    timezoneAbbreviation: () => "UTC",
    timezoneOffset: () => "+0000",
    timezoneOffsetMinutes: () => 0,
    weightUnit: () => "GRAMS",
    unitSystem: () => "METRIC_SYSTEM",
    description: () => null,
    enabledPresentmentCurrencies: (s: ShopRecord) => [s.currencyCode],
    shipsToCountries: (s: ShopRecord) => [s.countryCode],
    setupRequired: () => false,
    taxesIncluded: () => false,
    taxShipping: () => false,
    checkoutApiSupported: () => true,
    orderNumberFormatPrefix: () => "#",
    orderNumberFormatSuffix: () => "",
    billingAddress: shopAddress,
    shopAddress,
    plan: () => ({ displayName: "Development", publicDisplayName: "Development", partnerDevelopment: true, shopifyPlus: false }),
    locations: listLocations,
    orders: listOrders,
    products: listProducts,
    productVariants: listVariants,
    fulfillmentOrders: listFulfillmentOrders,
    customers: listCustomers,
  },
};

/** The shop's address: the simulator knows its country only. */
function shopAddress(s: ShopRecord) {
  return {
    __typename: "ShopAddress",
    id: `gid://shopify/ShopAddress/${s.id}`,
    address1: null,
    address2: null,
    city: null,
    company: null,
    country: null,
    countryCode: s.countryCode,
    countryCodeV2: s.countryCode,
    province: null,
    provinceCode: null,
    zip: null,
    phone: null,
    latitude: null,
    longitude: null,
    coordinatesValidated: false,
    formatted: [],
    formattedArea: null,
    firstName: null,
    lastName: null,
    name: null,
  };
}

function byId<T>(map: Map<number, T>, id: number | null): T | null {
  return id == null ? null : (map.get(id) ?? null);
}
