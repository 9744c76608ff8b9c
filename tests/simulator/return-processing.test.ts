// FIDELITY "Returns processing" (RP-*): returns are created unprocessed and processed with
// returnProcess (quantities confirmed, dispositions, an optional refund in the presentment currency);
// restocking fees per line; Return.suggestedFinancialOutcome (and the deprecated suggestedRefund).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoreEvent } from "../../simulator/store/events";
import { payloadFor } from "../../simulator/webhooks/payloads";
import { deliveredOrder as deliveredOrderOf, SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
let events: StoreEvent[];
beforeEach(async () => {
  t = await startTestSimulator();
  events = [];
  t.sim.store.onEvent((e) => events.push(e));
});
afterEach(() => t.close());

const bag = `shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }`;
const vnd = (shop: string, presentment: string) => ({ shopMoney: { amount: shop, currencyCode: "USD" }, presentmentMoney: { amount: presentment, currencyCode: "VND" } });
const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" }, presentmentMoney: { amount, currencyCode: "USD" } });
const UNWANTED = "gid://shopify/ReturnReasonDefinition/2"; // changed-my-mind

/** A delivered order of 3 × TEE-S ($20.00) and 2 × MUG-1 ($12.50); in VND at 26,300 when asked. */
function deliveredOrder(inVnd = false): Promise<{ orderId: string; lines: Record<string, string> }> {
  return deliveredOrderOf(t, {
    lines: [{ sku: "TEE-S", quantity: 3 }, { sku: "MUG-1", quantity: 2 }],
    email: "lan@example.vn",
    shippingAddress: { firstName: "Lan", lastName: "Nguyễn", city: "Hồ Chí Minh", countryCode: "VN", latitude: 10.78, longitude: 106.69 },
    ...(inVnd ? { presentment: { currencyCode: "VND", rate: "26300" } } : {}),
  });
}

const RETURN_FIELDS = `id status
  returnShippingFees { amountSet { ${bag} } }
  returnLineItems(first: 10) { nodes { ... on ReturnLineItem { id quantity processedQuantity unprocessedQuantity processableQuantity refundableQuantity refundedQuantity
    fulfillmentLineItem { lineItem { sku } } restockingFee { id percentage amountSet { ${bag} } } withCodeDiscountedTotalPriceSet { ${bag} } } } }
  reverseFulfillmentOrders(first: 2) { nodes { id status lineItems(first: 10) { nodes { id totalQuantity fulfillmentLineItem { lineItem { sku } } dispositions { type quantity } } } } }`;

const REQUEST = `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
const CREATE = `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
const APPROVE = `mutation($id: ID!) { returnApproveRequest(input: { id: $id }) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
const PROCESS = `mutation($input: ReturnProcessInput!) { returnProcess(input: $input) { return { ${RETURN_FIELDS}
  refunds(first: 5) { nodes { id totalRefundedSet { ${bag} } transactions(first: 2) { nodes { kind status amountSet { ${bag} } parentTransaction { id kind } } } } } }
  userErrors { field message code } } }`;
const RETURN = `query($id: ID!) { return(id: $id) { ${RETURN_FIELDS} } }`;
const OUTCOME = `query($id: ID!, $lines: [SuggestedOutcomeReturnLineItemInput!]!) { return(id: $id) {
  suggestedFinancialOutcome(returnLineItems: $lines, exchangeLineItems: []) {
    discountedSubtotal { ${bag} } maximumRefundable { ${bag} } totalTax { ${bag} } totalDuties { ${bag} } totalAdditionalFees { ${bag} }
    shipping { amountSet { ${bag} } maximumRefundableSet { ${bag} } }
    financialTransfer { __typename
      ... on RefundReturnOutcome { amount { ${bag} } suggestedTransactions { kind gateway amountSet { ${bag} } parentTransaction { id kind amountSet { ${bag} } } } }
      ... on InvoiceReturnOutcome { amount { ${bag} } } } } } }`;

const byLine = (ret: Loose) => Object.fromEntries(ret.returnLineItems.nodes.map((l: Loose) => [l.fulfillmentLineItem.lineItem.sku, l]));
const rfoLine = (ret: Loose, sku: string) => ret.reverseFulfillmentOrders.nodes[0].lineItems.nodes.find((l: Loose) => l.fulfillmentLineItem.lineItem.sku === sku);

/** An open return of 2 × TEE-S (10 % restocking) and 1 × MUG-1 (no fee), with a return shipping fee. */
async function openVndReturn(): Promise<{ orderId: string; ret: Loose }> {
  const { orderId, lines } = await deliveredOrder(true);
  const created = await t.data(CREATE, {
    input: {
      orderId,
      returnLineItems: [
        { fulfillmentLineItemId: lines["TEE-S"], quantity: 2, returnReasonDefinitionId: UNWANTED, restockingFee: { percentage: 10 } },
        { fulfillmentLineItemId: lines["MUG-1"], quantity: 1, returnReasonDefinitionId: UNWANTED },
      ],
      returnShippingFee: { amount: { amount: "131500", currencyCode: "VND" } },
    },
  });
  expect(created.returnCreate.userErrors).toEqual([]);
  return { orderId, ret: created.returnCreate.return };
}

describe("returns are created unprocessed (RP-1)", () => {
  it("RP-1: a requested return has nothing processable; approved (or made OPEN by returnCreate) every unit is processable and none processed", async () => {
    const { orderId, lines } = await deliveredOrder();
    const requested = await t.data(REQUEST, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 2, returnReasonDefinitionId: UNWANTED }] },
    });
    const line = requested.returnRequest.return.returnLineItems.nodes[0];
    expect(line).toMatchObject({ quantity: 2, processedQuantity: 0, unprocessedQuantity: 2, processableQuantity: 0, refundedQuantity: 0 });
    const approved = await t.data(APPROVE, { id: requested.returnRequest.return.id });
    expect(approved.returnApproveRequest.return.returnLineItems.nodes[0]).toMatchObject({ processedQuantity: 0, unprocessedQuantity: 2, processableQuantity: 2, refundableQuantity: 2 });
    const { ret } = await openVndReturn();
    expect(Object.values(byLine(ret)).map((l: Loose) => [l.processedQuantity, l.processableQuantity])).toEqual([
      [0, 2],
      [0, 1],
    ]);
    const filtered = await t.data(
      `query($id: ID!) { return(id: $id) { processable: returnLineItems(first: 5, processingStatus: PROCESSABLE) { nodes { id } } processed: returnLineItems(first: 5, processingStatus: PROCESSED) { nodes { id } } } }`,
      { id: ret.id },
    );
    expect(filtered.return.processable.nodes).toHaveLength(2);
    expect(filtered.return.processed.nodes).toEqual([]);
  });
});

describe("restocking fees (RP-2)", () => {
  it("RP-2: restockingFee {percentage} on a line is kept with its amount: the percentage of the line's discounted total, in both currencies", async () => {
    const { ret } = await openVndReturn();
    const tee = byLine(ret)["TEE-S"];
    // 2 × 526,000 VND = 1,052,000 VND (40.00 USD); 10 % = 105,200 VND (4.00 USD).
    expect(tee.withCodeDiscountedTotalPriceSet).toEqual(vnd("40.0", "1052000.0"));
    expect(tee.restockingFee).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/RestockingFee\/\d+$/), percentage: 10, amountSet: vnd("4.0", "105200.0") });
    expect(byLine(ret)["MUG-1"].restockingFee).toBeNull();
  });

  it("RP-2: returnRequest takes restocking fees too; a percentage outside 0–100 is refused and nothing is created", async () => {
    const { orderId, lines } = await deliveredOrder();
    const bad = await t.data(REQUEST, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 1, returnReasonDefinitionId: UNWANTED, restockingFee: { percentage: 120 } }] },
    });
    expect(bad.returnRequest).toEqual({
      return: null,
      userErrors: [{ field: ["input", "returnLineItems", "0", "restockingFee", "percentage"], message: expect.any(String), code: "LESS_THAN_OR_EQUAL_TO" }],
    });
    const negative = await t.data(REQUEST, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 1, returnReasonDefinitionId: UNWANTED, restockingFee: { percentage: -1 } }] },
    });
    expect(negative.returnRequest.userErrors[0].code).toBe("GREATER_THAN_OR_EQUAL_TO");
    const good = await t.data(REQUEST, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["MUG-1"], quantity: 1, returnReasonDefinitionId: UNWANTED, restockingFee: { percentage: 12.5 } }] },
    });
    // 12.5 % of 12.50 USD = 1.5625, rounded to the cent: 1.56.
    expect(good.returnRequest.return.returnLineItems.nodes[0].restockingFee).toMatchObject({ percentage: 12.5, amountSet: usd("1.56") });
  });
});

describe("suggestedFinancialOutcome (RP-3)", () => {
  it("RP-3: the suggested refund is the lines' discounted price less each line's restocking fee and the return shipping fee, in both currencies", async () => {
    const { ret } = await openVndReturn();
    const lines = Object.values(byLine(ret)).map((l: Loose) => ({ id: l.id, quantity: l.quantity }));
    const { return: r } = await t.data(OUTCOME, { id: ret.id, lines });
    const outcome = r.suggestedFinancialOutcome;
    // 2 × 526,000 + 328,750 = 1,380,750 VND (52.50 USD); less 105,200 (4.00) restocking and 131,500 (5.00) shipping.
    expect(outcome.discountedSubtotal).toEqual(vnd("52.5", "1380750.0"));
    expect(outcome.maximumRefundable).toEqual(vnd("85.0", "2235500.0"));
    expect(outcome.totalTax).toEqual(vnd("0.0", "0.0"));
    expect(outcome.financialTransfer.__typename).toBe("RefundReturnOutcome");
    expect(outcome.financialTransfer.amount).toEqual(vnd("43.5", "1144050.0"));
    const [suggested] = outcome.financialTransfer.suggestedTransactions;
    expect(suggested).toMatchObject({ kind: "SUGGESTED_REFUND", gateway: "shopify_payments", amountSet: vnd("43.5", "1144050.0") });
    expect(suggested.parentTransaction).toMatchObject({ kind: "SALE", amountSet: vnd("85.0", "2235500.0") });

    // Part of a line: its fee is on the units included only.
    const one = await t.data(OUTCOME, { id: ret.id, lines: [{ id: byLine(ret)["TEE-S"].id, quantity: 1 }] });
    // 526,000 − 52,600 − 131,500 = 341,900 VND.
    expect(one.return.suggestedFinancialOutcome.financialTransfer.amount.presentmentMoney).toEqual({ amount: "341900.0", currencyCode: "VND" });
  });

  it("RP-3: fees larger than the items make an invoice; the deprecated suggestedRefund agrees; a line of another return is a GraphQL error", async () => {
    const { orderId, lines } = await deliveredOrder();
    const created = await t.data(CREATE, {
      input: {
        orderId,
        returnLineItems: [{ fulfillmentLineItemId: lines["MUG-1"], quantity: 1, returnReasonDefinitionId: UNWANTED, restockingFee: { percentage: 50 } }],
        returnShippingFee: { amount: { amount: "9.00", currencyCode: "USD" } },
      },
    });
    const ret = created.returnCreate.return;
    const lineId = ret.returnLineItems.nodes[0].id;
    const { return: r } = await t.data(OUTCOME, { id: ret.id, lines: [{ id: lineId, quantity: 1 }] });
    // 12.50 − 6.25 − 9.00 = −2.75: the customer owes 2.75.
    expect(r.suggestedFinancialOutcome.financialTransfer).toEqual({ __typename: "InvoiceReturnOutcome", amount: usd("2.75") });
    const deprecated = await t.data(
      `query($id: ID!, $lines: [ReturnRefundLineItemInput!]!) { return(id: $id) { suggestedRefund(returnRefundLineItems: $lines) { amount { ${bag} } subtotal { ${bag} } suggestedTransactions { kind } } } }`,
      { id: ret.id, lines: [{ returnLineItemId: lineId, quantity: 1 }] },
    );
    expect(deprecated.return.suggestedRefund).toEqual({ amount: usd("0.0"), subtotal: usd("12.5"), suggestedTransactions: [] });
    const other = await openVndReturn();
    const wrong = await t.gql(OUTCOME, { id: ret.id, lines: [{ id: Object.values(byLine(other.ret))[0]!.id, quantity: 1 }] });
    expect(wrong.errors?.[0]?.message).toMatch(/does not exist on this return/);
  });
});

describe("returnProcess (RP-4, RP-5, RP-6)", () => {
  it("RP-4: confirms quantities and applies the lines' dispositions (restocked units go back on hand); the return stays open", async () => {
    const { ret } = await openVndReturn();
    const lines = byLine(ret);
    const { locations } = await t.data(`{ locations(first: 10) { nodes { id name } } }`);
    const warehouse = locations.nodes[0].id;
    const result = await t.data(PROCESS, {
      input: {
        returnId: ret.id,
        returnLineItems: [
          { id: lines["TEE-S"].id, quantity: 1, dispositions: [{ reverseFulfillmentOrderLineItemId: rfoLine(ret, "TEE-S").id, quantity: 1, dispositionType: "RESTOCKED", locationId: warehouse }] },
          { id: lines["MUG-1"].id, quantity: 1 },
        ],
      },
    });
    expect(result.returnProcess.userErrors).toEqual([]);
    const processed = result.returnProcess.return;
    expect(processed.status).toBe("OPEN");
    expect(byLine(processed)["TEE-S"]).toMatchObject({ processedQuantity: 1, unprocessedQuantity: 1, processableQuantity: 1, refundedQuantity: 0 });
    expect(byLine(processed)["MUG-1"]).toMatchObject({ processedQuantity: 1, unprocessedQuantity: 0, processableQuantity: 0 });
    expect(rfoLine(processed, "TEE-S").dispositions).toEqual([{ type: "RESTOCKED", quantity: 1 }]);
    expect(processed.refunds.nodes).toEqual([]);
    expect(events.filter((e) => e.topic === "returns/process")).toHaveLength(1);
    expect(events.some((e) => e.topic === "refunds/create")).toBe(false);
    const payload = payloadFor(t.sim.store.requireShop(SHOP), events.find((e) => e.topic === "returns/process")!) as Loose;
    expect(payload).toMatchObject({ admin_graphql_api_id: ret.id, status: "open" });

    // The shipping fee was taken by this first processing: the rest of the return owes only its items and fees.
    const rest = await t.data(OUTCOME, { id: ret.id, lines: [{ id: lines["TEE-S"].id, quantity: 1 }] });
    expect(rest.return.suggestedFinancialOutcome.financialTransfer.amount.presentmentMoney.amount).toBe("473400.0"); // 526,000 − 52,600
  });

  it("RP-5: with financialTransfer.issueRefund, refunds the transactions' amount in the presentment currency to the SALE and records the refunded quantities", async () => {
    const { orderId, ret } = await openVndReturn();
    const all = Object.values(byLine(ret)).map((l: Loose) => ({ id: l.id, quantity: l.quantity }));
    const { return: suggested } = await t.data(OUTCOME, { id: ret.id, lines: all });
    const [transaction] = suggested.suggestedFinancialOutcome.financialTransfer.suggestedTransactions;
    const refund = (amount: { amount: string; currencyCode: string }) => ({
      returnId: ret.id,
      returnLineItems: all,
      financialTransfer: { issueRefund: { orderTransactions: [{ parentId: transaction.parentTransaction.id, transactionAmount: amount }] } },
    });
    const inUsd = await t.data(PROCESS, { input: refund({ amount: "43.50", currencyCode: "USD" }) });
    expect(inUsd.returnProcess.userErrors).toEqual([
      {
        field: ["input", "financialTransfer", "issueRefund", "orderTransactions", "0", "transactionAmount", "currencyCode"],
        message: expect.stringContaining("presentment currency of the order (VND)"),
        code: "INVALID",
      },
    ]);
    const tooMuch = await t.data(PROCESS, { input: refund({ amount: "9999999", currencyCode: "VND" }) });
    expect(tooMuch.returnProcess.userErrors[0].code).toBe("LESS_THAN_OR_EQUAL_TO");
    // The refusals changed nothing.
    expect(byLine((await t.data(RETURN, { id: ret.id })).return)["TEE-S"].processedQuantity).toBe(0);

    const done = await t.data(PROCESS, { input: refund(transaction.amountSet.presentmentMoney) });
    expect(done.returnProcess.userErrors).toEqual([]);
    const r = done.returnProcess.return;
    expect(Object.values(byLine(r)).map((l: Loose) => [l.processedQuantity, l.refundedQuantity, l.refundableQuantity])).toEqual([
      [2, 2, 0],
      [1, 1, 0],
    ]);
    expect(r.refunds.nodes).toHaveLength(1);
    expect(r.refunds.nodes[0].totalRefundedSet).toEqual(vnd("43.5", "1144050.0"));
    expect(r.refunds.nodes[0].transactions.nodes[0]).toMatchObject({ kind: "REFUND", status: "SUCCESS", amountSet: vnd("43.5", "1144050.0"), parentTransaction: { kind: "SALE" } });
    const { order } = await t.data(`query($id: ID!) { order(id: $id) { displayFinancialStatus totalRefundedSet { ${bag} } } }`, { id: orderId });
    expect(order).toEqual({ displayFinancialStatus: "PARTIALLY_REFUNDED", totalRefundedSet: vnd("43.5", "1144050.0") });
    expect(events.map((e) => e.topic).filter((topic) => topic === "refunds/create" || topic === "returns/process")).toEqual(["refunds/create", "returns/process"]);
    const refundPayload = payloadFor(t.sim.store.requireShop(SHOP), events.find((e) => e.topic === "refunds/create")!) as Loose;
    expect(refundPayload).toMatchObject({ return: { admin_graphql_api_id: ret.id }, transactions: [{ kind: "refund", status: "success", amount: "1144050", currency: null }] });
    // The transaction's currency is null as in Shopify's example payload (FIDELITY WP-5); its amount is
    // in the order's presentment currency, which the payload's money sets name next to the shop's (MC-6).
    expect(refundPayload.transactions[0].total_unsettled_set).toEqual({ presentment_money: { amount: "0", currency: "VND" }, shop_money: { amount: "0.00", currency: "USD" } });
    expect(refundPayload.total_duties_set).toEqual({ shop_money: { amount: "0.00", currency_code: "USD" }, presentment_money: { amount: "0", currency_code: "VND" } });
  });

  it("RP-6: refuses what Shopify refuses, changing nothing: a requested return, too many units, a foreign line or disposition, an exchange line not on the return", async () => {
    const { orderId, lines } = await deliveredOrder();
    const requested = await t.data(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"], quantity: 1, returnReasonDefinitionId: UNWANTED }] } });
    const requestedLine = requested.returnRequest.return.returnLineItems.nodes[0].id;
    const notOpen = await t.data(PROCESS, { input: { returnId: requested.returnRequest.return.id, returnLineItems: [{ id: requestedLine, quantity: 1 }] } });
    expect(notOpen.returnProcess.userErrors).toEqual([{ field: ["input", "returnId"], message: expect.any(String), code: "INVALID_STATE" }]);

    const { ret } = await openVndReturn();
    const tee = byLine(ret)["TEE-S"];
    const cases: [Loose, { field: string[]; code: string }][] = [
      [{ returnLineItems: [{ id: tee.id, quantity: 3 }] }, { field: ["input", "returnLineItems", "0", "quantity"], code: "LESS_THAN_OR_EQUAL_TO" }],
      [{ returnLineItems: [{ id: tee.id, quantity: 0 }] }, { field: ["input", "returnLineItems", "0", "quantity"], code: "GREATER_THAN" }],
      [{ returnLineItems: [{ id: requestedLine, quantity: 1 }] }, { field: ["input", "returnLineItems", "0", "id"], code: "NOT_FOUND" }],
      [{ returnLineItems: [] }, { field: ["input", "returnLineItems"], code: "BLANK" }],
      [
        { returnLineItems: [{ id: tee.id, quantity: 1, dispositions: [{ reverseFulfillmentOrderLineItemId: rfoLine(ret, "MUG-1").id, quantity: 1, dispositionType: "NOT_RESTOCKED" }] }] },
        { field: ["input", "returnLineItems", "0", "dispositions", "0", "reverseFulfillmentOrderLineItemId"], code: "INVALID" },
      ],
      [
        { returnLineItems: [{ id: tee.id, quantity: 1, dispositions: [{ reverseFulfillmentOrderLineItemId: rfoLine(ret, "TEE-S").id, quantity: 2, dispositionType: "NOT_RESTOCKED" }] }] },
        { field: ["input", "returnLineItems", "0", "dispositions"], code: "LESS_THAN_OR_EQUAL_TO" },
      ],
      [
        { returnLineItems: [{ id: tee.id, quantity: 1, dispositions: [{ reverseFulfillmentOrderLineItemId: rfoLine(ret, "TEE-S").id, quantity: 1, dispositionType: "RESTOCKED" }] }] },
        { field: ["input", "returnLineItems", "0", "dispositions", "0", "locationId"], code: "BLANK" },
      ],
      [{ returnLineItems: [{ id: tee.id, quantity: 1 }], exchangeLineItems: [{ id: "gid://shopify/ExchangeLineItem/1", quantity: 1 }] }, { field: ["input", "exchangeLineItems", "0", "id"], code: "NOT_FOUND" }],
    ];
    for (const [input, expected] of cases) {
      const result = await t.data(PROCESS, { input: { returnId: ret.id, ...input } });
      expect(result.returnProcess.return, JSON.stringify(input)).toBeNull();
      expect(result.returnProcess.userErrors[0], JSON.stringify(input)).toMatchObject(expected);
    }
    const after = (await t.data(RETURN, { id: ret.id })).return;
    expect(Object.values(byLine(after)).every((l: Loose) => l.processedQuantity === 0)).toBe(true);
    expect(rfoLine(after, "TEE-S").dispositions).toEqual([]);
    expect(events.some((e) => e.topic === "returns/process")).toBe(false);
  });
});

describe("the merchant processing a return in Shopify admin (RP-7)", () => {
  it("RP-7: the control API's process route processes every unit with one disposition and refunds the suggested amount", async () => {
    const { ret } = await openVndReturn();
    const processed = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(ret.id)}/process`, { dispositionType: "NOT_RESTOCKED" });
    expect(processed.status).toBe(200);
    expect(processed.body.refund).toMatchObject({ amount: "1144050", currencyCode: "VND", shopAmount: "43.50" });
    expect(processed.body.returnLineItems.map((l: Loose) => [l.processedQuantity, l.refundedQuantity])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    const again = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(ret.id)}/process`, {});
    expect(again.status).toBe(422);
  });
});
