// FIDELITY WP-15: Shopify's ids are 64-bit; its example payloads carry ids above 2^53. A shop made
// with `largeIds` gets such ids everywhere they leave the simulator (GIDs, legacyResourceId, search,
// REST webhook payloads written digit for digit), and they come back in (node, search, mutations).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { fixtureSeed } from "./fixture-seed";
import { SHOP, startTestSimulator, TOKEN, type Loose, type TestSimulator } from "./helpers";

const TWO_53 = 2n ** 53n;
const digitsOf = (gid: string) => /\/(\d+)(?:\?|$)/.exec(gid)![1]!;

let t: TestSimulator;
let app: Server;
const bodies: { topic: string; raw: string }[] = [];

beforeAll(async () => {
  // A stand-in app that keeps each webhook's raw body.
  app = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodies.push({ topic: String(req.headers["x-shopify-topic"]), raw: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  t = await startTestSimulator({
    appUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}`,
    webhookConfig: {
      apiVersion: ADMIN_API_VERSION,
      subscriptions: ["orders/create", "inventory_levels/update", "fulfillments/create"].map((topic) => ({ topic, uri: `/webhooks/${topic}` })),
    },
  });
  expect((await t.control("POST", "/_control/shops", { shop: SHOP, largeIds: true })).status).toBe(201);
  expect((await t.control("POST", `/_control/shops/${SHOP}/seed?accessToken=${TOKEN}`, fixtureSeed())).status).toBe(201);
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => app.close(resolve));
});

describe("WP-15: 64-bit ids above 2^53", () => {
  it("every GID and legacyResourceId of the shop is above 2^53 and odd (no double holds it), and reads back by id, node and search", async () => {
    const data = await t.data(`{
      locations(first: 5) { nodes { id legacyResourceId } }
      orders(first: 3) { nodes { id legacyResourceId name lineItems(first: 2) { nodes { id variant { id } } } } }
    }`);
    const order = data.orders.nodes[0];
    for (const node of [...data.locations.nodes, ...data.orders.nodes]) {
      const digits = BigInt(node.legacyResourceId);
      expect(digits > TWO_53, node.id).toBe(true);
      expect(digits % 2n).toBe(1n);
      expect(node.id.endsWith(`/${node.legacyResourceId}`)).toBe(true);
      expect(BigInt(Number(node.legacyResourceId))).not.toBe(digits);
    }
    const byNode = await t.data(`query($id: ID!) { node(id: $id) { ... on Order { name } } }`, { id: order.id });
    expect(byNode.node).toEqual({ name: order.name });
    const bySearch = await t.data(`query($q: String!) { orders(first: 2, query: $q) { nodes { id } } }`, { q: `id:${order.legacyResourceId}` });
    expect(bySearch.orders.nodes).toEqual([{ id: order.id }]);
    // The id a double would make of it names nothing.
    const rounded = (await t.gql(`query($id: ID!) { order(id: $id) { id } }`, { id: `gid://shopify/Order/${Number(order.legacyResourceId)}` })).data?.order;
    expect(rounded).toBeNull();
  });

  it("REST webhook payloads carry them as JSON numbers, digit for digit", async () => {
    bodies.length = 0;
    const warehouse = (await t.data(`{ locations(first: 1, query: "name:Warehouse") { nodes { id } } }`)).locations.nodes[0].id as string;
    const placed = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 1 }],
      email: "big@example.com",
      shippingAddress: { address1: "1 Main St", city: "Fresno", zip: "93721", countryCode: "US" },
    });
    expect(placed.status).toBe(201);
    const orderGid = placed.body.order.id as string;
    const shipped = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId: orderGid });
    expect(shipped.status).toBe(201);
    expect((await t.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-M", locationId: warehouse, quantity: 7 }] })).status).toBe(200);
    await t.control("GET", "/_control/webhooks?wait=1");

    const created = bodies.find((b) => b.topic === "orders/create")!.raw;
    const orderDigits = digitsOf(orderGid);
    expect(created).toContain(`"id":${orderDigits},"admin_graphql_api_id":"${orderGid}"`);
    const lineItem = (await t.data(`query($id: ID!) { order(id: $id) { lineItems(first: 1) { nodes { id variant { id } } } } }`, { id: orderGid })).order.lineItems.nodes[0];
    expect(created).toContain(`"id":${digitsOf(lineItem.id)},"admin_graphql_api_id":"${lineItem.id}"`);
    expect(created).toContain(`"variant_id":${digitsOf(lineItem.variant.id)}`);
    // JSON.parse rounds them: exactly what an app must not do.
    expect(String((JSON.parse(created) as Loose).id)).not.toBe(orderDigits);

    const fulfillment = bodies.find((b) => b.topic === "fulfillments/create")!.raw;
    expect(fulfillment).toContain(`"order_id":${orderDigits},`);
    expect(fulfillment).toContain(`"location_id":${digitsOf(warehouse)},`);

    const level = bodies.filter((b) => b.topic === "inventory_levels/update").map((b) => b.raw).find((raw) => raw.includes(`"available":7`))!;
    const levelGid = /"admin_graphql_api_id":"([^"]+)"/.exec(level)![1]!;
    const item = /inventory_item_id=(\d+)/.exec(levelGid)![1]!;
    expect(level).toContain(`"inventory_item_id":${item},"location_id":${digitsOf(warehouse)},`);
    expect(BigInt(item) > TWO_53).toBe(true);
  });
});

