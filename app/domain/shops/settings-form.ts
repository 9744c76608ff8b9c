/**
 * The Settings page's form, checked field by field: every shop setting the page edits, with each
 * problem as a message key of the `settings` namespace (errors.*) and its values, so the page says
 * it in the staff member's language. Pure: nothing is written until every field is valid.
 */
import { PORTAL_LOCALES, type PortalLocale } from "../portal/locale";
import { parseShipmentEmailStatuses, type ShipmentEmailStatus } from "../shipments/notices";

export interface ShopSettingsFormValue {
  portalBrandName: string | null;
  portalLogoUrl: string | null;
  portalBrandColor: string | null;
  defaultLocale: PortalLocale;
  showExactCounts: boolean;
  lowStockThreshold: number;
  stockBuffer: number;
  /** The carrier events Crossdock emails shoppers about (app/domain/shipments/notices.ts). */
  shipmentEmailStatuses: ShipmentEmailStatus[];
}

export type ShopSettingsFormField = keyof ShopSettingsFormValue;

export interface FieldProblem {
  key: "required" | "wholeNumber" | "atLeast" | "atMost" | "tooLong" | "plainText" | "httpsUrl" | "color" | "language" | "shipmentStatus";
  values?: Record<string, number>;
}

export type ShopSettingsFormResult =
  | { ok: true; value: ShopSettingsFormValue }
  | { ok: false; errors: Partial<Record<ShopSettingsFormField, FieldProblem>> };

/** The fields a form sends (a checkbox only when ticked); `shipmentEmailStatuses` is one comma-separated list. */
export const SHOP_SETTINGS_FORM_FIELDS = ["portalBrandName", "portalLogoUrl", "portalBrandColor", "defaultLocale", "showExactCounts", "lowStockThreshold", "stockBuffer", "shipmentEmailStatuses"] as const;

export const SETTINGS_LIMITS = { brandName: 80, logoUrl: 2048, units: 100_000 } as const;

function text(raw: string | undefined, max: number): { value: string | null } | FieldProblem {
  const value = (raw ?? "").trim();
  if (value.length > max) return { key: "tooLong", values: { max } };
  // Control characters (a NUL PostgreSQL refuses, a line break in a name) are never meant.
  if (/\p{Cc}/u.test(value)) return { key: "plainText" };
  return { value: value === "" ? null : value };
}

function units(raw: string | undefined): { value: number } | FieldProblem {
  const value = (raw ?? "").trim();
  if (value === "") return { key: "required" };
  if (!/^[+-]?\d+$/.test(value)) return { key: "wholeNumber" };
  const n = Number(value);
  if (n < 0) return { key: "atLeast", values: { min: 0 } };
  if (n > SETTINGS_LIMITS.units) return { key: "atMost", values: { max: SETTINGS_LIMITS.units } };
  return { value: n };
}

const isProblem = (r: object): r is FieldProblem => "key" in r;

export function parseShopSettingsForm(fields: Readonly<Record<string, string | undefined>>): ShopSettingsFormResult {
  const errors: Partial<Record<ShopSettingsFormField, FieldProblem>> = {};
  const value: Partial<ShopSettingsFormValue> = {};

  const name = text(fields.portalBrandName, SETTINGS_LIMITS.brandName);
  if (isProblem(name)) errors.portalBrandName = name;
  else value.portalBrandName = name.value;

  const logo = text(fields.portalLogoUrl, SETTINGS_LIMITS.logoUrl);
  if (isProblem(logo)) errors.portalLogoUrl = logo;
  else if (logo.value !== null && !isHttpsUrl(logo.value)) errors.portalLogoUrl = { key: "httpsUrl" };
  else value.portalLogoUrl = logo.value;

  const color = text(fields.portalBrandColor, 7);
  if (isProblem(color)) errors.portalBrandColor = { key: "color" };
  else if (color.value !== null && !/^#[0-9a-fA-F]{6}$/.test(color.value)) errors.portalBrandColor = { key: "color" };
  else value.portalBrandColor = color.value?.toLowerCase() ?? null;

  const locale = PORTAL_LOCALES.find((l) => l === fields.defaultLocale);
  if (!locale) errors.defaultLocale = { key: "language" };
  else value.defaultLocale = locale;

  value.showExactCounts = fields.showExactCounts === "on" || fields.showExactCounts === "true";

  for (const field of ["lowStockThreshold", "stockBuffer"] as const) {
    const parsed = units(fields[field]);
    if (isProblem(parsed)) errors[field] = parsed;
    else value[field] = parsed.value;
  }

  const shipments = parseShipmentEmailStatuses(fields.shipmentEmailStatuses ?? "");
  if (!shipments) errors.shipmentEmailStatuses = { key: "shipmentStatus" };
  else value.shipmentEmailStatuses = shipments;

  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: value as ShopSettingsFormValue };
}

function isHttpsUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
}
