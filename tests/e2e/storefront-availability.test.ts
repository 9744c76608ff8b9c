import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PICKUP_LOCATION_ATTRIBUTE } from "~/domain/availability";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { startStack, type Stack } from "../../scripts/stack";
import { launchBrowser, visible, type Browser } from "../support/browser";

// The theme app extension's block in Debian's Chromium, on the storefront harness of the demo
// (/demo/storefront: the block's real Liquid rendered by liquidjs, /apps/crossdock/* forwarded to
// the app signed as Shopify's proxy signs it, /cart/update.js emulated), against the real app on
// PostgreSQL and the simulator seeded with the demo shop.
const now = new Date("2026-11-20T12:00:00Z");
const seed = buildDemoShop({ now });
const STATUS_TEXT = { in_stock: "In stock", low_stock: "Low stock", out_of_stock: "Out of stock" } as const;
const BLOCK_THRESHOLD = 3; // the block's default low-stock threshold; the demo shop has no buffer

let stack: Stack;
let browser: Browser;

interface StateLevel {
  sku: string | null;
  locationId: string;
  location: string;
  available: number;
}
interface State {
  locations: { id: string; name: string; isActive: boolean; localPickup: unknown }[];
  inventory: StateLevel[];
}

async function simulatorState(): Promise<State> {
  return (await (await fetch(`${stack.simulator.url}/_control/shops/${stack.shop}/state`)).json()) as State;
}

function statusOf(available: number): keyof typeof STATUS_TEXT {
  if (available <= 0) return "out_of_stock";
  return available <= BLOCK_THRESHOLD ? "low_stock" : "in_stock";
}

/** A product with two variants whose status differs at an active pickup store. */
async function pickCase() {
  const state = await simulatorState();
  const stores = state.locations.filter((l) => l.isActive && l.localPickup);
  for (const product of seed.products.filter((p) => p.status === "ACTIVE" && p.variants.length >= 2)) {
    const [a, b] = product.variants as [(typeof product.variants)[0], (typeof product.variants)[0]];
    for (const store of stores) {
      const level = (sku: string) => state.inventory.find((l) => l.sku === sku && l.locationId === store.id)?.available ?? 0;
      if (statusOf(level(a.sku)) !== statusOf(level(b.sku)) && statusOf(level(a.sku)) !== "out_of_stock") {
        return { product, a, b, store, statusA: statusOf(level(a.sku)), statusB: statusOf(level(b.sku)) };
      }
    }
  }
  throw new Error("the demo seed has no product whose variants differ at a pickup store");
}

async function variantLegacyId(sku: string): Promise<string> {
  const response = await fetch(`${stack.simulator.url}/shops/${stack.shop}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": await token() },
    body: JSON.stringify({ query: `query V($q: String!) { productVariants(first: 1, query: $q) { nodes { legacyResourceId } } }`, variables: { q: `sku:${sku}` } }),
  });
  const body = (await response.json()) as { data: { productVariants: { nodes: { legacyResourceId: string }[] } } };
  return body.data.productVariants.nodes[0]!.legacyResourceId;
}

let accessToken: string | undefined;
async function token(): Promise<string> {
  if (accessToken) return accessToken;
  const { prisma } = await import("~/db.server");
  const session = await prisma.session.findUniqueOrThrow({ where: { id: `offline_${stack.shop}` } });
  accessToken = session.accessToken;
  return accessToken;
}

beforeAll(async () => {
  stack = await startStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
  // The harness installs the demo shop (session, locations, stock) on its first page.
  const index = await fetch(`${stack.appUrl}/demo/storefront/`);
  expect(index.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the pickup availability block on the storefront harness", () => {
  it("shows live stock per store and follows variant changes, without layout shift", async () => {
    const c = await pickCase();
    const [idA, idB] = [await variantLegacyId(c.a.sku), await variantLegacyId(c.b.sku)];
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) w.__cls += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/availability?")) requests.push(r.url());
    });
    await page.goto(`${stack.appUrl}/demo/storefront/products/${c.product.handle}?variant=${idA}&setting.store_count=10`, { timeout: 60_000 });

    const row = page.locator(".cdx__store", { hasText: c.store.name });
    await visible(row, 30_000);
    await visible(row.getByText(STATUS_TEXT[c.statusA], { exact: true }));
    await visible(page.getByRole("status").getByText(/In stock at \d+ of \d+ stores\./));
    expect(requests[0]).toContain(`variant=${idA}`);
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);

    await page.getByLabel("Variant").selectOption(idB);
    await visible(row.getByText(STATUS_TEXT[c.statusB], { exact: true }));
    expect(requests.at(-1)).toContain(`variant=${idB}`);
    expect(page.url()).toContain(`variant=${idB}`);
    // Out-of-stock or pickup-less stores cannot be chosen.
    const radio = row.getByRole("radio");
    expect(await radio.isDisabled()).toBe(c.statusB === "out_of_stock");
  });

  it("lists the nearest stores first from a postal code or the browser's position", async () => {
    const soho = seed.locations.find((l) => l.key === "store-soho")!;
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}`, { timeout: 60_000 });
    await visible(page.locator(".cdx__store").first(), 30_000);
    await page.getByLabel("Postal code").fill(soho.address.zip);
    await page.getByRole("button", { name: "Find stores" }).click();
    await expect.poll(() => page.locator(".cdx__store .cdx__name").first().textContent(), { timeout: 10_000 }).toBe(soho.name);
    await visible(page.locator(".cdx__store").first().getByText(/ km$/));

    const hanoi = seed.locations.find((l) => l.key === "store-hoan-kiem")!;
    await browser.context.grantPermissions(["geolocation"]);
    await browser.context.setGeolocation({ latitude: hanoi.address.latitude, longitude: hanoi.address.longitude });
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect.poll(() => page.locator(".cdx__store .cdx__name").first().textContent(), { timeout: 10_000 }).toBe(hanoi.name);
  });

  it("writes the chosen pickup store to the cart attribute, by keyboard, and remembers it", async () => {
    const state = await simulatorState();
    const c = await pickCase();
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/demo/storefront/products/${c.product.handle}?variant=${await variantLegacyId(c.a.sku)}&setting.store_count=10`, { timeout: 60_000 });
    const radio = page.getByRole("radio", { name: new RegExp(c.store.name) });
    await visible(radio, 30_000);
    await radio.focus();
    await page.keyboard.press("Space");
    await visible(page.getByRole("status").getByText(`Pickup store: ${c.store.name}.`, { exact: false }));

    const cart = await page.evaluate(async () => (await fetch("/demo/storefront/cart.js")).json());
    const storeId = state.locations.find((l) => l.name === c.store.name)!.id;
    expect(storeId).toMatch(/^gid:\/\/shopify\/Location\/\d+$/);
    expect(cart.attributes).toEqual({ [PICKUP_LOCATION_ATTRIBUTE]: storeId });

    await page.reload();
    await visible(page.getByRole("radio", { name: new RegExp(c.store.name) }), 30_000);
    await expect.poll(() => page.getByRole("radio", { name: new RegExp(c.store.name) }).isChecked(), { timeout: 10_000 }).toBe(true);
  });

  it("speaks the shopper's language (vi, zh-CN)", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}?locale=vi`, { timeout: 60_000 });
    await visible(page.getByRole("heading", { name: "Nhận hàng tại cửa hàng" }));
    await visible(page.getByRole("button", { name: "Dùng vị trí của tôi" }));
    await visible(page.getByRole("status").getByText(/Còn hàng tại \d+ trên \d+ cửa hàng\./), 30_000);
    await page.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}?locale=zh-CN`);
    await visible(page.getByRole("heading", { name: "门店自提" }));
  });

  it("shows a useful fallback when the app cannot be reached, and recovers", async () => {
    const page = await browser.context.newPage();
    // What Shopify's proxy answers when the app is down.
    await page.route("**/apps/crossdock/**", (route) => route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad Gateway</h1>" }));
    await page.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}`, { timeout: 60_000 });
    await visible(page.getByRole("status").getByText("Store availability can't be shown right now. You can still choose pickup at checkout."), 30_000);
    const retry = page.getByRole("button", { name: "Try again" });
    await visible(retry);
    await page.unroute("**/apps/crossdock/**");
    await retry.click();
    await visible(page.locator(".cdx__store").first(), 30_000);
    expect(await retry.isHidden()).toBe(true);
  });

  it("falls back when the app process is really gone", async () => {
    const c = await pickCase();
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/demo/storefront/products/${c.product.handle}?variant=${await variantLegacyId(c.a.sku)}`, { timeout: 60_000 });
    await visible(page.locator(".cdx__store").first(), 30_000);
    await stack.app.stop();
    await page.getByLabel("Variant").selectOption(await variantLegacyId(c.b.sku));
    await visible(page.getByRole("status").getByText(/can't be shown right now/), 30_000);
    await visible(page.getByRole("button", { name: "Try again" }));
    await page.screenshot({ path: ".cache/e2e-storefront-fallback.png" });
  });
});
