import { afterEach, describe, expect, it, vi } from "vitest";
import { buildDemoShop, PICKUP_LOCATION_ATTRIBUTE, SEED_ORDER_STATES, validateSeed } from "./demo-shop";
import type { SeedData, SeedOrder, SeedVariant } from "./types";

const NOW = new Date("2025-06-15T14:00:00.000Z");
const DAY = 86_400_000;

function demo(seed?: number): SeedData {
  return buildDemoShop({ now: NOW, ...(seed === undefined ? {} : { seed }) });
}

function variantsByKey(data: SeedData): Map<string, SeedVariant> {
  return new Map(data.products.flatMap((p) => p.variants.map((v) => [v.key, v] as const)));
}

function locationOf(data: SeedData, key: string | undefined) {
  const location = data.locations.find((l) => l.key === key);
  if (!location) throw new Error(`no location ${key}`);
  return location;
}

function firstOrder(data: SeedData, predicate: (o: SeedOrder) => boolean): SeedOrder {
  const order = data.orders.find(predicate);
  if (!order) throw new Error("no order matches");
  return order;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("buildDemoShop", () => {
  it("is deterministic for a given seed and now, and varies with the seed", () => {
    expect(demo(7)).toStrictEqual(demo(7));
    expect(demo()).toStrictEqual(demo());
    expect(demo(8)).not.toStrictEqual(demo(7));
  });

  it("uses neither Math.random nor Date.now when given `now`", () => {
    const random = vi.spyOn(Math, "random");
    const dateNow = vi.spyOn(Date, "now");
    demo(3);
    expect(random).not.toHaveBeenCalled();
    expect(dateNow).not.toHaveBeenCalled();
  });

  it("dates everything relative to `now`", () => {
    const later = new Date(NOW.getTime() + 10 * DAY);
    const a = demo(5);
    const b = buildDemoShop({ seed: 5, now: later });
    expect(b.orders.map((o) => Date.parse(o.createdAt) - 10 * DAY)).toEqual(a.orders.map((o) => Date.parse(o.createdAt)));
  });

  it("uses the default domain and shop identity, and honours a custom domain", () => {
    const data = demo();
    expect(data.shop).toMatchObject({ domain: "crossdock-demo.myshopify.com", name: "Lotus & Pine", currencyCode: "USD" });
    expect(buildDemoShop({ now: NOW, domain: "other.myshopify.com" }).shop.domain).toBe("other.myshopify.com");
  });

  it("has the promised counts", () => {
    const data = demo();
    expect(data.locations.length).toBeGreaterThanOrEqual(8);
    expect(new Set(data.locations.map((l) => l.address.countryCode)).size).toBeGreaterThanOrEqual(2);
    expect(data.locations.filter((l) => l.isActive && l.localPickup).length).toBeGreaterThanOrEqual(3);
    expect(data.products.length).toBeGreaterThanOrEqual(40);
    expect(data.orders.length).toBeGreaterThanOrEqual(60);
    for (const state of SEED_ORDER_STATES) {
      expect(data.orders.filter((o) => o.state === state).length, state).toBeGreaterThanOrEqual(3);
    }
  });

  it.each([undefined, 1, 2, 3, 42, 2024])("passes validateSeed (seed %s)", (seed) => {
    expect(validateSeed(demo(seed), { now: NOW })).toEqual([]);
  });

  it("has locations that exercise filters: warehouses, stores, one inactive, one not fulfilling online orders", () => {
    const data = demo();
    expect(data.locations.filter((l) => l.kind === "warehouse").map((l) => l.address.countryCode).sort()).toEqual(["US", "US", "VN"]);
    expect(data.locations.some((l) => !l.isActive)).toBe(true);
    expect(data.locations.some((l) => l.isActive && !l.fulfillsOnlineOrders)).toBe(true);
    const pickupCountries = new Set(data.locations.filter((l) => l.localPickup).map((l) => l.address.countryCode));
    expect(pickupCountries).toEqual(new Set(["US", "VN"]));
    const brooklyn = data.locations.find((l) => l.address.city === "Brooklyn");
    expect(brooklyn?.address).toMatchObject({ provinceCode: "NY", zip: expect.stringMatching(/^112\d\d$/) });
    // Rough bounding boxes: the coordinates belong to the city named.
    for (const l of data.locations) {
      const { latitude, longitude, countryCode } = l.address;
      if (countryCode === "US") expect(latitude > 24 && latitude < 50 && longitude > -125 && longitude < -66, l.key).toBe(true);
      if (countryCode === "VN") expect(latitude > 8 && latitude < 24 && longitude > 102 && longitude < 110, l.key).toBe(true);
    }
  });

  it("has a catalog with apparel variants, bulky and final-sale items, and warehouses deeper than stores", () => {
    const data = demo();
    const tee = data.products.find((p) => p.options.some((o) => o.name === "Size") && p.options.some((o) => o.name === "Color"));
    expect(tee?.variants.length).toBeGreaterThanOrEqual(6);
    expect(data.products.filter((p) => p.tags.includes("bulky")).length).toBeGreaterThanOrEqual(3);
    expect(data.products.filter((p) => p.tags.includes("final-sale")).length).toBeGreaterThanOrEqual(3);
    const variants = data.products.flatMap((p) => p.variants);
    let warehouseUnits = 0;
    let storeUnits = 0;
    let zeros = 0;
    for (const v of variants) {
      expect(v.price).toMatch(/^\d+\.\d{2}$/);
      expect(v.weightGrams).toBeGreaterThan(0);
      for (const [key, level] of Object.entries(v.inventory)) {
        if (locationOf(data, key).kind === "warehouse") warehouseUnits += level.onHand;
        else storeUnits += level.onHand;
        if (level.onHand === 0) zeros++;
      }
    }
    expect(warehouseUnits).toBeGreaterThan(storeUnits * 5);
    expect(zeros).toBeGreaterThan(0);
  });

  it("has US, Vietnamese and Chinese customers with matching locales and example domains", () => {
    const data = demo();
    expect(new Set(data.customers.map((c) => c.locale))).toEqual(new Set(["en", "vi", "zh-CN"]));
    for (const c of data.customers) {
      expect(c.email).toMatch(/^[a-z0-9.]+@example\.(com|net|org|vn|com\.vn|cn|com\.cn)$/);
    }
    expect(data.customers.filter((c) => c.locale === "vi").every((c) => /[^\p{ASCII}]/u.test(c.firstName + c.lastName))).toBe(true);
    expect(data.customers.filter((c) => c.locale === "zh-CN").every((c) => /\p{Script=Han}/u.test(c.lastName))).toBe(true);
  });

  it("numbers orders from 1001 in createdAt order, all within ~45 days before now", () => {
    const data = demo();
    expect(data.orders.map((o) => o.number)).toEqual(data.orders.map((_, i) => 1001 + i));
    const times = data.orders.map((o) => Date.parse(o.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const t of times) {
      expect(t).toBeLessThan(NOW.getTime());
      expect(t).toBeGreaterThanOrEqual(NOW.getTime() - 46 * DAY);
    }
  });

  it("ships domestic orders from the same country and pickup orders from the chosen store", () => {
    const data = demo();
    for (const o of data.orders) {
      const assigned = locationOf(data, o.assignedLocationKey);
      expect(assigned.isActive && assigned.fulfillsOnlineOrders, o.key).toBe(true);
      if (o.deliveryMethod === "PICK_UP") {
        expect(o.shippingAddress).toBeNull();
        expect(locationOf(data, o.pickupLocationKey).localPickup).not.toBeNull();
        expect(o.assignedLocationKey).toBe(o.pickupLocationKey);
        expect(o.noteAttributes).toContainEqual({ name: PICKUP_LOCATION_ATTRIBUTE, locationKey: o.pickupLocationKey });
      } else {
        const country = o.shippingAddress?.countryCode;
        if (country === "US" || country === "VN") expect(assigned.address.countryCode, o.key).toBe(country);
      }
    }
    const pickupCountries = new Set(data.orders.filter((o) => o.deliveryMethod === "PICK_UP").map((o) => locationOf(data, o.pickupLocationKey).address.countryCode));
    expect(pickupCountries).toEqual(new Set(["US", "VN"]));
    expect(data.orders.some((o) => o.lines.length > 1)).toBe(true);
    expect(data.orders.some((o) => o.lines.some((l) => l.quantity > 1))).toBe(true);
  });

  it("keeps open demand at each assigned location within on-hand stock", () => {
    const data = demo();
    const variants = variantsByKey(data);
    const demand = new Map<string, number>();
    for (const o of data.orders) {
      if (!["unfulfilled", "partially_fulfilled", "ready_for_pickup"].includes(o.state)) continue;
      for (const l of o.lines) {
        const k = `${o.assignedLocationKey}|${l.variantKey}`;
        demand.set(k, (demand.get(k) ?? 0) + l.quantity);
      }
    }
    expect(demand.size).toBeGreaterThan(0);
    for (const [k, qty] of demand) {
      const [locationKey = "", variantKey = ""] = k.split("|");
      expect(variants.get(variantKey)?.inventory[locationKey]?.onHand ?? 0, k).toBeGreaterThanOrEqual(qty);
    }
  });

  it("gives fulfillments the tracking and timestamps their state implies", () => {
    const data = demo();
    const now = NOW.getTime();
    for (const o of data.orders) {
      const created = Date.parse(o.createdAt);
      for (const f of o.fulfillments) {
        if (o.state === "fulfilled" || o.state === "delivered" || o.state === "partially_fulfilled") {
          const vn = o.shippingAddress?.countryCode === "VN";
          expect(f.trackingCompany, o.key).toMatch(vn ? /^(Giao Hàng Nhanh|Viettel Post)$/ : /^(UPS|USPS|FedEx|DHL Express)$/);
          expect(f.trackingUrl).toContain(encodeURIComponent(f.trackingNumber ?? "missing"));
          expect(f.trackingUrl).toMatch(/^https:\/\//);
          const inTransit = Date.parse(f.inTransitAt ?? "");
          expect(created).toBeLessThan(inTransit);
          expect(Date.parse(f.estimatedDeliveryAt ?? "")).toBeGreaterThan(inTransit);
          if (o.state === "delivered") {
            expect(f.status).toBe("DELIVERED");
            const delivered = Date.parse(f.deliveredAt ?? "");
            expect(inTransit).toBeLessThan(delivered);
            expect(delivered).toBeLessThan(now);
          } else {
            expect(f.status).toBe("IN_TRANSIT");
          }
        }
      }
      if (o.state === "ready_for_pickup") expect(o.fulfillments.map((f) => f.status)).toEqual(["READY_FOR_PICKUP"]);
      if (o.state === "picked_up") expect(o.fulfillments.map((f) => f.status)).toEqual(["PICKED_UP"]);
      if (o.state === "cancelled") {
        expect(Date.parse(o.cancelledAt ?? "")).toBeGreaterThan(created);
        expect(o.cancelReason).toBeDefined();
        expect(["VOIDED", "REFUNDED"]).toContain(o.financialStatus);
      }
    }
    // Most in-transit shipments are still expected in the future.
    const inTransit = data.orders.filter((o) => o.state === "fulfilled").flatMap((o) => o.fulfillments);
    expect(inTransit.filter((f) => Date.parse(f.estimatedDeliveryAt ?? "") > now).length).toBeGreaterThan(inTransit.length / 2);
  });
});

describe("validateSeed", () => {
  const base = demo();
  const orderWhere = (data: SeedData, state: SeedOrder["state"]) => firstOrder(data, (o) => o.state === state);

  const cases: [string, (d: SeedData) => void, RegExp][] = [
    ["duplicate location key", (d) => { (d.locations[1] as { key: string }).key = d.locations[0]?.key ?? ""; }, /duplicate location key/],
    ["duplicate SKU", (d) => { const [a, b] = d.products; if (a?.variants[0] && b?.variants[0]) b.variants[0].sku = a.variants[0].sku; }, /duplicate SKU "LP-/],
    ["duplicate variant key", (d) => { const [a, b] = d.products; if (a?.variants[0] && b?.variants[0]) b.variants[0].key = a.variants[0].key; }, /duplicate variant key/],
    ["duplicate order number", (d) => { const [a, b] = d.orders; if (a && b) b.number = a.number; }, /duplicate order number "1001"/],
    ["unknown customer", (d) => { if (d.orders[0]) d.orders[0].customerKey = "customer-nope"; }, /unknown customer "customer-nope"/],
    ["unknown line variant", (d) => { const line = d.orders[0]?.lines[0]; if (line) line.variantKey = "variant-nope"; }, /line references unknown variant "variant-nope"/],
    ["unknown assigned location", (d) => { if (d.orders[0]) d.orders[0].assignedLocationKey = "loc-nope"; }, /unknown assigned location "loc-nope"/],
    ["inventory at unknown location", (d) => { const v = d.products[0]?.variants[0]; if (v) v.inventory["loc-nope"] = { onHand: 1 }; }, /inventory at unknown location "loc-nope"/],
    ["committed exceeds onHand", (d) => { const v = d.products[0]?.variants[0]; if (v) v.inventory["wh-edison-nj"] = { onHand: 3, committed: 4 }; }, /committed 4 exceeds onHand 3/],
    [
      "fulfilled quantity exceeds ordered",
      (d) => { const line = orderWhere(d, "delivered").fulfillments[0]?.lines[0]; if (line) line.quantity += 1; },
      /fulfilled quantity \d+ of .* exceeds ordered quantity/,
    ],
    [
      "fulfillment of a variant not on the order",
      (d) => { const o = orderWhere(d, "fulfilled"); const other = d.products.flatMap((p) => p.variants).find((v) => !o.lines.some((l) => l.variantKey === v.key)); o.fulfillments[0]?.lines.push({ variantKey: other?.key ?? "", quantity: 1 }); },
      /which is not on the order/,
    ],
    [
      "pickup at a location without local pickup",
      (d) => { const o = orderWhere(d, "ready_for_pickup"); o.pickupLocationKey = "wh-edison-nj"; o.assignedLocationKey = "wh-edison-nj"; o.noteAttributes = [{ name: PICKUP_LOCATION_ATTRIBUTE, locationKey: "wh-edison-nj" }]; },
      /pickup at wh-edison-nj, which does not offer local pickup/,
    ],
    ["pickup at an unknown location", (d) => { const o = orderWhere(d, "picked_up"); o.pickupLocationKey = "store-nope"; }, /unknown pickup location "store-nope"/],
    ["pickup attribute disagreeing", (d) => { orderWhere(d, "picked_up").noteAttributes = [{ name: PICKUP_LOCATION_ATTRIBUTE, locationKey: "store-other" }]; }, /attribute "store-other" differs/],
    [
      "pickup attribute holding a location key as its value",
      (d) => { const o = orderWhere(d, "picked_up"); o.noteAttributes = [{ name: PICKUP_LOCATION_ATTRIBUTE, value: o.pickupLocationKey ?? "" }]; },
      /attribute has the literal value "store-[a-z-]+"; name the store with locationKey/,
    ],
    ["pickup order with an address", (d) => { const o = orderWhere(d, "picked_up"); o.shippingAddress = orderWhere(d, "delivered").shippingAddress; }, /pickup order has a shipping address/],
    ["shipping order without an address", (d) => { orderWhere(d, "fulfilled").shippingAddress = null; }, /shipping order without a shipping address/],
    [
      "deliveredAt before inTransitAt",
      (d) => { const f = orderWhere(d, "delivered").fulfillments[0]; if (f) f.deliveredAt = new Date(Date.parse(f.inTransitAt ?? "") - 3_600_000).toISOString(); },
      /inTransitAt is after its deliveredAt/,
    ],
    [
      "fulfillment before the order",
      (d) => { const o = orderWhere(d, "fulfilled"); const f = o.fulfillments[0]; if (f) f.createdAt = new Date(Date.parse(o.createdAt) - 60_000).toISOString(); },
      /createdAt is after .*fulfillment 1 createdAt/,
    ],
    ["cancelled before created", (d) => { const o = orderWhere(d, "cancelled"); o.cancelledAt = new Date(Date.parse(o.createdAt) - 60_000).toISOString(); }, /createdAt is after cancelledAt/],
    ["delivery in the future", (d) => { const f = orderWhere(d, "delivered").fulfillments[0]; if (f) f.deliveredAt = new Date(NOW.getTime() + 86_400_000).toISOString(); }, /deliveredAt is in the future/],
    ["not an ISO timestamp", (d) => { if (d.orders[0]) d.orders[0].createdAt = "last Tuesday"; }, /createdAt is not an ISO timestamp/],
    [
      "numbers out of createdAt order",
      (d) => { const [a, b] = d.orders; if (a && b) [a.number, b.number] = [b.number, a.number]; },
      /number 1002 is created before order/,
    ],
    ["delivered order still in transit", (d) => { const f = orderWhere(d, "delivered").fulfillments[0]; if (f) f.status = "IN_TRANSIT"; }, /state delivered but not every shipment is DELIVERED/],
    [
      "partially fulfilled order that is fully fulfilled",
      (d) => { const o = orderWhere(d, "partially_fulfilled"); o.fulfillments = [{ ...(o.fulfillments[0] as NonNullable<(typeof o.fulfillments)[0]>), lines: o.lines.map((l) => ({ ...l })) }]; },
      /state partially_fulfilled but (\d+) of \1 units are fulfilled/,
    ],
    ["cancelled order without cancelledAt", (d) => { delete orderWhere(d, "cancelled").cancelledAt; }, /state cancelled but cancelledAt is missing/],
    ["price not a decimal string", (d) => { const v = d.products[0]?.variants[0]; if (v) v.price = "28"; }, /price "28" is not a decimal string/],
  ];

  it("returns no problems for the untouched demo shop (the baseline for the cases below)", () => {
    expect(validateSeed(base, { now: NOW })).toEqual([]);
  });

  it.each(cases)("catches %s", (_name, breakIt, expected) => {
    const broken = structuredClone(base);
    breakIt(broken);
    expect(broken).not.toStrictEqual(base);
    expect(validateSeed(broken, { now: NOW })).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it("checks future timestamps only when given `now`", () => {
    const broken = structuredClone(base);
    const f = orderWhere(broken, "delivered").fulfillments[0];
    if (f) f.deliveredAt = new Date(NOW.getTime() + DAY).toISOString();
    expect(validateSeed(broken)).toEqual([]);
    expect(validateSeed(broken, { now: NOW }).length).toBeGreaterThan(0);
  });
});
