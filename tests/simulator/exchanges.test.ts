// FIDELITY "Exchanges" (EX-*): returnCreate's exchangeLineItems are kept on the return as
// ExchangeLineItems; returnProcess confirms them, adds them to the original order with a new
// fulfillment order (held AWAITING_PAYMENT while the customer owes), and the order's balance shows
// the price difference; the suggested outcome applies the returned items to the exchange items.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoreEvent } from "../../simulator/store/events";
import { payloadFor } from "../../simulator/webhooks/payloads";
import { ALL_SCOPES, deliveredOrder as deliveredOrderOf, SHOP, startTestSimulator, warehouseItem, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
let events: StoreEvent[];
beforeEach(async () => {
  t = await startTestSimulator();
  events = [];
  t.sim.store.onEvent((e) => events.push(e));
});
afterEach(() => t.close());

const bag = `shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }`;
const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" }, presentmentMoney: { amount, currencyCode: "USD" } });
const UNWANTED = "gid://shopify/ReturnReasonDefinition/2";

async function variantId(sku: string): Promise<string> {
  const data = await t.data(`query($q: String!) { productVariants(first: 1, query: $q) { nodes { id } } }`, { q: `sku:${sku}` });
  return data.productVariants.nodes[0].id as string;
}

/** A delivered order of 2 × TEE-S ($20.00) and 2 × MUG-1 ($12.50), paid; its fulfillment line ids by SKU. */
function deliveredOrder(): Promise<{ orderId: string; lines: Record<string, string> }> {
  return deliveredOrderOf(t, {
    lines: [{ sku: "TEE-S", quantity: 2 }, { sku: "MUG-1", quantity: 2 }],
    email: "ada@example.com",
    shippingAddress: { firstName: "Ada", lastName: "Lovelace", city: "Oakland", countryCode: "US", provinceCode: "CA", zip: "94607", address1: "1 Broadway" },
  });
}

const EXCHANGE_FIELDS = `id quantity processedQuantity processableQuantity unprocessedQuantity title variantTitle variantSku variantId productId
  lineItem { id sku } lineItems { id sku quantity originalUnitPriceSet { ${bag} } discountedUnitPriceSet { ${bag} } totalDiscountSet { ${bag} } }`;
const RETURN_FIELDS = `id status
  returnLineItems(first: 10) { nodes { ... on ReturnLineItem { id quantity fulfillmentLineItem { lineItem { sku } } } } }
  exchangeLineItems(first: 10) { nodes { ${EXCHANGE_FIELDS} } }`;
const CREATE = `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
const PROCESS = `mutation($input: ReturnProcessInput!) { returnProcess(input: $input) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
const ORDER = `query($id: ID!) { order(id: $id) {
  displayFinancialStatus totalOutstandingSet { ${bag} } netPaymentSet { ${bag} } currentTotalPriceSet { ${bag} }
  lineItems(first: 10) { nodes { id sku quantity } }
  fulfillmentOrders(first: 10) { nodes { id status assignedLocation { name } fulfillmentHolds { reason reasonNotes displayReason }
    lineItems(first: 5) { nodes { totalQuantity lineItem { id sku } } } } } } }`;
const OUTCOME = `query($id: ID!, $lines: [SuggestedOutcomeReturnLineItemInput!]!, $exchanges: [SuggestedOutcomeExchangeLineItemInput!]!) { return(id: $id) {
  suggestedFinancialOutcome(returnLineItems: $lines, exchangeLineItems: $exchanges) {
    discountedSubtotal { ${bag} }
    financialTransfer { __typename ... on RefundReturnOutcome { amount { ${bag} } } ... on InvoiceReturnOutcome { amount { ${bag} } } } } } }`;

/** An open return of `returned` (1 unit) for 1 unit of `wanted`, with the exchange line's id. */
async function exchangeReturn(returned: string, wanted: string): Promise<{ orderId: string; ret: Loose; returnLine: string; exchangeLine: string }> {
  const { orderId, lines } = await deliveredOrder();
  const created = await t.data(CREATE, {
    input: {
      orderId,
      returnLineItems: [{ fulfillmentLineItemId: lines[returned], quantity: 1, returnReasonDefinitionId: UNWANTED }],
      exchangeLineItems: [{ variantId: await variantId(wanted), quantity: 1 }],
    },
  });
  expect(created.returnCreate.userErrors).toEqual([]);
  const ret = created.returnCreate.return;
  return { orderId, ret, returnLine: ret.returnLineItems.nodes[0].id, exchangeLine: ret.exchangeLineItems.nodes[0].id };
}

const order = async (id: string) => (await t.data(ORDER, { id })).order;
const exchangeFo = (o: Loose, sku: string) => o.fulfillmentOrders.nodes.find((fo: Loose) => fo.lineItems.nodes.some((l: Loose) => l.lineItem.sku === sku && fo.status !== "CLOSED"));
/** The exchange's balance paid (EX-4, EX-12): PAID, nothing outstanding, the new items released, a SALE by `gateway`, announced by orders/paid then orders/updated. */
async function expectSettled(orderId: string, gateway: string): Promise<void> {
  const o = await order(orderId);
  expect(o.displayFinancialStatus).toBe("PAID");
  expect(o.totalOutstandingSet).toEqual(usd("0.0"));
  expect(exchangeFo(o, "TEE-M")).toMatchObject({ status: "OPEN", fulfillmentHolds: [] });
  const { order: withTransactions } = await t.data(`query($id: ID!) { order(id: $id) { transactions(first: 5) { kind gateway amountSet { ${bag} } } } }`, { id: orderId });
  expect(withTransactions.transactions.at(-1)).toEqual({ kind: "SALE", gateway, amountSet: usd("7.5") });
  expect(events.map((e) => e.topic)).toEqual(["orders/paid", "orders/updated"]);
}

describe("returnCreate with exchange line items (EX-1, EX-2)", () => {
  it("EX-1: keeps the exchange items on the open return, unprocessed, as the variant was; nothing is added to the order yet", async () => {
    const { orderId, ret } = await exchangeReturn("TEE-S", "TEE-M");
    expect(ret.status).toBe("OPEN");
    expect(ret.exchangeLineItems.nodes).toEqual([
      expect.objectContaining({
        quantity: 1,
        processedQuantity: 0,
        processableQuantity: 1,
        unprocessedQuantity: 1,
        title: "Crossdock Tee",
        variantTitle: "M",
        variantSku: "TEE-M",
        variantId: await variantId("TEE-M"),
        productId: expect.stringMatching(/^gid:\/\/shopify\/Product\/\d+$/),
        lineItem: null,
        lineItems: [],
      }),
    ]);
    const o = await order(orderId);
    expect(o.lineItems.nodes.map((l: Loose) => l.sku)).toEqual(["TEE-S", "MUG-1"]);
    expect(o.totalOutstandingSet).toEqual(usd("0.0"));
    const filtered = await t.data(`query($id: ID!) { return(id: $id) { processed: exchangeLineItems(first: 5, processingStatus: PROCESSED) { nodes { id } } processable: exchangeLineItems(first: 5, processingStatus: PROCESSABLE) { nodes { id } } } }`, { id: ret.id });
    expect(filtered.return.processed.nodes).toEqual([]);
    expect(filtered.return.processable.nodes).toHaveLength(1);
  });

  it("EX-2: refuses an unknown variant, a missing variant, quantity 0, gift card codes and bad discounts, creating nothing; returnRequest takes no exchanges", async () => {
    const { orderId, lines } = await deliveredOrder();
    const teeM = await variantId("TEE-M");
    const attempt = async (exchange: Record<string, unknown>) => {
      const result = await t.data(CREATE, {
        input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 1, returnReasonDefinitionId: UNWANTED }], exchangeLineItems: [exchange] },
      });
      expect(result.returnCreate.return).toBeNull();
      return result.returnCreate.userErrors;
    };
    const at = (...field: (string | number)[]) => ["returnInput", "exchangeLineItems", "0", ...field.map(String)];
    expect(await attempt({ variantId: "gid://shopify/ProductVariant/987654321", quantity: 1 })).toEqual([{ field: at("variantId"), message: "Product variant does not exist.", code: "NOT_FOUND" }]);
    expect(await attempt({ variantId: "gid://shopify/Product/1", quantity: 1 })).toEqual([expect.objectContaining({ field: at("variantId"), code: "NOT_FOUND" })]);
    expect(await attempt({ quantity: 1 })).toEqual([expect.objectContaining({ field: at("variantId"), code: "BLANK" })]);
    expect(await attempt({ variantId: teeM, quantity: 0 })).toEqual([expect.objectContaining({ field: at("quantity"), code: "GREATER_THAN" })]);
    expect(await attempt({ variantId: teeM, quantity: 1, giftCardCodes: ["ABCD"] })).toEqual([expect.objectContaining({ field: at("giftCardCodes"), code: "INVALID" })]);
    expect(await attempt({ variantId: teeM, quantity: 1, appliedDiscount: { value: { percentage: 150 } } })).toEqual([
      expect.objectContaining({ field: at("appliedDiscount", "value", "percentage"), code: "LESS_THAN_OR_EQUAL_TO" }),
    ]);
    expect(await attempt({ variantId: teeM, quantity: 1, appliedDiscount: { value: { amount: { amount: "1.00", currencyCode: "EUR" } } } })).toEqual([
      expect.objectContaining({ field: at("appliedDiscount", "value", "amount", "currencyCode"), code: "INVALID" }),
    ]);
    expect(await attempt({ variantId: teeM, quantity: 1, appliedDiscount: { value: { amount: { amount: "25.00", currencyCode: "USD" } } } })).toEqual([
      expect.objectContaining({ field: at("appliedDiscount", "value", "amount", "amount"), code: "LESS_THAN_OR_EQUAL_TO" }),
    ]);
    const { order: o } = await t.data(`query($id: ID!) { order(id: $id) { returns(first: 5) { nodes { id } } } }`, { id: orderId });
    expect(o.returns.nodes).toEqual([]);
    expect(events.filter((e) => e.topic.startsWith("returns/"))).toEqual([]);
    // The discount value is a @oneOf input: the schema refuses both kinds at once.
    const both = await t.gql(CREATE, {
      input: {
        orderId,
        returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 1, returnReasonDefinitionId: UNWANTED }],
        exchangeLineItems: [{ variantId: teeM, quantity: 1, appliedDiscount: { value: { percentage: 10, amount: { amount: "1.00", currencyCode: "USD" } } } }],
      },
    });
    expect(both.errors?.[0]?.message).toMatch(/Exactly one key/);
    // ReturnRequestInput has no exchangeLineItems: the schema refuses the document.
    const requested = await t.gql(`mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } } }`, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 1, returnReasonDefinitionId: UNWANTED }], exchangeLineItems: [{ variantId: teeM, quantity: 1 }] },
    });
    expect(requested.errors?.[0]?.message).toMatch(/exchangeLineItems/);
  });
});

describe("returnProcess with exchange line items (EX-3 … EX-6)", () => {
  it("EX-3: an even exchange adds the item to the order with an open fulfillment order where routing puts it, commits its stock and announces the order update", async () => {
    const { orderId, ret, returnLine, exchangeLine } = await exchangeReturn("TEE-S", "TEE-M");
    const { itemId, warehouse } = await warehouseItem(t, "TEE-M");
    const levelQuery = `query($i: ID!, $l: ID!) { inventoryItem(id: $i) { inventoryLevel(locationId: $l) { quantities(names: ["available", "committed"]) { name quantity } } } }`;
    const level = async () => Object.fromEntries((await t.data(levelQuery, { i: itemId, l: warehouse })).inventoryItem.inventoryLevel.quantities.map((q: Loose) => [q.name, q.quantity]));
    const before = await level();
    events.length = 0;
    const processed = await t.data(PROCESS, {
      input: { returnId: ret.id, returnLineItems: [{ id: returnLine, quantity: 1 }], exchangeLineItems: [{ id: exchangeLine, quantity: 1 }] },
    });
    expect(processed.returnProcess.userErrors).toEqual([]);
    const exchange = processed.returnProcess.return.exchangeLineItems.nodes[0];
    expect(exchange).toMatchObject({ processedQuantity: 1, processableQuantity: 0, unprocessedQuantity: 0, lineItem: { sku: "TEE-M" } });
    expect(exchange.lineItems).toEqual([expect.objectContaining({ sku: "TEE-M", quantity: 1, originalUnitPriceSet: usd("20.0"), discountedUnitPriceSet: usd("20.0") })]);
    const o = await order(orderId);
    expect(o.lineItems.nodes.map((l: Loose) => [l.sku, l.quantity])).toEqual([["TEE-S", 2], ["MUG-1", 2], ["TEE-M", 1]]);
    const fo = exchangeFo(o, "TEE-M");
    expect(fo).toMatchObject({ status: "OPEN", assignedLocation: { name: "Warehouse" }, fulfillmentHolds: [] });
    expect(fo.lineItems.nodes).toEqual([{ totalQuantity: 1, lineItem: { id: exchange.lineItem.id, sku: "TEE-M" } }]);
    expect(o.displayFinancialStatus).toBe("PAID");
    expect(o.totalOutstandingSet).toEqual(usd("0.0"));
    expect(o.currentTotalPriceSet).toEqual(usd("65.0"));
    expect(await level()).toEqual({ available: before.available - 1, committed: before.committed + 1 });
    const topics = events.map((e) => e.topic);
    expect(topics).toEqual(expect.arrayContaining(["returns/process", "orders/updated", "inventory_levels/update"]));
  });

  it("EX-4: when the customer owes the difference the order is PARTIALLY_PAID with that balance outstanding and the exchange's fulfillment order is held AWAITING_PAYMENT", async () => {
    const { orderId, ret, returnLine, exchangeLine } = await exchangeReturn("MUG-1", "TEE-M");
    const outcome = await t.data(OUTCOME, { id: ret.id, lines: [{ id: returnLine, quantity: 1 }], exchanges: [{ id: exchangeLine, quantity: 1 }] });
    expect(outcome.return.suggestedFinancialOutcome.financialTransfer).toEqual({ __typename: "InvoiceReturnOutcome", amount: usd("7.5") });
    await t.data(PROCESS, { input: { returnId: ret.id, returnLineItems: [{ id: returnLine, quantity: 1 }], exchangeLineItems: [{ id: exchangeLine, quantity: 1 }] } });
    const o = await order(orderId);
    expect(o.displayFinancialStatus).toBe("PARTIALLY_PAID");
    expect(o.totalOutstandingSet).toEqual(usd("7.5"));
    expect(exchangeFo(o, "TEE-M")).toMatchObject({ status: "ON_HOLD", fulfillmentHolds: [{ reason: "AWAITING_PAYMENT", reasonNotes: null, displayReason: "Awaiting payment" }] });
    const updated = payloadFor(t.sim.store.requireShop(SHOP), events.filter((e) => e.topic === "orders/updated").at(-1)!) as Loose;
    expect(updated).toMatchObject({ financial_status: "partially_paid", total_outstanding: "7.50" });
    expect(updated.line_items.map((l: Loose) => l.sku)).toEqual(["TEE-S", "MUG-1", "TEE-M"]);
  });

  it("EX-4: exchange items processed before the returned items hold their fulfillment order until the returned items pay for them, then it is released", async () => {
    const { orderId, ret, returnLine, exchangeLine } = await exchangeReturn("TEE-S", "TEE-M");
    await t.data(PROCESS, { input: { returnId: ret.id, exchangeLineItems: [{ id: exchangeLine, quantity: 1 }] } });
    let o = await order(orderId);
    expect(o.totalOutstandingSet).toEqual(usd("20.0"));
    expect(o.displayFinancialStatus).toBe("PARTIALLY_PAID");
    expect(exchangeFo(o, "TEE-M")).toMatchObject({ status: "ON_HOLD", fulfillmentHolds: [{ reason: "AWAITING_PAYMENT" }] });
    // The returned tee's value now goes to the exchange: no refund is suggested.
    const outcome = await t.data(OUTCOME, { id: ret.id, lines: [{ id: returnLine, quantity: 1 }], exchanges: [] });
    expect(outcome.return.suggestedFinancialOutcome.financialTransfer).toBeNull();
    events.length = 0;
    await t.data(PROCESS, { input: { returnId: ret.id, returnLineItems: [{ id: returnLine, quantity: 1 }] } });
    o = await order(orderId);
    expect(o.totalOutstandingSet).toEqual(usd("0.0"));
    expect(o.displayFinancialStatus).toBe("PAID");
    expect(exchangeFo(o, "TEE-M")).toMatchObject({ status: "OPEN", fulfillmentHolds: [] });
    expect(events.map((e) => e.topic)).toEqual(expect.arrayContaining(["returns/process", "orders/updated"]));
  });

  it("EX-5: when the customer is owed the difference, the suggested outcome refunds it; refunded, nothing is outstanding", async () => {
    const { orderId, ret, returnLine, exchangeLine } = await exchangeReturn("TEE-S", "MUG-1");
    const outcome = await t.data(OUTCOME, { id: ret.id, lines: [{ id: returnLine, quantity: 1 }], exchanges: [{ id: exchangeLine, quantity: 1 }] });
    expect(outcome.return.suggestedFinancialOutcome).toEqual({ discountedSubtotal: usd("20.0"), financialTransfer: { __typename: "RefundReturnOutcome", amount: usd("7.5") } });
    const { order: sale } = await t.data(`query($id: ID!) { order(id: $id) { transactions(first: 1) { id } } }`, { id: orderId });
    await t.data(PROCESS, {
      input: {
        returnId: ret.id,
        returnLineItems: [{ id: returnLine, quantity: 1 }],
        exchangeLineItems: [{ id: exchangeLine, quantity: 1 }],
        financialTransfer: { issueRefund: { orderTransactions: [{ parentId: sale.transactions[0].id, transactionAmount: { amount: "7.50", currencyCode: "USD" } }] } },
      },
    });
    const o = await order(orderId);
    expect(o.totalOutstandingSet).toEqual(usd("0.0"));
    expect(o.netPaymentSet).toEqual(usd("57.5"));
    expect(o.displayFinancialStatus).toBe("PARTIALLY_REFUNDED");
    expect(exchangeFo(o, "MUG-1")).toMatchObject({ status: "OPEN", fulfillmentHolds: [] });
  });

  it("EX-5: before the refund the difference is outstanding in the customer's favour (negative)", async () => {
    const { orderId, ret, returnLine, exchangeLine } = await exchangeReturn("TEE-S", "MUG-1");
    await t.data(PROCESS, { input: { returnId: ret.id, returnLineItems: [{ id: returnLine, quantity: 1 }], exchangeLineItems: [{ id: exchangeLine, quantity: 1 }] } });
    const o = await order(orderId);
    expect(o.totalOutstandingSet).toEqual(usd("-7.5"));
    expect(o.displayFinancialStatus).toBe("PAID");
  });

  it("EX-6: refuses exchange lines of another return, quantity 0 or more than is processable, and a return that is not open, changing nothing", async () => {
    const first = await exchangeReturn("TEE-S", "TEE-M");
    const second = await exchangeReturn("TEE-S", "TEE-M");
    const attempt = async (returnId: string, exchangeLineItems: unknown[]) => (await t.data(PROCESS, { input: { returnId, exchangeLineItems } })).returnProcess;
    expect((await attempt(first.ret.id, [{ id: second.exchangeLine, quantity: 1 }])).userErrors).toEqual([
      { field: ["input", "exchangeLineItems", "0", "id"], message: "Exchange line item does not exist on this return.", code: "NOT_FOUND" },
    ]);
    expect((await attempt(first.ret.id, [{ id: first.exchangeLine, quantity: 0 }])).userErrors).toEqual([expect.objectContaining({ field: ["input", "exchangeLineItems", "0", "quantity"], code: "GREATER_THAN" })]);
    expect((await attempt(first.ret.id, [{ id: first.exchangeLine, quantity: 2 }])).userErrors).toEqual([
      expect.objectContaining({ field: ["input", "exchangeLineItems", "0", "quantity"], code: "LESS_THAN_OR_EQUAL_TO" }),
    ]);
    expect((await attempt(first.ret.id, [])).userErrors).toEqual([expect.objectContaining({ code: "BLANK" })]);
    await t.data(`mutation($id: ID!) { returnClose(id: $id) { userErrors { field } } }`, { id: first.ret.id });
    expect((await attempt(first.ret.id, [{ id: first.exchangeLine, quantity: 1 }])).userErrors).toEqual([expect.objectContaining({ field: ["input", "returnId"], code: "INVALID_STATE" })]);
    const o = await order(first.orderId);
    expect(o.lineItems.nodes.map((l: Loose) => l.sku)).toEqual(["TEE-S", "MUG-1"]);
    expect(events.filter((e) => e.topic === "returns/process")).toEqual([]);
  });

  it("EX-7: an exchange for a variant no location has in stock is still accepted; routing puts it at the first location, and its available stock goes below zero", async () => {
    const { itemId, warehouse } = await warehouseItem(t, "TEE-M");
    await t.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ inventoryItemId: itemId, locationId: warehouse, name: "on_hand", quantity: 0 }] });
    const { orderId, ret, exchangeLine } = await exchangeReturn("TEE-S", "TEE-M");
    const processed = await t.data(PROCESS, { input: { returnId: ret.id, exchangeLineItems: [{ id: exchangeLine, quantity: 1 }] } });
    expect(processed.returnProcess.userErrors).toEqual([]);
    expect(exchangeFo(await order(orderId), "TEE-M")).toMatchObject({ assignedLocation: { name: "Warehouse" } });
    const { inventoryItem } = await t.data(`query($i: ID!, $l: ID!) { inventoryItem(id: $i) { inventoryLevel(locationId: $l) { quantities(names: ["available"]) { quantity } } } }`, { i: itemId, l: warehouse });
    expect(inventoryItem.inventoryLevel.quantities[0].quantity).toBe(-1);
  });

  it("EX-8: an applied discount lowers what the customer pays for the exchange item: the line keeps its original price and shows the discount", async () => {
    const { orderId, lines } = await deliveredOrder();
    const created = await t.data(CREATE, {
      input: {
        orderId,
        returnLineItems: [{ fulfillmentLineItemId: lines["MUG-1"], quantity: 1, returnReasonDefinitionId: UNWANTED }],
        exchangeLineItems: [{ variantId: await variantId("TEE-M"), quantity: 1, appliedDiscount: { description: "Exchange offer", value: { percentage: 50 } } }],
      },
    });
    const ret = created.returnCreate.return;
    const processed = await t.data(PROCESS, {
      input: { returnId: ret.id, returnLineItems: [{ id: ret.returnLineItems.nodes[0].id, quantity: 1 }], exchangeLineItems: [{ id: ret.exchangeLineItems.nodes[0].id, quantity: 1 }] },
    });
    expect(processed.returnProcess.return.exchangeLineItems.nodes[0].lineItems[0]).toMatchObject({
      originalUnitPriceSet: usd("20.0"),
      discountedUnitPriceSet: usd("10.0"),
      totalDiscountSet: usd("10.0"),
    });
    // $12.50 mug returned for a $10.00 tee: $2.50 in the customer's favour.
    expect((await order(orderId)).totalOutstandingSet).toEqual(usd("-2.5"));
  });

  it("EX-4: once the customer pays the balance (the merchant's Mark as paid, control API) the hold is released and the order is PAID", async () => {
    const { orderId, ret, returnLine, exchangeLine } = await exchangeReturn("MUG-1", "TEE-M");
    await t.data(PROCESS, { input: { returnId: ret.id, returnLineItems: [{ id: returnLine, quantity: 1 }], exchangeLineItems: [{ id: exchangeLine, quantity: 1 }] } });
    events.length = 0;
    const paid = await t.control("POST", `/_control/shops/${SHOP}/orders/${encodeURIComponent(orderId)}/paid`, {});
    expect(paid.status).toBe(200);
    await expectSettled(orderId, "manual");
    // Paid in full: a second payment is refused.
    expect((await t.control("POST", `/_control/shops/${SHOP}/orders/${encodeURIComponent(orderId)}/paid`, {})).status).toBe(422);
  });
});

describe("the invoice for an exchange's balance and its payment (EX-11 … EX-13)", () => {
  const INVOICE = `mutation($id: ID!, $email: EmailInput) { orderInvoiceSend(id: $id, email: $email) { order { id } userErrors { field message code } } }`;
  const path = (orderId: string, tail: string) => `/_control/shops/${SHOP}/orders/${encodeURIComponent(orderId)}/${tail}`;
  const invoices = async () => (await t.control("GET", `/_control/shops/${SHOP}/order-invoices`)).body.invoices as Loose[];
  /** $12.50 mug returned for a $20.00 tee, both processed: $7.50 outstanding, the tee's fulfillment order held. */
  async function owingExchange(): Promise<string> {
    const { orderId, ret, returnLine, exchangeLine } = await exchangeReturn("MUG-1", "TEE-M");
    await t.data(PROCESS, { input: { returnId: ret.id, returnLineItems: [{ id: returnLine, quantity: 1 }], exchangeLineItems: [{ id: exchangeLine, quantity: 1 }] } });
    return orderId;
  }

  it("EX-11: orderInvoiceSend emails the order's invoice (to the given address, else the order's) for what it has outstanding, and changes nothing else", async () => {
    const orderId = await owingExchange();
    events.length = 0;
    const sent = await t.data(INVOICE, { id: orderId, email: { to: "ada.billing@example.com", subject: "Your exchange" } });
    expect(sent.orderInvoiceSend).toEqual({ order: { id: orderId }, userErrors: [] });
    await t.data(INVOICE, { id: orderId });
    expect(await invoices()).toEqual([
      expect.objectContaining({ orderId, to: "ada.billing@example.com", subject: "Your exchange", amountOutstanding: { amount: "7.50", currencyCode: "USD" }, sentAt: expect.any(String) }),
      expect.objectContaining({ orderId, to: "ada@example.com", subject: null, amountOutstanding: { amount: "7.50", currencyCode: "USD" } }),
    ]);
    const o = await order(orderId);
    expect(o.displayFinancialStatus).toBe("PARTIALLY_PAID");
    expect(exchangeFo(o, "TEE-M")).toMatchObject({ status: "ON_HOLD" });
    expect(events).toEqual([]);
  });

  it("EX-11: refusals send nothing: an order Shopify does not have (its one code), and without write_orders the field is denied", async () => {
    const orderId = await owingExchange();
    const missing = await t.data(INVOICE, { id: "gid://shopify/Order/999999" });
    expect(missing.orderInvoiceSend).toEqual({ order: null, userErrors: [{ field: ["id"], message: "Order does not exist", code: "ORDER_INVOICE_SEND_UNSUCCESSFUL" }] });
    await t.control("POST", "/_control/shops", { shop: SHOP, scopes: ALL_SCOPES.split(",").filter((s) => s !== "write_orders").join(",") });
    const denied = await t.gql(INVOICE, { id: orderId });
    expect(denied.errors?.[0]).toMatchObject({ extensions: { code: "ACCESS_DENIED" } });
    expect(denied.errors?.[0]?.message).toContain("write_orders");
    expect(await invoices()).toEqual([]);
  });

  it("EX-12: the customer paying the invoice is a SALE of what is outstanding: the hold is released, the order PAID, orders/paid and orders/updated; without an invoice, or with nothing owed, 422", async () => {
    const orderId = await owingExchange();
    expect((await t.control("POST", path(orderId, "invoice-payment"), {})).status).toBe(422);
    await t.data(INVOICE, { id: orderId });
    events.length = 0;
    const paid = await t.control("POST", path(orderId, "invoice-payment"), {});
    expect(paid.status).toBe(200);
    await expectSettled(orderId, "shopify_payments");
    const updated = payloadFor(t.sim.store.requireShop(SHOP), events.at(-1)!) as Loose;
    expect(updated).toMatchObject({ financial_status: "paid", total_outstanding: "0.00" });
    expect((await t.control("POST", path(orderId, "invoice-payment"), {})).status).toBe(422);
  });

  it("EX-13: orderMarkAsPaid records the outstanding balance as the merchant's payment, releasing the hold; a paid order is refused", async () => {
    const MARK = `mutation($input: OrderMarkAsPaidInput!) { orderMarkAsPaid(input: $input) { order { id displayFinancialStatus } userErrors { field message } } }`;
    const orderId = await owingExchange();
    const marked = await t.data(MARK, { input: { id: orderId } });
    expect(marked.orderMarkAsPaid).toEqual({ order: { id: orderId, displayFinancialStatus: "PAID" }, userErrors: [] });
    expect(exchangeFo(await order(orderId), "TEE-M")).toMatchObject({ status: "OPEN", fulfillmentHolds: [] });
    const again = await t.data(MARK, { input: { id: orderId } });
    expect(again.orderMarkAsPaid.order).toBeNull();
    expect(again.orderMarkAsPaid.userErrors).toHaveLength(1);
  });
});

describe("exchanges made and processed in Shopify admin (control API, EX-9)", () => {
  it("EX-9: a return made with exchange items by SKU is processed whole, exchange items included; a requested return cannot carry them", async () => {
    const { orderId } = await deliveredOrder();
    const requested = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId, status: "REQUESTED", lines: [{ sku: "TEE-S", quantity: 1 }], exchanges: [{ sku: "TEE-M", quantity: 1 }] });
    expect(requested.status).toBe(422);
    const created = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId, lines: [{ sku: "TEE-S", quantity: 1 }], exchanges: [{ sku: "MUG-1", quantity: 1 }] });
    expect(created.status).toBe(201);
    expect(created.body.exchangeLineItems).toEqual([expect.objectContaining({ sku: "MUG-1", quantity: 1, processedQuantity: 0, lineItemIds: [] })]);
    const node = await t.data(`query($id: ID!) { node(id: $id) { ... on ExchangeLineItem { variantSku quantity } } }`, { id: created.body.exchangeLineItems[0].id });
    expect(node.node).toEqual({ variantSku: "MUG-1", quantity: 1 });
    const processed = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(created.body.return.id)}/process`, {});
    expect(processed.status).toBe(200);
    expect(processed.body.exchangeLineItems[0]).toMatchObject({ processedQuantity: 1, lineItemIds: [expect.stringMatching(/^gid:\/\/shopify\/LineItem\//)] });
    // $20.00 tee returned for a $12.50 mug: the suggested $7.50 goes back; nothing is outstanding.
    expect(processed.body.refund).toMatchObject({ amount: "7.50", currencyCode: "USD" });
    const o = await order(orderId);
    expect(o.totalOutstandingSet).toEqual(usd("0.0"));
    expect(exchangeFo(o, "MUG-1")).toMatchObject({ status: "OPEN" });
  });
});

describe("returnCalculate with exchanges (EX-10)", () => {
  const CALCULATE = `query($input: CalculateReturnInput!) { returnCalculate(input: $input) { id
    returnLineItems { id quantity fulfillmentLineItem { lineItem { sku } } subtotalSet { ${bag} } restockingFee { percentage amountSet { ${bag} } } }
    exchangeLineItems { id quantity variant { sku } originalUnitPriceSet { ${bag} } discountedUnitPriceSet { ${bag} } subtotalSet { ${bag} } totalTaxSet { ${bag} }
      calculatedDiscountAllocations { allocatedAmountSet { ${bag} } discountApplication { __typename description value { __typename ... on PricingPercentageValue { percentage } } } } }
    returnShippingFee { amountSet { ${bag} } } } }`;

  it("EX-10: prices the returned and exchange items without creating anything; what returnCreate refuses is a GraphQL error", async () => {
    const { orderId, lines } = await deliveredOrder();
    const input = {
      orderId,
      returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 1, restockingFee: { percentage: 10 } }],
      exchangeLineItems: [{ variantId: await variantId("TEE-M"), quantity: 2, appliedDiscount: { description: "Size swap", value: { percentage: 25 } } }],
      returnShippingFee: { amount: { amount: "5.00", currencyCode: "USD" } },
    };
    const { returnCalculate } = await t.data(CALCULATE, { input });
    expect(returnCalculate.id).toMatch(/^gid:\/\/shopify\/CalculatedReturn\//);
    expect(returnCalculate.returnLineItems).toEqual([
      { id: null, quantity: 1, fulfillmentLineItem: { lineItem: { sku: "TEE-S" } }, subtotalSet: usd("20.0"), restockingFee: { percentage: 10, amountSet: usd("2.0") } },
    ]);
    expect(returnCalculate.exchangeLineItems).toEqual([
      {
        id: null,
        quantity: 2,
        variant: { sku: "TEE-M" },
        originalUnitPriceSet: usd("20.0"),
        discountedUnitPriceSet: usd("15.0"),
        subtotalSet: usd("30.0"),
        totalTaxSet: usd("0.0"),
        calculatedDiscountAllocations: [
          { allocatedAmountSet: usd("10.0"), discountApplication: { __typename: "CalculatedManualDiscountApplication", description: "Size swap", value: { __typename: "PricingPercentageValue", percentage: 25 } } },
        ],
      },
    ]);
    expect(returnCalculate.returnShippingFee).toEqual({ amountSet: usd("5.0") });
    const { order: o } = await t.data(`query($id: ID!) { order(id: $id) { returns(first: 5) { nodes { id } } } }`, { id: orderId });
    expect(o.returns.nodes).toEqual([]);
    const refused = await t.gql(CALCULATE, { input: { ...input, exchangeLineItems: [{ variantId: "gid://shopify/ProductVariant/987654321", quantity: 1 }] } });
    expect(refused.errors?.[0]?.message).toBe("input.exchangeLineItems.0.variantId: Product variant does not exist.");
  });
});

