import { describe, expect, it } from "vitest";
import { changeTone, compare, ratio } from "./compare";

describe("compare", () => {
  it("gives the absolute and relative change", () => {
    expect(compare(12, 8)).toEqual({ current: 12, previous: 8, change: 4, relativeChange: 0.5 });
  });

  it("has no relative change from zero, and no change at all against nothing", () => {
    expect(compare(3, 0)).toEqual({ current: 3, previous: 0, change: 3, relativeChange: null });
    expect(compare(3, null)).toEqual({ current: 3, previous: null, change: null, relativeChange: null });
  });

  it("colours a change by which way is good", () => {
    expect(changeTone(compare(0.1, 0.2), "lower")).toBe("good");
    expect(changeTone(compare(0.3, 0.2), "lower")).toBe("bad");
    expect(changeTone(compare(5, 4), "higher")).toBe("good");
    expect(changeTone(compare(5, 4), "neutral")).toBe("neutral");
    expect(changeTone(compare(4, 4), "higher")).toBe("unchanged");
    expect(changeTone(compare(4, null), "higher")).toBe("neutral");
  });

  it("has no ratio over zero", () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
});
