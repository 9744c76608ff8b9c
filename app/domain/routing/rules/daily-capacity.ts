import { z } from "zod";
import type { FilterRule } from "../rule";

export const dailyCapacityRuleSchema = z.object({
  type: z.literal("daily-capacity"),
  /** Orders per day per location id (win over the location's own `dailyCapacity`). */
  perLocation: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type DailyCapacityRuleConfig = z.output<typeof dailyCapacityRuleSchema>;

/** Daily capacity: a location that has already taken its orders for the day is excluded. */
export function dailyCapacityRule(config: DailyCapacityRuleConfig): FilterRule {
  return {
    kind: "filter",
    type: "daily-capacity",
    label: "Daily capacity",
    appliesToPickup: true,
    evaluate(location) {
      const capacity = config.perLocation[location.id] ?? location.dailyCapacity;
      if (capacity === undefined) return {};
      const load = location.ordersToday ?? 0;
      if (load >= capacity) return { exclude: `At daily capacity (${load}/${capacity} orders today)` };
      return { note: `${load}/${capacity} orders today` };
    },
  };
}
