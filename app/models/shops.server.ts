// Shops and their settings.
import type { Shop, ShopSettings } from "@prisma/client";
import { z } from "zod";
import { SHIPMENT_EMAIL_STATUSES } from "~/domain/shipments/notices";
import { hotQuery, prisma } from "../db.server";
import { validate, type Db, type ShopRef, type ValidationErrors } from "./scope.server";

export type { Shop, ShopSettings };

export interface ShopInstallInput {
  /** The *.myshopify.com domain (session.shop). */
  domain: string;
  name: string;
  email?: string | null;
  currency?: string;
  timezone?: string;
  country?: string | null;
  plan?: string | null;
  installedAt?: Date;
}

/**
 * Creates the shop (with default settings) or, on re-install, refreshes its details, sets
 * installedAt and clears uninstalledAt. Settings survive a re-install.
 */
export async function upsertShopOnInstall(input: ShopInstallInput, db: Db = prisma): Promise<Shop> {
  // Shopify authenticates a shop again after the install (a new session, a token exchange): that is
  // not an install. The install time moves only on a first install or after an uninstall, so
  // "orders placed since the install" keeps meaning that.
  const existing = input.installedAt ? null : await db.shop.findUnique({ where: { domain: input.domain }, select: { installedAt: true, uninstalledAt: true } });
  const installedAt = input.installedAt ?? (existing && !existing.uninstalledAt ? existing.installedAt : new Date());
  const details = {
    name: input.name,
    email: input.email ?? null,
    ...(input.currency !== undefined && { currency: input.currency }),
    ...(input.timezone !== undefined && { timezone: input.timezone }),
    country: input.country ?? null,
    plan: input.plan ?? null,
  };
  return db.shop.upsert({
    where: { domain: input.domain },
    create: { domain: input.domain, ...details, installedAt, settings: { create: {} } },
    update: {
      ...details,
      installedAt,
      uninstalledAt: null,
      settings: { upsert: { create: {}, update: {} } },
    },
  });
}

export async function getShop(domain: string, db: Db = prisma): Promise<Shop | null> {
  return db.shop.findUnique({ where: { domain } });
}

/** The domains of the shops installed now (the carrier accounts the deployment shares name no shop; their references do). */
export async function installedShopDomains(db: Db = prisma): Promise<string[]> {
  return (await db.shop.findMany({ where: { uninstalledAt: null }, select: { domain: true }, orderBy: { domain: "asc" } })).map((s) => s.domain);
}

/** The shop's IANA time zone as Shopify reports it ("UTC" until it is known). */
export async function getShopTimeZone(shop: ShopRef, db: Db = prisma): Promise<string> {
  const found = await db.shop.findUnique({ where: { id: shop.id }, select: { timezone: true } });
  return found?.timezone ?? "UTC";
}

/**
 * The id of the shop with this domain (installed now or once, as `getShop`), in one plain
 * statement: for the worker's per-delivery path, where Prisma's query compilation of `getShop`
 * was a fifth of the worker's CPU time (bench:webhooks profile).
 */
export async function getShopRef(domain: string, db?: Db): Promise<ShopRef | null> {
  const [row] = await hotQuery<{ id: string }>(db, "SELECT id FROM shop WHERE domain = $1", [domain]);
  return row ? { id: row.id } : null;
}

/** Returns false when the shop is unknown. Rows are kept (redaction is a separate job). */
export async function markUninstalled(
  domain: string,
  at: Date = new Date(),
  db: Db = prisma,
): Promise<boolean> {
  const { count } = await db.shop.updateMany({ where: { domain }, data: { uninstalledAt: at } });
  return count === 1;
}

/** The shop's settings (created with defaults if missing). */
export async function getShopSettings(shop: ShopRef, db: Db = prisma): Promise<ShopSettings> {
  return db.shopSettings.upsert({ where: { shopId: shop.id }, create: { shopId: shop.id }, update: {} });
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullable()
    .transform((v) => (v === "" ? null : v));

const count = (max: number) =>
  z.number().int("Must be a whole number").min(0, "Must be 0 or more").max(max, `Must be at most ${max}`);

export const shopSettingsInputSchema = z
  .object({
    autoRouting: z.boolean(),
    stockBuffer: count(100_000),
    lowStockThreshold: count(100_000),
    showExactCounts: z.boolean(),
    portalBrandName: optionalText(80),
    portalLogoUrl: optionalText(2048).refine(
      (v) => v === null || /^https:\/\/[^\s]+$/.test(v),
      "Must be an https:// URL",
    ),
    portalBrandColor: optionalText(7).refine(
      (v) => v === null || /^#[0-9a-fA-F]{6}$/.test(v),
      "Must be a colour like #1a2b3c",
    ),
    defaultLocale: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "Must be a locale like en or pt-BR"),
    returnWindowDays: count(365),
    holdUnpaid: z.enum(["OFF", "PENDING", "PENDING_OR_AUTHORIZED"]),
    holdHighRisk: z.boolean(),
    /** app/domain/shipments/notices.ts SHIPMENT_EMAIL_STATUSES; none: no shipment emails to shoppers. */
    shipmentEmailStatuses: z.array(z.enum(SHIPMENT_EMAIL_STATUSES)).transform((list) => SHIPMENT_EMAIL_STATUSES.filter((s) => list.includes(s))),
  })
  .partial()
  .strict();

export type ShopSettingsInput = z.input<typeof shopSettingsInputSchema>;
export type ShopSettingsField = keyof ShopSettingsInput;

export type UpdateShopSettingsResult =
  | { ok: true; settings: ShopSettings }
  | { ok: false; errors: ValidationErrors<ShopSettingsField> };

/**
 * Validates a partial settings update (unknown keys are rejected) and applies it. Invalid input
 * returns `{ok: false, errors}` keyed by field (a route answers 422 with it); nothing is written.
 */
export async function updateShopSettings(
  shop: ShopRef,
  input: ShopSettingsInput,
  db: Db = prisma,
): Promise<UpdateShopSettingsResult> {
  const parsed = validate(shopSettingsInputSchema, input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors as ValidationErrors<ShopSettingsField> };
  // Switching auto-routing on or off is dated: orders placed before the switch are never routed by
  // reconciliation or a late webhook (routingCutoff).
  const before = parsed.value.autoRouting === undefined ? null : await db.shopSettings.findUnique({ where: { shopId: shop.id }, select: { autoRouting: true } });
  const switched = parsed.value.autoRouting !== undefined && (before?.autoRouting ?? true) !== parsed.value.autoRouting;
  const data = switched ? { ...parsed.value, autoRoutingChangedAt: new Date() } : parsed.value;
  const settings = await db.shopSettings.upsert({
    where: { shopId: shop.id },
    create: { shopId: shop.id, ...data },
    update: data,
  });
  return { ok: true, settings };
}

/**
 * Deletes the shop and, by cascade, everything keyed by its id (settings, locations, inventory,
 * orders, data exports). shop/redact only. Returns false when the shop is unknown.
 */
export async function deleteShopByDomain(domain: string, db: Db = prisma): Promise<boolean> {
  const { count } = await db.shop.deleteMany({ where: { domain } });
  return count > 0;
}
