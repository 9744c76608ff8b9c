// An exchange that costs the shopper more, through the app's use cases against the simulator: the
// portal quotes the difference; receiving the return confirms the new item and the returned one in
// Shopify, whose order then owes the difference and holds the new item's fulfillment order
// AWAITING_PAYMENT. Crossdock has Shopify email the invoice, once (receiving again sends no second),
// and routes nothing while it is unpaid; the customer pays the invoice, and the payment's
// orders/updated releases the fulfillment order to Crossdock's routing: one "exchange" decision,
// however often the webhook comes. The shopper's status page and the desk say where it stands.
// Cheap on purpose: the one exchanged size is stocked in the simulator and mirrored by hand, no
// inventory sync.
import { describe, expect, it } from "vitest";
import { internalId } from "../../../simulator/store/ids";
import { payloadFor } from "../../../simulator/webhooks/payloads";
import { seed, SHOP, TEE } from "./demo-shop-desk";
import "./lookup-support";

const { prisma } = await import("~/db.server");
const { demoShopDesk } = await import("./demo-shop-desk");
const { loadReturnOptions } = await import("~/services/load-return-options.server");
const { submitPortalReturn } = await import("~/services/submit-portal-return.server");
const { receiveReturn } = await import("~/services/receive-return.server");
const { updateReturnOutcomes } = await import("~/services/update-return-outcomes.server");
const { loadReturnDetail } = await import("~/services/load-return-detail.server");
const { upsertInventoryLevel } = await import("~/models/inventory.server");
const { createProcessors } = await import("~/jobs/webhook-topics.server");
const { handOverRecorder } = await import("../../support/order-routers");
const { logger } = await import("~/logger.server");
const { fetchLocations } = await import("~/shopify/locations");
const { ALL_SCOPES } = await import("../../simulator/helpers");

// The other size of the tee costs $8.00 more than the one bought (the seed is the simulator's shop).
const TEES = seed.products.find((p) => p.variants.some((v) => v.sku === TEE.sku))!.variants;
const LARGER = TEES.find((v) => v.sku !== TEE.sku && v.title.endsWith(TEE.title.split(" / ")[1]!))!;
LARGER.price = (Number(TEE.price) + 8).toFixed(2);

const desk = demoShopDesk();
const { control, admin } = desk;

/** The larger tee in stock at Reno only, in the simulator and in Crossdock's mirror (that one level). */
async function stockLarger(): Promise<{ variantId: string; reno: string }> {
  const found = await admin<{ productVariants: { nodes: { id: string; inventoryItem: { id: string } }[] } }>(
    `query($q: String!) { productVariants(first: 1, query: $q) { nodes { id inventoryItem { id } } } }`,
    { q: `sku:${LARGER.sku}` },
  );
  const variant = found.productVariants.nodes[0]!;
  const reno = (await fetchLocations(desk.graphql())).find((l) => l.name === "Reno Fulfillment Center")!.shopifyId;
  await control("POST", "/inventory", { changes: [{ sku: LARGER.sku, locationId: reno, name: "available", quantity: 5 }] });
  await upsertInventoryLevel(desk.shop(), { inventoryItemId: variant.inventoryItem.id, locationShopifyId: reno, variantId: variant.id, sku: LARGER.sku, available: 5, shopifyUpdatedAt: new Date() });
  return { variantId: variant.id, reno };
}

type OrderState = {
  order: { displayFinancialStatus: string; totalOutstandingSet: { presentmentMoney: { amount: string } }; fulfillmentOrders: { nodes: { status: string; lineItems: { nodes: { variant: { id: string } | null }[] } }[] } };
};
const ORDER = `query($id: ID!) { order(id: $id) { displayFinancialStatus totalOutstandingSet { presentmentMoney { amount } }
  fulfillmentOrders(first: 20) { nodes { status lineItems(first: 10) { nodes { variant { id } } } } } } }`;

/** The invoices Shopify emailed for the order (the simulator keeps its shop across this file's tests). */
const invoices = async (orderId: string) =>
  ((await control("GET", "/order-invoices")).invoices as { orderId: string; to: string; amountOutstanding: { amount: string; currencyCode: string } }[]).filter((i) => i.orderId === orderId);
const exchangeDecisions = (orderId: string) => prisma.routingDecision.findMany({ where: { shopId: desk.shop().id, orderId, trigger: "exchange" } });

/** The order's orders/updated as Shopify sends it now, processed by the app's webhook processor. */
async function ordersUpdated(orderId: string): Promise<void> {
  const payload = payloadFor(desk.simulator().store.requireShop(SHOP), { topic: "orders/updated", shop: SHOP, orderId: internalId(orderId.split("/").pop()!) });
  const processors = createProcessors({ admin: async () => desk.graphql(), orderRouter: handOverRecorder() });
  const delivery = { id: `d-${Math.random()}`, shop: SHOP, topic: "orders/updated", webhookId: `w-${Math.random()}`, triggeredAt: new Date(), receivedAt: new Date(), payload };
  await processors["orders/updated"]!({ delivery: delivery as never, log: logger });
}

/** An approved portal exchange of the tee for the larger one ($8.00 more); `receive()` receives it at Reno. */
async function approvedExchange() {
  const { variantId, reno } = await stockLarger();
  await updateReturnOutcomes({ shop: desk.shop(), fields: { outcomes: ["REFUND"], exchangeAllowed: "on", exchangePayDifference: "on" } });
  const email = "mai.exchange@example.com";
  const orderId = await desk.deliveredOrder({
    lines: [{ sku: TEE.sku, quantity: 1 }],
    email,
    customer: { email, firstName: "Mai", lastName: "Trần", locale: "vi" },
    shippingAddress: { firstName: "Mai", lastName: "Trần", address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US", latitude: 37.7936, longitude: -122.3958 },
  });
  const loaded = await loadReturnOptions({ shop: desk.shop(), graphql: desk.graphql(), orderId });
  if (loaded.status !== "ok") throw new Error("order not found");
  const item = loaded.options.items.find((i) => i.eligible)!.line.fulfillmentLineItemId;
  expect(loaded.options.exchangeOffers.get(item)?.map((o) => o.id)).toEqual([variantId]);
  const result = await submitPortalReturn({
    shop: desk.shop(),
    graphql: desk.graphql(),
    orderId,
    locale: "vi",
    actor: "shopper",
    selection: { items: [{ fulfillmentLineItemId: item, quantity: "1", reason: "SIZE_TOO_SMALL", exchangeVariantId: variantId }], method: "MAIL" },
  });
  if (result.status !== "created") throw new Error(`not created: ${result.status}`);
  const approved = await prisma.returnRequest.findUniqueOrThrow({ where: { id: result.ret.id }, include: { lines: true } });
  expect(approved.status).toBe("APPROVED");
  expect(approved.exchangeDue!.toFixed(2)).toBe("8.00");
  const receive = () =>
    receiveReturn({
      shop: desk.shop(),
      graphql: desk.graphql(),
      returnId: approved.id,
      actor: "staff@example.com",
      request: { locationId: reno, lines: approved.lines.map((l) => ({ lineId: l.id, disposition: "RESTOCKED" as const })), refund: true },
    });
  return { orderId, variantId, email, returnId: approved.id, receive };
}

const stored = (id: string) => prisma.returnRequest.findUniqueOrThrow({ where: { id }, include: { events: true } });
const detailOf = async (id: string) => (await loadReturnDetail({ shop: desk.shop(), graphql: null, returnId: id }))!.exchange!;

describe("an exchange that costs more", { timeout: 120_000 }, () => {
  it("is invoiced once after the receipt, stays held and unrouted until paid, and is routed once when the payment's orders/updated arrives", async () => {
    const { orderId, variantId, email, returnId, receive } = await approvedExchange();

    // Received: Shopify confirms the new tee and the returned one; the order owes $8.00 and holds the new tee.
    expect((await receive()).status).toBe("received");
    let { order } = await admin<OrderState>(ORDER, { id: orderId });
    const exchangeFo = () => order.fulfillmentOrders.nodes.find((fo) => fo.lineItems.nodes.some((l) => l.variant?.id === variantId))!;
    expect(order.displayFinancialStatus).toBe("PARTIALLY_PAID");
    expect(exchangeFo().status).toBe("ON_HOLD");

    // Shopify emailed the invoice for the difference, to the shopper; the return says so.
    expect(await invoices(orderId)).toEqual([expect.objectContaining({ orderId, to: email, amountOutstanding: { amount: "8.00", currencyCode: "USD" } })]);
    const invoiced = await stored(returnId);
    expect(invoiced).toMatchObject({ exchangeInvoiceSentAt: expect.any(Date), exchangeInvoiceCurrency: "USD", exchangePaidAt: null });
    expect(invoiced.exchangeInvoiceAmount!.toFixed(2)).toBe("8.00");
    expect(invoiced.events.filter((e) => e.type === "exchange_invoice_sent")).toHaveLength(1);

    // Receiving again, and an orders/updated before the payment: no second invoice, still held, nothing routed.
    expect((await receive()).status).toBe("unchanged");
    await ordersUpdated(orderId);
    expect(await invoices(orderId)).toHaveLength(1);
    expect(await exchangeDecisions(orderId)).toEqual([]);
    expect(await detailOf(returnId)).toMatchObject({ payment: "invoiced", invoice: { amount: "8", currency: "USD" }, paidAt: null });

    // The shopper pays Shopify's invoice: the hold is released; the payment's orders/updated routes it, once.
    await control("POST", `/orders/${encodeURIComponent(orderId)}/invoice-payment`, {});
    ({ order } = await admin<OrderState>(ORDER, { id: orderId }));
    expect(order.displayFinancialStatus).toBe("PAID");
    expect(exchangeFo().status).toBe("OPEN");
    await ordersUpdated(orderId);
    await ordersUpdated(orderId);
    expect(await exchangeDecisions(orderId)).toEqual([expect.objectContaining({ trigger: "exchange" })]);
    const paid = await stored(returnId);
    expect(paid).toMatchObject({ exchangePaidAt: expect.any(Date), exchangeRoutedAt: expect.any(Date) });
    expect(paid.events.filter((e) => e.type === "exchange_paid")).toHaveLength(1);
    expect(await detailOf(returnId)).toMatchObject({ payment: "paid", paidAt: expect.any(String) });
    expect(await invoices(orderId)).toHaveLength(1);
  });

  it("Shopify refusing the invoice is on the desk in its words and nothing is claimed; an invoice whose answer was lost is never asked again", async () => {
    const { orderId, returnId, receive } = await approvedExchange();
    const sim = desk.simulator();
    const grant = (scopes: string) =>
      fetch(`${sim.url}/_control/shops`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ shop: SHOP, scopes }) });
    // The shop has not granted write_orders yet (only read_orders): Shopify denies orderInvoiceSend.
    await grant([...ALL_SCOPES.split(",").filter((s) => s !== "write_orders"), "read_orders"].join(","));
    expect((await receive()).status).toBe("received");
    expect(await invoices(orderId)).toEqual([]);
    const refused = await stored(returnId);
    expect(refused).toMatchObject({ exchangeInvoiceRequestedAt: null, exchangeInvoiceSentAt: null });
    expect(refused.events.filter((e) => e.type === "exchange_invoice_refused")).toHaveLength(1);
    const words = await detailOf(returnId);
    expect(words.payment).toBe("due");
    expect(words.invoiceRefused?.join(" ")).toContain("write_orders");

    // Granted, and received again: Shopify sends the invoice but its answer is lost (a 503 after running).
    await grant(ALL_SCOPES);
    await control("PUT", "/faults", { status: 503, count: 1, applied: true, operations: "mutations" });
    expect((await receive()).status).toBe("unchanged");
    expect(await invoices(orderId)).toHaveLength(1);
    const unanswered = await stored(returnId);
    expect(unanswered).toMatchObject({ exchangeInvoiceRequestedAt: expect.any(Date), exchangeInvoiceSentAt: null });
    expect(unanswered.events.filter((e) => e.type === "exchange_invoice_unconfirmed")).toHaveLength(1);
    expect((await detailOf(returnId)).payment).toBe("unconfirmed");
    // A retry does not ask Shopify again: one email.
    expect((await receive()).status).toBe("unchanged");
    expect(await invoices(orderId)).toHaveLength(1);
  });
});
