import { describe, expect, it } from "vitest";
import { buildOrderTimeline, type FulfillmentFacts, type OrderTrackingFacts, type TrackingStep } from "./timeline";

const tee = { lineItemId: "gid://shopify/LineItem/1", title: "Áo thun cotton", variantTitle: "M / Trắng", quantity: 1 };
const shoes = { lineItemId: "gid://shopify/LineItem/2", title: "Giày chạy bộ", variantTitle: "42", quantity: 1 };

function parcel(overrides: Partial<FulfillmentFacts> & { id: string }): FulfillmentFacts {
  return {
    createdAt: "2026-03-02T09:00:00Z",
    displayStatus: "FULFILLED",
    status: "SUCCESS",
    deliveryMethod: "SHIPPING",
    trackingInfo: [{ company: "Giao Hàng Nhanh", number: "GHN123", url: "https://track.example/GHN123" }],
    items: [tee],
    ...overrides,
  };
}

const base: OrderTrackingFacts = { createdAt: "2026-03-01T08:00:00Z", fulfillmentOrders: [], fulfillments: [] };
const view = (steps: TrackingStep[]) =>
  steps.map((s) => `${s.key}:${s.state}${s.at ? "@" + s.at.slice(5, 16) : ""}${s.progress ? ` ${s.progress.reached}/${s.progress.total}` : ""}`);

describe("buildOrderTimeline", () => {
  it("a new order is being processed", () => {
    const t = buildOrderTimeline({
      ...base,
      fulfillmentOrders: [{ id: "fo1", status: "OPEN", deliveryMethod: "SHIPPING", remainingItems: [tee, shoes] }],
    });
    expect(t.deliveryMethod).toBe("shipping");
    expect(view(t.steps)).toEqual([
      "placed:done@03-01T08:00",
      "processing:current",
      "shipped:upcoming",
      "in_transit:upcoming",
      "out_for_delivery:upcoming",
      "delivered:upcoming",
    ]);
    expect(t.current).toBe("processing");
    expect(t.shipments).toEqual([expect.objectContaining({ id: "fo1", kind: "unfulfilled", stage: "processing", items: [tee, shoes] })]);
  });

  it("one parcel followed through its carrier events", () => {
    const t = buildOrderTimeline({
      ...base,
      fulfillments: [
        parcel({
          id: "f1",
          displayStatus: "OUT_FOR_DELIVERY",
          inTransitAt: "2026-03-02T15:00:00Z",
          estimatedDeliveryAt: "2026-03-03T17:00:00Z",
          events: [
            { status: "IN_TRANSIT", happenedAt: "2026-03-02T15:00:00Z" },
            { status: "OUT_FOR_DELIVERY", happenedAt: "2026-03-03T07:30:00Z", message: "Với shipper" },
            { status: "CONFIRMED", happenedAt: "2026-03-02T09:05:00Z" },
          ],
        }),
      ],
    });
    expect(view(t.steps)).toEqual([
      "placed:done@03-01T08:00",
      "processing:done",
      "shipped:done@03-02T09:00",
      "in_transit:done@03-02T15:00",
      "out_for_delivery:current@03-03T07:30",
      "delivered:upcoming",
    ]);
    const [card] = t.shipments;
    expect(card).toMatchObject({
      kind: "shipment",
      stage: "out_for_delivery",
      issue: null,
      estimatedDeliveryAt: "2026-03-03T17:00:00.000Z",
      tracking: [{ company: "Giao Hàng Nhanh", number: "GHN123", url: "https://track.example/GHN123" }],
    });
    expect(card!.events.map((e) => e.status)).toEqual(["OUT_FOR_DELIVERY", "IN_TRANSIT", "CONFIRMED"]);
    expect(view(card!.steps)).toEqual([
      "shipped:done@03-02T09:00",
      "in_transit:done@03-02T15:00",
      "out_for_delivery:current@03-03T07:30",
      "delivered:upcoming",
    ]);
  });

  it("split shipment: one parcel delivered, the other in transit and delayed", () => {
    const t = buildOrderTimeline({
      ...base,
      fulfillments: [
        parcel({ id: "f1", displayStatus: "DELIVERED", deliveredAt: "2026-03-03T10:00:00Z", inTransitAt: "2026-03-02T12:00:00Z" }),
        parcel({ id: "f2", createdAt: "2026-03-02T11:00:00Z", displayStatus: "DELAYED", inTransitAt: "2026-03-02T18:00:00Z", items: [shoes] }),
      ],
    });
    expect(view(t.steps)).toEqual([
      "placed:done@03-01T08:00",
      "processing:done",
      "shipped:done@03-02T11:00 2/2", // every parcel shipped: when the last one left
      "in_transit:done@03-02T18:00 2/2",
      "out_for_delivery:done 1/2",
      "delivered:current@03-03T10:00 1/2", // partially delivered
    ]);
    expect(t.shipments.map((c) => [c.id, c.stage, c.issue, c.estimatedDeliveryAt])).toEqual([
      ["f1", "delivered", null, null],
      ["f2", "in_transit", "delayed", null],
    ]);
  });

  it("partially shipped: a parcel on its way, the rest still being prepared", () => {
    const t = buildOrderTimeline({
      ...base,
      fulfillmentOrders: [{ id: "fo2", status: "IN_PROGRESS", deliveryMethod: "SHIPPING", remainingItems: [shoes, { ...tee, quantity: 0 }] }],
      fulfillments: [parcel({ id: "f1", displayStatus: "IN_TRANSIT", inTransitAt: "2026-03-02T12:00:00Z" })],
    });
    expect(view(t.steps)).toEqual([
      "placed:done@03-01T08:00",
      "processing:done",
      "shipped:done@03-02T09:00 1/2",
      "in_transit:current@03-02T12:00 1/2",
      "out_for_delivery:upcoming 0/2",
      "delivered:upcoming 0/2",
    ]);
    expect(t.shipments.map((c) => [c.kind, c.stage])).toEqual([
      ["shipment", "in_transit"],
      ["unfulfilled", "processing"],
    ]);
    expect(t.shipments[1]!.items).toEqual([shoes]);
  });

  it("pickup order: ready at the store, then collected", () => {
    const ready = buildOrderTimeline({
      ...base,
      fulfillmentOrders: [
        {
          id: "fo1",
          status: "IN_PROGRESS",
          deliveryMethod: "PICK_UP",
          locationName: "Crossdock Quận 1",
          readyForPickupAt: "2026-03-01T10:00:00Z",
          remainingItems: [tee],
        },
      ],
    });
    expect(ready.deliveryMethod).toBe("pickup");
    expect(view(ready.steps)).toEqual(["placed:done@03-01T08:00", "processing:done", "ready_for_pickup:current@03-01T10:00", "picked_up:upcoming"]);
    expect(ready.shipments[0]).toMatchObject({ kind: "pickup", stage: "ready_for_pickup", locationName: "Crossdock Quận 1" });

    const collected = buildOrderTimeline({
      ...base,
      fulfillmentOrders: [{ id: "fo1", status: "CLOSED", deliveryMethod: "PICK_UP", remainingItems: [] }],
      fulfillments: [
        parcel({
          id: "f1",
          deliveryMethod: "PICK_UP",
          displayStatus: "PICKED_UP",
          createdAt: "2026-03-01T16:00:00Z",
          deliveredAt: "2026-03-01T16:00:00Z",
          trackingInfo: [],
          events: [{ status: "READY_FOR_PICKUP", happenedAt: "2026-03-01T10:00:00Z" }],
          locationName: "Crossdock Quận 1",
        }),
      ],
    });
    expect(view(collected.steps)).toEqual([
      "placed:done@03-01T08:00",
      "processing:done",
      "ready_for_pickup:done@03-01T10:00",
      "picked_up:current@03-01T16:00",
    ]);
    expect(collected.current).toBe("picked_up");
    expect(collected.shipments).toHaveLength(1);
  });

  it("cancelled before anything left: placed, then cancelled", () => {
    const t = buildOrderTimeline({
      ...base,
      cancelledAt: "2026-03-01T09:00:00Z",
      fulfillmentOrders: [{ id: "fo1", status: "CANCELLED", deliveryMethod: "SHIPPING", remainingItems: [tee] }],
    });
    expect(view(t.steps)).toEqual(["placed:done@03-01T08:00", "cancelled:current@03-01T09:00"]);
    expect(t.shipments).toEqual([]);
  });

  it("cancelled and refunded after the parcel shipped", () => {
    const t = buildOrderTimeline({
      ...base,
      cancelledAt: "2026-03-02T10:00:00Z",
      refundedAt: "2026-03-02T10:05:00Z",
      fulfillments: [parcel({ id: "f1", displayStatus: "FULFILLED" })],
    });
    expect(view(t.steps)).toEqual([
      "placed:done@03-01T08:00",
      "processing:done",
      "shipped:done@03-02T09:00",
      "cancelled:done@03-02T10:00",
      "refunded:current@03-02T10:05",
    ]);
  });

  it("delivered then refunded (e.g. after a return)", () => {
    const t = buildOrderTimeline({
      ...base,
      refundedAt: "2026-03-20T00:00:00Z",
      fulfillments: [parcel({ id: "f1", displayStatus: "DELIVERED", deliveredAt: "2026-03-03T10:00:00Z" })],
    });
    expect(t.steps.map((s) => s.key)).toEqual(["placed", "processing", "shipped", "in_transit", "out_for_delivery", "delivered", "refunded"]);
    expect(t.steps.filter((s) => s.state === "current").map((s) => s.key)).toEqual(["refunded"]);
  });

  it("leaves a cancelled parcel out of the order's progress", () => {
    const t = buildOrderTimeline({
      ...base,
      fulfillments: [
        parcel({ id: "f0", status: "CANCELLED", displayStatus: "CANCELED" }),
        parcel({ id: "f1", displayStatus: "DELIVERED", deliveredAt: "2026-03-03T10:00:00Z" }),
      ],
    });
    expect(t.current).toBe("delivered");
    expect(t.steps.every((s) => !s.progress)).toBe(true);
    expect(t.shipments.find((c) => c.id === "f0")).toMatchObject({ stage: "cancelled", steps: expect.any(Array) });
    expect(t.shipments.find((c) => c.id === "f0")!.steps.every((s) => s.state === "upcoming")).toBe(true);
  });

  it("on hold: the unfulfilled card says so", () => {
    const t = buildOrderTimeline({
      ...base,
      fulfillmentOrders: [{ id: "fo1", status: "ON_HOLD", deliveryMethod: "SHIPPING", remainingItems: [tee] }],
    });
    expect(t.shipments[0]).toMatchObject({ stage: "processing", issue: "on_hold" });
  });

  it("always has exactly one current step and done steps only before it", () => {
    const cases: OrderTrackingFacts[] = [
      base,
      { ...base, cancelledAt: "2026-03-02T00:00:00Z" },
      { ...base, fulfillments: [parcel({ id: "a", displayStatus: "ATTEMPTED_DELIVERY" })] },
      { ...base, fulfillments: [parcel({ id: "a", displayStatus: null, events: [] })] },
    ];
    for (const c of cases) {
      const states = buildOrderTimeline(c).steps.map((s) => s.state);
      expect(states.filter((s) => s === "current")).toHaveLength(1);
      const i = states.indexOf("current");
      expect(states.slice(0, i).every((s) => s === "done")).toBe(true);
      expect(states.slice(i + 1).every((s) => s === "upcoming")).toBe(true);
    }
  });
});
