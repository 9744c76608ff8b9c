import { z } from "zod";
import type { FilterRule } from "../rule";

export const locationKindSchema = z.enum(["warehouse", "store"]);

export const excludeLocationsRuleSchema = z
  .object({
    type: z.literal("exclude-locations"),
    kinds: z.array(locationKindSchema).default([]),
    tags: z.array(z.string().min(1)).default([]),
    locationIds: z.array(z.string().min(1)).default([]),
  })
  .refine((rule) => rule.kinds.length + rule.tags.length + rule.locationIds.length > 0, {
    message: "exclude-locations needs at least one kind, tag or location id",
  });
export type ExcludeLocationsRuleConfig = z.output<typeof excludeLocationsRuleSchema>;

/** Never ship from locations of these kinds, with these tags, or with these ids. */
export function excludeLocationsRule(config: ExcludeLocationsRuleConfig): FilterRule {
  return {
    kind: "filter",
    type: "exclude-locations",
    label: "Excluded locations",
    appliesToPickup: false,
    evaluate(location) {
      if (config.locationIds.includes(location.id)) return { exclude: "Excluded by the merchant" };
      if (config.kinds.includes(location.kind)) return { exclude: `Excluded kind: ${location.kind}` };
      const tag = location.tags?.find((t) => config.tags.includes(t));
      if (tag !== undefined) return { exclude: `Excluded tag: ${tag}` };
      return {};
    },
  };
}
