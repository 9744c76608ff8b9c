// Shipment notices (issue 15 part 3), end to end from the simulator: a carrier's event recorded on a
// shipment in the simulated Shopify (fulfillmentEventCreate, as a carrier app does) reaches the
// app's webhook route over HTTP as fulfillment_events/create, signed by the simulator; the BullMQ
// worker stores the event and queues the emails, and the email worker puts them in the outbox (no
// RESEND_API_KEY). A DELAYED event sends one email to the shopper in their language, with the
// carrier's message and the tracking link, and one alert to the shop's address; delivered again,
// under the same webhook id or another, or followed by a second DELAYED scan, nothing more.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { outboxProvider } from "~/email/outbox-provider.server";
import { createEmailProcessor } from "~/jobs/email-processor.server";
import { updateShopSettings, type Shop } from "~/models/shops.server";
import { resetDatabase } from "../../setup/db";
import { SHOP, type TestSimulator } from "../../simulator/helpers";
import type { TestJobs } from "./drivers";
import { APP_CONFIG, installFreshShop, settled as settledOf, type SimulatedApp, startAppJobs, startSimulatedApp } from "./simulated-app";
import { obliterateQueues, postWebhook, waitFor, waitForStatus } from "./support";

let app: SimulatedApp;
let sim: TestSimulator;
let jobs: TestJobs;
let shop: Shop;

const STAFF = "ops@saigonthreads.vn";
const TRACKING = { company: "Viettel Post", number: "VTP123456789VN", url: "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?code=VTP123456789VN" };

beforeAll(async () => {
  app = await startSimulatedApp({ scopes: APP_CONFIG.scopes });
  sim = app.sim;
  jobs = await startAppJobs({ email: createEmailProcessor({ provider: outboxProvider(), maxAttempts: 3 }) });
});

afterAll(async () => {
  await jobs?.close();
  await app?.close();
  await obliterateQueues();
});

beforeEach(async () => {
  await resetDatabase();
  shop = await installFreshShop(sim, APP_CONFIG.scopes ?? "");
  await prisma.shop.update({ where: { id: shop.id }, data: { email: STAFF } });
});

const settled = () => settledOf(sim);

/** An order placed by a shopper who bought in `locale`, shipped with tracking: the fulfillment's GID. */
async function shippedOrder(locale: string, email: string): Promise<{ orderName: string; fulfillmentId: string }> {
  const placed = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 1 }],
    email,
    customer: { email, firstName: "Lan", lastName: "Nguyễn", locale },
    shippingAddress: { firstName: "Lan", lastName: "Nguyễn", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", countryCode: "VN", latitude: 10.77, longitude: 106.7 },
  });
  expect(placed.status).toBe(201);
  await settled();
  const shipped = await sim.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId: placed.body.order.id, tracking: TRACKING });
  expect(shipped.status).toBe(201);
  await settled();
  return { orderName: placed.body.order.name as string, fulfillmentId: shipped.body.fulfillments[0].id as string };
}

/** The carrier's scan, through Shopify's fulfillmentEventCreate (the simulator sends the webhook). */
async function carrierEvent(fulfillmentId: string, event: { status: string; message?: string }): Promise<void> {
  const created = await sim.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfillmentId)}/events`, event);
  expect(created.status).toBe(201);
  await settled();
}

const shipmentEmails = () => prisma.emailMessage.findMany({ where: { kind: { startsWith: "shipment" } }, orderBy: { kind: "asc" } });

/** Every shipment email has left the queue for the outbox. */
async function outboxed(count: number) {
  return waitFor(
    async () => {
      const rows = await shipmentEmails();
      return rows.length === count && rows.every((m) => m.status === "OUTBOX") ? rows : null;
    },
    { what: `${count} shipment emails in the outbox` },
  );
}

/** The newest fulfillment_events/create the simulator delivered. */
function lastEventDelivery() {
  const found = sim.sim.webhooks.deliveries.filter((d) => d.shop === SHOP && d.topic === "fulfillment_events/create").at(-1);
  expect(found, "the simulator sent fulfillment_events/create").toBeTruthy();
  return found!;
}

describe("fulfillment_events/create → shipment emails", () => {
  it("DELAYED: one email to the shopper in Vietnamese with the carrier's message and tracking link, one staff alert; nothing more on a second delivery or a second DELAYED scan", async () => {
    const { orderName, fulfillmentId } = await shippedOrder("vi", "lan@example.vn");
    await carrierEvent(fulfillmentId, { status: "DELAYED", message: "Hàng bị chậm do bão tại Đà Nẵng" });

    const [alert, shopper] = await outboxed(2);
    expect(shopper).toMatchObject({ kind: "shipment-delayed", locale: "vi", to: "lan@example.vn", status: "OUTBOX" });
    expect(shopper!.subject).toBe(`Đơn hàng ${orderName} bị chậm trễ`);
    expect(shopper!.text).toContain("Hàng bị chậm do bão tại Đà Nẵng");
    expect(shopper!.text).toContain(TRACKING.url);
    expect(shopper!.text).toContain(TRACKING.number);
    expect(shopper!.html).toContain('lang="vi"');
    expect(alert).toMatchObject({ kind: "shipment-alert-delayed", locale: "en", to: STAFF, status: "OUTBOX" });
    expect(alert!.subject).toBe(`Delayed: order ${orderName}`);
    expect(alert!.text).toContain("Hàng bị chậm do bão tại Đà Nẵng");
    expect(await prisma.shipmentEvent.findMany({ select: { status: true, message: true, fulfillmentId: true } })).toEqual([
      { status: "DELAYED", message: "Hàng bị chậm do bão tại Đà Nẵng", fulfillmentId },
    ]);

    // Shopify delivers the same event again: under the same webhook id (its retry), then another.
    const sent = lastEventDelivery();
    const webhookId = sent.webhookId;
    for (const id of [webhookId, `replay-${webhookId}`]) {
      expect((await postWebhook({ topic: "fulfillment_events/create", shop: SHOP, payload: sent.payload, webhookId: id })).status).toBe(200);
    }
    await waitForStatus(SHOP, `replay-${webhookId}`, ["PROCESSED"]);
    // A second DELAYED scan of the same shipment: stored, but the shopper has been told.
    await carrierEvent(fulfillmentId, { status: "DELAYED", message: "Vẫn chậm" });
    expect(await prisma.shipmentEvent.count()).toBe(2);
    const after = await outboxed(2);
    expect(after.map((m) => m.id).sort()).toEqual([alert!.id, shopper!.id].sort());
  });

  it("the merchant's choice decides: IN_TRANSIT (not chosen by default) emails no one; OUT_FOR_DELIVERY, once chosen, emails the shopper in Chinese and alerts no one", async () => {
    const { orderName, fulfillmentId } = await shippedOrder("zh-CN", "wei@example.cn");
    await carrierEvent(fulfillmentId, { status: "IN_TRANSIT", message: "已离开深圳转运中心" });
    expect(await prisma.shipmentEvent.count()).toBe(1);
    expect(await shipmentEmails()).toEqual([]);

    expect((await updateShopSettings(shop, { shipmentEmailStatuses: ["OUT_FOR_DELIVERY", "DELAYED"] })).ok).toBe(true);
    await carrierEvent(fulfillmentId, { status: "OUT_FOR_DELIVERY", message: "快递员正在派送" });
    const [email] = await outboxed(1);
    expect(email).toMatchObject({ kind: "shipment-out-for-delivery", locale: "zh-CN", to: "wei@example.cn" });
    expect(email!.subject).toBe(`您的订单${orderName}正在派送`);
    expect(email!.text).toContain("快递员正在派送");
  });

  it("FAILURE with no shopper email chosen: the staff alert only", async () => {
    const { fulfillmentId } = await shippedOrder("en", "sam@example.com");
    expect((await updateShopSettings(shop, { shipmentEmailStatuses: [] })).ok).toBe(true);
    await carrierEvent(fulfillmentId, { status: "FAILURE", message: "Address not found" });
    const [alert] = await outboxed(1);
    expect(alert).toMatchObject({ kind: "shipment-alert-failure", to: STAFF });
  });
});
