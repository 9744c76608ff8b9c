// Access to an order through the portal: the tracking page opens with a valid token only (tampered,
// expired, foreign → 403), another shop's order is never reachable through this shop's portal, and
// the app proxy variant (shop from Shopify's signature, signed-in customer's orders). Also what the
// tracking page shows, from the simulator's real order data.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Shop } from "~/models/shops.server";
import { call, form, installShops, OTHER_SHOP, PortalBrowser, proxyQuery, SHOP, startPortalSimulator } from "./lookup-support";

const lookupRoute = await import("~/routes/portal.$shop._index");
const trackingRoute = await import("~/routes/portal.$shop.o.$token._index");
const { issueOrderAccessToken } = await import("~/security/tokens.server");
const { installLookupRateLimiter, memoryLookupLimiter } = await import("~/security/rate-limit.server");
const { CSRF_FIELD } = await import("~/portal/csrf.server");

let sim: Awaited<ReturnType<typeof startPortalSimulator>>;
let shop: Shop;
let other: Shop;

beforeAll(async () => {
  sim = await startPortalSimulator();
});
afterAll(async () => {
  installLookupRateLimiter(undefined);
  await sim.close();
});
beforeEach(async () => {
  ({ shop, other } = await installShops());
  installLookupRateLimiter(memoryLookupLimiter());
});

async function orderId(domain: string, name: string): Promise<string> {
  const body = await sim.gql(`{ orders(first: 1, query: "name:${name}") { nodes { id name } } }`, undefined, { shop: domain });
  const node = body.data!.orders.nodes[0];
  expect(node?.name).toBe(name);
  return node.id as string;
}

async function openTracking(domain: string, token: string, query = ""): Promise<Response> {
  return call(trackingRoute.loader, new PortalBrowser().request(`/portal/${domain}/o/${token}${query}`), { shop: domain, token });
}

async function lookup(domain: string, fields: Record<string, string>): Promise<Response> {
  const browser = new PortalBrowser();
  const page = await call(lookupRoute.loader, browser.request(`/portal/${domain}`), { shop: domain });
  browser.remember(page);
  const { csrfToken } = (await page.json()) as { csrfToken: string };
  return call(lookupRoute.action, browser.request(`/portal/${domain}`, { method: "POST", body: form({ ...fields, [CSRF_FIELD]: csrfToken }) }), { shop: domain });
}

interface TrackingData {
  title: string;
  layout: { locale: string };
  returnHref: string | null;
  view: {
    order: { name: string; cancelledAt: string | null };
    isPickup: boolean;
    timeline: { key: string; state: string; at: string | null }[];
    shipments: { status: string; carrier: string | null; trackingNumber: string | null; trackingUrl: string | null; items: { name: string; quantity: number }[] }[];
    unshipped: { name: string; quantity: number }[];
    pickup: { locationName: string; addressLines: string[]; pickupTime: string | null; instructions: string | null; mapUrl: string } | null;
  };
}

describe("the tracking page", () => {
  it("opens from the lookup's redirect and shows the timeline and each shipment with tracking", async () => {
    const found = await lookup(SHOP, { orderNumber: "#1002", contact: "lin@example.com" });
    expect(found.status).toBe(303);
    const location = found.headers.get("Location")!;
    const token = location.split("/o/")[1]!;
    const response = await openTracking(SHOP, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const data = (await response.json()) as TrackingData;
    expect(data.title).toBe("Order #1002");
    expect(data.view.timeline.map((s) => [s.key, s.state])).toEqual([
      ["placed", "done"],
      ["processing", "done"],
      ["shipped", "done"],
      ["in_transit", "current"],
      ["out_for_delivery", "upcoming"],
      ["delivered", "upcoming"],
    ]);
    expect(data.view.timeline.find((s) => s.key === "in_transit")!.at).toBe("2026-10-03T12:00:00.000Z");
    expect(data.view.shipments).toEqual([
      expect.objectContaining({ status: "IN_TRANSIT", carrier: "UPS", trackingNumber: "1Z999", trackingUrl: "https://ups.example/1Z999", items: [{ name: "Crossdock Tee - M", quantity: 2 }] }),
    ]);
    expect(data.view.unshipped).toEqual([{ name: "Enamel Mug", quantity: 1 }]);
    expect(data.view.pickup).toBeNull();
    expect(data.returnHref).toBe(`/portal/${SHOP}/o/${token}/return`);
  });

  it("shows a delivered order as delivered, and follows a delivery made in Shopify afterwards", async () => {
    const id = await orderId(SHOP, "#1003");
    const token = issueOrderAccessToken({ shopId: shop.id, orderId: id });
    const delivered = (await (await openTracking(SHOP, token)).json()) as TrackingData;
    expect(delivered.view.timeline.at(-1)).toEqual({ key: "delivered", state: "current", at: "2026-10-06T09:00:00.000Z" });
    expect(delivered.view.shipments[0]).toMatchObject({ status: "DELIVERED", carrier: "USPS", trackingNumber: "9400", trackingUrl: null });

    const id2 = await orderId(SHOP, "#1002");
    const state = await sim.control("GET", `/_control/shops/${SHOP}/state`);
    const order = (state.body.orders as { id: string | number; name: string; fulfillments: { id: string | number }[] }[]).find((o) => o.name === "#1002")!;
    const fulfillmentId = String(order.fulfillments[0]!.id).split("/").pop();
    expect((await sim.control("POST", `/_control/shops/${SHOP}/fulfillments/${fulfillmentId}/status`, { displayStatus: "OUT_FOR_DELIVERY" })).status).toBeLessThan(300);
    const token2 = issueOrderAccessToken({ shopId: shop.id, orderId: id2 });
    const out = (await (await openTracking(SHOP, token2)).json()) as TrackingData;
    expect(out.view.shipments[0]!.status).toBe("OUT_FOR_DELIVERY");
    expect(out.view.timeline.find((s) => s.key === "out_for_delivery")!.state).toBe("current");

    // The carrier's own words (#15): each update of the shipment, newest first, with its message.
    const scan = await sim.control("POST", `/_control/shops/${SHOP}/fulfillments/${fulfillmentId}/events`, { status: "ATTEMPTED_DELIVERY", message: "No one home, notice left at the door" });
    expect(scan.status).toBe(201);
    const attempted = (await (await openTracking(SHOP, token2)).json()) as TrackingData & { view: { shipments: { events: { status: string; message: string | null }[] }[] } };
    expect(attempted.view.shipments[0]!.events[0]).toMatchObject({ status: "ATTEMPTED_DELIVERY", message: "No one home, notice left at the door" });
    expect(attempted.view.shipments[0]!.events.map((e) => e.status)).toContain("OUT_FOR_DELIVERY");
    // A parcel scanned more often than the page lists (10): the newest updates are the ones shown.
    for (let day = 20; day > 9; day--) {
      const at = new Date(Date.parse("2026-10-01T00:00:00Z") - day * 86_400_000).toISOString();
      expect((await sim.control("POST", `/_control/shops/${SHOP}/fulfillments/${fulfillmentId}/events`, { status: "IN_TRANSIT", happenedAt: at, message: `Scan ${day}` })).status).toBe(201);
    }
    const busy = (await (await openTracking(SHOP, token2)).json()) as typeof attempted;
    expect(busy.view.shipments[0]!.events).toHaveLength(10);
    expect(busy.view.shipments[0]!.events[0]).toMatchObject({ status: "ATTEMPTED_DELIVERY", message: "No one home, notice left at the door" });
  });

  it("shows a pickup order's store: address, pickup time, instructions and a map link", async () => {
    const id = await orderId(SHOP, "#1005");
    const data = (await (await openTracking(SHOP, issueOrderAccessToken({ shopId: shop.id, orderId: id }), "?lang=vi")).json()) as TrackingData;
    expect(data.layout.locale).toBe("vi");
    expect(data.title).toBe("Đơn hàng #1005");
    expect(data.view.isPickup).toBe(true);
    expect(data.view.pickup).toEqual({
      locationName: "SF Store",
      addressLines: ["1 San Francisco Street", "94000 San Francisco", "California", "United States"],
      phone: null,
      pickupTime: "TWO_HOURS",
      instructions: "Ask at the counter",
      mapUrl: `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent("SF Store, 1 San Francisco Street, 94000 San Francisco, California, United States")}`,
    });
    expect(data.view.timeline.map((s) => s.key)).toEqual(["placed", "processing", "ready_for_pickup", "picked_up"]);
  });

  it("shows a cancelled, refunded order as such", async () => {
    const id = await orderId(SHOP, "#1004");
    const data = (await (await openTracking(SHOP, issueOrderAccessToken({ shopId: shop.id, orderId: id }))).json()) as TrackingData;
    expect(data.view.timeline.map((s) => [s.key, s.state])).toEqual([
      ["placed", "done"],
      ["cancelled", "done"],
      ["refunded", "current"],
    ]);
    // The refund's time is not known from the data read: no time is shown for it.
    expect(data.view.timeline.at(-1)!.at).toBeNull();
    expect(data.returnHref).toBeNull();
  });
});

describe("links that must not open an order", () => {
  it("a tampered token answers 403", async () => {
    const id = await orderId(SHOP, "#1001");
    const token = issueOrderAccessToken({ shopId: shop.id, orderId: id });
    const [body, sig] = token.split(".") as [string, string];
    const next = Buffer.from(Buffer.from(body, "base64url").toString().replace(/^(\d+)/, (n) => String(Number(n) + 1))).toString("base64url");
    for (const bad of [`${next}.${sig}`, `${body}.${sig.slice(1)}`, `${body}x.${sig}`, "garbage"]) {
      const response = await openTracking(SHOP, bad);
      expect(response.status, bad).toBe(403);
      expect(await response.json()).toMatchObject({ portalError: "link_invalid" });
    }
  });

  it("an expired token answers 403 with its own message", async () => {
    const id = await orderId(SHOP, "#1001");
    const token = issueOrderAccessToken({ shopId: shop.id, orderId: id, ttl: 60, now: new Date(Date.now() - 3600_000) });
    const response = await openTracking(SHOP, token);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ portalError: "link_expired" });
  });

  it("another shop's token, or this shop's token for the other shop's order number, never opens it", async () => {
    const foreignId = await orderId(OTHER_SHOP, "#1001");
    const foreignToken = issueOrderAccessToken({ shopId: other.id, orderId: foreignId });
    // The other shop's own portal opens it…
    expect((await openTracking(OTHER_SHOP, foreignToken)).status).toBe(200);
    // …this shop's portal does not.
    expect((await openTracking(SHOP, foreignToken)).status).toBe(403);
    // A token this shop signed for an id that only exists in the other shop finds nothing here.
    const created = await sim.control("POST", `/_control/shops/${OTHER_SHOP}/orders`, {
      lines: [{ sku: "MUG-1", quantity: 1 }],
      email: "only-there@example.com",
      shippingAddress: { address1: "1 Main St", city: "Oakland", province: "California", provinceCode: "CA", zip: "94607", country: "United States", countryCode: "US" },
    });
    expect(created.status).toBeLessThan(300);
    const onlyThere = await orderId(OTHER_SHOP, created.body.order?.name ?? created.body.name);
    const signedHere = issueOrderAccessToken({ shopId: shop.id, orderId: onlyThere });
    const response = await openTracking(SHOP, signedHere);
    expect(response.status).toBe(404);
    // And the lookup through this shop's portal does not find the other shop's order.
    const name = created.body.order?.name ?? created.body.name;
    expect((await lookup(SHOP, { orderNumber: name, contact: "only-there@example.com" })).status).toBe(422);
    expect((await lookup(OTHER_SHOP, { orderNumber: name, contact: "only-there@example.com" })).status).toBe(303);
  });
});

describe("through the app proxy", () => {
  const proxyRequest = (path: string, shopDomain: string, input: Parameters<typeof proxyQuery>[1] = {}, init: RequestInit = {}) =>
    new Request(`https://crossdock.example.com${path}?${proxyQuery(shopDomain, input)}`, init);

  it("serves the lookup with links on the shop's domain, and refuses unsigned requests", async () => {
    const response = await call(lookupRoute.loader, proxyRequest("/proxy/portal", SHOP, { query: { locale: "zh-CN" } }), {});
    expect(response.status).toBe(200);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const data = (await response.json()) as { action: string; layout: { locale: string; stylesheetHref: string | null }; customerOrders: unknown };
    expect(data.action).toBe("/apps/crossdock/portal");
    expect(data.layout.locale).toBe("zh-CN");
    // On the app's host, absolute (the shopper's browser is on the shop's domain). Vitest does not
    // process CSS, so the asset's own path is checked by the browser test.
    expect(data.layout.stylesheetHref).toMatch(/^https:\/\/crossdock\.example\.com\//);
    expect(data.customerOrders).toBeNull();
    const unsigned = await call(lookupRoute.loader, new Request(`https://crossdock.example.com/proxy/portal?shop=${SHOP}`), {});
    expect(unsigned.status).toBe(401);
  });

  it("answers 400, not 500, to a validly signed request whose shop is not a myshopify.com domain; unsigned it stays 401", async () => {
    for (const shop of ["../../etc/passwd", "evil.example.com", "SHOP.MYSHOPIFY.COM", `${"a".repeat(5000)}.myshopify.com\u0000`]) {
      const lookup = await call(lookupRoute.loader, proxyRequest("/proxy/portal", shop), {});
      expect(lookup.status, shop).toBe(400);
      expect(await lookup.text()).toBe("The shop parameter is not a myshopify.com domain");
      const tracking = await call(trackingRoute.loader, proxyRequest("/proxy/portal/o/x", shop), { token: "x" });
      expect(tracking.status, shop).toBe(400);
    }
    const unsigned = await call(lookupRoute.loader, new Request("https://crossdock.example.com/proxy/portal?shop=..%2F..%2Fetc%2Fpasswd"), {});
    expect(unsigned.status).toBe(401);
  });

  it("looks up an order (CSRF bound to the signed request) and redirects on the shop's domain", async () => {
    const page = await call(lookupRoute.loader, proxyRequest("/proxy/portal", SHOP), {});
    const { csrfToken } = (await page.json()) as { csrfToken: string };
    const post = (token?: string) =>
      call(
        lookupRoute.action,
        proxyRequest("/proxy/portal", SHOP, {}, {
          method: "POST",
          body: form({ orderNumber: "#1001", contact: "ada@example.com", ...(token ? { [CSRF_FIELD]: token } : {}) }),
          // Shopify's proxy connects (peer) and forwards the shopper's address.
          headers: { "x-crossdock-peer-address": "23.227.38.32", "X-Forwarded-For": "203.0.113.90" },
        }),
        {},
      );
    expect((await post()).status).toBe(403);
    const found = await post(csrfToken);
    expect(found.status).toBe(303);
    const location = found.headers.get("Location")!;
    expect(location).toMatch(/^\/apps\/crossdock\/portal\/o\/[A-Za-z0-9_.-]+$/);
    const token = location.split("/o/")[1]!;
    const tracking = await call(trackingRoute.loader, proxyRequest(`/proxy/portal/o/${token}`, SHOP), { token });
    expect(tracking.status).toBe(200);
    expect(((await tracking.json()) as TrackingData).view.order.name).toBe("#1001");
    // The same token through the other shop's proxy: 403.
    const foreign = await call(trackingRoute.loader, proxyRequest(`/proxy/portal/o/${token}`, OTHER_SHOP), { token });
    expect(foreign.status).toBe(403);
  });

  it("lists a signed-in customer's own recent orders, each with a working link", async () => {
    const customers = await sim.gql(`{ customers(first: 5) { nodes { id email } } }`);
    const ada = (customers.data!.customers.nodes as { id: string; email: string }[]).find((c) => c.email === "ada@example.com")!;
    const customerId = ada.id.split("/").pop()!;
    const response = await call(lookupRoute.loader, proxyRequest("/proxy/portal", SHOP, { customerId }), {});
    const data = (await response.json()) as { customerOrders: { name: string; href: string }[] };
    expect(data.customerOrders.map((o) => o.name)).toEqual(["#1006", "#1003", "#1001"]);
    const token = data.customerOrders[0]!.href.split("/o/")[1]!;
    expect(data.customerOrders[0]!.href).toMatch(/^\/apps\/crossdock\/portal\/o\//);
    const tracking = await call(trackingRoute.loader, proxyRequest(`/proxy/portal/o/${token}`, SHOP, { customerId }), { token });
    expect(((await tracking.json()) as TrackingData).view.order.name).toBe("#1006");
  });
});
