import { z } from "zod";
import type { FilterRule } from "../rule";
import { defineRule } from "../rule-definition";

const dailyCapacityRuleSchema = z.object({
  type: z.literal("daily-capacity"),
  /** Orders per day per location id (win over the location's own `dailyCapacity`). */
  perLocation: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
type DailyCapacityRuleConfig = z.output<typeof dailyCapacityRuleSchema>;

/** Daily capacity: a location that has already taken its orders for the day is excluded. */
function dailyCapacityRule(config: DailyCapacityRuleConfig): FilterRule {
  return {
    kind: "filter",
    type: "daily-capacity",
    label: "Daily capacity",
    appliesToPickup: true,
    evaluate(location) {
      const capacity = config.perLocation[location.id] ?? location.dailyCapacity;
      if (capacity === undefined) return {};
      const load = location.ordersToday ?? 0;
      if (load >= capacity) return { exclude: `At daily capacity (${load}/${capacity} orders today)`, excludeWhy: { key: "atCapacity", values: { load, capacity } } };
      return { note: `${load}/${capacity} orders today`, noteWhy: { key: "capacityLoad", values: { load, capacity } } };
    },
  };
}

export const dailyCapacityDefinition = defineRule({
  type: "daily-capacity",
  kind: "filter",
  schema: dailyCapacityRuleSchema,
  defaults: { type: "daily-capacity" },
  fields: [],
  build: dailyCapacityRule,
  messages: {
    en: { label: "Daily capacity", description: "A location that has packed its daily number of orders takes no more today.", fields: {}, summary: {} },
    vi: { label: "Công suất mỗi ngày", description: "Địa điểm đã đóng gói đủ số đơn hàng trong ngày sẽ không nhận thêm đơn hôm nay.", fields: {}, summary: {} },
    "zh-CN": { label: "每日处理量", description: "当天已打包到每日订单上限的地点，今天不再接单。", fields: {}, summary: {} },
  },
});
