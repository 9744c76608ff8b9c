// A US mail return approved from the desk buys an EasyPost label (through the SDK, on the stand-in)
// once; a carrier error leaves the return requested in Crossdock and in Shopify, and the retry buys
// one label. A return outside the US keeps the built-in "ship it yourself" label.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { saveReturnPolicy } from "~/models/return-rules.server";
import { decideReturn } from "~/services/decide-return.server";
import { receiveReturn } from "~/services/receive-return.server";
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

describe("the label's postage charged per policy", () => {
  async function shopperPaysPostage(cap: string | null, freeReasons: string[] = []) {
    await saveReturnPolicy(shop, {
      windowDays: 30,
      finalSaleTags: ["final-sale"],
      nonReturnableProductTypes: [],
      returnShippingFee: "2.00",
      restockingFeePercent: "0",
      allowedMethods: ["MAIL"],
      postage: { payer: "LABEL", cap, freeReasons },
    });
  }
  type ShopifyFees = { return: { returnShippingFees: { amountSet: { presentmentMoney: { amount: string } } }[] } };
  const shopifyFee = async (id: string) =>
    ((await desk.graphql(`query($id: ID!) { return(id: $id) { returnShippingFees { amountSet { presentmentMoney { amount } } } } }`, { variables: { id } }).then((r) => r.json())) as { data: ShopifyFees }).data.return.returnShippingFees.map((f) => Number(f.amountSet.presentmentMoney.amount));

  it("charges the carrier's rate as Shopify's return shipping fee, buys the label at that rate, and Shopify's refund is reduced by it", async () => {
    await shopperPaysPostage("8.00");
    const orderId = await usOrder();
    const requested = await portalRequest(desk, shop, orderId);
    // Rated when the shopper submitted (nothing bought), and the fee went to Shopify with the request.
    expect(easypost.shipments()).toHaveLength(1);
    expect(easypost.purchases()).toBe(0);
    expect(requested.returnShippingFee.toFixed(2)).toBe("6.07");
    expect(await shopifyFee(requested.shopifyReturnId!)).toEqual([6.07]);
    expect(requested.events.find((e) => e.type === "requested")!.data).toMatchObject({ postage: { basis: "label", charged: "6.07", currency: "USD", quote: { amount: "6.07", currency: "USD", carrier: "USPS" } } });

    // Approval buys the label from the rated shipment: the postage paid is the postage charged.
    expect((await approve(requested.id)).status).toBe("approved");
    expect(easypost.shipments()).toHaveLength(1);
    expect(easypost.purchases()).toBe(1);
    const approved = await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id }, include: { events: true, lines: true } });
    expect(approved.events.find((e) => e.type === "label_created")!.data).toMatchObject({ postage: { amount: "6.07", currency: "USD" } });

    const warehouse = approved.returnLocationId!;
    const received = await receiveReturn({
      shop,
      graphql: desk.graphql,
      returnId: requested.id,
      actor: STAFF,
      request: { locationId: warehouse, lines: approved.lines.map((l) => ({ lineId: l.id, disposition: "RESTOCKED" as const })), refund: true },
    });
    expect(received.status).toBe("received");
    const value = approved.totalValue.toNumber();
    const refunded = await prisma.returnRequest.findUniqueOrThrow({ where: { id: requested.id } });
    expect(refunded.refundedAmount!.toNumber()).toBeCloseTo(value - 6.07, 2);
    const order = (await desk.graphql(`query($id: ID!) { order(id: $id) { totalRefundedSet { presentmentMoney { amount } } } }`, { variables: { id: orderId } }).then((r) => r.json())) as {
      data: { order: { totalRefundedSet: { presentmentMoney: { amount: string } } } };
    };
    expect(Number(order.data.order.totalRefundedSet.presentmentMoney.amount)).toBeCloseTo(value - 6.07, 2);
  });

  it("charges at most the cap, nothing for a free reason (the carrier is not asked), and nothing when the carrier cannot quote", async () => {
    await shopperPaysPostage("5.00", ["DEFECTIVE"]);
    const capped = await portalRequest(desk, shop, await usOrder());
    expect(await shopifyFee(capped.shopifyReturnId!)).toEqual([5]);

    easypost.reset();
    const defective = await portalRequest(desk, shop, await usOrder(), { reason: "DEFECTIVE" });
    expect(await shopifyFee(defective.shopifyReturnId!)).toEqual([]);
    expect(easypost.requests()).toEqual([]);

    easypost.setNoRates(true);
    const unrated = await portalRequest(desk, shop, await usOrder());
    expect(unrated.returnShippingFee.toNumber()).toBe(0);
    expect(unrated.events.find((e) => e.type === "requested")!.data).toMatchObject({ postage: { basis: "no-postage", problem: "no-rates" } });
  });
});
