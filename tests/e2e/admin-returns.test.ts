import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { startBuiltStack, type Stack } from "../support/built-stack";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";

// Issue #7's returns desk as staff use it, in Debian's Chromium against the real app (demo mode,
// in-process jobs, PostgreSQL) and the simulator: three returns requested in Shopify arrive by
// webhook; the queue filters them by reason and bulk-approves two (labels created in Shopify); the
// third is approved on its page, then received with its item restocked at a chosen store, which
// raises that store's stock in the simulator.
const now = new Date();
const seed = buildDemoShop({ now });
const DAY = 86_400_000;
const TEE = seed.products.find((p) => p.status === "ACTIVE" && p.tags.includes("basics") && !p.tags.includes("final-sale"))!.variants[0]!.sku;

let stack: Stack;
let browser: Browser;
let page: Page;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.simulator.url}/_control/shops/${stack.shop}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

type State = {
  inventory: { sku: string | null; locationId: string; location: string; on_hand: number }[];
  orders: { name: string; returns: { id: string; status: string; reverseFulfillmentOrders: { reverseDeliveries: unknown[] }[] }[] }[];
};
const state = () => control<State>("GET", "/state");

/** A delivered order with one return requested in Shopify (the customer's account). */
async function requestedReturn(email: string, reason: string): Promise<string> {
  const { order } = await control<{ order: { id: string; name: string } }>("POST", "/orders", {
    lines: [{ sku: TEE, quantity: 1 }],
    email,
    customer: { email, firstName: "Test", lastName: email.split("@")[0] },
    shippingAddress: { firstName: "Test", lastName: "Shopper", address1: "350 5th Ave", city: "New York", provinceCode: "NY", zip: "10118", country: "United States", countryCode: "US", latitude: 40.7484, longitude: -73.9857 },
    financialStatus: "PAID",
  });
  const { fulfillments } = await control<{ fulfillments: { id: string }[] }>("POST", "/fulfillments", { orderId: order.id });
  for (const f of fulfillments) await control("POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 2 * DAY).toISOString() });
  await control("POST", "/returns", { orderId: order.id, status: "REQUESTED", lines: [{ sku: TEE, quantity: 1, returnReason: reason }] });
  return order.name;
}

async function openQueue(query = ""): Promise<void> {
  await page.goto(`${stack.appUrl}/app/returns?shop=${stack.shop}${query ? `&${query}` : ""}`);
  await visible(page.getByRole("heading", { name: "Returns", level: 1 }), 90_000);
}

const rows = () => page.getByRole("table").locator("tbody tr");

beforeAll(async () => {
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultNavigationTimeout(90_000);
  await page.goto(`${stack.appUrl}/demo/login`);
  await page.waitForURL(/\/app\?/, { timeout: 60_000 });
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the returns desk", () => {
  const orders: Record<string, string> = {};

  it("lists returns made in Shopify, filters them by reason, and bulk-approves the selection", async () => {
    orders.color1 = await requestedReturn("an@example.com", "COLOR");
    orders.color2 = await requestedReturn("binh@example.com", "COLOR");
    orders.defective = await requestedReturn("chi@example.com", "DEFECTIVE");

    // The webhooks are processed in the background: reload until all three are in.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await openQueue("status=REQUESTED");
      if ((await page.getByRole("table").getByText(/^RMA-/).count()) >= 3) break;
      if (Date.now() > deadline) throw new Error("the returns did not arrive in the queue");
      await page.waitForTimeout(1_000);
    }

    await page.getByLabel("Reason").selectOption("DEFECTIVE");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/reason=DEFECTIVE/);
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(1);
    await visible(rows().filter({ hasText: orders.defective! }));

    await page.getByLabel("Reason").selectOption("COLOR");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/reason=COLOR/);
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(2);
    await visible(rows().filter({ hasText: orders.color2! }));
    await visible(rows().filter({ hasText: orders.color1! }));

    // The row's first cell holds its selection checkbox (Polaris draws its own box over the input).
    for (const name of [orders.color1!, orders.color2!]) await rows().filter({ hasText: name }).locator("td").first().click();
    await visible(page.getByText("2 selected"));
    await screenshot(page, ".cache/e2e-returns-selected.png");
    await page.getByRole("button", { name: "Approve selected" }).click();
    // Approving sends labels and emails: the queue asks first (issue 14).
    await page.getByRole("dialog").getByRole("button", { name: "Approve 2 returns" }).click();
    const banner = page.getByText("Bulk action done");
    await visible(banner, 60_000);
    const outcomes = await page.locator("li", { hasText: /^RMA-/ }).allTextContents();
    expect(outcomes).toHaveLength(2);
    for (const line of outcomes) expect(line).toMatch(/^RMA-[^:]+: approved$/);

    await openQueue("reason=COLOR");
    expect(await rows().filter({ hasText: "Approved" }).count()).toBe(2);
    const simulated = await state();
    for (const name of [orders.color1!, orders.color2!]) {
      const ret = simulated.orders.find((o) => o.name === name)!.returns[0]!;
      expect(ret.status).toBe("OPEN");
      expect(ret.reverseFulfillmentOrders[0]!.reverseDeliveries).toHaveLength(1);
    }
    await screenshot(page, ".cache/e2e-returns-queue.png");
  }, 240_000);

  it("approves a return on its page, then receives it with the item restocked at the chosen store", async () => {
    await openQueue("reason=DEFECTIVE");
    await rows().filter({ hasText: orders.defective! }).getByRole("link").first().click();
    await visible(page.getByRole("heading", { name: /^RMA-/, level: 1 }), 90_000);
    await visible(page.getByText("Policy checks"));
    // Counted with plurals ("1 other return", "2 other returns"), never "return(s)".
    await visible(page.getByText(/^\d+ other returns? by this customer in the last 90 days/));
    expect(await page.getByText(/\(s\)/).count()).toBe(0);
    await expectNoButton("Receive");

    await page.getByRole("button", { name: "Approve and send label" }).click();
    await visible(page.getByText("Return approved."), 60_000);
    // Under heavy load (CI) the page has once shown Decline next to "Return approved." (a race with
    // the returns/* webhook sync, not yet explained): reload until the stored status shows.
    await expectNoButtonEventually("Decline");

    const store = seed.locations.find((l) => l.isActive && l.localPickup)!;
    const storeId = (await state()).inventory.find((i) => i.location === store.name)!.locationId;
    const before = (await state()).inventory.find((i) => i.sku === TEE && i.locationId === storeId)?.on_hand ?? 0;

    await page.getByLabel("Received at").selectOption({ label: store.name });
    await page.getByRole("button", { name: "Receive", exact: true }).click();
    await visible(page.getByText("Return received."), 60_000);
    await visible(page.getByText(`Restocked at ${store.name}`));
    const timeline = page.getByRole("list", { name: "Timeline" });
    for (const step of ["Requested", "Approved", "Received"]) await visible(timeline.getByText(step, { exact: true }));

    const after = (await state()).inventory.find((i) => i.sku === TEE && i.locationId === storeId)!.on_hand;
    expect(after).toBe(before + 1);
    await visible(page.getByRole("button", { name: "Close return" }));
    await screenshot(page, ".cache/e2e-returns-detail.png");
  }, 240_000);
});

async function expectNoButtonEventually(name: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await page.getByRole("button", { name, exact: true }).count()) > 0 && Date.now() < deadline) {
    await page.waitForTimeout(1_000);
    await page.reload();
    await visible(page.getByRole("heading", { name: /^RMA-/, level: 1 }), 60_000);
  }
  await expectNoButton(name);
}

async function expectNoButton(name: string): Promise<void> {
  expect(await page.getByRole("button", { name, exact: true }).count()).toBe(0);
}
