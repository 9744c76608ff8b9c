import { describe, expect, it } from "vitest";
import { addDays, calendarDate, daysBetween } from "./dates";

describe("calendar dates", () => {
  it("takes the date in the shop's time zone", () => {
    const instant = "2026-03-01T17:30:00Z"; // 00:30 on 2 March in Hồ Chí Minh City (UTC+7)
    expect(calendarDate(instant)).toBe("2026-03-01");
    expect(calendarDate(instant, "Asia/Ho_Chi_Minh")).toBe("2026-03-02");
    expect(calendarDate(instant, "America/Los_Angeles")).toBe("2026-03-01");
    expect(calendarDate("2026-03-01T05:00:00Z", "America/Los_Angeles")).toBe("2026-02-28");
  });

  it("adds days across months and leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 30)).toBe("2027-01-30");
    expect(addDays("2026-03-01", 0)).toBe("2026-03-01");
  });

  it("counts whole days, across a DST change too", () => {
    expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
    expect(daysBetween("2026-03-31", "2026-03-01")).toBe(-30);
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
  });

  it("refuses a date that is not one, and an unknown zone", () => {
    expect(() => calendarDate("yesterday")).toThrow(RangeError);
    expect(() => calendarDate("2026-03-01T00:00:00Z", "Mars/Olympus")).toThrow(RangeError);
  });
});
