// The returns/request webhook can store a Shopify return before the portal's own transaction
// commits (Shopify sends it as soon as returnRequest succeeds). The portal then keeps that one row
// and writes onto it what only the portal knows. The shopper's outcome is part of that: a shopper who
// chose store credit with a bonus must not end up refunded because the webhook was quicker.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as ReturnsModel from "~/models/returns.server";
import type { Shop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { API_KEY, API_SECRET, TOKEN } from "./lookup-support";
import { simulatorAdminGraphql } from "../../support/simulator-admin";

/** When armed, the webhook's record is written just before the portal's create (the race, made certain). */
const race = vi.hoisted(() => ({ webhookFirst: null as null | ((shopifyReturnId: string) => Promise<void>) }));
vi.mock("~/models/returns.server", async (importOriginal) => {
  const original = await importOriginal<typeof ReturnsModel>();
  return {
    ...original,
    createReturnRequest: async (...args: Parameters<typeof original.createReturnRequest>) => {
      const [, record] = args;
      const first = race.webhookFirst;
      if (first && record.source !== "SHOPIFY" && record.shopifyReturnId) {
        race.webhookFirst = null;
        await first(record.shopifyReturnId);
      }
      return original.createReturnRequest(...args);
    },
  };
});

const { prisma } = await import("~/db.server");
const { redirectAdminApiTo } = await import("~/shopify/admin-origin.server");
const { createTestShop, resetDatabase } = await import("../../setup/db");
const { startTestSimulator } = await import("../../simulator/helpers");
const { requestReturn } = await import("~/services/request-return.server");
const { loadReturnOptions } = await import("~/services/load-return-options.server");
const { updateReturnOutcomes } = await import("~/services/update-return-outcomes.server");
const { syncLocations } = await import("~/services/sync-locations.server");
const { syncShopifyReturn } = await import("~/services/sync-shopify-return.server");

const seed = buildDemoShop({ now: new Date() });
const SHOP = seed.shop.domain;
const DAY = 86_400_000;
const TEE = seed.products.find((p) => p.status === "ACTIVE" && p.tags.includes("basics") && !p.tags.includes("final-sale"))!.variants[0]!;

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let graphql: AdminGraphql;
let shop: Shop;

async function control(method: string, path: string, body?: unknown) {
  const result = await sim.control(method, `/_control/shops/${SHOP}${path}`, body);
  if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as Record<string, unknown>;
}

beforeAll(async () => {
  sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, seed, accessToken: TOKEN });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  graphql = simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN);
});

afterAll(async () => sim?.close());

beforeEach(async () => {
  await resetDatabase();
  shop = await createTestShop({ domain: SHOP, name: seed.shop.name, timezone: "UTC", currency: "USD" });
  await syncLocations(shop, graphql);
});

describe("a portal request the returns/request webhook stored first", () => {
  it("keeps one row with the shopper's store-credit choice and its bonus", async () => {
    expect(await updateReturnOutcomes({ shop, fields: { outcomes: ["REFUND", "STORE_CREDIT"], bonusKind: "PERCENT", bonusValue: "10" } })).toMatchObject({ ok: true });
    const email = "ana@example.com";
    const created = (await control("POST", "/orders", {
      lines: [{ sku: TEE.sku, quantity: 1 }],
      email,
      customer: { email, firstName: "Ana", lastName: "Diaz", locale: "en" },
      shippingAddress: { firstName: "Ana", lastName: "Diaz", address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US" },
      financialStatus: "PAID",
    })) as { order: { id: string } };
    const shipped = (await control("POST", "/fulfillments", { orderId: created.order.id })) as { fulfillments: { id: string }[] };
    for (const f of shipped.fulfillments) await control("POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 3 * DAY).toISOString() });
    const loaded = await loadReturnOptions({ shop, graphql, orderId: created.order.id, now: new Date() });
    if (loaded.status !== "ok") throw new Error(`options: ${loaded.status}`);
    const item = loaded.options.items.find((i) => i.eligible)!.line;

    race.webhookFirst = async (shopifyReturnId) => {
      const synced = await syncShopifyReturn({ shop, graphql, shopifyReturnId, topic: "returns/request", eventTime: new Date() });
      expect(synced.status).toBe("created");
    };
    const result = await requestReturn({
      shop,
      graphql,
      orderId: created.order.id,
      selection: { items: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity: 1, reason: "COLOR" }], method: "MAIL", outcome: "STORE_CREDIT" },
      locale: "en",
    });
    expect(race.webhookFirst).toBeNull();
    expect(result.status).toBe("created");
    const rows = await prisma.returnRequest.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "STORE_CREDIT", method: "MAIL", locale: "en" });
    expect(Number(rows[0]!.storeCreditBonus)).toBeGreaterThan(0);
  });
});
