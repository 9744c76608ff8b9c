import { describe, expect, it } from "vitest";
import { compare } from "./compare";
import { formatChange, formatDay, formatDayRange, formatDuration, formatFigure } from "./format";

describe("formatting", () => {
  it("writes durations in a readable unit", () => {
    expect(formatDuration(30)).toBe("30 sec");
    expect(formatDuration(600)).toBe("10 min");
    expect(formatDuration(3.5 * 3600)).toBe("3.5 hr");
    expect(formatDuration(3 * 86400)).toBe("3.0 days");
    expect(formatDuration(3.5 * 3600, "vi")).toBe("3,5 giờ");
    expect(formatDuration(3 * 86400, "zh-CN")).toBe("3.0天");
    expect(formatDuration(null)).toBe("—");
  });

  it("writes figures by kind", () => {
    expect(formatFigure(0.1234, "percent")).toBe("12.3%");
    expect(formatFigure(1.5, "decimal")).toBe("1.50");
    expect(formatFigure(1234.4, "count")).toBe("1,234");
    expect(formatFigure(812.34, "km")).toBe("812.3 km");
    expect(formatFigure(0.1234, "percent", "vi")).toBe("12,3%");
    expect(formatFigure(1234.4, "count", "vi")).toBe("1.234");
  });

  it("writes changes in points for rates and in percent otherwise", () => {
    expect(formatChange(compare(0.15, 0.1), "percent")).toBe("+5.0 pts");
    expect(formatChange(compare(1.2, 1.5), "decimal")).toBe("−20%");
    expect(formatChange(compare(4, 0), "count")).toBe("+4");
    expect(formatChange(compare(2, 2), "count")).toBe("no change");
    expect(formatChange(compare(2, null), "count")).toBeNull();
    expect(formatChange(compare(0.15, 0.1), "percent", "vi", { noChange: "không đổi", points: "{{value}} điểm" })).toBe("+5,0 điểm");
  });

  it("writes local dates without shifting them", () => {
    expect(formatDay("2026-11-01")).toBe("Nov 1");
    expect(formatDayRange("2026-11-19", "2026-11-25")).toBe("Nov 19 – Nov 25");
    expect(formatDay("2026-11-01", "zh-CN")).toBe("11月1日");
  });
});
