// EasyPost behind LabelProvider, against the local stand-in (tools/easypost-stand-in.ts) through the
// official SDK: the cheapest rate within the service level is bought once (a retry, even one whose
// first answer was lost, buys nothing new), the carrier's PDF comes back with its barcode, and each
// carrier failure is a CarrierLabelError with nothing bought.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EasyPostLabelProvider, easypostReference } from "~/labels/easypost.server";
import type { ReturnLabelInput } from "~/labels/provider";
import { startEasyPostStandIn, type EasyPostStandIn } from "../../../tools/easypost-stand-in";
import { decodePdfBarcodes, extractPdfText } from "../../support/pdf";
import { carrierProblem } from "./carrier-problem";

let standIn: EasyPostStandIn;

const input = (rma = "RMA-1001-7KQ2", overrides: Partial<ReturnLabelInput> = {}): ReturnLabelInput => ({
  rma,
  orderName: "#1001",
  shopDomain: "crossdock-demo.myshopify.com",
  shopName: "Crossdock Demo",
  method: "MAIL",
  from: { name: "Jane Shopper", address1: "179 N Harbor Dr", city: "Redondo Beach", province: "California", provinceCode: "CA", zip: "90277", country: "United States", countryCode: "US" },
  to: { name: "Crossdock Warehouse", company: "Crossdock Demo", address1: "417 Montgomery Street", city: "San Francisco", province: "California", provinceCode: "CA", zip: "94104", country: "United States", countryCode: "US" },
  items: [{ title: "Tee", quantity: 2, reason: "SIZE_TOO_SMALL" }],
  createdAt: "2026-12-06T00:00:00Z",
  ...overrides,
});

const provider = (options: { timeoutMs?: number; serviceLevel?: "economy" | "standard" | "express" } = {}) =>
  new EasyPostLabelProvider({ apiKey: standIn.apiKey, baseUrl: standIn.baseUrl, serviceLevel: options.serviceLevel ?? "standard", timeoutMs: options.timeoutMs ?? 5_000 });

beforeAll(async () => {
  standIn = await startEasyPostStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => standIn.reset());

describe("EasyPostLabelProvider against the stand-in", () => {
  it("buys the cheapest rate within the service level for a return shipment and returns the carrier's PDF", async () => {
    const label = await provider().createReturnLabel(input());
    const [shipment] = standIn.shipments();
    expect(shipment).toMatchObject({ is_return: true, reference: easypostReference("crossdock-demo.myshopify.com", "RMA-1001-7KQ2"), options: { label_format: "PDF" } });
    // A return shipment names the shopper as to_address: EasyPost ships it to from_address, the warehouse.
    expect(shipment!.to_address).toMatchObject({ name: "Jane Shopper", state: "CA", zip: "90277" });
    expect(shipment!.from_address).toMatchObject({ name: "Crossdock Warehouse", street1: "417 Montgomery Street" });
    // Standard (≤ 5 days): USPS GroundAdvantage at 6.07 beats UPS Ground (4 days) at 12.48.
    expect(shipment!.selected_rate).toMatchObject({ carrier: "USPS", service: "GroundAdvantage", rate: "6.07" });
    expect(label).toMatchObject({ carrier: "USPS", trackingNumber: shipment!.tracking_code, postage: { amount: "6.07", currency: "USD", carrier: "USPS", service: "GroundAdvantage" }, shipmentId: shipment!.id });
    expect(label.trackingUrl).toBe(shipment!.tracker!.public_url);
    expect(standIn.purchases()).toBe(1);

    // The PDF is the carrier's: its text names the carrier and tracking number, its barcode scans to the number.
    const text = (await extractPdfText(label.pdf)).map((p) => p.text).join("\n");
    expect(text).toContain("USPS GROUNDADVANTAGE");
    expect(text).toContain(`TRACKING # ${label.trackingNumber}`);
    expect(text).toContain("Crossdock Warehouse");
    expect(await decodePdfBarcodes(label.pdf, "CODE_128")).toEqual([{ page: 1, text: label.trackingNumber }]);
  });

  it("express picks the cheapest 2-day rate, economy the cheapest of all", async () => {
    expect((await provider({ serviceLevel: "express" }).createReturnLabel(input("RMA-EXPRESS"))).postage).toMatchObject({ service: "Priority", amount: "9.35" });
    expect((await provider({ serviceLevel: "economy" }).createReturnLabel(input("RMA-ECONOMY"))).postage).toMatchObject({ service: "GroundAdvantage", amount: "6.07" });
  });

  it("a retry or a re-print finds the label by its reference and buys nothing new", async () => {
    const first = await provider().createReturnLabel(input());
    const again = await provider().createReturnLabel(input());
    expect(again.trackingNumber).toBe(first.trackingNumber);
    expect(standIn.shipments()).toHaveLength(1);
    expect(standIn.purchases()).toBe(1);
  });

  it("a buy whose answer never arrived (timeout) is found bought on the retry: one label", async () => {
    // The stand-in buys the label but answers after the client has given up.
    standIn.failNext(1, "slow", { step: "buy", delayMs: 1_000 });
    expect(await carrierProblem(provider({ timeoutMs: 400 }).createReturnLabel(input()))).toBe("timeout");
    await new Promise((r) => setTimeout(r, 1_200));
    expect(standIn.purchases()).toBe(1);

    const retry = await provider().createReturnLabel(input());
    expect(standIn.purchases()).toBe(1);
    expect(standIn.shipments()).toHaveLength(1);
    expect(retry.trackingNumber).toBe(standIn.shipments()[0]!.tracking_code);
  });

  it("a shipment created but not bought (5xx on the buy) is bought on the retry, not created again", async () => {
    standIn.failNext(1, "500", { step: "buy" });
    expect(await carrierProblem(provider().createReturnLabel(input()))).toBe("unavailable");
    expect(standIn.shipments()).toHaveLength(1);
    expect(standIn.purchases()).toBe(0);

    const label = await provider().createReturnLabel(input());
    expect(standIn.shipments()).toHaveLength(1);
    expect(standIn.purchases()).toBe(1);
    expect(label.trackingNumber).toBe(standIn.shipments()[0]!.tracking_code);
  });

  it("an address the carrier cannot verify is invalid-address, and nothing is created or bought", async () => {
    const bad = input("RMA-BADADDR", { from: { name: "Jane", address1: "Harbor Dr", city: "Redondo Beach", provinceCode: "CA", zip: "9027", country: "United States", countryCode: "US" } });
    expect(await carrierProblem(provider().createReturnLabel(bad))).toBe("invalid-address");
    expect(standIn.shipments()).toHaveLength(0);
    expect(standIn.purchases()).toBe(0);
  });

  it("no rate (carriers' rate errors) is no-rates, and nothing is bought", async () => {
    standIn.setNoRates(true);
    expect(await carrierProblem(provider().createReturnLabel(input("RMA-NORATES")))).toBe("no-rates");
    expect(standIn.purchases()).toBe(0);
  });

  it("5xx and 503 are unavailable; a slow answer is timeout; nothing is bought", async () => {
    standIn.failNext(1, "503");
    expect(await carrierProblem(provider().createReturnLabel(input("RMA-503")))).toBe("unavailable");
    standIn.failNext(1, "slow", { delayMs: 1_000 });
    expect(await carrierProblem(provider({ timeoutMs: 300 }).createReturnLabel(input("RMA-SLOW")))).toBe("timeout");
    expect(standIn.purchases()).toBe(0);
  });

  it("a wrong API key is unavailable (EasyPost's 401), not an address problem", async () => {
    const wrong = new EasyPostLabelProvider({ apiKey: "EZTK_wrong", baseUrl: standIn.baseUrl, serviceLevel: "standard", timeoutMs: 2_000 });
    expect(await carrierProblem(wrong.createReturnLabel(input("RMA-KEY")))).toBe("unavailable");
  });
});
