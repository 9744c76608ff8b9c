import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page, Response as PageResponse } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltStack, type Stack } from "../support/built-stack";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";

// The customer portal in Debian's Chromium against the demo stack (the app on PostgreSQL, the
// simulator seeded with the demo shop): look up an order, read its timeline and shipment card, a
// pickup order's store, the Vietnamese page, the same through the storefront's app proxy; axe-core
// on every page; and each page's weight (the pages ship no JavaScript at all).
const now = new Date("2026-11-20T12:00:00Z");
const AXE = readFileSync(join(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
const JS_BUDGET_GZIP = 50 * 1024;

let stack: Stack;
let browser: Browser;

interface SimOrder {
  id: string;
  name: string;
  email: string | null;
  cancelledAt: string | null;
  fulfillmentOrders: { nodes: { deliveryMethod: { methodType: string } | null; assignedLocation: { name: string } }[] };
  fulfillments: { displayStatus: string | null; deliveredAt: string | null; trackingInfo: { company: string | null; number: string | null; url: string | null }[] }[];
  shippingAddress: { countryCodeV2: string | null } | null;
}

async function simOrders(): Promise<SimOrder[]> {
  const { prisma } = await import("~/db.server");
  const session = await prisma.session.findUniqueOrThrow({ where: { id: `offline_${stack.shop}` } });
  const orders: SimOrder[] = [];
  let after: string | null = null;
  let throttledWaits = 0;
  for (;;) {
    const response = await fetch(`${stack.simulator.url}/shops/${stack.shop}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": session.accessToken },
      body: JSON.stringify({
        query: `query O($after: String) { orders(first: 25, after: $after) { nodes { id name email cancelledAt
          fulfillmentOrders(first: 5) { nodes { deliveryMethod { methodType } assignedLocation { name } } }
          fulfillments(first: 5) { displayStatus deliveredAt trackingInfo(first: 1) { company number url } }
          shippingAddress { countryCodeV2 } }
          pageInfo { hasNextPage endCursor } } }`,
        variables: { after },
      }),
    });
    const body = (await response.json()) as { data?: { orders: { nodes: SimOrder[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }; errors?: unknown };
    if (!body.data && JSON.stringify(body.errors).includes("THROTTLED") && throttledWaits++ < 60) {
      // The app's own start-up sync may have drained the shop's bucket: wait for it, as a client does.
      await new Promise((r) => setTimeout(r, 1_000));
      continue;
    }
    if (!body.data) throw new Error(`the simulator refused the orders query (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
    orders.push(...body.data.orders.nodes);
    if (!body.data.orders.pageInfo.hasNextPage) return orders;
    after = body.data.orders.pageInfo.endCursor;
  }
}

interface PageWeight {
  page: string;
  requests: number;
  bytes: number;
  gzipBytes: number;
  jsRequests: number;
  jsGzipBytes: number;
}
const weights: PageWeight[] = [];

/** Records every response of one page load (document, stylesheet, scripts, images…). */
function recordResponses(page: Page): PageResponse[] {
  const responses: PageResponse[] = [];
  page.on("response", (r) => responses.push(r));
  return responses;
}

async function measure(name: string, responses: PageResponse[]): Promise<PageWeight> {
  const weight: PageWeight = { page: name, requests: 0, bytes: 0, gzipBytes: 0, jsRequests: 0, jsGzipBytes: 0 };
  for (const response of responses) {
    if (response.status() >= 300 && response.status() < 400) continue;
    const body = await response.body().catch(() => Buffer.alloc(0));
    const gzip = gzipSync(body, { level: 6 }).length;
    weight.requests++;
    weight.bytes += body.length;
    weight.gzipBytes += gzip;
    const type = response.request().resourceType();
    if (type === "script" || /javascript|ecmascript/.test(response.headers()["content-type"] ?? "")) {
      weight.jsRequests++;
      weight.jsGzipBytes += gzip;
    }
  }
  weights.push(weight);
  return weight;
}

/** Loads `url` in a fresh page with the cache disabled and measures everything it transfers. */
async function weigh(name: string, url: string): Promise<PageWeight> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const responses = recordResponses(page);
    await page.goto(url, { waitUntil: "load" });
    const weight = await measure(name, responses);
    // The budget is 50 KB of gzipped JavaScript per page; with hydrate: false there is none at all.
    expect(weight.jsRequests, name).toBe(0);
    expect(weight.jsGzipBytes, name).toBeLessThan(JS_BUDGET_GZIP);
    return weight;
  } finally {
    await page.close();
  }
}

async function expectAccessible(page: Page, what: string) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical"), what).toEqual([]);
}

async function noScripts(page: Page) {
  expect(await page.locator("script").count()).toBe(0);
}

beforeAll(async () => {
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
  // The storefront harness installs the demo shop (session, locations) on its first page.
  expect((await fetch(`${stack.appUrl}/demo/storefront/`)).status).toBe(200);
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  if (weights.length) console.info(`portal page weights:\n${weights.map((w) => JSON.stringify(w)).join("\n")}`);
  await browser?.close();
  await stack?.stop();
});

async function lookUp(page: Page, start: string, order: SimOrder, labels = { number: "Order number", contact: "Email or phone number", submit: "Find my order" }) {
  await page.goto(start);
  await page.getByLabel(labels.number).fill(order.name);
  await page.getByLabel(labels.contact).fill(order.email!.toUpperCase());
  await Promise.all([page.waitForURL(/\/o\/[A-Za-z0-9_.-]+/), page.getByRole("button", { name: labels.submit }).click()]);
}

describe("the customer portal", () => {
  it("looks up a shipped order and shows its timeline and shipment with the tracking link, with no JavaScript", async () => {
    const orders = await simOrders();
    const shipped = orders.find((o) => o.email && !o.cancelledAt && o.fulfillments.some((f) => f.trackingInfo[0]?.url && f.trackingInfo[0]?.number));
    expect(shipped, "the demo seed has a shipped order with tracking").toBeDefined();
    const tracking = shipped!.fulfillments.find((f) => f.trackingInfo[0]?.url)!.trackingInfo[0]!;

    const page = await browser.context.newPage();
    try {
      const document = await page.goto(`${stack.appUrl}/portal/${stack.shop}`);
      // Pages with personal data are never stored by shared caches.
      expect(document!.headers()["cache-control"]).toBe("private, no-store");
      await visible(page.getByRole("heading", { level: 1, name: "Track your order" }));
      await noScripts(page);
      const lookupWeight = await weigh("lookup", `${stack.appUrl}/portal/${stack.shop}`);
      await expectAccessible(page, "lookup page");

      // A wrong email: the form again with the same message as for an unknown order.
      await page.getByLabel("Order number").fill(shipped!.name);
      await page.getByLabel("Email or phone number").fill("nobody@example.com");
      await page.getByRole("button", { name: "Find my order" }).click();
      await visible(page.getByRole("alert"));
      const wrong = await page.getByRole("alert").innerText();
      await page.getByLabel("Order number").fill("#999999");
      await page.getByLabel("Email or phone number").fill(shipped!.email!);
      await page.getByRole("button", { name: "Find my order" }).click();
      await visible(page.getByRole("alert"));
      expect(await page.getByRole("alert").innerText()).toBe(wrong);
      await expectAccessible(page, "lookup page with an error");

      await lookUp(page, `${stack.appUrl}/portal/${stack.shop}`, shipped!);
      await visible(page.getByRole("heading", { level: 1, name: `Order ${shipped!.name}` }));
      await noScripts(page);
      const timeline = page.getByRole("region", { name: "Order progress" });
      await visible(timeline.getByText("Order placed"));
      await visible(timeline.getByText("Shipped"));
      const shipment = page.getByRole("article").first();
      await visible(shipment.getByText(tracking.number!));
      if (tracking.company) await visible(shipment.getByText(tracking.company, { exact: true }));
      const link = shipment.getByRole("link", { name: /Track/ });
      expect(await link.getAttribute("href")).toBe(tracking.url);
      const trackingWeight = await weigh("tracking (shipped order)", page.url());
      await expectAccessible(page, "tracking page");
      expect(lookupWeight.requests).toBeGreaterThanOrEqual(2); // the document and its stylesheet
      expect(trackingWeight.requests).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("shows times in the zone the order goes to, and names the zone (a Vietnamese shopper of a New York shop)", async () => {
    const orders = await simOrders();
    const delivered = (country: string) =>
      orders.find((o) => o.email && !o.cancelledAt && o.shippingAddress?.countryCodeV2 === country && o.fulfillments.some((f) => f.deliveredAt));
    const vn = delivered("VN");
    const us = delivered("US");
    expect(vn, "the demo seed has a delivered order to Vietnam").toBeDefined();
    expect(us, "the demo seed has a delivered order in the US").toBeDefined();
    const page = await browser.context.newPage();
    try {
      for (const [order, zone] of [[vn!, "Asia/Ho_Chi_Minh"], [us!, "America/New_York"]] as const) {
        await lookUp(page, `${stack.appUrl}/portal/${stack.shop}?lang=vi`, order, { number: "Mã đơn hàng", contact: "Email hoặc số điện thoại", submit: "Tìm đơn hàng" });
        const deliveredAt = new Date(order.fulfillments.find((f) => f.deliveredAt)!.deliveredAt!);
        // The day and time the shopper lives in, with the zone written beside it.
        const expected = new Intl.DateTimeFormat("vi", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: zone }).format(deliveredAt);
        const card = page.getByRole("article").first();
        await visible(card.locator("dd").getByText(expected, { exact: true }));
        // The carrier's "delivered" update lists the same moment, in the same zone.
        await visible(card.locator(".portal-events time", { hasText: expected }).first());
        await screenshot(page, `.cache/e2e-portal-tracking-zone-${order.shippingAddress!.countryCodeV2}.png`);
      }
    } finally {
      await page.close();
    }
  }, 120_000);

  it("shows a pickup order's store with its address, pickup details and a map link", async () => {
    const orders = await simOrders();
    const pickup = orders.find((o) => o.email && !o.cancelledAt && o.fulfillmentOrders.nodes.some((fo) => fo.deliveryMethod?.methodType === "PICK_UP"));
    expect(pickup, "the demo seed has a pickup order").toBeDefined();
    const store = pickup!.fulfillmentOrders.nodes.find((fo) => fo.deliveryMethod?.methodType === "PICK_UP")!.assignedLocation.name;
    const page = await browser.context.newPage();
    try {
      await lookUp(page, `${stack.appUrl}/portal/${stack.shop}`, pickup!);
      const card = page.getByRole("region", { name: `Pickup at ${store}` });
      await visible(card);
      await visible(card.getByText("Address"));
      await weigh("tracking (pickup order)", page.url());
      const map = card.getByRole("link", { name: /Open in maps/ });
      expect(await map.getAttribute("href")).toMatch(/^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=.+/);
      await expectAccessible(page, "pickup tracking page");
    } finally {
      await page.close();
    }
  }, 120_000);

  it("speaks Vietnamese with ?lang=vi, through the lookup and on the tracking page", async () => {
    const orders = await simOrders();
    const order = orders.find((o) => o.email && o.fulfillments.length > 0)!;
    const page = await browser.context.newPage();
    try {
      await page.goto(`${stack.appUrl}/portal/${stack.shop}?lang=vi`);
      expect(await page.locator("html").getAttribute("lang")).toBe("vi");
      await visible(page.getByRole("heading", { level: 1, name: "Theo dõi đơn hàng" }));
      await weigh("lookup (vi)", page.url());
      await expectAccessible(page, "Vietnamese lookup page");
      await lookUp(page, page.url(), order, { number: "Mã đơn hàng", contact: "Email hoặc số điện thoại", submit: "Tìm đơn hàng" });
      expect(page.url()).toMatch(/\?lang=vi$/);
      await visible(page.getByRole("heading", { level: 1, name: `Đơn hàng ${order.name}` }));
      await visible(page.getByRole("region", { name: "Tiến trình đơn hàng" }).getByText("Đã đặt hàng"));
      await weigh("tracking (vi)", page.url());
      await expectAccessible(page, "Vietnamese tracking page");
      // The language switcher is plain links.
      await Promise.all([page.waitForURL(/lang=zh-CN/), page.getByRole("link", { name: "简体中文" }).click()]);
      await visible(page.getByRole("heading", { level: 1, name: `订单 ${order.name}` }));
    } finally {
      await page.close();
    }
  }, 120_000);

  it("works on the shop's own domain through the app proxy (storefront harness)", async () => {
    const orders = await simOrders();
    const order = orders.find((o) => o.email && o.fulfillments.length > 0)!;
    const page = await browser.context.newPage();
    try {
      await page.goto(`${stack.appUrl}/demo/storefront/apps/crossdock/portal`);
      await visible(page.getByRole("heading", { level: 1, name: "Track your order" }));
      const weight = await weigh("lookup (app proxy)", page.url());
      expect(weight.jsRequests).toBe(0);
      // The stylesheet comes from the app's host.
      expect(await page.locator(".portal-header").evaluate((el) => getComputedStyle(el).display)).toBe("flex");
      await lookUp(page, page.url(), order);
      expect(page.url()).toMatch(/\/demo\/storefront\/apps\/crossdock\/portal\/o\//);
      await visible(page.getByRole("heading", { level: 1, name: `Order ${order.name}` }));
    } finally {
      await page.close();
    }
  }, 120_000);

  it("answers a tampered link with a 403 page", async () => {
    const page = await browser.context.newPage();
    try {
      const response = await page.goto(`${stack.appUrl}/portal/${stack.shop}/o/AAAA.BBBB`);
      expect(response!.status()).toBe(403);
      expect(response!.headers()["cache-control"]).toBe("private, no-store");
      await visible(page.getByRole("heading", { level: 1, name: "This link isn't valid" }));
      await noScripts(page);
      await expectAccessible(page, "403 page");
    } finally {
      await page.close();
    }
  }, 120_000);
});
