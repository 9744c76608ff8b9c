// Hold before routing (issue 14 item 5), end to end from the simulator: an order not yet paid, or
// assessed as high risk, waits; the webhook Shopify sends when that changes (orders/updated after
// the payment, orders/risk_assessment_changed after a new assessment) reaches the app's routes over
// HTTP, signed by the simulator, and the BullMQ worker routes the order at once with the real
// routing engine. No reconciliation runs here (its schedule is off): only the webhooks release.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { updateShopSettings, type Shop } from "~/models/shops.server";
import { resetDatabase } from "../../setup/db";
import { SHOP, type TestSimulator } from "../../simulator/helpers";
import type { TestJobs } from "./drivers";
import { APP_CONFIG, installFreshShop, settled as settledOf, type SimulatedApp, startAppJobs, startSimulatedApp } from "./simulated-app";
import { obliterateQueues, postWebhook, signedWebhookRequest } from "./support";

let app: SimulatedApp;
let sim: TestSimulator;
let jobs: TestJobs;
let shop: Shop;

beforeAll(async () => {
  // Every scope Crossdock asks for, as a shop that installed it grants.
  app = await startSimulatedApp({ scopes: APP_CONFIG.scopes });
  sim = app.sim;
  jobs = await startAppJobs();
});

afterAll(async () => {
  await jobs?.close();
  await app?.close();
  await obliterateQueues();
});

beforeEach(async () => {
  await resetDatabase();
  shop = await installFreshShop(sim, APP_CONFIG.scopes ?? "");
});

const settled = () => settledOf(sim);

async function placeOrder(extra: Record<string, unknown>): Promise<string> {
  const placed = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 1 }],
    email: "lan@example.com",
    shippingAddress: { firstName: "Lan", lastName: "Nguyen", address1: "1 Main St", city: "Fresno", zip: "93721", provinceCode: "CA", countryCode: "US", latitude: 36.74, longitude: -119.78 },
    ...extra,
  });
  expect(placed.status).toBe(201);
  await settled();
  return placed.body.order.id as string;
}

const legacyId = (gid: string) => gid.split("/").pop()!;
const orderRow = (gid: string) => prisma.order.findFirstOrThrow({ where: { shopifyId: gid } });
const decisions = (gid: string) => prisma.routingDecision.findMany({ where: { orderId: gid } });
const assess = async (gid: string, riskLevel: string) =>
  expect((await sim.control("POST", `/_control/shops/${SHOP}/orders/${legacyId(gid)}/risk-assessments`, { riskLevel })).status).toBe(200);
/** The deliveries of a topic the app stored for the order, with what the worker made of them. */
const deliveries = async (topic: string, gid: string) =>
  (await prisma.webhookDelivery.findMany({ where: { topic }, orderBy: { receivedAt: "asc" } }))
    .filter((d) => JSON.stringify(d.payload).includes(legacyId(gid)))
    .map((d) => ({ status: d.status, note: d.lastError }));

/** The order, once both its webhooks are processed (orders/create, order_routing_complete), is held for `reason`, unmoved. */
async function expectHeld(gid: string, reason: "AWAITING_PAYMENT" | "HIGH_RISK"): Promise<void> {
  expect(await orderRow(gid)).toMatchObject({ routingHold: reason, routingHoldSince: expect.any(Date) });
  expect(await decisions(gid)).toEqual([]);
}

describe("an order held before routing is routed by the webhook that ends its hold", () => {
  it("unpaid: the payment's orders/updated routes it within seconds (orders/paid is not needed)", async () => {
    const gid = await placeOrder({ financialStatus: "PENDING" });
    await expectHeld(gid, "AWAITING_PAYMENT");

    const paidAt = Date.now();
    expect((await sim.control("POST", `/_control/shops/${SHOP}/orders/${legacyId(gid)}/paid`)).status).toBe(200);
    await settled();
    expect(Date.now() - paidAt).toBeLessThan(10_000);
    expect(await decisions(gid)).toEqual([expect.objectContaining({ trigger: "hold-ended", status: "APPLIED" })]);
    expect(await orderRow(gid)).toMatchObject({ routingHold: null, routingHoldSince: null, financialStatus: "paid" });
    // What the simulator sent for the payment (FIDELITY OR-7): orders/paid, which Crossdock does not
    // subscribe, and orders/updated, which released the order.
    const sent = sim.sim.webhooks.deliveries.filter((d) => d.shop === SHOP && (d.payload as { admin_graphql_api_id?: string }).admin_graphql_api_id === gid).map((d) => d.topic);
    expect(sent).toContain("orders/updated");
    expect(sent).not.toContain("orders/paid");
    expect(APP_CONFIG.subscriptions.map((s) => s.topic)).not.toContain("orders/paid");
  });

  it("high risk: orders/risk_assessment_changed to low routes it; still high, it stays held; once routed, a new assessment changes nothing", async () => {
    const gid = await placeOrder({ riskLevel: "HIGH" });
    await expectHeld(gid, "HIGH_RISK");

    // A second assessment, still high: read again, still held, nothing moved.
    await assess(gid, "HIGH");
    await settled();
    await expectHeld(gid, "HIGH_RISK");

    await assess(gid, "LOW");
    await settled();
    expect(await decisions(gid)).toEqual([expect.objectContaining({ trigger: "hold-ended", status: "APPLIED" })]);
    expect(await orderRow(gid)).toMatchObject({ routingHold: null });
    expect(await deliveries("orders/risk_assessment_changed", gid)).toEqual([
      { status: "PROCESSED", note: null },
      { status: "PROCESSED", note: null },
    ]);

    // Routed: a later assessment (high again) does not hold or move it.
    await assess(gid, "HIGH");
    await settled();
    expect(await decisions(gid)).toHaveLength(1);
    expect(await orderRow(gid)).toMatchObject({ routingHold: null });
    expect((await deliveries("orders/risk_assessment_changed", gid)).at(-1)).toEqual({ status: "SKIPPED", note: "The order is not held before routing" });
  });

  it("trusts the order's live state, not the delivery: a late 'low' for an order Shopify still assesses as high keeps it held", async () => {
    const gid = await placeOrder({ riskLevel: "HIGH" });
    await expectHeld(gid, "HIGH_RISK");
    // Shopify's current assessment is high; a delivery saying "low" (late, or replayed) arrives.
    const body = { provider_id: null, provider_title: null, risk_level: "low", created_at: new Date().toISOString(), order_id: Number(legacyId(gid)), admin_graphql_api_order_id: gid };
    expect((await postWebhook({ topic: "orders/risk_assessment_changed", request: signedWebhookRequest({ topic: "orders/risk_assessment_changed", shop: SHOP, payload: body }) })).status).toBe(200);
    await settled();
    await expectHeld(gid, "HIGH_RISK");
    expect(await deliveries("orders/risk_assessment_changed", gid)).toEqual([{ status: "PROCESSED", note: null }]);
  });

  it("unpaid, then assessed as high risk before its payment: it stays held, for its risk, until the risk is low too", async () => {
    const gid = await placeOrder({ financialStatus: "PENDING" });
    await expectHeld(gid, "AWAITING_PAYMENT");

    await assess(gid, "HIGH");
    await settled();
    await expectHeld(gid, "HIGH_RISK");

    expect((await sim.control("POST", `/_control/shops/${SHOP}/orders/${legacyId(gid)}/paid`)).status).toBe(200);
    await settled();
    await expectHeld(gid, "HIGH_RISK");

    await assess(gid, "LOW");
    await settled();
    expect(await decisions(gid)).toEqual([expect.objectContaining({ trigger: "hold-ended", status: "APPLIED" })]);
  });

  it("the merchant's rules decide: with the high-risk hold turned off, the next assessment routes a held order even if it is still high", async () => {
    const gid = await placeOrder({ riskLevel: "HIGH" });
    await expectHeld(gid, "HIGH_RISK");
    expect((await updateShopSettings(shop, { holdHighRisk: false })).ok).toBe(true);

    await assess(gid, "HIGH");
    await settled();
    expect(await decisions(gid)).toEqual([expect.objectContaining({ trigger: "hold-ended", status: "APPLIED" })]);
    expect(await orderRow(gid)).toMatchObject({ routingHold: null });
  });
});
