// An exchange through the real pipeline, against the simulator: the shopper asks in the portal to
// swap a tee for another size (offered because a shipping location has it, by Crossdock's inventory
// mirror); Shopify gets a return with the exchange line item (returnCreate) and Crossdock approves
// it; receiving it confirms the exchange item in Shopify (returnProcess), whose new fulfillment order
// Crossdock's routing moves to the location its rules pick, with the decision on the routing log.
// And the errors: a size sold out between the page and the submission, and Shopify refusing the
// return, each answered in words with nothing written anywhere.
import { describe, expect, it } from "vitest";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { seed, TEE } from "./demo-shop-desk";
import "./lookup-support";

const { prisma } = await import("~/db.server");
const { demoShopDesk } = await import("./demo-shop-desk");
const { loadReturnOptions } = await import("~/services/load-return-options.server");
const { submitPortalReturn } = await import("~/services/submit-portal-return.server");
const { receiveReturn } = await import("~/services/receive-return.server");
const { updateReturnOutcomes } = await import("~/services/update-return-outcomes.server");
const { syncInventory } = await import("~/services/sync-inventory.server");
const { fetchLocations } = await import("~/shopify/locations");

const desk = demoShopDesk();
const { control, admin } = desk;
const TEES = seed.products.find((p) => p.variants.some((v) => v.sku === TEE.sku))!.variants;
const LARGER = TEES.find((v) => v.sku !== TEE.sku && v.title.endsWith(TEE.title.split(" / ")[1]!))!;
let largerId = "";
const sanFrancisco = { firstName: "Lan", lastName: "Nguyễn", address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US", latitude: 37.7936, longitude: -122.3958 };

/**
 * No tee in stock anywhere but the other size at Edison (Shopify's first location) and Reno (nearest
 * San Francisco), mirrored into Crossdock.
 */
async function stockLarger(units: { edison: number; reno: number }, others = true) {
  const found = await admin<{ productVariants: { nodes: { id: string }[] } }>(`query($q: String!) { productVariants(first: 1, query: $q) { nodes { id } } }`, { q: `sku:${LARGER.sku}` });
  largerId = found.productVariants.nodes[0]!.id;
  const locations = await fetchLocations(desk.graphql());
  const id = (name: string) => locations.find((l) => l.name === name)!.shopifyId;
  const quantity = (sku: string, location: string) => (sku !== LARGER.sku ? 0 : location === id("Edison Fulfillment Center") ? units.edison : location === id("Reno Fulfillment Center") ? units.reno : 0);
  const changes = TEES.filter((v) => v.sku !== TEE.sku && (others || v.sku === LARGER.sku)).flatMap((v) => locations.map((l) => ({ sku: v.sku, locationId: l.shopifyId, name: "available", quantity: quantity(v.sku, l.shopifyId) })));
  await control("POST", "/inventory", { changes });
  // A Shopify Plus shop's Admin API bucket (FIDELITY QC-10): the full sync takes seconds, not minutes.
  await control("PUT", "/throttle", { plan: "plus" });
  await syncInventory(desk.shop(), desk.graphql());
  return { edison: id("Edison Fulfillment Center"), reno: id("Reno Fulfillment Center") };
}

async function exchangeOrder() {
  await updateReturnOutcomes({ shop: desk.shop(), fields: { outcomes: ["REFUND"], exchangeAllowed: "on" } });
  const email = "lan.exchange@example.com";
  const orderId = await desk.deliveredOrder({ lines: [{ sku: TEE.sku, quantity: 1 }], email, customer: { email, firstName: "Lan", lastName: "Nguyễn", locale: "vi" }, shippingAddress: sanFrancisco });
  const loaded = await loadReturnOptions({ shop: desk.shop(), graphql: desk.graphql(), orderId });
  if (loaded.status !== "ok") throw new Error("order not found");
  const item = loaded.options.items.find((i) => i.eligible)!.line.fulfillmentLineItemId;
  return { orderId, item, offers: loaded.options.exchangeOffers.get(item) ?? [] };
}

const submit = (orderId: string, item: string, graphql: AdminGraphql = desk.graphql()) =>
  submitPortalReturn({
    shop: desk.shop(),
    graphql,
    orderId,
    locale: "vi",
    actor: "shopper",
    selection: { items: [{ fulfillmentLineItemId: item, quantity: "1", reason: "SIZE_TOO_SMALL", exchangeVariantId: largerId }], method: "MAIL" },
  });

type OrderFos = { order: { fulfillmentOrders: { nodes: { id: string; status: string; assignedLocation: { location: { id: string } | null }; lineItems: { nodes: { variant: { id: string } | null }[] } }[] } } };
const FOS = `query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 20) { nodes { id status assignedLocation { location { id } } lineItems(first: 10) { nodes { variant { id } } } } } } }`;

// Each test stocks the shop in the simulator and mirrors it (a full inventory sync).
describe("an exchange requested in the portal", { timeout: 240_000 }, () => {
  it("ends with the exchange's fulfillment order in Shopify, routed by Crossdock's rules and on the routing log", async () => {
    const { edison, reno } = await stockLarger({ edison: 3, reno: 3 });
    const { orderId, item, offers } = await exchangeOrder();
    // Offered: the other sizes a shipping location has (this one only), never the tee bought.
    expect(offers.map((o) => o.id)).toEqual([largerId]);

    const result = await submit(orderId, item);
    expect(result.status).toBe("created");
    if (result.status !== "created") return;

    // In Shopify: an open return carrying the exchange line item.
    const { return: inShopify } = await admin<{ return: { status: string; exchangeLineItems: { nodes: { id: string; variantId: string; quantity: number }[] } } }>(
      `query($id: ID!) { return(id: $id) { status exchangeLineItems(first: 5) { nodes { id variantId quantity } } } }`,
      { id: result.ret.shopifyReturnId },
    );
    expect(inShopify.status).toBe("OPEN");
    expect(inShopify.exchangeLineItems.nodes).toEqual([{ id: expect.any(String), variantId: largerId, quantity: 1 }]);

    // In Crossdock: approved with its label, the line's new variant and Shopify's exchange line kept.
    const stored = await prisma.returnRequest.findUniqueOrThrow({ where: { id: result.ret.id }, include: { lines: true } });
    expect(stored).toMatchObject({ status: "APPROVED", decidedBy: "system", exchangeTiming: "AFTER_RECEIPT" });
    expect(stored.exchangeDue!.toNumber()).toBe(0);
    expect(stored.lines[0]).toMatchObject({ exchangeVariantId: largerId, exchangeVariantTitle: LARGER.title, exchangeLineItemId: inShopify.exchangeLineItems.nodes[0]!.id });
    expect(stored.labelTrackingNumber).toBeTruthy();

    // Received: the exchange item is confirmed, Shopify makes its fulfillment order, Crossdock routes it.
    const received = await receiveReturn({
      shop: desk.shop(),
      graphql: desk.graphql(),
      returnId: stored.id,
      actor: "staff@example.com",
      request: { locationId: edison, lines: stored.lines.map((l) => ({ lineId: l.id, disposition: "RESTOCKED" as const })), refund: true },
    });
    expect(received.status).toBe("received");

    const { order } = await admin<OrderFos>(FOS, { id: orderId });
    const exchangeFo = order.fulfillmentOrders.nodes.find((fo) => fo.lineItems.nodes.some((l) => l.variant?.id === largerId));
    expect(exchangeFo).toBeDefined();
    // Nearest San Francisco with the size in stock: Reno, wherever Shopify first put it.
    expect(exchangeFo!.assignedLocation.location?.id).toBe(reno);
    const decision = await prisma.routingDecision.findFirstOrThrow({ where: { shopId: desk.shop().id, orderId, trigger: "exchange" } });
    expect(decision.status).toBe("APPLIED");
    expect(decision.shippingLocationIds).toEqual([reno]);

    // An even swap: no refund, the timeline says the exchange was confirmed.
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id }, include: { events: true } });
    expect(after.refundedAmount).toBeNull();
    expect(after.exchangeProcessedAt).not.toBeNull();
    expect(after.events.map((e) => e.type)).toContain("exchange_processed");
  });

  it("refuses a size sold out between the page and the submission, in words, with nothing sent or stored", async () => {
    await stockLarger({ edison: 0, reno: 1 });
    const { orderId, item, offers } = await exchangeOrder();
    expect(offers.map((o) => o.id)).toEqual([largerId]);
    await stockLarger({ edison: 0, reno: 0 }, false); // someone bought the last one

    const result = await submit(orderId, item);
    expect(result).toEqual({ status: "invalid", errors: [{ code: "EXCHANGE_VARIANT_UNAVAILABLE", field: "exchange", item }] });
    expect(await prisma.returnRequest.count()).toBe(0);
    const { order } = await admin<{ order: { returns: { nodes: unknown[] } } }>(`query($id: ID!) { order(id: $id) { returns(first: 5) { nodes { id } } } }`, { id: orderId });
    expect(order.returns.nodes).toEqual([]);
  });

  it("gives back Shopify's refusal when Shopify will not create the return (staff returned the item in Shopify meanwhile), with nothing stored", async () => {
    await stockLarger({ edison: 0, reno: 2 });
    const { orderId, item } = await exchangeOrder();
    // Just before Crossdock's returnCreate reaches Shopify, staff return the same tee in Shopify admin.
    const racing: AdminGraphql = async (query, options) => {
      if (query.includes("CrossdockReturnCreate")) await control("POST", "/returns", { orderId, status: "OPEN", lines: [{ sku: TEE.sku, quantity: 1, returnReason: "OTHER" }] });
      return desk.graphql()(query, options);
    };
    const result = await submit(orderId, item, racing);
    expect(result.status).toBe("rejected");
    if (result.status === "rejected") expect(result.messages.join(" ")).toMatch(/\w/);
    expect(await prisma.returnRequest.count()).toBe(0);
    const { order } = await admin<{ order: { returns: { nodes: { exchangeLineItems: { nodes: unknown[] } }[] } } }>(
      `query($id: ID!) { order(id: $id) { returns(first: 5) { nodes { exchangeLineItems(first: 5) { nodes { id } } } } } }`,
      { id: orderId },
    );
    // Only the staff's return, with no exchange on it.
    expect(order.returns.nodes).toEqual([{ exchangeLineItems: { nodes: [] } }]);
  });
});
