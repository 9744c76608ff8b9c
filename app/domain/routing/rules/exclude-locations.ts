import { z } from "zod";
import { locationKindSchema, locationKindsField, locationKindWords } from "../location-kinds";
import type { FilterRule, FilterVerdict } from "../rule";
import { defineRule } from "../rule-definition";

const excludeLocationsRuleSchema = z
  .object({
    type: z.literal("exclude-locations"),
    kinds: z.array(locationKindSchema).default([]),
    tags: z.array(z.string().min(1)).default([]),
    locationIds: z.array(z.string().min(1)).default([]),
  })
  .refine((rule) => rule.kinds.length + rule.tags.length + rule.locationIds.length > 0, {
    message: "exclude-locations needs at least one kind, tag or location id",
  });
type ExcludeLocationsRuleConfig = z.output<typeof excludeLocationsRuleSchema>;

/** Never ship from locations of these kinds, with these tags, or with these ids. */
function excludeLocationsRule(config: ExcludeLocationsRuleConfig): FilterRule {
  return {
    kind: "filter",
    type: "exclude-locations",
    label: "Excluded locations",
    appliesToPickup: false,
    evaluate(location): FilterVerdict {
      if (config.locationIds.includes(location.id)) return { exclude: "Excluded by the merchant", excludeWhy: { key: "excludedByMerchant" } };
      if (config.kinds.includes(location.kind)) return { exclude: `Excluded kind: ${location.kind}`, excludeWhy: { key: "excludedKind", values: { kinds: location.kind } } };
      const tag = location.tags?.find((t) => config.tags.includes(t));
      if (tag !== undefined) return { exclude: `Excluded tag: ${tag}`, excludeWhy: { key: "excludedTag", values: { tag } } };
      return {};
    },
  };
}

export const excludeLocationsDefinition = defineRule({
  type: "exclude-locations",
  kind: "filter",
  schema: excludeLocationsRuleSchema,
  defaults: { type: "exclude-locations", kinds: ["store"] },
  fields: [locationKindsField("kinds"), { name: "tags", kind: "list" }],
  build: excludeLocationsRule,
  summary(rule, t) {
    const parts = [
      rule.kinds.length ? t("summary.kinds", { kinds: rule.kinds.map((k) => t(`summary.kind.${k}`)).join(", ") }) : "",
      rule.tags.length ? t("summary.tags", { tags: rule.tags.join(", ") }) : "",
      rule.locationIds.length ? t("summary.locations", { count: rule.locationIds.length }) : "",
    ];
    return parts.filter(Boolean).join(" · ");
  },
  messages: {
    en: {
      label: "Exclude locations",
      description: "Never ship from locations of a kind (e.g. stores) or with a tag.",
      fields: { kinds: { label: "Location kinds", options: locationKindWords.en.options }, tags: { label: "Location tags", help: "Comma-separated" } },
      summary: { kinds: "Never from {{kinds}}", tags: "never from locations tagged {{tags}}", locations: "never from {{count}} chosen location(s)", kind: locationKindWords.en.inSentence },
    },
    vi: {
      label: "Loại trừ địa điểm",
      description: "Không bao giờ gửi hàng từ các địa điểm thuộc một loại (ví dụ cửa hàng) hoặc có một thẻ.",
      fields: { kinds: { label: "Loại địa điểm", options: locationKindWords.vi.options }, tags: { label: "Thẻ địa điểm", help: "Cách nhau bằng dấu phẩy" } },
      summary: { kinds: "Không gửi từ {{kinds}}", tags: "không gửi từ địa điểm có thẻ {{tags}}", locations: "không gửi từ {{count}} địa điểm đã chọn", kind: locationKindWords.vi.inSentence },
    },
    "zh-CN": {
      label: "排除地点",
      description: "从不从某类地点（例如门店）或带某个标签的地点发货。",
      fields: { kinds: { label: "地点类型", options: locationKindWords["zh-CN"].options }, tags: { label: "地点标签", help: "用逗号分隔" } },
      summary: { kinds: "不从{{kinds}}发货", tags: "不从带标签 {{tags}} 的地点发货", locations: "不从已选的 {{count}} 个地点发货", kind: locationKindWords["zh-CN"].inSentence },
    },
  },
});
