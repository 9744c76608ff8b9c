import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeEach(async () => {
  t = await startTestSimulator();
});
afterEach(() => t.close());

const RETURNABLE = `query($id: ID!) { returnableFulfillments(orderId: $id, first: 10) { nodes { id fulfillment { id }
  returnableFulfillmentLineItems(first: 10) { nodes { quantity fulfillmentLineItem { id quantity lineItem { sku } } } } } } }`;

const REQUEST = `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) {
  return { id name status totalQuantity order { id returnStatus } reverseFulfillmentOrders(first: 5) { nodes { id } }
    returnLineItems(first: 10) { nodes { ... on ReturnLineItem { id quantity returnReason customerNote returnReasonNote
      returnReasonDefinition { handle } fulfillmentLineItem { id lineItem { sku } } } } } }
  userErrors { field message code } } }`;

const CREATE = `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) {
  return { id name status requestApprovedAt reverseFulfillmentOrders(first: 5) { nodes { id status lineItems(first: 10) { nodes { id totalQuantity fulfillmentLineItem { id } } } } } }
  userErrors { field message code } } }`;

const APPROVE = `mutation($id: ID!) { returnApproveRequest(input: { id: $id, notifyCustomer: true }) {
  return { id status requestApprovedAt reverseFulfillmentOrders(first: 5) { nodes { id status order { id } lineItems(first: 10) { nodes { id totalQuantity dispositions { id } fulfillmentLineItem { id } } } } } }
  userErrors { field message code } } }`;

const DECLINE = `mutation($input: ReturnDeclineRequestInput!) { returnDeclineRequest(input: $input) {
  return { id status decline { reason note } } userErrors { field message code } } }`;

const CLOSE = `mutation($id: ID!) { returnClose(id: $id) { return { id status closedAt reverseFulfillmentOrders(first: 5) { nodes { status } } } userErrors { field message code } } }`;
const REOPEN = `mutation($id: ID!) { returnReopen(id: $id) { return { id status closedAt } userErrors { field message code } } }`;
const CANCEL = `mutation($id: ID!) { returnCancel(id: $id) { return { id status } userErrors { field message code } } }`;

const DELIVERY = `mutation($rfo: ID!, $lines: [ReverseDeliveryLineItemInput!]!, $tracking: ReverseDeliveryTrackingInput, $label: ReverseDeliveryLabelInput) {
  reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $rfo, reverseDeliveryLineItems: $lines, trackingInput: $tracking, labelInput: $label, notifyCustomer: true) {
    reverseDelivery { id reverseFulfillmentOrder { id }
      reverseDeliveryLineItems(first: 10) { nodes { id quantity reverseFulfillmentOrderLineItem { id } } }
      deliverable { __typename ... on ReverseDeliveryShippingDeliverable { tracking { carrierName number url } label { publicFileUrl createdAt } } } }
    userErrors { field message code } } }`;

const DISPOSE = `mutation($inputs: [ReverseFulfillmentOrderDisposeInput!]!) { reverseFulfillmentOrderDispose(dispositionInputs: $inputs) {
  reverseFulfillmentOrderLineItems { id totalQuantity dispositions { type quantity location { name } } } userErrors { field message code } } }`;

const LEVEL = `query($sku: String!) { productVariants(first: 1, query: $sku) { nodes { inventoryItem { inventoryLevels(first: 10) { nodes {
  location { id name } quantities(names: ["available", "on_hand", "committed"]) { name quantity } } } } } } }`;

async function locationId(name: string): Promise<string> {
  const { locations } = await t.data(`{ locations(first: 10, includeInactive: true) { nodes { id name } } }`);
  return locations.nodes.find((l: Loose) => l.name === name).id;
}

async function stock(sku: string, location: string): Promise<Record<string, number>> {
  const { productVariants } = await t.data(LEVEL, { sku: `sku:${sku}` });
  const level = productVariants.nodes[0].inventoryItem.inventoryLevels.nodes.find((l: Loose) => l.location.name === location);
  return Object.fromEntries(level.quantities.map((q: Loose) => [q.name, q.quantity]));
}

/** A new order shipped from the warehouse and delivered: 3 × TEE-S, 2 × MUG-1. */
async function deliveredOrder(): Promise<{ orderId: string; lines: Record<string, { id: string; quantity: number }> }> {
  const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 3 }, { sku: "MUG-1", quantity: 2 }],
    email: "ret@example.com",
    shippingAddress: { firstName: "Ret", lastName: "Urn", city: "Oakland", countryCode: "US", latitude: 37.8, longitude: -122.27 },
  });
  expect(created.status).toBe(201);
  const orderId = created.body.order.id;
  const fulfilled = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId, tracking: { company: "UPS", number: "1ZRET" }, displayStatus: "IN_TRANSIT" });
  expect(fulfilled.status).toBe(201);
  await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfilled.body.fulfillments[0].id)}/deliver`, {});
  const { returnableFulfillments } = await t.data(RETURNABLE, { id: orderId });
  const lines: Record<string, { id: string; quantity: number }> = {};
  for (const rf of returnableFulfillments.nodes) {
    for (const l of rf.returnableFulfillmentLineItems.nodes) lines[l.fulfillmentLineItem.lineItem.sku] = { id: l.fulfillmentLineItem.id, quantity: l.quantity };
  }
  return { orderId, lines };
}

async function returnable(orderId: string): Promise<Record<string, number>> {
  const { returnableFulfillments } = await t.data(RETURNABLE, { id: orderId });
  const result: Record<string, number> = {};
  for (const rf of returnableFulfillments.nodes) {
    for (const l of rf.returnableFulfillmentLineItems.nodes) result[l.fulfillmentLineItem.lineItem.sku] = (result[l.fulfillmentLineItem.lineItem.sku] ?? 0) + l.quantity;
  }
  return result;
}

describe("returnableFulfillments", () => {
  it("lists successful fulfillments with what is left to return, and nothing for unfulfilled or cancelled orders", async () => {
    const { orders } = await t.data(`{ orders(first: 10) { nodes { id name } } }`);
    const byName = (name: string) => orders.nodes.find((o: Loose) => o.name === name).id;
    expect(await returnable(byName("#1003"))).toEqual({ "TEE-S": 1 }); // delivered
    expect(await returnable(byName("#1002"))).toEqual({ "TEE-M": 2 }); // shipped part, in transit
    expect(await returnable(byName("#1006"))).toEqual({ "MUG-1": 1 }); // picked up
    expect(await returnable(byName("#1001"))).toEqual({}); // unfulfilled
    expect(await returnable(byName("#1004"))).toEqual({}); // cancelled
    expect(await returnable(byName("#1005"))).toEqual({}); // ready for pickup: not yet fulfilled
    const data = await t.data(RETURNABLE, { id: byName("#1003") });
    const rf = data.returnableFulfillments.nodes[0];
    expect(rf.id).toBe(rf.fulfillment.id.replace("Fulfillment", "ReturnableFulfillment"));
    const node = await t.data(`query($id: ID!) { returnableFulfillment(id: $id) { id fulfillment { id } } node(id: $id) { id } }`, { id: rf.id });
    expect(node.returnableFulfillment).toEqual({ id: rf.id, fulfillment: rf.fulfillment });
    expect(node.node).toEqual({ id: rf.id });
  });
});

describe("returnRequest → approve → reverse delivery → dispose → close", () => {
  it("walks a customer's return through Shopify's whole flow", async () => {
    const { orderId, lines } = await deliveredOrder();
    expect(lines["TEE-S"]!.quantity).toBe(3);
    const wh = await locationId("Warehouse");
    const sf = await locationId("SF Store");

    const requested = await t.data(REQUEST, {
      input: {
        orderId,
        returnLineItems: [
          { fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 2, returnReason: "SIZE_TOO_SMALL", customerNote: "Runs small" },
          { fulfillmentLineItemId: lines["MUG-1"]!.id, quantity: 1, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/6" },
        ],
      },
    });
    expect(requested.returnRequest.userErrors).toEqual([]);
    const ret = requested.returnRequest.return;
    expect(ret).toMatchObject({ status: "REQUESTED", totalQuantity: 3, order: { id: orderId, returnStatus: "RETURN_REQUESTED" }, reverseFulfillmentOrders: { nodes: [] } });
    expect(ret.name).toMatch(/^#\d+-R1$/);
    expect(ret.returnLineItems.nodes).toEqual([
      expect.objectContaining({ quantity: 2, returnReason: "SIZE_TOO_SMALL", customerNote: "Runs small", returnReasonNote: "", returnReasonDefinition: { handle: "too-small" }, fulfillmentLineItem: { id: lines["TEE-S"]!.id, lineItem: { sku: "TEE-S" } } }),
      expect.objectContaining({ quantity: 1, returnReason: "DEFECTIVE", returnReasonDefinition: { handle: "damaged-or-defective" } }),
    ]);
    // Requested units are held: only the rest can be returned.
    expect(await returnable(orderId)).toEqual({ "TEE-S": 1, "MUG-1": 1 });

    const approved = await t.data(APPROVE, { id: ret.id });
    expect(approved.returnApproveRequest.userErrors).toEqual([]);
    expect(approved.returnApproveRequest.return.status).toBe("OPEN");
    expect(approved.returnApproveRequest.return.requestApprovedAt).toBeTruthy();
    const rfo = approved.returnApproveRequest.return.reverseFulfillmentOrders.nodes[0];
    expect(rfo).toMatchObject({ status: "OPEN", order: { id: orderId } });
    expect(rfo.lineItems.nodes.map((l: Loose) => [l.fulfillmentLineItem.id, l.totalQuantity])).toEqual([
      [lines["TEE-S"]!.id, 2],
      [lines["MUG-1"]!.id, 1],
    ]);
    const [teeLine, mugLine] = rfo.lineItems.nodes;

    const delivery = await t.data(DELIVERY, {
      rfo: rfo.id,
      lines: [],
      tracking: { number: "1ZRETURN1", url: "https://www.ups.com/track?tracknum=1ZRETURN1" },
      label: { fileUrl: "https://labels.example/return-1.pdf" },
    });
    expect(delivery.reverseDeliveryCreateWithShipping.userErrors).toEqual([]);
    const rd = delivery.reverseDeliveryCreateWithShipping.reverseDelivery;
    expect(rd.reverseFulfillmentOrder.id).toBe(rfo.id);
    expect(rd.reverseDeliveryLineItems.nodes.map((l: Loose) => l.quantity)).toEqual([2, 1]);
    expect(rd.deliverable).toMatchObject({
      __typename: "ReverseDeliveryShippingDeliverable",
      tracking: { carrierName: "UPS", number: "1ZRETURN1", url: "https://www.ups.com/track?tracknum=1ZRETURN1" },
      label: { publicFileUrl: "https://labels.example/return-1.pdf" },
    });

    const whBefore = await stock("TEE-S", "Warehouse");
    const sfMugBefore = await stock("MUG-1", "SF Store");
    const disposed = await t.data(DISPOSE, {
      inputs: [
        { reverseFulfillmentOrderLineItemId: teeLine.id, quantity: 1, dispositionType: "RESTOCKED", locationId: wh },
        { reverseFulfillmentOrderLineItemId: teeLine.id, quantity: 1, dispositionType: "NOT_RESTOCKED" },
      ],
    });
    expect(disposed.reverseFulfillmentOrderDispose.userErrors).toEqual([]);
    expect(disposed.reverseFulfillmentOrderDispose.reverseFulfillmentOrderLineItems).toEqual([
      { id: teeLine.id, totalQuantity: 2, dispositions: [{ type: "RESTOCKED", quantity: 1, location: { name: "Warehouse" } }, { type: "NOT_RESTOCKED", quantity: 1, location: null }] },
    ]);
    const whAfter = await stock("TEE-S", "Warehouse");
    expect(whAfter.available).toBe(whBefore.available! + 1);
    expect(whAfter.on_hand).toBe(whBefore.on_hand! + 1);
    expect(whAfter.committed).toBe(whBefore.committed);

    // Still undisposed: the mug. Restocked elsewhere than it shipped from.
    let state = await t.data(`query($id: ID!) { return(id: $id) { status order { returnStatus } reverseFulfillmentOrders(first: 1) { nodes { status } } } }`, { id: ret.id });
    expect(state.return).toEqual({ status: "OPEN", order: { returnStatus: "IN_PROGRESS" }, reverseFulfillmentOrders: { nodes: [{ status: "OPEN" }] } });
    await t.data(DISPOSE, { inputs: [{ reverseFulfillmentOrderLineItemId: mugLine.id, quantity: 1, dispositionType: "RESTOCKED", locationId: sf }] });
    expect((await stock("MUG-1", "SF Store")).available).toBe(sfMugBefore.available! + 1);
    state = await t.data(`query($id: ID!) { return(id: $id) { status order { returnStatus } reverseFulfillmentOrders(first: 1) { nodes { status } } } }`, { id: ret.id });
    expect(state.return).toEqual({ status: "OPEN", order: { returnStatus: "INSPECTION_COMPLETE" }, reverseFulfillmentOrders: { nodes: [{ status: "CLOSED" }] } });

    // The reverse delivery line knows what was disposed from it.
    const rdRead = await t.data(`query($id: ID!) { reverseDelivery(id: $id) { reverseDeliveryLineItems(first: 5) { nodes { quantity dispositions { type quantity } } } } }`, { id: rd.id });
    expect(rdRead.reverseDelivery.reverseDeliveryLineItems.nodes[0].dispositions).toEqual([{ type: "RESTOCKED", quantity: 1 }, { type: "NOT_RESTOCKED", quantity: 1 }]);

    const closed = await t.data(CLOSE, { id: ret.id });
    expect(closed.returnClose.userErrors).toEqual([]);
    expect(closed.returnClose.return.status).toBe("CLOSED");
    expect(closed.returnClose.return.closedAt).toBeTruthy();
    const order = await t.data(`query($id: ID!) { order(id: $id) { returnStatus returns(first: 5) { nodes { id status } } } }`, { id: orderId });
    expect(order.order).toEqual({ returnStatus: "RETURNED", returns: { nodes: [{ id: ret.id, status: "CLOSED" }] } });
    // Closed returns keep their units: they were returned.
    expect(await returnable(orderId)).toEqual({ "TEE-S": 1, "MUG-1": 1 });

    const reopened = await t.data(REOPEN, { id: ret.id });
    expect(reopened.returnReopen).toEqual({ return: { id: ret.id, status: "OPEN", closedAt: null }, userErrors: [] });
    const again = await t.data(CLOSE, { id: ret.id });
    expect(again.returnClose.return.status).toBe("CLOSED");

    // Node lookups.
    const nodes = await t.data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [ret.id, rfo.id, rd.id, teeLine.id] });
    expect(nodes.nodes.map((n: Loose) => n.__typename)).toEqual(["Return", "ReverseFulfillmentOrder", "ReverseDelivery", "ReverseFulfillmentOrderLineItem"]);
  });
});

describe("returnRequest userErrors", () => {
  it("refuses unknown orders and line items, bad quantities and missing reasons, and writes nothing", async () => {
    const { orderId, lines } = await deliveredOrder();
    const request = async (input: Loose) => (await t.data(REQUEST, { input })).returnRequest;

    expect(await request({ orderId: "gid://shopify/Order/999999", returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReason: "COLOR" }] })).toEqual({
      return: null,
      userErrors: [{ field: ["input", "orderId"], message: "Order does not exist.", code: "NOT_FOUND" }],
    });
    expect((await request({ orderId, returnLineItems: [] })).userErrors).toEqual([{ field: ["input", "returnLineItems"], message: expect.any(String), code: "BLANK" }]);
    const bad = await request({
      orderId,
      returnLineItems: [
        { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/999999", quantity: 1, returnReason: "COLOR" },
        { fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 4, returnReason: "COLOR" },
        { fulfillmentLineItemId: lines["MUG-1"]!.id, quantity: 0, returnReason: "COLOR" },
      ],
    });
    expect(bad.return).toBeNull();
    expect(bad.userErrors).toEqual([
      { field: ["input", "returnLineItems", "0", "fulfillmentLineItemId"], message: "Fulfillment line item does not exist.", code: "NOT_FOUND" },
      { field: ["input", "returnLineItems", "1", "quantity"], message: "Quantity must be less than or equal to the returnable quantity (3).", code: "LESS_THAN_OR_EQUAL_TO" },
      { field: ["input", "returnLineItems", "2", "quantity"], message: "Quantity must be greater than 0.", code: "GREATER_THAN" },
    ]);
    // The same line twice counts together.
    const twice = await request({
      orderId,
      returnLineItems: [
        { fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 2, returnReason: "COLOR" },
        { fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 2, returnReason: "STYLE" },
      ],
    });
    expect(twice.userErrors).toEqual([{ field: ["input", "returnLineItems", "1", "quantity"], message: expect.any(String), code: "LESS_THAN_OR_EQUAL_TO" }]);
    const noReason = await request({ orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1 }] });
    expect(noReason.userErrors).toEqual([{ field: ["input", "returnLineItems", "0", "returnReasonDefinitionId"], message: expect.any(String), code: "BLANK" }]);
    const unknownReason = await request({ orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/999" }] });
    expect(unknownReason.userErrors[0]).toMatchObject({ field: ["input", "returnLineItems", "0", "returnReasonDefinitionId"], code: "NOT_FOUND" });
    const longNote = await request({ orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReason: "OTHER", customerNote: "x".repeat(301) }] });
    expect(longNote.userErrors).toEqual([{ field: ["input", "returnLineItems", "0", "customerNote"], message: expect.any(String), code: "TOO_LONG" }]);
    // A line of another order.
    const { orders } = await t.data(`{ orders(first: 10, query: "name:#1003") { nodes { id } } }`);
    const other = await returnableIds(orders.nodes[0].id);
    expect((await request({ orderId, returnLineItems: [{ fulfillmentLineItemId: other[0], quantity: 1, returnReason: "OTHER" }] })).userErrors[0]).toMatchObject({ code: "NOT_FOUND" });

    const state = await t.control("GET", `/_control/shops/${SHOP}/state`);
    expect(state.body.counts.returns).toBe(0);
    expect(await returnable(orderId)).toEqual({ "TEE-S": 3, "MUG-1": 2 });
  });

  it("refuses units already in a return until it is declined", async () => {
    const { orderId, lines } = await deliveredOrder();
    const first = await t.data(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["MUG-1"]!.id, quantity: 2, returnReason: "UNWANTED" }] } });
    expect(first.returnRequest.userErrors).toEqual([]);
    const second = await t.data(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["MUG-1"]!.id, quantity: 1, returnReason: "UNWANTED" }] } });
    expect(second.returnRequest.userErrors).toEqual([
      { field: ["input", "returnLineItems", "0", "quantity"], message: "Fulfillment line item has no returnable quantity.", code: "LESS_THAN_OR_EQUAL_TO" },
    ]);
    const declined = await t.data(DECLINE, { input: { id: first.returnRequest.return.id, declineReason: "RETURN_PERIOD_ENDED", declineNote: "Past 30 days", notifyCustomer: true } });
    expect(declined.returnDeclineRequest).toEqual({
      return: { id: first.returnRequest.return.id, status: "DECLINED", decline: { reason: "RETURN_PERIOD_ENDED", note: "Past 30 days" } },
      userErrors: [],
    });
    expect(await returnable(orderId)).toEqual({ "TEE-S": 3, "MUG-1": 2 });
    const order = await t.data(`query($id: ID!) { order(id: $id) { returnStatus } }`, { id: orderId });
    expect(order.order.returnStatus).toBe("NO_RETURN");
    const third = await t.data(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["MUG-1"]!.id, quantity: 1, returnReason: "UNWANTED" }] } });
    expect(third.returnRequest.userErrors).toEqual([]);
    expect(third.returnRequest.return.name).toMatch(/-R2$/);
  });
});

async function returnableIds(orderId: string): Promise<string[]> {
  const { returnableFulfillments } = await t.data(RETURNABLE, { id: orderId });
  return returnableFulfillments.nodes.flatMap((rf: Loose) => rf.returnableFulfillmentLineItems.nodes.map((l: Loose) => l.fulfillmentLineItem.id));
}

describe("state transitions", () => {
  it("approves and declines only requested returns, closes only open ones, reopens only closed ones; nothing changes on a refusal", async () => {
    const { orderId, lines } = await deliveredOrder();
    const req = await t.data(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReason: "COLOR" }] } });
    const id = req.returnRequest.return.id;

    expect((await t.data(CLOSE, { id })).returnClose.userErrors).toEqual([{ field: ["id"], message: "Return is requested; only an open return can be closed.", code: "INVALID_STATE" }]);
    expect((await t.data(REOPEN, { id })).returnReopen.userErrors[0]).toMatchObject({ field: ["id"], code: "INVALID_STATE" });

    await t.data(DECLINE, { input: { id, declineReason: "FINAL_SALE" } });
    const approveDeclined = await t.data(APPROVE, { id });
    expect(approveDeclined.returnApproveRequest).toEqual({
      return: null,
      userErrors: [{ field: ["input", "id"], message: "Return is declined; only a requested return can be approved.", code: "INVALID_STATE" }],
    });
    expect((await t.data(DECLINE, { input: { id, declineReason: "OTHER" } })).returnDeclineRequest.userErrors[0]).toMatchObject({ field: ["input", "id"], code: "INVALID_STATE" });
    expect((await t.data(CANCEL, { id })).returnCancel.userErrors[0]).toMatchObject({ field: ["id"], code: "INVALID_STATE" });
    const still = await t.data(`query($id: ID!) { return(id: $id) { status decline { reason } reverseFulfillmentOrders(first: 1) { nodes { id } } } }`, { id });
    expect(still.return).toEqual({ status: "DECLINED", decline: { reason: "FINAL_SALE" }, reverseFulfillmentOrders: { nodes: [] } });

    const open = await t.data(CREATE, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReason: "COLOR" }] } });
    const openId = open.returnCreate.return.id;
    expect((await t.data(APPROVE, { id: openId })).returnApproveRequest.userErrors[0]).toMatchObject({ code: "INVALID_STATE" });
    expect((await t.data(DECLINE, { input: { id: openId, declineReason: "OTHER" } })).returnDeclineRequest.userErrors[0]).toMatchObject({ code: "INVALID_STATE" });

    const unknown = "gid://shopify/Return/999999";
    expect((await t.data(APPROVE, { id: unknown })).returnApproveRequest.userErrors).toEqual([{ field: ["input", "id"], message: "Return does not exist.", code: "NOT_FOUND" }]);
    expect((await t.data(CLOSE, { id: unknown })).returnClose.userErrors).toEqual([{ field: ["id"], message: "Return does not exist.", code: "NOT_FOUND" }]);
    const longNote = await t.data(DECLINE, { input: { id: unknown, declineReason: "OTHER" } });
    expect(longNote.returnDeclineRequest.userErrors[0].code).toBe("NOT_FOUND");
  });

  it("declines with a note of at most 500 characters", async () => {
    const { orderId, lines } = await deliveredOrder();
    const req = await t.data(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReason: "COLOR" }] } });
    const tooLong = await t.data(DECLINE, { input: { id: req.returnRequest.return.id, declineReason: "OTHER", declineNote: "n".repeat(501) } });
    expect(tooLong.returnDeclineRequest.userErrors).toEqual([{ field: ["input", "declineNote"], message: expect.any(String), code: "TOO_LONG" }]);
    const read = await t.data(`query($id: ID!) { return(id: $id) { status } }`, { id: req.returnRequest.return.id });
    expect(read.return.status).toBe("REQUESTED");
  });

  it("cancels a return before any disposition, not after", async () => {
    const { orderId, lines } = await deliveredOrder();
    const a = await t.data(CREATE, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 2, returnReason: "COLOR" }] } });
    const canceled = await t.data(CANCEL, { id: a.returnCreate.return.id });
    expect(canceled.returnCancel).toEqual({ return: { id: a.returnCreate.return.id, status: "CANCELED" }, userErrors: [] });
    const rfo = await t.data(`query($id: ID!) { reverseFulfillmentOrder(id: $id) { status } }`, { id: a.returnCreate.return.reverseFulfillmentOrders.nodes[0].id });
    expect(rfo.reverseFulfillmentOrder.status).toBe("CANCELED");
    expect(await returnable(orderId)).toEqual({ "TEE-S": 3, "MUG-1": 2 });

    const b = await t.data(CREATE, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 2, returnReason: "COLOR" }] } });
    const line = b.returnCreate.return.reverseFulfillmentOrders.nodes[0].lineItems.nodes[0];
    await t.data(DISPOSE, { inputs: [{ reverseFulfillmentOrderLineItemId: line.id, quantity: 1, dispositionType: "MISSING" }] });
    const refused = await t.data(CANCEL, { id: b.returnCreate.return.id });
    expect(refused.returnCancel.userErrors).toEqual([{ field: ["id"], message: expect.any(String), code: "INVALID_STATE" }]);
  });
});

describe("returnCreate", () => {
  it("creates an OPEN return with its reverse fulfillment order at once", async () => {
    const { orderId, lines } = await deliveredOrder();
    const created = await t.data(CREATE, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["MUG-1"]!.id, quantity: 2, returnReason: "DEFECTIVE", returnReasonNote: "Chipped" }], returnShippingFee: { amount: { amount: "5.00", currencyCode: "USD" } } },
    });
    expect(created.returnCreate.userErrors).toEqual([]);
    const ret = created.returnCreate.return;
    expect(ret.status).toBe("OPEN");
    expect(ret.requestApprovedAt).toBeTruthy();
    expect(ret.reverseFulfillmentOrders.nodes[0]).toMatchObject({ status: "OPEN", lineItems: { nodes: [{ totalQuantity: 2, fulfillmentLineItem: { id: lines["MUG-1"]!.id } }] } });
    const read = await t.data(`query($id: ID!) { return(id: $id) { returnShippingFees { amountSet { shopMoney { amount currencyCode } } } returnLineItems(first: 5) { nodes { ... on ReturnLineItem { returnReasonNote } } } } }`, { id: ret.id });
    expect(read.return).toEqual({ returnShippingFees: [{ amountSet: { shopMoney: { amount: "5.0", currencyCode: "USD" } } }], returnLineItems: { nodes: [{ returnReasonNote: "Chipped" }] } });
    const errors = await t.data(CREATE, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["MUG-1"]!.id, quantity: 1, returnReason: "DEFECTIVE" }] } });
    expect(errors.returnCreate.userErrors).toEqual([{ field: ["returnInput", "returnLineItems", "0", "quantity"], message: expect.any(String), code: "LESS_THAN_OR_EQUAL_TO" }]);
  });
});

describe("reverseDeliveryCreateWithShipping userErrors", () => {
  it("refuses unknown reverse fulfillment orders and lines, too many units, bad URLs", async () => {
    const { orderId, lines } = await deliveredOrder();
    const created = await t.data(CREATE, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 2, returnReason: "COLOR" }] } });
    const rfo = created.returnCreate.return.reverseFulfillmentOrders.nodes[0];
    const line = rfo.lineItems.nodes[0];
    const run = async (vars: Loose) => (await t.data(DELIVERY, vars)).reverseDeliveryCreateWithShipping;

    expect(await run({ rfo: "gid://shopify/ReverseFulfillmentOrder/999999", lines: [] })).toEqual({
      reverseDelivery: null,
      userErrors: [{ field: ["reverseFulfillmentOrderId"], message: "Reverse fulfillment order does not exist.", code: "NOT_FOUND" }],
    });
    const bad = await run({
      rfo: rfo.id,
      lines: [
        { reverseFulfillmentOrderLineItemId: "gid://shopify/ReverseFulfillmentOrderLineItem/999999", quantity: 1 },
        { reverseFulfillmentOrderLineItemId: line.id, quantity: 3 },
      ],
      tracking: { number: "X", url: "not a url" },
      label: { fileUrl: "ftp://labels.example/x.pdf" },
    });
    expect(bad.userErrors).toEqual([
      { field: ["reverseDeliveryLineItems", "0", "reverseFulfillmentOrderLineItemId"], message: expect.any(String), code: "NOT_FOUND" },
      { field: ["reverseDeliveryLineItems", "1", "quantity"], message: "Quantity must be less than or equal to the quantity left to deliver (2).", code: "LESS_THAN_OR_EQUAL_TO" },
      { field: ["trackingInput", "url"], message: "Tracking URL is invalid.", code: "INVALID" },
      { field: ["labelInput", "fileUrl"], message: "Label file URL is invalid.", code: "INVALID" },
    ]);
    const part = await run({ rfo: rfo.id, lines: [{ reverseFulfillmentOrderLineItemId: line.id, quantity: 1 }], tracking: { number: "RET1" } });
    expect(part.userErrors).toEqual([]);
    expect(part.reverseDelivery.deliverable.tracking).toEqual({ carrierName: null, number: "RET1", url: null });
    expect(part.reverseDelivery.deliverable.label).toBeNull();
    const rest = await run({ rfo: rfo.id, lines: [] });
    expect(rest.reverseDelivery.reverseDeliveryLineItems.nodes.map((l: Loose) => l.quantity)).toEqual([1]);
    expect(rest.reverseDelivery.deliverable).toBeNull();
    expect((await run({ rfo: rfo.id, lines: [] })).userErrors[0]).toMatchObject({ field: ["reverseDeliveryLineItems"], code: "INVALID" });

    await t.data(CLOSE, { id: created.returnCreate.return.id });
    expect((await run({ rfo: rfo.id, lines: [] })).userErrors).toEqual([{ field: ["reverseFulfillmentOrderId"], message: "Reverse fulfillment order is closed.", code: "INVALID_STATE" }]);

    const update = await t.data(
      `mutation($id: ID!) { reverseDeliveryShippingUpdate(reverseDeliveryId: $id, trackingInput: { number: "RET2", url: "https://www.fedex.com/t/RET2" }, labelInput: { fileUrl: "https://labels.example/2.pdf" }) {
        reverseDelivery { deliverable { ... on ReverseDeliveryShippingDeliverable { tracking { carrierName number } label { publicFileUrl } } } } userErrors { code } } }`,
      { id: part.reverseDelivery.id },
    );
    expect(update.reverseDeliveryShippingUpdate).toEqual({
      reverseDelivery: { deliverable: { tracking: { carrierName: "FedEx", number: "RET2" }, label: { publicFileUrl: "https://labels.example/2.pdf" } } },
      userErrors: [],
    });
  });
});

describe("reverseFulfillmentOrderDispose", () => {
  it("changes stock only for RESTOCKED, and refuses bad dispositions atomically", async () => {
    const { orderId, lines } = await deliveredOrder();
    const created = await t.data(CREATE, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 3, returnReason: "COLOR" }, { fulfillmentLineItemId: lines["MUG-1"]!.id, quantity: 2, returnReason: "COLOR" }] },
    });
    const [tee, mug] = created.returnCreate.return.reverseFulfillmentOrders.nodes[0].lineItems.nodes;
    const wh = await locationId("Warehouse");
    const old = await locationId("Old Depot");
    const before = { tee: await stock("TEE-S", "Warehouse"), mug: await stock("MUG-1", "Warehouse") };

    const bad = await t.data(DISPOSE, {
      inputs: [
        { reverseFulfillmentOrderLineItemId: tee.id, quantity: 1, dispositionType: "RESTOCKED", locationId: wh }, // valid, but the call fails as a whole
        { reverseFulfillmentOrderLineItemId: tee.id, quantity: 1, dispositionType: "RESTOCKED" },
        { reverseFulfillmentOrderLineItemId: mug.id, quantity: 3, dispositionType: "NOT_RESTOCKED" },
        { reverseFulfillmentOrderLineItemId: mug.id, quantity: 0, dispositionType: "MISSING" },
        { reverseFulfillmentOrderLineItemId: "gid://shopify/ReverseFulfillmentOrderLineItem/999999", quantity: 1, dispositionType: "MISSING" },
        { reverseFulfillmentOrderLineItemId: tee.id, quantity: 1, dispositionType: "RESTOCKED", locationId: "gid://shopify/Location/999999" },
        { reverseFulfillmentOrderLineItemId: tee.id, quantity: 1, dispositionType: "RESTOCKED", locationId: old },
      ],
    });
    expect(bad.reverseFulfillmentOrderDispose.reverseFulfillmentOrderLineItems).toBeNull();
    expect(bad.reverseFulfillmentOrderDispose.userErrors).toEqual([
      { field: ["dispositionInputs", "1", "locationId"], message: "Location is required to restock items.", code: "BLANK" },
      { field: ["dispositionInputs", "2", "quantity"], message: "Quantity must be less than or equal to the quantity left to dispose (2).", code: "LESS_THAN_OR_EQUAL_TO" },
      { field: ["dispositionInputs", "3", "quantity"], message: "Quantity must be greater than 0.", code: "GREATER_THAN" },
      { field: ["dispositionInputs", "4", "reverseFulfillmentOrderLineItemId"], message: "Reverse fulfillment order line item does not exist.", code: "NOT_FOUND" },
      { field: ["dispositionInputs", "5", "locationId"], message: "Location does not exist.", code: "NOT_FOUND" },
      { field: ["dispositionInputs", "6", "locationId"], message: "Location is not active.", code: "INVALID" },
    ]);
    expect(await stock("TEE-S", "Warehouse")).toEqual(before.tee);

    const ok = await t.data(DISPOSE, {
      inputs: [
        { reverseFulfillmentOrderLineItemId: tee.id, quantity: 2, dispositionType: "RESTOCKED", locationId: wh },
        { reverseFulfillmentOrderLineItemId: tee.id, quantity: 1, dispositionType: "PROCESSING_REQUIRED" },
        { reverseFulfillmentOrderLineItemId: mug.id, quantity: 1, dispositionType: "MISSING" },
        { reverseFulfillmentOrderLineItemId: mug.id, quantity: 1, dispositionType: "NOT_RESTOCKED", locationId: wh },
      ],
    });
    expect(ok.reverseFulfillmentOrderDispose.userErrors).toEqual([]);
    expect((await stock("TEE-S", "Warehouse")).available).toBe(before.tee.available! + 2);
    expect((await stock("TEE-S", "Warehouse")).on_hand).toBe(before.tee.on_hand! + 2);
    expect(await stock("MUG-1", "Warehouse")).toEqual(before.mug);
    const again = await t.data(DISPOSE, { inputs: [{ reverseFulfillmentOrderLineItemId: tee.id, quantity: 1, dispositionType: "MISSING" }] });
    expect(again.reverseFulfillmentOrderDispose.userErrors).toEqual([
      { field: ["dispositionInputs", "0", "reverseFulfillmentOrderLineItemId"], message: "Reverse fulfillment order is closed.", code: "INVALID_STATE" },
    ]);
    const state = await t.control("GET", `/_control/shops/${SHOP}/state`);
    const order = state.body.orders.find((o: Loose) => o.id === orderId);
    expect(order.returns[0].reverseFulfillmentOrders[0]).toMatchObject({
      status: "CLOSED",
      lineItems: [
        { sku: "TEE-S", totalQuantity: 3, disposedQuantity: 3, dispositions: [{ type: "RESTOCKED", quantity: 2, location: "Warehouse" }, { type: "PROCESSING_REQUIRED", quantity: 1, location: null }] },
        { sku: "MUG-1", totalQuantity: 2, disposedQuantity: 2 },
      ],
    });
  });

  it("restocks where the item was never stocked by activating the inventory level", async () => {
    const { orderId, lines } = await deliveredOrder();
    const created = await t.data(CREATE, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReason: "COLOR" }] } });
    const line = created.returnCreate.return.reverseFulfillmentOrders.nodes[0].lineItems.nodes[0];
    // TEE-S is stocked at the warehouse and SF; TEE-M only at the warehouse. Use a new location.
    const added = await t.control("POST", `/_control/shops/${SHOP}/locations`, { name: "Returns Center", address: { city: "Reno", countryCode: "US" } });
    await t.data(DISPOSE, { inputs: [{ reverseFulfillmentOrderLineItemId: line.id, quantity: 1, dispositionType: "RESTOCKED", locationId: added.body.id }] });
    expect(await stock("TEE-S", "Returns Center")).toEqual({ available: 1, on_hand: 1, committed: 0 });
  });
});

describe("fulfillment events", () => {
  const EVENT = `mutation($e: FulfillmentEventInput!) { fulfillmentEventCreate(fulfillmentEvent: $e) {
    fulfillmentEvent { id status happenedAt estimatedDeliveryAt message city } userErrors { field message } } }`;

  it("records carrier events, moves the fulfillment's status along, and lists them", async () => {
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 1 }],
      email: "ev@example.com",
      shippingAddress: { firstName: "Ev", lastName: "Ent", city: "Oakland", countryCode: "US", latitude: 37.8, longitude: -122.27 },
    });
    const fulfilled = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId: created.body.order.id, tracking: { company: "UPS", number: "1ZEV" } });
    const fulfillmentId = fulfilled.body.fulfillments[0].id;
    const inTransit = await t.data(EVENT, { e: { fulfillmentId, status: "IN_TRANSIT", happenedAt: "2026-11-20T10:00:00Z", estimatedDeliveryAt: "2026-11-23T18:00:00Z", message: "Departed facility", city: "Fresno" } });
    expect(inTransit.fulfillmentEventCreate.userErrors).toEqual([]);
    expect(inTransit.fulfillmentEventCreate.fulfillmentEvent).toMatchObject({ status: "IN_TRANSIT", happenedAt: "2026-11-20T10:00:00Z", estimatedDeliveryAt: "2026-11-23T18:00:00Z", message: "Departed facility", city: "Fresno" });
    await t.data(EVENT, { e: { fulfillmentId, status: "OUT_FOR_DELIVERY", happenedAt: "2026-11-22T08:00:00Z" } });
    // A late, back-dated scan is recorded but does not move the status back.
    await t.data(EVENT, { e: { fulfillmentId, status: "CARRIER_PICKED_UP", happenedAt: "2026-11-19T09:00:00Z" } });
    let read = await t.data(`query($id: ID!) { fulfillment(id: $id) { displayStatus inTransitAt estimatedDeliveryAt deliveredAt events(first: 10) { nodes { status happenedAt } } } }`, { id: fulfillmentId });
    expect(read.fulfillment).toMatchObject({ displayStatus: "OUT_FOR_DELIVERY", inTransitAt: "2026-11-20T10:00:00Z", estimatedDeliveryAt: "2026-11-23T18:00:00Z", deliveredAt: null });
    expect(read.fulfillment.events.nodes.map((e: Loose) => e.status)).toEqual(["CARRIER_PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY"]);
    await t.data(EVENT, { e: { fulfillmentId, status: "DELIVERED", happenedAt: "2026-11-22T15:30:00Z" } });
    read = await t.data(`query($id: ID!) { fulfillment(id: $id) { displayStatus deliveredAt events(first: 10, reverse: true, sortKey: ID) { nodes { status } } } }`, { id: fulfillmentId });
    expect(read.fulfillment).toMatchObject({ displayStatus: "DELIVERED", deliveredAt: "2026-11-22T15:30:00Z" });
    expect(read.fulfillment.events.nodes[0].status).toBe("DELIVERED");

    const unknown = await t.data(EVENT, { e: { fulfillmentId: "gid://shopify/Fulfillment/999999", status: "DELIVERED" } });
    expect(unknown.fulfillmentEventCreate).toEqual({ fulfillmentEvent: null, userErrors: [{ field: ["fulfillmentEvent", "fulfillmentId"], message: "Fulfillment does not exist." }] });
  });

  it("records the control API's carrier updates as events, and the seed's history", async () => {
    const { orders } = await t.data(`{ orders(first: 1, query: "name:#1003") { nodes { fulfillments { id events(first: 5) { nodes { status happenedAt } } } } } }`);
    expect(orders.nodes[0].fulfillments[0].events.nodes).toEqual([
      { status: "IN_TRANSIT", happenedAt: "2026-10-04T12:00:00Z" },
      { status: "DELIVERED", happenedAt: "2026-10-06T09:00:00Z" },
    ]);
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 1 }],
      email: "ev@example.com",
      shippingAddress: { firstName: "Ev", lastName: "Ent", city: "Oakland", countryCode: "US", latitude: 37.8, longitude: -122.27 },
    });
    const fulfilled = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId: created.body.order.id });
    const fid = fulfilled.body.fulfillments[0].id;
    await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fid)}/status`, { displayStatus: "IN_TRANSIT", at: "2026-11-24T10:00:00Z" });
    const event = await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fid)}/events`, { status: "ATTEMPTED_DELIVERY", message: "No one home" });
    expect(event.status).toBe(201);
    expect(event.body.fulfillment.displayStatus).toBe("ATTEMPTED_DELIVERY");
    await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fid)}/deliver`, {});
    const state = await t.control("GET", `/_control/shops/${SHOP}/state`);
    const f = state.body.orders.find((o: Loose) => o.id === created.body.order.id).fulfillments[0];
    expect(f.events.map((e: Loose) => e.status)).toEqual(["IN_TRANSIT", "ATTEMPTED_DELIVERY", "DELIVERED"]);
    expect((await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fid)}/events`, { status: "NOPE" })).status).toBe(400);
  });
});

describe("control API: returns made in Shopify admin", () => {
  it("creates open or requested returns by SKU or for everything, and acts on them", async () => {
    const { orderId } = await deliveredOrder();
    const bySku = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId, lines: [{ sku: "TEE-S", quantity: 2, returnReason: "SIZE_TOO_LARGE" }] });
    expect(bySku.status).toBe(201);
    expect(bySku.body).toMatchObject({ return: { status: "OPEN" }, returnLineItems: [{ quantity: 2 }], reverseFulfillmentOrders: [{ status: "OPEN", lineItems: [{ totalQuantity: 2 }] }] });
    const rest = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId, status: "REQUESTED" });
    expect(rest.status).toBe(201);
    expect(rest.body.return.status).toBe("REQUESTED");
    expect(rest.body.returnLineItems.map((l: Loose) => l.quantity).sort()).toEqual([1, 2]);
    expect(await returnable(orderId)).toEqual({});

    const nothing = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId });
    expect(nothing.status).toBe(422);
    const tooMany = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId, lines: [{ sku: "NOPE", quantity: 1 }] });
    expect(tooMany.status).toBe(422);
    expect((await t.control("POST", `/_control/shops/${SHOP}/returns`, { lines: [] })).status).toBe(400);
    expect((await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId: "gid://shopify/Order/999999" })).status).toBe(404);

    const declined = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(rest.body.return.id)}/decline`, { declineReason: "FINAL_SALE", declineNote: "Clearance" });
    expect(declined.status).toBe(200);
    expect(declined.body.return.status).toBe("DECLINED");
    const wrong = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(rest.body.return.id)}/approve`, {});
    expect(wrong.status).toBe(422);
    expect(wrong.body.userErrors[0].code).toBe("INVALID_STATE");
    const closed = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(bySku.body.return.id)}/close`, {});
    expect(closed.body.return.status).toBe("CLOSED");

    const state = await t.control("GET", `/_control/shops/${SHOP}/state`);
    const order = state.body.orders.find((o: Loose) => o.id === orderId);
    expect(order.returnStatus).toBe("RETURNED");
    expect(order.returns.map((r: Loose) => r.status)).toEqual(["CLOSED", "DECLINED"]);
    expect(order.returns[1].decline).toEqual({ reason: "FINAL_SALE", note: "Clearance" });
  });
});

describe("orders query", () => {
  it("filters by return_status", async () => {
    const { orderId, lines } = await deliveredOrder();
    await t.data(REQUEST, { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReason: "COLOR" }] } });
    const { orders } = await t.data(`{ orders(first: 10, query: "return_status:return_requested") { nodes { id } } }`);
    expect(orders.nodes).toEqual([{ id: orderId }]);
    const none = await t.data(`{ orders(first: 50, query: "return_status:no_return") { nodes { id } } }`);
    expect(none.orders.nodes.map((o: Loose) => o.id)).not.toContain(orderId);
  });
});

describe("return reason definitions (FIDELITY DP-3)", () => {
  // Shopify's product taxonomy (github.com/Shopify/product-taxonomy, data/return_reasons.yml), ids 1–10.
  const TAXONOMY = [
    [1, "unknown", "Unknown", "UNKNOWN"],
    [2, "changed-my-mind", "Changed my mind", "UNWANTED"],
    [3, "item-not-as-described", "Item not as described", "NOT_AS_DESCRIBED"],
    [4, "received-the-wrong-item", "Received the wrong item", "WRONG_ITEM"],
    [5, "other-reason", "Other", "OTHER"],
    [6, "damaged-or-defective", "Damaged or defective", "DEFECTIVE"],
    [7, "too-small", "Too small", "SIZE_TOO_SMALL"],
    [8, "too-big", "Too big", "SIZE_TOO_LARGE"],
    [9, "style", "Style", "STYLE"],
    [10, "color", "Color", "COLOR"],
  ] as const;

  it("lists the taxonomy's general reasons, filters by handle, and reads a line's definition back", async () => {
    const all = await t.data(`{ returnReasonDefinitions(first: 50) { nodes { id handle name deleted } } }`);
    expect(all.returnReasonDefinitions.nodes).toEqual(
      TAXONOMY.map(([id, handle, name]) => ({ id: `gid://shopify/ReturnReasonDefinition/${id}`, handle, name, deleted: false })),
    );
    const some = await t.data(`query($h: [String!]) { returnReasonDefinitions(first: 5, handles: $h) { nodes { handle } } }`, { h: ["too-big", "received-the-wrong-item", "wrong-item"] });
    expect(some.returnReasonDefinitions.nodes.map((d: Loose) => d.handle).sort()).toEqual(["received-the-wrong-item", "too-big"]);

    const { orderId, lines } = await deliveredOrder();
    const requested = await t.data(REQUEST, {
      input: { orderId, returnLineItems: [{ fulfillmentLineItemId: lines["TEE-S"]!.id, quantity: 1, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/4" }] },
    });
    expect(requested.returnRequest.userErrors).toEqual([]);
    expect(requested.returnRequest.return.returnLineItems.nodes[0]).toMatchObject({ returnReason: "WRONG_ITEM", returnReasonDefinition: { handle: "received-the-wrong-item" } });
  });
});
