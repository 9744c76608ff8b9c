// Locations mirrored from Shopify, plus Crossdock's routing attributes (owned by the merchant).
import { typedTextProblem } from "~/domain/text/typed-text";
import type { Location, LocationKind } from "@prisma/client";
import { z } from "zod";
import { prisma } from "../db.server";
import {
  inTransaction,
  validate,
  type Db,
  type ShopRef,
  type ValidationErrors,
} from "./scope.server";

export type { Location, LocationKind };

/** A location as read from Shopify (Admin API or locations/* webhooks), already mapped. */
export interface ShopifyLocationInput {
  /** gid://shopify/Location/123 */
  shopifyId: string;
  /** "123" */
  legacyResourceId: string;
  name: string;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  phone?: string | null;
  countryCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  pickupEnabled?: boolean;
  /** DeliveryLocalPickupTime, e.g. "TWO_HOURS" */
  pickupTime?: string | null;
  pickupInstructions?: string | null;
}

function shopifyFields(input: ShopifyLocationInput, syncedAt: Date) {
  return {
    legacyResourceId: input.legacyResourceId,
    name: input.name,
    address1: input.address1 ?? null,
    address2: input.address2 ?? null,
    city: input.city ?? null,
    province: input.province ?? null,
    provinceCode: input.provinceCode ?? null,
    zip: input.zip ?? null,
    phone: input.phone ?? null,
    countryCode: input.countryCode ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    isActive: input.isActive,
    fulfillsOnlineOrders: input.fulfillsOnlineOrders,
    pickupEnabled: input.pickupEnabled ?? false,
    pickupTime: input.pickupTime ?? null,
    pickupInstructions: input.pickupInstructions ?? null,
    syncedAt,
  };
}

/**
 * Inserts or refreshes the given locations (matched by Shopify GID within the shop). Shopify's
 * fields are overwritten; routing attributes (kind, priority, capacity, buffer, tags) are kept.
 * Locations missing from the list are left alone (see deleteLocation).
 */
export async function upsertLocationsFromShopify(
  shop: ShopRef,
  locations: readonly ShopifyLocationInput[],
  options: { syncedAt?: Date } = {},
  db: Db = prisma,
): Promise<{ created: number; updated: number }> {
  const syncedAt = options.syncedAt ?? new Date();
  if (locations.length === 0) return { created: 0, updated: 0 };
  return inTransaction(db, async (tx) => {
    const existing = await tx.location.findMany({
      where: { shopId: shop.id, shopifyId: { in: locations.map((l) => l.shopifyId) } },
      select: { shopifyId: true },
    });
    const known = new Set(existing.map((l) => l.shopifyId));
    let created = 0;
    for (const input of locations) {
      const fields = shopifyFields(input, syncedAt);
      await tx.location.upsert({
        where: { shopId_shopifyId: { shopId: shop.id, shopifyId: input.shopifyId } },
        create: { shopId: shop.id, shopifyId: input.shopifyId, ...fields },
        update: fields,
      });
      if (!known.has(input.shopifyId)) {
        created++;
        known.add(input.shopifyId);
      }
    }
    return { created, updated: locations.length - created };
  });
}

/** The shop's locations, preferred (lowest priority number) first. */
export async function listLocations(
  shop: ShopRef,
  options: { activeOnly?: boolean } = {},
  db: Db = prisma,
): Promise<Location[]> {
  return db.location.findMany({
    where: { shopId: shop.id, ...(options.activeOnly && { isActive: true }) },
    orderBy: [{ priority: "asc" }, { name: "asc" }, { id: "asc" }],
  });
}

export async function getLocation(shop: ShopRef, id: string, db: Db = prisma): Promise<Location | null> {
  return db.location.findFirst({ where: { id, shopId: shop.id } });
}

export const routingAttributesSchema = z
  .object({
    kind: z.enum(["WAREHOUSE", "STORE"]),
    priority: z.number().int("Must be a whole number").min(0).max(10_000),
    dailyCapacity: z.number().int("Must be a whole number").min(0).max(1_000_000).nullable(),
    stockBuffer: z.number().int("Must be a whole number").min(0).max(100_000).nullable(),
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1, "Tags cannot be empty")
          .max(40, "At most 40 characters")
          .refine((tag) => typedTextProblem(tag, 40) === null, "Tags cannot contain control characters"),
      )
      .max(50, "At most 50 tags")
      .transform((tags) => [...new Set(tags)]),
  })
  .partial()
  .strict();

export type RoutingAttributesInput = z.input<typeof routingAttributesSchema>;
export type RoutingAttributesField = keyof RoutingAttributesInput;

export type UpdateRoutingAttributesResult =
  | { ok: true; location: Location }
  | { ok: false; reason: "invalid"; errors: ValidationErrors<RoutingAttributesField> }
  | { ok: false; reason: "not_found" };

/** Updates Crossdock's routing attributes of one of the shop's locations (by Crossdock id). */
export async function updateRoutingAttributes(
  shop: ShopRef,
  id: string,
  attrs: RoutingAttributesInput,
  db: Db = prisma,
): Promise<UpdateRoutingAttributesResult> {
  const parsed = validate(routingAttributesSchema, attrs);
  if (!parsed.ok) {
    return {
      ok: false,
      reason: "invalid",
      errors: parsed.errors as ValidationErrors<RoutingAttributesField>,
    };
  }
  return inTransaction(db, async (tx) => {
    const { count } = await tx.location.updateMany({
      where: { id, shopId: shop.id },
      data: parsed.value,
    });
    if (count === 0) return { ok: false, reason: "not_found" } as const;
    const location = await tx.location.findFirstOrThrow({ where: { id, shopId: shop.id } });
    return { ok: true, location } as const;
  });
}

/** Deletes the location (and its inventory levels). Returns false when the shop has no such location. */
export async function deleteLocation(shop: ShopRef, shopifyId: string, db: Db = prisma): Promise<boolean> {
  const { count } = await db.location.deleteMany({ where: { shopId: shop.id, shopifyId } });
  return count > 0;
}
