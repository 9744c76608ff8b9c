import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { startBuiltStack, type Stack } from "../support/built-stack";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";

// The demo as a person uses it: a real browser, the real app (the production build, demo mode) on real
// PostgreSQL, the simulator seeded with the demo shop.
const now = new Date("2026-11-20T12:00:00Z");
const seed = buildDemoShop({ now });
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("admin in demo mode", () => {
  // A busy machine: the test's own time allows for its 60 s waits.
  it("signs in from the landing page and lists the shop's locations, read through the simulator", { timeout: 150_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole("button", { name: "Open the demo admin" }).click();
    // Allow for a busy machine.
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
    await screenshot(page, ".cache/e2e-locations.png");
  });

  it("reflects a location renamed in Shopify once Shopify's locations/update arrives (the page reads Crossdock's copy)", async () => {
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
    // The webhook is processed in the background: reload until the copy has it.
    await expect
      .poll(async () => {
        await page.goto(`${stack.appUrl}/app/locations?shop=${stack.shop}`);
        return page.getByRole("table").getByText(renamed, { exact: true }).count();
      }, { timeout: 30_000 })
      .toBe(1);
  });

  it("Refresh from Shopify reads every location again and says so", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/app/locations?shop=${stack.shop}`);
    await page.getByRole("button", { name: "Refresh from Shopify" }).click();
    await visible(page.getByText(`Refreshed from Shopify: ${seed.locations.length} locations.`), 30_000);
    expect(await page.getByRole("table").locator("tbody tr").count()).toBe(seed.locations.length);
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
    // The page stays, says so in a toast, and the bad value's message is gone.
    await visible(page.getByText("Routing settings saved"), 30_000);
    expect(await page.getByText("The settings were not saved").count()).toBe(0);
    await page.getByRole("link", { name: "Locations" }).first().click();
    await page.waitForURL(/\/app\/locations$/, { timeout: 30_000 });
    const row = page.getByRole("table").locator("tbody tr", { hasText: target.name });
    await visible(row.getByText("Store", { exact: true }));

    await row.getByRole("link").click();
    await visible(page.getByRole("heading", { name: target.name }), 30_000);
    expect(await page.getByLabel("Daily capacity (orders)").inputValue()).toBe("40");
    expect(await page.getByLabel("Tags").inputValue()).toBe("flagship, manhattan");
  });

  // Issue 14 item 4: a location that cannot take orders for now is paused by staff and routed around.
  const words = {
    en: { pause: "Pause routing here", confirm: "Pause routing", note: "Note (optional)", paused: "Routing paused", resume: "Resume routing", resumed: "Routing resumed at", save: "Save", priority: "Priority", problem: "Priority: enter 0 or more." },
    vi: { pause: "Tạm dừng định tuyến tại đây", confirm: "Tạm dừng định tuyến", note: "Ghi chú (không bắt buộc)", paused: "Đã tạm dừng định tuyến", resume: "Tiếp tục định tuyến", resumed: "Đã tiếp tục định tuyến tại", save: "Lưu", priority: "Mức ưu tiên", problem: "Mức ưu tiên: hãy nhập từ 0 trở lên." },
  } as const;
  for (const locale of ["en", "vi"] as const) {
    it(`pauses routing at a store after a confirmation, shows it on the list, and resumes it (${locale})`, { timeout: 180_000 }, async () => {
      const w = words[locale];
      const target = seed.locations.filter((l) => l.isActive && l.localPickup)[locale === "en" ? 0 : 1]!;
      const page = await browser.context.newPage();
      const list = `${stack.appUrl}/app/locations?shop=${stack.shop}&locale=${locale}`;
      await page.goto(list);
      const href = await page.getByRole("table").locator("tbody tr", { hasText: target.name }).getByRole("link").getAttribute("href");
      const detail = `${stack.appUrl}${href}?shop=${stack.shop}&locale=${locale}`;
      await page.goto(detail);
      await visible(page.getByRole("heading", { level: 1, name: target.name }), 30_000);

      // A bad value is said in the staff member's words.
      await page.getByLabel(w.priority).fill("-1");
      await page.getByRole("button", { name: w.save, exact: true }).click();
      await visible(page.getByText(w.problem), 30_000);

      // Cancel changes nothing; confirming with a note pauses.
      await page.getByRole("button", { name: w.pause }).click();
      const dialog = page.getByRole("dialog");
      await visible(dialog);
      await dialog.getByLabel(w.note).fill("Flooded");
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        await screenshot(page, `.cache/e2e-location-pause-confirm-${locale}-${width}.png`, { fullPage: false });
      }
      await dialog.getByRole("button", { name: w.confirm, exact: true }).click();
      await visible(page.getByText(w.paused).first(), 30_000);
      await visible(page.getByText("Flooded").first());
      await visible(page.getByRole("button", { name: w.resume }));
      // The unsaved settings keep their message: pausing is a separate action.
      await visible(page.getByText(w.problem));
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        await screenshot(page, `.cache/e2e-location-paused-${locale}-${width}.png`);
      }

      await page.goto(list);
      const row = page.getByRole("table").locator("tbody tr", { hasText: target.name });
      await visible(row.getByText(w.paused), 30_000);
      expect(await page.getByRole("table").getByText(w.paused).count()).toBe(1);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        await screenshot(page, `.cache/e2e-locations-paused-${locale}-${width}.png`);
      }

      await page.goto(detail);
      await page.getByRole("button", { name: w.resume }).click();
      await visible(page.getByText(`${w.resumed} ${target.name}`), 30_000);
      await visible(page.getByRole("button", { name: w.pause }));
      await page.goto(list);
      await visible(page.getByRole("table"), 30_000);
      expect(await page.getByRole("table").getByText(w.paused).count()).toBe(0);
      await page.close();
    });
  }
});

async function findLocationId(name: string): Promise<string> {
  const state = (await (await fetch(`${stack.simulator.url}/_control/shops/${stack.shop}/state`)).json()) as {
    locations?: { id: string; name: string }[];
  };
  const found = state.locations?.find((l) => l.name === name);
  if (!found) throw new Error(`location ${name} not in the simulator state: ${JSON.stringify(state).slice(0, 500)}`);
  return found.id;
}
