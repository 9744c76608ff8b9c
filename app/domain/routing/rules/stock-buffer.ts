import { z } from "zod";
import type { FilterRule } from "../rule";

export const stockBufferRuleSchema = z.object({
  type: z.literal("stock-buffer"),
  /** Units per sku kept back at every location without its own setting. */
  units: z.number().int().nonnegative().default(0),
  /** Overrides per location id (win over the location's own `stockBuffer`). */
  perLocation: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type StockBufferRuleConfig = z.output<typeof stockBufferRuleSchema>;

/** Stock buffer: each location keeps N units of every sku back (for walk-in customers, damage…). */
export function stockBufferRule(config: StockBufferRuleConfig): FilterRule {
  return {
    kind: "filter",
    type: "stock-buffer",
    label: "Stock buffer",
    appliesToPickup: true,
    evaluate(location) {
      const keepBack = config.perLocation[location.id] ?? location.stockBuffer ?? config.units;
      if (keepBack <= 0) return {};
      return { keepBack, note: `Keeps ${keepBack} unit${keepBack === 1 ? "" : "s"} of each item back` };
    },
  };
}
