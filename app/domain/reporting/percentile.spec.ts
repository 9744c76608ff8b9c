import { describe, expect, it } from "vitest";
import { median, percentile } from "./percentile";

describe("percentile", () => {
  it("interpolates between ranks like percentile_cont", () => {
    expect(median([1, 2, 10])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([5], 0.9)).toBe(5);
  });

  it("is null for no values and refuses p outside [0, 1]", () => {
    expect(median([])).toBeNull();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});
