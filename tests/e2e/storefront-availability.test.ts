import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PICKUP_LOCATION_ATTRIBUTE } from "~/domain/availability";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { startBuiltStack, type Stack } from "../support/built-stack";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";

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

type SeedVariant = (typeof seed.products)[number]["variants"][number];
type Status = ReturnType<typeof statusOf>;

/** The first (product with two variants, active pickup store) whose two statuses there pass `wanted`. */
async function findVariantPair(wanted: (statusA: Status, statusB: Status) => boolean, missing: string) {
  const state = await simulatorState();
  const stores = state.locations.filter((l) => l.isActive && l.localPickup);
  for (const product of seed.products.filter((p) => p.status === "ACTIVE" && p.variants.length >= 2)) {
    const [a, b] = product.variants as [SeedVariant, SeedVariant];
    for (const store of stores) {
      const level = (sku: string) => state.inventory.find((l) => l.sku === sku && l.locationId === store.id)?.available ?? 0;
      const statusA = statusOf(level(a.sku));
      const statusB = statusOf(level(b.sku));
      if (wanted(statusA, statusB)) return { product, a, b, store, statusA, statusB };
    }
  }
  throw new Error(`the demo seed has no ${missing}`);
}

/** A product with two variants whose status differs at an active pickup store. */
const pickCase = () =>
  findVariantPair((a, b) => a !== b && a !== "out_of_stock", "product whose variants differ at a pickup store");

/** A product whose first variant is in stock at a pickup store and whose second is not there. */
const pickLostCase = () =>
  findVariantPair((a, b) => a !== "out_of_stock" && b === "out_of_stock", "product with a variant missing at a pickup store");

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
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
  // The harness installs the demo shop (session, locations, stock) on its first page.
  const index = await fetch(`${stack.appUrl}/demo/storefront/`);
  expect(index.status).toBe(200);
}, 300_000); // may wait for the run's production build

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
    // Only pickup locations are counted, and they are stores: warehouses are not "stores".
    const pickupStores = (await simulatorState()).locations.filter((l) => l.isActive && l.localPickup).length;
    const found = page.getByRole("status").getByText(/In stock at \d+ of \d+ stores\./);
    await visible(found);
    expect(Number(/of (\d+) stores/.exec((await found.textContent())!)![1])).toBe(pickupStores);
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
    // A US storefront measures in miles; the exact postal code of a store is not "0".
    await visible(page.locator(".cdx__store").first().getByText(/ \d+(\.\d)? mi$/));
    expect(await page.locator(".cdx__store").first().textContent()).not.toMatch(/\b0 (mi|km)\b/);
    // A postal code only placed by its prefix is approximate.
    const guess = soho.address.zip.slice(0, 3) + (soho.address.zip.endsWith("99") ? "98" : "99");
    await page.getByLabel("Postal code").fill(guess);
    await page.getByRole("button", { name: "Find stores" }).click();
    await visible(page.locator(".cdx__store").first().getByText(/about \d+ mi$/));

    const hanoi = seed.locations.find((l) => l.key === "store-hoan-kiem")!;
    await browser.context.grantPermissions(["geolocation"]);
    await browser.context.setGeolocation({ latitude: hanoi.address.latitude, longitude: hanoi.address.longitude });
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect.poll(() => page.locator(".cdx__store .cdx__name").first().textContent(), { timeout: 10_000 }).toBe(hanoi.name);

    // Elsewhere (a Vietnamese storefront) in kilometres.
    const vn = await browser.context.newPage();
    await vn.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}?country=VN`, { timeout: 60_000 });
    await visible(vn.locator(".cdx__store").first(), 30_000);
    await vn.getByRole("button", { name: "Use my location" }).click();
    await visible(vn.locator(".cdx__store").first().getByText(/ \d+(\.\d)? km$/), 10_000);
  });

  it("lists the storefront's country first, does not place a Hà Nội code in the US, and says '1 store' for one", async () => {
    const state = await simulatorState();
    const countryOf = new Map(seed.locations.map((l) => [l.name, l.address.countryCode]));
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}`, { timeout: 60_000 });
    await visible(page.locator(".cdx__store").first(), 30_000);
    const firstCountry = async () => countryOf.get((await page.locator(".cdx__store .cdx__name").first().textContent())!.trim());
    // No position yet: the US storefront's own stores come before Hà Nội and Ho Chi Minh City.
    expect(await firstCountry()).toBe("US");
    const names = await page.locator(".cdx__store .cdx__name").allTextContents();
    const countries = names.map((n) => countryOf.get(n.trim()));
    expect(countries.indexOf("VN") === -1 || countries.lastIndexOf("US") < countries.indexOf("VN")).toBe(true);
    // A Hà Nội postal code is no US ZIP: not placed near the US store whose ZIP starts "100".
    await page.getByLabel("Postal code").fill("100000");
    await page.getByRole("button", { name: "Find stores" }).click();
    await visible(page.getByRole("status").getByText(/We couldn't place that postal code/), 10_000);
    expect(await firstCountry()).toBe("US");
    expect(await page.locator(".cdx__store").first().textContent()).not.toMatch(/ (mi|km)$/);

    // One store within the radius and it has the item: "1 store", not "1 of 1 stores".
    const hanoi = seed.locations.find((l) => l.key === "store-hoan-kiem")!;
    const hanoiId = state.locations.find((l) => l.name === hanoi.name)!.id;
    const product = seed.products.find((p) => p.status === "ACTIVE" && (state.inventory.find((l) => l.sku === p.variants[0]!.sku && l.locationId === hanoiId)?.available ?? 0) > 0)!;
    await browser.context.grantPermissions(["geolocation"]);
    await browser.context.setGeolocation({ latitude: hanoi.address.latitude, longitude: hanoi.address.longitude });
    for (const [locale, text] of [["en", "In stock at 1 store."], ["vi", "Còn hàng tại 1 cửa hàng."], ["zh-CN", "1 家门店有货。"]] as const) {
      const one = await browser.context.newPage();
      await one.goto(`${stack.appUrl}/demo/storefront/products/${product.handle}?country=VN&locale=${locale}&setting.pickup_radius_km=10`, { timeout: 60_000 });
      await visible(one.locator(".cdx__store").first(), 30_000);
      await one.locator("[data-geo]").click();
      await visible(one.getByRole("status").getByText(text, { exact: true }), 10_000);
      expect(await one.locator(".cdx__store").count()).toBe(1);
      await one.close();
    }
    await page.close();
  });

  it("flags a chosen store that lacks the new variant and drops it from the cart; 'ship instead' un-chooses", async () => {
    const c = await pickLostCase();
    const [idA, idB] = [await variantLegacyId(c.a.sku), await variantLegacyId(c.b.sku)];
    const page = await browser.context.newPage();
    const cart = async () => (await page.evaluate(async () => (await fetch("/demo/storefront/cart.js")).json())) as { attributes: Record<string, string> };
    await page.goto(`${stack.appUrl}/demo/storefront/products/${c.product.handle}?variant=${idA}&setting.store_count=10`, { timeout: 60_000 });
    const radio = page.getByRole("radio", { name: new RegExp(c.store.name) });
    await visible(radio, 30_000);
    await radio.check();
    await visible(page.getByRole("status").getByText(`Pickup store: ${c.store.name}.`, { exact: false }));
    expect((await cart()).attributes[PICKUP_LOCATION_ATTRIBUTE]).toBe(c.store.id);

    await page.getByLabel("Variant").selectOption(idB);
    const row = page.locator(".cdx__store", { hasText: c.store.name });
    await visible(row.getByText("Doesn't have this option"));
    await visible(page.getByRole("status").getByText(`${c.store.name} doesn't have this option, so it is no longer your pickup store.`, { exact: false }));
    expect(await radio.isChecked()).toBe(false);
    expect((await cart()).attributes).not.toHaveProperty(PICKUP_LOCATION_ATTRIBUTE);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await screenshot(page.locator(".cdx"), `.cache/e2e-storefront-lost-${width}.png`, { fullPage: false });
    }

    await page.getByLabel("Variant").selectOption(idA);
    await visible(radio);
    await radio.check();
    await visible(page.getByRole("status").getByText(`Pickup store: ${c.store.name}.`, { exact: false }));
    expect((await cart()).attributes[PICKUP_LOCATION_ATTRIBUTE]).toBe(c.store.id);
    await page.getByRole("button", { name: "Ship to me instead" }).click();
    await visible(page.getByRole("status").getByText("Your order will be shipped. No pickup store is chosen."));
    expect(await radio.isChecked()).toBe(false);
    expect((await cart()).attributes).not.toHaveProperty(PICKUP_LOCATION_ATTRIBUTE);
    expect(await page.getByRole("button", { name: "Ship to me instead" }).isHidden()).toBe(true);
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

    // Add to cart: the cart page lists the item and the store that travels with the cart.
    await Promise.all([page.waitForURL(/\/demo\/storefront\/cart$/), page.getByRole("button", { name: "Add to cart" }).click()]);
    await visible(page.getByRole("heading", { name: "Your cart" }));
    await visible(page.locator("[data-cart-line]").getByText(new RegExp(`\\(${c.a.sku}\\) × 1$`)));
    await visible(page.locator("[data-cart-pickup]").getByText(c.store.name, { exact: true }));
    const after = await page.evaluate(async () => (await fetch("/demo/storefront/cart.js")).json());
    expect(after).toMatchObject({ item_count: 1, attributes: { [PICKUP_LOCATION_ATTRIBUTE]: storeId } });
    await screenshot(page, ".cache/e2e-storefront-cart.png");
  });

  it("speaks the shopper's language (vi, zh-CN)", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}?locale=vi`, { timeout: 60_000 });
    await visible(page.getByRole("heading", { name: "Nhận hàng tại cửa hàng" }));
    await visible(page.getByRole("button", { name: "Dùng vị trí của tôi" }));
    await visible(page.getByRole("status").getByText(/Còn hàng tại \d+ trên \d+ cửa hàng\./), 30_000);
    await page.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}?locale=zh-CN`);
    await visible(page.getByRole("heading", { name: "门店自提" }));
    await visible(page.getByRole("status").getByText(/\d+ 家门店中有 \d+ 家有货。/), 30_000);
    for (const locale of ["en", "vi", "zh-CN"]) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        await page.goto(`${stack.appUrl}/demo/storefront/products/${seed.products[0]!.handle}?locale=${locale}&country=VN`);
        await visible(page.locator(".cdx__store").first(), 30_000);
        await page.getByLabel(/Postal code|Mã bưu chính|邮政编码/).fill("11999");
        await page.getByRole("button", { name: /Find stores|Tìm cửa hàng|查找门店/ }).click();
        await page.waitForTimeout(1000);
        await screenshot(page, `.cache/e2e-storefront-block-${locale}-${width}.png`);
      }
    }
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
    await screenshot(page, ".cache/e2e-storefront-fallback.png", { fullPage: false });
  });
});
