import { PICKUP_LOCATION_ATTRIBUTE } from "../availability/pickup-attribute";
import { describe, expect, it } from "vitest";
import { pickupSignalOf, toRoutingInput, type LocationAttributes, type RoutableOrder } from "./order-input";

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

const order = (over: Partial<RoutableOrder> = {}): RoutableOrder => ({
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: "2026-11-20T10:00:00Z",
  cancelledAt: null,
  destination: { latitude: 40.7, longitude: -73.9, countryCode: "US" },
  attributes: {},
  lines: [{ id: "L1", sku: "MUG", variantId: "V1", quantity: 2, productTags: ["kitchen"], productType: "Mug" }],
  fulfillmentOrders: [{ id: "F1", locationId: "gid://shopify/Location/1", status: "OPEN", deliveryMethod: "SHIPPING", lines: [{ id: "FL1", lineItemId: "L1", remainingQuantity: 2 }] }],
  ...over,
});

describe("toRoutingInput", () => {
  it("maps lines by variant, stock per location, and the shop's default buffer", () => {
    const result = toRoutingInput(order(), [location("1"), location("2", { stockBuffer: 1, dailyCapacity: 5 })], { V1: { "gid://shopify/Location/1": 3, "gid://shopify/Location/2": 7 } }, { defaultStockBuffer: 2, ordersToday: { "gid://shopify/Location/2": 4 } });
    expect(result.status).toBe("ready");
    if (result.status !== "ready") return;
    // Stock is counted per variant; the engine names it by its SKU (what the explanation shows).
    expect(result.input.lines).toEqual([{ id: "L1", sku: "MUG", quantity: 2, productTags: ["kitchen"], productType: "Mug" }]);
    expect(result.input.destination).toEqual({ lat: 40.7, lon: -73.9, countryCode: "US" });
    const [a, b] = result.input.locations;
    // Location 1 holds this order's fulfillment order: its 2 committed units count as available.
    // Location 1 has no buffer of its own: it stays absent, so the stock-buffer rule's fallback can
    // apply before the shop's default (handed in beside the locations).
    expect(a).toMatchObject({ id: "gid://shopify/Location/1", stock: { MUG: 5 }, ordersToday: 0 });
    expect(a).not.toHaveProperty("stockBuffer");
    expect(result.input.defaultStockBuffer).toBe(2);
    expect(b).toMatchObject({ stock: { MUG: 7 }, stockBuffer: 1, dailyCapacity: 5, ordersToday: 4 });
  });

  it("names a variant by its id when another variant of the order shares its SKU", () => {
    const twoMugs = order({
      lines: [
        { id: "L1", sku: "MUG", variantId: "V1", quantity: 1, productTags: [], productType: null },
        { id: "L2", sku: "MUG", variantId: "V2", quantity: 1, productTags: [], productType: null },
      ],
    });
    const result = toRoutingInput(twoMugs, [location("1")], { V1: { "gid://shopify/Location/1": 1 }, V2: { "gid://shopify/Location/1": 3 } }, { defaultStockBuffer: 0 });
    expect(result.status === "ready" && result.input.lines.map((l) => l.sku)).toEqual(["V1", "V2"]);
    expect(result.status === "ready" && result.input.locations[0]!.stock).toEqual({ V1: 3, V2: 3 });
  });

  it("refuses cancelled orders, orders without stock items, and orders with nothing open", () => {
    expect(toRoutingInput(order({ cancelledAt: "2026-11-20T11:00:00Z" }), [location("1")], {}, { defaultStockBuffer: 0 })).toEqual({ status: "not-routable", reason: "The order is cancelled" });
    expect(toRoutingInput(order({ lines: [{ id: "L1", sku: null, variantId: null, quantity: 1, productTags: [], productType: null }] }), [location("1")], {}, { defaultStockBuffer: 0 }).status).toBe("not-routable");
    const closed = order({ fulfillmentOrders: [{ id: "F1", locationId: "x", status: "CLOSED", deliveryMethod: "SHIPPING", lines: [] }] });
    expect(toRoutingInput(closed, [location("1")], {}, { defaultStockBuffer: 0 })).toMatchObject({ status: "not-routable", reason: "No open fulfillment order is left to route" });
  });

  it("adds the order's own committed units back only where the mirrored level already holds them", () => {
    const placed = order({
      fulfillmentOrders: [
        { id: "F1", locationId: "gid://shopify/Location/1", status: "OPEN", deliveryMethod: "SHIPPING", updatedAt: "2026-11-20T10:00:05Z", lines: [{ id: "FL1", lineItemId: "L1", remainingQuantity: 2 }] },
      ],
    });
    const stock = { V1: { "gid://shopify/Location/1": 3 } };
    const stockAt = (asOf: string) => {
      const result = toRoutingInput(placed, [location("1")], stock, { defaultStockBuffer: 0, stockAsOf: { V1: { "gid://shopify/Location/1": asOf } } });
      return result.status === "ready" ? result.input.locations[0]!.stock.MUG : null;
    };
    // The level was stored after Shopify committed the order's units there: 3 + the order's own 2.
    expect(stockAt("2026-11-20T10:00:05Z")).toBe(5);
    // Stored before (its inventory webhook not processed yet): the 2 units are still in the 3.
    expect(stockAt("2026-11-20T10:00:04Z")).toBe(3);
  });

  it("places a destination without coordinates through the shop's locations: postal code, else province, else country", () => {
    const sf = location("1", { latitude: 37.77, longitude: -122.42, zip: "94103", provinceCode: "CA" });
    const la = location("2", { latitude: 34.05, longitude: -118.24, zip: "90012", provinceCode: "CA" });
    const ny = location("3", { latitude: 40.71, longitude: -74.0, zip: "10001", provinceCode: "NY" });
    const at = (destination: RoutableOrder["destination"]) => toRoutingInput(order({ destination }), [sf, la, ny], {}, { defaultStockBuffer: 0 });
    expect(at({ latitude: null, longitude: null, countryCode: "US", provinceCode: "CA", zip: "94103" })).toMatchObject({
      status: "ready",
      placement: { source: "postal-code", precision: "exact" },
      input: { destination: { lat: 37.77, lon: -122.42, countryCode: "US" } },
    });
    expect(at({ latitude: null, longitude: null, countryCode: "US", provinceCode: "CA", zip: "94999" })).toMatchObject({ placement: { source: "postal-code", precision: "area" } });
    // A postal code nothing shares: the centre of the shop's locations in the province.
    expect(at({ latitude: null, longitude: null, countryCode: "US", provinceCode: "NY", zip: "12345" })).toMatchObject({
      placement: { source: "province" },
      input: { destination: { lat: 40.71, lon: -74.0 } },
    });
    // Nothing in Texas: the middle of the shop's locations in the US, a rough approximation.
    expect(at({ latitude: null, longitude: null, countryCode: "US", provinceCode: "TX", zip: "75001" })).toMatchObject({ placement: { source: "country" } });
    expect(at({ latitude: null, longitude: null, countryCode: "VN", provinceCode: null, zip: null })).toMatchObject({ status: "not-routable" });
    expect(at({ latitude: 1, longitude: 2, countryCode: "US" })).toMatchObject({ placement: { source: "coordinates" } });
  });

  it("places a shipped order without coordinates through the shop's locations, and refuses it when none is in its country", () => {
    // Coordinates and postal code redacted (protected customer data): city, province and country remain.
    const redacted = order({ destination: { latitude: null, longitude: null, countryCode: "US", province: "Nevada", city: "Reno", zip: null } });
    const locations = [
      location("1", { latitude: 40.7, longitude: -74, province: "New York", provinceCode: "NY", city: "New York" }),
      location("2", { latitude: 39.5, longitude: -119.8, province: "Nevada", provinceCode: "NV", city: "Sparks" }),
      location("3", { latitude: 36.2, longitude: -115.1, province: "Nevada", provinceCode: "NV", city: "Las Vegas" }),
    ];
    expect(toRoutingInput(redacted, locations, {}, { defaultStockBuffer: 0 })).toMatchObject({
      status: "ready",
      placement: { source: "province" },
      input: { destination: { lat: expect.closeTo(37.85, 6), lon: expect.closeTo(-117.45, 6), countryCode: "US" } },
    });
    const sameCity = order({ destination: { latitude: null, longitude: null, countryCode: "US", province: "NV", city: "Sparks", zip: null } });
    expect(toRoutingInput(sameCity, locations, {}, { defaultStockBuffer: 0 })).toMatchObject({ placement: { source: "city" }, input: { destination: { lat: 39.5, lon: -119.8 } } });
    const countryOnly = order({ destination: { latitude: null, longitude: null, countryCode: "US", province: "Oregon", city: "Bend", zip: null } });
    expect(toRoutingInput(countryOnly, locations, {}, { defaultStockBuffer: 0 })).toMatchObject({ placement: { source: "country" } });
    const elsewhere = order({ destination: { latitude: null, longitude: null, countryCode: "VN", province: null, city: null, zip: null } });
    expect(toRoutingInput(elsewhere, locations, {}, { defaultStockBuffer: 0 }).status).toBe("not-routable");
  });

  it("needs a place for a shipped order, but a pickup order uses its store's", () => {
    // No coordinates, and the shop has no location in the order's country to place it through.
    const noCoords = order({ destination: { latitude: null, longitude: null, countryCode: "VN" } });
    expect(toRoutingInput(noCoords, [location("1")], {}, { defaultStockBuffer: 0 }).status).toBe("not-routable");
    const pickup = order({
      destination: null,
      fulfillmentOrders: [{ id: "F1", locationId: "gid://shopify/Location/2", status: "OPEN", deliveryMethod: "PICK_UP", lines: [{ id: "FL1", lineItemId: "L1", remainingQuantity: 2 }] }],
    });
    const result = toRoutingInput(pickup, [location("1"), location("2", { latitude: 10, longitude: 106, pickupEnabled: true })], {}, { defaultStockBuffer: 0 });
    expect(result).toMatchObject({ status: "ready", input: { pickupLocationId: "gid://shopify/Location/2", destination: { lat: 10, lon: 106 } } });
  });
});

describe("toRoutingInput: the destination's market, from the shop's markets", () => {
  const markets = [
    { id: "gid://shopify/Market/1", name: "United States", active: true, countries: ["US"] },
    { id: "gid://shopify/Market/2", name: "Asia-Pacific", active: true, countries: ["CN", "JP", "VN"] },
    { id: "gid://shopify/Market/3", name: "Vietnam", active: false, countries: ["VN"] },
  ];
  const destinationTo = (countryCode: string | null) => {
    const built = toRoutingInput(order({ destination: { latitude: 10.8, longitude: 106.7, countryCode } }), [location("1")], {}, { defaultStockBuffer: 0, markets });
    return built.status === "ready" ? built.input.destination : null;
  };

  it("names the shipping country's active market and its countries (a draft market matches no one)", () => {
    expect(destinationTo("VN")).toEqual({ lat: 10.8, lon: 106.7, countryCode: "VN", market: "Asia-Pacific", marketCountries: ["CN", "JP", "VN"] });
    expect(destinationTo("US")).toMatchObject({ market: "United States", marketCountries: ["US"] });
  });

  it("leaves the market out for a country in no market, or when the shop has no markets mirrored", () => {
    expect(destinationTo("DE")).toEqual({ lat: 10.8, lon: 106.7, countryCode: "DE" });
    const built = toRoutingInput(order(), [location("1")], {}, { defaultStockBuffer: 0 });
    expect(built.status === "ready" && built.input.destination).toEqual({ lat: 40.7, lon: -73.9, countryCode: "US" });
  });
});

describe("pickupSignalOf: the checkout's delivery method decides, the product page's store is a hint", () => {
  const locations = [location("1", { pickupEnabled: true }), location("2", { pickupEnabled: true })];
  const pickupAt = (id: string) => [{ id: "F1", locationId: `gid://shopify/Location/${id}`, status: "OPEN", deliveryMethod: "PICK_UP", lines: [] }];

  it("a PICK_UP fulfillment order decides the store; the attribute, GID or numeric, is recorded as the hint", () => {
    expect(pickupSignalOf(order({ fulfillmentOrders: pickupAt("1") }), locations)).toEqual({ decidedBy: "checkout-pickup", locationId: "gid://shopify/Location/1", hintLocationId: null });
    expect(pickupSignalOf(order({ fulfillmentOrders: pickupAt("1"), attributes: { [PICKUP_LOCATION_ATTRIBUTE]: "2" } }), locations)).toEqual({
      decidedBy: "checkout-pickup",
      locationId: "gid://shopify/Location/1",
      hintLocationId: "gid://shopify/Location/2",
    });
    expect(pickupSignalOf(order({ fulfillmentOrders: pickupAt("2"), attributes: { [PICKUP_LOCATION_ATTRIBUTE]: "gid://shopify/Location/2" } }), locations)).toMatchObject({
      locationId: "gid://shopify/Location/2",
      hintLocationId: "gid://shopify/Location/2",
    });
  });

  it("a shipped order stays shipped whatever the attribute says; an unknown store is no hint", () => {
    expect(pickupSignalOf(order({ attributes: { [PICKUP_LOCATION_ATTRIBUTE]: "gid://shopify/Location/2" } }), locations)).toEqual({ decidedBy: "checkout-shipping", hintLocationId: "gid://shopify/Location/2" });
    expect(pickupSignalOf(order({ attributes: { [PICKUP_LOCATION_ATTRIBUTE]: "999" } }), locations)).toEqual({ decidedBy: "checkout-shipping", hintLocationId: null });
    const shipped = toRoutingInput(order({ attributes: { [PICKUP_LOCATION_ATTRIBUTE]: "2" } }), locations, {}, { defaultStockBuffer: 0 });
    expect(shipped).toMatchObject({ status: "ready", pickup: { decidedBy: "checkout-shipping" } });
    expect(shipped.status === "ready" && shipped.input.pickupLocationId).toBeUndefined();
  });

  it("the engine's pickup store is the checkout's, not the attribute's", () => {
    const built = toRoutingInput(order({ fulfillmentOrders: pickupAt("1"), attributes: { [PICKUP_LOCATION_ATTRIBUTE]: "2" } }), locations, {}, { defaultStockBuffer: 0 });
    expect(built).toMatchObject({ status: "ready", input: { pickupLocationId: "gid://shopify/Location/1" } });
  });
});
