import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinTrackingNumber, builtinTrackingUrl, isValidTrackingNumber, s10CheckDigit } from "~/labels/tracking";

describe("built-in tracking numbers", () => {
  it("use the UPU S10 check digit", () => {
    expect(s10CheckDigit("12345678")).toBe(5); // the textbook example EE123456785US
    expect(s10CheckDigit("47312482")).toBe(9); // RR473124829GB
    expect(() => s10CheckDigit("1234567")).toThrow(RangeError);
  });

  it("are deterministic per shop and RMA, in the S10 layout, ending with the destination country", () => {
    const a = builtinTrackingNumber("demo.myshopify.com", "RMA-1001-7KQ4", "vn");
    expect(a).toMatch(/^CD\d{9}VN$/);
    expect(builtinTrackingNumber("DEMO.myshopify.com", "rma-1001-7kq4", "VN")).toBe(a);
    expect(builtinTrackingNumber("other.myshopify.com", "RMA-1001-7KQ4", "VN")).not.toBe(a);
    expect(builtinTrackingNumber("demo.myshopify.com", "RMA-1001-7KQ4", null)).toMatch(/US$/);
    expect(isValidTrackingNumber(a)).toBe(true);
  });

  it("give the same return other valid numbers on later attempts (attempt 0 is the number earlier labels got)", () => {
    const first = builtinTrackingNumber("demo.myshopify.com", "RMA-1001-7KQ4", "VN");
    expect(builtinTrackingNumber("demo.myshopify.com", "RMA-1001-7KQ4", "VN", 0)).toBe(first);
    const later = [1, 2, 3].map((attempt) => builtinTrackingNumber("demo.myshopify.com", "RMA-1001-7KQ4", "VN", attempt));
    expect(new Set([first, ...later]).size).toBe(4);
    expect(later.every((n) => isValidTrackingNumber(n) && n.endsWith("VN"))).toBe(true);
    expect(builtinTrackingNumber("demo.myshopify.com", "RMA-1001-7KQ4", "VN", 2)).toBe(later[1]);
  });

  it("always catch a wrong check digit, and nearly every mistyped serial digit", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 9 }), (rma, delta) => {
        const number = builtinTrackingNumber("shop.myshopify.com", rma, "US");
        const typo = number.slice(0, 10) + ((Number(number[10]) + delta) % 10) + number.slice(11);
        expect(isValidTrackingNumber(typo)).toBe(false);
      }),
    );
    let typos = 0;
    let caught = 0;
    for (let n = 0; n < 200; n++) {
      const number = builtinTrackingNumber("shop.myshopify.com", `RMA-${n}-ABCD`, "US");
      for (let position = 2; position < 10; position++) {
        for (let delta = 1; delta <= 9; delta++) {
          typos++;
          const typo = number.slice(0, position) + ((Number(number[position]) + delta) % 10) + number.slice(position + 1);
          if (!isValidTrackingNumber(typo)) caught++;
        }
      }
    }
    expect(caught / typos).toBeGreaterThan(0.95);
  });

  it("refuse other shapes", () => {
    expect(isValidTrackingNumber("EE123456785US")).toBe(false); // valid S10, not ours
    expect(isValidTrackingNumber("CD12345678US")).toBe(false);
    expect(isValidTrackingNumber("")).toBe(false);
  });

  it("link to the tracking page", () => {
    expect(builtinTrackingUrl("https://app.example/portal/track", "CD123456785VN")).toBe("https://app.example/portal/track/CD123456785VN");
    expect(builtinTrackingUrl("https://app.example/t/", "CD123456785VN")).toBe("https://app.example/t/CD123456785VN");
  });
});
