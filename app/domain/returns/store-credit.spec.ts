import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money, moneyAmount } from "./money";
import { DEFAULT_EXCHANGE_POLICY, defaultOutcome, offersOutcome, outcomePolicySchema, storeCreditAmounts } from "./store-credit";

const amounts = (a: ReturnType<typeof storeCreditAmounts>) => ({ base: moneyAmount(a.base), bonus: moneyAmount(a.bonus), total: moneyAmount(a.total) });

describe("storeCreditAmounts", () => {
  it("adds a percentage bonus rounded half away from zero to the cent", () => {
    // 10 % of 31.25 is 3.125: 3.13, not the 3.12 a float (3.1249999…) would give.
    expect(amounts(storeCreditAmounts({ bonusKind: "PERCENT", bonusValue: "10.00" }, money("31.25", "USD")))).toEqual({ base: "31.25", bonus: "3.13", total: "34.38" });
    expect(amounts(storeCreditAmounts({ bonusKind: "PERCENT", bonusValue: "12.50" }, money("0.10", "USD")))).toEqual({ base: "0.10", bonus: "0.01", total: "0.11" });
  });

  it("takes a percentage of đồng in whole đồng", () => {
    expect(amounts(storeCreditAmounts({ bonusKind: "PERCENT", bonusValue: "7.50" }, money("1380750", "VND")))).toEqual({ base: "1380750", bonus: "103556", total: "1484306" });
  });

  it("adds a fixed bonus of the shop's currency, converted at the order's rate when the shopper paid in another", () => {
    expect(amounts(storeCreditAmounts({ bonusKind: "FIXED", bonusValue: "5.00" }, money("40.00", "USD")))).toEqual({ base: "40.00", bonus: "5.00", total: "45.00" });
    // Order: 100.00 USD in the shop's currency was 2,540,000 VND for the shopper.
    const rate = { shop: money("100.00", "USD"), presentment: money("2540000", "VND") };
    expect(amounts(storeCreditAmounts({ bonusKind: "FIXED", bonusValue: "5.00" }, money("609600", "VND"), rate))).toEqual({ base: "609600", bonus: "127000", total: "736600" });
    // A shop in đồng: "0.50" of a fixed bonus rounds to 1 đồng.
    expect(amounts(storeCreditAmounts({ bonusKind: "FIXED", bonusValue: "20000.50" }, money("100000", "VND")))).toEqual({ base: "100000", bonus: "20001", total: "120001" });
  });

  it("gives no bonus on nothing", () => {
    expect(amounts(storeCreditAmounts({ bonusKind: "FIXED", bonusValue: "5.00" }, money("0", "USD")))).toEqual({ base: "0.00", bonus: "0.00", total: "0.00" });
  });

  it("never drifts: total is exactly base + bonus, bonus within half a cent of the exact percentage", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.integer({ min: 0, max: 10_000 }), (cents, basisPoints) => {
        const percent = `${Math.trunc(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, "0")}`;
        const a = storeCreditAmounts({ bonusKind: "PERCENT", bonusValue: percent }, { minor: cents, currency: "USD" });
        expect(a.total.minor).toBe(a.base.minor + a.bonus.minor);
        expect(Number.isInteger(a.bonus.minor)).toBe(true);
        // |bonus × 10000 − cents × basisPoints| ≤ 5000 (half a cent), in exact integers.
        expect(Math.abs(a.bonus.minor * 10_000 - cents * basisPoints)).toBeLessThanOrEqual(5_000);
      }),
    );
  });
});

describe("outcomePolicySchema", () => {
  it("keeps the outcomes in a fixed order and the bonus with 2 decimals", () => {
    expect(outcomePolicySchema.parse({ outcomes: ["STORE_CREDIT", "REFUND", "REFUND"], bonusKind: "PERCENT", bonusValue: "10" })).toEqual({ outcomes: ["REFUND", "STORE_CREDIT"], bonusKind: "PERCENT", bonusValue: "10.00", exchange: DEFAULT_EXCHANGE_POLICY });
  });

  it("refuses no outcome, an unknown one, a negative or over-precise bonus, and more than 100 %", () => {
    const messages = (raw: unknown) => (outcomePolicySchema.safeParse(raw).error?.issues ?? []).map((i) => i.message);
    expect(messages({ outcomes: [], bonusKind: "PERCENT", bonusValue: "0" })).toEqual(["outcomeRequired"]);
    expect(messages({ outcomes: ["EXCHANGE"], bonusKind: "PERCENT", bonusValue: "0" })).toEqual(["outcomeUnknown"]);
    expect(messages({ outcomes: ["STORE_CREDIT"], bonusKind: "FIXED", bonusValue: "-1" })).toEqual(["bonusNegative"]);
    expect(messages({ outcomes: ["STORE_CREDIT"], bonusKind: "FIXED", bonusValue: "1.005" })).toEqual(["bonusNotAmount"]);
    expect(messages({ outcomes: ["STORE_CREDIT"], bonusKind: "PERCENT", bonusValue: "100.01" })).toEqual(["bonusPercentTooHigh"]);
    expect(messages({ outcomes: ["STORE_CREDIT"], bonusKind: "PERCENT", bonusValue: "100" })).toEqual([]);
  });

  it("offers what the policy lists and defaults to refund when it is offered", () => {
    const creditOnly = { outcomes: ["STORE_CREDIT" as const], bonusKind: "PERCENT" as const, bonusValue: "0.00" };
    expect(offersOutcome(creditOnly, "REFUND")).toBe(false);
    expect(defaultOutcome(creditOnly)).toBe("STORE_CREDIT");
    expect(defaultOutcome({ ...creditOnly, outcomes: ["REFUND", "STORE_CREDIT"] })).toBe("REFUND");
  });
});
