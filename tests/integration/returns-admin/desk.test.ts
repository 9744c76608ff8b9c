// The returns desk against the simulator (demo shop, real Admin API documents, real returns state),
// real PostgreSQL, the app's webhook routes and job processors, and the Resend stand-in: rules that
// auto-approve (label + email) and flag, approval by hand, decline with the note reaching the
// shopper, receiving that restocks at the chosen location, closing, returns made in Shopify
// arriving by webhook, bulk decisions, and every action repeated without changing anything.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createProcessors } from "~/jobs/webhook-topics.server";
import { handOverRecorder } from "../../support/order-routers";
import { listReturnsQueue } from "~/models/returns.server";
import type { Shop } from "~/models/shops.server";
import { staffFacingGraphql } from "~/http/staff-admin.server";
import { bulkDecideReturns, bulkDecisionSchema } from "~/services/bulk-decide-returns.server";
import { closeReturn } from "~/services/close-return.server";
import { decideReturn } from "~/services/decide-return.server";
import { evaluateReturnRulesFor } from "~/services/evaluate-return-rules.server";
import { adminT } from "~/components/admin-i18n";
import { flagReasonText } from "~/components/returns/rule-words";
import { readFlagReason } from "~/domain/returns/flag-reason";
import { previewReturnRules } from "~/services/preview-return-rules.server";
import { receiveReturn } from "~/services/receive-return.server";
import { updateReturnRules, type RuleFields } from "~/services/update-return-rules.server";
import { byTag, control, deliveredOrder, installShop, onHand, portalRequest, seed, SHOP, settled, startDesk, waitFor, type Desk } from "./support";

const TEE = byTag("basics", ["final-sale"]);
const MUG = byTag("ceramics", ["final-sale"]);
const STAFF = "lan@saigon-threads.example";

let desk: Desk;
let shop: Shop;

beforeAll(async () => {
  desk = await startDesk();
}, 60_000);
afterAll(async () => desk?.close());
beforeEach(async () => {
  shop = await installShop(desk);
});

async function addRule(fields: RuleFields) {
  const result = await updateReturnRules({ shop, intent: { intent: "save-rule", index: "new" }, fields: { enabled: "on", ...fields }, staff: STAFF });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.rules.at(-1)!;
}

const record = (id: string) => prisma.returnRequest.findUniqueOrThrow({ where: { id }, include: { lines: true, events: { orderBy: { createdAt: "asc" } } } });

async function shopifyReturn(shopifyReturnId: string) {
  const state = (await control(desk, "GET", "/state")) as unknown as {
    orders: { returns: { id: string; status: string; decline: { reason: string; note: string | null } | null; reverseFulfillmentOrders: { status: string; lineItems: { disposedQuantity: number; dispositions: { type: string; quantity: number; locationId: string | null }[] }[]; reverseDeliveries: { id: string; labelUrl: string | null }[] }[] }[] }[];
  };
  return state.orders.flatMap((o) => o.returns).find((r) => r.id === shopifyReturnId)!;
}

/** Lets a duplicate email (if there were one) arrive before counting. */
const quiet = () => new Promise((r) => setTimeout(r, 400));

describe("rules on a portal request", () => {
  it("auto-approves by a rule: Shopify approves, one label, the approval email with the label link; repeating changes nothing", async () => {
    const rule = await addRule({ name: "Wrong size, small value", action: "AUTO_APPROVE", reasons: ["SIZE_TOO_SMALL", "SIZE_TOO_LARGE"], valueMax: "500", daysMax: "30" });
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 2 }], { deliveredDaysAgo: 4 });
    const requested = await portalRequest(desk, shop, orderId, { reason: "SIZE_TOO_SMALL" });
    await settled(desk);

    const ret = await waitFor(async () => {
      const r = await record(requested.id);
      return r.status === "APPROVED" && r.reverseDeliveryId ? r : null;
    }, "the rule to approve the return");
    expect(ret.decidedBy).toBe(`rule:${rule.id}`);
    const rulesEvent = ret.events.find((e) => e.type === "rules")!;
    expect(rulesEvent.actor).toBe(`rule:${rule.id}`);
    expect(rulesEvent.message).toContain("Wrong size, small value");
    expect((rulesEvent.data as { facts: { daysSinceDelivery: number } }).facts.daysSinceDelivery).toBe(4);
    expect(ret.events.filter((e) => e.type === "approved").map((e) => e.actor)).toEqual([`rule:${rule.id}`]);

    const inShopify = await shopifyReturn(ret.shopifyReturnId!);
    expect(inShopify.status).toBe("OPEN");
    expect(inShopify.reverseFulfillmentOrders[0]!.reverseDeliveries).toHaveLength(1);

    const email = await waitFor(async () => desk.standIn.messages().find((m) => m.to.includes("mai@example.com")), "the approval email");
    expect(email.subject).toMatch(/approved/i);
    expect(email.html).toContain(`/portal/${SHOP}/o/`);
    expect(email.html).toMatch(/returns\/RMA-[^/"]+\/label\?/);

    // Again: by the rules, by hand, by a replayed webhook.
    expect((await evaluateReturnRulesFor({ shop, graphql: desk.graphql, returnId: ret.id })).status).toBe("skipped");
    expect((await decideReturn({ shop, graphql: desk.graphql, returnId: ret.id, decision: { type: "approve" }, actor: STAFF })).status).toBe("unchanged");
    await settled(desk);
    await quiet();
    expect(desk.standIn.messages()).toHaveLength(1);
    expect((await shopifyReturn(ret.shopifyReturnId!)).reverseFulfillmentOrders[0]!.reverseDeliveries).toHaveLength(1);
    const after = await record(ret.id);
    expect(after.events.filter((e) => e.type === "approved")).toHaveLength(1);
    expect(after.events.filter((e) => e.type === "rules")).toHaveLength(1);
  });

  it("flags a risky request for review; a person approves it and is recorded as the one who did", async () => {
    await addRule({ name: "Defects need photos", action: "FLAG", flagReason: "Ask for photos of the defect", reasons: ["DEFECTIVE"] });
    const orderId = await deliveredOrder(desk, [{ sku: MUG, quantity: 1 }]);
    const requested = await portalRequest(desk, shop, orderId, { reason: "DEFECTIVE" });
    await settled(desk);
    const flagged = await waitFor(async () => {
      const r = await record(requested.id);
      return r.flagged ? r : null;
    }, "the flag");
    expect(flagged.status).toBe("REQUESTED");
    expect(flagged.flagReasons).toEqual(["Ask for photos of the defect"]);
    const queue = await listReturnsQueue(shop, { flagged: true, statuses: ["REQUESTED"] }, { skip: 0, take: 10 });
    expect(queue.rows.map((r) => r.id)).toEqual([requested.id]);

    const approved = await decideReturn({ shop, graphql: desk.graphql, returnId: requested.id, decision: { type: "approve" }, actor: STAFF });
    expect(approved.status).toBe("approved");
    const ret = await record(requested.id);
    expect(ret.decidedBy).toBe(STAFF);
    expect(ret.events.find((e) => e.type === "approved")!.actor).toBe(STAFF);
    expect((await shopifyReturn(ret.shopifyReturnId!)).status).toBe("OPEN");
    await waitFor(async () => desk.standIn.messages().length === 1, "the approval email");
  });

  it("auto-declines by a rule with its reason and note", async () => {
    await addRule({ name: "Mugs are final", action: "AUTO_DECLINE", declineReason: "FINAL_SALE", declineNote: "Ceramics are final sale.", types: seedTypeOf(MUG) });
    const orderId = await deliveredOrder(desk, [{ sku: MUG, quantity: 1 }]);
    const requested = await portalRequest(desk, shop, orderId, { reason: "UNWANTED" });
    await settled(desk);
    const ret = await waitFor(async () => {
      const r = await record(requested.id);
      return r.status === "DECLINED" ? r : null;
    }, "the rule to decline");
    expect(ret.declineReason).toBe("FINAL_SALE");
    expect((await shopifyReturn(ret.shopifyReturnId!)).decline).toEqual({ reason: "FINAL_SALE", note: "Ceramics are final sale." });
    const email = await waitFor(async () => desk.standIn.messages()[0], "the decline email");
    expect(email.text).toContain("Ceramics are final sale.");
  });
});

describe("decisions and receiving by hand", () => {
  it("a decline reaches the shopper with the note; declining again sends nothing more", async () => {
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 1 }]);
    const requested = await portalRequest(desk, shop, orderId);
    await settled(desk);
    // A note PostgreSQL cannot keep (a NUL) is refused before Shopify is asked: nothing declined anywhere.
    const unstorable = await decideReturn({ shop, graphql: desk.graphql, returnId: requested.id, decision: { type: "decline", reason: "OTHER", note: "no\u0000pe" }, actor: STAFF });
    expect(unstorable.status).toBe("invalid");
    expect((await shopifyReturn(requested.shopifyReturnId!)).status).toBe("REQUESTED");
    expect((await record(requested.id)).status).toBe("REQUESTED");
    const note = "The tag was removed, so we cannot accept this return.";
    const first = await decideReturn({ shop, graphql: desk.graphql, returnId: requested.id, decision: { type: "decline", reason: "OTHER", note }, actor: STAFF });
    expect(first.status).toBe("declined");
    const inShopify = await shopifyReturn(requested.shopifyReturnId!);
    expect(inShopify).toMatchObject({ status: "DECLINED", decline: { reason: "OTHER", note } });
    const email = await waitFor(async () => desk.standIn.messages()[0], "the decline email");
    expect(email.to).toEqual(["mai@example.com"]);
    expect(email.html).toContain(note);
    expect(email.text).toContain(note);

    const again = await decideReturn({ shop, graphql: desk.graphql, returnId: requested.id, decision: { type: "decline", reason: "OTHER", note }, actor: STAFF });
    expect(again.status).toBe("unchanged");
    const approve = await decideReturn({ shop, graphql: desk.graphql, returnId: requested.id, decision: { type: "approve" }, actor: STAFF });
    expect(approve).toMatchObject({ status: "refused" });
    await settled(desk);
    await quiet();
    expect(desk.standIn.messages()).toHaveLength(1);
    expect((await record(requested.id)).events.filter((e) => e.type === "declined")).toHaveLength(1);
  });

  it("receiving with 'restocked' raises the chosen location's stock once; receiving and closing again change nothing", async () => {
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 2 }, { sku: MUG, quantity: 1 }]);
    const requested = await portalRequest(desk, shop, orderId);
    await settled(desk);
    expect((await decideReturn({ shop, graphql: desk.graphql, returnId: requested.id, decision: { type: "approve" }, actor: STAFF })).status).toBe("approved");
    await settled(desk);

    const store = await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, isActive: true, pickupEnabled: true } });
    const other = await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, isActive: true, id: { not: store.id } } });
    const tee = requested.lines.find((l) => l.sku === TEE)!;
    const mug = requested.lines.find((l) => l.sku === MUG)!;
    const [teeBefore, mugBefore, teeElsewhere] = [await onHand(desk, TEE, store.shopifyId), await onHand(desk, MUG, store.shopifyId), await onHand(desk, TEE, other.shopifyId)];

    const receive = () =>
      receiveReturn({
        shop,
        graphql: desk.graphql,
        returnId: requested.id,
        actor: STAFF,
        request: { locationId: store.shopifyId, lines: [{ lineId: tee.id, disposition: "RESTOCKED" }, { lineId: mug.id, disposition: "NOT_RESTOCKED" }] },
      });
    const first = await receive();
    expect(first.status).toBe("received");
    expect(await onHand(desk, TEE, store.shopifyId)).toBe(teeBefore + 2);
    expect(await onHand(desk, MUG, store.shopifyId)).toBe(mugBefore);
    expect(await onHand(desk, TEE, other.shopifyId)).toBe(teeElsewhere);
    const ret = await record(requested.id);
    expect(ret.status).toBe("RECEIVED");
    expect(ret.lines.map((l) => [l.sku, l.disposition, l.dispositionLocationId]).sort()).toEqual(
      [
        [TEE, "RESTOCKED", store.shopifyId],
        [MUG, "NOT_RESTOCKED", store.shopifyId],
      ].sort(),
    );
    expect(ret.events.find((e) => e.type === "received")!.actor).toBe(STAFF);

    expect((await receive()).status).toBe("unchanged");
    await settled(desk);
    expect(await onHand(desk, TEE, store.shopifyId)).toBe(teeBefore + 2);
    const rfo = (await shopifyReturn(ret.shopifyReturnId!)).reverseFulfillmentOrders[0]!;
    expect(rfo.lineItems.flatMap((l) => l.dispositions)).toHaveLength(2);
    await waitFor(async () => desk.standIn.messages().some((m) => /received/i.test(m.subject)), "the received email");

    expect((await closeReturn({ shop, graphql: desk.graphql, returnId: ret.id, actor: STAFF })).status).toBe("closed");
    expect((await shopifyReturn(ret.shopifyReturnId!)).status).toBe("CLOSED");
    expect((await closeReturn({ shop, graphql: desk.graphql, returnId: ret.id, actor: STAFF })).status).toBe("unchanged");
    await settled(desk);
    const closed = await record(ret.id);
    expect(closed.status).toBe("CLOSED");
    expect(closed.events.filter((e) => e.type === "closed")).toHaveLength(1);
    expect(closed.events.filter((e) => e.type === "received")).toHaveLength(1);
  });

  it("a refund made in Shopify for the return moves it to Refunded, on the timeline, with the amount emailed once", async () => {
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 2 }]);
    const requested = await portalRequest(desk, shop, orderId);
    await settled(desk);
    expect((await decideReturn({ shop, graphql: desk.graphql, returnId: requested.id, decision: { type: "approve" }, actor: STAFF })).status).toBe("approved");
    await settled(desk);
    const store = await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, isActive: true, pickupEnabled: true } });
    const tee = requested.lines.find((l) => l.sku === TEE)!;
    expect((await receiveReturn({ shop, graphql: desk.graphql, returnId: requested.id, actor: STAFF, request: { locationId: store.shopifyId, lines: [{ lineId: tee.id, disposition: "RESTOCKED" }] } })).status).toBe("received");
    await settled(desk);
    const received = await record(requested.id);

    // Staff refund the return in Shopify admin: Shopify sends refunds/create naming the return.
    const made = (await control(desk, "POST", `/returns/${encodeURIComponent(received.shopifyReturnId!)}/refund`, { amount: "25.00", note: "Refund for the tees" })) as { refund: { id: string } };
    await settled(desk);
    const refunded = await waitFor(async () => {
      const r = await record(requested.id);
      return r.status === "REFUNDED" ? r : null;
    }, "the refund");
    expect(refunded.refundedAmount?.toFixed(2)).toBe("25.00");
    expect(refunded.events.filter((e) => e.type === "refunded").map((e) => [e.actor, e.data])).toEqual([["shopify", { refundId: made.refund.id, amount: "25.00", currency: "USD" }]]);
    const email = await waitFor(async () => desk.standIn.messages().find((m) => /refund/i.test(m.subject)), "the refunded email");
    expect(email.to).toEqual(["mai@example.com"]);
    expect(email.html).toContain("25.00");

    // The same refund again (a redelivery) changes nothing and sends nothing more.
    const { recordReturnRefundFromShopify } = await import("~/services/record-return-refund.server");
    const again = await recordReturnRefundFromShopify({ shop, payload: { id: Number(made.refund.id.split("/").pop()), admin_graphql_api_id: made.refund.id, return: { admin_graphql_api_id: received.shopifyReturnId }, transactions: [{ kind: "refund", status: "success", amount: "25.00", currency: "USD" }] } });
    expect(again.status).toBe("unchanged");
    await settled(desk);
    expect((await record(requested.id)).refundedAmount?.toFixed(2)).toBe("25.00");
    expect(desk.standIn.messages().filter((m) => /refund/i.test(m.subject))).toHaveLength(1);
    // A refund that names no return, or one Crossdock does not hold, is not recorded.
    expect(await recordReturnRefundFromShopify({ shop, payload: { id: 1, transactions: [] } })).toEqual({ status: "ignored", reason: "The refund is not for a return" });
    expect((await recordReturnRefundFromShopify({ shop, payload: { id: 2, return: { id: 999999 }, transactions: [] } })).status).toBe("ignored");
  });

  it("refuses to receive without a disposition for every item or at an unknown location, writing nothing", async () => {
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 1 }, { sku: MUG, quantity: 1 }]);
    const requested = await portalRequest(desk, shop, orderId);
    await settled(desk);
    await decideReturn({ shop, graphql: desk.graphql, returnId: requested.id, decision: { type: "approve" }, actor: STAFF });
    const result = await receiveReturn({
      shop,
      graphql: desk.graphql,
      returnId: requested.id,
      actor: STAFF,
      request: { locationId: "gid://shopify/Location/999999", lines: [{ lineId: requested.lines[0]!.id, disposition: "RESTOCKED" }] },
    });
    expect(result.status).toBe("invalid");
    const errors = (result as { errors: Record<string, string> }).errors;
    expect(errors.locationId).toMatch(/location/);
    expect(errors[requested.lines[1]!.id]).toMatch(/choose/);
    const ret = await record(requested.id);
    expect(ret.status).toBe("APPROVED");
    expect(ret.lines.every((l) => l.disposition === null)).toBe(true);
    expect((await shopifyReturn(ret.shopifyReturnId!)).reverseFulfillmentOrders[0]!.lineItems.every((l) => l.disposedQuantity === 0)).toBe(true);
  });

  it("bulk-approves the selected returns, reporting each; a bulk decline needs a valid reason", async () => {
    const a = await portalRequest(desk, shop, await deliveredOrder(desk, [{ sku: TEE, quantity: 1 }], { email: "a@example.com" }));
    const b = await portalRequest(desk, shop, await deliveredOrder(desk, [{ sku: MUG, quantity: 1 }], { email: "b@example.com" }));
    await settled(desk);
    expect(bulkDecisionSchema.safeParse({ decision: "decline", ids: [a.id], reason: "BECAUSE" }).success).toBe(false);
    // What a form can carry but no row id is (the bad-input test found a NUL reaching PostgreSQL: 500).
    expect(bulkDecisionSchema.safeParse({ decision: "approve", ids: [`${a.id}\u0000`] }).success).toBe(false);
    expect(bulkDecisionSchema.safeParse({ decision: "decline", ids: [a.id], reason: "OTHER", note: "a\u0000b" }).success).toBe(false);
    expect(bulkDecisionSchema.safeParse({ decision: "decline", ids: [a.id], reason: "OTHER", note: "fine" }).success).toBe(true);
    const outcomes = await bulkDecideReturns({ shop, graphql: desk.graphql, actor: STAFF, request: { decision: "approve", ids: [a.id, b.id, "nope"] } });
    expect(outcomes.map((o) => o.status).sort()).toEqual(["approved", "approved", "not-found"]);
    for (const id of [a.id, b.id]) expect((await record(id)).status).toBe("APPROVED");
    const again = await bulkDecideReturns({ shop, graphql: desk.graphql, actor: STAFF, request: { decision: "approve", ids: [a.id, b.id] } });
    expect(again.map((o) => o.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("a bulk approval while Shopify throttles the shop answers the admin's 503 page and leaves the returns as they were", async () => {
    const c = await portalRequest(desk, shop, await deliveredOrder(desk, [{ sku: TEE, quantity: 1 }], { email: "c@example.com" }));
    await settled(desk);
    const throttled = async () =>
      new Response(JSON.stringify({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }], extensions: { cost: { requestedQueryCost: 10, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 1000 } } } }), {
        headers: { "Content-Type": "application/json" },
      });
    const refused = await bulkDecideReturns({ shop, graphql: staffFacingGraphql(shop.domain, throttled, "en"), actor: STAFF, request: { decision: "approve", ids: [c.id] } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(503);
    expect((await record(c.id)).status).toBe("REQUESTED");
  });
});

describe("returns made in Shopify", () => {
  it("a return requested in Shopify arrives by webhook, gets an RMA and source SHOPIFY, the shopper's language, runs the rules and shows in the queue", async () => {
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 1 }], { email: "khoa@example.com", locale: "vi-VN" });
    await addRule({ name: "Everything from Shopify is flagged", action: "FLAG", flagReason: "Made in Shopify", valueMin: "0" });
    const created = (await control(desk, "POST", "/returns", { orderId, status: "REQUESTED", lines: [{ sku: TEE, quantity: 1, returnReason: "COLOR" }] })) as { return: { id: string } };
    await settled(desk);
    const ret = await waitFor(() => prisma.returnRequest.findFirst({ where: { shopId: shop.id, shopifyReturnId: created.return.id }, include: { lines: true } }), "the import");
    expect(ret).toMatchObject({ source: "SHOPIFY", status: "REQUESTED", customerEmail: "khoa@example.com", locale: "vi", flagged: true, flagReasons: ["Made in Shopify"] });
    expect(ret.rma).toMatch(/^RMA-\d+-[A-Z0-9]{4}$/);
    expect(ret.lines).toEqual([expect.objectContaining({ sku: TEE, quantity: 1, reason: "COLOR" })]);

    const queue = await listReturnsQueue(shop, { search: "khoa@" }, { skip: 0, take: 10 });
    expect(queue.rows.map((r) => r.rma)).toEqual([ret.rma]);
  });

  it("a rule the return's state in Shopify no longer allows is flagged as data (the rule, its action, what stopped it), never as English text", async () => {
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 1 }], { email: "vy@example.com" });
    const created = (await control(desk, "POST", "/returns", { orderId, status: "REQUESTED", lines: [{ sku: TEE, quantity: 1, returnReason: "WRONG_ITEM" }] })) as { return: { id: string } };
    await settled(desk);
    const ret = await waitFor(() => prisma.returnRequest.findFirst({ where: { shopId: shop.id, shopifyReturnId: created.return.id } }), "the import");
    // Declined in Shopify before Crossdock's rule could approve it: the rules run on the request as Crossdock last knew it.
    await control(desk, "POST", `/returns/${created.return.id.split("/").pop()}/decline`, { declineReason: "OTHER" });
    await settled(desk);
    await prisma.returnRequest.update({ where: { id: ret.id }, data: { status: "REQUESTED", flagged: false, flagReasons: [] } });
    await prisma.returnEvent.deleteMany({ where: { returnId: ret.id, type: "rules" } });
    // This rule alone (the other tests' rules are put back after).
    const saved = await prisma.returnRuleSet.findUnique({ where: { shopId: shop.id } });
    const rules = [{ id: "wrong-items", name: "Wrong items come back", enabled: true, conditions: [{ type: "reason_in", reasons: ["WRONG_ITEM"] }], action: { type: "AUTO_APPROVE" } }];
    await prisma.returnRuleSet.upsert({ where: { shopId: shop.id }, create: { shopId: shop.id, rules }, update: { rules } });
    try {
      const result = await evaluateReturnRulesFor({ shop, graphql: desk.graphql, returnId: ret.id });
      expect(result).toMatchObject({ status: "failed", ruleId: "wrong-items" });
    } finally {
      await prisma.returnRuleSet.update({ where: { shopId: shop.id }, data: { rules: (saved?.rules ?? []) as object[] } });
    }
    const after = await record(ret.id);
    expect(after.flagged).toBe(true);
    expect(after.flagReasons.map(readFlagReason)).toEqual([{ kind: "ruleFailed", ruleName: "Wrong items come back", action: { type: "AUTO_APPROVE" }, problem: "status", shopifyMessages: [] }]);
    expect(after.flagReasons.join(" ")).not.toMatch(/could not|declined in Shopify/);
    const flaggedEvent = after.events.find((e) => e.type === "flagged")!;
    expect(flaggedEvent.data).toMatchObject({ ruleId: "wrong-items", ruleName: "Wrong items come back", problem: "status" });
    expect(flagReasonText(readFlagReason(flaggedEvent.message!), adminT("vi", "admin-return-rules"), adminT("vi", "admin-returns"))).toBe(
      "Không áp dụng được quy tắc “Wrong items come back” (Tự động duyệt): trạng thái của đơn trả hàng không còn cho phép.",
    );
  });

  it("a return processed in Shopify admin (returnProcess) is received in Crossdock; processed with Shopify's suggested refund, refunded", async () => {
    // Processed without a refund: every unit confirmed (returns/process) is a received return.
    const kept = await deliveredOrder(desk, [{ sku: MUG, quantity: 1 }]);
    const first = (await control(desk, "POST", "/returns", { orderId: kept, status: "OPEN", lines: [{ sku: MUG, quantity: 1, returnReason: "DEFECTIVE" }] })) as { return: { id: string } };
    await settled(desk);
    await control(desk, "POST", `/returns/${encodeURIComponent(first.return.id)}/process`, { refund: false, dispositionType: "NOT_RESTOCKED" });
    await settled(desk);
    const received = await waitFor(async () => {
      const r = await prisma.returnRequest.findFirst({ where: { shopifyReturnId: first.return.id }, include: { events: true } });
      return r?.status === "RECEIVED" ? r : null;
    }, "the processed return");
    expect(received.events.find((e) => e.type === "received")).toMatchObject({ actor: "shopify", message: "Processed in Shopify (every item confirmed)" });
    expect(received.refundedAmount).toBeNull();

    // Processed with the suggested refund: recorded once, whatever order the webhooks come in.
    const refundedOrder = await deliveredOrder(desk, [{ sku: TEE, quantity: 2 }]);
    const second = (await control(desk, "POST", "/returns", { orderId: refundedOrder, status: "OPEN", lines: [{ sku: TEE, quantity: 2, returnReason: "UNWANTED" }] })) as { return: { id: string } };
    await settled(desk);
    const processed = (await control(desk, "POST", `/returns/${encodeURIComponent(second.return.id)}/process`, { dispositionType: "NOT_RESTOCKED" })) as { refund: { id: string; amount: string } };
    await settled(desk);
    const refunded = await waitFor(async () => {
      const r = await prisma.returnRequest.findFirst({ where: { shopifyReturnId: second.return.id }, include: { events: true } });
      return r?.status === "REFUNDED" ? r : null;
    }, "the refunded return");
    expect(refunded.refundedAmount?.toFixed(2)).toBe(processed.refund.amount);
    expect(refunded.events.filter((e) => e.type === "refunded")).toHaveLength(1);
  });

  it("follows approve and close made in Shopify; an old event replayed later never takes the return back", async () => {
    const orderId = await deliveredOrder(desk, [{ sku: MUG, quantity: 1 }]);
    const created = (await control(desk, "POST", "/returns", { orderId, status: "REQUESTED", lines: [{ sku: MUG, quantity: 1, returnReason: "DEFECTIVE" }] })) as { return: { id: string } };
    await settled(desk);
    const before = new Date();
    await control(desk, "POST", `/returns/${encodeURIComponent(created.return.id)}/approve`, {});
    await settled(desk);
    const approved = await prisma.returnRequest.findFirstOrThrow({ where: { shopifyReturnId: created.return.id } });
    expect(approved).toMatchObject({ status: "APPROVED", decidedBy: "shopify" });
    await control(desk, "POST", `/returns/${encodeURIComponent(created.return.id)}/close`, {});
    await settled(desk);
    expect((await prisma.returnRequest.findFirstOrThrow({ where: { shopifyReturnId: created.return.id } })).status).toBe("CLOSED");

    // The returns/approve delivery again (a late redelivery), triggered before the close.
    const processors = createProcessors({ admin: async () => desk.graphql, orderRouter: handOverRecorder() });
    const delivery = {
      id: "replay",
      shop: SHOP,
      topic: "returns/approve",
      webhookId: "replayed",
      triggeredAt: before,
      receivedAt: new Date(),
      payload: { admin_graphql_api_id: created.return.id },
    };
    const log = (await import("~/logger.server")).logger;
    await processors["returns/approve"]!({ delivery: delivery as never, log });
    await processors["returns/reopen"]!({ delivery: { ...delivery, topic: "returns/reopen" } as never, log });
    const after = await prisma.returnRequest.findFirstOrThrow({ where: { shopifyReturnId: created.return.id }, include: { events: true } });
    expect(after.status).toBe("CLOSED");
    expect(after.events.filter((e) => e.type === "approved")).toHaveLength(1);
  });
});

describe("rules settings", () => {
  it("refuses bad rules with a message per field and stores nothing", async () => {
    const result = await updateReturnRules({
      shop,
      intent: { intent: "save-rule", index: "new" },
      fields: { name: "", action: "AUTO_DECLINE", declineReason: "BECAUSE", valueMax: "12.345", daysMax: "ten" },
      staff: STAFF,
    });
    expect(result.ok).toBe(false);
    const errors = (result as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual(["daysMax", "declineReason", "name", "valueMax"]);
    expect(await prisma.returnRuleSet.count()).toBe(0);
  });

  it("moves, turns off and deletes rules; the preview shows what they would have done to recent requests", async () => {
    const flag = await addRule({ name: "Flag expensive", action: "FLAG", flagReason: "High value", valueMin: "1" });
    const approve = await addRule({ name: "Approve all", action: "AUTO_APPROVE" });
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 1 }]);
    await portalRequest(desk, shop, orderId);
    await settled(desk);

    let preview = await previewReturnRules({ shop, count: 10 });
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]).toMatchObject({ wouldDo: "flag: High value", ruleName: "Flag expensive", flagged: true, differs: false });

    const moved = await updateReturnRules({ shop, intent: { intent: "move-rule", index: 1, direction: "up" }, fields: {}, staff: STAFF });
    expect(moved.ok && moved.rules.map((r) => r.id)).toEqual([approve.id, flag.id]);
    preview = await previewReturnRules({ shop, count: 10 });
    expect(preview.rows[0]).toMatchObject({ wouldDo: "auto-approve", ruleName: "Approve all" });

    const off = await updateReturnRules({ shop, intent: { intent: "toggle-rule", index: 0 }, fields: {}, staff: STAFF });
    expect(off.ok && off.rules[0]!.enabled).toBe(false);
    const removed = await updateReturnRules({ shop, intent: { intent: "delete-rule", index: 1 }, fields: {}, staff: STAFF });
    expect(removed.ok && removed.rules.map((r) => r.id)).toEqual([approve.id]);
    preview = await previewReturnRules({ shop, count: 10 });
    expect(preview.rows[0]).toMatchObject({ wouldDo: null });
    expect((await prisma.returnRuleSet.findUniqueOrThrow({ where: { shopId: shop.id } })).updatedBy).toBe(STAFF);
  });
});

function seedTypeOf(sku: string): string {
  return seed.products.find((p) => p.variants.some((v) => v.sku === sku))!.productType;
}
