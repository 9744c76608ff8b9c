// A US mail return approved from the desk buys an EasyPost label (through the SDK, on the stand-in)
// once; a carrier error leaves the return requested in Crossdock and in Shopify, and the retry buys
// one label. A return outside the US keeps the built-in "ship it yourself" label.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { decideReturn } from "~/services/decide-return.server";
import { downloadReturnLabel } from "~/services/download-return-label.server";
import { startEasyPostStandIn, type EasyPostStandIn } from "../../../tools/easypost-stand-in";
import { decodePdfBarcodes } from "../../support/pdf";
import { byTag, deliveredOrder, deliveredTo, installShop, portalRequest, shopifyReturnStatus, startDesk, type Desk } from "./support";

const TEE = byTag("basics", ["final-sale"]);
const STAFF = "lan@saigon-threads.example";

let desk: Desk;
let shop: Shop;
let easypost: EasyPostStandIn;

beforeAll(async () => {
  easypost = await startEasyPostStandIn();
  // Read by env() on first use (the desk's start): US returns go to EasyPost.
  Object.assign(process.env, { EASYPOST_API_KEY: easypost.apiKey, EASYPOST_BASE_URL: easypost.baseUrl, EASYPOST_TIMEOUT_MS: "2000", EASYPOST_SERVICE_LEVEL: "standard" });
  desk = await startDesk();
}, 60_000);
afterAll(async () => {
  await desk?.close();
  await easypost?.close();
});
beforeEach(async () => {
  shop = await installShop(desk);
  easypost.reset();
});

/** A paid order shipped to New York and delivered 3 days ago. */
const usOrder = (address1 = "120 E 10th St") =>
  deliveredTo(
    desk,
    [{ sku: TEE, quantity: 2 }],
    { firstName: "Jane", lastName: "Doe", address1, city: "New York", province: "New York", provinceCode: "NY", zip: "10003", country: "United States", countryCode: "US", latitude: 40.7317, longitude: -73.9891 },
    { email: "jane@example.com", tracking: { company: "USPS", number: "9400100000000000000000" } },
  );

const shopifyStatus = (shopifyReturnId: string) => shopifyReturnStatus(desk, shopifyReturnId);
const approve = (returnId: string) => decideReturn({ shop, graphql: desk.graphql, returnId, actor: STAFF, decision: { type: "approve" } });

describe("EasyPost labels for US mail returns", () => {
  it("buys one carrier label (cheapest standard rate), records carrier, tracking and postage; re-approving and re-printing buy nothing", async () => {
    const orderId = await usOrder();
    const requested = await portalRequest(desk, shop, orderId);
    const result = await approve(requested.id);
    expect(result.status).toBe("approved");

    const [shipment] = easypost.shipments();
    expect(easypost.purchases()).toBe(1);
    expect(shipment).toMatchObject({ is_return: true, to_address: { zip: "10003", state: "NY" }, selected_rate: { carrier: "USPS", service: "GroundAdvantage" } });
    const stored = await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id }, include: { events: true } });
    expect(stored).toMatchObject({ status: "APPROVED", labelCarrier: "USPS", labelTrackingNumber: shipment!.tracking_code, labelTrackingUrl: shipment!.tracker!.public_url });
    expect(stored.events.find((e) => e.type === "label_created")!.data).toMatchObject({ postage: { amount: "6.07", currency: "USD", carrier: "USPS" }, shipmentId: shipment!.id });
    expect(await shopifyStatus(stored.shopifyReturnId!)).toBe("OPEN");

    expect((await approve(requested.id)).status).toBe("unchanged");
    const printed = await downloadReturnLabel({ shop, graphql: desk.graphql, orderId, rma: stored.rma });
    expect(printed.status).toBe("ok");
    // The carrier's PDF: its barcode is the carrier's tracking number.
    expect(await decodePdfBarcodes((printed as { pdf: Uint8Array }).pdf, "CODE_128")).toEqual([{ page: 1, text: shipment!.tracking_code }]);
    expect(easypost.purchases()).toBe(1);
    expect(easypost.shipments()).toHaveLength(1);
  });

  it("a carrier failure leaves the return requested in Crossdock and in Shopify; the retry buys one label", async () => {
    const orderId = await usOrder();
    const requested = await portalRequest(desk, shop, orderId);
    easypost.failNext(1, "500", { step: "buy" });
    expect(await approve(requested.id)).toEqual({ status: "carrier-error", problem: "unavailable", message: expect.stringContaining("no label was bought") });
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id } });
    expect(after).toMatchObject({ status: "REQUESTED", labelTrackingNumber: null, decidedBy: null });
    expect(await shopifyStatus(after.shopifyReturnId!)).toBe("REQUESTED");
    expect(easypost.purchases()).toBe(0);

    expect((await approve(requested.id)).status).toBe("approved");
    expect(easypost.purchases()).toBe(1);
    expect(easypost.shipments()).toHaveLength(1);
    expect(await shopifyStatus(after.shopifyReturnId!)).toBe("OPEN");
  });

  it("an address the carrier cannot verify, or no rate, is said as such; nothing is approved or bought", async () => {
    const requested = await portalRequest(desk, shop, await usOrder("E 10th St"));
    expect(await approve(requested.id)).toMatchObject({ status: "carrier-error", problem: "invalid-address" });
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id } });
    expect(after.status).toBe("REQUESTED");
    expect(await shopifyStatus(after.shopifyReturnId!)).toBe("REQUESTED");

    easypost.setNoRates(true);
    const other = await portalRequest(desk, shop, await usOrder());
    expect(await approve(other.id)).toMatchObject({ status: "carrier-error", problem: "no-rates" });
    expect(await shopifyStatus((await prisma.returnRequest.findUniqueOrThrow({ where: { id: other.id } })).shopifyReturnId!)).toBe("REQUESTED");
    expect(easypost.purchases()).toBe(0);
  });

  it("a return outside the US keeps the built-in ship-it-yourself label: EasyPost is not asked", async () => {
    const orderId = await deliveredOrder(desk, [{ sku: TEE, quantity: 1 }]);
    const requested = await portalRequest(desk, shop, orderId);
    expect((await approve(requested.id)).status).toBe("approved");
    expect(await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id } })).toMatchObject({ labelCarrier: "Crossdock Returns" });
    expect(easypost.requests()).toEqual([]);
  });
});
