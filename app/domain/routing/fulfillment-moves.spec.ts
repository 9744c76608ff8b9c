import { describe, expect, it } from "vitest";
import { planFulfillmentOrderMoves, type FulfillmentOrderState } from "./fulfillment-moves";

const fo = (id: string, locationId: string, lines: [string, number][], status = "OPEN"): FulfillmentOrderState => ({
  id,
  locationId,
  status,
  lines: lines.map(([lineItemId, remainingQuantity]) => ({ id: `${id}-${lineItemId}`, lineItemId, remainingQuantity })),
});

describe("planFulfillmentOrderMoves", () => {
  it("moves nothing when the plan agrees with Shopify's assignment", () => {
    const result = planFulfillmentOrderMoves([fo("F1", "A", [["L1", 2], ["L2", 1]])], [
      { locationId: "A", lineId: "L1", quantity: 2 },
      { locationId: "A", lineId: "L2", quantity: 1 },
    ]);
    expect(result).toEqual({ moves: [], unitsInPlace: 3, unitsLeftInPlace: 0 });
  });

  it("moves the whole fulfillment order when every unit goes to one other location", () => {
    const result = planFulfillmentOrderMoves([fo("F1", "A", [["L1", 2], ["L2", 1]])], [
      { locationId: "B", lineId: "L1", quantity: 2 },
      { locationId: "B", lineId: "L2", quantity: 1 },
    ]);
    expect(result.moves).toEqual([
      {
        fulfillmentOrderId: "F1",
        fromLocationId: "A",
        toLocationId: "B",
        whole: true,
        lines: [
          { fulfillmentOrderLineItemId: "F1-L1", lineItemId: "L1", quantity: 2 },
          { fulfillmentOrderLineItemId: "F1-L2", lineItemId: "L2", quantity: 1 },
        ],
      },
    ]);
  });

  it("splits: keeps what the plan wants in place and moves the rest (partial move)", () => {
    // L1 ×3: 1 stays at A, 2 go to B; L2 ×1 goes to C.
    const result = planFulfillmentOrderMoves([fo("F1", "A", [["L1", 3], ["L2", 1]])], [
      { locationId: "A", lineId: "L1", quantity: 1 },
      { locationId: "B", lineId: "L1", quantity: 2 },
      { locationId: "C", lineId: "L2", quantity: 1 },
    ]);
    expect(result.unitsInPlace).toBe(1);
    expect(result.moves).toEqual([
      { fulfillmentOrderId: "F1", fromLocationId: "A", toLocationId: "B", whole: false, lines: [{ fulfillmentOrderLineItemId: "F1-L1", lineItemId: "L1", quantity: 2 }] },
      { fulfillmentOrderId: "F1", fromLocationId: "A", toLocationId: "C", whole: false, lines: [{ fulfillmentOrderLineItemId: "F1-L2", lineItemId: "L2", quantity: 1 }] },
    ]);
  });

  it("leaves unassigned units where they are, and never moves closed fulfillment orders", () => {
    const result = planFulfillmentOrderMoves(
      [fo("F1", "A", [["L1", 2]]), fo("F2", "A", [["L2", 1]], "CLOSED")],
      [{ locationId: "B", lineId: "L1", quantity: 1 }],
    );
    expect(result.unitsLeftInPlace).toBe(1);
    expect(result.moves).toEqual([
      { fulfillmentOrderId: "F1", fromLocationId: "A", toLocationId: "B", whole: false, lines: [{ fulfillmentOrderLineItemId: "F1-L1", lineItemId: "L1", quantity: 1 }] },
    ]);
  });

  it("uses units already at the right place across several fulfillment orders before moving any", () => {
    // The order was split earlier: F1 at A holds L1 ×1, F2 at B holds L1 ×1. The plan wants both at B.
    const result = planFulfillmentOrderMoves([fo("F1", "A", [["L1", 1]]), fo("F2", "B", [["L1", 1]])], [
      { locationId: "B", lineId: "L1", quantity: 2 },
    ]);
    expect(result.unitsInPlace).toBe(1);
    expect(result.moves).toEqual([
      { fulfillmentOrderId: "F1", fromLocationId: "A", toLocationId: "B", whole: true, lines: [{ fulfillmentOrderLineItemId: "F1-L1", lineItemId: "L1", quantity: 1 }] },
    ]);
  });

  it("moves exactly the planned units, never more than remain", () => {
    const fos = [fo("F1", "A", [["L1", 4], ["L2", 2]]), fo("F2", "C", [["L2", 1]])];
    const plan = [
      { locationId: "B", lineId: "L1", quantity: 3 },
      { locationId: "A", lineId: "L1", quantity: 1 },
      { locationId: "C", lineId: "L2", quantity: 3 },
    ];
    const { moves, unitsInPlace, unitsLeftInPlace } = planFulfillmentOrderMoves(fos, plan);
    const moved = moves.flatMap((m) => m.lines).reduce((s, l) => s + l.quantity, 0);
    expect(moved + unitsInPlace + unitsLeftInPlace).toBe(7);
    const byTarget = (loc: string, line: string) =>
      moves.filter((m) => m.toLocationId === loc).flatMap((m) => m.lines).filter((l) => l.lineItemId === line).reduce((s, l) => s + l.quantity, 0);
    expect(byTarget("B", "L1")).toBe(3);
    expect(byTarget("C", "L2")).toBe(2);
    expect(unitsInPlace).toBe(2);
  });
});
