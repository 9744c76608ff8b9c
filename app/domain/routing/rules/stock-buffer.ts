import { z } from "zod";
import type { FilterRule } from "../rule";
import { stockBufferOf, type StockBufferPolicy } from "../../locations/stock-buffer";
import type { RoutingConfigInput } from "../config";
import { defineRule } from "../rule-definition";

const stockBufferRuleSchema = z.object({
  type: z.literal("stock-buffer"),
  /** Units per sku kept back at every location without its own setting (0: the shop's default). */
  units: z.number().int().nonnegative().default(0),
  /** Overrides per location id (win over the location's own `stockBuffer`). */
  perLocation: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
type StockBufferRuleConfig = z.output<typeof stockBufferRuleSchema>;

/**
 * The buffers the shop's routing applies, for everything that must show or use the same numbers
 * (the storefront, the simulator's other strategies, the Inventory page): the stock-buffer rules of
 * the enabled rule list, and the shop's default.
 */
export function stockBufferPolicyOf(config: RoutingConfigInput, shopDefault: number): StockBufferPolicy {
  const rules = config.rules.flatMap((rule) => (rule.type === "stock-buffer" ? [stockBufferRuleSchema.parse(rule)] : []));
  return { shop: shopDefault, rules: rules.map(({ units, perLocation }) => ({ units, perLocation })) };
}

/** Stock buffer: each location keeps N units of every sku back (for walk-in customers, damage…). */
export function stockBufferRule(config: StockBufferRuleConfig): FilterRule {
  return {
    kind: "filter",
    type: "stock-buffer",
    label: "Stock buffer",
    appliesToPickup: true,
    evaluate(location, input) {
      const keepBack = stockBufferOf(location, { shop: input.defaultStockBuffer ?? 0, rules: [config] });
      if (keepBack <= 0) return {};
      return { keepBack, note: `Keeps ${keepBack} unit${keepBack === 1 ? "" : "s"} of each item back`, noteWhy: { key: "keepsBack", values: { count: keepBack } } };
    },
  };
}

export const stockBufferDefinition = defineRule({
  type: "stock-buffer",
  kind: "filter",
  schema: stockBufferRuleSchema,
  defaults: { type: "stock-buffer", units: 0 },
  fields: [{ name: "units", kind: "number" }],
  build: stockBufferRule,
  summary: (rule, t) => (rule.units ? t("summary.units", { units: rule.units }) : t("summary.own")),
  messages: {
    en: {
      label: "Stock buffer",
      description: "Keep units back at each location (its own buffer, or the shop's) so the last ones stay on the shelf.",
      fields: { units: { label: "Units kept back" } },
      summary: { units: "{{units}} unit(s) kept back where a location has no buffer of its own", own: "Each location's own buffer (or the shop's)" },
    },
    vi: {
      label: "Tồn kho dự phòng",
      description: "Giữ lại một số đơn vị ở mỗi địa điểm (mức dự phòng riêng của địa điểm, hoặc của cửa hàng) để những đơn vị cuối cùng vẫn ở trên kệ.",
      fields: { units: { label: "Số đơn vị giữ lại" } },
      summary: { units: "Giữ lại {{units}} đơn vị ở những địa điểm không có mức dự phòng riêng", own: "Mức dự phòng riêng của từng địa điểm (hoặc của cửa hàng)" },
    },
    "zh-CN": {
      label: "库存缓冲",
      description: "在每个地点保留一定数量（地点自己的缓冲量，或店铺的），让最后几件留在货架上。",
      fields: { units: { label: "保留件数" } },
      summary: { units: "没有自身缓冲量的地点保留 {{units}} 件", own: "使用每个地点自己的缓冲量（或店铺的）" },
    },
  },
});
