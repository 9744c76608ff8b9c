import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { DEMO_API_SECRET, startStack, type Stack } from "../../scripts/stack";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { webhookHmac } from "../../simulator/webhooks/hmac";
import { launchBrowser, visible, type Browser } from "../support/browser";

// End to end: an order created in the simulated Shopify reaches the app as a signed orders/create
// webhook, Shopify's routing job creates its fulfillment orders seconds later and announces them
// with fulfillment_orders/order_routing_complete, the pipeline routes it, its fulfillment order ends at the expected location in the
// simulator, and the decision is in the admin's routing log. A re-delivery changes nothing; marking
// the location unable to fulfill re-routes the order elsewhere.
const now = new Date("2026-11-20T12:00:00Z");
const seed = buildDemoShop({ now });
let stack: Stack;
let browser: Browser;
let page: Page;

async function control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack.simulator.url}/_control${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const token = stack.simulator.store.issueToken(stack.shop);
  const response = await fetch(`${stack.simulator.url}/shops/${stack.shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const LOCATIONS = `query { locations(first: 50) { nodes { id name } } }`;
const ORDER_FOS = `query($id: ID!) { order(id: $id) { name fulfillmentOrders(first: 10) { nodes { status assignedLocation { location { id } } } } } }`;

async function openFoLocations(orderId: string): Promise<string[]> {
  const data = await gql<{ order: { fulfillmentOrders: { nodes: { status: string; assignedLocation: { location: { id: string } } }[] } } }>(ORDER_FOS, { id: orderId });
  return data.order.fulfillmentOrders.nodes.filter((f) => f.status === "OPEN").map((f) => f.assignedLocation.location.id);
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

beforeAll(async () => {
  stack = await startStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(`${stack.appUrl}/demo/login`); // installs: shop, session, locations
  await page.waitForURL(/\/app\?/, { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("a new order, from Shopify's webhook to its fulfillment location", () => {
  it("is routed to the closest location with stock, re-delivery changes nothing, and 'unable to fulfill' moves it elsewhere", async () => {
    const { locations } = await gql<{ locations: { nodes: { id: string; name: string }[] } }>(LOCATIONS, {});
    const id = (name: string) => locations.nodes.find((l) => l.name === name)!.id;
    const edison = id("Edison Fulfillment Center");
    const reno = id("Reno Fulfillment Center");
    const sku = seed.products.find((p) => p.status === "ACTIVE" && !p.tags.includes("bulky"))!.variants[0]!.sku;

    // Only Edison (New Jersey) and Reno (Nevada) hold the item: Shopify's default assigns Edison.
    await control("POST", `/shops/${stack.shop}/inventory`, {
      changes: locations.nodes.map((l) => ({ sku, locationId: l.id, name: "available", quantity: l.id === edison || l.id === reno ? 5 : 0 })),
    });
    const created = (await control("POST", `/shops/${stack.shop}/orders`, {
      lines: [{ sku, quantity: 2 }],
      email: "ada@example.com",
      shippingAddress: { address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US", latitude: 37.7936, longitude: -122.3958, firstName: "Ada", lastName: "Lee" },
      wait: false,
    })) as { order: { id: string; name: string }; fulfillmentOrders: unknown[] };
    const orderId = created.order.id;
    // As on a busy store, Shopify's routing job has not created the fulfillment orders yet.
    expect(created.fulfillmentOrders).toEqual([]);
    expect(await openFoLocations(orderId)).toEqual([]);

    // orders/create, then fulfillment_orders/order_routing_complete arrive; the in-process driver
    // routes the order once its fulfillment orders exist: it ends at Reno.
    await waitFor(() => openFoLocations(orderId), (l) => l.length === 1 && l[0] === reno, "fulfillment order at Reno");
    const routingComplete = (await control("GET", `/webhooks?shop=${stack.shop}&topic=fulfillment_orders/order_routing_complete&wait=1`)) as {
      deliveries: { attempts: { status: number }[] }[];
    };
    expect(routingComplete.deliveries.length).toBeGreaterThanOrEqual(1);
    expect(routingComplete.deliveries.every((d) => d.attempts.at(-1)?.status === 200)).toBe(true);

    // The decision is in the admin's routing log.
    await page.goto(`${stack.appUrl}/app/routing/log`);
    const row = page.getByRole("row", { name: /Reno Fulfillment Center/ }).first();
    await visible(row, 30_000);
    expect(await row.textContent()).toContain("applied");

    // Shopify delivers orders/create again (same webhook id): nothing is moved or decided twice.
    const { deliveries } = (await control("GET", `/webhooks?shop=${stack.shop}&topic=orders/create&wait=1`)) as {
      deliveries: { webhookId: string; payload: { admin_graphql_api_id: string }; url: string; triggeredAt: string; eventId: string }[];
    };
    const original = deliveries.find((d) => d.payload.admin_graphql_api_id === orderId)!;
    const body = JSON.stringify(original.payload);
    for (const webhookId of [original.webhookId, `${original.webhookId}-redelivered`]) {
      const response = await fetch(original.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Topic": "orders/create",
          "X-Shopify-Hmac-Sha256": webhookHmac(body, DEMO_API_SECRET),
          "X-Shopify-Shop-Domain": stack.shop,
          "X-Shopify-API-Version": ADMIN_API_VERSION,
          "X-Shopify-Webhook-Id": webhookId,
          "X-Shopify-Event-Id": original.eventId,
          "X-Shopify-Triggered-At": original.triggeredAt,
        },
        body,
      });
      expect(response.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await openFoLocations(orderId)).toEqual([reno]);
    await page.reload();
    expect(await page.getByRole("row", { name: new RegExp(`^${created.order.name}`) }).count()).toBe(1);

    // Staff: Reno cannot fulfill it. Crossdock re-routes without Reno: back to Edison.
    await row.getByRole("link").click();
    await visible(page.getByRole("button", { name: "Re-route without it" }), 30_000);
    await page.getByLabel("Location that cannot fulfill it").selectOption(reno);
    await page.getByRole("button", { name: "Re-route without it" }).click();
    await visible(page.getByText("Locations that could not fulfill it: Reno Fulfillment Center"), 30_000);
    expect(await openFoLocations(orderId)).toEqual([edison]);
  }, 120_000);
});
