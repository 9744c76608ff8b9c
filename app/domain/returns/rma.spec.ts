import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateRma, generateUniqueRma, normaliseRma, RMA_ALPHABET, rmaOrderPart, seededRandom } from "./rma";

describe("RMA numbers", () => {
  it("include the order number and are deterministic for a seed", () => {
    const a = generateRma("#1001", seededRandom(42));
    expect(a).toMatch(/^RMA-1001-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
    expect(generateRma("#1001", seededRandom(42))).toBe(a);
    expect(generateRma("#1001", seededRandom(43))).not.toBe(a);
  });

  it("map the edges of the random range to the alphabet's ends", () => {
    expect(generateRma(1001, () => 0)).toBe("RMA-1001-3333");
    expect(generateRma(1001, () => 0.999999)).toBe("RMA-1001-YYYY");
    expect(() => generateRma(1001, () => 1)).toThrow(RangeError);
  });

  it("honour prefix and length", () => {
    expect(generateRma("#1001", () => 0.5, { prefix: "R", length: 6 })).toMatch(/^R-1001-[A-Z0-9]{6}$/);
  });

  it("clean the order name", () => {
    expect(rmaOrderPart("#1001")).toBe("1001");
    expect(rmaOrderPart("#vn-1002")).toBe("VN1002");
    expect(rmaOrderPart("###")).toBe("0");
  });

  it("use no ambiguous characters", () => {
    for (const c of "01258BILOSUVZ") expect(RMA_ALPHABET).not.toContain(c);
    expect(new Set(RMA_ALPHABET).size).toBe(RMA_ALPHABET.length);
  });

  it("avoid numbers already taken", () => {
    const first = generateRma("#1001", seededRandom(7));
    expect(generateUniqueRma("#1001", seededRandom(7), new Set([first]))).not.toBe(first);
    expect(() => generateUniqueRma("#1001", () => 0, new Set(["RMA-1001-3333"]), { attempts: 3 })).toThrow(/No free RMA/);
  });

  it("normalise what a shopper typed, and refuse what cannot be one", () => {
    const rma = generateRma("#1001", seededRandom(1));
    expect(normaliseRma(rma.toLowerCase().replaceAll("-", " "))).toBe(rma);
    expect(normaliseRma(rma.replaceAll("-", ""))).toBe(rma);
    expect(normaliseRma("RMA-1001-OOOO")).toBeNull();
    expect(normaliseRma("XYZ-1001-3333")).toBeNull();
    expect(normaliseRma("RMA-3333")).toBeNull();
  });

  it("round-trip through normaliseRma for any order and seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer(), (order, seed) => {
        const rma = generateRma(`#${order}`, seededRandom(seed));
        expect(normaliseRma(rma)).toBe(rma);
      }),
    );
  });

  it("spread evenly over the alphabet", () => {
    const random = seededRandom(2026);
    const counts = new Map<string, number>();
    for (let i = 0; i < 2300; i++) {
      for (const c of generateRma(1, random).slice(-4)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(RMA_ALPHABET.length);
    for (const n of counts.values()) expect(n).toBeGreaterThan(300); // 400 expected each
  });
});
