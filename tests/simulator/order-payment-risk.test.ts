// FIDELITY OR-7 and OR-8: an unpaid order's payment arrives (orderMarkAsPaid's effect), and a new
// risk assessment of an order, each as Shopify reads and announces them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { SHOP, startTestSimulator, type TestSimulator } from "./helpers";

let t: TestSimulator;
let app: { url: string; received: { topic: string; body: Record<string, unknown> }[]; server: Server };

beforeEach(async () => {
  const received: { topic: string; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ topic: String(req.headers["x-shopify-topic"]), body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  app = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
  t = await startTestSimulator({
    appUrl: app.url,
    webhookConfig: {
      apiVersion: ADMIN_API_VERSION,
      subscriptions: ["orders/paid", "orders/updated", "orders/risk_assessment_changed"].map((topic) => ({ topic, uri: `/webhooks/${topic}` })),
    },
  });
});

afterEach(async () => {
  await t.close();
  await new Promise((resolve) => app.server.close(resolve));
});

async function until(topic: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = app.received.find((r) => r.topic === topic);
    if (found) return found.body;
    if (Date.now() > deadline) throw new Error(`no ${topic}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ORDER = `query($id: ID!) { order(id: $id) { displayFinancialStatus unpaid risk { recommendation assessments { riskLevel provider { id } facts { description } } } } }`;
const shipTo = { address1: "1 Oakland Street", city: "Oakland", provinceCode: "CA", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 };

describe("payment and risk (FIDELITY OR-7, OR-8)", () => {
  it("OR-7: a PENDING order's payment arrives: PAID, announced by orders/paid and orders/updated; a paid order cannot be paid again", async () => {
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-M", quantity: 1 }], shippingAddress: shipTo, financialStatus: "PENDING" });
    const id = created.body.order.id as string;
    expect((await t.data(ORDER, { id })).order).toMatchObject({ displayFinancialStatus: "PENDING", unpaid: true });
    const paid = await t.control("POST", `/_control/shops/${SHOP}/orders/${id.split("/").pop()}/paid`);
    expect(paid.status).toBe(200);
    expect((await t.data(ORDER, { id })).order).toMatchObject({ displayFinancialStatus: "PAID", unpaid: false });
    expect(await until("orders/paid")).toMatchObject({ admin_graphql_api_id: id, financial_status: "paid" });
    expect(await until("orders/updated")).toMatchObject({ admin_graphql_api_id: id, financial_status: "paid" });
    expect((await t.control("POST", `/_control/shops/${SHOP}/orders/${id.split("/").pop()}/paid`)).status).toBe(422);
  });

  it("OR-8: Order.risk lists the assessment and recommends by its level; a new assessment replaces Shopify's and sends orders/risk_assessment_changed", async () => {
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-M", quantity: 1 }], shippingAddress: shipTo, riskLevel: "HIGH" });
    const id = created.body.order.id as string;
    expect((await t.data(ORDER, { id })).order.risk).toEqual({ recommendation: "CANCEL", assessments: [{ riskLevel: "HIGH", provider: null, facts: [] }] });
    const assessed = await t.control("POST", `/_control/shops/${SHOP}/orders/${id.split("/").pop()}/risk-assessments`, { riskLevel: "LOW" });
    expect(assessed.status).toBe(200);
    expect((await t.data(ORDER, { id })).order.risk).toEqual({ recommendation: "ACCEPT", assessments: [{ riskLevel: "LOW", provider: null, facts: [] }] });
    const body = await until("orders/risk_assessment_changed");
    expect(Object.keys(body).sort()).toEqual(["admin_graphql_api_order_id", "created_at", "order_id", "provider_id", "provider_title", "risk_level"]);
    expect(body).toMatchObject({ admin_graphql_api_order_id: id, provider_id: null, provider_title: null, risk_level: "low", order_id: Number(id.split("/").pop()) });
    // No assessment yet: no recommendation.
    const plain = await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-M", quantity: 1 }], shippingAddress: shipTo });
    expect((await t.data(ORDER, { id: plain.body.order.id })).order.risk).toEqual({ recommendation: "NONE", assessments: [] });
  });
});
