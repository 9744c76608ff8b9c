// Locations mirrored from Shopify, plus Crossdock's routing attributes (owned by the merchant).
import { orderStop, PAUSE_NOTE_MAX, type OrderStop } from "~/domain/locations/location";
import { fieldProblem, type FieldProblem } from "~/domain/text/field-problem";
import { typedTextProblem } from "~/domain/text/typed-text";
import type { Location } from "@prisma/client";
import { z } from "zod";
import { prisma } from "../db.server";
import { inTransaction, type Db, type ShopRef } from "./scope.server";

export type { Location,  };

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
 * fields are overwritten; routing attributes (kind, priority, capacity, buffer, tags) and the
 * staff's routing pause are kept.
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

/** Whether a stored location takes orders now (orderStop over Shopify's isActive and the staff's pause). */
export function storedOrderStop(location: Pick<Location, "isActive" | "routingPausedAt">): OrderStop | null {
  return orderStop({ active: location.isActive, paused: location.routingPausedAt !== null });
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
  | { ok: false; reason: "invalid"; problems: Partial<Record<RoutingAttributesField, FieldProblem>> }
  | { ok: false; reason: "not_found" };

/** Updates Crossdock's routing attributes of one of the shop's locations (by Crossdock id). */
export async function updateRoutingAttributes(
  shop: ShopRef,
  id: string,
  attrs: RoutingAttributesInput,
  db: Db = prisma,
): Promise<UpdateRoutingAttributesResult> {
  const parsed = routingAttributesSchema.safeParse(attrs);
  if (!parsed.success) {
    // The first problem of each field, as data the page says in the staff member's language (a tag's
    // problem, at tags.3, is the tags field's).
    const problems: Partial<Record<RoutingAttributesField, FieldProblem>> = {};
    for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? "kind") as RoutingAttributesField] ??= fieldProblem(issue);
    return { ok: false, reason: "invalid", problems };
  }
  return inTransaction(db, async (tx) => {
    const { count } = await tx.location.updateMany({
      where: { id, shopId: shop.id },
      data: parsed.data,
    });
    if (count === 0) return { ok: false, reason: "not_found" } as const;
    const location = await tx.location.findFirstOrThrow({ where: { id, shopId: shop.id } });
    return { ok: true, location } as const;
  });
}

export type PauseRoutingResult =
  | { ok: true; location: Location }
  | { ok: false; reason: "invalid"; problem: FieldProblem }
  | { ok: false; reason: "not_found" };

/**
 * Staff pause routing at one of the shop's locations (Crossdock's own switch; Shopify's location is
 * not changed): until resumed it takes no orders (storedOrderStop). Who and when are kept on the row.
 * Pausing a paused location keeps when and by whom it was first paused, and takes the new note.
 */
export async function pauseLocationRouting(
  shop: ShopRef,
  id: string,
  pause: { note: string; by: string; at?: Date },
  db: Db = prisma,
): Promise<PauseRoutingResult> {
  const note = pause.note.trim();
  const problem = typedTextProblem(note, PAUSE_NOTE_MAX);
  if (problem) return { ok: false, reason: "invalid", problem: problem === "TOO_LONG" ? { code: "tooLong", limit: PAUSE_NOTE_MAX } : { code: "invalid" } };
  return inTransaction(db, async (tx) => {
    const where = { id, shopId: shop.id };
    const { count } = await tx.location.updateMany({ where, data: { routingPausedNote: note || null } });
    if (count === 0) return { ok: false, reason: "not_found" } as const;
    await tx.location.updateMany({ where: { ...where, routingPausedAt: null }, data: { routingPausedAt: pause.at ?? new Date(), routingPausedBy: pause.by } });
    return { ok: true, location: await tx.location.findFirstOrThrow({ where }) } as const;
  });
}

/** Staff resume routing at the location: it takes orders again (when active in Shopify). */
export async function resumeLocationRouting(shop: ShopRef, id: string, db: Db = prisma): Promise<Location | null> {
  return inTransaction(db, async (tx) => {
    const where = { id, shopId: shop.id };
    const { count } = await tx.location.updateMany({ where, data: { routingPausedAt: null, routingPausedBy: null, routingPausedNote: null } });
    return count === 0 ? null : tx.location.findFirstOrThrow({ where });
  });
}

/** Deletes the location (and its inventory levels). Returns false when the shop has no such location. */
export async function deleteLocation(shop: ShopRef, shopifyId: string, db: Db = prisma): Promise<boolean> {
  const { count } = await db.location.deleteMany({ where: { shopId: shop.id, shopifyId } });
  return count > 0;
}
