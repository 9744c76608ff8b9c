import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, fromMinor, isAmount, money, moneyAmount, percentOf, splitProportionally, toMinor, toPresentment, toShop } from "./money";

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

describe("splitProportionally", () => {
  it("never gives a part more than its weight: one cent over [1, 1, 0] goes to a line that is worth something", () => {
    expect(splitProportionally(1, [1, 1, 0])).toEqual([1, 0, 0]);
    expect(splitProportionally(2, [1, 1, 0])).toEqual([1, 1, 0]);
  });

  it("splits in proportion, the units left to the largest remainders", () => {
    expect(splitProportionally(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(splitProportionally(10, [5, 15])).toEqual([3, 7]);
    expect(splitProportionally(0, [0, 0])).toEqual([0, 0]);
  });

  it("stays exact for amounts in đồng past 2^53 when multiplied", () => {
    expect(splitProportionally(999_999_999, [3_000_000_000, 7_000_000_001])).toEqual([300_000_000, 699_999_999]);
  });

  it("always sums to the total and stays within each weight", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, f) => {
        const total = Math.floor(weights.reduce((a, b) => a + b, 0) * f);
        const parts = splitProportionally(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
        parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(weights[i]!));
      }),
    );
  });

  it("refuses a total it cannot place", () => {
    expect(() => splitProportionally(3, [1, 1])).toThrow(RangeError);
    expect(() => splitProportionally(-1, [1])).toThrow(RangeError);
  });
});

describe("money in its currency", () => {
  it("knows each currency's minor unit (ISO 4217): VND and JPY have none, USD and CNY two", () => {
    expect([currencyExponent("VND"), currencyExponent("JPY"), currencyExponent("USD"), currencyExponent("CNY")]).toEqual([0, 0, 2, 2]);
  });

  it("parses and formats whole đồng, accepting Shopify's trailing .0 and refusing fractions of a đồng", () => {
    expect(toMinor("609600", "VND")).toBe(609600);
    expect(toMinor("609600.0", "VND")).toBe(609600);
    expect(toMinor("609600.00", "VND")).toBe(609600); // a Decimal(12, 2) column
    expect(() => toMinor("609600.5", "VND")).toThrow(/at most 0 decimals/);
    expect(fromMinor(609600, "VND")).toBe("609600");
    expect(toMinor("12.5", "USD")).toBe(1250);
    expect(fromMinor(1250, "USD")).toBe("12.50");
    expect(moneyAmount(money("131500", "VND"))).toBe("131500");
    expect(isAmount("1.5", "VND")).toBe(false);
    expect(isAmount("1.5", "USD")).toBe(true);
  });

  it("converts a shop-currency amount at the order's own rate, rounded to the presentment currency's unit", () => {
    // An order of 85.00 USD paid as 2,235,500 VND: 26,300 đồng per dollar.
    const rate = { shop: money("85.00", "USD"), presentment: money("2235500", "VND") };
    expect(toPresentment(money("5.00", "USD"), rate)).toEqual({ minor: 131500, currency: "VND" });
    expect(toPresentment(money("0.01", "USD"), rate)).toEqual({ minor: 263, currency: "VND" });
    // A rate that does not divide evenly rounds half away from zero: 1.00 × 100 / 3 = 33.33… → 33.
    const odd = { shop: money("3.00", "USD"), presentment: money("100", "JPY") };
    expect(toPresentment(money("1.00", "USD"), odd)).toEqual({ minor: 33, currency: "JPY" });
    expect(toPresentment(money("1.05", "USD"), odd)).toEqual({ minor: 35, currency: "JPY" });
    // The same currency: unchanged; a free order: no rate.
    expect(toPresentment(money("5.00", "USD"), { shop: money("10", "USD"), presentment: money("10", "USD") })).toEqual({ minor: 500, currency: "USD" });
    expect(toPresentment(money("5.00", "USD"), { shop: money("0", "USD"), presentment: money("0", "VND") })).toBeNull();
    expect(() => toPresentment(money("5", "VND"), rate)).toThrow(RangeError);
  });

  it("stays within half a minor unit of the exact conversion", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 1e9 }), (amount, shopTotal, presentmentTotal) => {
        const convert = () => toPresentment({ minor: amount, currency: "USD" }, { shop: { minor: shopTotal, currency: "USD" }, presentment: { minor: presentmentTotal, currency: "VND" } })!;
        const exact = (amount * presentmentTotal) / shopTotal;
        // Past 2^53 minor units there is no exact number to give: a clear RangeError, never a rounded guess.
        if (exact > Number.MAX_SAFE_INTEGER) return void expect(convert).toThrow(RangeError);
        expect(Math.abs(convert().minor - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
      }),
      { examples: [[9570878, 1, 941104804]] }, // CI's counterexample of 6 Dec 2026: 9.0e15 > 2^53
    );
  });

  it("toShop gives a shopper's amount in the shop's currency at the order's rate, to the cent", () => {
    const rate = { shop: money("43.50", "USD"), presentment: money("1144050", "VND") };
    expect(toShop(money("131500", "VND"), rate)).toEqual({ minor: 500, currency: "USD" });
    expect(toShop(money("101520", "VND"), rate)).toEqual({ minor: 386, currency: "USD" }); // 3.86002…
    expect(() => toShop(money("5.00", "USD"), rate)).toThrow(RangeError);
  });
});

describe("formatMoney (the admin's, the portal's and the emails' one formatter)", () => {
  it("writes the amount in its currency and the reader's language", () => {
    expect(formatMoney("en-US", "12.5", "USD")).toBe("$12.50");
    expect(formatMoney("vi", 250000, "VND")).toBe("250.000\u00a0₫");
    expect(formatMoney("zh-CN", "12.50", "USD")).toBe("US$12.50");
  });

  it("keeps the currency code when Intl does not know it, and writes nothing for a non-number", () => {
    expect(formatMoney("en-US", "12.5", "not a code")).toBe("12.50 not a code");
    expect(formatMoney("en-US", "twelve", "USD")).toBe("");
  });
});
