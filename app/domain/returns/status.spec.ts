import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPROVED_STATUSES,
  assertTransition,
  awaitingGoods,
  canStaffTransition,
  canTransition,
  checkTransition,
  deskActions,
  isFinalStatus,
  isOpenReturn,
  RETURN_STATUSES,
  RETURN_TRANSITIONS,
  returnTimeline,
  ReturnTransitionError,
  sourcesOf,
  STAFF_VETOES,
  transitionPath,
  type ReturnStatus,
} from "./status";

describe("return lifecycle", () => {
  it("follows the happy paths", () => {
    const mail: ReturnStatus[] = ["REQUESTED", "APPROVED", "IN_TRANSIT", "DELIVERED", "RECEIVED", "REFUNDED", "CLOSED"];
    const dropOff: ReturnStatus[] = ["REQUESTED", "APPROVED", "RECEIVED", "REFUNDED", "CLOSED"];
    for (const path of [mail, dropOff]) {
      for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).toBe(true);
    }
  });

  it.each([
    ["REQUESTED", "RECEIVED"],
    ["REQUESTED", "REFUNDED"],
    ["DECLINED", "APPROVED"],
    ["CANCELED", "REQUESTED"],
    ["CLOSED", "REFUNDED"],
    ["RECEIVED", "CANCELED"],
    ["REFUNDED", "RECEIVED"],
    ["APPROVED", "DELIVERED"],
    ["DELIVERED", "IN_TRANSIT"],
    ["DELIVERED", "APPROVED"],
    ["RECEIVED", "DELIVERED"],
  ] as const)("refuses %s → %s with the allowed moves", (from, to) => {
    const check = checkTransition(from, to);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.allowed).toEqual(RETURN_TRANSITIONS[from]);
    expect(check.message).toContain(to);
    expect(() => assertTransition(from, to)).toThrow(ReturnTransitionError);
  });

  it("lets a veto refuse a legal move", () => {
    const check = checkTransition("RECEIVED", "REFUNDED", [() => null, (_f, to) => (to === "REFUNDED" ? "Nothing to refund." : null)]);
    expect(check).toMatchObject({ ok: false, message: "Nothing to refund." });
    expect(checkTransition("RECEIVED", "REFUNDED", [() => undefined]).ok).toBe(true);
  });

  it("has final states with no way out, everything reachable from REQUESTED", () => {
    expect(RETURN_STATUSES.filter(isFinalStatus)).toEqual(["DECLINED", "CANCELED"]);
    const reachable = new Set<ReturnStatus>(["REQUESTED"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of [...reachable]) {
        for (const t of RETURN_TRANSITIONS[s]) {
          if (reachable.has(t)) continue;
          reachable.add(t);
          grew = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([...RETURN_STATUSES].sort());
  });

  it("never goes back to REQUESTED, and a walk that does not reopen ends in CLOSED or a final state within 5 moves", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 10 }), (choices) => {
        let status: ReturnStatus = "REQUESTED";
        let moves = 0;
        for (const c of choices) {
          const from: ReturnStatus = status;
          const next: ReturnStatus[] = RETURN_TRANSITIONS[from].filter((s) => canStaffTransition(from, s));
          if (next.length === 0) break;
          status = next[c % next.length]!;
          moves++;
          expect(status).not.toBe("REQUESTED");
        }
        expect(moves).toBeLessThanOrEqual(5);
      }),
    );
  });

  it("lists where a status may be reached from: the database's allowed-from conditions", () => {
    expect(sourcesOf("RECEIVED")).toEqual(["APPROVED", "IN_TRANSIT", "DELIVERED"]);
    expect(sourcesOf("REFUNDED")).toEqual(["APPROVED", "IN_TRANSIT", "DELIVERED", "RECEIVED"]);
    expect(sourcesOf("CLOSED")).toEqual(["APPROVED", "IN_TRANSIT", "DELIVERED", "RECEIVED", "REFUNDED"]);
    expect(sourcesOf("DELIVERED")).toEqual(["IN_TRANSIT"]);
    expect(sourcesOf("REQUESTED")).toEqual([]);
  });

  it("finds the table's steps to a state Shopify reached, never through a closed return unless reopening it", () => {
    expect(transitionPath("REQUESTED", "RECEIVED")).toEqual(["APPROVED", "RECEIVED"]);
    expect(transitionPath("REQUESTED", "CLOSED")).toEqual(["APPROVED", "CLOSED"]);
    expect(transitionPath("RECEIVED", "RECEIVED")).toEqual([]);
    expect(transitionPath("RECEIVED", "APPROVED")).toBeNull(); // Shopify's OPEN return is not "back" to approved
    expect(transitionPath("REFUNDED", "RECEIVED")).toBeNull();
    expect(transitionPath("DECLINED", "APPROVED")).toBeNull();
    expect(transitionPath("CLOSED", "RECEIVED")).toBeNull();
    expect(transitionPath("CLOSED", "RECEIVED", { reopening: true })).toEqual(["APPROVED", "RECEIVED"]);
  });

  it("walks a carrier's delivery through in transit, and never takes a tracked return back", () => {
    expect(transitionPath("APPROVED", "DELIVERED")).toEqual(["IN_TRANSIT", "DELIVERED"]);
    expect(transitionPath("IN_TRANSIT", "DELIVERED")).toEqual(["DELIVERED"]);
    expect(transitionPath("DELIVERED", "IN_TRANSIT")).toBeNull(); // a late "in transit" scan
    expect(transitionPath("DELIVERED", "APPROVED")).toBeNull(); // Shopify's return is still OPEN
    expect(transitionPath("IN_TRANSIT", "APPROVED")).toBeNull();
    expect(transitionPath("DELIVERED", "RECEIVED")).toEqual(["RECEIVED"]); // checked in on the desk or in Shopify
    expect(transitionPath("REQUESTED", "RECEIVED")).toEqual(["APPROVED", "RECEIVED"]); // not through the carrier's steps
  });

  it("lets only Shopify reopen a closed return", () => {
    expect(canTransition("CLOSED", "APPROVED")).toBe(true);
    expect(canStaffTransition("CLOSED", "APPROVED")).toBe(false);
    expect(checkTransition("CLOSED", "APPROVED", STAFF_VETOES)).toMatchObject({ ok: false, message: expect.stringContaining("reopened in Shopify") });
    expect(canStaffTransition("APPROVED", "RECEIVED")).toBe(true);
  });

  it("leaves refunds, cancellations and transit to those who report them: staff make the desk's four moves", () => {
    expect(canStaffTransition("RECEIVED", "REFUNDED")).toBe(false);
    expect(canStaffTransition("REQUESTED", "CANCELED")).toBe(false);
    expect(canStaffTransition("APPROVED", "IN_TRANSIT")).toBe(false);
    expect(canStaffTransition("IN_TRANSIT", "DELIVERED")).toBe(false);
    expect(deskActions({ status: "DELIVERED", method: "MAIL", hasLabel: true })).toEqual({ approve: false, decline: false, receive: true, close: true });
    expect(deskActions({ status: "APPROVED", method: "MAIL", hasLabel: true })).toEqual({ approve: false, decline: false, receive: true, close: true });
    expect(deskActions({ status: "APPROVED", method: "MAIL", hasLabel: false }).approve).toBe(true);
    expect(deskActions({ status: "REQUESTED", method: "DROP_OFF", hasLabel: false })).toEqual({ approve: true, decline: true, receive: false, close: false });
    expect(deskActions({ status: "CLOSED", method: "MAIL", hasLabel: true })).toEqual({ approve: false, decline: false, receive: false, close: false });
  });

  it("reads the approved statuses and the label's useful life off the table", () => {
    expect(APPROVED_STATUSES).toEqual(["APPROVED", "IN_TRANSIT", "DELIVERED", "RECEIVED", "REFUNDED", "CLOSED"]);
    expect(RETURN_STATUSES.filter(awaitingGoods)).toEqual(["APPROVED", "IN_TRANSIT"]);
  });

  it("counts every status but declined and canceled as holding the items", () => {
    expect(RETURN_STATUSES.filter((s) => !isOpenReturn(s))).toEqual(["DECLINED", "CANCELED"]);
  });
});

describe("returnTimeline", () => {
  const times = {
    REQUESTED: "2026-03-10T10:00:00Z",
    APPROVED: "2026-03-10T11:00:00Z",
    IN_TRANSIT: "2026-03-11T09:00:00Z",
    DELIVERED: "2026-03-12T16:00:00Z",
    RECEIVED: "2026-03-13T15:00:00Z",
    REFUNDED: "2026-03-14T08:00:00Z",
  };
  const view = (steps: ReturnType<typeof returnTimeline>) => steps.map((s) => `${s.key}:${s.state}${s.at ? "@" + s.at.slice(5, 10) : ""}`);

  it("shows a mail return in transit", () => {
    expect(view(returnTimeline("IN_TRANSIT", "MAIL", times))).toEqual([
      "requested:done@03-10",
      "approved:done@03-10",
      "in_transit:current@03-11",
      "received:upcoming",
      "refunded:upcoming",
    ]);
  });

  it("shows a mail return the carrier delivered, not yet checked in", () => {
    expect(view(returnTimeline("DELIVERED", "MAIL", times))).toEqual([
      "requested:done@03-10",
      "approved:done@03-10",
      "in_transit:done@03-11",
      "delivered:current@03-12",
      "received:upcoming",
      "refunded:upcoming",
    ]);
    expect(view(returnTimeline("IN_TRANSIT", "MAIL", times))).not.toContain("delivered:upcoming");
  });

  it("shows a drop-off waiting to be handed in, then handed in", () => {
    const { IN_TRANSIT: _carried, DELIVERED: _delivered, ...handedIn } = times;
    expect(view(returnTimeline("APPROVED", "DROP_OFF", handedIn))).toEqual([
      "requested:done@03-10",
      "approved:current@03-10",
      "dropped_off:upcoming",
      "refunded:upcoming",
    ]);
    expect(view(returnTimeline("RECEIVED", "DROP_OFF", handedIn))[2]).toBe("dropped_off:current@03-13");
  });

  it("shows no refund step for an exchange that gives no money back, closed or not", () => {
    const { REFUNDED: _none, IN_TRANSIT: _never, DELIVERED: _neither, ...noRefund } = times;
    expect(view(returnTimeline("APPROVED", "MAIL", noRefund, { moneyBack: false }))).toEqual(["requested:done@03-10", "approved:current@03-10", "received:upcoming"]);
    expect(view(returnTimeline("RECEIVED", "DROP_OFF", noRefund, { moneyBack: false }))).toEqual(["requested:done@03-10", "approved:done@03-10", "dropped_off:current@03-13"]);
    expect(view(returnTimeline("CLOSED", "MAIL", { ...noRefund, CLOSED: "2026-03-15T08:00:00Z" }, { moneyBack: false }))).toEqual([
      "requested:done@03-10",
      "approved:done@03-10",
      "received:done@03-13",
      "closed:current@03-15",
    ]);
    // Money back after all (staff refunded something): the step it reached is shown.
    expect(view(returnTimeline("REFUNDED", "MAIL", times, { moneyBack: false })).at(-1)).toBe("refunded:current@03-14");
  });

  it("never shows in transit as a step to come (nothing reports it yet), and shows it once a carrier has", () => {
    const { IN_TRANSIT: _never, DELIVERED: _neither, ...notCarried } = times;
    expect(view(returnTimeline("APPROVED", "MAIL", notCarried))).toEqual(["requested:done@03-10", "approved:current@03-10", "received:upcoming", "refunded:upcoming"]);
    expect(view(returnTimeline("RECEIVED", "MAIL", notCarried))).toEqual(["requested:done@03-10", "approved:done@03-10", "received:current@03-13", "refunded:upcoming"]);
    expect(view(returnTimeline("RECEIVED", "MAIL", times))).toContain("in_transit:done@03-11");
  });

  it("ends at declined or canceled", () => {
    expect(view(returnTimeline("DECLINED", "MAIL", { REQUESTED: times.REQUESTED, DECLINED: "2026-03-11T00:00:00Z" }))).toEqual([
      "requested:done@03-10",
      "declined:current@03-11",
    ]);
    expect(view(returnTimeline("CANCELED", "MAIL", { ...times, CANCELED: "2026-03-12T00:00:00Z" }))).toEqual([
      "requested:done@03-10",
      "approved:done@03-10",
      "canceled:current@03-12",
    ]);
  });

  it("closes after a refund, or after receipt without one", () => {
    expect(view(returnTimeline("CLOSED", "MAIL", { ...times, CLOSED: "2026-03-15T00:00:00Z" }))).toEqual([
      "requested:done@03-10",
      "approved:done@03-10",
      "in_transit:done@03-11",
      "delivered:done@03-12",
      "received:done@03-13",
      "refunded:done@03-14",
      "closed:current@03-15",
    ]);
    const { REFUNDED: _r, ...noRefund } = times;
    expect(view(returnTimeline("CLOSED", "MAIL", noRefund))).toEqual([
      "requested:done@03-10",
      "approved:done@03-10",
      "in_transit:done@03-11",
      "delivered:done@03-12",
      "received:done@03-13",
      "closed:current",
    ]);
  });

  it("has exactly one current step whatever the status", () => {
    for (const status of RETURN_STATUSES) {
      for (const method of ["MAIL", "DROP_OFF"] as const) {
        expect(returnTimeline(status, method).filter((s) => s.state === "current")).toHaveLength(1);
      }
    }
  });
});
