import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMinor, isAmount, percentOf, toMinor } from "./money";

describe("toMinor / fromMinor", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["0.05", 5],
    ["-3.10", -310],
    [" 7.00 ", 700],
  ] as const)("%s → %i", (text, minor) => {
    expect(toMinor(text)).toBe(minor);
  });

  it("accepts Prisma-style Decimal objects and exact numbers, refuses float noise", () => {
    expect(toMinor({ toString: () => "19.99" })).toBe(1999);
    expect(toMinor(19.99)).toBe(1999);
    expect(() => toMinor(0.1 + 0.2)).toThrow(/at most 2 decimals/);
  });

  it.each(["1.234", "1e3", "abc", "", "1.", ".5", "NaN"])("refuses %j", (text) => {
    expect(() => toMinor(text)).toThrow(RangeError);
    expect(isAmount(text)).toBe(false);
  });

  it("formats with two decimals", () => {
    expect(fromMinor(1250)).toBe("12.50");
    expect(fromMinor(5)).toBe("0.05");
    expect(fromMinor(-5)).toBe("-0.05");
    expect(fromMinor(0)).toBe("0.00");
    expect(() => fromMinor(1.5)).toThrow();
  });

  it("round-trips every amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(toMinor(fromMinor(minor))).toBe(minor);
      }),
    );
  });

  it("sums without drift: 0.10 + 0.20 is exactly 0.30", () => {
    expect(fromMinor(toMinor("0.10") + toMinor("0.20"))).toBe("0.30");
  });
});

describe("percentOf", () => {
  it("rounds half away from zero to the cent", () => {
    expect(percentOf(1999, "12.5")).toBe(250); // 249.875
    expect(percentOf(1000, "10")).toBe(100);
    expect(percentOf(5, "10")).toBe(1); // 0.5 → 1
    expect(percentOf(4, "10")).toBe(0); // 0.4 → 0
    expect(percentOf(-5, "10")).toBe(-1);
    expect(percentOf(12345, "0")).toBe(0);
    expect(percentOf(12345, "100")).toBe(12345);
  });

  it("stays within half a cent of the exact value and never exceeds the amount at ≤ 100 %", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 10_000 }), (minor, bp) => {
        const percent = fromMinor(bp); // bp hundredths of a percent
        const fee = percentOf(minor, percent);
        expect(Math.abs(fee - (minor * bp) / 10_000)).toBeLessThanOrEqual(0.5);
        expect(fee).toBeLessThanOrEqual(minor);
        expect(Number.isInteger(fee)).toBe(true);
      }),
    );
  });
});
