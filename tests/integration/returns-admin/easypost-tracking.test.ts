// EasyPost's tracker webhooks end to end: a label bought from the stand-in through the SDK, the
// stand-in's webhook (created through the SDK with a secret) receiving signed "tracker.updated"
// Events as the tracker advances, the app's route (/carriers/easypost/webhook) verifying them and
// storing them in the webhook inbox, the in-process job driver's processor recording them: the
// return goes IN_TRANSIT, then DELIVERED. A redelivered Event and a late scan change nothing; an
// Event not signed with the secret is refused (401) and stored nowhere.
import "./env";
import { createServer, type Server } from "node:http";
import EasyPostClient from "@easypost/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { outboxProvider } from "~/email/outbox-provider.server";
import { createEmailProcessor } from "~/jobs/email-processor.server";
import { InlineJobDriver } from "~/jobs/inline-driver.server";
import { createProcessors } from "~/jobs/webhook-topics.server";
import { EasyPostLabelProvider } from "~/labels/easypost.server";
import type { Shop } from "~/models/shops.server";
import { installJobDriver } from "~/queue/handle.server";
import { easypostSignature, startEasyPostStandIn, type EasyPostStandIn } from "../../../tools/easypost-stand-in";
import { createTestShop } from "../../setup/db";
import { handOverRecorder } from "../../support/order-routers";
import { APP, EMAIL_FROM } from "./env";
import { waitFor } from "./support";

const SECRET = "whsec-crossdock-test-1234567890";
Object.assign(process.env, { EASYPOST_WEBHOOK_SECRET: SECRET });

let easypost: EasyPostStandIn;
let app: Server;
let webhookUrl: string;
let jobs: InlineJobDriver;
let shop: Shop;

beforeAll(async () => {
  easypost = await startEasyPostStandIn();
  app = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url !== "/carriers/easypost/webhook") return void res.writeHead(404).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`${APP}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      import("../../../app/routes/carriers.easypost.webhook")
        .then((route) => route.action({ request, params: {}, context: {} }))
        .then(
          (response) => res.writeHead(response.status).end(),
          () => res.writeHead(500).end(),
        );
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(app.address() as { port: number }).port}/carriers/easypost/webhook`;
  jobs = new InlineJobDriver({
    processors: createProcessors({ admin: () => Promise.reject(new Error("no Admin API here")), orderRouter: handOverRecorder() }),
    retry: { maxAttempts: 3, backoffMs: 100 },
    pollMs: 50,
    concurrency: 2,
    email: createEmailProcessor({ provider: outboxProvider(), maxAttempts: 3, emailFrom: EMAIL_FROM }),
    emailSweepMs: 60_000,
  });
  jobs.start();
  installJobDriver(jobs);
  shop = await createTestShop({ email: "desk@shop.test", timezone: "America/New_York" });
  // Crossdock's webhook on its EasyPost account, made as an operator would: through the SDK.
  await new EasyPostClient(easypost.apiKey, { baseUrl: easypost.baseUrl }).Webhook.create({ url: webhookUrl, webhook_secret: SECRET });
}, 60_000);

afterAll(async () => {
  installJobDriver(undefined);
  await jobs?.close();
  await easypost?.close();
  await new Promise((resolve) => app?.close(resolve));
});

/** A US mail return, approved, with a label bought from the stand-in (its tracker starts pre_transit). */
async function returnWithLabel(rma: string) {
  const provider = new EasyPostLabelProvider({ apiKey: easypost.apiKey, baseUrl: easypost.baseUrl, serviceLevel: "standard", timeoutMs: 5_000 });
  const label = await provider.createReturnLabel({
    rma,
    orderName: "#1042",
    shopDomain: shop.domain,
    shopName: "Northwind",
    method: "MAIL",
    from: { name: "Jane Doe", address1: "120 E 10th St", city: "New York", provinceCode: "NY", zip: "10003", country: "United States", countryCode: "US" },
    to: { name: "Northwind Returns", address1: "500 Terry Francois St", city: "San Francisco", provinceCode: "CA", zip: "94158", country: "United States", countryCode: "US" },
    items: [{ title: "Crossdock Tee", quantity: 1, reason: "SIZE_TOO_SMALL" }],
    createdAt: new Date(),
  });
  const ret = await prisma.returnRequest.create({
    data: { shopId: shop.id, rma, orderId: "gid://shopify/Order/1042", orderName: "#1042", status: "APPROVED", method: "MAIL", customerEmail: "jane@example.com", locale: "zh-CN", labelCarrier: label.carrier, labelTrackingNumber: label.trackingNumber },
  });
  return { ret, code: label.trackingNumber };
}

const statusOf = async (id: string) => (await prisma.returnRequest.findUniqueOrThrow({ where: { id } })).status;
const settled = () => waitFor(async () => (await prisma.webhookDelivery.count({ where: { status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } })) === 0, "the inbox to be processed");

describe("EasyPost tracker webhooks", () => {
  it("move the return to in transit, then delivered; a redelivered Event and a late scan change nothing", async () => {
    const { ret, code } = await returnWithLabel("RMA-1042-EZ01");

    const inTransit = await easypost.advanceTracker(code, { status: "in_transit" });
    expect(inTransit.deliveries).toEqual([{ url: webhookUrl, status: 200 }]);
    await waitFor(async () => (await statusOf(ret.id)) === "IN_TRANSIT", "in transit");

    await easypost.advanceTracker(code, { status: "out_for_delivery" });
    const delivered = await easypost.advanceTracker(code, { status: "delivered" });
    expect(delivered.event.result.status).toBe("delivered");
    await waitFor(async () => (await statusOf(ret.id)) === "DELIVERED", "delivered");
    await settled();

    // EasyPost delivers at least once: the in-transit Event again, after the delivery.
    expect(await easypost.resendEvent(inTransit.event.id)).toEqual([{ url: webhookUrl, status: 200 }]);
    // A scan the carrier reports late (made just after the first), as a new Event.
    const scannedAt = new Date(new Date(inTransit.event.result.tracking_details.at(-1)!.datetime).getTime() + 1).toISOString();
    await easypost.advanceTracker(code, { status: "in_transit", message: "Departed USPS Facility", datetime: scannedAt });
    await settled();
    expect(await statusOf(ret.id)).toBe("DELIVERED");

    const entries = await prisma.returnEvent.findMany({ where: { returnId: ret.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(entries.map((e) => `${e.type}:${(e.data as { trackingStatus: string }).trackingStatus}`)).toEqual([
      "in_transit:in_transit",
      "tracking:in_transit",
      "tracking:out_for_delivery",
      "delivered:delivered",
    ]);
    expect(entries.at(-1)).toMatchObject({ actor: "carrier:USPS", message: "Delivered, Front Desk/Reception" });
    // One inbox row per Event (the redelivery was not stored again), each processed.
    const deliveries = await prisma.webhookDelivery.findMany({ where: { shop: shop.domain, topic: "easypost/tracker" } });
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual(easypost.events().filter((e) => e.description === "tracker.updated").map((e) => e.id).sort());
    expect(new Set(deliveries.map((d) => d.status))).toEqual(new Set(["PROCESSED"]));
    // The shopper told once that the parcel arrived (in their language), staff once.
    const emails = await prisma.emailMessage.findMany({ where: { shopId: shop.id, idempotencyKey: { endsWith: ret.id } }, orderBy: { kind: "asc" } });
    expect(emails.map((e) => `${e.kind} ${e.locale}`)).toEqual(["return-alert-delivered en", "return-delivered zh-CN"]);
  });

  it("refuses an Event not signed with the secret (401), stores nothing, and acknowledges one for no return", async () => {
    const { ret, code } = await returnWithLabel("RMA-1042-EZ02");
    const { event } = await easypost.advanceTracker(code, { status: "in_transit" });
    await settled();
    const before = await prisma.webhookDelivery.count();
    const body = JSON.stringify({ ...event, id: "evt_forged", result: { ...event.result, status: "delivered" } });
    const post = (headers: Record<string, string>, text = body) => fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: text });

    expect((await post({ "x-hmac-signature": easypostSignature(body, "another-secret") })).status).toBe(401);
    expect((await post({})).status).toBe(401);
    expect((await post({ "x-hmac-signature": easypostSignature(JSON.stringify(event), SECRET) })).status).toBe(401); // signature of another body
    expect((await post({ "x-hmac-signature": easypostSignature(body, SECRET) }, `${body}\u0000`)).status).toBe(401);
    expect(await prisma.webhookDelivery.count()).toBe(before);
    expect(await statusOf(ret.id)).toBe("IN_TRANSIT");

    // Signed, but no return carries the code (the tracker.created of a label bought a moment ago, another account's parcel): 200, nothing stored.
    const stranger = JSON.stringify({ ...event, id: "evt_stranger", result: { ...event.result, tracking_code: "9400111111111111111111" } });
    expect((await post({ "x-hmac-signature": easypostSignature(stranger, SECRET) }, stranger)).status).toBe(200);
    expect(await prisma.webhookDelivery.count()).toBe(before);
  });
});
