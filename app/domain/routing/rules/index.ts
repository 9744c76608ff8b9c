import { closestDefinition } from "./closest";
import { costOptimalDefinition } from "./cost-optimal";
import { dailyCapacityDefinition } from "./daily-capacity";
import { excludeLocationsDefinition } from "./exclude-locations";
import { fewestShipmentsDefinition } from "./fewest-shipments";
import { locationPriorityDefinition } from "./location-priority";
import { productTagRoutingDefinition } from "./product-tag-routing";
import { stayInMarketDefinition } from "./stay-in-market";
import { stockBufferDefinition } from "./stock-buffer";

/**
 * Every routing rule, in the order the admin offers them (filters, then rankings). This list is
 * the only place that names them: config validation, the catalog, the editor, form parsing,
 * summaries and the engine are generated from it (../registry.ts).
 */
export const routingRules = [
  stockBufferDefinition,
  dailyCapacityDefinition,
  excludeLocationsDefinition,
  productTagRoutingDefinition,
  stayInMarketDefinition,
  locationPriorityDefinition,
  fewestShipmentsDefinition,
  closestDefinition,
  costOptimalDefinition,
] as const;
