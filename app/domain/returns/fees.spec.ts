import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeReturnTotals } from "./fees";
import { fromMinor, toMinor } from "./money";

const policy = { returnShippingFee: "5.00", restockingFeePercent: "10" };

describe("computeReturnTotals", () => {
  it("charges the shipping fee for MAIL only", () => {
    const lines = [
      { unitPrice: "19.99", quantity: 2 },
      { unitPrice: "0.10", quantity: 3 },
    ];
    expect(computeReturnTotals(lines, "MAIL", policy)).toEqual({
      currency: null,
      value: "40.28",
      returnShippingFee: "5.00",
      restockingFee: "4.03", // 4.00 (3.998) + 0.03 per line
      refund: "31.25",
      restockingFeePercentage: 10,
      minor: { value: 4028, returnShippingFee: 500, restockingFee: 403, refund: 3125 },
      lines: [
        { value: 3998, restockingFee: 400 },
        { value: 30, restockingFee: 3 },
      ],
    });
    const dropOff = computeReturnTotals(lines, "DROP_OFF", policy);
    expect(dropOff.returnShippingFee).toBe("0.00");
    expect(dropOff.refund).toBe("36.25");
  });

  it("never refunds below zero", () => {
    const t = computeReturnTotals([{ unitPrice: "3.00", quantity: 1 }], "MAIL", policy);
    expect(t.refund).toBe("0.00");
    expect(t.returnShippingFee).toBe("5.00");
  });

  it("is zero for no lines", () => {
    expect(computeReturnTotals([], "DROP_OFF", policy).value).toBe("0.00");
  });

  it("refuses fractional or negative quantities and bad prices", () => {
    expect(() => computeReturnTotals([{ unitPrice: "1.00", quantity: 1.5 }], "MAIL", policy)).toThrow(RangeError);
    expect(() => computeReturnTotals([{ unitPrice: "1.00", quantity: -1 }], "MAIL", policy)).toThrow(RangeError);
    expect(() => computeReturnTotals([{ unitPrice: "1.001", quantity: 1 }], "MAIL", policy)).toThrow(RangeError);
  });

  it("adds up exactly and value = refund + deductions whenever the refund is positive", () => {
    const line = fc.record({
      unitPrice: fc.integer({ min: 0, max: 10_000_00 }).map(fromMinor),
      quantity: fc.integer({ min: 0, max: 50 }),
    });
    const fees = fc.record({
      returnShippingFee: fc.integer({ min: 0, max: 50_00 }).map(fromMinor),
      restockingFeePercent: fc.integer({ min: 0, max: 10_000 }).map(fromMinor),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fees, fc.constantFrom("MAIL" as const, "DROP_OFF" as const), (lines, p, method) => {
        const t = computeReturnTotals(lines, method, p);
        const expected = lines.reduce((sum, l) => sum + toMinor(l.unitPrice) * l.quantity, 0);
        expect(t.minor.value).toBe(expected);
        expect(toMinor(t.value)).toBe(expected);
        if (t.minor.refund > 0) expect(t.minor.refund + t.minor.returnShippingFee + t.minor.restockingFee).toBe(expected);
        expect(t.minor.refund).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("computeReturnTotals in the order's presentment currency", () => {
  // A USD shop; the shopper paid 2,235,500 VND for an 85.00 USD order (26,300 đồng per dollar).
  const vnd = { currency: "VND", rate: { shop: { minor: 8500, currency: "USD" }, presentment: { minor: 2235500, currency: "VND" } } };

  it("prices in whole đồng: the policy's USD fee at the order's rate, each line's restocking fee rounded on its own", () => {
    const lines = [
      { unitPrice: "526000", quantity: 2 },
      { unitPrice: "328750", quantity: 1 },
    ];
    const t = computeReturnTotals(lines, "MAIL", { returnShippingFee: "5.00", restockingFeePercent: "10" }, vnd);
    expect(t).toMatchObject({
      currency: "VND",
      value: "1380750",
      returnShippingFee: "131500",
      restockingFee: "138075", // 105,200 + 32,875
      refund: "1111175", // 1,380,750 − 131,500 − 138,075
      restockingFeePercentage: 10,
      lines: [
        { value: 1052000, restockingFee: 105200 },
        { value: 328750, restockingFee: 32875 },
      ],
    });
  });

  it("rounds the restocking fee per line, as Shopify's per-line RestockingFee does", () => {
    // 12.5 % of 333 đồng = 41.625 → 42 per line; of the two lines together 83.25 → 83.
    const t = computeReturnTotals(
      [
        { unitPrice: "333", quantity: 1 },
        { unitPrice: "333", quantity: 1 },
      ],
      "DROP_OFF",
      { returnShippingFee: "5.00", restockingFeePercent: "12.5" },
      vnd,
    );
    expect(t.minor.restockingFee).toBe(84);
    expect(t.restockingFeePercentage).toBe(12.5);
  });

  it("refuses a price with fractions of a đồng", () => {
    expect(() => computeReturnTotals([{ unitPrice: "1.50", quantity: 1 }], "MAIL", policy, vnd)).toThrow(RangeError);
  });
});
