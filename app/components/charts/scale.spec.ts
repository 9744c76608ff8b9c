import { describe, expect, it } from "vitest";
import { labelIndexes, niceScale, seriesColor } from "./scale";

describe("niceScale", () => {
  it("rounds the top up to a readable step", () => {
    expect(niceScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(1.3)).toEqual({ max: 1.5, ticks: [0, 0.5, 1, 1.5] });
    expect(niceScale(100)).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it("keeps whole-number steps for counts", () => {
    expect(niceScale(2, 4, true)).toEqual({ max: 2, ticks: [0, 1, 2] });
    expect(niceScale(9, 4, true)).toEqual({ max: 9, ticks: [0, 3, 6, 9] });
  });
});

describe("labelIndexes", () => {
  it("labels every category when they fit, else evenly with first and last", () => {
    expect(labelIndexes(5, 7)).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndexes(30, 7)).toEqual([0, 5, 10, 15, 20, 25, 29]);
    const ninety = labelIndexes(90, 7);
    expect(ninety[0]).toBe(0);
    expect(ninety.at(-1)).toBe(89);
    expect(ninety.length).toBeLessThanOrEqual(7);
  });
});

describe("seriesColor", () => {
  it("uses Polaris tokens and a neutral colour for grouped others", () => {
    expect(seriesColor(0)).toBe("var(--p-color-bg-fill-emphasis)");
    expect(seriesColor(6)).toBe(seriesColor(0));
    expect(seriesColor(2, "other-locations")).toBe("var(--p-color-text-secondary)");
  });
});
