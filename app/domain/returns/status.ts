import type { ReturnMethod } from "./policy";

/** The `ReturnStatus` enum of prisma/schema.prisma. */
export const RETURN_STATUSES = [
  "REQUESTED",
  "APPROVED",
  "DECLINED",
  "IN_TRANSIT",
  "DELIVERED",
  "RECEIVED",
  "REFUNDED",
  "CLOSED",
  "CANCELED",
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * The return lifecycle as an explicit transition table (Vendure-style): each status lists the only
 * statuses it may move to, whoever moves it (staff in Crossdock, the shopper, or Shopify through a
 * webhook). Everything else is read off it: the one database writer's "allowed from" conditions
 * (`changeReturn` in models/returns.server.ts, through `sourcesOf`), the desk's buttons and the
 * services' refusals (`deskActions`, `canStaffTransition` with `STAFF_VETOES`), the Shopify sync
 * (`transitionPath`: a state Shopify reached through steps Crossdock did not see is reached through
 * the table's steps), the shopper's steps (`returnTimeline`) and the reports (`APPROVED_STATUSES`).
 *
 * APPROVED → RECEIVED covers a drop-off handed in at the store and a parcel whose travel nobody
 * reported; APPROVED/IN_TRANSIT/DELIVERED → REFUNDED a refund made in Shopify before staff checked
 * the goods in; → CLOSED a return closed without being received or refunded (Shopify: "or simply
 * when it has been marked as returned"); CLOSED → APPROVED a return reopened in Shopify
 * (`returnReopen`), never by staff in Crossdock. DECLINED and CANCELED are final.
 *
 * IN_TRANSIT and DELIVERED are the carrier's news (services/record-carrier-tracking.server.ts: a
 * carrier's tracking updates, or the shopper typing the tracking number of a parcel they sent
 * themselves). DELIVERED is its own status, between IN_TRANSIT and RECEIVED, rather than a note on
 * IN_TRANSIT or a synonym of RECEIVED: "the carrier left the parcel at the return location" is what
 * the shopper wants to hear ("your return arrived") and what tells staff a parcel waits to be checked
 * in, yet nobody has counted the items, so no refund is due and the desk's "receive" (dispositions,
 * restock) is still to come. It is reached only from IN_TRANSIT (a carrier that reports delivery
 * without a scan before it is walked through IN_TRANSIT by `transitionPath`), never set by staff,
 * and Shopify knows neither: its reverse delivery holds a tracking number and URL but no tracking
 * status (ReverseDeliveryTrackingV2, Admin API 2026-10), so Shopify's return stays OPEN, which the
 * sync maps to APPROVED and never takes a return back to (`transitionPath` has no step backwards).
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  REQUESTED: ["APPROVED", "DECLINED", "CANCELED"],
  APPROVED: ["IN_TRANSIT", "RECEIVED", "REFUNDED", "CLOSED", "CANCELED"],
  IN_TRANSIT: ["DELIVERED", "RECEIVED", "REFUNDED", "CLOSED", "CANCELED"],
  DELIVERED: ["RECEIVED", "REFUNDED", "CLOSED", "CANCELED"],
  RECEIVED: ["REFUNDED", "CLOSED"],
  REFUNDED: ["CLOSED"],
  CLOSED: ["APPROVED"],
  DECLINED: [],
  CANCELED: [],
};

/** The statuses that may move to `to`: the "allowed from" of a database update to `to`. */
export function sourcesOf(to: ReturnStatus): ReturnStatus[] {
  return RETURN_STATUSES.filter((from) => RETURN_TRANSITIONS[from].includes(to));
}

/**
 * The steps from `from` to `to` through the table (shortest first), or null when there is none;
 * [] when they are the same. A closed return only leaves CLOSED when it is being reopened, and only
 * as the first step, so no path ever runs "through" a closed return.
 */
export function transitionPath(from: ReturnStatus, to: ReturnStatus, options: { reopening?: boolean } = {}): ReturnStatus[] | null {
  if (from === to) return [];
  const previous = new Map<ReturnStatus, ReturnStatus>();
  const queue: ReturnStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === "CLOSED" && !(options.reopening && at === from)) continue;
    for (const next of RETURN_TRANSITIONS[at]) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, at);
      if (next === to) {
        const path: ReturnStatus[] = [to];
        for (let step = previous.get(to)!; step !== from; step = previous.get(step)!) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

export function canTransition(from: ReturnStatus, to: ReturnStatus): boolean {
  return RETURN_TRANSITIONS[from].includes(to);
}

/** The status every return starts in (a request, from the portal or from Shopify). */
export const INITIAL_RETURN_STATUS: ReturnStatus = "REQUESTED";

/**
 * Moves staff make in Crossdock: the table, less the moves someone else reports. Shopify reopens a
 * closed return (`returnReopen`), refunds are made in Shopify and recorded from `refunds/create`,
 * returns are canceled in Shopify, and in transit and delivered are the carrier's news.
 */
export const STAFF_VETOES: ReadonlyArray<(from: ReturnStatus, to: ReturnStatus) => string | null> = [
  (from) => (from === "CLOSED" ? "A closed return is reopened in Shopify, not in Crossdock." : null),
  (_from, to) => (to === "REFUNDED" ? "A refund is made in Shopify; Crossdock records it from Shopify." : null),
  (_from, to) => (to === "CANCELED" ? "A return is canceled in Shopify, not in Crossdock." : null),
  (_from, to) => (to === "IN_TRANSIT" ? "In transit is reported by the carrier, not set by staff." : null),
  (_from, to) => (to === "DELIVERED" ? "Delivered is reported by the carrier, not set by staff." : null),
];

/** Whether staff may move a return from `from` to `to` in Crossdock. */
export function canStaffTransition(from: ReturnStatus, to: ReturnStatus): boolean {
  return checkTransition(from, to, STAFF_VETOES).ok;
}

/** The returns desk's buttons on a return's page, each named by the status it moves the return to. */
export const DESK_ACTIONS = { approve: "APPROVED", decline: "DECLINED", receive: "RECEIVED", close: "CLOSED" } as const satisfies Record<string, ReturnStatus>;
export type DeskAction = keyof typeof DESK_ACTIONS;

/**
 * The desk's buttons for a return: each one whose move staff may make from the return's status. An
 * approved mail return without its label (approved in Shopify) may be approved again: that only
 * finishes the label, the status stays.
 */
export function deskActions(ret: { status: ReturnStatus; method: ReturnMethod; hasLabel: boolean }): Record<DeskAction, boolean> {
  const offered = {} as Record<DeskAction, boolean>;
  for (const action of Object.keys(DESK_ACTIONS) as DeskAction[]) offered[action] = canStaffTransition(ret.status, DESK_ACTIONS[action]);
  if (ret.status === "APPROVED" && ret.method === "MAIL" && !ret.hasLabel) offered.approve = true;
  return offered;
}

/** `from` and the statuses it can still get to through the table's steps, never through CLOSED nor `avoiding`. */
function reachableFrom(from: ReturnStatus, avoiding?: ReturnStatus): Set<ReturnStatus> {
  const seen = new Set<ReturnStatus>([from]);
  const queue: ReturnStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === "CLOSED") continue;
    for (const next of RETURN_TRANSITIONS[at]) {
      if (next === avoiding || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

/**
 * The statuses a return is only ever in after being approved: reachable from APPROVED, and not from
 * a request without passing through APPROVED (so not declined, nor canceled, which a request may be
 * without approval). Reports count approvals by them.
 */
export const APPROVED_STATUSES: readonly ReturnStatus[] = (() => {
  const unapproved = reachableFrom(INITIAL_RETURN_STATUS, "APPROVED");
  return RETURN_STATUSES.filter((s) => reachableFrom("APPROVED").has(s) && !unapproved.has(s));
})();

/**
 * The statuses whose return waits for a decision: those from which it may be both approved and
 * declined (a request). A decision's claim, the rules and "open requests" in reports read them.
 */
export const AWAITING_DECISION: readonly ReturnStatus[] = sourcesOf("APPROVED").filter((s) => sourcesOf("DECLINED").includes(s));

/** A status (ours or Shopify's) in words for a sentence of the desk's messages: "in transit", not "IN_TRANSIT". */
export function statusInWords(status: string): string {
  return status.toLowerCase().replace(/_/g, " ");
}

/**
 * Whether the goods are still to come back (a mail return's label is printable until then): the
 * return may be received, and a carrier has not yet delivered it (DELIVERED is still ahead).
 */
export function awaitingGoods(status: ReturnStatus): boolean {
  return canTransition(status, "RECEIVED") && (transitionPath(status, "DELIVERED")?.length ?? 0) > 0;
}

export function isFinalStatus(status: ReturnStatus): boolean {
  return RETURN_TRANSITIONS[status].length === 0;
}

/**
 * Statuses in which the return still holds its items (counted as "in return" for eligibility, and
 * as returned in reports): all but the final ones, declined and canceled (a closed return may be
 * reopened).
 */
export function isOpenReturn(status: ReturnStatus): boolean {
  return !isFinalStatus(status);
}

export const FINAL_STATUSES: readonly ReturnStatus[] = RETURN_STATUSES.filter(isFinalStatus);

export type TransitionCheck =
  | { ok: true; from: ReturnStatus; to: ReturnStatus }
  | { ok: false; code: "INVALID_TRANSITION"; from: ReturnStatus; to: ReturnStatus; allowed: readonly ReturnStatus[]; message: string };

/**
 * Guard for a status change. `vetoes` are extra checks (hooks) that may refuse an otherwise legal
 * transition, e.g. "no refund before the items are received": each returns a message to refuse.
 */
export function checkTransition(
  from: ReturnStatus,
  to: ReturnStatus,
  vetoes: ReadonlyArray<(from: ReturnStatus, to: ReturnStatus) => string | null | undefined> = [],
): TransitionCheck {
  const allowed = RETURN_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    const message = allowed.length
      ? `A return that is ${from} can become ${allowed.join(", ")}, not ${to}.`
      : `A return that is ${from} cannot change any more (asked: ${to}).`;
    return { ok: false, code: "INVALID_TRANSITION", from, to, allowed, message };
  }
  for (const veto of vetoes) {
    const refusal = veto(from, to);
    if (refusal) return { ok: false, code: "INVALID_TRANSITION", from, to, allowed, message: refusal };
  }
  return { ok: true, from, to };
}

export class ReturnTransitionError extends Error {
  constructor(readonly check: Extract<TransitionCheck, { ok: false }>) {
    super(check.message);
    this.name = "ReturnTransitionError";
  }
}

/** `checkTransition` that throws a ReturnTransitionError, for services inside a transaction. */
export function assertTransition(from: ReturnStatus, to: ReturnStatus): void {
  const check = checkTransition(from, to);
  if (!check.ok) throw new ReturnTransitionError(check);
}

// ---------------------------------------------------------------------------------------------
// Shopper-facing timeline
// ---------------------------------------------------------------------------------------------

/** A step the shopper sees; the portal translates `key`. */
export type ReturnStepKey =
  | "requested"
  | "approved"
  | "declined"
  | "canceled"
  | "in_transit"
  | "delivered"
  | "dropped_off"
  | "received"
  | "refunded"
  | "closed";

export type StepState = "done" | "current" | "upcoming";

export interface ReturnStep {
  key: ReturnStepKey;
  state: StepState;
  /** ISO time the step happened, when known. */
  at: string | null;
}

/** When each status was reached (from ReturnEvent rows or the request's own timestamps). */
export type StatusTimes = Partial<Record<ReturnStatus, Date | string | null>>;

/** A step of the shopper's path and the status that reaches it. */
interface PathStep {
  key: ReturnStepKey;
  status: ReturnStatus;
  /** Shown only once the return has been in the status: nothing reports it for every return. */
  onceReached?: true;
}

/**
 * In transit and delivered are the carrier's news: Shopify's reverse delivery holds a tracking number
 * and URL but no tracking status (ReverseDeliveryTrackingV2, Admin API 2026-10), and a parcel the
 * shopper sends themselves is tracked only when they type its number. So these steps are shown once
 * reported, never as steps still to come.
 */
const IN_TRANSIT_STEP: PathStep = { key: "in_transit", status: "IN_TRANSIT", onceReached: true };
const DELIVERED_STEP: PathStep = { key: "delivered", status: "DELIVERED", onceReached: true };

/** The shopper's path for each method, in the table's order. */
const SHOPPER_PATHS: Record<ReturnMethod, readonly PathStep[]> = {
  MAIL: [
    { key: "requested", status: "REQUESTED" },
    { key: "approved", status: "APPROVED" },
    IN_TRANSIT_STEP,
    DELIVERED_STEP,
    { key: "received", status: "RECEIVED" },
    { key: "refunded", status: "REFUNDED" },
  ],
  DROP_OFF: [
    { key: "requested", status: "REQUESTED" },
    { key: "approved", status: "APPROVED" },
    IN_TRANSIT_STEP,
    DELIVERED_STEP,
    { key: "dropped_off", status: "RECEIVED" },
    { key: "refunded", status: "REFUNDED" },
  ],
};

/**
 * The steps to show for a return, read off the transition table: the shopper's path for its method
 * (MAIL: requested → approved → received → refunded; DROP_OFF: requested → approved → dropped off →
 * refunded; in transit and delivered between approved and received once a carrier reports them), each step
 * done when the table leads from it to the return's status, current when it is that status, upcoming
 * when the table leads on to it. A declined or canceled return ends at that step; a closed one ends
 * at "closed" after every step it passed (the refund only when there was one). With `moneyBack:
 * false` (an exchange that takes all the items are worth) there is no refund step.
 */
export function returnTimeline(status: ReturnStatus, method: ReturnMethod, times: StatusTimes = {}, options: { moneyBack?: boolean } = {}): ReturnStep[] {
  const at = (s: ReturnStatus) => {
    const t = times[s];
    return t == null ? null : new Date(t).toISOString();
  };
  if (status === "DECLINED" || status === "CANCELED") {
    const steps: ReturnStep[] = [{ key: "requested", state: "done", at: at("REQUESTED") }];
    if (times.APPROVED != null) steps.push({ key: "approved", state: "done", at: at("APPROVED") });
    steps.push({ key: status === "DECLINED" ? "declined" : "canceled", state: "current", at: at(status) });
    return steps;
  }
  // An exchange that takes everything the items are worth gives no money back: no refund step to wait for.
  const path = SHOPPER_PATHS[method].filter((p) => options.moneyBack !== false || p.status !== "REFUNDED" || times.REFUNDED != null);
  if (status === "CLOSED") {
    // Closed after a refund: the whole path is done. Closed without one: up to the goods' arrival.
    const passed = path.filter((p) => (p.onceReached || p.status === "REFUNDED" ? times[p.status] != null : true));
    return [...passed.map((p): ReturnStep => ({ key: p.key, state: "done", at: at(p.status) })), { key: "closed", state: "current", at: at("CLOSED") }];
  }
  return path.flatMap((p): ReturnStep[] => {
    const state: StepState = p.status === status ? "current" : transitionPath(p.status, status) ? "done" : "upcoming";
    if (p.onceReached && (state === "upcoming" || (state === "done" && times[p.status] == null))) return [];
    return [{ key: p.key, state, at: state === "upcoming" ? null : at(p.status) }];
  });
}
