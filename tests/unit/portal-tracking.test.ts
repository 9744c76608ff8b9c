// The Admin API order → the domain timeline's facts, and the lookup limiter's accounting.
import { describe, expect, it } from "vitest";
import { buildOrderTimeline } from "~/domain/portal/timeline";
import { trackingFacts, unshippedItems } from "~/shopify/tracking-facts";
import { memoryLookupLimiter } from "~/security/rate-limit.server";
import type { PortalOrderTrackingData } from "~/shopify/portal-orders";

const money = { shopMoney: { amount: "40.00", currencyCode: "USD" as const } };
const line = (id: string, name: string, quantity: number, unfulfilled: number) => ({
  id: `gid://shopify/LineItem/${id}`,
  name,
  sku: null,
  quantity,
  unfulfilledQuantity: unfulfilled,
  originalUnitPriceSet: money,
});

function order(overrides: Partial<PortalOrderTrackingData> = {}): PortalOrderTrackingData {
  return {
    id: "gid://shopify/Order/1",
    name: "#1001",
    createdAt: "2026-10-01T10:00:00Z",
    updatedAt: "2026-10-05T10:00:00Z",
    processedAt: "2026-10-01T10:00:00Z",
    cancelledAt: null,
    closedAt: null,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "PARTIALLY_FULFILLED",
    currencyCode: "USD",
    totalPriceSet: money,
    totalRefundedSet: { shopMoney: { amount: "0.0", currencyCode: "USD" } },
    customer: null,
    lineItems: { nodes: [line("1", "Tee - M", 2, 0), line("2", "Mug", 1, 1)] },
    fulfillmentOrders: {
      nodes: [
        {
          id: "gid://shopify/FulfillmentOrder/1",
          status: "IN_PROGRESS",
          deliveryMethod: { methodType: "SHIPPING" },
          assignedLocation: { name: "Warehouse", location: { id: "gid://shopify/Location/1" } },
          lineItems: {
            nodes: [
              { remainingQuantity: 0, lineItem: { id: "gid://shopify/LineItem/1", name: "Tee - M" } },
              { remainingQuantity: 1, lineItem: { id: "gid://shopify/LineItem/2", name: "Mug" } },
            ],
          },
        },
      ],
    },
    fulfillments: [
      {
        id: "gid://shopify/Fulfillment/9",
        name: "#1001.1",
        status: "SUCCESS",
        displayStatus: "ATTEMPTED_DELIVERY",
        createdAt: "2026-10-02T10:00:00Z",
        updatedAt: "2026-10-04T10:00:00Z",
        inTransitAt: "2026-10-02T12:00:00Z",
        estimatedDeliveryAt: "2026-10-05T00:00:00Z",
        deliveredAt: null,
        location: { id: "gid://shopify/Location/1", name: "Warehouse" },
        trackingInfo: [{ company: "UPS", number: "1Z", url: "https://ups.example/1Z" }],
        fulfillmentLineItems: { nodes: [{ id: "gid://shopify/FulfillmentLineItem/1", quantity: 2, lineItem: { id: "gid://shopify/LineItem/1", name: "Tee - M" } }] },
        events: { nodes: [{ status: "IN_TRANSIT", happenedAt: "2026-10-02T12:00:00Z" }, { status: "ATTEMPTED_DELIVERY", happenedAt: "2026-10-04T09:00:00Z" }] },
      },
    ],
    ...overrides,
  };
}

describe("trackingFacts", () => {
  it("maps fulfillments (with their delivery method) and what remains on each fulfillment order", () => {
    const facts = trackingFacts(order());
    expect(facts.fulfillmentOrders).toEqual([
      {
        id: "gid://shopify/FulfillmentOrder/1",
        status: "IN_PROGRESS",
        deliveryMethod: "SHIPPING",
        locationName: "Warehouse",
        remainingItems: [{ lineItemId: "gid://shopify/LineItem/2", title: "Mug", quantity: 1 }],
      },
    ]);
    expect(facts.fulfillments[0]).toMatchObject({
      id: "gid://shopify/Fulfillment/9",
      deliveryMethod: "SHIPPING",
      locationName: "Warehouse",
      items: [{ lineItemId: "gid://shopify/LineItem/1", title: "Tee - M", quantity: 2 }],
    });
    expect(facts.refundedAt).toBeNull();
    const timeline = buildOrderTimeline(facts);
    expect(timeline.deliveryMethod).toBe("shipping");
    expect(timeline.current).toBe("in_transit");
    expect(timeline.shipments.find((c) => c.id === "gid://shopify/Fulfillment/9")!.issue).toBe("attempted_delivery");
  });

  it("marks a fully refunded order refunded, and a pickup order as pickup", () => {
    const refunded = trackingFacts(order({ displayFinancialStatus: "REFUNDED" }));
    expect(refunded.refundedAt).toBe("2026-10-05T10:00:00Z");
    const pickup = order();
    pickup.fulfillmentOrders.nodes[0]!.deliveryMethod = { methodType: "PICK_UP" };
    pickup.fulfillments = [];
    expect(buildOrderTimeline(trackingFacts(pickup)).deliveryMethod).toBe("pickup");
  });
});

describe("a pickup marked ready", () => {
  // As Shopify (and the simulator) answer once the store marks the items ready: an OPEN fulfillment
  // that is READY_FOR_PICKUP, while the fulfillment order and the line item still hold the units.
  function readyPickup(): PortalOrderTrackingData {
    const pickup = order({ lineItems: { nodes: [line("2", "Mug", 2, 2)] }, displayFulfillmentStatus: "UNFULFILLED" });
    pickup.fulfillmentOrders.nodes = [
      {
        id: "gid://shopify/FulfillmentOrder/2",
        status: "IN_PROGRESS",
        deliveryMethod: { methodType: "PICK_UP" },
        assignedLocation: { name: "SoHo Store", location: { id: "gid://shopify/Location/2" } },
        lineItems: { nodes: [{ remainingQuantity: 2, lineItem: { id: "gid://shopify/LineItem/2", name: "Mug" } }] },
      },
    ];
    pickup.fulfillments = [
      {
        ...pickup.fulfillments[0]!,
        id: "gid://shopify/Fulfillment/10",
        status: "OPEN",
        displayStatus: "READY_FOR_PICKUP",
        inTransitAt: null,
        estimatedDeliveryAt: null,
        location: { id: "gid://shopify/Location/2", name: "SoHo Store" },
        trackingInfo: [],
        fulfillmentLineItems: { nodes: [{ id: "gid://shopify/FulfillmentLineItem/2", quantity: 2, lineItem: { id: "gid://shopify/LineItem/2", name: "Mug" } }] },
        events: { nodes: [] },
      },
    ];
    return pickup;
  }

  it("lists its items once: on the ready card, not again as still to do", () => {
    const timeline = buildOrderTimeline(trackingFacts(readyPickup()));
    expect(timeline.shipments.map((c) => ({ id: c.id, stage: c.stage, items: c.items.map((i) => `${i.title} × ${i.quantity}`) }))).toEqual([
      { id: "gid://shopify/Fulfillment/10", stage: "ready_for_pickup", items: ["Mug × 2"] },
    ]);
    expect(timeline.current).toBe("ready_for_pickup");
    expect(timeline.steps.find((s) => s.key === "ready_for_pickup")!.progress).toBeUndefined();
    expect(unshippedItems(readyPickup())).toEqual([]);
  });

  it("still lists the units the store has not marked ready", () => {
    const partly = readyPickup();
    partly.lineItems.nodes = [line("2", "Mug", 3, 3)];
    partly.fulfillmentOrders.nodes[0]!.lineItems.nodes[0]!.remainingQuantity = 3;
    const cards = buildOrderTimeline(trackingFacts(partly)).shipments;
    expect(cards.map((c) => c.items.map((i) => `${i.title} × ${i.quantity}`))).toEqual([["Mug × 2"], ["Mug × 1"]]);
    expect(unshippedItems(partly)).toEqual([{ name: "Mug", quantity: 1 }]);
  });
});

describe("the lookup limiter", () => {
  it("charges both keys on every attempt and says which one refused, with the wait", async () => {
    const limiter = memoryLookupLimiter({ perIp: 3, perOrder: 2, windowSeconds: 60 });
    expect(await limiter.consume({ ip: "a", shopId: "s", orderKey: "1001" })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: "b", shopId: "s", orderKey: "1001" })).toEqual({ ok: true });
    const order = await limiter.consume({ ip: "c", shopId: "s", orderKey: "1001" });
    expect(order).toMatchObject({ ok: false, scope: "order" });
    expect((order as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(55);
    // The same number at another shop is another key.
    expect(await limiter.consume({ ip: "d", shopId: "t", orderKey: "1001" })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: "a", shopId: "s", orderKey: "x1" })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: "a", shopId: "s", orderKey: "x2" })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: "a", shopId: "s", orderKey: "x3" })).toMatchObject({ ok: false, scope: "ip" });
  });
});
