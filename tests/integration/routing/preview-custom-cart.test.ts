import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyCustomCartFields, type CustomCartFields } from "~/domain/routing/custom-cart";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { startSimulator, type RunningSimulator } from "../../../simulator/server";
import { resetDatabase } from "../../setup/db";
import { simulatorAdminGraphql } from "../../support/simulator-admin";

// The simulator's custom cart against the simulator seeded with the demo shop: variants and stock
// read live, locations from Crossdock's database, nothing written anywhere.
const seed = buildDemoShop({ now: new Date("2026-11-20T12:00:00Z") });
const SHOP = seed.shop.domain;
const TOKEN = "shpat_custom_cart_test";
let sim: RunningSimulator;
let graphql: AdminGraphql;
/** Every operation the services sent, to prove a preview sends no mutation. */
let sent: string[] = [];

const products = seed.products.filter((p) => p.status === "ACTIVE" && !p.tags.includes("bulky"));
const skuA = products[0]!.variants[0]!.sku;
const skuB = products[1]!.variants[0]!.sku;

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}/_control/shops/${SHOP}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function locationIds(): Promise<Map<string, string>> {
  const { fetchLocations } = await import("~/shopify/locations");
  return new Map((await fetchLocations(graphql)).map((l) => [l.name, l.shopifyId]));
}

async function variantId(sku: string): Promise<string> {
  const { searchCartVariants } = await import("~/shopify/cart-variants");
  const found = (await searchCartVariants(graphql, sku)).find((v) => v.sku === sku);
  if (!found) throw new Error(`no variant ${sku}`);
  return found.id;
}

/** Stock only where given (name → units per sku); everywhere else 0. */
async function setStock(where: Record<string, Partial<Record<string, number>>>) {
  const ids = await locationIds();
  const changes = [...ids].flatMap(([name, locationId]) =>
    [skuA, skuB].map((sku) => ({ sku, locationId, name: "available", quantity: where[name]?.[sku] ?? 0 })),
  );
  await control("POST", "/inventory", { changes });
  return ids;
}

const cart = (lines: CustomCartFields["lines"], over: Partial<CustomCartFields> = {}) => emptyCustomCartFields({ lines, ...over });

let shop: { id: string; domain: string };

beforeAll(async () => {
  sim = await startSimulator({ apiKey: "k", apiSecret: "s", seed, accessToken: TOKEN, webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: [] } });
  graphql = simulatorAdminGraphql(() => sim.url, SHOP, TOKEN, (query) => sent.push(query));
});

afterAll(async () => sim?.close());

beforeEach(async () => {
  await resetDatabase();
  const { upsertShopOnInstall } = await import("~/models/shops.server");
  const { syncLocations } = await import("~/services/sync-locations.server");
  shop = await upsertShopOnInstall({ domain: SHOP, name: seed.shop.name });
  await syncLocations(shop, graphql);
  sent = [];
});

describe("previewCustomCart", () => {
  it("refuses an unknown variant, a quantity of 0 and a missing country, field by field, before reading any stock", async () => {
    const a = await variantId(skuA);
    sent = [];
    const { previewCustomCart } = await import("~/services/preview-custom-cart.server");
    const result = await previewCustomCart({
      shop,
      graphql,
      fields: cart(
        [
          { variantId: "gid://shopify/ProductVariant/999999999", quantity: "1" },
          { variantId: a, quantity: "0" },
        ],
        { postalCode: "94105" },
      ),
    });
    expect(result).toEqual({
      status: "invalid",
      errors: {
        "lines.0.variantId": "This item is not in the shop (any more): remove it",
        "lines.1.quantity": "Quantity must be at least 1",
        countryCode: "Enter the destination country",
      },
      labels: { [a]: expect.stringContaining(skuA) },
    });
    expect(sent.some((q) => q.includes("CrossdockVariantStock"))).toBe(false);
  });

  it("refuses an empty cart, a pickup location that does not offer pickup, and an address it cannot place", async () => {
    const { previewCustomCart } = await import("~/services/preview-custom-cart.server");
    const a = await variantId(skuA);
    const ids = await locationIds();
    expect(await previewCustomCart({ shop, graphql, fields: cart([], { countryCode: "US", postalCode: "94105" }) })).toMatchObject({
      status: "invalid",
      errors: { lines: "Add at least one item to the cart" },
    });
    const reno = ids.get("Reno Fulfillment Center")!;
    expect(await previewCustomCart({ shop, graphql, fields: cart([{ variantId: a, quantity: "1" }], { deliveryMethod: "pickup", pickupLocationId: reno }) })).toMatchObject({
      status: "invalid",
      errors: { pickupLocationId: "This location does not offer pickup" },
    });
    // Atlanta: no location of the shop shares a postal-code prefix or the city.
    expect(await previewCustomCart({ shop, graphql, fields: cart([{ variantId: a, quantity: "1" }], { countryCode: "US", city: "Atlanta", postalCode: "30301" }) })).toMatchObject({
      status: "invalid",
      errors: { postalCode: expect.stringContaining("cannot place this postal code") },
    });
  });

  it("sends a two-item cart to the closest location holding both, explains every location, and writes nothing", async () => {
    const ids = await setStock({
      "Edison Fulfillment Center": { [skuA]: 5, [skuB]: 5 },
      "Reno Fulfillment Center": { [skuA]: 5, [skuB]: 5 },
      "Hayes Valley Store": { [skuA]: 5 },
    });
    const [a, b] = [await variantId(skuA), await variantId(skuB)];
    // The shop's state but its API throttle bucket, which reads spend.
    const state = async () => {
      const { throttle: _bucket, ...rest } = await control("GET", "/state");
      return rest;
    };
    const before = await state();
    sent = [];

    const { previewCustomCart } = await import("~/services/preview-custom-cart.server");
    const result = await previewCustomCart({
      shop,
      graphql,
      fields: cart(
        [
          { variantId: a, quantity: "2" },
          { variantId: b, quantity: "1" },
        ],
        { countryCode: "us", city: "San Francisco", postalCode: "94105", b: "closest" },
      ),
    });

    expect(result.status).toBe("previewed");
    if (result.status !== "previewed" || result.preview.status !== "ok") throw new Error(JSON.stringify(result));
    const { preview } = result;
    expect(result.placement).toMatch(/^San Francisco, 94105, US: placed near your locations/);
    // 94105 shares "941" with the Hayes Valley Store (94102): the destination is placed there.
    const hayes = preview.input.locations.find((l) => l.id === ids.get("Hayes Valley Store"))!;
    expect(preview.input.destination).toEqual({ lat: hayes.lat, lon: hayes.lon, countryCode: "US" });

    const reno = ids.get("Reno Fulfillment Center")!;
    const [rules, closest] = preview.results;
    // Your rules (fewest shipments, then closest): one parcel from Reno, the closest holding both.
    expect(rules!.choice).toBe("rules");
    expect(rules!.plan.assignments.map((x) => [x.locationId, preview.lineLabels[x.lineId], x.quantity])).toEqual([
      [reno, expect.stringContaining(skuA), 2],
      [reno, expect.stringContaining(skuB), 1],
    ]);
    expect(rules!.metrics).toMatchObject({ parcels: 1, unfilledUnits: 0 });
    expect(closest).toMatchObject({ choice: "closest", label: "Closest" });
    const explained = new Map(rules!.plan.locations.map((l) => [l.locationId, l.status]));
    expect(explained.get(reno)).toBe("chosen");
    expect(explained.get(ids.get("Edison Fulfillment Center")!)).toBe("not-chosen");
    expect(explained.get(ids.get("Chelsea Pop-up (closed)")!)).toBe("excluded");

    // Nothing written: no mutation sent, Shopify's state unchanged, no routing decision stored.
    expect(sent.some((q) => q.includes("CrossdockVariantStock"))).toBe(true);
    expect(sent.filter((q) => /^\s*mutation/m.test(q.replace(/#graphql/, "")))).toEqual([]);
    expect(await state()).toEqual(before);
    const { listDecisions } = await import("~/models/routing.server");
    expect((await listDecisions(shop, {}, { take: 10 })).total).toBe(0);

    // The first item alone: the store with the same postal-code area holds it, so it ships from there.
    const single = await previewCustomCart({ shop, graphql, fields: cart([{ variantId: a, quantity: "1" }], { countryCode: "US", postalCode: "94105" }) });
    if (single.status !== "previewed" || single.preview.status !== "ok") throw new Error(JSON.stringify(single));
    expect(single.preview.results[0]!.plan.assignments.map((x) => x.locationId)).toEqual([ids.get("Hayes Valley Store")]);
  });

  it("routes a pickup cart to the chosen store only, and reports the units it lacks", async () => {
    const ids = await setStock({ "Reno Fulfillment Center": { [skuA]: 9, [skuB]: 9 }, "SoHo Store": { [skuA]: 3 } });
    const [a, b] = [await variantId(skuA), await variantId(skuB)];
    const soho = ids.get("SoHo Store")!;
    const { previewCustomCart } = await import("~/services/preview-custom-cart.server");

    const inStock = await previewCustomCart({ shop, graphql, fields: cart([{ variantId: a, quantity: "2" }], { deliveryMethod: "pickup", pickupLocationId: soho }) });
    if (inStock.status !== "previewed" || inStock.preview.status !== "ok") throw new Error(JSON.stringify(inStock));
    expect(inStock.placement).toBe("Pickup at SoHo Store");
    expect(inStock.preview.input.pickupLocationId).toBe(soho);
    expect(inStock.preview.results[0]!.plan.assignments).toEqual([expect.objectContaining({ locationId: soho, quantity: 2 })]);

    // The store lacks the second item: pickup is all or nothing, Reno's stock does not help.
    const lacking = await previewCustomCart({
      shop,
      graphql,
      fields: cart([{ variantId: a, quantity: "2" }, { variantId: b, quantity: "1" }], { deliveryMethod: "pickup", pickupLocationId: soho }),
    });
    if (lacking.status !== "previewed" || lacking.preview.status !== "ok") throw new Error(JSON.stringify(lacking));
    expect(lacking.preview.results[0]!.plan.assignments.some((x) => x.locationId !== soho)).toBe(false);
    expect(lacking.preview.results[0]!.metrics.unfilledUnits).toBeGreaterThan(0);
  });
});

describe("the simulator's buffers (issue 14: one stock buffer)", () => {
  it("keeps back what live routing keeps back with every strategy: the stock-buffer rule's fallback where a location has none", async () => {
    // The shop's rules keep 4 back where a location has no buffer of its own; its default is 0.
    const { saveRuleSet } = await import("~/models/routing.server");
    await saveRuleSet(shop, { name: "Default", allowSplitLines: true, rules: [{ enabled: true, rule: { type: "stock-buffer", units: 4 } }, { enabled: true, rule: { type: "closest" } }] }, null);
    const ids = await setStock({ "Hayes Valley Store": { [skuA]: 5 } });
    const a = await variantId(skuA);
    const { previewCustomCart } = await import("~/services/preview-custom-cart.server");
    const result = await previewCustomCart({ shop, graphql, fields: cart([{ variantId: a, quantity: "2" }], { countryCode: "US", postalCode: "94105", a: "rules", b: "closest" }) });
    if (result.status !== "previewed" || result.preview.status !== "ok") throw new Error(JSON.stringify(result));
    // 5 on hand − 4 kept back = 1 unit for both strategies, the built-in as much as the shop's rules.
    for (const { choice, plan, metrics } of result.preview.results) {
      expect([choice, plan.assignments.map((x) => [x.locationId, x.quantity])]).toEqual([choice, [[ids.get("Hayes Valley Store"), 1]]]);
      expect(metrics.unfilledUnits).toBe(1);
    }
  });
});

describe("editPreviewCart", () => {
  it("finds variants by product title or SKU and adds them to the cart, one more on a second add", async () => {
    const { editPreviewCart } = await import("~/services/preview-cart-items.server");
    const title = products[0]!.title;
    const found = await editPreviewCart({ graphql, fields: cart([], { q: title }), search: true });
    expect(found.search?.query).toBe(title);
    expect(found.search!.results.length).toBeGreaterThan(0);
    expect(found.search!.results.every((r) => r.label.startsWith(title))).toBe(true);

    const bySku = await editPreviewCart({ graphql, fields: cart([], { q: skuB }), search: true });
    expect(bySku.search!.results.map((r) => r.label)).toEqual([expect.stringContaining(`· ${skuB}`)]);
    const b = bySku.search!.results[0]!.id;

    const added = await editPreviewCart({ graphql, fields: bySku.fields, edit: { kind: "add", variantId: b } });
    expect(added.fields.lines).toEqual([{ variantId: b, quantity: "1" }]);
    expect(added.labels[b]).toContain(skuB);
    // The results stay for the next item.
    expect(added.search?.results.map((r) => r.id)).toEqual([b]);
    const again = await editPreviewCart({ graphql, fields: added.fields, edit: { kind: "add", variantId: b } });
    expect(again.fields.lines).toEqual([{ variantId: b, quantity: "2" }]);
    const removed = await editPreviewCart({ graphql, fields: again.fields, edit: { kind: "remove", index: 0 } });
    expect(removed.fields.lines).toEqual([]);
  });

  it("answers an empty list for a search that matches nothing, and ignores search syntax typed by staff", async () => {
    const { editPreviewCart } = await import("~/services/preview-cart-items.server");
    expect((await editPreviewCart({ graphql, fields: cart([], { q: "zzz-no-such-thing" }), search: true })).search).toEqual({ query: "zzz-no-such-thing", results: [] });
    const syntax = await editPreviewCart({ graphql, fields: cart([], { q: `"${skuA}" ( OR` }), search: true });
    expect(syntax.search!.results.map((r) => r.label)).toEqual([expect.stringContaining(skuA)]);
  });
});
