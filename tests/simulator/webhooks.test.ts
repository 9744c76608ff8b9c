import "@shopify/shopify-api/adapters/node";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { parseAppToml, loadAppConfig } from "../../simulator/webhooks/app-config";
import { API_KEY, API_SECRET, SHOP, startTestSimulator, type TestSimulator } from "./helpers";

const TOML = join(__dirname, "..", "fixtures", "simulator.shopify.app.toml");

const shopify = shopifyApi({
  apiKey: API_KEY,
  apiSecretKey: API_SECRET,
  apiVersion: ApiVersion.October26,
  hostName: "localhost:3000",
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  rawBody: string;
  valid: boolean;
  tamperedValid: boolean;
}

/** A stand-in app: validates each webhook with @shopify/shopify-api, answers `status()`. */
async function startApp(status: (received: Received[]) => number): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const rawBody = Buffer.concat(chunks).toString("utf8");
        const check = await shopify.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res });
        const tampered = await shopify.webhooks.validate({ rawBody: rawBody.replace(/"/, '"x'), rawRequest: req, rawResponse: res });
        received.push({ path: req.url ?? "", headers: req.headers, rawBody, valid: check.valid, tamperedValid: tampered.valid });
        res.writeHead(check.valid ? status(received) : 401);
        res.end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

let t: TestSimulator;
let app: Awaited<ReturnType<typeof startApp>>;
let responses: (received: Received[]) => number;

beforeEach(async () => {
  responses = () => 200;
  app = await startApp((r) => responses(r));
  t = await startTestSimulator({ appUrl: app.url, appTomlPath: TOML, webhookConfig: undefined, webhooks: { retryDelayMs: 10, maxAttempts: 4 } });
});
afterEach(async () => {
  await t.close();
  await new Promise((resolve) => app.server.close(resolve));
});

const byTopic = (topic: string) => app.received.filter((r) => r.headers["x-shopify-topic"] === topic);

describe("app toml", () => {
  it("reads subscriptions, compliance topics and the API version with smol-toml", () => {
    const config = loadAppConfig(TOML, "fallback");
    expect(config.apiVersion).toBe(ADMIN_API_VERSION);
    expect(config.subscriptions).toContainEqual({ topic: "orders/create", uri: "/webhooks/orders" });
    expect(config.subscriptions).toContainEqual({ topic: "customers/redact", uri: "/webhooks/compliance" });
    expect(config.scopes).toBe("read_fulfillments,read_inventory,read_locations,read_orders");
    expect(parseAppToml(`[webhooks]\n`, "2026-10")).toEqual({ apiVersion: "2026-10", subscriptions: [] });
  });
});

describe("webhook deliveries", () => {
  it("sends orders/create and inventory_levels/update signed like Shopify, verified by @shopify/shopify-api", async () => {
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 1 }],
      email: "hook@example.com",
      shippingAddress: { firstName: "Hook", lastName: "Test", city: "Oakland", countryCode: "US", latitude: 37.8, longitude: -122.27 },
      noteAttributes: [{ name: "pickup", value: "no" }],
    });
    await t.sim.webhooks.idle();
    const [order] = byTopic("orders/create");
    expect(order).toBeDefined();
    expect(order!.path).toBe("/webhooks/orders");
    expect(order!.valid).toBe(true);
    expect(order!.tamperedValid).toBe(false);
    expect(order!.headers).toMatchObject({
      "content-type": "application/json",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": ADMIN_API_VERSION,
    });
    expect(order!.headers["x-shopify-webhook-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(order!.headers["x-shopify-event-id"]).toBeTruthy();
    expect(order!.headers["x-shopify-triggered-at"]).toBeTruthy();
    const payload = JSON.parse(order!.rawBody);
    expect(payload).toMatchObject({
      admin_graphql_api_id: created.body.order.id,
      name: created.body.order.name,
      email: "hook@example.com",
      financial_status: "paid",
      fulfillment_status: null,
      note_attributes: [{ name: "pickup", value: "no" }],
      shipping_address: { city: "Oakland", country_code: "US", latitude: 37.8, first_name: "Hook" },
    });
    expect(typeof payload.id).toBe("number");
    expect(payload.line_items[0]).toMatchObject({ sku: "TEE-S", quantity: 1, fulfillable_quantity: 1 });
    expect(payload.created_at).toBeTruthy();
    expect(payload.updated_at).toBeTruthy();

    const inventory = byTopic("inventory_levels/update");
    expect(inventory).toHaveLength(1); // committed at the warehouse changed available
    const level = JSON.parse(inventory[0]!.rawBody);
    expect(level).toMatchObject({ available: 47 });
    expect(level.admin_graphql_api_id).toBe(`gid://shopify/InventoryLevel/${level.location_id}?inventory_item_id=${level.inventory_item_id}`);
    expect(inventory[0]!.valid).toBe(true);

    const log = await t.control("GET", `/_control/webhooks?shop=${SHOP}&topic=orders/create`);
    expect(log.body.deliveries).toHaveLength(1);
    expect(log.body.deliveries[0]).toMatchObject({ topic: "orders/create", state: "delivered", statusCode: 200 });
    expect(typeof log.body.deliveries[0].durationMs).toBe("number");
  });

  it("announces moves, fulfillments and location changes", async () => {
    const { data } = await t.gql(`{ orders(first: 1) { nodes { fulfillmentOrders(first: 1) { nodes { id } } } } locations(first: 5) { nodes { id name } } }`);
    const sf = data!.locations.nodes.find((l: { name: string }) => l.name === "SF Store").id;
    await t.gql(`mutation($id: ID!, $to: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $to) { userErrors { message } } }`, {
      id: data!.orders.nodes[0].fulfillmentOrders.nodes[0].id,
      to: sf,
    });
    await t.sim.webhooks.idle();
    expect(byTopic("orders/updated")).toHaveLength(1);
    expect(byTopic("inventory_levels/update").length).toBeGreaterThanOrEqual(3); // two items leave the warehouse, arrive at SF

    const fulfilled = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { fulfillmentOrderId: data!.orders.nodes[0].fulfillmentOrders.nodes[0].id, tracking: { company: "UPS", number: "1ZHOOK" }, displayStatus: "IN_TRANSIT" });
    await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfilled.body.fulfillments[0].id)}/deliver`, {});
    const locationId = encodeURIComponent(sf);
    await t.control("PATCH", `/_control/shops/${SHOP}/locations/${locationId}`, { isActive: false });
    await t.sim.webhooks.idle();
    const create = JSON.parse(byTopic("fulfillments/create")[0]!.rawBody);
    expect(create).toMatchObject({ tracking_company: "UPS", tracking_number: "1ZHOOK", shipment_status: "in_transit", status: "success" });
    const update = JSON.parse(byTopic("fulfillments/update")[0]!.rawBody);
    expect(update.shipment_status).toBe("delivered");
    expect(JSON.parse(byTopic("locations/update")[0]!.rawBody)).toMatchObject({ name: "SF Store", active: false });
    expect(byTopic("locations/deactivate")).toHaveLength(1);

    const deleted = await t.control("DELETE", `/_control/shops/${SHOP}/locations/${locationId}`);
    expect(deleted.status).toBe(200);
    await t.control("POST", "/_control/shops", { shop: SHOP, scopes: "read_orders" });
    await t.sim.webhooks.idle();
    expect(JSON.parse(byTopic("locations/delete")[0]!.rawBody)).toEqual({ id: Number(sf.split("/").pop()) });
    expect(JSON.parse(byTopic("app/scopes_update")[0]!.rawBody)).toMatchObject({ current: ["read_orders"] });
  });

  it("sends app/uninstalled and compliance topics to the toml's URIs", async () => {
    await t.control("POST", `/_control/shops/${SHOP}/compliance`, { topic: "customers/redact", customerId: 1001 });
    await t.control("POST", `/_control/shops/${SHOP}/uninstall`, {});
    await t.sim.webhooks.idle();
    const redact = byTopic("customers/redact")[0]!;
    expect(redact.path).toBe("/webhooks/compliance");
    expect(JSON.parse(redact.rawBody)).toMatchObject({ shop_domain: SHOP, customer: { id: 1001, email: "ada@example.com" } });
    expect(JSON.parse(redact.rawBody).orders_to_redact.length).toBeGreaterThan(0);
    const uninstalled = byTopic("app/uninstalled")[0]!;
    expect(uninstalled.path).toBe("/webhooks/app/uninstalled");
    expect(JSON.parse(uninstalled.rawBody)).toMatchObject({ myshopify_domain: SHOP });
    // The token no longer works.
    expect((await t.gqlRaw(`{ shop { name } }`)).status).toBe(401);
  });

  it("retries a delivery answered with 500, with back-off, until it succeeds", async () => {
    responses = (received) => (received.filter((r) => r.headers["x-shopify-topic"] === "orders/create").length < 3 ? 500 : 200);
    await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-M", quantity: 1 }], email: "retry@example.com", shippingAddress: { city: "Oakland", countryCode: "US" } });
    await t.sim.webhooks.idle();
    const attempts = byTopic("orders/create");
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers["x-shopify-webhook-id"])).size).toBe(1);
    const log = await t.control("GET", `/_control/webhooks?topic=orders/create`);
    const delivery = log.body.deliveries[0];
    expect(delivery.state).toBe("delivered");
    expect(delivery.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
  });

  it("gives up after the configured attempts", async () => {
    responses = () => 503;
    await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-M", quantity: 1 }], email: "fail@example.com", shippingAddress: { city: "Oakland", countryCode: "US" } });
    await t.sim.webhooks.idle();
    const delivery = t.sim.webhooks.deliveries.find((d) => d.topic === "orders/create")!;
    expect(delivery.state).toBe("failed");
    expect(delivery.attempts).toHaveLength(4);
  });
});
