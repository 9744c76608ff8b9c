import { z } from "zod";
import type { RuleField, RuleLocale } from "./rule-definition";
import type { LocationKind } from "./types";

/** The kinds of location the domain knows (a location's page sets it). */
export const locationKindSchema = z.enum(["warehouse", "store"] satisfies LocationKind[]);

/** A rule field choosing any of the location kinds (checkboxes). */
export function locationKindsField(name: string): RuleField {
  return { name, kind: "choices", options: locationKindSchema.options };
}

/** The kinds as checkbox labels and, lower case, in a sentence ("only from warehouses"). */
export const locationKindWords: Readonly<Record<RuleLocale, { options: Record<LocationKind, string>; inSentence: Record<LocationKind, string> }>> = {
  en: { options: { warehouse: "Warehouses", store: "Stores" }, inSentence: { warehouse: "warehouses", store: "stores" } },
  vi: { options: { warehouse: "Kho hàng", store: "Cửa hàng" }, inSentence: { warehouse: "kho hàng", store: "cửa hàng" } },
  "zh-CN": { options: { warehouse: "仓库", store: "门店" }, inSentence: { warehouse: "仓库", store: "门店" } },
};
