import { describe, expect, it } from "vitest";
import { evaluateEligibility } from "./policy";
import { validateReturnSelection, type ReturnSelection } from "./request";
import { line, policy } from "./test-support";

const now = "2026-03-10T12:00:00Z";
const eligibility = evaluateEligibility(policy, {
  now,
  lines: [
    line({ id: "1", quantity: 2, unitPrice: "19.99" }),
    line({ id: "2", quantity: 1, unitPrice: "45.00", title: "Giày" }),
    line({ id: "3", productTags: ["final-sale"] }),
    line({ id: "4", deliveredAt: "2026-01-01T00:00:00Z" }),
    line({ id: "5", quantity: 1, returnedQuantity: 1 }),
  ],
});
const context = { eligibility, policy, dropOffLocationIds: ["gid://shopify/Location/7"] };
const id = (n: string) => `gid://shopify/FulfillmentLineItem/${n}`;

function selection(overrides: Partial<ReturnSelection> = {}): ReturnSelection {
  return {
    items: [{ fulfillmentLineItemId: id("1"), quantity: 1, reason: "SIZE_TOO_SMALL", note: "  too tight  " }],
    method: "MAIL",
    ...overrides,
  };
}

describe("validateReturnSelection", () => {
  it("normalises a valid mail return: trimmed note, totals, the policy's return location", () => {
    const result = validateReturnSelection(
      selection({
        items: [
          { fulfillmentLineItemId: id("1"), quantity: "2", reason: "SIZE_TOO_SMALL", note: "  too tight  " },
          { fulfillmentLineItemId: id("2"), quantity: 1, reason: "DEFECTIVE", note: "   " },
          { fulfillmentLineItemId: id("3"), quantity: 0, reason: "" }, // listed by the form, not selected
        ],
      }),
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.lines.map((l) => [l.line.fulfillmentLineItemId, l.quantity, l.reason, l.customerNote])).toEqual([
      [id("1"), 2, "SIZE_TOO_SMALL", "too tight"],
      [id("2"), 1, "DEFECTIVE", null],
    ]);
    expect(result.request.method).toBe("MAIL");
    expect(result.request.returnLocationId).toBe("gid://shopify/Location/1");
    expect(result.request.totals).toMatchObject({ value: "84.98", returnShippingFee: "5.00", restockingFee: "8.50", refund: "71.48" });
  });

  it("a drop-off goes to the chosen store and pays no shipping", () => {
    const result = validateReturnSelection(selection({ method: "DROP_OFF", dropOffLocationId: "gid://shopify/Location/7" }), context);
    expect(result.ok && result.request.returnLocationId).toBe("gid://shopify/Location/7");
    expect(result.ok && result.request.totals.returnShippingFee).toBe("0.00");
  });

  it("reports every problem with its code and item", () => {
    const result = validateReturnSelection(
      {
        items: [
          { fulfillmentLineItemId: id("1"), quantity: 3, reason: "SIZE_TOO_SMALL" },
          { fulfillmentLineItemId: id("2"), quantity: -1, reason: "UNKNOWN" },
          { fulfillmentLineItemId: id("3"), quantity: 1, reason: "STYLE" },
          { fulfillmentLineItemId: id("4"), quantity: 1, reason: "STYLE" },
          { fulfillmentLineItemId: id("5"), quantity: 1, reason: "STYLE", note: "x".repeat(301) },
          { fulfillmentLineItemId: id("99"), quantity: 1, reason: "STYLE" },
        ],
        method: "DROP_OFF",
        dropOffLocationId: "gid://shopify/Location/8",
      },
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: "QUANTITY_EXCEEDS_RETURNABLE", item: id("1"), field: "quantity", maxQuantity: 2 },
        { code: "INVALID_QUANTITY", item: id("2"), field: "quantity" },
        { code: "INVALID_REASON", item: id("2"), field: "reason" },
        { code: "FINAL_SALE", item: id("3"), field: "items" },
        { code: "WINDOW_EXPIRED", item: id("4"), field: "items", lastDay: "2026-01-31" },
        { code: "ALREADY_RETURNED", item: id("5"), field: "items" },
        { code: "NOTE_TOO_LONG", item: id("5"), field: "note" },
        { code: "ITEM_NOT_IN_ORDER", item: id("99"), field: "items" },
        { code: "DROP_OFF_LOCATION_NOT_ALLOWED", field: "dropOffLocationId" },
      ],
    });
  });

  it("refuses fractional and non-numeric quantities", () => {
    for (const quantity of ["1.5", "abc", 1.5, ""]) {
      const result = validateReturnSelection(
        selection({ items: [{ fulfillmentLineItemId: id("1"), quantity, reason: "STYLE" }] }),
        context,
      );
      expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(["INVALID_QUANTITY"]);
    }
  });

  it("refuses a note the record cannot hold (NUL, other control characters, a lone surrogate) before anything is sent", () => {
    for (const note of ["broken\u0000zip", "bell\u0007", "half an emoji \ud83d"]) {
      const result = validateReturnSelection(selection({ items: [{ fulfillmentLineItemId: id("1"), quantity: 1, reason: "STYLE", note }] }), context);
      expect(result).toEqual({ ok: false, errors: [{ code: "NOTE_INVALID_CHARACTERS", item: id("1"), field: "note" }] });
    }
    const lines = validateReturnSelection(selection({ items: [{ fulfillmentLineItemId: id("1"), quantity: 1, reason: "STYLE", note: "Quá chật\r\n尺码太小 📦" }] }), context);
    expect(lines.ok && lines.request.lines[0]!.customerNote).toBe("Quá chật\r\n尺码太小 📦");
  });

  it("needs at least one item", () => {
    expect(validateReturnSelection(selection({ items: [] }), context)).toEqual({
      ok: false,
      errors: [{ code: "NO_ITEMS", field: "items" }],
    });
    const allZero = validateReturnSelection(
      selection({ items: [{ fulfillmentLineItemId: id("1"), quantity: 0, reason: "STYLE" }] }),
      context,
    );
    expect(allZero.ok ? null : allZero.errors).toEqual([{ code: "NO_ITEMS", field: "items" }]);
  });

  it("refuses the same item twice", () => {
    const result = validateReturnSelection(
      selection({
        items: [
          { fulfillmentLineItemId: id("1"), quantity: 1, reason: "STYLE" },
          { fulfillmentLineItemId: id("1"), quantity: 1, reason: "COLOR" },
        ],
      }),
      context,
    );
    expect(result.ok ? null : result.errors).toEqual([{ code: "DUPLICATE_ITEM", item: id("1"), field: "items" }]);
  });

  it("checks the method against the policy and wants a store for a drop-off", () => {
    const mailOnly = { ...context, policy: { ...policy, allowedMethods: ["MAIL" as const] } };
    expect(validateReturnSelection(selection({ method: "DROP_OFF", dropOffLocationId: "gid://shopify/Location/7" }), mailOnly)).toEqual({
      ok: false,
      errors: [{ code: "METHOD_NOT_ALLOWED", field: "method" }],
    });
    expect(validateReturnSelection(selection({ method: "PIGEON" }), context)).toEqual({
      ok: false,
      errors: [{ code: "METHOD_NOT_ALLOWED", field: "method" }],
    });
    expect(validateReturnSelection(selection({ method: "DROP_OFF", dropOffLocationId: " " }), context)).toEqual({
      ok: false,
      errors: [{ code: "DROP_OFF_LOCATION_REQUIRED", field: "dropOffLocationId" }],
    });
  });

  it("accepts any drop-off store when the caller gives no list", () => {
    const result = validateReturnSelection(selection({ method: "DROP_OFF", dropOffLocationId: "gid://shopify/Location/42" }), {
      eligibility,
      policy,
    });
    expect(result.ok).toBe(true);
  });
});
