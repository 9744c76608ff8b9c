// A routing explanation in the staff member's language: the engine records its reasons as data
// (app/domain/routing/types.ts `Why`); this says them with app/locales/<lng>/admin-routing.json,
// rules by their own names, items by product title and SKU (never a variant id), countries by name.
import { adminT } from "~/components/admin-i18n";
import type { PortalLocale } from "~/domain/portal/locale";
import { locationKindWords } from "~/domain/routing/location-kinds";
import { ruleRegistry } from "~/domain/routing/registry";
import type { LocationKind, LocationStatus, Why } from "~/domain/routing/types";

/** What an order's lines are, by the key the engine counts stock by (the SKU, else the variant id). */
export type ItemNames = Readonly<Record<string, { title: string; sku: string | null }>>;

export interface Explainer {
  say(why: Why): string;
  status(status: LocationStatus): string;
  /** A rule by its name ("Fewest shipments"), also for the search's own "fill" objective. */
  ruleName(type: string): string;
  itemName(key: string): string;
  /** An English reason stored before reasons were data, with any variant id named as its item. */
  legacy(text: string): string;
}

export function explainer(lang: PortalLocale, items: ItemNames = {}): Explainer {
  const t = adminT(lang, "admin-routing");
  const countries = new Intl.DisplayNames([lang], { type: "region" });
  const kinds = locationKindWords[lang].inSentence;

  const itemName = (key: string): string => {
    const item = items[key];
    if (item) return item.sku ? t("item", { title: item.title, sku: item.sku }) : item.title;
    // A variant id the order no longer names (older decisions, a deleted product): never shown as an id.
    return key.startsWith("gid://") ? t("unknownItem") : key;
  };
  const ruleName = (type: string): string => {
    if (type === "fill") return t("unfilledUnits");
    return (ruleRegistry.types as readonly string[]).includes(type) ? ruleRegistry.describe(type).messages[lang].label : type;
  };
  const country = (code: string | number | undefined) => (code ? (countries.of(String(code)) ?? String(code)) : t("unknownCountry"));
  const kindWords = (list: string) =>
    list
      .split(",")
      .filter(Boolean)
      .map((k) => kinds[k as LocationKind] ?? k);

  const number = (n: number, digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
  /** A ranking rule's score for a person: km for Closest, shipments, units left unfilled; else the number. */
  const score = (rule: string | undefined, raw: string | number | undefined): string => {
    const n = Number(raw);
    if (raw === undefined || !Number.isFinite(n)) return String(raw ?? "");
    switch (rule) {
      case "closest":
        return t("why.scoreKm", { km: number(n, n < 10 ? 1 : 0) });
      case "fewest-shipments":
        return t("why.scoreShipments", { count: n });
      case "fill":
        return t("why.unfilled", { count: n });
      default:
        return number(n, 2);
    }
  };

  const say = (why: Why): string => {
    if (why.key === "list") return (why.all ?? []).map(say).join(" · ");
    const values: Record<string, string | number> = { ...why.values };
    for (const key of Object.keys(values)) if (key.endsWith("Country")) values[key] = country(values[key]);
    if (typeof values.kinds === "string") values.kinds = kindWords(values.kinds).join(t("or"));
    if (why.items) values.items = why.items.map((i) => t("itemTimes", { item: itemName(i.sku), count: i.quantity })).join(", ");
    if (why.rule) values.rule = ruleName(why.rule);
    if (why.detail) values.detail = say(why.detail);
    let key = why.key;
    if (key === "loses") {
      // The engine records each rule's raw score; say it in that rule's own unit.
      if (why.rule === "location-priority") key = "losesRank";
      values.alone = score(why.rule, why.values?.alone);
      values.chosen = score(why.rule, why.values?.chosen);
    }
    if ((key === "ruleExcluded" || key === "pickupRule") && !why.detail) key = `${key}Plain`;
    if (key === "tagShipsOnlyFrom") {
      const tags = String(why.values?.tags ?? "")
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean);
      values.where = [...kindWords(String(why.values?.kinds ?? "")), ...tags.map((tag) => t("taggedLocations", { tag }))].join(t("or"));
    }
    if (key === "summaryShips" || key === "summaryShipsUnfilled") {
      const locations = Number(values.locations ?? 0);
      values.from = locations ? t("why.fromLocations", { count: locations, names: values.names ?? "" }) : t("why.fromNowhere");
      values.unfilled = t("why.unfilled", { count: Number(values.unfilled ?? 0) });
    }
    return t(`why.${key}`, values);
  };

  const legacy = (text: string) => text.replace(/gid:\/\/shopify\/ProductVariant\/\d+/g, (id) => itemName(id));
  return { say, status: (status) => t(`status.${status}`), ruleName, itemName, legacy };
}
