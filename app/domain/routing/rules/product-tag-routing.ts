import { z } from "zod";
import type { FilterRule } from "../rule";
import type { CandidateLocation, OrderLine } from "../types";
import { locationKindSchema } from "./exclude-locations";

export const productTagRoutingRuleSchema = z
  .object({
    type: z.literal("product-tag-routing"),
    /** Lines whose product has any of these tags (or types) are concerned. */
    productTags: z.array(z.string().min(1)).default([]),
    productTypes: z.array(z.string().min(1)).default([]),
    /** …and may only ship from locations of these kinds or with these tags. */
    onlyFromKinds: z.array(locationKindSchema).default([]),
    onlyFromLocationTags: z.array(z.string().min(1)).default([]),
  })
  .refine((rule) => rule.productTags.length + rule.productTypes.length > 0, {
    message: "product-tag-routing needs at least one product tag or type",
  })
  .refine((rule) => rule.onlyFromKinds.length + rule.onlyFromLocationTags.length > 0, {
    message: "product-tag-routing needs at least one allowed location kind or tag",
  });
export type ProductTagRoutingRuleConfig = z.output<typeof productTagRoutingRuleSchema>;

/** Product-tag routing, e.g. products tagged "bulky" ship only from warehouses. */
export function productTagRoutingRule(config: ProductTagRoutingRuleConfig): FilterRule {
  const concerns = (line: OrderLine): string | undefined =>
    line.productTags?.find((t) => config.productTags.includes(t)) ??
    (line.productType !== undefined && config.productTypes.includes(line.productType) ? line.productType : undefined);
  const allowed = (location: CandidateLocation) =>
    config.onlyFromKinds.includes(location.kind) || (location.tags ?? []).some((t) => config.onlyFromLocationTags.includes(t));
  const where = [...config.onlyFromKinds.map((k) => `${k}s`), ...config.onlyFromLocationTags.map((t) => `locations tagged ${t}`)].join(" or ");
  return {
    kind: "filter",
    type: "product-tag-routing",
    label: "Product-tag routing",
    appliesToPickup: false,
    evaluate(location, order) {
      if (allowed(location)) return {};
      const blocked: Array<{ sku: string; reason: string }> = [];
      for (const line of order.lines) {
        const tag = concerns(line);
        if (tag !== undefined && !blocked.some((b) => b.sku === line.sku)) {
          blocked.push({ sku: line.sku, reason: `${line.sku} is ${tag}: ships only from ${where}` });
        }
      }
      return blocked.length ? { blockedSkus: blocked } : {};
    },
  };
}
