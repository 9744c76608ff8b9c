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
      value: "40.28",
      returnShippingFee: "5.00",
      restockingFee: "4.03", // 4.028
      refund: "31.25",
      minor: { value: 4028, returnShippingFee: 500, restockingFee: 403, refund: 3125 },
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
