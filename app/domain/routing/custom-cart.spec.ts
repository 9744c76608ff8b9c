import { describe, expect, it } from "vitest";
import {
  cartVariantLabel,
  customCartFieldsFrom,
  customCartOrder,
  editCartLines,
  parseCartIntent,
  emptyCustomCartFields,
  placeAddress,
  validateCustomCart,
  type CartKnowledge,
  type CartVariant,
  type PlaceLocation,
  type ShippingAddress,
} from "./custom-cart";
import { toRoutingInput, type LocationAttributes } from "./order-input";

const V1 = "gid://shopify/ProductVariant/1";
const V2 = "gid://shopify/ProductVariant/2";
const STORE = "gid://shopify/Location/9";
const knowledge: CartKnowledge = { knownVariantIds: new Set([V1, V2]), pickupLocationIds: new Set([STORE]) };

const fields = (over: Parameters<typeof emptyCustomCartFields>[0] = {}) =>
  emptyCustomCartFields({ lines: [{ variantId: V1, quantity: "2" }], countryCode: "us", postalCode: "94105", ...over });

describe("customCartFieldsFrom", () => {
  it("pairs the repeated line fields in order and keeps every typed value", () => {
    const parsed = customCartFieldsFrom({
      lineVariantId: [V1, V2],
      lineQuantity: ["2", " 0 "],
      countryCode: " VN ",
      city: "Hà Nội",
      deliveryMethod: "pickup",
      pickupLocationId: STORE,
      a: "closest",
      q: "tee",
    });
    expect(parsed.lines).toEqual([
      { variantId: V1, quantity: "2" },
      { variantId: V2, quantity: "0" },
    ]);
    expect(parsed).toMatchObject({ countryCode: "VN", city: "Hà Nội", deliveryMethod: "pickup", pickupLocationId: STORE, a: "closest", b: "cost-optimal", q: "tee" });
  });

  it("reads a single line (a plain string) and an empty form", () => {
    expect(customCartFieldsFrom({ lineVariantId: V1, lineQuantity: "3" }).lines).toEqual([{ variantId: V1, quantity: "3" }]);
    expect(customCartFieldsFrom({})).toEqual(emptyCustomCartFields());
  });
});

describe("editCartLines", () => {
  it("adds a new variant with quantity 1, one more of a variant already there, and removes by index", () => {
    let lines = editCartLines([], { kind: "add", variantId: V1 });
    expect(lines).toEqual([{ variantId: V1, quantity: "1" }]);
    lines = editCartLines(lines, { kind: "add", variantId: V2 });
    lines = editCartLines(lines, { kind: "add", variantId: V1 });
    expect(lines).toEqual([
      { variantId: V1, quantity: "2" },
      { variantId: V2, quantity: "1" },
    ]);
    expect(editCartLines(lines, { kind: "remove", index: 0 })).toEqual([{ variantId: V2, quantity: "1" }]);
    expect(editCartLines(lines, { kind: "remove", index: 5 })).toEqual(lines);
  });

  it("leaves a quantity it cannot read as typed", () => {
    expect(editCartLines([{ variantId: V1, quantity: "two" }], { kind: "add", variantId: V1 })).toEqual([{ variantId: V1, quantity: "two" }]);
  });
});

describe("validateCustomCart", () => {
  it("accepts a shipped cart, upper-cases the country and adds up lines of the same variant", () => {
    const result = validateCustomCart(
      fields({ lines: [{ variantId: V1, quantity: "2" }, { variantId: V2, quantity: "1" }, { variantId: V1, quantity: "3" }], latitude: "37.79", longitude: "-122.39", b: "closest" }),
      knowledge,
    );
    expect(result).toEqual({
      ok: true,
      cart: {
        lines: [
          { variantId: V1, quantity: 5 },
          { variantId: V2, quantity: 1 },
        ],
        destination: { method: "shipping", countryCode: "US", province: null, city: null, postalCode: "94105", coordinates: { lat: 37.79, lon: -122.39 } },
        choices: ["rules", "closest"],
      },
    });
  });

  it("names each bad field: unknown variant, quantity 0, a quantity that is not a whole number, no country", () => {
    const result = validateCustomCart(
      fields({
        lines: [
          { variantId: "gid://shopify/ProductVariant/404", quantity: "1" },
          { variantId: V1, quantity: "0" },
          { variantId: V2, quantity: "1.5" },
        ],
        countryCode: "",
      }),
      knowledge,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      "lines.0.variantId": "This item is not in the shop (any more): remove it",
      "lines.1.quantity": "Quantity must be at least 1",
      "lines.2.quantity": "Enter a whole number",
      countryCode: "Enter the destination country",
    });
  });

  it("refuses an empty cart, a country that is not a code, half coordinates and out-of-range ones, an unknown strategy", () => {
    const empty = validateCustomCart(fields({ lines: [], countryCode: "USA", latitude: "95", a: "magic" }), knowledge);
    expect(empty).toEqual({
      ok: false,
      errors: {
        lines: "Add at least one item to the cart",
        countryCode: "Enter the country as its 2-letter code (US, VN, CN…)",
        latitude: "Latitude must be a number from -90 to 90",
        a: "Choose a strategy from the list",
      },
    });
    const half = validateCustomCart(fields({ latitude: "37.7" }), knowledge);
    expect(half).toEqual({ ok: false, errors: { longitude: "Enter both coordinates, or neither" } });
    const text = validateCustomCart(fields({ latitude: "north", longitude: "10" }), knowledge);
    expect(text).toMatchObject({ ok: false, errors: { latitude: "Latitude must be a number from -90 to 90" } });
  });

  it("needs a pickup location that offers pickup, and no address, for pickup", () => {
    expect(validateCustomCart(fields({ deliveryMethod: "pickup", countryCode: "", pickupLocationId: STORE }), knowledge)).toMatchObject({
      ok: true,
      cart: { destination: { method: "pickup", pickupLocationId: STORE } },
    });
    expect(validateCustomCart(fields({ deliveryMethod: "pickup", pickupLocationId: "" }), knowledge)).toEqual({ ok: false, errors: { pickupLocationId: "Choose the pickup location" } });
    expect(validateCustomCart(fields({ deliveryMethod: "pickup", pickupLocationId: "gid://shopify/Location/1" }), knowledge)).toEqual({
      ok: false,
      errors: { pickupLocationId: "This location does not offer pickup" },
    });
    const unknown = validateCustomCart(fields({ deliveryMethod: "drone" }), knowledge);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(Object.values(unknown.errors)).toEqual(["Choose shipping or pickup"]);
  });
});

describe("placeAddress", () => {
  const locations: PlaceLocation[] = [
    { countryCode: "US", city: "San Francisco", zip: "94102", latitude: 37.7765, longitude: -122.4253 },
    { countryCode: "US", city: "Reno", zip: "89502", latitude: 39.489, longitude: -119.7795 },
    { countryCode: "VN", city: "Hà Nội", zip: "11000", latitude: 21.0225, longitude: 105.8522 },
    { countryCode: "US", city: "Nowhere", zip: "55555", latitude: null, longitude: null },
  ];
  const address = (over: Partial<ShippingAddress>): ShippingAddress => ({ method: "shipping", countryCode: "US", province: null, city: null, postalCode: null, coordinates: null, ...over });

  it("uses typed coordinates first", () => {
    expect(placeAddress(address({ coordinates: { lat: 1, lon: 2 }, postalCode: "94102" }), locations)).toEqual({ placed: true, point: { lat: 1, lon: 2 }, source: "coordinates" });
  });

  it("places a postal code at the location with the same code, else near those sharing the longest prefix, same country only", () => {
    expect(placeAddress(address({ postalCode: "89502" }), locations)).toEqual({ placed: true, point: { lat: 39.489, lon: -119.7795 }, source: "postal-code", precision: "exact" });
    expect(placeAddress(address({ postalCode: "94105-1234" }), locations)).toMatchObject({ placed: true, point: { lat: 37.7765, lon: -122.4253 }, source: "postal-code", precision: "area" });
    expect(placeAddress(address({ postalCode: "11000" }), locations).placed).toBe(false);
  });

  it("falls back to a location in the same city, ignoring case and diacritics", () => {
    expect(placeAddress(address({ countryCode: "VN", city: "ha noi", postalCode: "99999" }), locations)).toEqual({ placed: true, point: { lat: 21.0225, lon: 105.8522 }, source: "city" });
  });

  it("says why when nothing places the address", () => {
    expect(placeAddress(address({ postalCode: "30301" }), locations)).toMatchObject({ placed: false, reason: expect.stringMatching(/cannot place this postal code/) });
    expect(placeAddress(address({}), locations)).toEqual({ placed: false, reason: "Enter a postal code or the coordinates, so distances can be compared" });
  });
});

describe("customCartOrder", () => {
  const variants = new Map<string, CartVariant>([
    [V1, { id: V1, sku: "MUG-1", displayName: "Mug - White", productTags: ["kitchen"], productType: "Mugs" }],
    [V2, { id: V2, sku: null, displayName: "Sofa", productTags: ["bulky"], productType: null }],
  ]);
  const location = (id: string, over: Partial<LocationAttributes> = {}): LocationAttributes => ({
    shopifyId: `gid://shopify/Location/${id}`,
    legacyResourceId: id,
    name: `Location ${id}`,
    kind: "warehouse",
    countryCode: "US",
    latitude: 40,
    longitude: -74,
    isActive: true,
    fulfillsOnlineOrders: true,
    pickupEnabled: false,
    priority: 100,
    dailyCapacity: null,
    stockBuffer: null,
    tags: [],
    ...over,
  });

  it("becomes the engine's input like a new order: lines by variant with their tags, the typed point, stock as Shopify reports it", () => {
    const order = customCartOrder(
      { lines: [{ variantId: V1, quantity: 2 }, { variantId: V2, quantity: 1 }], destination: { method: "shipping", countryCode: "US", province: null, city: null, postalCode: null, coordinates: { lat: 37.8, lon: -122.4 } }, choices: ["rules", "closest"] },
      variants,
      { point: { lat: 37.8, lon: -122.4 }, countryCode: "US" },
      new Date("2026-11-20T12:00:00Z"),
    );
    const built = toRoutingInput(order, [location("1")], { [V1]: { "gid://shopify/Location/1": 4 } }, { defaultStockBuffer: 1 });
    expect(built).toEqual({
      status: "ready",
      placement: { source: "coordinates" },
      pickup: { decidedBy: "checkout-shipping", hintLocationId: null },
      input: {
        orderId: "custom-cart",
        lines: [
          // Named by SKU where the variant has one, else by its id.
          { id: "custom-line-1", sku: "MUG-1", quantity: 2, productTags: ["kitchen"], productType: "Mugs" },
          { id: "custom-line-2", sku: V2, quantity: 1, productTags: ["bulky"] },
        ],
        destination: { lat: 37.8, lon: -122.4, countryCode: "US" },
        // No buffer of its own: the shop's default rides beside the locations (stockBufferOf).
        locations: [expect.objectContaining({ id: "gid://shopify/Location/1", stock: { "MUG-1": 4, [V2]: 0 } })],
        defaultStockBuffer: 1,
      },
    });
  });

  it("is a pickup at the chosen store the way checkout makes one: a PICK_UP fulfillment order there", () => {
    const order = customCartOrder(
      { lines: [{ variantId: V1, quantity: 1 }], destination: { method: "pickup", pickupLocationId: "gid://shopify/Location/2" }, choices: ["rules", "rules"] },
      variants,
      { point: { lat: 10, lon: 106 }, countryCode: "VN" },
      new Date(),
    );
    expect(order.attributes).toEqual({});
    expect(order.fulfillmentOrders).toEqual([expect.objectContaining({ locationId: "gid://shopify/Location/2", deliveryMethod: "PICK_UP" })]);
    const built = toRoutingInput(order, [location("1"), location("2", { pickupEnabled: true, latitude: 10, longitude: 106 })], {}, { defaultStockBuffer: 0 });
    expect(built).toMatchObject({ status: "ready", input: { pickupLocationId: "gid://shopify/Location/2", destination: { lat: 10, lon: 106, countryCode: "VN" } } });
  });
});

describe("cartVariantLabel", () => {
  it("shows the SKU when there is one", () => {
    expect(cartVariantLabel({ displayName: "Mug - White", sku: "MUG-1" })).toBe("Mug - White · MUG-1");
    expect(cartVariantLabel({ displayName: "Sofa", sku: null })).toBe("Sofa");
  });
});

describe("parseCartIntent", () => {
  it("reads the form's buttons and refuses anything else", () => {
    expect(parseCartIntent("preview")).toEqual({ kind: "preview" });
    expect(parseCartIntent("search")).toEqual({ kind: "search" });
    expect(parseCartIntent(`add:${V1}`)).toEqual({ kind: "edit", edit: { kind: "add", variantId: V1 } });
    expect(parseCartIntent("remove:2")).toEqual({ kind: "edit", edit: { kind: "remove", index: 2 } });
    for (const bad of [null, "", "add:gid://shopify/Order/1", "remove:-1", "remove:x", "delete-everything"]) expect(parseCartIntent(bad)).toBeNull();
  });
});
