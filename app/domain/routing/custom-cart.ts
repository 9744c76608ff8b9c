/**
 * The routing simulator's "custom cart": items and an address typed by staff, turned into the same
 * `RoutableOrder` a live order becomes (see order-input.ts), so the engine, the plan and its
 * explanation are exactly those of a real order.
 *
 * Pure: the caller reads the variants (titles, tags), the shop's locations and the stock, and hands
 * them in. The form's fields travel as typed strings so that a refused form comes back unchanged.
 */
import { z } from "zod";
import { strategyChoices, type StrategyChoice } from "./catalog";
import type { RoutableOrder } from "./order-input";
import type { GeoPoint } from "./types";

export const CUSTOM_CART_ORDER_ID = "custom-cart";
export const CUSTOM_CART_NAME = "the custom cart";
/** As many lines as a live order is read with (fulfillment-orders.ts reads 50 line items). */
export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 999;

/** The form exactly as typed: every value a string, echoed back after each submit. */
export interface CustomCartFields {
  lines: { variantId: string; quantity: string }[];
  deliveryMethod: string;
  pickupLocationId: string;
  countryCode: string;
  province: string;
  city: string;
  postalCode: string;
  latitude: string;
  longitude: string;
  /** Strategy A and B, as in the recent-order mode. */
  a: string;
  b: string;
  /** The variant search box. */
  q: string;
}

export function emptyCustomCartFields(over: Partial<CustomCartFields> = {}): CustomCartFields {
  return {
    lines: [],
    deliveryMethod: "shipping",
    pickupLocationId: "",
    countryCode: "",
    province: "",
    city: "",
    postalCode: "",
    latitude: "",
    longitude: "",
    a: "rules",
    b: "cost-optimal",
    q: "",
    ...over,
  };
}

type Entries = Readonly<Record<string, string | readonly string[] | undefined>>;

const first = (value: string | readonly string[] | undefined): string => (typeof value === "string" ? value : (value?.[0] ?? ""));
const all = (value: string | readonly string[] | undefined): readonly string[] => (typeof value === "string" ? [value] : (value ?? []));

/**
 * Form entries (name → value, or the values of a repeated name) to fields. Cart lines are the
 * parallel lists `lineVariantId` / `lineQuantity`, in the order the page renders them.
 */
export function customCartFieldsFrom(entries: Entries): CustomCartFields {
  const variantIds = all(entries.lineVariantId);
  const quantities = all(entries.lineQuantity);
  const text = (name: keyof Omit<CustomCartFields, "lines">) => first(entries[name]).trim();
  return {
    lines: variantIds.map((variantId, i) => ({ variantId: variantId.trim(), quantity: (quantities[i] ?? "").trim() })),
    deliveryMethod: text("deliveryMethod") || "shipping",
    pickupLocationId: text("pickupLocationId"),
    countryCode: text("countryCode"),
    province: text("province"),
    city: text("city"),
    postalCode: text("postalCode"),
    latitude: text("latitude"),
    longitude: text("longitude"),
    a: text("a") || "rules",
    b: text("b") || "cost-optimal",
    q: first(entries.q),
  };
}

export type CartEdit = { kind: "add"; variantId: string } | { kind: "remove"; index: number };

/** Adds one unit of a variant (a line of its own, or one more on its line) or removes a line. */
export function editCartLines(lines: CustomCartFields["lines"], edit: CartEdit): CustomCartFields["lines"] {
  if (edit.kind === "remove") return lines.filter((_, i) => i !== edit.index);
  const existing = lines.findIndex((l) => l.variantId === edit.variantId);
  if (existing === -1) return lines.length >= MAX_CART_LINES ? lines : [...lines, { variantId: edit.variantId, quantity: "1" }];
  return lines.map((l, i) => {
    if (i !== existing) return l;
    const quantity = Number(l.quantity);
    return { ...l, quantity: Number.isInteger(quantity) && quantity >= 0 ? String(Math.min(quantity + 1, MAX_LINE_QUANTITY)) : l.quantity };
  });
}

/** What the caller found out about the cart's variants and the shop's locations. */
export interface CartKnowledge {
  /** Variant GID → whether the shop has it (the Admin API's answer for every variant in the form). */
  knownVariantIds: ReadonlySet<string>;
  /** The shop's locations that offer local pickup and are active, by GID. */
  pickupLocationIds: ReadonlySet<string>;
}

export type ShippingAddress = {
  method: "shipping";
  countryCode: string;
  province: string | null;
  city: string | null;
  postalCode: string | null;
  coordinates: GeoPoint | null;
};
export type PickupChoice = { method: "pickup"; pickupLocationId: string };

export interface CustomCart {
  /** One line per variant (lines of the same variant are added up). */
  lines: { variantId: string; quantity: number }[];
  destination: ShippingAddress | PickupChoice;
  choices: [StrategyChoice, StrategyChoice];
}

/** Field name → what is wrong, for the page to show beside the field (`lines.2.quantity`, `countryCode`…). */
export type FieldErrors = Record<string, string>;

const optionalNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .transform((s) => (s === "" ? null : Number(s)))
    .refine((n) => n === null || (Number.isFinite(n) && n >= min && n <= max), `${label} must be a number from ${min} to ${max}`);

const strategy = z.enum(strategyChoices, { error: "Choose a strategy from the list" });

function cartSchema(knowledge: CartKnowledge) {
  const line = z.object({
    variantId: z
      .string()
      .min(1, "Choose an item")
      .refine((id) => knowledge.knownVariantIds.has(id), "This item is not in the shop (any more): remove it"),
    quantity: z
      .string()
      .min(1, "Enter a quantity")
      .transform(Number)
      .pipe(
        z
          .number({ error: "Enter a whole number" })
          .int("Enter a whole number")
          .min(1, "Quantity must be at least 1")
          .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} per line`),
      ),
  });
  const common = {
    lines: z.array(line).min(1, "Add at least one item to the cart").max(MAX_CART_LINES, `At most ${MAX_CART_LINES} lines`),
    a: strategy,
    b: strategy,
  };
  const shipping = z
    .object({
      ...common,
      deliveryMethod: z.literal("shipping"),
      countryCode: z
        .string()
        .min(1, "Enter the destination country")
        .transform((s) => s.toUpperCase())
        .pipe(z.string().regex(/^[A-Z]{2}$/, "Enter the country as its 2-letter code (US, VN, CN…)")),
      province: z.string().max(100),
      city: z.string().max(100),
      postalCode: z.string().max(20, "A postal code has at most 20 characters"),
      latitude: optionalNumber("Latitude", -90, 90),
      longitude: optionalNumber("Longitude", -180, 180),
    })
    .superRefine((v, ctx) => {
      if ((v.latitude === null) !== (v.longitude === null)) {
        ctx.addIssue({ code: "custom", path: [v.latitude === null ? "latitude" : "longitude"], message: "Enter both coordinates, or neither" });
      }
    });
  const pickup = z.object({
    ...common,
    deliveryMethod: z.literal("pickup"),
    pickupLocationId: z
      .string()
      .min(1, "Choose the pickup location")
      .refine((id) => knowledge.pickupLocationIds.has(id), "This location does not offer pickup"),
  });
  return z.discriminatedUnion("deliveryMethod", [shipping, pickup], { error: "Choose shipping or pickup" });
}

/** Checks the typed form against what the shop has; every problem is reported against its field. */
export function validateCustomCart(fields: CustomCartFields, knowledge: CartKnowledge): { ok: true; cart: CustomCart } | { ok: false; errors: FieldErrors } {
  const parsed = cartSchema(knowledge).safeParse(fields);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length ? issue.path.map(String).join(".") : "form";
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const value = parsed.data;
  const merged = new Map<string, number>();
  for (const l of value.lines) merged.set(l.variantId, (merged.get(l.variantId) ?? 0) + l.quantity);
  const lines = [...merged].map(([variantId, quantity]) => ({ variantId, quantity }));
  const over = lines.find((l) => l.quantity > MAX_LINE_QUANTITY);
  if (over) return { ok: false, errors: { [`lines.${value.lines.findIndex((l) => l.variantId === over.variantId)}.quantity`]: `At most ${MAX_LINE_QUANTITY} of one item` } };
  const destination: CustomCart["destination"] =
    value.deliveryMethod === "pickup"
      ? { method: "pickup", pickupLocationId: value.pickupLocationId }
      : {
          method: "shipping",
          countryCode: value.countryCode,
          province: value.province || null,
          city: value.city || null,
          postalCode: value.postalCode || null,
          coordinates: value.latitude !== null && value.longitude !== null ? { lat: value.latitude, lon: value.longitude } : null,
        };
  return { ok: true, cart: { lines, destination, choices: [value.a, value.b] } };
}

export { describePlacement, placeAddress, placementFacts, type PlaceLocation, type PlacementFacts } from "./place-address";

/** A variant as the cart shows and routes it. */
export interface CartVariant {
  id: string;
  sku: string | null;
  /** "Organic Cotton Tee - M / White" */
  displayName: string;
  productTags: readonly string[];
  productType: string | null;
}

/** What staff recognise: the variant's name and its SKU. */
export function cartVariantLabel(variant: Pick<CartVariant, "displayName" | "sku">): string {
  return variant.sku ? `${variant.displayName} · ${variant.sku}` : variant.displayName;
}

/**
 * The cart as a brand-new order: one open fulfillment order (no units of its own counted back), at
 * no location yet for shipping, or at the store for a pickup (as checkout's pickup delivery method
 * puts it), and the destination's point.
 * Line ids are `custom-line-<n>`.
 */
export function customCartOrder(
  cart: CustomCart,
  variants: ReadonlyMap<string, CartVariant>,
  destination: { point: GeoPoint; countryCode: string | null },
  createdAt: Date,
): RoutableOrder {
  return {
    id: CUSTOM_CART_ORDER_ID,
    name: CUSTOM_CART_NAME,
    createdAt: createdAt.toISOString(),
    cancelledAt: null,
    destination: { latitude: destination.point.lat, longitude: destination.point.lon, countryCode: destination.countryCode },
    attributes: {},
    lines: cart.lines.map((line, i) => {
      const variant = variants.get(line.variantId);
      return {
        id: `custom-line-${i + 1}`,
        sku: variant?.sku ?? null,
        variantId: line.variantId,
        quantity: line.quantity,
        productTags: [...(variant?.productTags ?? [])],
        productType: variant?.productType ?? null,
      };
    }),
    // Pickup is what checkout's delivery method says: a PICK_UP fulfillment order at the store.
    fulfillmentOrders: [
      cart.destination.method === "pickup"
        ? { id: "custom-cart-fo", locationId: cart.destination.pickupLocationId, status: "OPEN", deliveryMethod: "PICK_UP", lines: [] }
        : { id: "custom-cart-fo", locationId: "", status: "OPEN", deliveryMethod: "SHIPPING", lines: [] },
    ],
  };
}

/** What a submit of the custom-cart form asks for (the pressed button's `intent`). */
export type CartIntent = { kind: "preview" } | { kind: "search" } | { kind: "edit"; edit: CartEdit };

/** `preview`, `search`, `add:<variant GID>`, `remove:<line index>`; anything else is null. */
export function parseCartIntent(value: string | null | undefined): CartIntent | null {
  if (value === "preview" || value === "search") return { kind: value };
  const add = /^add:(gid:\/\/shopify\/ProductVariant\/\d+)$/.exec(value ?? "");
  if (add) return { kind: "edit", edit: { kind: "add", variantId: add[1]! } };
  const remove = /^remove:(\d{1,3})$/.exec(value ?? "");
  if (remove) return { kind: "edit", edit: { kind: "remove", index: Number(remove[1]) } };
  return null;
}
