import { describe, expect, it } from "vitest";
import { addDays, buildPeriod, localDateKey, parsePeriodDays, safeTimeZone, startOfLocalDay, startOfShopDay } from "./period";

describe("parsePeriodDays", () => {
  it("accepts 7, 30 and 90, defaults to 30 and refuses anything else", () => {
    expect(parsePeriodDays("7")).toBe(7);
    expect(parsePeriodDays("90")).toBe(90);
    expect(parsePeriodDays(null)).toBe(30);
    expect(parsePeriodDays("")).toBe(30);
    expect(parsePeriodDays("14")).toBeNull();
    expect(parsePeriodDays("7.0abc")).toBeNull();
  });
});

describe("local days", () => {
  it("reads the calendar date in the zone", () => {
    const instant = new Date("2026-11-25T02:00:00Z");
    expect(localDateKey(instant, "UTC")).toBe("2026-11-25");
    expect(localDateKey(instant, "America/New_York")).toBe("2026-11-24");
    expect(localDateKey(instant, "Asia/Ho_Chi_Minh")).toBe("2026-11-25");
  });

  it("finds local midnight, across daylight-saving changes", () => {
    expect(startOfLocalDay("2026-11-25", "America/New_York").toISOString()).toBe("2026-11-25T05:00:00.000Z");
    expect(startOfLocalDay("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    // 2026-11-01: New York falls back at 02:00, midnight is still EDT (UTC−4).
    expect(startOfLocalDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(startOfLocalDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfLocalDay("2026-11-25", "Asia/Ho_Chi_Minh").toISOString()).toBe("2026-11-24T17:00:00.000Z");
  });

  it("adds calendar days over month and year ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("falls back to UTC for a zone Intl does not know", () => {
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
    expect(safeTimeZone(null)).toBe("UTC");
    expect(safeTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
  });
});

describe("buildPeriod", () => {
  it("is the last N local days including today, beside the N days before", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const period = buildPeriod(now, 7, "America/New_York");
    expect(period.dayKeys).toEqual(["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(period.current.from.toISOString()).toBe("2026-11-19T05:00:00.000Z");
    expect(period.current.to).toBe(now);
    expect(period.previous.from.toISOString()).toBe("2026-11-12T05:00:00.000Z");
    expect(period.previous.to.toISOString()).toBe("2026-11-19T05:00:00.000Z");
    expect(period.previousLabel).toEqual({ first: "2026-11-12", last: "2026-11-18" });
    expect(period.currentLabel).toEqual({ first: "2026-11-19", last: "2026-11-25" });
  });

  it("has one day key per day for 90 days", () => {
    const period = buildPeriod(new Date("2026-11-25T12:00:00Z"), 90, "UTC");
    expect(period.dayKeys).toHaveLength(90);
    expect(new Set(period.dayKeys).size).toBe(90);
    expect(period.dayKeys.at(-1)).toBe("2026-11-25");
  });
});

describe("startOfShopDay", () => {
  it("is midnight in the shop's zone: Ho Chi Minh City at 23:30 UTC began its day at 17:00 UTC", () => {
    expect(startOfShopDay(new Date("2026-11-20T23:30:00Z"), "Asia/Ho_Chi_Minh").toISOString()).toBe("2026-11-20T17:00:00.000Z");
    expect(startOfShopDay(new Date("2026-11-21T03:00:00Z"), "America/New_York").toISOString()).toBe("2026-11-20T05:00:00.000Z");
    expect(startOfShopDay(new Date("2026-11-20T23:30:00Z"), "not/a-zone").toISOString()).toBe("2026-11-20T00:00:00.000Z");
  });
});
