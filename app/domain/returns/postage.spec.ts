import { describe, expect, it } from "vitest";
import type { ReturnMoneyContext } from "./fees";
import { postageCharge, postageQuote, type PostagePolicy } from "./postage";
import { parseReturnPolicy } from "./policy";
import { policy as basePolicy } from "./test-support";

const flat: PostagePolicy = { postagePayer: "FLAT", returnShippingFee: "5.00", postageCap: null, freePostageReasons: [] };
const label = (cap: string | null, freePostageReasons: string[] = []): PostagePolicy => ({ postagePayer: "LABEL", returnShippingFee: "5.00", postageCap: cap, freePostageReasons });
const usd = (minor: number) => ({ minor, currency: "USD" });
// An order paid in đồng in a USD shop: $40.00 = 1,052,000 ₫ (26,300 ₫ per dollar).
const vnd: ReturnMoneyContext = { currency: "VND", rate: { shop: { minor: 4000, currency: "USD" }, presentment: { minor: 1_052_000, currency: "VND" } } };
// An order paid in euros in a USD shop at an awkward rate: $30.00 = €27.77.
const eur: ReturnMoneyContext = { currency: "EUR", rate: { shop: { minor: 3000, currency: "USD" }, presentment: { minor: 2777, currency: "EUR" } } };

describe("postageCharge", () => {
  it("the merchant pays: nothing charged, whatever the label cost", () => {
    expect(postageCharge({ ...flat, postagePayer: "MERCHANT" }, { method: "MAIL", reasons: ["UNWANTED"], postage: usd(607) })).toEqual({ minor: 0, basis: "merchant" });
  });

  it("a flat fee: the fee, whatever the label cost; a drop-off pays no postage", () => {
    expect(postageCharge(flat, { method: "MAIL", reasons: ["UNWANTED"], postage: usd(1234) })).toEqual({ minor: 500, basis: "flat" });
    expect(postageCharge(flat, { method: "DROP_OFF", reasons: ["UNWANTED"] })).toEqual({ minor: 0, basis: "drop-off" });
  });

  it("the label's postage: what the carrier charged, at most the cap", () => {
    expect(postageCharge(label(null), { method: "MAIL", reasons: ["UNWANTED"], postage: usd(607) })).toEqual({ minor: 607, basis: "label" });
    expect(postageCharge(label("8.00"), { method: "MAIL", reasons: ["UNWANTED"], postage: usd(607) })).toEqual({ minor: 607, basis: "label" });
    expect(postageCharge(label("6.07"), { method: "MAIL", reasons: ["UNWANTED"], postage: usd(607) })).toEqual({ minor: 607, basis: "label" });
    expect(postageCharge(label("5.00"), { method: "MAIL", reasons: ["UNWANTED"], postage: usd(607) })).toEqual({ minor: 500, basis: "capped" });
  });

  it("no postage to read (the built-in sheet, a carrier that gave no price) charges nothing", () => {
    expect(postageCharge(label("8.00"), { method: "MAIL", reasons: ["UNWANTED"], postage: null })).toEqual({ minor: 0, basis: "no-postage" });
    expect(postageCharge(label("8.00"), { method: "MAIL", reasons: ["UNWANTED"] })).toEqual({ minor: 0, basis: "no-postage" });
  });

  it("free reasons: one item sent back for a listed reason makes the whole parcel free, for a flat fee and for the label's postage", () => {
    const reasons = ["DEFECTIVE", "WRONG_ITEM"];
    expect(postageCharge(label(null, reasons), { method: "MAIL", reasons: ["SIZE_TOO_SMALL", "DEFECTIVE"], postage: usd(607) })).toEqual({ minor: 0, basis: "free-reason" });
    expect(postageCharge({ ...flat, freePostageReasons: reasons }, { method: "MAIL", reasons: ["WRONG_ITEM"] })).toEqual({ minor: 0, basis: "free-reason" });
    expect(postageCharge(label(null, reasons), { method: "MAIL", reasons: ["SIZE_TOO_SMALL", "STYLE"], postage: usd(607) })).toEqual({ minor: 607, basis: "label" });
  });

  it("converts postage in the shop's currency at the order's rate, rounding half away from zero, and caps in the same currency", () => {
    // $6.07 × 26,300 = 159,641 ₫.
    expect(postageCharge(label(null), { method: "MAIL", reasons: [], postage: usd(607) }, vnd)).toEqual({ minor: 159_641, basis: "label" });
    // $6.07 × 2777/3000 = €5.6188… → €5.62; $0.05 × 2777/3000 = €0.04628… → €0.05 (half away from zero would also round 0.045 up).
    expect(postageCharge(label(null), { method: "MAIL", reasons: [], postage: usd(607) }, eur)).toEqual({ minor: 562, basis: "label" });
    expect(postageCharge(label(null), { method: "MAIL", reasons: [], postage: usd(5) }, eur)).toEqual({ minor: 5, basis: "label" });
    // Cap $6.00 = €5.554 → €5.55, below the postage's €5.62: the cap is charged, never more than the shopper was quoted.
    expect(postageCharge(label("6.00"), { method: "MAIL", reasons: [], postage: usd(607) }, eur)).toEqual({ minor: 555, basis: "capped" });
    expect(postageQuote(label("6.00"), eur)).toEqual({ kind: "label", upTo: 555, freeReasons: [] });
  });

  it("postage already in the shopper's currency is taken as it is; one the order has no rate for charges nothing", () => {
    expect(postageCharge(label(null), { method: "MAIL", reasons: [], postage: { minor: 22_000, currency: "VND" } }, vnd)).toEqual({ minor: 22_000, basis: "label" });
    expect(postageCharge(label("8.00"), { method: "MAIL", reasons: [], postage: { minor: 900, currency: "CAD" } }, vnd)).toEqual({ minor: 0, basis: "no-postage" });
  });
});

describe("postageQuote (what the shopper is told before submitting)", () => {
  it("says nothing to pay, a flat amount, or the label's postage at most the cap, in the shopper's currency", () => {
    expect(postageQuote({ ...flat, postagePayer: "MERCHANT" }, vnd)).toEqual({ kind: "none" });
    expect(postageQuote({ ...flat, freePostageReasons: ["DEFECTIVE"] }, vnd)).toEqual({ kind: "flat", amount: 131_500, freeReasons: ["DEFECTIVE"] });
    expect(postageQuote({ ...flat, returnShippingFee: "0.00" })).toEqual({ kind: "none" });
    expect(postageQuote(label("8.00", ["WRONG_ITEM"]), vnd)).toEqual({ kind: "label", upTo: 210_400, freeReasons: ["WRONG_ITEM"] });
    expect(postageQuote(label(null))).toEqual({ kind: "label", upTo: null, freeReasons: [] });
    expect(postageQuote(label("0.00"))).toEqual({ kind: "none" });
  });

  it("never charges more than it quoted, for any postage", () => {
    for (const cap of ["0.01", "3.33", "6.00", "9.99"]) {
      const quote = postageQuote(label(cap), eur);
      for (let cents = 0; cents <= 2000; cents += 7) {
        const charged = postageCharge(label(cap), { method: "MAIL", reasons: [], postage: usd(cents) }, eur).minor;
        expect(quote.kind === "label" && quote.upTo !== null && charged <= quote.upTo).toBe(true);
      }
    }
  });
});

describe("the policy's postage fields", () => {
  it("default to today's flat fee; a cap, free reasons and the payer are validated", () => {
    const { postagePayer, postageCap, freePostageReasons, ...rest } = basePolicy;
    void postagePayer;
    void postageCap;
    void freePostageReasons;
    expect(parseReturnPolicy(rest)).toMatchObject({ status: "success", policy: { postagePayer: "FLAT", postageCap: null, freePostageReasons: [] } });
    expect(parseReturnPolicy({ ...rest, postagePayer: "LABEL", postageCap: "7.5", freePostageReasons: ["WRONG_ITEM", "DEFECTIVE"] })).toMatchObject({
      status: "success",
      policy: { postagePayer: "LABEL", postageCap: "7.50", freePostageReasons: ["DEFECTIVE", "WRONG_ITEM"] },
    });
    expect(parseReturnPolicy({ ...rest, postageCap: "" })).toMatchObject({ status: "success", policy: { postageCap: null } });
    expect(parseReturnPolicy({ ...rest, postagePayer: "CARRIER" })).toMatchObject({ status: "error" });
    expect(parseReturnPolicy({ ...rest, postageCap: "-1" })).toMatchObject({ status: "error" });
    expect(parseReturnPolicy({ ...rest, freePostageReasons: ["BROKEN"] })).toMatchObject({ status: "error" });
  });
});
