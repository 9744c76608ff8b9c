import { z } from "zod";
import { locationKindSchema, locationKindsField, locationKindWords } from "../location-kinds";
import type { FilterRule } from "../rule";
import { defineRule } from "../rule-definition";
import type { CandidateLocation, OrderLine, Why } from "../types";

const productTagRoutingRuleSchema = z
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
type ProductTagRoutingRuleConfig = z.output<typeof productTagRoutingRuleSchema>;

/** Product-tag routing, e.g. products tagged "bulky" ship only from warehouses. */
function productTagRoutingRule(config: ProductTagRoutingRuleConfig): FilterRule {
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
      const blocked: Array<{ sku: string; reason: string; why: Why }> = [];
      for (const line of order.lines) {
        const tag = concerns(line);
        if (tag !== undefined && !blocked.some((b) => b.sku === line.sku)) {
          blocked.push({
            sku: line.sku,
            reason: `${line.sku} is ${tag}: ships only from ${where}`,
            why: { key: "tagShipsOnlyFrom", values: { tag, kinds: config.onlyFromKinds.join(","), tags: config.onlyFromLocationTags.join(", ") }, items: [{ sku: line.sku, quantity: line.quantity }] },
          });
        }
      }
      return blocked.length ? { blockedSkus: blocked } : {};
    },
  };
}

export const productTagRoutingDefinition = defineRule({
  type: "product-tag-routing",
  kind: "filter",
  schema: productTagRoutingRuleSchema,
  defaults: { type: "product-tag-routing", productTags: ["bulky"], onlyFromKinds: ["warehouse"] },
  fields: [
    { name: "productTags", kind: "list" },
    { name: "productTypes", kind: "list" },
    locationKindsField("onlyFromKinds"),
    { name: "onlyFromLocationTags", kind: "list" },
  ],
  readsProducts: true,
  build: productTagRoutingRule,
  summary(rule, t) {
    const products = [...rule.productTags, ...rule.productTypes].join(", ");
    const where = [
      ...rule.onlyFromKinds.map((k) => t(`summary.kind.${k}`)),
      ...(rule.onlyFromLocationTags.length ? [t("summary.tagged", { tags: rule.onlyFromLocationTags.join(", ") })] : []),
    ].join(", ");
    return t("summary.route", { products: products || t("summary.noProducts"), where: where || t("summary.anywhere") });
  },
  messages: {
    en: {
      label: "Product-tag routing",
      description: "Products with a tag or type ship only from certain locations (e.g. bulky items from warehouses).",
      fields: {
        productTags: { label: "Product tags", help: "Comma-separated" },
        productTypes: { label: "Product types", help: "Comma-separated" },
        onlyFromKinds: { label: "Only from kinds", options: locationKindWords.en.options },
        onlyFromLocationTags: { label: "Only from location tags", help: "Comma-separated" },
      },
      summary: {
        route: "{{products}} → only from {{where}}",
        tagged: "locations tagged {{tags}}",
        noProducts: "(no tags)",
        anywhere: "(anywhere)",
        kind: locationKindWords.en.inSentence,
      },
    },
    vi: {
      label: "Định tuyến theo thẻ sản phẩm",
      description: "Sản phẩm có một thẻ hoặc loại chỉ được gửi từ một số địa điểm (ví dụ hàng cồng kềnh từ kho hàng).",
      fields: {
        productTags: { label: "Thẻ sản phẩm", help: "Cách nhau bằng dấu phẩy" },
        productTypes: { label: "Loại sản phẩm", help: "Cách nhau bằng dấu phẩy" },
        onlyFromKinds: { label: "Chỉ từ loại địa điểm", options: locationKindWords.vi.options },
        onlyFromLocationTags: { label: "Chỉ từ địa điểm có thẻ", help: "Cách nhau bằng dấu phẩy" },
      },
      summary: {
        route: "{{products}} → chỉ gửi từ {{where}}",
        tagged: "địa điểm có thẻ {{tags}}",
        noProducts: "(không có thẻ)",
        anywhere: "(mọi nơi)",
        kind: locationKindWords.vi.inSentence,
      },
    },
    "zh-CN": {
      label: "按商品标签分配",
      description: "带某个标签或类型的商品只从特定地点发货（例如大件商品从仓库发）。",
      fields: {
        productTags: { label: "商品标签", help: "用逗号分隔" },
        productTypes: { label: "商品类型", help: "用逗号分隔" },
        onlyFromKinds: { label: "仅从这些地点类型", options: locationKindWords["zh-CN"].options },
        onlyFromLocationTags: { label: "仅从带这些标签的地点", help: "用逗号分隔" },
      },
      summary: {
        route: "{{products}} → 仅从{{where}}发货",
        tagged: "带标签 {{tags}} 的地点",
        noProducts: "（无标签）",
        anywhere: "（任何地点）",
        kind: locationKindWords["zh-CN"].inSentence,
      },
    },
  },
});
