// The return lifecycle has one owner, the transition table (app/domain/returns/status.ts). For every
// status this checks that its three readers agree with it: the database (every from → to pair
// attempted through the one writer, `changeReturn`, against PostgreSQL: exactly the table's pairs
// are written), the desk's buttons (the return page's loader) and the shopper's steps (the portal's
// status page loader).
import "./env";
import type { ReturnMethod } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  canStaffTransition,
  checkTransition,
  DESK_ACTIONS,
  RETURN_STATUSES,
  RETURN_TRANSITIONS,
  STAFF_VETOES,
  transitionPath,
  type DeskAction,
  type ReturnStatus,
  type ReturnStepKey,
} from "~/domain/returns/status";
import { changeReturn } from "~/models/returns.server";
import type { Shop } from "~/models/shops.server";
import { loadReturnDetail } from "~/services/load-return-detail.server";
import { loadReturnStatus } from "~/services/load-return-status.server";
import { createTestShop } from "../../setup/db";

let shop: Shop;
let made = 0;

beforeAll(async () => {
  shop = await createTestShop({ timezone: "Asia/Ho_Chi_Minh" });
});

const ORDER_ID = "gid://shopify/Order/4242";

/**
 * A return sitting in `status` (written directly: the state under test, not a change), with the
 * timeline events of the table's shortest way there, as the app records them.
 */
async function returnIn(status: ReturnStatus, options: { method?: ReturnMethod; hasLabel?: boolean } = {}) {
  const way = transitionPath("REQUESTED", status) ?? [];
  made++;
  return prisma.returnRequest.create({
    data: {
      shopId: shop.id,
      rma: `RMA-4242-${String(made).padStart(4, "0")}`,
      orderId: ORDER_ID,
      orderName: "#4242",
      status,
      method: options.method ?? "MAIL",
      reverseDeliveryId: options.hasLabel === false ? null : "gid://shopify/ReverseDelivery/1",
      labelTrackingNumber: options.hasLabel === false ? null : `CD${String(made).padStart(8, "0")}5VN`,
      events: { create: way.map((s) => ({ type: s.toLowerCase(), actor: "test" })) },
    },
  });
}

const pairs = RETURN_STATUSES.flatMap((from) => RETURN_STATUSES.map((to) => [from, to] as const));

describe("the database writes exactly the table's moves", () => {
  it("through changeReturn, for every from → to pair (81), with and without the status the caller read", async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [from, to] of pairs) {
      for (const read of [undefined, from] as const) {
        const ret = await returnIn(from);
        const changed = await changeReturn(shop, ret.id, { ...(read && { from: read }), to });
        const stored = await prisma.returnRequest.findUniqueOrThrow({ where: { id: ret.id }, select: { status: true } });
        const allowed = RETURN_TRANSITIONS[from].includes(to);
        outcomes.push(`${read ? "read " : ""}${from} → ${to}: ${changed ? "written" : "refused"}, now ${stored.status}`);
        expected.push(`${read ? "read " : ""}${from} → ${to}: ${allowed ? "written" : "refused"}, now ${allowed ? to : from}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it("refuses a change decided on an older read, and a walk of steps the table does not take, writing nothing", async () => {
    const ret = await returnIn("APPROVED");
    expect(await changeReturn(shop, ret.id, { from: "REQUESTED", to: "DECLINED" })).toBeNull();
    expect(await changeReturn(shop, ret.id, { to: ["RECEIVED", "APPROVED"], events: [{ type: "note", actor: "test" }] })).toBeNull();
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: ret.id }, include: { events: true } });
    expect(after.status).toBe("APPROVED");
    expect(after.events.filter((e) => e.type === "note")).toEqual([]);

    const requested = await returnIn("REQUESTED");
    const walked = await changeReturn(shop, requested.id, { from: "REQUESTED", to: ["APPROVED", "RECEIVED"], fields: { receivedAt: new Date() } });
    expect(walked?.status).toBe("RECEIVED");
  });
});

describe("the desk's buttons are the table's staff moves", () => {
  it("offers, for every status, a button for each move the table allows staff and no other", async () => {
    const offered: string[] = [];
    const expected: string[] = [];
    for (const status of RETURN_STATUSES) {
      const ret = await returnIn(status);
      const detail = await loadReturnDetail({ shop, graphql: null, returnId: ret.id });
      const actions = detail!.actions as Record<DeskAction, boolean>;
      for (const action of Object.keys(DESK_ACTIONS) as DeskAction[]) {
        const to = DESK_ACTIONS[action];
        if (actions[action]) offered.push(`${status}: ${action} (→ ${to})`);
        if (RETURN_TRANSITIONS[status].includes(to) && checkTransition(status, to, STAFF_VETOES).ok) expected.push(`${status}: ${action} (→ ${to})`);
      }
    }
    expect(offered).toEqual(expected);
  });

  it("offers the buttons a merchant expects for each status (written out, not derived)", async () => {
    // What the desk should offer, decided by people: Shopify (a refund, a reopen, a cancel) and the
    // carrier (in transit, delivered) make the other moves.
    const expected: Record<ReturnStatus, DeskAction[]> = {
      REQUESTED: ["approve", "decline"],
      APPROVED: ["receive", "close"],
      IN_TRANSIT: ["receive", "close"],
      DELIVERED: ["receive", "close"],
      RECEIVED: ["close"],
      REFUNDED: ["close"],
      CLOSED: [],
      DECLINED: [],
      CANCELED: [],
    };
    for (const status of RETURN_STATUSES) {
      const ret = await returnIn(status);
      const detail = await loadReturnDetail({ shop, graphql: null, returnId: ret.id });
      const actions = detail!.actions as Record<DeskAction, boolean>;
      expect((Object.keys(DESK_ACTIONS) as DeskAction[]).filter((action) => actions[action]), status).toEqual(expected[status]);
    }
  });

  it("has a button for every move staff may make", () => {
    const targets = new Set<ReturnStatus>(Object.values(DESK_ACTIONS));
    const staffMoves = pairs.filter(([from, to]) => canStaffTransition(from, to));
    expect(staffMoves.filter(([, to]) => !targets.has(to))).toEqual([]);
    expect(staffMoves.every(([from, to]) => RETURN_TRANSITIONS[from].includes(to))).toBe(true);
  });

  it("offers approving an approved mail return again only to finish its label (its status stays)", async () => {
    const ret = await returnIn("APPROVED", { hasLabel: false });
    expect((await loadReturnDetail({ shop, graphql: null, returnId: ret.id }))!.actions.approve).toBe(true);
  });
});

describe("the shopper's steps follow the table", () => {
  /** The status each step stands for. */
  const STEP_STATUS: Record<ReturnStepKey, ReturnStatus> = {
    requested: "REQUESTED",
    approved: "APPROVED",
    declined: "DECLINED",
    canceled: "CANCELED",
    in_transit: "IN_TRANSIT",
    delivered: "DELIVERED",
    dropped_off: "RECEIVED",
    received: "RECEIVED",
    refunded: "REFUNDED",
    closed: "CLOSED",
  };

  it("for every status and method: the current step is the status, done steps lead to it, upcoming ones follow from it", async () => {
    const problems: string[] = [];
    for (const method of ["MAIL", "DROP_OFF"] as const) {
      for (const status of RETURN_STATUSES) {
        const ret = await returnIn(status, { method });
        const page = await loadReturnStatus({ shop, orderId: ORDER_ID, rma: ret.rma });
        if (page.status !== "ok") throw new Error(`no status page for ${ret.rma}`);
        const where = `${method} ${status}`;
        const current = page.steps.filter((s) => s.state === "current");
        if (current.length !== 1 || STEP_STATUS[current[0]!.key] !== status) problems.push(`${where}: current ${current.map((s) => s.key).join(", ")}`);
        for (const step of page.steps) {
          const stepStatus = STEP_STATUS[step.key];
          if (step.state === "done" && !transitionPath(stepStatus, status)) problems.push(`${where}: ${step.key} done, but the table does not lead from it to ${status}`);
          if (step.state === "upcoming" && !transitionPath(status, stepStatus)) problems.push(`${where}: ${step.key} upcoming, but the table does not lead to it from ${status}`);
        }
        // In transit has no writer yet (no carrier reports scans): never promised as a step to come.
        if (page.steps.some((s) => s.key === "in_transit" && s.state === "upcoming")) problems.push(`${where}: in transit shown as a step to come`);
      }
    }
    expect(problems).toEqual([]);
  });
});
