// A Vietnamese mail return approved from the desk gets a GHN label (on the stand-in) once: GHN's
// order code is the tracking number and the barcode of the re-printed label; a carrier error leaves
// the return requested in Crossdock and in Shopify, and the retry creates one GHN order. A US return
// is not GHN's. GHN's callbacks (the stand-in calling the route /carriers/ghn/<secret>) move the
// approved return to in transit, then delivered, once each; a wrong secret, another GHN shop or a
// body that is not GHN's changes nothing.
import "./env";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { decideReturn } from "~/services/decide-return.server";
import { downloadReturnLabel } from "~/services/download-return-label.server";
import { action as ghnCallbackRoute } from "~/routes/carriers.ghn.$secret";
import { startGhnStandIn, type GhnStandIn } from "../../../tools/ghn-stand-in";
import { decodePdfBarcodes } from "../../support/pdf";
import { byTag, deliveredTo, installShop, portalRequest, shopifyReturnStatus, startDesk, type Desk } from "./support";

const TEE = byTag("basics", ["final-sale"]);
const STAFF = "lan@saigon-threads.example";

let desk: Desk;
let shop: Shop;
let ghn: GhnStandIn;
const SECRET = "ghn-callback-secret-0123456789abcdef";
/** The app's callback route, served on a local port as GHN would reach it. */
let routeServer: http.Server;
let routeOrigin = "";

beforeAll(async () => {
  ghn = await startGhnStandIn({ callbackRetryDelayMs: 20 });
  // Read by env() on first use (the desk's start): Vietnamese returns go to GHN.
  Object.assign(process.env, { GHN_TOKEN: ghn.token, GHN_SHOP_ID: String(ghn.shopId), GHN_BASE_URL: ghn.baseUrl, GHN_TIMEOUT_MS: "2000", GHN_WEBHOOK_SECRET: SECRET });
  desk = await startDesk();
  routeServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const secret = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname.replace(/^\/carriers\/ghn\//, ""));
      const request = new Request(`http://x${req.url}`, { method: req.method, headers: { "content-type": "application/json" }, body: Buffer.concat(chunks) });
      void (ghnCallbackRoute({ request, params: { secret }, context: {} }) as Promise<Response>).then(async (response) => {
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
        res.end(await response.text());
      });
    });
  });
  await new Promise<void>((resolve) => routeServer.listen(0, "127.0.0.1", resolve));
  routeOrigin = `http://127.0.0.1:${(routeServer.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => routeServer?.close(resolve));
  await desk?.close();
  await ghn?.close();
  for (const name of ["GHN_TOKEN", "GHN_SHOP_ID", "GHN_BASE_URL", "GHN_TIMEOUT_MS", "GHN_WEBHOOK_SECRET"]) delete process.env[name];
});
beforeEach(async () => {
  shop = await installShop(desk);
  ghn.reset();
  ghn.setCallbackUrl(null);
});

/** A paid order shipped to Quận 3, Hồ Chí Minh and delivered 3 days ago. */
const vnOrder = (address2 = "Phường Võ Thị Sáu, Quận 3") =>
  deliveredTo(
    desk,
    [{ sku: TEE, quantity: 1 }],
    { firstName: "Mai", lastName: "Nguyễn", address1: "118 Nguyễn Đình Chiểu", address2, city: "Hồ Chí Minh", province: "Hồ Chí Minh", provinceCode: "SG", zip: "70000", country: "Vietnam", countryCode: "VN", phone: "+84 90 123 4567", latitude: 10.78, longitude: 106.688 },
    { locale: "vi", tracking: { company: "GHN", number: "GHNOUT01" } },
  );

const shopifyStatus = (shopifyReturnId: string) => shopifyReturnStatus(desk, shopifyReturnId);
const approve = (returnId: string) => decideReturn({ shop, graphql: desk.graphql, returnId, actor: STAFF, decision: { type: "approve" } });

describe("GHN labels for Vietnamese mail returns", () => {
  it("creates one GHN order to the Vietnamese warehouse and records its code; re-approving and re-printing create nothing", async () => {
    const orderId = await vnOrder();
    const requested = await portalRequest(desk, shop, orderId);
    expect((await approve(requested.id)).status).toBe("approved");

    const [order] = ghn.orders();
    expect(ghn.created()).toBe(1);
    // From the shopper (Quận 3) to the demo shop's Bình Dương warehouse (Thủ Dầu Một), shop-paid.
    expect(order).toMatchObject({ from_district_id: 1444, to_district_id: 1538, payment_type_id: 1, cod_amount: 0 });
    const stored = await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id }, include: { events: true } });
    expect(stored).toMatchObject({ status: "APPROVED", labelCarrier: "GHN", labelTrackingNumber: order!.order_code });
    expect(stored.events.find((e) => e.type === "label_created")!.data).toMatchObject({ postage: { amount: String(order!.total_fee), currency: "VND", carrier: "GHN" }, shipmentId: order!.order_code });
    expect(await shopifyStatus(stored.shopifyReturnId!)).toBe("OPEN");

    expect((await approve(requested.id)).status).toBe("unchanged");
    const printed = await downloadReturnLabel({ shop, graphql: desk.graphql, orderId, rma: stored.rma });
    expect(printed.status).toBe("ok");
    expect(await decodePdfBarcodes((printed as { pdf: Uint8Array }).pdf, "CODE_128")).toEqual([{ page: 1, text: order!.order_code }]);
    expect(ghn.created()).toBe(1);
  });

  it("a GHN failure leaves the return requested in Crossdock and in Shopify; the retry creates one order", async () => {
    const requested = await portalRequest(desk, shop, await vnOrder());
    ghn.failNext(1, "500", { step: "create" });
    expect(await approve(requested.id)).toMatchObject({ status: "carrier-error", problem: "unavailable" });
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id } });
    expect(after).toMatchObject({ status: "REQUESTED", labelTrackingNumber: null, decidedBy: null });
    expect(await shopifyStatus(after.shopifyReturnId!)).toBe("REQUESTED");
    expect(ghn.created()).toBe(0);

    expect((await approve(requested.id)).status).toBe("approved");
    expect(ghn.created()).toBe(1);
    expect(await shopifyStatus(after.shopifyReturnId!)).toBe("OPEN");
  });

  it("a ward GHN cannot find is said as an address problem; nothing is approved or created", async () => {
    const requested = await portalRequest(desk, shop, await vnOrder("Phường Không Có, Quận 3"));
    expect(await approve(requested.id)).toMatchObject({ status: "carrier-error", problem: "invalid-address" });
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id } });
    expect(after.status).toBe("REQUESTED");
    expect(await shopifyStatus(after.shopifyReturnId!)).toBe("REQUESTED");
    expect(ghn.created()).toBe(0);
  });
});

describe("GHN's callbacks move the return", () => {
  async function approvedWithGhn() {
    const requested = await portalRequest(desk, shop, await vnOrder());
    expect((await approve(requested.id)).status).toBe("approved");
    return { id: requested.id, code: ghn.orders()[0]!.order_code };
  }
  const stored = (id: string) => prisma.returnRequest.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });

  it("picked → in transit, delivered → delivered (the shopper told once); a repeated callback changes nothing", async () => {
    const { id, code } = await approvedWithGhn();
    ghn.setCallbackUrl(`${routeOrigin}/carriers/ghn/${SECRET}`);
    expect(await ghn.advance(code, "picking")).toBe(200);
    expect((await stored(id)).status).toBe("APPROVED");
    expect(await ghn.advance(code, "picked")).toBe(200);
    expect((await stored(id)).status).toBe("IN_TRANSIT");
    expect(await ghn.advance(code, "delivering")).toBe(200);
    expect(await ghn.advance(code, "delivered")).toBe(200);
    const after = await stored(id);
    expect(after.status).toBe("DELIVERED");
    expect(after.events.filter((e) => e.actor === "carrier:GHN").map((e) => `${e.type}:${(e.data as { trackingStatus: string }).trackingStatus}`)).toEqual([
      "tracking:pre_transit",
      "in_transit:in_transit",
      "tracking:out_for_delivery",
      "delivered:delivered",
    ]);
    // GHN's own words for the step, as staff read them on the timeline.
    expect(after.events.find((e) => e.type === "delivered")!.message).toContain("Nhân viên đã giao hàng thành công");
    expect((await prisma.emailMessage.findMany({ where: { shopId: shop.id, kind: "return-delivered" } })).map((m) => m.to)).toEqual(["mai@example.com"]);

    // GHN sends the last callback again (an answer it did not get): recorded once.
    const last = ghn.callbacks().at(-1)!;
    const again = await fetch(`${routeOrigin}/carriers/ghn/${SECRET}`, { method: "POST", body: JSON.stringify(last) });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ code: 200, data: { status: "duplicate" } });
    expect((await stored(id)).events.filter((e) => e.type === "delivered")).toHaveLength(1);
  });

  it("a wrong secret is 404 (GHN tries 10 times), another GHN shop or an order not Crossdock's is 200 and nothing, a body not GHN's is 400", async () => {
    const { id, code } = await approvedWithGhn();
    ghn.setCallbackUrl(`${routeOrigin}/carriers/ghn/not-the-secret-0123456789abcdef`);
    expect(await ghn.advance(code, "picked")).toBe(404);
    expect(ghn.callbacks().filter((c) => c.Status === "picked")).toHaveLength(10);
    expect((await stored(id)).status).toBe("APPROVED");

    const post = (body: unknown) => fetch(`${routeOrigin}/carriers/ghn/${SECRET}`, { method: "POST", body: JSON.stringify(body) });
    const picked = ghn.callbacks().at(-1)!;
    expect(await (await post({ ...picked, ShopID: 1 })).json()).toMatchObject({ data: { status: "ignored" } });
    expect(await (await post({ ...picked, ClientOrderCode: "ORDER-FROM-GHN-DASHBOARD" })).json()).toMatchObject({ data: { status: "not-found" } });
    expect(await (await post({ ...picked, Type: "Update_weight" })).json()).toMatchObject({ data: { status: "ignored" } });
    expect((await post({ hello: "world" })).status).toBe(400);
    expect((await stored(id)).status).toBe("APPROVED");
  });
});
