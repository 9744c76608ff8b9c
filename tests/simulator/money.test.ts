// FIDELITY "Money and currencies" (MC-*): orders carry Shopify's MoneyBag (shop and presentment
// money) everywhere; a Vietnamese shopper pays VND in a USD shop; return fees are validated in the
// order's presentment currency.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDemoShop, VND_PER_USD } from "../../simulator/seed/demo-shop";
import type { StoreEvent } from "../../simulator/store/events";
import { payloadFor } from "../../simulator/webhooks/payloads";
import { SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeEach(async () => {
  t = await startTestSimulator();
});
afterEach(() => t.close());

const RATE = "26300";

/** A delivered order of 3 × TEE-S ($20.00) and 2 × MUG-1 ($12.50), paid in `currency`. */
async function deliveredOrder(presentment?: { currencyCode: string; rate: string }): Promise<string> {
  const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 3 }, { sku: "MUG-1", quantity: 2 }],
    email: "lan@example.vn",
    customer: { email: "lan@example.vn", firstName: "Lan", lastName: "Nguyễn", locale: "vi" },
    shippingAddress: { firstName: "Lan", lastName: "Nguyễn", city: "Hồ Chí Minh", countryCode: "VN", latitude: 10.78, longitude: 106.69 },
    ...(presentment ? { presentment } : {}),
  });
  expect(created.status).toBe(201);
  const orderId: string = created.body.order.id;
  const fulfilled = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId, displayStatus: "IN_TRANSIT" });
  await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfilled.body.fulfillments[0].id)}/deliver`, {});
  return orderId;
}

const bag = `shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }`;
const money = (shop: string, presentment: string, presentmentCurrency = "VND", shopCurrency = "USD") => ({
  shopMoney: { amount: shop, currencyCode: shopCurrency },
  presentmentMoney: { amount: presentment, currencyCode: presentmentCurrency },
});

async function fulfillmentLines(orderId: string): Promise<Record<string, string>> {
  const { returnableFulfillments } = await t.data(
    `query($id: ID!) { returnableFulfillments(orderId: $id, first: 5) { nodes { returnableFulfillmentLineItems(first: 10) { nodes { fulfillmentLineItem { id lineItem { sku } } } } } } }`,
    { id: orderId },
  );
  const lines: Record<string, string> = {};
  for (const rf of returnableFulfillments.nodes) for (const l of rf.returnableFulfillmentLineItems.nodes) lines[l.fulfillmentLineItem.lineItem.sku] = l.fulfillmentLineItem.id;
  return lines;
}

const REQUEST = `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) {
  return { id returnShippingFees { amountSet { ${bag} } } } userErrors { field message code } } }`;
const CREATE = `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) {
  return { id returnShippingFees { amountSet { ${bag} } } } userErrors { field message code } } }`;

describe("MoneyBag on orders (MC-1, MC-2, MC-3)", () => {
  it("MC-1: an order paid in VND in a USD shop has currencyCode USD, presentmentCurrencyCode VND and both monies at the checkout's rate", async () => {
    const orderId = await deliveredOrder({ currencyCode: "VND", rate: RATE });
    const { order } = await t.data(
      `query($id: ID!) { order(id: $id) { currencyCode presentmentCurrencyCode totalPriceSet { ${bag} } subtotalPriceSet { ${bag} }
        currentTotalPriceSet { ${bag} } totalRefundedSet { ${bag} } transactions(first: 5) { kind status gateway amountSet { ${bag} } } } }`,
      { id: orderId },
    );
    expect(order.currencyCode).toBe("USD");
    expect(order.presentmentCurrencyCode).toBe("VND");
    // 3 × 20.00 + 2 × 12.50 = 85.00 USD; 3 × 526,000 + 2 × 328,750 = 2,235,500 VND (whole đồng: VND has no minor unit).
    expect(order.totalPriceSet).toEqual(money("85.0", "2235500.0"));
    expect(order.subtotalPriceSet).toEqual(money("85.0", "2235500.0"));
    expect(order.currentTotalPriceSet).toEqual(money("85.0", "2235500.0"));
    expect(order.totalRefundedSet).toEqual(money("0.0", "0.0"));
    expect(order.transactions).toEqual([{ kind: "SALE", status: "SUCCESS", gateway: "shopify_payments", amountSet: money("85.0", "2235500.0") }]);
  });

  it("MC-2: line items, fulfillment line items and fulfillment order line items price in both currencies", async () => {
    const orderId = await deliveredOrder({ currencyCode: "VND", rate: RATE });
    const { order } = await t.data(
      `query($id: ID!) { order(id: $id) {
        lineItems(first: 5) { nodes { sku quantity originalUnitPriceSet { ${bag} } discountedUnitPriceAfterAllDiscountsSet { ${bag} } originalTotalSet { ${bag} } discountedTotalSet { ${bag} } } }
        fulfillments(first: 2) { fulfillmentLineItems(first: 5) { nodes { lineItem { sku } originalTotalSet { ${bag} } } } }
        fulfillmentOrders(first: 2) { nodes { lineItems(first: 5) { nodes { sku originalUnitPriceSet { ${bag} } } } } } } }`,
      { id: orderId },
    );
    const mug = order.lineItems.nodes.find((l: Loose) => l.sku === "MUG-1");
    expect(mug.originalUnitPriceSet).toEqual(money("12.5", "328750.0"));
    expect(mug.discountedUnitPriceAfterAllDiscountsSet).toEqual(money("12.5", "328750.0"));
    expect(mug.originalTotalSet).toEqual(money("25.0", "657500.0"));
    expect(mug.discountedTotalSet).toEqual(money("25.0", "657500.0"));
    const shipped = order.fulfillments[0].fulfillmentLineItems.nodes.find((l: Loose) => l.lineItem.sku === "TEE-S");
    expect(shipped.originalTotalSet).toEqual(money("60.0", "1578000.0"));
    const foLine = order.fulfillmentOrders.nodes[0].lineItems.nodes.find((l: Loose) => l.sku === "TEE-S");
    expect(foLine.originalUnitPriceSet).toEqual(money("20.0", "526000.0"));
  });

  it("MC-3: an order paid in the shop's currency has the same amount in both monies", async () => {
    const orderId = await deliveredOrder();
    const { order } = await t.data(`query($id: ID!) { order(id: $id) { currencyCode presentmentCurrencyCode totalPriceSet { ${bag} } } }`, { id: orderId });
    expect(order).toEqual({ currencyCode: "USD", presentmentCurrencyCode: "USD", totalPriceSet: money("85.0", "85.0", "USD") });
  });

  it("MC-1: the control API refuses a presentment currency that is not an ISO code", async () => {
    const bad = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 1 }],
      shippingAddress: { city: "Hà Nội", countryCode: "VN" },
      presentment: { currencyCode: "dong", rate: RATE },
    });
    expect(bad.status).toBe(400);
  });
});

describe("the demo shop's Vietnamese shoppers pay in VND (MC-4)", () => {
  it("MC-4: orders of Vietnamese customers at home are in VND at the demo rate, the others in USD", async () => {
    const data = buildDemoShop({ now: new Date("2026-11-20T12:00:00Z") });
    const vnd = data.orders.filter((o) => o.presentment);
    expect(vnd.length).toBeGreaterThan(3);
    const locales = new Map(data.customers.map((c) => [c.key, c.locale]));
    for (const o of data.orders) {
      // The demo's Vietnamese-speaking customers all live in Vietnam.
      expect(o.presentment ?? null).toEqual(locales.get(o.customerKey) === "vi" ? { currencyCode: "VND", rate: VND_PER_USD } : null);
    }
    // Seeded, a VND order prices its lines at the rate, in whole đồng.
    await t.control("POST", `/_control/shops/${data.shop.domain}/seed?accessToken=shpat_demo`, data);
    const sample = vnd[0]!;
    const response = await t.gql(
      `{ orders(first: 1, query: "name:#${sample.number}") { nodes { currencyCode presentmentCurrencyCode customerLocale lineItems(first: 1) { nodes { originalUnitPriceSet { ${bag} } } } } } }`,
      undefined,
      { shop: data.shop.domain, token: "shpat_demo" },
    );
    const order = response.data!.orders.nodes[0];
    expect(order).toMatchObject({ currencyCode: "USD", presentmentCurrencyCode: "VND", customerLocale: "vi" });
    const unit = order.lineItems.nodes[0].originalUnitPriceSet;
    expect(Number(unit.presentmentMoney.amount)).toBe(Math.round(Number(unit.shopMoney.amount) * Number(VND_PER_USD)));
    expect(unit.presentmentMoney.amount).toMatch(/^\d+\.0$/);
  });
});

describe("return fees are in the order's presentment currency (MC-5, MC-6)", () => {
  it("MC-5: returnRequest takes the return shipping fee in VND for a VND order and refuses it in the shop's USD", async () => {
    const orderId = await deliveredOrder({ currencyCode: "VND", rate: RATE });
    const lines = await fulfillmentLines(orderId);
    const input = (fee: { amount: string; currencyCode: string }) => ({
      orderId,
      returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 1, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/2" }],
      returnShippingFee: { amount: fee },
    });
    const inUsd = await t.data(REQUEST, { input: input({ amount: "5.00", currencyCode: "USD" }) });
    expect(inUsd.returnRequest.return).toBeNull();
    expect(inUsd.returnRequest.userErrors).toEqual([
      { field: ["input", "returnShippingFee", "amount", "currencyCode"], message: expect.stringContaining("presentment currency of the order (VND)"), code: "INVALID" },
    ]);
    const withDecimals = await t.data(REQUEST, { input: input({ amount: "131500.50", currencyCode: "VND" }) });
    expect(withDecimals.returnRequest.userErrors).toEqual([{ field: ["input", "returnShippingFee", "amount", "amount"], message: expect.stringContaining("decimals"), code: "INVALID" }]);
    // Nothing was created by the refusals.
    const { order } = await t.data(`query($id: ID!) { order(id: $id) { returns(first: 5) { nodes { id } } } }`, { id: orderId });
    expect(order.returns.nodes).toEqual([]);

    const inVnd = await t.data(REQUEST, { input: input({ amount: "131500", currencyCode: "VND" }) });
    expect(inVnd.returnRequest.userErrors).toEqual([]);
    // MC-6: the fee in both currencies; the shop money at the order's rate (131,500 / 26,300 = 5.00).
    expect(inVnd.returnRequest.return.returnShippingFees).toEqual([{ amountSet: money("5.0", "131500.0") }]);
    // The returns/request webhook carries the fee the same way: shop money in USD, presentment money in VND.
    const shop = t.sim.store.requireShop(SHOP);
    const requested = payloadFor(shop, { topic: "returns/request", shop: SHOP, returnId: Number(inVnd.returnRequest.return.id.split("/").pop()) } as StoreEvent) as Loose;
    expect(requested.return_shipping_fees.map((f: Loose) => f.price)).toEqual([
      { shop_money: { amount: "5.00", currency_code: "USD" }, presentment_money: { amount: "131500", currency_code: "VND" } },
    ]);
  });

  it("MC-5: returnCreate validates the fee the same way, and a USD order takes it in USD", async () => {
    const vndOrder = await deliveredOrder({ currencyCode: "VND", rate: RATE });
    const vndLines = await fulfillmentLines(vndOrder);
    const refused = await t.data(CREATE, {
      input: { orderId: vndOrder, returnLineItems: [{ fulfillmentLineItemId: vndLines["MUG-1"], quantity: 1, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/2" }], returnShippingFee: { amount: { amount: "5.00", currencyCode: "USD" } } },
    });
    expect(refused.returnCreate.userErrors).toEqual([
      { field: ["returnInput", "returnShippingFee", "amount", "currencyCode"], message: expect.stringContaining("VND"), code: "INVALID" },
    ]);
    const usdOrder = await deliveredOrder();
    const usdLines = await fulfillmentLines(usdOrder);
    const accepted = await t.data(CREATE, {
      input: { orderId: usdOrder, returnLineItems: [{ fulfillmentLineItemId: usdLines["MUG-1"], quantity: 1, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/2" }], returnShippingFee: { amount: { amount: "4.99", currencyCode: "USD" } } },
    });
    expect(accepted.returnCreate.userErrors).toEqual([]);
    expect(accepted.returnCreate.return.returnShippingFees).toEqual([{ amountSet: money("4.99", "4.99", "USD") }]);
  });
});
