// FIDELITY "Fulfillment order moves" (FM-*): fulfillmentOrderMove's documented outcomes, each
// selectable per shop, and its refusals.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeEach(async () => {
  t = await startTestSimulator({ webhookConfig: { apiVersion: "2026-10", subscriptions: [{ topic: "fulfillment_orders/moved", uri: "/webhooks/moved" }] } });
});
afterEach(() => t.close());

const FO_FIELDS = `id status assignedLocation { name } lineItems(first: 10) { nodes { id sku totalQuantity remainingQuantity } }`;
const MOVE = `mutation($id: ID!, $to: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
  fulfillmentOrderMove(id: $id, newLocationId: $to, fulfillmentOrderLineItems: $lines) {
    movedFulfillmentOrder { ${FO_FIELDS} } originalFulfillmentOrder { ${FO_FIELDS} } remainingFulfillmentOrder { ${FO_FIELDS} }
    userErrors { field message code }
  } }`;

async function locations(): Promise<Record<string, string>> {
  const data = await t.data(`{ locations(first: 10, includeInactive: true) { nodes { id name } } }`);
  return Object.fromEntries(data.locations.nodes.map((l: Loose) => [l.name, l.id]));
}

async function orderFos(orderId: string): Promise<Loose[]> {
  const data = await t.data(`query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) { nodes { ${FO_FIELDS} } } } }`, { id: orderId });
  return data.order.fulfillmentOrders.nodes;
}

async function firstOrder(): Promise<{ orderId: string; fo: Loose }> {
  const data = await t.data(`{ orders(first: 1, query: "name:#1001") { nodes { id fulfillmentOrders(first: 5) { nodes { ${FO_FIELDS} } } } } }`);
  return { orderId: data.orders.nodes[0].id, fo: data.orders.nodes[0].fulfillmentOrders.nodes[0] };
}

async function committed(sku: string): Promise<Record<string, number>> {
  const data = await t.data(`query($q: String) { productVariants(first: 1, query: $q) { nodes { inventoryItem { inventoryLevels(first: 10) { nodes {
    location { name } quantities(names: ["committed"]) { quantity } } } } } } }`, { q: `sku:${sku}` });
  return Object.fromEntries(data.productVariants.nodes[0].inventoryItem.inventoryLevels.nodes.map((l: Loose) => [l.location.name, l.quantities[0].quantity]));
}

const lines = (fo: Loose) => fo.lineItems.nodes.map((l: Loose) => [l.sku, l.totalQuantity, l.remainingQuantity]);
const setOutcome = (moveOutcome: string) => t.control("PUT", `/_control/shops/${SHOP}/order-routing`, { moveOutcome });

describe("fulfillmentOrderMove outcomes (FIDELITY FM-*)", () => {
  it("FM-1: a whole move updates the original's assigned location, in every mode", async () => {
    for (const mode of ["documented", "original-stays", "original-moves", "original-closed"]) {
      await t.control("POST", `/_control/shops/${SHOP}/seed`, (await import("./fixture-seed")).fixtureSeed());
      await setOutcome(mode);
      const location = await locations();
      const { fo } = await firstOrder();
      const result = (await t.data(MOVE, { id: fo.id, to: location["SF Store"] })).fulfillmentOrderMove;
      expect(result.userErrors, mode).toEqual([]);
      expect(result.movedFulfillmentOrder.id, mode).toBe(fo.id);
      expect(result.originalFulfillmentOrder).toMatchObject({ id: fo.id, status: "OPEN", assignedLocation: { name: "SF Store" } });
      expect(result.remainingFulfillmentOrder, mode).toBeNull();
    }
  });

  it("FM-2: original-stays: the moved lines go to a new fulfillment order; the original keeps the rest where it was", async () => {
    await setOutcome("original-stays");
    const location = await locations();
    const { orderId, fo } = await firstOrder();
    const mug = fo.lineItems.nodes[1];
    const result = (await t.data(MOVE, { id: fo.id, to: location["SF Store"], lines: [{ id: mug.id, quantity: 2 }] })).fulfillmentOrderMove;
    expect(result.userErrors).toEqual([]);
    expect(result.movedFulfillmentOrder.id).not.toBe(fo.id);
    expect(result.movedFulfillmentOrder).toMatchObject({ status: "OPEN", assignedLocation: { name: "SF Store" } });
    expect(lines(result.movedFulfillmentOrder)).toEqual([["MUG-1", 2, 2]]);
    expect(result.originalFulfillmentOrder).toMatchObject({ id: fo.id, status: "OPEN", assignedLocation: { name: "Warehouse" } });
    expect(lines(result.originalFulfillmentOrder)).toEqual([["TEE-S", 2, 2], ["MUG-1", 1, 1]]);
    expect(result.remainingFulfillmentOrder.id).toBe(fo.id);
    expect((await orderFos(orderId)).map((f) => [f.status, f.assignedLocation.name])).toEqual([["OPEN", "Warehouse"], ["OPEN", "SF Store"]]);
    expect(await committed("MUG-1")).toMatchObject({ Warehouse: 2, "SF Store": 2 });
  });

  it("FM-3: original-moves: the original (same id) moves with the moved lines; the rest is a new fulfillment order at the source", async () => {
    await setOutcome("original-moves");
    const location = await locations();
    const { orderId, fo } = await firstOrder();
    const mug = fo.lineItems.nodes[1];
    const result = (await t.data(MOVE, { id: fo.id, to: location["SF Store"], lines: [{ id: mug.id, quantity: 2 }] })).fulfillmentOrderMove;
    expect(result.userErrors).toEqual([]);
    expect(result.movedFulfillmentOrder.id).toBe(fo.id);
    expect(result.originalFulfillmentOrder).toMatchObject({ id: fo.id, status: "OPEN", assignedLocation: { name: "SF Store" } });
    expect(lines(result.originalFulfillmentOrder)).toEqual([["MUG-1", 2, 2]]);
    const rest = result.remainingFulfillmentOrder;
    expect(rest.id).not.toBe(fo.id);
    expect(rest).toMatchObject({ status: "OPEN", assignedLocation: { name: "Warehouse" } });
    expect(lines(rest)).toEqual([["TEE-S", 2, 2], ["MUG-1", 1, 1]]);
    // The line ids of what stayed behind are new: a client holding the old ones is wrong now.
    expect(rest.lineItems.nodes.map((l: Loose) => l.id)).not.toContain(fo.lineItems.nodes[0].id);
    expect((await orderFos(orderId)).map((f) => [f.id, f.status, f.assignedLocation.name])).toEqual([
      [fo.id, "OPEN", "SF Store"],
      [rest.id, "OPEN", "Warehouse"],
    ]);
    expect(await committed("MUG-1")).toMatchObject({ Warehouse: 2, "SF Store": 2 });
    expect(await committed("TEE-S")).toMatchObject({ Warehouse: 2 });
  });

  it("FM-4: original-closed: the original is closed; its lines are recreated in new fulfillment orders at the destination and the source", async () => {
    await setOutcome("original-closed");
    const location = await locations();
    const { orderId, fo } = await firstOrder();
    const mug = fo.lineItems.nodes[1];
    const result = (await t.data(MOVE, { id: fo.id, to: location["SF Store"], lines: [{ id: mug.id, quantity: 2 }] })).fulfillmentOrderMove;
    expect(result.userErrors).toEqual([]);
    expect(result.originalFulfillmentOrder).toMatchObject({ id: fo.id, status: "CLOSED", assignedLocation: { name: "Warehouse" } });
    expect(result.movedFulfillmentOrder.id).not.toBe(fo.id);
    expect(result.movedFulfillmentOrder).toMatchObject({ status: "OPEN", assignedLocation: { name: "SF Store" } });
    expect(lines(result.movedFulfillmentOrder)).toEqual([["MUG-1", 2, 2]]);
    const rest = result.remainingFulfillmentOrder;
    expect([fo.id, result.movedFulfillmentOrder.id]).not.toContain(rest.id);
    expect(rest).toMatchObject({ status: "OPEN", assignedLocation: { name: "Warehouse" } });
    expect(lines(rest)).toEqual([["TEE-S", 2, 2], ["MUG-1", 1, 1]]);
    const open = (await t.data(`query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10, query: "status:open") { nodes { id } } } }`, { id: orderId })).order.fulfillmentOrders.nodes;
    expect(open.map((f: Loose) => f.id).sort()).toEqual([result.movedFulfillmentOrder.id, rest.id].sort());
    expect(await committed("MUG-1")).toMatchObject({ Warehouse: 2, "SF Store": 2 });
    expect(await committed("TEE-S")).toMatchObject({ Warehouse: 2 });
  });

  it("FM-5: documented (the default): closed when the destination holds another active fulfillment order of the order, moved otherwise", async () => {
    const location = await locations();
    expect((await t.control("GET", `/_control/shops/${SHOP}/order-routing`)).body.orderRouting.moveOutcome).toBe("documented");
    // TEE-S and TEE-M at the warehouse, 7 mugs at the SF store (the warehouse has 6 left): two
    // fulfillment orders. Moving one TEE-S to the SF store, which holds the mugs' one, closes the original.
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 2 }, { sku: "TEE-M", quantity: 1 }, { sku: "MUG-1", quantity: 7 }],
      shippingAddress: { city: "Oakland", countryCode: "US" },
    });
    const fos = await orderFos(created.body.order.id);
    const atWarehouse = fos.find((f) => f.assignedLocation.name === "Warehouse")!;
    expect(fos.map((f) => f.assignedLocation.name).sort()).toEqual(["SF Store", "Warehouse"]);
    const tee = atWarehouse.lineItems.nodes.find((l: Loose) => l.sku === "TEE-S");
    const closed = (await t.data(MOVE, { id: atWarehouse.id, to: location["SF Store"], lines: [{ id: tee.id, quantity: 1 }] })).fulfillmentOrderMove;
    expect(closed.userErrors).toEqual([]);
    expect(closed.originalFulfillmentOrder).toMatchObject({ id: atWarehouse.id, status: "CLOSED" });
    expect(lines(closed.movedFulfillmentOrder)).toEqual([["TEE-S", 1, 1]]);
    expect(lines(closed.remainingFulfillmentOrder)).toEqual([["TEE-S", 1, 1], ["TEE-M", 1, 1]]);

    // Nothing of order #1001 at the SF store: its original moves.
    const { fo } = await firstOrder();
    const moved = (await t.data(MOVE, { id: fo.id, to: location["SF Store"], lines: [{ id: fo.lineItems.nodes[1].id, quantity: 1 }] })).fulfillmentOrderMove;
    expect(moved.userErrors).toEqual([]);
    expect(moved.movedFulfillmentOrder.id).toBe(fo.id);
    expect(moved.originalFulfillmentOrder).toMatchObject({ id: fo.id, status: "OPEN", assignedLocation: { name: "SF Store" } });
  });

  it("FM-6: a fulfillment order with fulfilled lines always keeps them: the original stays, whatever the mode", async () => {
    const location = await locations();
    for (const mode of ["documented", "original-moves", "original-closed"]) {
      await setOutcome(mode);
      const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-S", quantity: 3 }], shippingAddress: { city: "Oakland", countryCode: "US" } });
      const [fo] = await orderFos(created.body.order.id);
      const line = fo.lineItems.nodes[0];
      expect((await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { fulfillmentOrderId: fo.id, lines: [{ fulfillmentOrderLineItemId: line.id, quantity: 1 }] })).status).toBe(201);
      const result = (await t.data(MOVE, { id: fo.id, to: location["SF Store"], lines: [{ id: line.id, quantity: 1 }] })).fulfillmentOrderMove;
      expect(result.userErrors, mode).toEqual([]);
      expect(result.originalFulfillmentOrder.id, mode).toBe(fo.id);
      expect(result.originalFulfillmentOrder.assignedLocation.name, mode).toBe("Warehouse");
      expect(lines(result.originalFulfillmentOrder), mode).toEqual([["TEE-S", 2, 1]]);
      expect(result.movedFulfillmentOrder.id, mode).not.toBe(fo.id);
      expect(lines(result.movedFulfillmentOrder), mode).toEqual([["TEE-S", 1, 1]]);
    }
  });

  it("FM-7: refusals answer userErrors (code null: the move error code enum has only reported progress) and change nothing", async () => {
    const location = await locations();
    const data = await t.data(`{ orders(first: 10) { nodes { name fulfillmentOrders(first: 5) { nodes { ${FO_FIELDS} } } } } }`);
    const fo = Object.fromEntries(data.orders.nodes.map((o: Loose) => [o.name, o.fulfillmentOrders.nodes[0]])) as Record<string, Loose>;
    const empty = await t.control("POST", `/_control/shops/${SHOP}/locations`, { name: "Empty Shop", address: { city: "Reno", countryCode: "US" } });
    const cases: [string, Record<string, unknown>, string[]][] = [
      ["closed fulfillment order", { id: fo["#1003"].id, to: location["SF Store"] }, ["id"]],
      ["cancelled fulfillment order", { id: fo["#1004"].id, to: location["SF Store"] }, ["id"]],
      ["a location that does not stock the items", { id: fo["#1001"].id, to: empty.body.id }, ["newLocationId"]],
      ["the location it is at", { id: fo["#1001"].id, to: location.Warehouse }, ["newLocationId"]],
      ["an inactive location", { id: fo["#1001"].id, to: location["Old Depot"] }, ["newLocationId"]],
      ["more than remains", { id: fo["#1001"].id, to: location["SF Store"], lines: [{ id: fo["#1001"].lineItems.nodes[0].id, quantity: 3 }] }, ["fulfillmentOrderLineItems", "0", "quantity"]],
    ];
    for (const [what, variables, field] of cases) {
      const result = (await t.data(MOVE, variables)).fulfillmentOrderMove;
      expect(result.movedFulfillmentOrder, what).toBeNull();
      expect(result.originalFulfillmentOrder, what).toBeNull();
      expect(result.userErrors, what).toEqual([{ field, message: expect.any(String), code: null }]);
    }
    expect((await firstOrder()).fo).toEqual(fo["#1001"]);
  });

  it("FM-8: fulfillment_orders/moved names the original, the moved fulfillment order and the source location", async () => {
    const receiver = await import("node:http");
    const received: Loose[] = [];
    const server = receiver.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await t.control("POST", "/_control/shops", { shop: SHOP, appUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}` });
      await setOutcome("original-closed");
      const location = await locations();
      const { fo } = await firstOrder();
      const result = (await t.data(MOVE, { id: fo.id, to: location["SF Store"], lines: [{ id: fo.lineItems.nodes[1].id, quantity: 2 }] })).fulfillmentOrderMove;
      await t.control("GET", "/_control/webhooks?wait=1");
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        original_fulfillment_order: { id: fo.id, status: "closed" },
        moved_fulfillment_order: { id: result.movedFulfillmentOrder.id, status: "open" },
        source_location: { id: location.Warehouse },
        destination_location_id: location["SF Store"],
      });
    } finally {
      server.close();
    }
  });
});
