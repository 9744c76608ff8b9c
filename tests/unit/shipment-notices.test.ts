// Shipment notices (#15): which carrier events email the shopper and alert staff, the once-only keys,
// the settings form's list, the webhook payload, and the emails in every language.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SHIPMENT_EMAIL_STATUSES,
  decideShipmentNotice,
  parseShipmentEmailStatuses,
  SHIPMENT_EMAIL_STATUSES,
  shipmentEmailKey,
} from "~/domain/shipments/notices";
import { renderShipmentAlert, renderShipmentEmail } from "~/email/templates";
import { EMAIL_LOCALES } from "~/email/templates/types";
import { fulfillmentEventPayloadSchema } from "~/shopify/webhook-payloads";
import { loadAdminSchema } from "../../simulator/admin-schema";
import { ADMIN_API_VERSION } from "~/shopify/api-version";

const at = (iso: string) => new Date(iso);

describe("decideShipmentNotice", () => {
  it("the statuses are Shopify's FulfillmentEventStatus values (2026-10 schema)", () => {
    const values = (loadAdminSchema(ADMIN_API_VERSION).getType("FulfillmentEventStatus") as unknown as { getValues(): { name: string }[] }).getValues().map((v) => v.name);
    for (const status of SHIPMENT_EMAIL_STATUSES) expect(values).toContain(status);
  });

  it("emails the shopper for a chosen status only, and alerts staff for every problem", () => {
    const chosen = DEFAULT_SHIPMENT_EMAIL_STATUSES;
    expect(decideShipmentNotice({ status: "DELAYED", happenedAt: at("2026-12-01T10:00:00Z") }, chosen)).toEqual({ shopper: "DELAYED", staff: "DELAYED" });
    expect(decideShipmentNotice({ status: "IN_TRANSIT", happenedAt: at("2026-12-01T10:00:00Z") }, chosen)).toEqual({ shopper: null, staff: null });
    expect(decideShipmentNotice({ status: "IN_TRANSIT", happenedAt: at("2026-12-01T10:00:00Z") }, ["IN_TRANSIT"])).toEqual({ shopper: "IN_TRANSIT", staff: null });
    expect(decideShipmentNotice({ status: "FAILURE", happenedAt: at("2026-12-01T10:00:00Z") }, [])).toEqual({ shopper: null, staff: "FAILURE" });
    expect(decideShipmentNotice({ status: "ATTEMPTED_DELIVERY", happenedAt: at("2026-12-01T10:00:00Z") }, [])).toEqual({ shopper: null, staff: "ATTEMPTED_DELIVERY" });
  });

  it("the webhook's lower-case status is Shopify's enum; label and confirmation events email no one", () => {
    expect(decideShipmentNotice({ status: "out_for_delivery", happenedAt: at("2026-12-01T10:00:00Z") }, ["OUT_FOR_DELIVERY"]).shopper).toBe("OUT_FOR_DELIVERY");
    for (const status of ["CONFIRMED", "LABEL_PURCHASED", "LABEL_PRINTED", "CARRIER_PICKED_UP", "SOMETHING_NEW"]) {
      expect(decideShipmentNotice({ status, happenedAt: at("2026-12-01T10:00:00Z") }, [...SHIPMENT_EMAIL_STATUSES, status])).toEqual({ shopper: null, staff: null });
    }
  });

  it("a late scan the parcel has already left (in transit after delivered) tells the shopper nothing, staff still hear of problems", () => {
    const later = [{ status: "DELIVERED", happenedAt: at("2026-12-02T10:00:00Z") }];
    expect(decideShipmentNotice({ status: "IN_TRANSIT", happenedAt: at("2026-12-01T10:00:00Z") }, SHIPMENT_EMAIL_STATUSES, later).shopper).toBeNull();
    expect(decideShipmentNotice({ status: "DELAYED", happenedAt: at("2026-12-01T10:00:00Z") }, SHIPMENT_EMAIL_STATUSES, later)).toEqual({ shopper: null, staff: "DELAYED" });
    // An earlier or label-only event does not hold it back.
    expect(decideShipmentNotice({ status: "IN_TRANSIT", happenedAt: at("2026-12-03T10:00:00Z") }, SHIPMENT_EMAIL_STATUSES, [...later, { status: "LABEL_PRINTED", happenedAt: at("2026-12-04T10:00:00Z") }]).shopper).toBe("IN_TRANSIT");
  });

  it("one key per shipment and status, for the shopper and for staff", () => {
    expect(shipmentEmailKey("shopper", "gid://shopify/Fulfillment/255858046", "DELAYED")).toBe("shipment:delayed:255858046");
    expect(shipmentEmailKey("staff", "gid://shopify/Fulfillment/255858046", "DELAYED")).toBe("shipment-alert:delayed:255858046");
    expect(shipmentEmailKey("shopper", "gid://shopify/Fulfillment/255858046", "DELAYED")).not.toBe(shipmentEmailKey("shopper", "gid://shopify/Fulfillment/255858047", "DELAYED"));
  });
});

describe("parseShipmentEmailStatuses (the Settings form's list)", () => {
  it("keeps known statuses in the canonical order, once; refuses an unknown one", () => {
    expect(parseShipmentEmailStatuses("DELAYED,IN_TRANSIT,DELAYED")).toEqual(["IN_TRANSIT", "DELAYED"]);
    expect(parseShipmentEmailStatuses("")).toEqual([]);
    expect(parseShipmentEmailStatuses("DELAYED,LABEL_PRINTED")).toBeNull();
  });
});

describe("fulfillment_events/create payload", () => {
  it("reads Shopify's example shape: ids to GIDs, the status upper-cased, the carrier's message, nulls where the example has them", () => {
    const event = fulfillmentEventPayloadSchema.parse({
      id: 944956395,
      fulfillment_id: 255858046,
      status: "in_transit",
      message: "Arrived at sorting facility",
      happened_at: "2026-12-01T10:00:00-05:00",
      city: null,
      province: null,
      country: "US",
      zip: null,
      address1: null,
      latitude: null,
      longitude: null,
      shop_id: 548380009,
      created_at: "2026-12-01T10:00:05-05:00",
      updated_at: "2026-12-01T10:00:05-05:00",
      estimated_delivery_at: null,
      order_id: 450789469,
      admin_graphql_api_id: "gid://shopify/FulfillmentEvent/944956395",
    });
    expect(event).toEqual({
      eventId: "gid://shopify/FulfillmentEvent/944956395",
      fulfillmentId: "gid://shopify/Fulfillment/255858046",
      orderId: "gid://shopify/Order/450789469",
      status: "IN_TRANSIT",
      message: "Arrived at sorting facility",
      happenedAt: new Date("2026-12-01T15:00:00Z"),
      estimatedDeliveryAt: null,
    });
  });
});

describe("shipment emails", () => {
  const tracking = { company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" };
  for (const locale of EMAIL_LOCALES) {
    it(`render every status in ${locale} with the carrier's message, the tracking link and the order page`, () => {
      for (const status of SHIPMENT_EMAIL_STATUSES) {
        const email = renderShipmentEmail({
          locale,
          timeZone: "Asia/Ho_Chi_Minh",
          brand: { name: "Saigon Threads", color: "#1a6b4f", logoUrl: null },
          status,
          customerName: "Lan",
          orderName: "#1001",
          message: "Storm <delay> & detour",
          happenedAt: at("2026-12-01T10:00:00Z"),
          estimatedDeliveryAt: at("2026-12-04T10:00:00Z"),
          tracking,
          orderUrl: "https://crossdock.example.com/portal/s.myshopify.com/o/abc",
        });
        expect(email.subject).toContain("#1001");
        expect(email.text).toContain("Storm <delay> & detour");
        expect(email.html).toContain("Storm &lt;delay&gt; &amp; detour");
        expect(email.text).toContain(tracking.url);
        expect(email.text).toContain(`o/abc?lang=${locale}`);
        expect(email.html).toContain(`lang="${locale}"`);
      }
      for (const status of ["ATTEMPTED_DELIVERY", "DELAYED", "FAILURE"] as const) {
        const alert = renderShipmentAlert({
          locale,
          timeZone: "UTC",
          shopName: "Saigon Threads",
          status,
          orderName: "#1001",
          customerEmail: "lan@example.vn",
          message: "Address not found",
          happenedAt: at("2026-12-01T10:00:00Z"),
          tracking,
          orderAdminUrl: "https://s.myshopify.com/admin/orders/1",
        });
        expect(alert.text).toContain("Address not found");
        expect(alert.text).toContain("lan@example.vn");
        expect(alert.text).not.toMatch(/ATTEMPTED_DELIVERY|DELAYED|FAILURE/);
      }
    });
  }

  it("without a message or tracking, the email still says what happened, in words", () => {
    const email = renderShipmentEmail({
      locale: "vi",
      timeZone: "Asia/Ho_Chi_Minh",
      brand: { name: "Saigon Threads", color: null, logoUrl: null },
      status: "DELAYED",
      customerName: null,
      orderName: "#1001",
      message: null,
      happenedAt: at("2026-12-01T10:00:00Z"),
      estimatedDeliveryAt: null,
      tracking: null,
      orderUrl: null,
    });
    expect(email.subject).toBe("Đơn hàng #1001 bị chậm trễ");
    expect(email.text).toContain("Xin chào,");
    expect(email.text).not.toContain("DELAYED");
  });
});
