// A carrier's tracking updates for a return's parcel (services/record-carrier-tracking.server.ts),
// against PostgreSQL: found by the label's tracking number in the shop named, recorded once per
// carrier event, the status moved forward only (IN_TRANSIT, DELIVERED), and the shopper and staff
// told once when the parcel is delivered, staff when it is not.
import "./env";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { recordCarrierTracking } from "~/services/record-carrier-tracking.server";
import { createTestShop } from "../../setup/db";

let shop: Shop;
let other: Shop;
let made = 0;

beforeAll(async () => {
  shop = await createTestShop({ email: "desk@shop.test", timezone: "America/New_York" });
  other = await createTestShop({ email: "desk@other.test" });
});

async function approvedReturn(owner: Shop = shop, status: "APPROVED" | "REQUESTED" | "RECEIVED" = "APPROVED") {
  made++;
  const trackingNumber = `EZ${String(made).padStart(10, "0")}`;
  const ret = await prisma.returnRequest.create({
    data: {
      shopId: owner.id,
      rma: `RMA-5151-${String(made).padStart(4, "0")}`,
      orderId: "gid://shopify/Order/5151",
      orderName: "#5151",
      status,
      method: "MAIL",
      customerEmail: "linh@example.com",
      locale: "vi",
      labelCarrier: "USPS",
      labelTrackingNumber: trackingNumber,
    },
  });
  return { ret, trackingNumber };
}

const update = (trackingNumber: string, status: string, eventId: string, at = "2026-12-05T10:00:00Z", message: string | null = null) => ({
  shop: shop.domain,
  carrier: "USPS",
  trackingNumber,
  status: status as "in_transit",
  at,
  message,
  eventId,
});

async function stored(id: string) {
  return prisma.returnRequest.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
}

describe("recordCarrierTracking", () => {
  it("moves an approved return to in transit, then delivered; a redelivered or late update changes nothing", async () => {
    const { ret, trackingNumber } = await approvedReturn();
    expect(await recordCarrierTracking(update(trackingNumber, "pre_transit", "evt_1", "2026-12-05T09:00:00Z"))).toMatchObject({ status: "recorded", from: "APPROVED", to: "APPROVED" });
    expect(await recordCarrierTracking(update(trackingNumber, "in_transit", "evt_2", "2026-12-05T10:00:00Z", "Arrived at USPS Regional Facility"))).toMatchObject({
      status: "recorded",
      from: "APPROVED",
      to: "IN_TRANSIT",
    });
    expect(await recordCarrierTracking(update(trackingNumber, "in_transit", "evt_2"))).toEqual({ status: "duplicate", rma: ret.rma });
    expect(await recordCarrierTracking(update(trackingNumber, "delivered", "evt_4", "2026-12-06T15:00:00Z", "Delivered, Front Desk"))).toMatchObject({ to: "DELIVERED" });
    // The carrier's earlier scan arrives after the delivery: recorded, the status stays.
    expect(await recordCarrierTracking(update(trackingNumber, "out_for_delivery", "evt_3", "2026-12-06T08:00:00Z"))).toMatchObject({ from: "DELIVERED", to: "DELIVERED" });

    const after = await stored(ret.id);
    expect(after.status).toBe("DELIVERED");
    expect(after.events.map((e) => `${e.type}:${(e.data as { trackingStatus: string }).trackingStatus}@${e.createdAt.toISOString().slice(5, 13)}`)).toEqual([
      "tracking:pre_transit@12-05T09",
      "in_transit:in_transit@12-05T10",
      "tracking:out_for_delivery@12-06T08",
      "delivered:delivered@12-06T15",
    ]);
    expect(after.events.find((e) => e.type === "in_transit")).toMatchObject({ actor: "carrier:USPS", message: "Arrived at USPS Regional Facility" });

    // The shopper is told once, in their language; staff once, at the shop's address.
    const emails = await prisma.emailMessage.findMany({ where: { shopId: shop.id, idempotencyKey: { endsWith: ret.id } }, orderBy: { kind: "asc" } });
    expect(emails.map((e) => `${e.kind} → ${e.to} (${e.locale})`)).toEqual(["return-alert-delivered → desk@shop.test (en)", "return-delivered → linh@example.com (vi)"]);
    expect(emails[1]!.subject).toContain(ret.rma);
    expect(emails[1]!.text).toContain("Hãng vận chuyển đã giao kiện hàng trả lại");
    expect(emails[0]!.text).toContain("Delivered, Front Desk");
  });

  it("walks a delivery reported without an earlier scan through in transit", async () => {
    const { ret, trackingNumber } = await approvedReturn();
    expect(await recordCarrierTracking(update(trackingNumber, "delivered", "evt_10"))).toMatchObject({ from: "APPROVED", to: "DELIVERED" });
    expect((await stored(ret.id)).events.map((e) => e.type)).toEqual(["in_transit", "delivered"]);
  });

  it("tells staff of a failed delivery without moving the return, and moves no return not yet approved or already received", async () => {
    const { ret, trackingNumber } = await approvedReturn();
    await recordCarrierTracking(update(trackingNumber, "in_transit", "evt_20"));
    expect(await recordCarrierTracking(update(trackingNumber, "failure", "evt_21", undefined, "Undeliverable as addressed"))).toMatchObject({ from: "IN_TRANSIT", to: "IN_TRANSIT" });
    expect(await prisma.emailMessage.findMany({ where: { shopId: shop.id, idempotencyKey: { endsWith: ret.id } }, select: { kind: true } })).toEqual([{ kind: "return-alert-failure" }]);

    const requested = await approvedReturn(shop, "REQUESTED");
    expect(await recordCarrierTracking(update(requested.trackingNumber, "delivered", "evt_22"))).toMatchObject({ from: "REQUESTED", to: "REQUESTED" });
    const received = await approvedReturn(shop, "RECEIVED");
    expect(await recordCarrierTracking(update(received.trackingNumber, "delivered", "evt_23"))).toMatchObject({ from: "RECEIVED", to: "RECEIVED" });
  });

  it("finds only the shop's own return, and refuses malformed input without writing", async () => {
    const elsewhere = await approvedReturn(other);
    expect(await recordCarrierTracking(update(elsewhere.trackingNumber, "delivered", "evt_30"))).toEqual({ status: "not-found" });
    expect((await stored(elsewhere.ret.id)).status).toBe("APPROVED");
    expect(await recordCarrierTracking({ ...update("x", "delivered", "evt_31"), shop: "nobody.myshopify.com" })).toEqual({ status: "not-installed" });

    const { ret, trackingNumber } = await approvedReturn();
    for (const bad of [
      update(`${trackingNumber}\u0000`, "delivered", "evt_32"),
      update(trackingNumber, "delivered", "x".repeat(201)),
      update(trackingNumber, "teleported", "evt_33"),
      update(trackingNumber, "delivered", "evt_34", "not a time"),
      update("9".repeat(101), "delivered", "evt_35"),
    ]) {
      expect(await recordCarrierTracking(bad)).toMatchObject({ status: "invalid" });
    }
    expect((await stored(ret.id)).events).toEqual([]);
  });
});
