import type { Rule } from "../rule";
import type { RuleConfig } from "../config";
import { closestRule } from "./closest";
import { costOptimalRule } from "./cost-optimal";
import { dailyCapacityRule } from "./daily-capacity";
import { excludeLocationsRule } from "./exclude-locations";
import { fewestShipmentsRule } from "./fewest-shipments";
import { locationPriorityRule } from "./location-priority";
import { productTagRoutingRule } from "./product-tag-routing";
import { stayInMarketRule } from "./stay-in-market";
import { stockBufferRule } from "./stock-buffer";

/** Turns one validated rule configuration into the rule it describes. */
export function buildRule(config: RuleConfig): Rule {
  switch (config.type) {
    case "location-priority":
      return locationPriorityRule(config);
    case "closest":
      return closestRule(config);
    case "fewest-shipments":
      return fewestShipmentsRule(config);
    case "cost-optimal":
      return costOptimalRule(config);
    case "stay-in-market":
      return stayInMarketRule(config);
    case "stock-buffer":
      return stockBufferRule(config);
    case "exclude-locations":
      return excludeLocationsRule(config);
    case "product-tag-routing":
      return productTagRoutingRule(config);
    case "daily-capacity":
      return dailyCapacityRule(config);
  }
}

export {
  closestRule,
  costOptimalRule,
  dailyCapacityRule,
  excludeLocationsRule,
  fewestShipmentsRule,
  locationPriorityRule,
  productTagRoutingRule,
  stayInMarketRule,
  stockBufferRule,
};
