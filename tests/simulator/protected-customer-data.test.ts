/**
 * FIDELITY.md "Protected customer data" (PCD-*): what the app reads of customers depends on its
 * approval on the shop, as https://shopify.dev/docs/apps/launch/protected-customer-data describes.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { REQUESTED_CUSTOMER_DATA } from "../../app/config/customer-data";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

const DOC = "https://shopify.dev/docs/apps/launch/protected-customer-data";
const ORDER = `query { orders(first: 1, query: "name:#1001") { nodes {
  name email phone
  customer { id email firstName }
  shippingAddress { firstName address1 zip latitude city province countryCodeV2 }
} } }`;

const received: { topic: string; body: Loose }[] = [];
let server: Server;
let appUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      received.push({ topic: String(req.headers["x-shopify-topic"]), body: JSON.parse(raw) });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let t: TestSimulator;
const TOPICS = ["orders/create", "locations/create", "customers/redact"];
async function start(customerData?: { level: 0 | 1 | 2; fields: ("name" | "email" | "phone" | "address")[] }) {
  received.length = 0;
  t = await startTestSimulator({
    appUrl,
    webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: TOPICS.map((topic) => ({ topic, uri: `/webhooks/${topic}` })) },
  });
  if (customerData) expect((await t.control("PUT", `/_control/shops/${SHOP}/customer-data`, customerData)).status).toBe(200);
}
afterEach(async () => {
  await t.close();
});

const SHIP_TO = { address1: "9 Elm St", city: "Oakland", provinceCode: "CA", zip: "94607", countryCode: "US", firstName: "Grace", lastName: "Hopper", phone: "+15105550100", latitude: 37.8, longitude: -122.27 };
async function placeOrder(): Promise<Loose> {
  const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 1 }],
    email: "grace@example.com",
    phone: "+15105550100",
    shippingAddress: SHIP_TO,
  });
  expect(created.status).toBe(201);
  await t.sim.webhooks.idle();
  return received.find((r) => r.topic === "orders/create")?.body;
}

describe("PCD-1 level 2 with every field (what Crossdock requests)", () => {
  it("serves names, emails, phones and addresses, in GraphQL and in webhooks", async () => {
    await start({ level: 2, fields: ["name", "email", "phone", "address"] });
    const body = await t.gql(ORDER);
    expect(body.errors).toBeUndefined();
    const order = body.data!.orders.nodes[0];
    expect(order.email).toBe("ada@example.com");
    expect(order.shippingAddress).toMatchObject({ firstName: "Ada", address1: "1 Oakland Street", zip: "94000", latitude: 37.8 });
    const payload = await placeOrder();
    expect(payload).toMatchObject({ email: "grace@example.com", shipping_address: { address1: "9 Elm St", zip: "94607", first_name: "Grace" } });
  });
});

describe("PCD-2 level 2 with some fields (shopify.dev's example: email and name approved)", () => {
  it("redacts phone and address fields to null, each with an error naming its object, and keeps the rest", async () => {
    await start({ level: 2, fields: ["name", "email"] });
    const body = await t.gql(ORDER);
    const order = body.data!.orders.nodes[0];
    expect(order).toMatchObject({ name: "#1001", email: "ada@example.com", phone: null });
    expect(order.customer).toMatchObject({ email: "ada@example.com", firstName: "Ada" });
    expect(order.shippingAddress).toEqual({
      firstName: "Ada",
      address1: null,
      zip: null,
      latitude: null,
      city: "Oakland",
      province: "California",
      countryCodeV2: "US",
    });
    const errors = body.errors!.map((e) => ({ message: e.message, path: e.path!.join(".") }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { message: `This app is not approved to access the Order object. See ${DOC} for more details.`, path: "orders.nodes.0.phone" },
        { message: `This app is not approved to access the MailingAddress object. See ${DOC} for more details.`, path: "orders.nodes.0.shippingAddress.zip" },
      ]),
    );
    expect(errors).toHaveLength(4); // phone, address1, zip, latitude
  });
});

describe("PCD-3 level 1 (customer data without the protected fields)", () => {
  it("serves orders with every protected field null", async () => {
    await start({ level: 1, fields: [] });
    const body = await t.gql(ORDER);
    const order = body.data!.orders.nodes[0];
    expect(order).toMatchObject({ name: "#1001", email: null, phone: null, customer: { email: null, firstName: null } });
    expect(order.shippingAddress).toMatchObject({ firstName: null, address1: null, city: "Oakland", countryCodeV2: "US" });
  });

  it("redacts the same fields in webhook payloads to null, keeping the payload's shape", async () => {
    await start({ level: 1, fields: [] });
    const payload = await placeOrder();
    expect(payload.email).toBeNull();
    expect(payload.contact_email).toBeNull();
    expect(payload.phone).toBeNull();
    expect(payload.shipping_address).toMatchObject({ first_name: null, last_name: null, name: null, address1: null, zip: null, latitude: null, city: "Oakland", country_code: "US" });
    expect(payload.line_items[0].name).toBeTruthy(); // a product's name is not a person's
  });
});

describe("PCD-4 level 0 (no approval)", () => {
  it("answers ACCESS_DENIED for objects that are customer data and serves the rest", async () => {
    await start({ level: 0, fields: [] });
    const body = await t.gql(`{ orders(first: 1) { nodes { id } } }`);
    expect(body.data).toBeNull();
    expect(body.errors![0]).toMatchObject({
      message: `This app is not approved to access the Order object. See ${DOC} for more details.`,
      path: ["orders"],
      extensions: { code: "ACCESS_DENIED" },
    });
    const locations = await t.gql(`{ locations(first: 1) { nodes { name } } }`);
    expect(locations.errors).toBeUndefined();
  });

  it("cannot subscribe topics that carry customer data; others and the compliance topics stay", async () => {
    await start({ level: 0, fields: [] });
    const subscriptions = (await t.control("GET", `/_control/shops/${SHOP}/webhook-subscriptions`)).body;
    expect(subscriptions.active.map((s: Loose) => s.topic)).toEqual(["locations/create", "customers/redact"]);
    expect(subscriptions.refused).toEqual([
      expect.objectContaining({ topic: "orders/create", requiredAccess: expect.stringContaining("not approved to subscribe to webhook topics containing protected customer data") }),
    ]);
    expect(await placeOrder()).toBeUndefined();
    const customerId = t.sim.store.shop(SHOP)!.customers.keys().next().value;
    expect((await t.control("POST", `/_control/shops/${SHOP}/compliance`, { topic: "customers/redact", customerId })).status).toBe(200);
    await t.sim.webhooks.idle();
    expect(received.map((r) => r.topic)).toContain("customers/redact");
  });
});

describe("PCD-5 the default: a development store gives what the app requests", () => {
  it("approves, on every new shop, the level and fields in app/config/customer-data.ts", async () => {
    await start();
    const shop = t.sim.store.shop(SHOP)!;
    expect(shop.customerData).toEqual({ level: REQUESTED_CUSTOMER_DATA.level, fields: [...REQUESTED_CUSTOMER_DATA.fields] });
    const created = await t.control("POST", "/_control/shops", { shop: "other-shop.myshopify.com", customerData: { level: 1 } });
    expect(created.body.customerData).toEqual({ level: 1, fields: [] });
  });

  it("refuses an approval that does not add up", async () => {
    await start();
    expect((await t.control("PUT", `/_control/shops/${SHOP}/customer-data`, { level: 2, fields: [] })).status).toBe(400);
    expect((await t.control("PUT", `/_control/shops/${SHOP}/customer-data`, { level: 1, fields: ["email"] })).status).toBe(400);
    expect((await t.control("PUT", `/_control/shops/${SHOP}/customer-data`, { level: 3 })).status).toBe(400);
  });
});
