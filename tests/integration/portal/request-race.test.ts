// The returns/request webhook can store a Shopify return before the portal's own transaction
// commits (Shopify sends it as soon as returnRequest succeeds). The portal then keeps that one row
// and writes onto it what only the portal knows. The shopper's outcome is part of that: a shopper who
// chose store credit with a bonus must not end up refunded because the webhook was quicker.
import { describe, expect, it, vi } from "vitest";
import type * as ReturnsModel from "~/models/returns.server";
import "./lookup-support";

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
const { requestReturn } = await import("~/services/request-return.server");
const { loadReturnOptions } = await import("~/services/load-return-options.server");
const { updateReturnOutcomes } = await import("~/services/update-return-outcomes.server");
const { syncShopifyReturn } = await import("~/services/sync-shopify-return.server");
const { demoShopDesk, TEE } = await import("./demo-shop-desk");

const desk = demoShopDesk();

describe("a portal request the returns/request webhook stored first", () => {
  it("keeps one row with the shopper's store-credit choice and its bonus", async () => {
    const shop = desk.shop();
    const graphql = desk.graphql();
    expect(await updateReturnOutcomes({ shop, fields: { outcomes: ["REFUND", "STORE_CREDIT"], bonusKind: "PERCENT", bonusValue: "10" } })).toMatchObject({ ok: true });
    const email = "ana@example.com";
    const orderId = await desk.deliveredOrder({
      lines: [{ sku: TEE.sku, quantity: 1 }],
      email,
      customer: { email, firstName: "Ana", lastName: "Diaz", locale: "en" },
      shippingAddress: { firstName: "Ana", lastName: "Diaz", address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US" },
    });
    const loaded = await loadReturnOptions({ shop, graphql, orderId, now: new Date() });
    if (loaded.status !== "ok") throw new Error(`options: ${loaded.status}`);
    const item = loaded.options.items.find((i) => i.eligible)!.line;

    race.webhookFirst = async (shopifyReturnId) => {
      const synced = await syncShopifyReturn({ shop, graphql, shopifyReturnId, topic: "returns/request", eventTime: new Date() });
      expect(synced.status).toBe("created");
    };
    const result = await requestReturn({
      shop,
      graphql,
      orderId,
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
