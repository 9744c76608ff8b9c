import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { startStack, type Stack } from "../../scripts/stack";
import { launchBrowser, visible, type Browser } from "../support/browser";

// The demo as a person uses it: a real browser, the real app (Vite dev server, demo mode) on real
// PostgreSQL, the simulator seeded with the demo shop.
const now = new Date("2026-11-20T12:00:00Z");
const seed = buildDemoShop({ now });
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("admin in demo mode", () => {
  it("signs in from the landing page and lists the shop's locations, read through the simulator", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole("button", { name: "Open the demo admin" }).click();
    // The first admin page compiles on demand in the dev server: allow for a cold start.
    await page.waitForURL(/\/app\?/, { timeout: 60_000 });
    await visible(page.getByRole("heading", { level: 1, name: seed.shop.name }), 60_000);

    await page.getByRole("link", { name: "Locations", exact: true }).click();
    await page.waitForURL(/\/app\/locations/, { timeout: 60_000 });
    const table = page.getByRole("table");
    await table.waitFor({ timeout: 60_000 });
    for (const location of seed.locations) {
      await visible(table.getByText(location.name, { exact: true }));
    }
    const rows = await table.locator("tbody tr").count();
    expect(rows).toBe(seed.locations.length);

    // Address, coordinates and pickup settings of one pickup store, as the seed defines them.
    const store = seed.locations.find((l) => l.localPickup && l.isActive)!;
    const row = table.locator("tbody tr", { hasText: store.name });
    await visible(row.getByText(store.address.address1));
    await visible(row.getByText(`${store.address.latitude.toFixed(4)}, ${store.address.longitude.toFixed(4)}`));
    await visible(row.getByText(store.localPickup!.instructions));

    const inactive = seed.locations.find((l) => !l.isActive);
    if (inactive) {
      await visible(table.locator("tbody tr", { hasText: inactive.name }).getByText("Inactive"));
    }
    await page.screenshot({ path: ".cache/e2e-locations.png", fullPage: true });
  });

  it("reflects a location renamed in Shopify on the next visit", async () => {
    const target = seed.locations[0]!;
    const page = await browser.context.newPage();
    const id = await findLocationId(target.name);
    const renamed = `${target.name} (renamed)`;
    const patch = await fetch(`${stack.simulator.url}/_control/shops/${stack.shop}/locations/${encodeURIComponent(id)}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: renamed }),
    });
    expect(patch.status).toBe(200);
    await page.goto(`${stack.appUrl}/app/locations?shop=${stack.shop}`);
    await visible(page.getByRole("table").getByText(renamed, { exact: true }));
  });
});

describe("per-location routing settings", () => {
  it("edits a location's kind, priority, capacity, buffer and tags, refusing bad values with a message", async () => {
    const page = await browser.context.newPage();
    const target = seed.locations.find((l) => l.isActive && l.localPickup)!;
    await page.goto(`${stack.appUrl}/app/locations?shop=${stack.shop}`);
    await page.getByRole("link", { name: `Routing settings of ${target.name}` }).click();
    await visible(page.getByRole("heading", { name: target.name }), 30_000);

    await page.getByLabel("Priority").fill("-5");
    await page.getByRole("button", { name: "Save" }).click();
    await visible(page.getByText("The settings were not saved"));

    await page.getByLabel("Kind").selectOption("STORE");
    await page.getByLabel("Priority").fill("1");
    await page.getByLabel("Daily capacity (orders)").fill("40");
    await page.getByLabel("Stock buffer (units per product)").fill("2");
    await page.getByLabel("Tags").fill("flagship, manhattan");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/app\/locations$/, { timeout: 30_000 });
    const row = page.getByRole("table").locator("tbody tr", { hasText: target.name });
    await visible(row.getByText("Store", { exact: true }));

    await row.getByRole("link").click();
    await visible(page.getByRole("heading", { name: target.name }), 30_000);
    expect(await page.getByLabel("Daily capacity (orders)").inputValue()).toBe("40");
    expect(await page.getByLabel("Tags").inputValue()).toBe("flagship, manhattan");
  });
});

async function findLocationId(name: string): Promise<string> {
  const state = (await (await fetch(`${stack.simulator.url}/_control/shops/${stack.shop}/state`)).json()) as {
    locations?: { id: string; name: string }[];
  };
  const found = state.locations?.find((l) => l.name === name);
  if (!found) throw new Error(`location ${name} not in the simulator state: ${JSON.stringify(state).slice(0, 500)}`);
  return found.id;
}
