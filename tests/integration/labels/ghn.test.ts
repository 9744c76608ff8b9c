// GHN behind LabelProvider, against the local stand-in (tools/ghn-stand-in.ts): a return order from
// the shopper's address to the return location is created once (a retry, even one whose first answer
// was lost, creates nothing new), GHN's A5 label comes back with the order code as its barcode, and
// each carrier failure is a CarrierLabelError with nothing created.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GhnLabelProvider, ghnClientOrderCode, ghnPhone } from "~/labels/ghn.server";
import type { ReturnLabelInput } from "~/labels/provider";
import { startGhnStandIn, type GhnStandIn } from "../../../tools/ghn-stand-in";
import { decodePdfBarcodes, extractPdfText } from "../../support/pdf";
import { carrierProblem } from "./carrier-problem";

let standIn: GhnStandIn;

const input = (rma = "RMA-1042-9XKD", overrides: Partial<ReturnLabelInput> = {}): ReturnLabelInput => ({
  rma,
  orderName: "#1042",
  shopDomain: "crossdock-demo.myshopify.com",
  shopName: "Crossdock Demo",
  method: "MAIL",
  from: { name: "Nguyễn Thị Mai", address1: "118 Nguyễn Đình Chiểu", address2: "Phường Võ Thị Sáu, Quận 3", city: "Hồ Chí Minh", province: "Hồ Chí Minh", zip: "70000", country: "Việt Nam", countryCode: "VN", phone: "+84 90 123 4567" },
  to: {
    name: "Bình Dương Warehouse",
    company: "Crossdock Demo",
    address1: "Số 8, Đường VSIP II-A 12",
    address2: "KCN VSIP II, Phường Hòa Phú",
    city: "Thủ Dầu Một",
    province: "Bình Dương",
    zip: "75000",
    country: "Việt Nam",
    countryCode: "VN",
    phone: "+84 274 3555 018",
  },
  items: [{ title: "Áo thun", variantTitle: "M", sku: "TEE-M", quantity: 2, reason: "SIZE_TOO_SMALL" }],
  createdAt: "2026-12-06T00:00:00Z",
  ...overrides,
});

const provider = (options: { timeoutMs?: number; token?: string; shopId?: number } = {}) =>
  new GhnLabelProvider({ token: options.token ?? standIn.token, shopId: options.shopId ?? standIn.shopId, baseUrl: standIn.baseUrl, timeoutMs: options.timeoutMs ?? 5_000 });

beforeAll(async () => {
  standIn = await startGhnStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => standIn.reset());

describe("GhnLabelProvider against the stand-in", () => {
  it("creates a shop-paid return order from the shopper to the return location and returns GHN's A5 label", async () => {
    const label = await provider().createReturnLabel(input());
    const [order] = standIn.orders();
    expect(standIn.created()).toBe(1);
    expect(order).toMatchObject({
      client_order_code: ghnClientOrderCode("crossdock-demo.myshopify.com", "RMA-1042-9XKD"),
      payment_type_id: 1,
      cod_amount: 0,
      required_note: "KHONGCHOXEMHANG",
      service_type_id: 2,
      weight: 1000,
      // Picked up at the shopper's (Phường Võ Thị Sáu, Quận 3), delivered to the warehouse (Phường Hòa Phú, Thủ Dầu Một).
      from_name: "Nguyễn Thị Mai",
      from_phone: "0901234567",
      from_district_id: 1444,
      from_ward_code: "20308",
      to_name: "Bình Dương Warehouse (Crossdock Demo)",
      to_district_id: 1538,
      to_ward_code: "440112",
    });
    expect(order!.content).toBe("2 × Áo thun (M)");
    expect(label).toMatchObject({
      carrier: "GHN",
      trackingNumber: order!.order_code,
      trackingUrl: `https://donhang.ghn.vn/?order_code=${order!.order_code}`,
      shipmentId: order!.order_code,
      postage: { amount: String(order!.total_fee), currency: "VND", carrier: "GHN", service: "Hàng nhẹ" },
    });

    // The PDF is GHN's A5 label: its barcode scans to the order code.
    const text = (await extractPdfText(label.pdf)).map((p) => p.text).join("\n");
    expect(text).toContain(`Ma don GHN: ${order!.order_code}`);
    expect(await decodePdfBarcodes(label.pdf, "CODE_128")).toEqual([{ page: 1, text: order!.order_code }]);
    expect(standIn.requests()).toEqual([
      "POST /shiip/public-api/v2/shipping-order/detail-by-client-code",
      "POST /shiip/public-api/v2/shipping-order/create",
      "POST /shiip/public-api/v2/a5/gen-token",
      "GET /a5/public-api/printA5",
    ]);
  });

  it("quotes the postage with GHN's Preview Order: the fee of the order approval then creates, and nothing created by the quote", async () => {
    const quote = await provider().quotePostage(input());
    expect(standIn.created()).toBe(0);
    expect(standIn.requests()).toContain("POST /shiip/public-api/v2/shipping-order/preview");
    const label = await provider().createReturnLabel(input());
    expect(quote).toEqual({ amount: label.postage!.amount, currency: "VND", carrier: "GHN", service: "Hàng nhẹ" });
    expect(Number(quote.amount)).toBeGreaterThan(0);
  });

  it("a quote GHN refuses is the same carrier problem as a create it refuses", async () => {
    expect(await carrierProblem(provider().quotePostage(input("RMA-1", { from: { ...input().from, address2: "Phường Không Có, Quận 3" } })))).toBe("invalid-address");
    standIn.failNext(1, "500", { step: "preview" });
    expect(await carrierProblem(provider().quotePostage(input()))).toBe("unavailable");
    expect(standIn.created()).toBe(0);
  });

  it("a retry or a re-print finds the order by its client_order_code and creates nothing new", async () => {
    const first = await provider().createReturnLabel(input());
    const again = await provider().createReturnLabel(input());
    expect(again.trackingNumber).toBe(first.trackingNumber);
    expect(standIn.created()).toBe(1);
  });

  it("a create whose answer never arrived (timeout) is found on the retry: one order", async () => {
    // The stand-in creates the order but answers after the client has given up.
    standIn.failNext(1, "slow", { step: "create", delayMs: 1_000 });
    expect(await carrierProblem(provider({ timeoutMs: 400 }).createReturnLabel(input()))).toBe("timeout");
    await new Promise((r) => setTimeout(r, 1_200));
    expect(standIn.created()).toBe(1);

    const retry = await provider().createReturnLabel(input());
    expect(standIn.created()).toBe(1);
    expect(retry.trackingNumber).toBe(standIn.orders()[0]!.order_code);
  });

  it("an order created but whose label failed (5xx on the print token) is printed on the retry, not created again", async () => {
    standIn.failNext(1, "500", { step: "token" });
    expect(await carrierProblem(provider().createReturnLabel(input()))).toBe("unavailable");
    expect(standIn.created()).toBe(1);
    const label = await provider().createReturnLabel(input());
    expect(standIn.created()).toBe(1);
    expect(label.trackingNumber).toBe(standIn.orders()[0]!.order_code);
  });

  it("a ward GHN does not know is invalid-address (GHN's code 400), and nothing is created", async () => {
    const bad = input("RMA-BADWARD", { from: { ...input().from, address2: "Phường Không Có, Quận 3" } });
    expect(await carrierProblem(provider().createReturnLabel(bad))).toBe("invalid-address");
    expect(standIn.created()).toBe(0);
  });

  it("an address without ward and district, or without a phone, is invalid-address before GHN is asked", async () => {
    expect(await carrierProblem(provider().createReturnLabel(input("RMA-NOWARD", { from: { ...input().from, address2: null } })))).toBe("invalid-address");
    expect(await carrierProblem(provider().createReturnLabel(input("RMA-NOPHONE", { from: { ...input().from, phone: null } })))).toBe("invalid-address");
    expect(standIn.requests().filter((r) => r.endsWith("/create"))).toEqual([]);
  });

  it("a route without a service is no-rates, and nothing is created", async () => {
    standIn.setNoService(true);
    expect(await carrierProblem(provider().createReturnLabel(input("RMA-NOSERVICE")))).toBe("no-rates");
    expect(standIn.created()).toBe(0);
  });

  it("5xx and a 503 page are unavailable; a slow answer is timeout; nothing is created", async () => {
    standIn.failNext(1, "500", { step: "create" });
    expect(await carrierProblem(provider().createReturnLabel(input("RMA-500")))).toBe("unavailable");
    standIn.failNext(1, "503");
    expect(await carrierProblem(provider().createReturnLabel(input("RMA-503")))).toBe("unavailable");
    standIn.failNext(1, "slow", { step: "detail", delayMs: 1_000 });
    expect(await carrierProblem(provider({ timeoutMs: 300 }).createReturnLabel(input("RMA-SLOW")))).toBe("timeout");
    expect(standIn.created()).toBe(0);
  });

  it("a wrong token or shop is unavailable (the account), not an address problem", async () => {
    expect(await carrierProblem(provider({ token: "wrong" }).createReturnLabel(input("RMA-TOKEN")))).toBe("unavailable");
    expect(await carrierProblem(provider({ shopId: 1 }).createReturnLabel(input("RMA-SHOP")))).toBe("invalid-address");
    expect(standIn.created()).toBe(0);
  });

  it("writes Vietnamese phones as GHN does", () => {
    expect(ghnPhone("+84 90 123 4567")).toBe("0901234567");
    expect(ghnPhone("+84 274 3555 018")).toBe("02743555018");
    expect(ghnPhone("0909-999-999")).toBe("0909999999");
    expect(ghnPhone("+1 415-555-0100")).toBeNull();
    expect(ghnPhone(null)).toBeNull();
  });
});
