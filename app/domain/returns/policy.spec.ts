import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY, evaluateEligibility, parseReturnPolicy, quantitiesInOpenReturns, windowLastDay } from "./policy";
import { line, policy } from "./test-support";

const now = "2026-03-10T12:00:00Z";

describe("evaluateEligibility", () => {
  it("a delivered line within the window may be returned in full", () => {
    const [e] = evaluateEligibility(policy, { lines: [line()], now });
    expect(e).toMatchObject({ eligible: true, maxQuantity: 2, lastDay: "2026-03-31", reasons: [], reason: null });
  });

  it("subtracts units already returned or in an open return", () => {
    const [e] = evaluateEligibility(policy, { lines: [line({ quantity: 3, returnedQuantity: 1 })], now });
    expect(e!.maxQuantity).toBe(2);
  });

  it("counts the last day in, the day after out, in the shop's time zone", () => {
    const l = line({ deliveredAt: "2026-03-01T18:00:00Z" }); // 2 March 01:00 in Hồ Chí Minh City
    const onLastDayUtc = "2026-03-31T23:00:00Z";
    expect(evaluateEligibility(policy, { lines: [l], now: onLastDayUtc })[0]!.eligible).toBe(true);
    expect(evaluateEligibility(policy, { lines: [l], now: "2026-04-01T00:00:00Z" })[0]!.reason).toEqual({
      code: "WINDOW_EXPIRED",
      lastDay: "2026-03-31",
    });
    const vn = evaluateEligibility(policy, { lines: [l], now: "2026-04-01T00:00:00Z", timeZone: "Asia/Ho_Chi_Minh" })[0]!;
    expect(vn.lastDay).toBe("2026-04-01");
    expect(vn.eligible).toBe(true); // 07:00 on 1 April there, the last day
  });

  it("says why a line cannot be returned, most fundamental reason first", () => {
    const lines = [
      line({ id: "a", deliveredAt: null }),
      line({ id: "b", productTags: ["Summer", " Final-Sale "] }),
      line({ id: "c", productType: "gift card" }),
      line({ id: "d", returnedQuantity: 2 }),
      line({ id: "e", deliveredAt: "2026-01-01T00:00:00Z" }),
    ];
    const result = evaluateEligibility(policy, { lines, now });
    expect(result.map((r) => r.reason)).toEqual([
      { code: "NOT_DELIVERED" },
      { code: "FINAL_SALE", tag: " Final-Sale " },
      { code: "NON_RETURNABLE_TYPE", productType: "gift card" },
      { code: "ALREADY_RETURNED" },
      { code: "WINDOW_EXPIRED", lastDay: "2026-01-31" },
    ]);
    expect(result.every((r) => !r.eligible && r.maxQuantity === 0)).toBe(true);
    expect(result[0]!.lastDay).toBeNull();
  });

  it("refuses every line of a cancelled order, listing other reasons after", () => {
    const [e] = evaluateEligibility(policy, {
      lines: [line({ productTags: ["final-sale"] })],
      now,
      cancelledAt: "2026-03-02T00:00:00Z",
    });
    expect(e!.reasons.map((r) => r.code)).toEqual(["ORDER_CANCELLED", "FINAL_SALE"]);
  });

  it("keeps the caller's extra line fields (typed)", () => {
    const [e] = evaluateEligibility(policy, { lines: [{ ...line(), imageUrl: "https://x/y.png" }], now });
    expect(e!.line.imageUrl).toBe("https://x/y.png");
  });

  it("never offers more than was bought and not yet returned", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }), (qty, returned, age) => {
        const delivered = new Date(Date.parse(now) - age * 86_400_000).toISOString();
        const [e] = evaluateEligibility(policy, { lines: [line({ quantity: qty, returnedQuantity: returned, deliveredAt: delivered })], now });
        expect(e!.maxQuantity).toBeLessThanOrEqual(Math.max(0, qty - returned));
        expect(e!.eligible).toBe(e!.maxQuantity > 0);
        expect(e!.eligible).toBe(qty > returned && age <= 30);
      }),
    );
  });
});

describe("windowLastDay", () => {
  it("is delivery date + window days", () => {
    expect(windowLastDay("2026-03-01T10:00:00Z", { windowDays: 0 })).toBe("2026-03-01");
    expect(windowLastDay("2026-03-01T10:00:00Z", { windowDays: 14 })).toBe("2026-03-15");
  });
});

describe("parseReturnPolicy", () => {
  it("accepts a stored row (Decimal as string or number) and cleans the lists", () => {
    const result = parseReturnPolicy({
      windowDays: 14,
      finalSaleTags: [" final-sale", "Final-Sale", "", "clearance"],
      nonReturnableProductTypes: [],
      returnShippingFee: 4.5,
      restockingFeePercent: "12.5",
      allowedMethods: ["DROP_OFF", "MAIL", "MAIL"],
      defaultReturnLocationId: null,
    });
    expect(result).toEqual({
      status: "success",
      policy: {
        windowDays: 14,
        finalSaleTags: ["final-sale", "clearance"],
        nonReturnableProductTypes: [],
        returnShippingFee: "4.50",
        postagePayer: "FLAT",
        postageCap: null,
        freePostageReasons: [],
        restockingFeePercent: "12.50",
        allowedMethods: ["MAIL", "DROP_OFF"],
        defaultReturnLocationId: null,
      },
    });
  });

  it("accepts Decimal objects as Prisma returns them", () => {
    const decimal = (text: string) => ({ toFixed: () => text, toString: () => text });
    const result = parseReturnPolicy({ ...DEFAULT_RETURN_POLICY, returnShippingFee: decimal("5.5"), restockingFeePercent: decimal("12.5") });
    expect(result.status === "success" && [result.policy.returnShippingFee, result.policy.restockingFeePercent]).toEqual(["5.50", "12.50"]);
  });

  it("accepts the default policy", () => {
    expect(parseReturnPolicy(DEFAULT_RETURN_POLICY)).toEqual({ status: "success", policy: DEFAULT_RETURN_POLICY });
  });

  it("names each bad field", () => {
    const result = parseReturnPolicy({
      windowDays: -1,
      finalSaleTags: [],
      nonReturnableProductTypes: [],
      returnShippingFee: "5.001",
      restockingFeePercent: "150",
      allowedMethods: [],
    });
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(result.errors).toHaveLength(4);
    expect(result.errors.join("\n")).toMatch(/windowDays/);
    expect(result.errors.join("\n")).toMatch(/returnShippingFee: must be an amount/);
    expect(result.errors.join("\n")).toMatch(/restockingFeePercent: must be at most 100/);
    expect(result.errors.join("\n")).toMatch(/allowedMethods: allow at least one/);
  });
});

describe("quantitiesInOpenReturns", () => {
  it("adds up the units of open returns per fulfillment line item", () => {
    const totals = quantitiesInOpenReturns([
      { status: "REQUESTED", lines: [{ fulfillmentLineItemId: "a", quantity: 1 }, { fulfillmentLineItemId: "b", quantity: 2 }] },
      { status: "RECEIVED", lines: [{ fulfillmentLineItemId: "a", quantity: 1 }] },
      { status: "DECLINED", lines: [{ fulfillmentLineItemId: "a", quantity: 5 }] },
      { status: "CANCELED", lines: [{ fulfillmentLineItemId: "b", quantity: 5 }] },
    ]);
    expect(Object.fromEntries(totals)).toEqual({ a: 2, b: 2 });
  });
});
