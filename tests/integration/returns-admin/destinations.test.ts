// Where returns go (issue 14, item 1), against the simulator's demo shop (Edison NJ and Reno NV
// warehouses, Bình Dương in Vietnam, stores in New York, San Francisco, Hồ Chí Minh City and Hà
// Nội), real PostgreSQL and the app's services: a mail return goes to the nearest location in the
// shopper's country that receives returns, else by the merchant's rule or fallback, for portal
// requests and for returns made in Shopify alike; staff change it before the label and the label
// and packing slip follow; the drop-off list holds only nearby stores in the shopper's country.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { changeReturnDestination } from "~/services/change-return-destination.server";
import { decideReturn } from "~/services/decide-return.server";
import { downloadReturnLabel } from "~/services/download-return-label.server";
import { loadReturnOptions } from "~/services/load-return-options.server";
import { updateReturnDestinations } from "~/services/update-return-destinations.server";
import { loadReturnDetail } from "~/services/load-return-detail.server";
import { syncMarkets } from "~/services/sync-markets.server";
import { extractPdfText } from "../../support/pdf";
import { byTag, control, installShop, portalRequest, settled, startDesk, waitFor, type Desk } from "./support";

const TEE = byTag("basics", ["final-sale"]);
const DAY = 86_400_000;

const NEW_YORK = { firstName: "Ava", lastName: "Stone", address1: "350 5th Ave", city: "New York", provinceCode: "NY", zip: "10118", country: "United States", countryCode: "US", latitude: 40.7484, longitude: -73.9857 };
const SAIGON = { firstName: "Mai", lastName: "Nguyễn", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.7769, longitude: 106.7009 };
const SHANGHAI = { firstName: "Wei", lastName: "Wang", address1: "88 Yanping Rd", city: "Shanghai", provinceCode: "SH", zip: "200040", country: "China", countryCode: "CN", latitude: 31.2243, longitude: 121.4468 };
const BERLIN = { firstName: "Jonas", lastName: "Weber", address1: "Unter den Linden 1", city: "Berlin", zip: "10117", country: "Germany", countryCode: "DE", latitude: 52.517, longitude: 13.389 };

let desk: Desk;
let shop: Shop;

beforeAll(async () => {
  desk = await startDesk();
}, 60_000);
afterAll(async () => desk?.close());
beforeEach(async () => {
  shop = await installShop(desk);
});

/** A paid order shipped to `address` and delivered three days ago. */
async function deliveredTo(address: typeof BERLIN & { provinceCode?: string }): Promise<string> {
  const email = `${address.firstName.toLowerCase()}@example.com`;
  const created = (await control(desk, "POST", "/orders", {
    lines: [{ sku: TEE, quantity: 1 }],
    email,
    customer: { email, firstName: address.firstName, lastName: address.lastName },
    shippingAddress: address,
    financialStatus: "PAID",
  })) as { order: { id: string } };
  const shipped = (await control(desk, "POST", "/fulfillments", { orderId: created.order.id })) as { fulfillments: { id: string }[] };
  for (const f of shipped.fulfillments) await control(desk, "POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 3 * DAY).toISOString() });
  return created.order.id;
}

const locationNamed = async (name: string) => (await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, name } })).shopifyId;
const destinationName = async (returnLocationId: string | null) =>
  returnLocationId ? (await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, shopifyId: returnLocationId } })).name : null;

const createOtherShop = () => prisma.shop.create({ data: { domain: "other-shop.myshopify.com", name: "Other" } });

async function saveDestinations(fields: Record<string, string | string[]>) {
  const result = await updateReturnDestinations({ shop, fields: { dropOffMaxDistanceKm: "50", ...fields } });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
}

describe("a mail return's destination", () => {
  it("is the nearest location in a US shopper's country (Edison), not Vietnam", async () => {
    const ret = await portalRequest(desk, shop, await deliveredTo(NEW_YORK));
    expect(await destinationName(ret.returnLocationId)).toBe("Edison Fulfillment Center");
  });

  it("is the Vietnamese warehouse for a Vietnamese shopper", async () => {
    const ret = await portalRequest(desk, shop, await deliveredTo(SAIGON));
    expect(await destinationName(ret.returnLocationId)).toBe("Bình Dương Fulfillment Center");
  });

  it("is the merchant's fallback when no location is in the shopper's country", async () => {
    await saveDestinations({ fallbackLocationId: await locationNamed("Reno Fulfillment Center") });
    const ret = await portalRequest(desk, shop, await deliveredTo(BERLIN));
    expect(await destinationName(ret.returnLocationId)).toBe("Reno Fulfillment Center");
  });

  it("follows the merchant's rule for the country", async () => {
    await saveDestinations({ ruleCountry: ["US", ""], ruleLocation: [await locationNamed("Reno Fulfillment Center"), ""] });
    const ret = await portalRequest(desk, shop, await deliveredTo(NEW_YORK));
    expect(await destinationName(ret.returnLocationId)).toBe("Reno Fulfillment Center");
  });

  it("follows the shopper's country for a return made in Shopify too", async () => {
    const orderId = await deliveredTo(NEW_YORK);
    await control(desk, "POST", "/returns", { orderId, status: "REQUESTED", lines: [{ sku: TEE, quantity: 1, returnReason: "COLOR" }] });
    await settled(desk);
    const ret = await waitFor(() => prisma.returnRequest.findFirst({ where: { shopId: shop.id, orderId } }), "the imported return");
    expect(await destinationName(ret.returnLocationId)).toBe("Edison Fulfillment Center");
  });

  it("changes on staff's word before the label, and the label and packing slip name it; after the label it stays", async () => {
    const ret = await portalRequest(desk, shop, await deliveredTo(NEW_YORK));
    const reno = await locationNamed("Reno Fulfillment Center");
    const changed = await changeReturnDestination({ shop, returnId: ret.id, locationId: reno, actor: "lan@example.com" });
    expect(changed).toMatchObject({ status: "changed", locationName: "Reno Fulfillment Center" });
    const events = await prisma.returnEvent.findMany({ where: { returnId: ret.id, type: "destination_changed" } });
    expect(events.map((e) => e.message)).toEqual(["Edison Fulfillment Center → Reno Fulfillment Center"]);

    const approved = await decideReturn({ shop, graphql: desk.graphql, returnId: ret.id, actor: "lan@example.com", decision: { type: "approve" } });
    expect(approved.status).toBe("approved");
    const label = await downloadReturnLabel({ shop, graphql: desk.graphql, orderId: ret.orderId, rma: ret.rma });
    if (label.status !== "ok") throw new Error("no label");
    const [front, slip] = await extractPdfText(label.pdf);
    expect(front!.text).toContain("Reno Fulfillment Center");
    expect(front!.text).not.toContain("Edison");
    expect(slip!.text).toMatch(/RETURN TO: Reno Fulfillment Center, Reno, United States/);

    const late = await changeReturnDestination({ shop, returnId: ret.id, locationId: await locationNamed("Edison Fulfillment Center"), actor: "lan@example.com" });
    expect(late).toEqual({ status: "refused", problem: "label-exists" });
    expect(await destinationName((await prisma.returnRequest.findUniqueOrThrow({ where: { id: ret.id } })).returnLocationId)).toBe("Reno Fulfillment Center");
  });

  it("follows the rule for the shopper's Shopify market (Asia-Pacific → Bình Dương), and its page says so", async () => {
    const markets = await syncMarkets(shop, desk.graphql);
    const apac = markets.find((m) => m.name === "Asia-Pacific")!;
    await saveDestinations({ ruleMarket: [apac.id, ""], ruleMarketLocation: [await locationNamed("Bình Dương Fulfillment Center"), ""], fallbackLocationId: await locationNamed("Reno Fulfillment Center") });
    const ret = await portalRequest(desk, shop, await deliveredTo(SHANGHAI));
    expect(await destinationName(ret.returnLocationId)).toBe("Bình Dương Fulfillment Center");
    await settled(desk);
    const detail = await loadReturnDetail({ shop, graphql: null, returnId: ret.id });
    expect(detail?.destination.why).toEqual({ reason: "market-rule", market: "Asia-Pacific" });
    // Without the rule the same shopper's return goes to the fallback (no location in China).
    await saveDestinations({ fallbackLocationId: await locationNamed("Reno Fulfillment Center") });
    const again = await portalRequest(desk, shop, await deliveredTo({ ...SHANGHAI, firstName: "Li" }));
    expect(await destinationName(again.returnLocationId)).toBe("Reno Fulfillment Center");
    await settled(desk);
    expect((await loadReturnDetail({ shop, graphql: null, returnId: again.id }))?.destination.why).toEqual({ reason: "fallback" });
    // The first return's rule is gone: its page no longer claims one.
    expect((await loadReturnDetail({ shop, graphql: null, returnId: ret.id }))?.destination.why).toBeNull();
  });

  it("prefers the rule for the shopper's country over the rule for its market", async () => {
    const markets = await syncMarkets(shop, desk.graphql);
    const unitedStates = markets.find((m) => m.name === "United States")!;
    await saveDestinations({
      ruleCountry: ["US"],
      ruleLocation: [await locationNamed("Reno Fulfillment Center")],
      ruleMarket: [unitedStates.id],
      ruleMarketLocation: [await locationNamed("Edison Fulfillment Center")],
    });
    const ret = await portalRequest(desk, shop, await deliveredTo(NEW_YORK));
    expect(await destinationName(ret.returnLocationId)).toBe("Reno Fulfillment Center");
    await settled(desk);
    expect((await loadReturnDetail({ shop, graphql: null, returnId: ret.id }))?.destination.why).toEqual({ reason: "country-rule", countryCode: "US" });
  });

  it("refuses another shop's or an unknown location, writing nothing", async () => {
    const ret = await portalRequest(desk, shop, await deliveredTo(NEW_YORK));
    expect(await changeReturnDestination({ shop, returnId: ret.id, locationId: "gid://shopify/Location/999999", actor: "lan@example.com" })).toEqual({ status: "invalid", problem: "location" });
    expect((await prisma.returnRequest.findUniqueOrThrow({ where: { id: ret.id } })).returnLocationId).toBe(ret.returnLocationId);
  });
});

describe("a pickup order (no shipping address)", () => {
  it("counts the shopper in the pickup store's country: Vietnamese stores only, and the Vietnamese warehouse by mail", async () => {
    const state = (await control(desk, "GET", "/state")) as unknown as { locations: { id: string; name: string }[] };
    const email = "lan.pickup@example.com";
    const created = (await control(desk, "POST", "/orders", {
      lines: [{ sku: TEE, quantity: 1 }],
      email,
      customer: { email, firstName: "Lan", lastName: "Trần" },
      deliveryMethod: "PICK_UP",
      pickupLocationId: state.locations.find((l) => l.name === "Hoàn Kiếm Store")!.id,
      financialStatus: "PAID",
    })) as { order: { id: string } };
    const picked = (await control(desk, "POST", "/fulfillments", { orderId: created.order.id })) as { fulfillments: { id: string }[] };
    for (const f of picked.fulfillments) await control(desk, "POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - DAY).toISOString() });

    const options = await loadReturnOptions({ shop, graphql: desk.graphql, orderId: created.order.id });
    if (options.status !== "ok") throw new Error("order not found");
    expect(options.options.order.shippingAddress).toBeNull();
    expect(options.options.dropOffStores.map((s) => s.name).sort()).toEqual(["Hoàn Kiếm Store", "Quận 1 Store"]);
    const ret = await portalRequest(desk, shop, created.order.id);
    expect(await destinationName(ret.returnLocationId)).toBe("Bình Dương Fulfillment Center");
  });
});

describe("drop-off stores", () => {
  it("offers a New York shopper only the New York stores, nearest first, and a Saigon shopper only Vietnamese ones", async () => {
    const ny = await loadReturnOptions({ shop, graphql: desk.graphql, orderId: await deliveredTo(NEW_YORK) });
    if (ny.status !== "ok") throw new Error("order not found");
    expect(ny.options.dropOffStores.map((s) => s.name)).toEqual(["SoHo Store", "Williamsburg Store"]);
    expect(ny.options.dropOffStores.every((s) => s.distanceKm! < 50)).toBe(true);

    const vn = await loadReturnOptions({ shop, graphql: desk.graphql, orderId: await deliveredTo(SAIGON) });
    if (vn.status !== "ok") throw new Error("order not found");
    expect(vn.options.dropOffStores.map((s) => s.name)).toEqual(["Quận 1 Store"]);
  });

  it("widens to the merchant's distance, still in the shopper's country only", async () => {
    await saveDestinations({ dropOffMaxDistanceKm: "2000" });
    const vn = await loadReturnOptions({ shop, graphql: desk.graphql, orderId: await deliveredTo(SAIGON) });
    if (vn.status !== "ok") throw new Error("order not found");
    expect(vn.options.dropOffStores.map((s) => s.name)).toEqual(["Quận 1 Store", "Hoàn Kiếm Store"]);
  });

  it("does not offer a store staff paused (closed for now): it cannot take a parcel either", async () => {
    await prisma.location.updateMany({ where: { shopId: shop.id, name: "SoHo Store" }, data: { routingPausedAt: new Date(), routingPausedBy: "staff@example.com" } });
    const ny = await loadReturnOptions({ shop, graphql: desk.graphql, orderId: await deliveredTo(NEW_YORK) });
    if (ny.status !== "ok") throw new Error("order not found");
    expect(ny.options.dropOffStores.map((s) => s.name)).toEqual(["Williamsburg Store"]);
  });
});

describe("drop-off instructions", () => {
  it("reach the shopper in the approval email as the merchant wrote them, never the store's pickup words", async () => {
    await saveDestinations({ "instructions:en": "Hand the parcel to the cashier and say your return number." });
    const ret = await portalRequest(desk, shop, await deliveredTo(NEW_YORK), { method: "DROP_OFF" });
    expect(await destinationName(ret.returnLocationId)).toBe("SoHo Store");
    expect((await decideReturn({ shop, graphql: desk.graphql, returnId: ret.id, actor: "lan@example.com", decision: { type: "approve" } })).status).toBe("approved");
    await settled(desk);
    const email = await waitFor(async () => desk.standIn.messages().find((m) => /approved/i.test(m.subject)), "the approval email");
    expect(email.html).toContain("Hand the parcel to the cashier and say your return number.");
    // SoHo's local pickup instructions in the demo shop.
    expect(email.html).not.toContain("Collect at the front desk");
  });
});

describe("the destination settings", () => {
  it("answer every bad field with its problem and store nothing", async () => {
    const result = await updateReturnDestinations({
      shop,
      fields: {
        ruleCountry: ["US", "us", "Narnia"],
        ruleLocation: [await locationNamed("Reno Fulfillment Center"), "", "x"],
        fallbackLocationId: "gid://shopify/Location/999999",
        dropOffMaxDistanceKm: "0",
        "instructions:vi": "x".repeat(501),
      },
    });
    expect(result).toEqual({
      ok: false,
      errors: expect.objectContaining({
        "rules.1.country": "COUNTRY_TWICE",
        "rules.1.locationId": "LOCATION_REQUIRED",
        "rules.2.country": "COUNTRY_INVALID",
        dropOffMaxDistanceKm: "DISTANCE_INVALID",
      }),
    });
    expect(await prisma.returnPolicy.findUnique({ where: { shopId: shop.id } })).toBeNull();

    const unknown = await updateReturnDestinations({ shop, fields: { fallbackLocationId: "gid://shopify/Location/999999", dropOffMaxDistanceKm: "30" } });
    expect(unknown).toEqual({ ok: false, errors: { fallbackLocationId: "LOCATION_UNKNOWN" } });
    const tooLong = await updateReturnDestinations({ shop, fields: { "instructions:vi": "x".repeat(501), dropOffMaxDistanceKm: "30" } });
    expect(tooLong).toEqual({ ok: false, errors: { "instructions:vi": "INSTRUCTIONS_TOO_LONG" } });
    expect(await prisma.returnPolicy.findUnique({ where: { shopId: shop.id } })).toBeNull();
  });

  it("answer a market rule naming a draft, unknown or repeated market, or no market, in words, and store nothing", async () => {
    const markets = await syncMarkets(shop, desk.graphql);
    const europe = markets.find((m) => m.name === "Europe")!;
    const vietnam = markets.find((m) => m.name === "Vietnam")!;
    const reno = await locationNamed("Reno Fulfillment Center");
    const result = await updateReturnDestinations({
      shop,
      fields: { ruleMarket: [europe.id, "gid://shopify/Market/999999", vietnam.id], ruleMarketLocation: [reno, reno, reno], dropOffMaxDistanceKm: "30" },
    });
    expect(result).toEqual({ ok: false, errors: { "marketRules.0.market": "MARKET_UNKNOWN", "marketRules.1.market": "MARKET_UNKNOWN" } });
    const twice = await updateReturnDestinations({ shop, fields: { ruleMarket: [vietnam.id, vietnam.id, ""], ruleMarketLocation: [reno, reno, reno], dropOffMaxDistanceKm: "30" } });
    expect(twice).toEqual({ ok: false, errors: { "marketRules.1.market": "MARKET_TWICE", "marketRules.2.market": "MARKET_REQUIRED" } });
    // Another shop's market is unknown here.
    await prisma.market.updateMany({ where: { shopId: shop.id, name: "Vietnam" }, data: { shopId: (await createOtherShop()).id } });
    const foreign = await updateReturnDestinations({ shop, fields: { ruleMarket: [vietnam.id], ruleMarketLocation: [reno], dropOffMaxDistanceKm: "30" } });
    expect(foreign).toEqual({ ok: false, errors: { "marketRules.0.market": "MARKET_UNKNOWN" } });
    expect(await prisma.returnPolicy.findUnique({ where: { shopId: shop.id } })).toBeNull();
  });

  it("keep a stored market rule when the market is put in draft in Shopify (it applies again once active)", async () => {
    const markets = await syncMarkets(shop, desk.graphql);
    const apac = markets.find((m) => m.name === "Asia-Pacific")!;
    const fields = { ruleMarket: [apac.id], ruleMarketLocation: [await locationNamed("Bình Dương Fulfillment Center")], fallbackLocationId: await locationNamed("Reno Fulfillment Center") };
    await saveDestinations(fields);
    await prisma.market.updateMany({ where: { shopId: shop.id, name: "Asia-Pacific" }, data: { status: "DRAFT" } });
    await saveDestinations(fields);
    expect((await prisma.returnPolicy.findUniqueOrThrow({ where: { shopId: shop.id } })).destinationRules).toEqual([{ market: apac.id, locationId: fields.ruleMarketLocation[0] }]);
    // A draft market matches no shopper: the Shanghai return goes by the other rules.
    const ret = await portalRequest(desk, shop, await deliveredTo(SHANGHAI));
    expect(await destinationName(ret.returnLocationId)).toBe("Reno Fulfillment Center");
  });
});
