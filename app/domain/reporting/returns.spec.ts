import { describe, expect, it } from "vitest";
import { approvalFigures, openRequestsByAge, reasonLabel, returnRateFigures, topProducts, topReasons } from "./returns";

describe("returnRateFigures", () => {
  it("is returned orders over the fulfilled orders Shopify counts, beside the previous period", () => {
    const figures = returnRateFigures({ current: 2, previous: 4 }, { current: 28, previous: 20 }, "shopify");
    expect(figures.orderRate.current).toBeCloseTo(2 / 28);
    expect(figures.orderRate.previous).toBeCloseTo(0.2);
    expect(figures.current).toEqual({ ordersWithReturns: 2, fulfilledOrders: 28 });
    expect(figures.fulfilledOrdersFrom).toBe("shopify");
  });

  it("has no rate when no order was fulfilled, and never more than 100 % when Shopify's count lags", () => {
    const figures = returnRateFigures({ current: 0, previous: 0 }, { current: 0, previous: 0 }, "crossdock");
    expect(figures.orderRate.current).toBeNull();
    expect(figures.orderRate.change).toBeNull();
    expect(returnRateFigures({ current: 3, previous: 0 }, { current: 2, previous: 0 }, "shopify").orderRate.current).toBe(1);
  });
});

describe("topReasons", () => {
  it("ranks reasons by units with their share, and sums the rest", () => {
    const ranked = topReasons(
      [
        { reason: "SIZE_TOO_SMALL", units: 6, requests: 4 },
        { reason: "DEFECTIVE", units: 2, requests: 2 },
        { reason: "COLOR", units: 1, requests: 1 },
        { reason: "STYLE", units: 1, requests: 1 },
      ],
      2,
    );
    expect(ranked.map((r) => [r.reason, r.units, r.share])).toEqual([
      ["SIZE_TOO_SMALL", 6, 0.6],
      ["DEFECTIVE", 2, 0.2],
      ["OTHERS", 2, 0.2],
    ]);
    expect(ranked[0]!.label).toBe("Size too small");
    expect(ranked[2]!.label).toBe("All other reasons");
  });

  it("breaks ties by requests then code, and merges a blank reason into UNKNOWN", () => {
    const ranked = topReasons([
      { reason: "STYLE", units: 2, requests: 1 },
      { reason: "COLOR", units: 2, requests: 1 },
      { reason: "WRONG_ITEM", units: 3, requests: 1 },
      { reason: "", units: 1, requests: 1 },
      { reason: "UNKNOWN", units: 1, requests: 1 },
    ]);
    expect(ranked.map((r) => r.reason)).toEqual(["WRONG_ITEM", "UNKNOWN", "COLOR", "STYLE"]);
    expect(ranked[1]).toMatchObject({ units: 2, requests: 2, label: "No reason given" });
  });

  it("labels a code Shopify may add later in words", () => {
    expect(reasonLabel("ARRIVED_TOO_LATE")).toBe("Arrived too late");
  });
});

describe("topProducts", () => {
  it("ranks by units, then value", () => {
    const ranked = topProducts(
      [
        { title: "Tee", units: 3, requests: 2, value: 60 },
        { title: "Boots", units: 3, requests: 3, value: 300 },
        { title: "Cap", units: 1, requests: 1, value: 15 },
        { title: "Sock", units: 0, requests: 0, value: 0 },
      ],
      2,
    );
    expect(ranked.map((p) => p.title)).toEqual(["Boots", "Tee"]);
    expect(ranked[0]!.share).toBeCloseTo(3 / 7);
  });
});

describe("approvalFigures", () => {
  it("gives the median and p90 of the approval times, beside the previous period", () => {
    const hours = (h: number) => h * 3600;
    const figures = approvalFigures([hours(1), hours(2), hours(3), hours(4), hours(50)], [hours(10), hours(20)]);
    expect(figures.current.approved).toBe(5);
    expect(figures.current.median).toBe(hours(3));
    expect(figures.current.p90).toBeCloseTo(hours(4 + 0.6 * 46));
    expect(figures.previous.median).toBe(hours(15));
    expect(figures.median.change).toBe(hours(-12));
  });

  it("has no times when nothing was approved, and ignores negative durations", () => {
    const figures = approvalFigures([], [-5]);
    expect(figures.current).toEqual({ approved: 0, median: null, p90: null });
    expect(figures.previous.approved).toBe(0);
  });
});

describe("openRequestsByAge", () => {
  it("puts whole days waited into under 1, 1–3, 3–7 and 7+ days", () => {
    const { buckets, total } = openRequestsByAge([
      { ageDays: 0, count: 2 },
      { ageDays: 1, count: 1 },
      { ageDays: 2, count: 1 },
      { ageDays: 3, count: 4 },
      { ageDays: 6, count: 1 },
      { ageDays: 7, count: 1 },
      { ageDays: 40, count: 2 },
    ]);
    expect(buckets.map((b) => [b.key, b.count])).toEqual([
      ["under-1-day", 2],
      ["1-3-days", 2],
      ["3-7-days", 5],
      ["over-7-days", 3],
    ]);
    expect(total).toBe(12);
  });
});
