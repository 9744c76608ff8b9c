import type { ReturnMethod } from "./policy";

/** The `ReturnStatus` enum of prisma/schema.prisma. */
export const RETURN_STATUSES = [
  "REQUESTED",
  "APPROVED",
  "DECLINED",
  "IN_TRANSIT",
  "RECEIVED",
  "REFUNDED",
  "CLOSED",
  "CANCELED",
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * The return lifecycle as an explicit transition table (Vendure-style): each status lists the only
 * statuses it may move to, whoever moves it (staff in Crossdock, the shopper, or Shopify through a
 * webhook). Every status change goes through it: the database updates' "allowed from" conditions
 * (`sourcesOf`), the services' refusals and the admin's buttons (`checkTransition` with
 * `STAFF_VETOES`), the Shopify sync (`transitionPath`: a state Shopify reached through steps
 * Crossdock did not see is reached through the table's steps).
 *
 * APPROVED → RECEIVED covers a drop-off handed in at the store (no transit); APPROVED/IN_TRANSIT →
 * REFUNDED a refund made in Shopify before the goods arrived; → CLOSED a return closed without being
 * received or refunded (Shopify: "or simply when it has been marked as returned"); CLOSED → APPROVED
 * a return reopened in Shopify (`returnReopen`), never by staff in Crossdock. DECLINED and CANCELED
 * are final.
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  REQUESTED: ["APPROVED", "DECLINED", "CANCELED"],
  APPROVED: ["IN_TRANSIT", "RECEIVED", "REFUNDED", "CLOSED", "CANCELED"],
  IN_TRANSIT: ["RECEIVED", "REFUNDED", "CLOSED", "CANCELED"],
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

export function isReturnStatus(value: unknown): value is ReturnStatus {
  return typeof value === "string" && (RETURN_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: ReturnStatus, to: ReturnStatus): boolean {
  return RETURN_TRANSITIONS[from].includes(to);
}

/** Moves staff make in Crossdock: the table, less reopening (Shopify's `returnReopen` alone reopens). */
export const STAFF_VETOES: ReadonlyArray<(from: ReturnStatus, to: ReturnStatus) => string | null> = [
  (from) => (from === "CLOSED" ? "A closed return is reopened in Shopify, not in Crossdock." : null),
];

/** Whether staff (or the shopper) may move a return from `from` to `to` in Crossdock. */
export function canStaffTransition(from: ReturnStatus, to: ReturnStatus): boolean {
  return checkTransition(from, to, STAFF_VETOES).ok;
}

export function isFinalStatus(status: ReturnStatus): boolean {
  return RETURN_TRANSITIONS[status].length === 0;
}

/** Statuses in which the return still holds its items (counted as "in return" for eligibility). */
export function isOpenReturn(status: ReturnStatus): boolean {
  return status !== "DECLINED" && status !== "CANCELED";
}

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

/**
 * The steps to show for a return: the happy path for its method (MAIL: requested → approved → in
 * transit → received → refunded; DROP_OFF: requested → approved → dropped off → refunded), with the
 * steps reached marked done, the latest one current, the rest upcoming. A declined or canceled
 * return ends at that step. A return CLOSED without a refund ends at "closed".
 */
export function returnTimeline(status: ReturnStatus, method: ReturnMethod, times: StatusTimes = {}): ReturnStep[] {
  const at = (s: ReturnStatus) => {
    const t = times[s];
    return t == null ? null : new Date(t).toISOString();
  };
  const handIn: ReturnStepKey = method === "DROP_OFF" ? "dropped_off" : "in_transit";
  const path: Array<{ key: ReturnStepKey; status: ReturnStatus }> =
    method === "DROP_OFF"
      ? [
          { key: "requested", status: "REQUESTED" },
          { key: "approved", status: "APPROVED" },
          { key: handIn, status: "RECEIVED" },
          { key: "refunded", status: "REFUNDED" },
        ]
      : [
          { key: "requested", status: "REQUESTED" },
          { key: "approved", status: "APPROVED" },
          { key: handIn, status: "IN_TRANSIT" },
          { key: "received", status: "RECEIVED" },
          { key: "refunded", status: "REFUNDED" },
        ];

  if (status === "DECLINED" || status === "CANCELED") {
    const wasApproved = times.APPROVED != null;
    const steps: ReturnStep[] = [{ key: "requested", state: "done", at: at("REQUESTED") }];
    if (wasApproved) steps.push({ key: "approved", state: "done", at: at("APPROVED") });
    steps.push({ key: status === "DECLINED" ? "declined" : "canceled", state: "current", at: at(status) });
    return steps;
  }

  const reachedIndex = (() => {
    if (status === "CLOSED") {
      // Closed after a refund: the whole path is done. Closed without one: up to received.
      return times.REFUNDED != null ? path.length - 1 : path.findIndex((p) => p.status === "RECEIVED");
    }
    // On the DROP_OFF path IN_TRANSIT has no step of its own: treat it as still approved.
    const index = path.findIndex((p) => p.status === status);
    return index >= 0 ? index : path.findIndex((p) => p.status === "APPROVED");
  })();

  const steps: ReturnStep[] = path.map((p, i) => ({
    key: p.key,
    state: i < reachedIndex ? "done" : i === reachedIndex ? "current" : "upcoming",
    at: i <= reachedIndex ? at(p.status) : null,
  }));
  if (status === "CLOSED") {
    if (times.REFUNDED == null) steps.splice(reachedIndex + 1);
    steps.forEach((s) => (s.state = "done"));
    steps.push({ key: "closed", state: "current", at: at("CLOSED") });
  }
  return steps;
}
