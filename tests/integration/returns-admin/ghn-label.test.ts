// A Vietnamese mail return approved from the desk gets a GHN label (on the stand-in) once: GHN's
// order code is the tracking number and the barcode of the re-printed label; a carrier error leaves
// the return requested in Crossdock and in Shopify, and the retry creates one GHN order. A US return
// is not GHN's.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { decideReturn } from "~/services/decide-return.server";
import { downloadReturnLabel } from "~/services/download-return-label.server";
import { startGhnStandIn, type GhnStandIn } from "../../../tools/ghn-stand-in";
import { decodePdfBarcodes } from "../../support/pdf";
import { byTag, deliveredTo, installShop, portalRequest, shopifyReturnStatus, startDesk, type Desk } from "./support";

const TEE = byTag("basics", ["final-sale"]);
const STAFF = "lan@saigon-threads.example";

let desk: Desk;
let shop: Shop;
let ghn: GhnStandIn;

beforeAll(async () => {
  ghn = await startGhnStandIn();
  // Read by env() on first use (the desk's start): Vietnamese returns go to GHN.
  Object.assign(process.env, { GHN_TOKEN: ghn.token, GHN_SHOP_ID: String(ghn.shopId), GHN_BASE_URL: ghn.baseUrl, GHN_TIMEOUT_MS: "2000" });
  desk = await startDesk();
}, 60_000);
afterAll(async () => {
  await desk?.close();
  await ghn?.close();
  for (const name of ["GHN_TOKEN", "GHN_SHOP_ID", "GHN_BASE_URL", "GHN_TIMEOUT_MS"]) delete process.env[name];
});
beforeEach(async () => {
  shop = await installShop(desk);
  ghn.reset();
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
