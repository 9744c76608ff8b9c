// The Settings and Inventory pages' loaders and actions, called as Remix calls them with Shopify
// admin's session token, on the worker's PostgreSQL database (the bad-input harness: the simulator
// seeded with the demo shop, its locations synced).
import "./bad-input/env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { buildRequest, invoke, snapshot, changedTables, SHOP, startHarness, type Answer, type Harness, type RouteModule } from "./bad-input/harness";
import type { RouteSpec } from "./bad-input/routes";

let harness: Harness;
let settingsRoute: RouteModule;
let inventoryRoute: RouteModule;
let shopId: string;

beforeAll(async () => {
  harness = await startHarness();
  settingsRoute = (await import("~/routes/app.settings._index")) as RouteModule;
  inventoryRoute = (await import("~/routes/app.inventory")) as RouteModule;
  shopId = (await prisma.shop.findUniqueOrThrow({ where: { domain: SHOP } })).id;
}, 120_000);
afterAll(() => harness?.close());

const settingsSpec: RouteSpec = { surface: "admin", path: "/app/settings" };
const inventorySpec: RouteSpec = { surface: "admin", path: "/app/inventory" };

const validForm: [string, string][] = [
  ["portalBrandName", "Northwind Outfitters"],
  ["portalLogoUrl", "https://cdn.example.com/logo.png"],
  ["portalBrandColor", "#1A6B4F"],
  ["defaultLocale", "vi"],
  ["showExactCounts", "on"],
  ["lowStockThreshold", "4"],
  ["stockBuffer", "2"],
  ["shipmentEmailStatuses", "OUT_FOR_DELIVERY,DELAYED"],
];

/** A request as Shopify admin sends it to the page (its session token), at `path` with `query`. */
async function adminRequest(spec: RouteSpec, query: string, init: RequestInit = {}): Promise<Request> {
  const signed = await buildRequest(spec, { action: false, params: {}, query: [], form: [], shape: { kind: "form" }, headers: [], csrf: "missing", signature: "valid", proxyShop: SHOP });
  return new Request(`${signed.url}${query}`, { ...init, headers: signed.headers });
}

async function post(form: [string, string][], query = ""): Promise<Answer> {
  return invoke(settingsRoute.action!, await adminRequest(settingsSpec, query, { method: "POST", body: new URLSearchParams(form) }), {});
}

async function get(route: RouteModule, spec: RouteSpec, query = ""): Promise<Answer> {
  return invoke(route.loader!, await adminRequest(spec, query), {});
}

const settingsRow = () => prisma.shopSettings.findUniqueOrThrow({ where: { shopId } });

describe("Settings: every setting Crossdock reads, saved only when all of it is valid", () => {
  beforeEach(async () => {
    await prisma.shopSettings.update({ where: { shopId }, data: { portalBrandName: null, portalLogoUrl: null, portalBrandColor: null, defaultLocale: "en", showExactCounts: false, lowStockThreshold: 3, stockBuffer: 0 } });
  });

  it("saves a valid form in one write and confirms it", async () => {
    const answer = await post(validForm);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ saved: "Settings saved", error: null });
    expect(await settingsRow()).toMatchObject({ portalBrandName: "Northwind Outfitters", portalLogoUrl: "https://cdn.example.com/logo.png", portalBrandColor: "#1a6b4f", defaultLocale: "vi", showExactCounts: true, lowStockThreshold: 4, stockBuffer: 2, shipmentEmailStatuses: ["OUT_FOR_DELIVERY", "DELAYED"] });
    // The checkbox unticked (sent as "off") turns exact counts off; empty branding fields clear them.
    const cleared = await post(validForm.map(([k, v]): [string, string] => (k === "showExactCounts" ? [k, "off"] : k.startsWith("portal") ? [k, ""] : [k, v])));
    expect(cleared.status).toBe(200);
    expect(await settingsRow()).toMatchObject({ portalBrandName: null, portalLogoUrl: null, portalBrandColor: null, showExactCounts: false });
  });

  it("answers 422 naming each wrong field in words (the staff member's language), and writes nothing", async () => {
    const before = await snapshot();
    const bad = validForm.map(([k, v]): [string, string] => {
      if (k === "portalLogoUrl") return [k, "http://cdn.example.com/logo.png"];
      if (k === "portalBrandColor") return [k, "green"];
      if (k === "stockBuffer") return [k, "-1"];
      if (k === "lowStockThreshold") return [k, "2.5"];
      if (k === "defaultLocale") return [k, "fr"];
      if (k === "shipmentEmailStatuses") return [k, "DELAYED,LABEL_PRINTED"];
      return [k, v];
    });
    const answer = await post(bad);
    expect(answer.status).toBe(422);
    const body = JSON.parse(answer.text) as { errors: Record<string, string>; error: string };
    expect(body.error).toBe("The settings were not saved. Correct the fields marked below.");
    expect(body.errors).toEqual({
      portalLogoUrl: "Enter an address starting with https://, such as https://example.com/logo.png.",
      portalBrandColor: "Enter a colour as # and six characters 0-9 or a-f, such as #1a6b4f.",
      stockBuffer: "Enter 0 or more.",
      lowStockThreshold: "Enter a whole number, such as 3.",
      defaultLocale: "Choose one of the languages offered.",
      shipmentEmailStatuses: "Choose only among the events offered.",
    });
    expect(changedTables(before, await snapshot())).toEqual([]);
    expect(await settingsRow()).toMatchObject({ portalBrandName: null, stockBuffer: 0, showExactCounts: false });

    const vi = await post(bad, "?locale=vi");
    expect(vi.status).toBe(422);
    expect((JSON.parse(vi.text) as { errors: Record<string, string> }).errors.stockBuffer).toBe("Hãy nhập 0 trở lên.");
    const zh = await post(bad, "?locale=zh-CN");
    expect((JSON.parse(zh.text) as { errors: Record<string, string> }).errors.stockBuffer).toBe("请输入 0 或更大的数。");
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it("answers 400 to a form that is not the page's (a field missing or sent twice), and writes nothing", async () => {
    const before = await snapshot();
    expect((await post(validForm.filter(([k]) => k !== "stockBuffer"))).status).toBe(400);
    expect((await post([...validForm, ["stockBuffer", "9"]])).status).toBe(400);
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it("loads the stored values and the page's words in the staff member's language", async () => {
    await post(validForm);
    const answer = await get(settingsRoute, settingsSpec, "?locale=zh-CN");
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text) as { lang: string; text: { page: { title: string }; branding: { nameHelp: string } }; settings: Record<string, unknown> };
    expect(body.lang).toBe("zh-CN");
    expect(body.text.page.title).toBe("设置");
    expect(body.text.branding.nameHelp).toContain("留空");
    expect(body.settings).toEqual({ portalBrandName: "Northwind Outfitters", portalLogoUrl: "https://cdn.example.com/logo.png", portalBrandColor: "#1a6b4f", defaultLocale: "vi", showExactCounts: true, lowStockThreshold: "4", stockBuffer: "2", shipmentEmailStatuses: ["OUT_FOR_DELIVERY", "DELAYED"] });
  });
});

describe("Inventory: stock by location from Crossdock's mirror, buffers applied, least to promise first", () => {
  interface Row { title: string | null; sku: string | null; locationId: string; locationName: string; onHand: number; available: number; buffer: number; promisable: number; status: string }
  interface View { rows: Row[]; total: number; page: number; pages: number }

  beforeAll(async () => {
    const { upsertInventoryLevelsBulk } = await import("~/models/inventory-sync.server");
    const locations = await prisma.location.findMany({ where: { shopId, isActive: true }, orderBy: { name: "asc" } });
    const at = new Date("2026-11-20T12:00:00Z");
    // 60 variants at every active location: enough for two pages of 50.
    const levels = Array.from({ length: 60 }, (_, n) =>
      locations.map((l, i) => ({
        inventoryItemId: `gid://shopify/InventoryItem/${9000 + n}`,
        locationShopifyId: l.shopifyId,
        variantId: `gid://shopify/ProductVariant/${9000 + n}`,
        sku: `INV-${String(n).padStart(2, "0")}`,
        title: `Canvas tote ${n} - Natural`,
        available: 5 + n + i,
        onHand: 6 + n + i,
        committed: 1,
        shopifyUpdatedAt: at,
      })),
    ).flat();
    await upsertInventoryLevelsBulk({ id: shopId }, levels);
  });

  beforeEach(async () => {
    await prisma.shopSettings.update({ where: { shopId }, data: { stockBuffer: 1, lowStockThreshold: 3 } });
    await prisma.location.updateMany({ where: { shopId }, data: { stockBuffer: null } });
    await prisma.routingRuleSet.deleteMany({ where: { shopId } });
  });

  const view = async (query = "") => {
    const answer = await get(inventoryRoute, inventorySpec, query);
    expect(answer.status, answer.text).toBe(200);
    return (JSON.parse(answer.text) as { view: View }).view;
  };

  it("lists titles and SKUs (never ids) with on hand, buffer and what is left to promise, least first, 50 a page", async () => {
    const first = await view();
    const active = await prisma.location.count({ where: { shopId, isActive: true } });
    expect(first.total).toBe(60 * active);
    expect(first.rows).toHaveLength(50);
    expect(first.pages).toBe(Math.ceil((60 * active) / 50));
    const top = first.rows[0]!;
    expect(top).toMatchObject({ title: "Canvas tote 0 - Natural", sku: "INV-00", onHand: 6, available: 5, buffer: 1, promisable: 4, status: "in_stock" });
    expect(JSON.stringify(first.rows)).not.toContain("gid://");
    const promisable = first.rows.map((r) => r.promisable);
    expect(promisable).toEqual([...promisable].sort((a, b) => a - b));
    const second = await view("?page=2");
    expect(second.rows[0]!.promisable).toBeGreaterThanOrEqual(promisable.at(-1)!);
  });

  it("applies the same buffer as routing: the location's own, the rule's fallback, the shop's default", async () => {
    const [own] = await prisma.location.findMany({ where: { shopId, isActive: true }, orderBy: { name: "asc" }, take: 1 });
    await prisma.location.update({ where: { id: own!.id }, data: { stockBuffer: 5 } });
    const { saveRuleSet } = await import("~/models/routing.server");
    await saveRuleSet({ id: shopId }, { name: "Default", allowSplitLines: true, rules: [{ enabled: true, rule: { type: "stock-buffer", units: 3 } }, { enabled: true, rule: { type: "closest" } }] }, null);
    const rows = (await view("?q=INV-00")).rows;
    for (const row of rows) {
      const buffer = row.locationId === own!.id ? 5 : 3;
      expect([row.locationName, row.buffer, row.promisable]).toEqual([row.locationName, buffer, Math.max(0, row.available - buffer)]);
    }
    // A buffer of 5 on 5 available: nothing to promise, out of stock, first.
    expect((await view()).rows[0]).toMatchObject({ locationId: own!.id, promisable: 0, status: "out_of_stock" });
  });

  it("searches titles and SKUs, filters by location, and refuses a bad page or an unknown location in words", async () => {
    expect((await view("?q=tote%2012")).rows.every((r) => r.title === "Canvas tote 12 - Natural")).toBe(true);
    expect((await view("?q=inv-3")).rows.every((r) => r.sku!.startsWith("INV-3"))).toBe(true);
    expect((await view("?q=%25")).rows).toEqual([]);
    const [location] = await prisma.location.findMany({ where: { shopId, isActive: true }, take: 1 });
    const one = await view(`?location=${location!.id}`);
    expect(one.total).toBe(60);
    expect(one.rows.every((r) => r.locationId === location!.id)).toBe(true);
    const badPage = await get(inventoryRoute, inventorySpec, "?page=0");
    expect([badPage.status, badPage.text]).toEqual([400, "The page number must be a whole number from 1."]);
    const unknown = await get(inventoryRoute, inventorySpec, "?location=nowhere");
    expect([unknown.status, unknown.text]).toEqual([404, "That location is not one of your active locations."]);
  });
});
