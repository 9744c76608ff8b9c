// A store-credit return, end to end through the app's code and the simulator: received at a
// location, it is processed in Shopify without a refund and the customer's store credit account (in
// the currency they paid in, đồng here) is credited with the quoted refund plus the promised bonus,
// exactly once although every Shopify answer along the way was lost once (502 after the work was
// done): the retry finds the credit Shopify made and records it instead of crediting again.
import { describe, expect, it } from "vitest";
import { VND_PER_USD } from "../../../simulator/seed/demo-shop";
import "./lookup-support";

const { prisma } = await import("~/db.server");
const { receiveReturn } = await import("~/services/receive-return.server");
const { syncShopifyReturn } = await import("~/services/sync-shopify-return.server");
const { demoShopDesk, TEE } = await import("./demo-shop-desk");

const RATE = Number(VND_PER_USD);
const desk = demoShopDesk();
const { control, admin } = desk;

const ACCOUNTS = `query($id: ID!) { customer(id: $id) { storeCreditAccounts(first: 5) { nodes { balance { amount currencyCode } transactions(first: 10) { nodes { amount { amount } } } } } } }`;
type Accounts = { customer: { storeCreditAccounts: { nodes: { balance: { amount: string; currencyCode: string }; transactions: { nodes: { amount: { amount: string } }[] } }[] } } };

describe("a store-credit return", () => {
  it("credits the quoted refund plus the bonus once, across lost answers and retries, with no refund", async () => {
    const email = "lan.nguyen@example.vn";
    const shop = desk.shop();
    const graphql = desk.graphql();
    const orderId = await desk.deliveredOrder({
      lines: [{ sku: TEE.sku, quantity: 2 }],
      email,
      customer: { email, firstName: "Lan", lastName: "Nguyễn", locale: "vi" },
      shippingAddress: { firstName: "Lan", lastName: "Nguyễn", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.7769, longitude: 106.7009 },
      presentment: { currencyCode: "VND", rate: VND_PER_USD },
    });
    const made = (await control("POST", "/returns", { orderId, status: "OPEN", lines: [{ sku: TEE.sku, quantity: 2, returnReason: "UNWANTED" }] })) as { return: { id: string } };
    expect((await syncShopifyReturn({ shop, graphql, shopifyReturnId: made.return.id, topic: "returns/approve", eventTime: new Date() })).status).toBe("created");
    const stored = await prisma.returnRequest.findFirstOrThrow({ include: { lines: true } });
    expect(stored).toMatchObject({ currency: "VND", status: "APPROVED" });
    expect(stored.customerId).toMatch(/^gid:\/\/shopify\/Customer\//);
    const teeVnd = Math.round(Number(TEE.price) * RATE);
    const quoted = 2 * teeVnd - Number(stored.returnShippingFee) - Number(stored.restockingFee);
    const bonus = Math.round(quoted * 0.1); // the 10 % bonus the shopper was promised, in đồng
    await prisma.returnRequest.update({ where: { id: stored.id }, data: { outcome: "STORE_CREDIT", storeCreditBonus: bonus } });

    const warehouse = (await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, isActive: true }, orderBy: { name: "asc" } })).shopifyId;
    const receive = () =>
      receiveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com", request: { locationId: warehouse, lines: stored.lines.map((l) => ({ lineId: l.id, disposition: "RESTOCKED" as const })), refund: true } });

    // Every mutation's answer is lost twice (Shopify did the work): returnProcess, then storeCreditAccountCredit.
    await control("PUT", "/faults", { status: 502, count: 2, applied: true, operations: "mutations" });
    await expect(receive()).rejects.toThrow(); // returnProcess applied, answer lost
    await expect(receive()).rejects.toThrow(); // received; the credit made, answer lost
    const pending = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } });
    expect(pending.receivedAt).not.toBeNull();
    expect(pending.storeCreditRequestedAt).not.toBeNull();
    expect(pending.storeCreditTransactionId).toBeNull();

    const third = await receive(); // finds the credit Shopify made, records it, credits nothing more
    expect(third.status).toBe("unchanged");
    const fourth = await receive();
    expect(fourth.status).toBe("unchanged");

    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id }, include: { events: true } });
    expect(after.storeCreditTransactionId).toMatch(/^gid:\/\/shopify\/StoreCreditAccountCreditTransaction\//);
    expect(after.storeCreditAmount!.toNumber()).toBe(quoted + bonus);
    expect(after.refundedAmount).toBeNull();
    expect(after.events.filter((e) => e.type === "store_credited")).toHaveLength(1);
    expect(after.events.find((e) => e.type === "store_credited")!.data).toMatchObject({ amount: String(quoted + bonus), base: String(quoted), bonus: String(bonus), currency: "VND" });

    // The shopper's "received" email says store credit and its money, in their language, once.
    const receivedEmails = await prisma.emailMessage.findMany({ where: { kind: "return-received" } });
    expect(receivedEmails).toHaveLength(1);
    const inEmail = (n: number) => new Intl.NumberFormat(receivedEmails[0]!.locale, { style: "currency", currency: "VND" }).format(n);
    expect(receivedEmails[0]!.text).toContain(inEmail(quoted + bonus));
    expect(receivedEmails[0]!.text).toContain(inEmail(bonus));

    // In Shopify: one credit of quoted + bonus on the customer's đồng account, and no refund.
    const { customer } = await admin<Accounts>(ACCOUNTS, { id: after.customerId });
    expect(customer.storeCreditAccounts.nodes).toHaveLength(1);
    expect(customer.storeCreditAccounts.nodes[0]!.balance).toEqual({ amount: `${quoted + bonus}.0`, currencyCode: "VND" });
    expect(customer.storeCreditAccounts.nodes[0]!.transactions.nodes).toHaveLength(1);
    const order = await admin<{ order: { displayFinancialStatus: string } }>(`query($id: ID!) { order(id: $id) { displayFinancialStatus } }`, { id: orderId });
    expect(order.order.displayFinancialStatus).toBe("PAID");
  });
  it("received while Shopify refuses the credit (the customer is gone): the receipt stands and the refusal comes back in Shopify's words, with nothing credited", async () => {
    const email = "gone@example.com";
    const shop = desk.shop();
    const graphql = desk.graphql();
    const orderId = await desk.deliveredOrder({
      lines: [{ sku: TEE.sku, quantity: 1 }],
      email,
      customer: { email, firstName: "Bo", lastName: "Tran", locale: "en" },
      shippingAddress: { firstName: "Bo", lastName: "Tran", address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US" },
    });
    const made = (await control("POST", "/returns", { orderId, status: "OPEN", lines: [{ sku: TEE.sku, quantity: 1, returnReason: "UNWANTED" }] })) as { return: { id: string } };
    await syncShopifyReturn({ shop, graphql, shopifyReturnId: made.return.id, topic: "returns/approve", eventTime: new Date() });
    const stored = await prisma.returnRequest.findFirstOrThrow({ include: { lines: true } });
    // The customer account no longer exists in Shopify (an id no customer has): OWNER_NOT_FOUND.
    await prisma.returnRequest.update({ where: { id: stored.id }, data: { outcome: "STORE_CREDIT", storeCreditBonus: 1, customerId: "gid://shopify/Customer/987654321" } });
    const warehouse = (await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, isActive: true }, orderBy: { name: "asc" } })).shopifyId;
    const result = await receiveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com", request: { locationId: warehouse, lines: stored.lines.map((l) => ({ lineId: l.id, disposition: "RESTOCKED" as const })), refund: true } });
    expect(result.status).toBe("received");
    if (result.status !== "received") return;
    expect(result.creditRefused).toEqual({ message: expect.stringContaining("Owner does not exist."), shopifyMessages: "Owner does not exist." });
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after.receivedAt).not.toBeNull();
    expect(after.storeCreditTransactionId).toBeNull();
    // The claim is released: receiving again asks Shopify again (and is refused again, the same way).
    expect(after.storeCreditRequestedAt).toBeNull();
  });
});
