import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltStack, type Stack } from "../support/built-stack";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";

// The routing rules page and the routing simulator, as staff use them, in Debian's Chromium.
let stack: Stack;
let browser: Browser;
let page: Page;
const NOW = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL, now: NOW });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(`${stack.appUrl}/demo/login`);
  await page.waitForURL(/\/app\?/, { timeout: 60_000 });
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const ruleNames = () => page.locator('ol[aria-label="Routing rules"] > li h3').allTextContents();

describe("routing rules page", () => {
  it("shows the default rules and reorders them with the buttons", async () => {
    await page.goto(`${stack.appUrl}/app/routing`);
    await visible(page.getByRole("heading", { name: "Rules, in order" }), 60_000);
    expect(await ruleNames()).toEqual(["Stock buffer", "Daily capacity", "Fewest shipments", "Closest"]);
    await page.getByRole("button", { name: "Move Closest up" }).click();
    await expect.poll(ruleNames, { timeout: 10_000 }).toEqual(["Stock buffer", "Daily capacity", "Closest", "Fewest shipments"]);
  });

  it("adds a rule, edits its settings, switches rules off, and says why a bad value is refused", async () => {
    await page.getByLabel("Add a rule").selectOption("product-tag-routing");
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect.poll(ruleNames, { timeout: 10_000 }).toContain("Product-tag routing");
    await visible(page.getByText("bulky → only from warehouses"));

    await page.getByLabel("Units kept back").fill("2");
    await page.getByRole("button", { name: "Save Stock buffer" }).click();
    await visible(page.getByText("2 unit(s) kept back where a location has no buffer of its own"));

    await page.getByLabel("Units kept back").fill("-1");
    await page.getByRole("button", { name: "Save Stock buffer" }).click();
    await visible(page.getByText("The rules were not changed"));

    // Product types round-trip through the editor (the save reads them; the editor once had no field
    // for them, so saving dropped them), and types alone are a valid rule.
    await page.getByLabel("Product tags").fill("");
    await page.getByLabel("Product types").fill("Furniture, Rugs");
    // "Only from kinds" offers the location kinds as checkboxes (it was free text); ticking Stores saves both.
    expect(await page.getByRole("group", { name: "Only from kinds" }).getByRole("checkbox").count()).toBe(2);
    expect(await page.getByRole("checkbox", { name: "Warehouses" }).isChecked()).toBe(true);
    await page.getByRole("group", { name: "Only from kinds" }).getByText("Stores", { exact: true }).click();
    await page.getByRole("button", { name: "Save Product-tag routing" }).click();
    await visible(page.getByText("Furniture, Rugs → only from warehouses, stores"));
    await expect.poll(() => page.getByLabel("Product types").inputValue()).toBe("Furniture, Rugs");
    expect(await page.getByRole("checkbox", { name: "Stores" }).isChecked()).toBe(true);
    for (const [width, name] of [[390, "390"], [1280, "desktop"]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `.cache/screenshots/admin-routing-rules-${name}.png`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("button", { name: "Turn off Daily capacity" }).click();
    await visible(page.getByRole("button", { name: "Turn on Daily capacity" }));

    // The saved rules survive a reload.
    await page.reload();
    expect(await ruleNames()).toEqual(["Stock buffer", "Daily capacity", "Closest", "Fewest shipments", "Product-tag routing"]);
    await visible(page.getByText("2 unit(s) kept back where a location has no buffer of its own"));
    await visible(page.getByText("Furniture, Rugs → only from warehouses, stores"));
  });

  it("speaks the staff member's language (Shopify admin's locale): the page, every rule, its fields and summary", async () => {
    await page.goto(`${stack.appUrl}/app/routing?locale=vi`);
    await visible(page.getByRole("heading", { name: "Các quy tắc, theo thứ tự" }), 60_000);
    expect(await page.locator('ol[aria-label="Quy tắc định tuyến"] > li h3').allTextContents()).toEqual([
      "Tồn kho dự phòng",
      "Công suất mỗi ngày",
      "Gần nhất",
      "Ít kiện hàng nhất",
      "Định tuyến theo thẻ sản phẩm",
    ]);
    await visible(page.getByText("Furniture, Rugs → chỉ gửi từ kho hàng, cửa hàng"));
    expect(await page.getByRole("checkbox", { name: "Cửa hàng" }).isChecked()).toBe(true);
    await visible(page.getByRole("button", { name: "Lưu Tồn kho dự phòng" }));
    for (const [width, name] of [[390, "390"], [1280, "desktop"]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `.cache/screenshots/admin-routing-rules-vi-${name}.png`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe("routing simulator page", () => {
  it("routes a recent order with two strategies, explains every location, and compares on recent orders", async () => {
    await page.goto(`${stack.appUrl}/app/routing/simulator`);
    await page.getByLabel("Strategy B").first().selectOption("shopify-default");
    await page.getByRole("button", { name: "Simulate this order" }).click();
    await visible(page.getByRole("heading", { name: "Your routing rules", exact: true }), 30_000);
    await visible(page.getByRole("heading", { name: "Shopify's default (fewest locations, then closest)" }));
    // Each strategy's plan counts its parcels, with proper plurals ("1 parcel", "2 parcels"; never "parcel(s)").
    expect(await page.getByText(/^\d+ parcels?$/).count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText(/\(s\)/).count()).toBe(0);
    expect(await page.locator("svg[role=img] title").first().textContent()).toMatch(/^Map of /);
    await visible(page.getByRole("heading", { name: /^Why: every location/ }));

    // Forty Admin API reads in a row: the simulator's throttling makes the app wait, as Shopify would.
    await page.getByRole("button", { name: "Compare" }).click();
    await visible(page.getByText(/orders compared as if they arrived today/), 100_000);
    const rows = page.locator("table").last().locator("tbody tr");
    expect(await rows.count()).toBe(2);
  }, 120_000);

  it("routes a typed cart: two items found by SKU, an address, a refused quantity kept as typed, then the plan", async () => {
    // Two apparel items the same seed stocks; only Reno holds them, so every sensible plan ships from Reno.
    const products = buildDemoShop({ now: NOW }).products.filter((p) => p.status === "ACTIVE" && !p.tags.includes("bulky"));
    const [skuA, skuB] = [products[0]!.variants[0]!.sku, products[1]!.variants[0]!.sku];
    const state = (await (await fetch(`${stack.simulator.url}/_control/shops/${stack.shop}/state`)).json()) as { locations: { id: string; name: string }[] };
    const changes = state.locations.flatMap((l) => [skuA, skuB].map((sku) => ({ sku, locationId: l.id, name: "available", quantity: l.name === "Reno Fulfillment Center" ? 10 : 0 })));
    const stocked = await fetch(`${stack.simulator.url}/_control/shops/${stack.shop}/inventory`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ changes }) });
    expect(stocked.status).toBe(200);

    await page.goto(`${stack.appUrl}/app/routing/simulator`);
    await page.getByRole("tab", { name: "Custom cart" }).click();
    await page.waitForURL(/mode=custom/);
    const search = page.getByLabel("Find a product or SKU");
    for (const sku of [skuA, skuB]) {
      await search.fill(sku);
      await search.press("Enter");
      const add = page.getByRole("button", { name: new RegExp(`^Add .*${sku}$`) });
      await visible(add, 30_000);
      await add.click();
      await visible(page.getByRole("list", { name: "Cart" }).getByLabel(new RegExp(`^Quantity of .*${sku}$`)), 30_000);
    }
    await page.getByLabel("Country code").fill("US");
    await page.getByLabel("City").fill("San Francisco");
    await page.getByLabel("Postal code").fill("94105");

    // Quantity 0 is refused beside the field (422), and everything typed stays.
    await page.getByLabel(new RegExp(`^Quantity of .*${skuA}$`)).fill("0");
    const refused = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/app/routing/simulator"));
    await page.getByRole("button", { name: "Preview this cart" }).click();
    expect((await refused).status()).toBe(422);
    await visible(page.getByText("Quantity must be at least 1"), 30_000);
    expect(await page.getByLabel("Postal code").inputValue()).toBe("94105");
    expect(await page.getByLabel("City").inputValue()).toBe("San Francisco");
    expect(await page.getByRole("list", { name: "Cart" }).locator("li").count()).toBe(2);

    await page.getByLabel(new RegExp(`^Quantity of .*${skuA}$`)).fill("2");
    await page.getByRole("button", { name: "Preview this cart" }).click();
    await visible(page.getByRole("heading", { name: "Your routing rules", exact: true }), 30_000);
    await visible(page.getByText(/^Destination: San Francisco, 94105, US: placed near your locations/));
    const firstPlan = page.locator("table").first();
    expect(await firstPlan.locator("tbody tr").allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^Reno Fulfillment Center.*${skuA}2$`)),
      expect.stringMatching(new RegExp(`^Reno Fulfillment Center.*${skuB}1$`)),
    ]);
    expect(await page.locator("svg[role=img] title").first().textContent()).toBe("Map of Your routing rules for the custom cart");
    await visible(page.getByRole("heading", { name: "Why: every location under Your routing rules" }));
    expect(await page.getByLabel("Postal code").inputValue()).toBe("94105");
  }, 120_000);
});
