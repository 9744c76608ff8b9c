import "@shopify/shopify-api/adapters/node";
import { createHmac } from "node:crypto";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_SCOPES, API_KEY, API_SECRET, SHOP, startTestSimulator, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

function sessionToken(claims: Record<string, unknown>, secret = API_SECRET): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const head = `${enc({ alg: "HS256", typ: "JWT" })}.${enc(claims)}`;
  return `${head}.${createHmac("sha256", secret).update(head).digest("base64url")}`;
}

const oauth = (body: Record<string, string>, shop = SHOP) =>
  fetch(`${t.sim.url}/shops/${shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("Admin API endpoint", () => {
  it("answers 401 with Shopify's message for a bad or missing token", async () => {
    const response = await t.gqlRaw(`{ shop { name } }`, undefined, { token: "shpat_wrong" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("serves only the pinned API version and known shops", async () => {
    expect((await t.gqlRaw(`{ shop { name } }`, undefined, { version: "2025-01" })).status).toBe(404);
    expect((await t.gqlRaw(`{ shop { name } }`, undefined, { shop: "nobody.myshopify.com" })).status).toBe(404);
    const ok = await t.gqlRaw(`{ shop { name } }`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-shopify-api-version")).toBe("2026-10");
  });

  it("answers 400 when the query parameter is missing", async () => {
    const response = await fetch(`${t.sim.url}/shops/${SHOP}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "shpat_test_token" },
      body: JSON.stringify({ variables: {} }),
    });
    expect(response.status).toBe(400);
  });
});

describe("OAuth", () => {
  it("plays the authorize step: redirects to the app with a code and a query HMAC @shopify/shopify-api accepts", async () => {
    const shopify = shopifyApi({ apiKey: API_KEY, apiSecretKey: API_SECRET, apiVersion: ApiVersion.October26, hostName: "localhost:3000", isEmbeddedApp: true, logger: { level: LogSeverity.Error } });
    const authorize = new URL(`${t.sim.url}/shops/${SHOP}/admin/oauth/authorize`);
    authorize.search = new URLSearchParams({ client_id: API_KEY, scope: "read_orders", redirect_uri: "http://localhost:3000/auth/callback", state: "nonce-1" }).toString();
    const response = await fetch(authorize, { redirect: "manual" });
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get("location")!);
    expect(target.pathname).toBe("/auth/callback");
    expect(target.searchParams.get("shop")).toBe(SHOP);
    expect(target.searchParams.get("state")).toBe("nonce-1");
    expect(await shopify.utils.validateHmac(target.searchParams)).toBe(true);
    target.searchParams.set("state", "tampered");
    expect(await shopify.utils.validateHmac(target.searchParams)).toBe(false);
    const wrongClient = await fetch(`${t.sim.url}/shops/${SHOP}/admin/oauth/authorize?client_id=nope&redirect_uri=http://x/cb`, { redirect: "manual" });
    expect(wrongClient.status).toBe(400);
  });

  it("exchanges an authorization code for a token the shop accepts", async () => {
    const response = await oauth({ client_id: API_KEY, client_secret: API_SECRET, code: "abc123" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(body.access_token).toMatch(/^shpat_/);
    expect(body.scope).toBe(ALL_SCOPES);
    const shop = await t.gql(`{ shop { name } }`, undefined, { token: body.access_token });
    expect(shop.data).toEqual({ shop: { name: "Sim Test" } });
  });

  it("rejects wrong client credentials and unknown shops", async () => {
    expect((await oauth({ client_id: API_KEY, client_secret: "nope", code: "abc" })).status).toBe(400);
    expect((await oauth({ client_id: API_KEY, client_secret: API_SECRET, code: "abc" }, "nobody.myshopify.com")).status).toBe(404);
  });

  it("performs token exchange with a session token (offline and online)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: `https://${SHOP}/admin`, dest: `https://${SHOP}`, aud: API_KEY, sub: "42", exp: now + 60, nbf: now - 5, iat: now, jti: "x", sid: "y" };
    const base = {
      client_id: API_KEY,
      client_secret: API_SECRET,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    };
    const offline = await oauth({ ...base, subject_token: sessionToken(claims), requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token" });
    expect(offline.status).toBe(200);
    const token = ((await offline.json()) as { access_token: string }).access_token;
    expect((await t.gqlRaw(`{ shop { name } }`, undefined, { token })).status).toBe(200);

    const online = await oauth({ ...base, subject_token: sessionToken(claims), requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token" });
    const onlineBody = (await online.json()) as { associated_user: { id: number }; expires_in: number };
    expect(onlineBody.associated_user.id).toBe(42);
    expect(onlineBody.expires_in).toBeGreaterThan(0);

    const forged = await oauth({ ...base, subject_token: sessionToken(claims, "other-secret"), requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token" });
    expect(forged.status).toBe(400);
    const otherShop = await oauth({ ...base, subject_token: sessionToken({ ...claims, dest: "https://other.myshopify.com" }) });
    expect(otherShop.status).toBe(400);
  });
});

describe("control API", () => {
  it("creates a shop with an access token; a new shop is empty but served", async () => {
    const created = await t.control("POST", "/_control/shops", { shop: "fresh.myshopify.com", accessToken: "shpat_fresh" });
    expect(created.status).toBe(201);
    const body = await t.gql(`{ locations(first: 5) { nodes { id } } }`, undefined, { shop: "fresh.myshopify.com", token: "shpat_fresh" });
    expect(body.data).toEqual({ locations: { nodes: [] } });
  });

  it("validates bodies with a 400 and a message", async () => {
    const bad = await t.control("POST", "/_control/shops", { shop: "not a domain" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/shop/);
    const badOrder = await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ quantity: 1 }] });
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.error).toMatch(/variantId or sku/);
    const unknownShop = await t.control("GET", "/_control/shops/nobody.myshopify.com/state");
    expect(unknownShop.status).toBe(404);
  });

  it("creates an order from a cart, assigned to the first active location with stock", async () => {
    // 40 TEE-S: the warehouse (48 available) can take them all; 6 MUG-1 too (6 available).
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 40 }, { sku: "MUG-1", quantity: 6 }],
      email: "new@example.com",
      shippingAddress: { firstName: "New", lastName: "Buyer", address1: "2 Main St", city: "Oakland", countryCode: "US", zip: "94600" },
      noteAttributes: [{ name: "source", value: "test" }],
    });
    expect(created.status).toBe(201);
    expect(created.body.order.name).toBe("#1007");
    expect(created.body.fulfillmentOrders).toHaveLength(1);
    const state = await t.control("GET", `/_control/shops/${SHOP}/state`);
    const order = state.body.orders.find((o: { name: string }) => o.name === "#1007");
    expect(order.fulfillmentOrders[0].location).toBe("Warehouse");
    const mug = state.body.inventory.find((l: { sku: string; location: string }) => l.sku === "MUG-1" && l.location === "Warehouse");
    expect(mug).toMatchObject({ available: 0, committed: 10, on_hand: 10 });

    // Now the warehouse has no mugs left: a mug order goes to the SF store.
    const next = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "MUG-1", quantity: 2 }],
      email: "new@example.com",
      shippingAddress: { city: "Oakland", countryCode: "US" },
    });
    const state2 = await t.control("GET", `/_control/shops/${SHOP}/state`);
    const placed = state2.body.orders.find((o: { id: string }) => o.id === next.body.order.id);
    expect(placed.fulfillmentOrders[0].location).toBe("SF Store");
  });

  it("creates fulfillments with tracking and marks them delivered", async () => {
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-M", quantity: 1 }],
      email: "track@example.com",
      shippingAddress: { city: "Oakland", countryCode: "US" },
    });
    const fulfillment = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, {
      orderId: created.body.order.id,
      tracking: { company: "UPS", number: "1ZTRACK", url: "https://ups.example/1ZTRACK" },
      displayStatus: "IN_TRANSIT",
    });
    expect(fulfillment.status).toBe(201);
    const fulfillmentId = fulfillment.body.fulfillments[0].id;
    const delivered = await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfillmentId)}/deliver`, {});
    expect(delivered.body.displayStatus).toBe("DELIVERED");
    const data = await t.data(`query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillments { displayStatus deliveredAt inTransitAt trackingInfo { number } } } }`, { id: created.body.order.id });
    expect(data.order.displayFulfillmentStatus).toBe("FULFILLED");
    expect(data.order.fulfillments[0]).toMatchObject({ displayStatus: "DELIVERED", trackingInfo: [{ number: "1ZTRACK" }] });
    expect(data.order.fulfillments[0].deliveredAt).toBeTruthy();
    expect(data.order.fulfillments[0].inTransitAt).toBeTruthy();
  });

  it("changes stock through the control API", async () => {
    const response = await t.control("POST", `/_control/shops/${SHOP}/inventory`, {
      changes: [{ sku: "TEE-M", locationId: (await t.control("GET", `/_control/shops/${SHOP}/state`)).body.locations[0].id, quantity: 3 }],
    });
    expect(response.status).toBe(200);
    const state = await t.control("GET", `/_control/shops/${SHOP}/state`);
    expect(state.body.inventory.find((l: { sku: string; location: string }) => l.sku === "TEE-M" && l.location === "Warehouse").available).toBe(3);
  });
});
