// customers/redact erases a customer's personal data from Crossdock's order copies; a later state of
// such an order (a late orders/updated, the reconciliation, another topic's live read) must not
// bring it back. Found by the production topology test, where a webhook processed after the
// redaction re-stored the email and customer id.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { redactOrdersOfCustomer, upsertOrderSnapshot, type OrderSnapshotInput } from "~/models/orders.server";
import { createTestShop, resetDatabase } from "../../setup/db";

const CUSTOMER = "gid://shopify/Customer/1001";

function snapshot(updatedAt: string, extra: Partial<OrderSnapshotInput> = {}): OrderSnapshotInput {
  return {
    shopifyId: "gid://shopify/Order/5001",
    legacyResourceId: "5001",
    name: "#5001",
    email: "ada@example.com",
    phone: "+1 415 555 0100",
    customer: { id: CUSTOMER, email: "ada@example.com", phone: "+1 415 555 0100" },
    financialStatus: "PAID",
    fulfillmentStatus: null,
    cancelledAt: null,
    closedAt: null,
    currency: "USD",
    totalPrice: "28.00",
    tags: [],
    noteAttributes: [{ name: "gift_note", value: "For Ada Lovelace" }],
    shippingAddress: { first_name: "Ada", last_name: "Lovelace", address1: "1 Analytical Way", city: "San Francisco", country_code: "US" },
    lineItems: [],
    shopifyCreatedAt: new Date("2026-12-01T10:00:00Z"),
    shopifyUpdatedAt: new Date(updatedAt),
    ...extra,
  };
}

beforeEach(() => resetDatabase());

describe("a redacted order", () => {
  it("keeps its customer's personal data erased when a later state of the order is stored; other fields still follow Shopify", async () => {
    const shop = await createTestShop();
    expect(await upsertOrderSnapshot(shop, snapshot("2026-12-01T10:00:00Z"))).toMatchObject({ applied: true, created: true });
    expect(await redactOrdersOfCustomer(shop, { customerId: CUSTOMER })).toHaveLength(1);

    // Shopify still holds the customer's details and sends a newer state: fulfilled.
    const later = await upsertOrderSnapshot(shop, snapshot("2026-12-02T10:00:00Z", { fulfillmentStatus: "FULFILLED" }));
    expect(later).toMatchObject({ applied: true, created: false });
    const stored = await prisma.order.findFirstOrThrow({ where: { shopId: shop.id, shopifyId: "gid://shopify/Order/5001" } });
    expect(stored).toMatchObject({ fulfillmentStatus: "FULFILLED", email: null, phone: null, customerId: null, customerEmail: null, customerPhone: null, noteAttributes: [] });
    expect(stored.shippingAddress).toEqual({ country_code: "US" });
    expect(stored.redactedAt).not.toBeNull();
    expect(JSON.stringify(stored)).not.toMatch(/Ada|Analytical|ada@example\.com|555/);

    // An older state is still refused, as for any order.
    expect(await upsertOrderSnapshot(shop, snapshot("2026-12-01T12:00:00Z"))).toEqual({ applied: false, reason: "stale" });
  });

  it("leaves another customer's orders as Shopify sends them", async () => {
    const shop = await createTestShop();
    await upsertOrderSnapshot(shop, snapshot("2026-12-01T10:00:00Z"));
    await redactOrdersOfCustomer(shop, { customerId: "gid://shopify/Customer/9999" });
    await upsertOrderSnapshot(shop, snapshot("2026-12-02T10:00:00Z"));
    expect(await prisma.order.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({ email: "ada@example.com", customerId: CUSTOMER, redactedAt: null });
  });
});
