import { revokeExpiringTokens } from "../../simulator/store/access-tokens";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { startBuiltStack, type Stack } from "../support/built-stack";
import { launchBrowser, toastAfterDialog, visible, type Browser, screenshot } from "../support/browser";

// Issue #3's Activity page as staff use it, in Debian's Chromium against the real app (in-process
// job driver, PostgreSQL) and the simulator. Shopify stops accepting Crossdock's access token (an
// expired or revoked offline token): the next new order and location change cannot be processed,
// are retried, and land in the failed list with Shopify's answer. Staff see them with their error,
// attempts and the counts, filter, renew the access by opening Crossdock again, press Retry on the
// order (it is routed) and Discard the location change (it leaves the failed list).
const now = new Date("2026-11-20T12:00:00Z");
const seed = buildDemoShop({ now });
const MAX_ATTEMPTS = 2;

let stack: Stack;
let browser: Browser;
let page: Page;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.simulator.url}/_control${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** The number on one of the count cards at the top of the page. */
async function count(label: string): Promise<number> {
  const value = page.getByRole("heading", { name: label, exact: true }).locator("xpath=following-sibling::p[1]");
  return Number(await value.textContent());
}

/** Reloads the page until the condition holds (staff would press reload, or wait for the page's own refresh). */
async function until(ok: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByRole("heading", { name: "Activity", level: 1 }).waitFor({ timeout: 30_000 });
  }
}

function rowOf(event: string): Locator {
  return page.getByRole("row").filter({ hasText: event });
}

beforeAll(async () => {
  stack = await startBuiltStack({
    databaseUrl: process.env.DATABASE_URL,
    now,
    // Fail fast: two attempts, half a second apart (the defaults take minutes to give up).
    env: { JOBS_MAX_ATTEMPTS: String(MAX_ATTEMPTS), JOBS_BACKOFF_MS: "500" },
  });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  // Allow for a busy machine.
  page.setDefaultNavigationTimeout(90_000);
  await page.goto(`${stack.appUrl}/demo/login`);
  await page.waitForURL(/\/app\?/, { timeout: 60_000 });
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the Activity page", () => {
  it("shows failed jobs with their error, attempts and counts; Retry succeeds once the cause is fixed; Discard asks, then gives a job up", async () => {
    await page.getByRole("link", { name: "Activity", exact: true }).click();
    await page.waitForURL(/\/app\/activity/, { timeout: 60_000 });
    await visible(page.getByRole("heading", { name: "Activity", level: 1 }), 60_000);
    const failedBefore = await count("Failed");

    // Shopify no longer accepts the access token Crossdock holds for the shop.
    // (its expiring token and the refresh token too: Crossdock would otherwise renew it and succeed).
    const simShop = stack.simulator.store.requireShop(stack.shop);
    simShop.tokens.clear();
    revokeExpiringTokens(simShop);

    // A new order (routing reads it from the Admin API) and a location change (Crossdock re-reads
    // the locations) arrive as webhooks; both need the Admin API and fail.
    const sku = seed.products.find((p) => p.status === "ACTIVE" && !p.tags.includes("bulky"))!.variants[0]!.sku;
    const created = await control<{ order: { id: string; name: string } }>("POST", `/shops/${stack.shop}/orders`, {
      lines: [{ sku, quantity: 1 }],
      email: "ada@example.com",
      shippingAddress: { address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US", latitude: 37.7936, longitude: -122.3958, firstName: "Ada", lastName: "Lee" },
    });
    const { locations } = await control<{ locations: { id: string; name: string }[] }>("GET", `/shops/${stack.shop}/state`);
    const renamed = locations.find((l) => l.name === "Reno Fulfillment Center")!;
    await control("PATCH", `/shops/${stack.shop}/locations/${encodeURIComponent(renamed.id)}`, { name: "Reno Fulfillment Center (North)" });

    // Both end in the failed list after their attempts.
    const failed = async (event: string) => (await rowOf(event).getByText("Failed", { exact: true }).count()) === 1;
    await until(async () => (await failed("New order")) && (await failed("Location changed")), "the order and the location change to fail");
    expect(await count("Failed")).toBeGreaterThanOrEqual(failedBefore + 2);
    await screenshot(page, ".cache/e2e-activity-failed.png");
    const order = rowOf("New order");
    // Shopify's answer, what it means for staff, and how many attempts were made.
    expect(await order.textContent()).toContain("access token cannot be renewed");
    await visible(order.getByText("Shopify did not accept Crossdock's access to your store. Open Crossdock from your Shopify admin to renew it, then retry."));
    const attemptsColumn = (await page.getByRole("columnheader").allTextContents()).indexOf("Attempts");
    expect(attemptsColumn).toBeGreaterThan(0);
    // A refused token is not retried: a retry would send the same token.
    expect((await order.getByRole("cell").nth(attemptsColumn).textContent())?.trim()).toBe("1");

    // Filter: only new orders.
    await page.getByRole("button", { name: "Event" }).click();
    await page.getByRole("radio", { name: "New order" }).locator("xpath=ancestor::label[1]").click();
    await page.waitForURL(/topic=orders%2Fcreate/);
    await page.keyboard.press("Escape");
    await visible(page.getByText("Event: New order"));
    await expect.poll(() => rowOf("Location changed").count()).toBe(0);
    await visible(rowOf("New order"));

    // Staff open Crossdock again, which renews its access, and come back to the failed order.
    await screenshot(page, ".cache/e2e-activity-filtered.png");
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole("button", { name: "Open the demo admin" }).click();
    await page.waitForURL(/\/app\?/, { timeout: 60_000 });
    await page.getByRole("link", { name: "Activity", exact: true }).click();
    await visible(page.getByRole("heading", { name: "Activity", level: 1 }), 60_000);
    await rowOf("New order").getByRole("button", { name: /^Retry New order/ }).click();
    await visible(page.getByText("1 job sent to retry"));
    // The page refreshes itself until the job is done.
    await visible(rowOf("New order").getByText("Done", { exact: true }), 60_000);
    expect(await rowOf("New order").textContent()).not.toContain("access token cannot be renewed");
    expect(await rowOf("New order").getByRole("button", { name: /^Retry/ }).count()).toBe(0);

    // The order was routed: its decision is in the routing log.
    await page.goto(`${stack.appUrl}/app/routing/log`);
    await visible(page.getByRole("row", { name: new RegExp(`^${created.order.name}\\b`) }).filter({ hasText: "Applied" }).first(), 30_000);

    // Discard the location change: a confirmation first, then it leaves the failed list.
    await page.goto(`${stack.appUrl}/app/activity?status=FAILED`);
    const location = rowOf("Location changed");
    await visible(location);
    const failedNow = await count("Failed");
    await location.getByRole("button", { name: /^Discard Location changed/ }).click();
    const dialog = page.getByRole("dialog");
    await visible(dialog.getByText("Discard this failed job?"));
    await screenshot(page, ".cache/e2e-activity-discard.png");
    // Cancel keeps it.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await location.count()).toBe(1);
    // Pressing a row's button does not select the row as well.
    expect(await location.getByRole("checkbox").isChecked()).toBe(false);
    await location.getByRole("button", { name: /^Discard Location changed/ }).click();
    await dialog.getByRole("button", { name: "Discard", exact: true }).click();
    await toastAfterDialog(page, "1 job discarded");
    await expect.poll(() => rowOf("Location changed").count(), { timeout: 10_000 }).toBe(0);
    expect(await count("Failed")).toBe(failedNow - 1);

    await page.goto(`${stack.appUrl}/app/activity?status=DISCARDED`);
    await visible(rowOf("Location changed").getByText("Discarded", { exact: true }), 30_000);
  }, 240_000);
  it("names every event for merchants, in the staff member's language, on a phone and on a desktop", async () => {
    // A shipped order whose customer asks for a return in Shopify: a returns topic (named on the
    // page since the topic registry gave every topic a label).
    const sku = seed.products.find((p) => p.status === "ACTIVE" && !p.tags.includes("bulky"))!.variants[0]!.sku;
    const placed = await control<{ order: { id: string } }>("POST", `/shops/${stack.shop}/orders`, {
      lines: [{ sku, quantity: 1 }],
      email: "bo@example.com",
      shippingAddress: { address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US", firstName: "Bo", lastName: "Tran" },
    });
    await control("POST", `/shops/${stack.shop}/fulfillments`, { orderId: placed.order.id });
    await control("POST", `/shops/${stack.shop}/returns`, { orderId: placed.order.id, status: "REQUESTED" });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${stack.appUrl}/app/activity`);
    await until(async () => (await rowOf("Return requested").count()) > 0, "the return request to arrive");
    // Every row's event has a name: the bold text is never the topic code shown below it.
    const rows = page.getByRole("row").filter({ has: page.locator("td") });
    expect(await rows.count()).toBeGreaterThan(2);
    for (const row of await rows.all()) {
      const [name, code] = await row.locator("td").nth(1).locator("span").allTextContents();
      expect(name, `${code} has a name`).not.toMatch(/^[a-z_]+\/[a-z_]+$/);
      expect(name).not.toBe(code);
    }
    await screenshot(page, ".cache/e2e-activity-named-desktop.png");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, ".cache/e2e-activity-named-390.png");

    // In Vietnamese (Shopify admin's `locale` parameter): the events' names are translated.
    await page.goto(`${stack.appUrl}/app/activity?locale=vi`);
    await visible(rowOf("Yêu cầu trả hàng"), 30_000);
    await visible(rowOf("Đơn hàng mới").first());
    await screenshot(page, ".cache/e2e-activity-named-vi-390.png");
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 180_000);
});
