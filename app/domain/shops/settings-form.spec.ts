import { describe, expect, it } from "vitest";
import { parseShopSettingsForm } from "./settings-form";

const valid = {
  portalBrandName: "  Northwind  ",
  portalLogoUrl: "https://cdn.example.com/logo.png",
  portalBrandColor: "#1A6B4F",
  defaultLocale: "vi",
  showExactCounts: "on",
  lowStockThreshold: "3",
  stockBuffer: "0",
  shipmentEmailStatuses: "DELAYED,IN_TRANSIT",
};

describe("parseShopSettingsForm", () => {
  it("reads a valid form: trimmed text, empty as none, a lower-case colour, the checkbox as ticked or not", () => {
    expect(parseShopSettingsForm(valid)).toEqual({
      ok: true,
      value: { portalBrandName: "Northwind", portalLogoUrl: "https://cdn.example.com/logo.png", portalBrandColor: "#1a6b4f", defaultLocale: "vi", showExactCounts: true, lowStockThreshold: 3, stockBuffer: 0, shipmentEmailStatuses: ["IN_TRANSIT", "DELAYED"] },
    });
    const cleared = parseShopSettingsForm({ ...valid, portalBrandName: " ", portalLogoUrl: "", portalBrandColor: "", showExactCounts: undefined });
    expect(cleared).toMatchObject({ ok: true, value: { portalBrandName: null, portalLogoUrl: null, portalBrandColor: null, showExactCounts: false } });
  });

  it("names every wrong field with a reason in words, and returns no value", () => {
    const result = parseShopSettingsForm({
      portalBrandName: "x".repeat(81),
      portalLogoUrl: "http://example.com/logo.png",
      portalBrandColor: "green",
      defaultLocale: "fr",
      lowStockThreshold: "-1",
      stockBuffer: "2.5",
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        portalBrandName: { key: "tooLong", values: { max: 80 } },
        portalLogoUrl: { key: "httpsUrl" },
        portalBrandColor: { key: "color" },
        defaultLocale: { key: "language" },
        lowStockThreshold: { key: "atLeast", values: { min: 0 } },
        stockBuffer: { key: "wholeNumber" },
      },
    });
    expect(parseShopSettingsForm({ ...valid, stockBuffer: "", lowStockThreshold: "100001" })).toEqual({
      ok: false,
      errors: { stockBuffer: { key: "required" }, lowStockThreshold: { key: "atMost", values: { max: 100_000 } } },
    });
    expect(parseShopSettingsForm({ ...valid, portalBrandName: "North\u0000wind" })).toMatchObject({ ok: false, errors: { portalBrandName: { key: "plainText" } } });
    expect(parseShopSettingsForm({ ...valid, portalLogoUrl: "https://exa mple.com/x.png" })).toMatchObject({ ok: false, errors: { portalLogoUrl: { key: "httpsUrl" } } });
  });

  it("reads the shipment emails as a list of Shopify's event statuses; none is a choice, an unknown one is refused", () => {
    expect(parseShopSettingsForm({ ...valid, shipmentEmailStatuses: "" })).toMatchObject({ ok: true, value: { shipmentEmailStatuses: [] } });
    expect(parseShopSettingsForm({ ...valid, shipmentEmailStatuses: "DELAYED,CONFIRMED" })).toEqual({ ok: false, errors: { shipmentEmailStatuses: { key: "shipmentStatus" } } });
  });
});
