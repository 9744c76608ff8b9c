import { describe, expect, it } from "vitest";
import { parseSelfShipTracking } from "./self-ship";

describe("parseSelfShipTracking", () => {
  it("keeps the number as carriers print it and the carrier as typed", () => {
    expect(parseSelfShipTracking({ trackingNumber: " 9400 1000-0000 0000 0000 00 ", carrier: " USPS " })).toEqual({ ok: true, trackingNumber: "9400100000000000000000", carrier: "USPS" });
    expect(parseSelfShipTracking({ trackingNumber: "ghnabc123vn", carrier: "Giao  Hàng Nhanh" })).toEqual({ ok: true, trackingNumber: "GHNABC123VN", carrier: "Giao Hàng Nhanh" });
    expect(parseSelfShipTracking({ trackingNumber: "SF1234567890", carrier: "" })).toEqual({ ok: true, trackingNumber: "SF1234567890", carrier: null });
  });

  it.each([
    [{ trackingNumber: "", carrier: "USPS" }, { trackingNumber: "trackingRequired" }],
    [{ trackingNumber: "12", carrier: "" }, { trackingNumber: "trackingInvalid" }],
    [{ trackingNumber: "9400\u00001000", carrier: "" }, { trackingNumber: "trackingInvalid" }],
    [{ trackingNumber: "<script>", carrier: "" }, { trackingNumber: "trackingInvalid" }],
    [{ trackingNumber: "9".repeat(41), carrier: "" }, { trackingNumber: "trackingTooLong" }],
    [{ trackingNumber: "9".repeat(5000), carrier: "" }, { trackingNumber: "trackingTooLong" }],
    [{ trackingNumber: "94001000", carrier: "US\u0000PS" }, { carrier: "carrierInvalid" }],
    [{ trackingNumber: "94001000", carrier: "x".repeat(61) }, { carrier: "carrierTooLong" }],
  ])("refuses %j", (input, errors) => {
    expect(parseSelfShipTracking(input)).toEqual({ ok: false, errors });
  });
});
