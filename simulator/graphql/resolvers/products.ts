import { gid, externalId } from "../../store/ids";
import { quantityOf } from "../../store/inventory";
import type { ProductRecord, VariantRecord } from "../../store/records";
import type { GraphqlContext, ResolverMap } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { count, money } from "./common";

function variantsOf(ctx: GraphqlContext, p: ProductRecord): VariantRecord[] {
  return p.variantIds.map((id) => ctx.shop.variants.get(id)).filter((v): v is VariantRecord => v != null);
}

function availableOf(ctx: GraphqlContext, v: VariantRecord): number {
  let total = 0;
  for (const level of ctx.shop.levels.values()) {
    if (level.inventoryItemId === v.inventoryItemId) total += quantityOf(ctx.shop, level, "available");
  }
  return total;
}

export const productResolvers: ResolverMap = {
  Product: {
    id: (p: ProductRecord) => gid("Product", p.id),
    legacyResourceId: (p: ProductRecord) => externalId(p.id),
    variants: (p: ProductRecord, args: ConnectionArgs & { reverse?: boolean }, ctx: GraphqlContext) => {
      const variants = variantsOf(ctx, p);
      return connection(args.reverse ? variants.reverse() : variants, args, (v) => v.id);
    },
    variantsCount: (p: ProductRecord) => count(p.variantIds.length),
    totalVariants: (p: ProductRecord) => p.variantIds.length,
    totalInventory: (p: ProductRecord, _a: unknown, ctx: GraphqlContext) =>
      variantsOf(ctx, p).reduce((sum, v) => sum + availableOf(ctx, v), 0),
    tracksInventory: () => true,
    hasOnlyDefaultVariant: (p: ProductRecord) => p.variantIds.length === 1 && p.options.length <= 1,
    hasOutOfStockVariants: (p: ProductRecord, _a: unknown, ctx: GraphqlContext) => variantsOf(ctx, p).some((v) => availableOf(ctx, v) <= 0),
    options: (p: ProductRecord, args: { first?: number | null }) =>
      p.options.slice(0, args.first ?? undefined).map((o, index) => ({
        __typename: "ProductOption",
        id: gid("ProductOption", p.id * 10 + index),
        name: o.name,
        position: index + 1,
        values: o.values,
      })),
    featuredImage: () => null,
    featuredMedia: () => null,
    description: (p: ProductRecord) => p.descriptionHtml.replace(/<[^>]+>/g, ""),
    onlineStoreUrl: () => null,
    publishedAt: (p: ProductRecord) => (p.status === "ACTIVE" ? p.createdAt : null),
  },
  ProductVariant: {
    id: (v: VariantRecord) => gid("ProductVariant", v.id),
    legacyResourceId: (v: VariantRecord) => externalId(v.id),
    product: (v: VariantRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.products.get(v.productId),
    inventoryItem: (v: VariantRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.inventoryItems.get(v.inventoryItemId),
    displayName: (v: VariantRecord, _a: unknown, ctx: GraphqlContext) => {
      const title = ctx.shop.products.get(v.productId)?.title ?? "";
      return v.title === "Default Title" ? title : `${title} - ${v.title}`;
    },
    price: (v: VariantRecord) => money(v.price, "USD").amount,
    compareAtPrice: () => null,
    inventoryQuantity: (v: VariantRecord, _a: unknown, ctx: GraphqlContext) => availableOf(ctx, v),
    sellableOnlineQuantity: (v: VariantRecord, _a: unknown, ctx: GraphqlContext) => Math.max(0, availableOf(ctx, v)),
    availableForSale: (v: VariantRecord, _a: unknown, ctx: GraphqlContext) =>
      ctx.shop.products.get(v.productId)?.status === "ACTIVE" && availableOf(ctx, v) > 0,
    inventoryPolicy: () => "DENY",
    taxable: () => true,
    image: () => null,
    selectedOptions: (v: VariantRecord) => v.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
  },
};
