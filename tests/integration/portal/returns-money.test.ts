// A Vietnamese shopper who paid VND in a USD shop returns two items by mail, end to end through the
// app's real code and the simulator: the portal quotes the return shipping fee and the restocking
// fee in đồng (whole đồng, in en, vi and zh-CN), the request sends Shopify the fee in the order's
// presentment currency and each line's restockingFee percentage, Shopify's suggested refund equals
// the amount the shopper was quoted, and receiving with a refund processes the return in Shopify
// (returnProcess) and refunds exactly that, recorded once, with the shopper emailed the amount.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Shop } from "~/models/shops.server";
import type { NewReturnLoaderData } from "~/portal/returns/new-return-route.server";
import type { ReturnStatusLoaderData } from "~/portal/returns/return-status-route.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { buildDemoShop, VND_PER_USD } from "../../../simulator/seed/demo-shop";
import type { StoreEvent } from "../../../simulator/store/events";
import { payloadFor } from "../../../simulator/webhooks/payloads";
import { feesPolicy } from "../../support/stack-control";
import { API_KEY, API_SECRET, call, PortalBrowser, TOKEN } from "./lookup-support";
import { simulatorAdminGraphql } from "../../support/simulator-admin";

const { prisma } = await import("~/db.server");
const { redirectAdminApiTo } = await import("~/shopify/admin-origin.server");
const { createTestShop, resetDatabase } = await import("../../setup/db");
const { startTestSimulator } = await import("../../simulator/helpers");
const newReturnRoute = await import("~/routes/portal.$shop.o.$token.return");
const statusRoute = await import("~/routes/portal.$shop.o.$token.returns.$rma._index");
const { NewReturnPage } = await import("~/portal/returns/NewReturnPage");
const { ReturnStatusPage } = await import("~/portal/returns/ReturnStatusPage");
const { issueOrderAccessToken } = await import("~/security/tokens.server");
const { CSRF_FIELD } = await import("~/portal/csrf.server");
const { approveReturn } = await import("~/services/approve-return.server");
const { receiveReturn } = await import("~/services/receive-return.server");
const { syncLocations } = await import("~/services/sync-locations.server");
const { saveReturnPolicy } = await import("~/models/return-rules.server");
const { syncShopifyReturn } = await import("~/services/sync-shopify-return.server");
const { recordReturnRefundFromShopify } = await import("~/services/record-return-refund.server");

const seed = buildDemoShop({ now: new Date() });
const SHOP = seed.shop.domain;
const DAY = 86_400_000;
const byTag = (tag: string, exclude: string[] = []) => seed.products.find((p) => p.status === "ACTIVE" && p.tags.includes(tag) && !exclude.some((t) => p.tags.includes(t)))!.variants[0]!;
const TEE = byTag("basics", ["final-sale"]);
const MUG = byTag("ceramics", ["final-sale"]);
const RATE = Number(VND_PER_USD);

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let graphql: AdminGraphql;
let shop: Shop;

async function control(method: string, path: string, body?: unknown) {
  const result = await sim.control(method, `/_control/shops/${SHOP}${path}`, body);
  if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as Record<string, unknown>;
}

async function admin<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const body = (await (await graphql(query, { variables })).json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A paid order delivered 3 days ago, paid in VND at the demo's rate (or in the shop's USD). */
async function deliveredOrder(lines: { sku: string; quantity: number }[], currency: "VND" | "USD" = "VND"): Promise<string> {
  const email = "lan.nguyen@example.vn";
  const created = (await control("POST", "/orders", {
    lines,
    email,
    customer: { email, firstName: "Lan", lastName: "Nguyễn", locale: "vi" },
    shippingAddress: { firstName: "Lan", lastName: "Nguyễn", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.7769, longitude: 106.7009 },
    financialStatus: "PAID",
    ...(currency === "VND" ? { presentment: { currencyCode: "VND", rate: VND_PER_USD } } : {}),
  })) as { order: { id: string } };
  const shipped = (await control("POST", "/fulfillments", { orderId: created.order.id, tracking: { company: "Viettel Post", number: "VTP123456789" } })) as { fulfillments: { id: string }[] };
  for (const f of shipped.fulfillments) await control("POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 3 * DAY).toISOString() });
  return created.order.id;
}

const formPath = (token: string, query = "") => `/portal/${SHOP}/o/${token}/return${query}`;

async function openForm(token: string, lang = "en") {
  const browser = new PortalBrowser();
  const response = await call(newReturnRoute.loader, browser.request(formPath(token, `?lang=${lang}`)), { shop: SHOP, token });
  expect(response.status).toBe(200);
  browser.remember(response);
  return { browser, page: (await response.json()) as NewReturnLoaderData };
}

const SUGGESTED = `query($id: ID!, $lines: [SuggestedOutcomeReturnLineItemInput!]!) { return(id: $id) {
  returnShippingFees { amountSet { presentmentMoney { amount currencyCode } shopMoney { amount currencyCode } } }
  returnLineItems(first: 10) { nodes { id quantity ... on ReturnLineItem { restockingFee { percentage amountSet { presentmentMoney { amount currencyCode } } } } } }
  suggestedFinancialOutcome(returnLineItems: $lines, exchangeLineItems: []) { financialTransfer { __typename ... on RefundReturnOutcome { amount { presentmentMoney { amount currencyCode } } } } } } }`;

beforeAll(async () => {
  sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, seed, accessToken: TOKEN });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  graphql = simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN);
});

afterAll(async () => sim?.close());

beforeEach(async () => {
  await resetDatabase();
  shop = await createTestShop({ domain: SHOP, name: seed.shop.name, timezone: "UTC", currency: "USD" });
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: "read_orders,write_returns" } });
  await syncLocations(shop, graphql);
  // The merchant's policy, in the shop's currency: $5.00 for a mail return, 10 % restocking.
  await saveReturnPolicy(shop, feesPolicy());
});

describe("a VND order in a USD shop", () => {
  it("quotes the fees in đồng, sends them to Shopify in VND, and Shopify's suggested refund and the refund issued on receipt equal the quote", async () => {
    const orderId = await deliveredOrder([
      { sku: TEE.sku, quantity: 2 },
      { sku: MUG.sku, quantity: 1 },
    ]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const teeVnd = Math.round(Number(TEE.price) * RATE);
    const mugVnd = Math.round(Number(MUG.price) * RATE);

    // The form: prices and the return shipping fee in the shopper's currency, whole đồng in every language.
    const { browser, page } = await openForm(token, "vi");
    expect(page.currency).toBe("VND");
    expect(page.policy.postage).toEqual({ kind: "flat", amount: String(5 * RATE), freeReasons: [] }); // $5.00 at the order's own rate
    const tee = page.eligible.find((i) => i.maxQuantity === 2)!;
    const mug = page.eligible.find((i) => i.id !== tee.id)!;
    expect([tee.unitPrice, mug.unitPrice]).toEqual([String(teeVnd), String(mugVnd)]);
    const fee = new Intl.NumberFormat("vi", { style: "currency", currency: "VND" }).format(5 * RATE);
    expect(fee).toBe("131.500\u00a0₫"); // no decimals: the đồng has no minor unit
    expect(renderToStaticMarkup(createElement(NewReturnPage, { page }))).toContain(fee);
    for (const [lang, text] of [
      ["en", "₫131,500"],
      ["zh-CN", "₫131,500"],
    ] as const) {
      const other = await openForm(token, lang);
      const html = renderToStaticMarkup(createElement(NewReturnPage, { page: other.page }));
      expect(html, lang).toContain(text);
      expect(html, lang).not.toMatch(/131[,.]500[.,]00/);
    }

    // The request: two tees and a mug by mail.
    const body = new FormData();
    body.set(CSRF_FIELD, page.csrfToken);
    body.append("item", tee.id);
    body.set(`quantity:${tee.id}`, "2");
    body.set(`reason:${tee.id}`, "SIZE_TOO_SMALL");
    body.append("item", mug.id);
    body.set(`quantity:${mug.id}`, "1");
    body.set(`reason:${mug.id}`, "DEFECTIVE");
    body.set("method", "MAIL");
    const answer = await call(newReturnRoute.action, browser.request(formPath(token), { method: "POST", body }), { shop: SHOP, token });
    expect(answer.status).toBe(303);
    const location = answer.headers.get("Location")!;
    const rma = decodeURIComponent(location.split("/returns/")[1]!.split("?")[0]!);

    // Stored in the shopper's currency, with the value in the shop's for rules and filters.
    const stored = await prisma.returnRequest.findFirstOrThrow({ include: { lines: true } });
    const value = 2 * teeVnd + mugVnd;
    const restocking = Math.round(0.1 * 2 * teeVnd) + Math.round(0.1 * mugVnd);
    const quoted = value - 5 * RATE - restocking;
    expect(stored).toMatchObject({ currency: "VND", shopCurrency: "USD" });
    expect([stored.totalValue.toNumber(), stored.returnShippingFee.toNumber(), stored.restockingFee.toNumber()]).toEqual([value, 5 * RATE, restocking]);
    expect(stored.shopValue!.toFixed(2)).toBe((2 * Number(TEE.price) + Number(MUG.price)).toFixed(2));

    // Shopify holds the fees in VND: the return shipping fee, each line's 10 % restocking fee.
    const shopifyLines = stored.lines.map((l) => ({ id: l.shopifyReturnLineItemId!, quantity: l.quantity }));
    type Money = { amount: string; currencyCode: string };
    const { return: r } = await admin<{
      return: {
        returnShippingFees: { amountSet: { presentmentMoney: Money; shopMoney: Money } }[];
        returnLineItems: { nodes: { restockingFee: { percentage: number; amountSet: { presentmentMoney: Money } } | null }[] };
        suggestedFinancialOutcome: { financialTransfer: { __typename: string; amount: { presentmentMoney: Money } } };
      };
    }>(SUGGESTED, { id: stored.shopifyReturnId, lines: shopifyLines });
    expect(r.returnShippingFees).toEqual([{ amountSet: { presentmentMoney: { amount: `${5 * RATE}.0`, currencyCode: "VND" }, shopMoney: { amount: "5.0", currencyCode: "USD" } } }]);
    expect(r.returnLineItems.nodes.map((l) => l.restockingFee?.percentage)).toEqual([10, 10]);

    // The status page's quote is Shopify's suggested refund, to the đồng.
    const statusResponse = await call(statusRoute.loader, new PortalBrowser().request(`${location}${location.includes("?") ? "&" : "?"}lang=vi`), { shop: SHOP, token, rma });
    expect(statusResponse.status).toBe(200);
    const status = (await statusResponse.json()) as ReturnStatusLoaderData;
    expect(status.totals).toEqual({ value: String(value), returnShippingFee: String(5 * RATE), restockingFee: String(restocking), refund: String(quoted) });
    expect(r.suggestedFinancialOutcome.financialTransfer).toEqual({ __typename: "RefundReturnOutcome", amount: { presentmentMoney: { amount: `${quoted}.0`, currencyCode: "VND" } } });
    const statusHtml = renderToStaticMarkup(createElement(ReturnStatusPage, { page: status }));
    expect(statusHtml).toContain(new Intl.NumberFormat("vi", { style: "currency", currency: "VND" }).format(quoted));

    // Approved (label, reverse delivery), then received at the warehouse with the refund: one returnProcess in Shopify.
    const approved = await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com" });
    expect(approved.status).toBe("approved");
    const warehouse = (await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, isActive: true }, orderBy: { name: "asc" } })).shopifyId;
    const received = await receiveReturn({
      shop,
      graphql,
      returnId: stored.id,
      actor: "staff@example.com",
      request: { locationId: warehouse, lines: stored.lines.map((l) => ({ lineId: l.id, disposition: "RESTOCKED" as const })), refund: true },
    });
    expect(received.status).toBe("received");
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(after.status).toBe("REFUNDED");
    expect(after.refundedAmount!.toNumber()).toBe(quoted);
    expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(["received", "refunded"]));

    // In Shopify: processed, refunded exactly the quote in VND (its USD equivalent at the order's rate).
    const state = await admin<{ order: { displayFinancialStatus: string; totalRefundedSet: { presentmentMoney: { amount: string }; shopMoney: { amount: string } } }; return: { returnLineItems: { nodes: { processedQuantity: number; refundedQuantity: number }[] } } }>(
      `query($order: ID!, $ret: ID!) { order(id: $order) { displayFinancialStatus totalRefundedSet { presentmentMoney { amount } shopMoney { amount } } }
        return(id: $ret) { returnLineItems(first: 10) { nodes { ... on ReturnLineItem { processedQuantity refundedQuantity } } } } }`,
      { order: orderId, ret: stored.shopifyReturnId },
    );
    expect(state.order.displayFinancialStatus).toBe("PARTIALLY_REFUNDED");
    expect(state.order.totalRefundedSet.presentmentMoney.amount).toBe(`${quoted}.0`);
    expect(Number(state.order.totalRefundedSet.shopMoney.amount)).toBeCloseTo(quoted / RATE, 2);
    expect(state.return.returnLineItems.nodes.map((l) => [l.processedQuantity, l.refundedQuantity])).toEqual([
      [2, 2],
      [1, 1],
    ]);

    // The shopper's "refunded" email names the amount in đồng, once (the refunds/create webhook would record nothing more).
    const refundedEmails = await prisma.emailMessage.findMany({ where: { kind: "return-refunded" } });
    expect(refundedEmails).toHaveLength(1);
    const inEmail = new Intl.NumberFormat(refundedEmails[0]!.locale, { style: "currency", currency: "VND" }).format(quoted);
    expect(inEmail).not.toMatch(/[.,]00/);
    expect(refundedEmails[0]!.text).toContain(`refund of ${inEmail}`);

    // Receiving again changes nothing and refunds nothing more.
    const again = await receiveReturn({
      shop,
      graphql,
      returnId: stored.id,
      actor: "staff@example.com",
      request: { locationId: warehouse, lines: stored.lines.map((l) => ({ lineId: l.id, disposition: "RESTOCKED" as const })), refund: true },
    });
    expect(again.status).toBe("unchanged");
    expect((await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } })).refundedAmount!.toNumber()).toBe(quoted);
  });

  it("a refund staff make in Shopify admin is recorded in đồng from refunds/create, whose transaction has currency null", async () => {
    const orderId = await deliveredOrder([{ sku: TEE.sku, quantity: 2 }]);
    const made = (await control("POST", "/returns", { orderId, status: "OPEN", lines: [{ sku: TEE.sku, quantity: 2, returnReason: "UNWANTED" }] })) as { return: { id: string } };
    const synced = await syncShopifyReturn({ shop, graphql, shopifyReturnId: made.return.id, topic: "returns/approve", eventTime: new Date() });
    expect(synced.status).toBe("created");
    const teeVnd = Math.round(Number(TEE.price) * RATE);
    expect(await prisma.returnRequest.findFirstOrThrow()).toMatchObject({ currency: "VND", shopCurrency: "USD" });

    // Staff refund one tee in Shopify admin; Shopify sends refunds/create as its example has it.
    const events: StoreEvent[] = [];
    sim.sim.store.onEvent((e) => events.push(e));
    const refunded = (await control("POST", `/returns/${encodeURIComponent(made.return.id)}/refund`, { amount: String(teeVnd) })) as { refund: { id: string } };
    const payload = payloadFor(sim.sim.store.requireShop(SHOP), events.find((e) => e.topic === "refunds/create")!) as { transactions: { amount: string; currency: string | null }[] };
    expect(payload.transactions.map((tx) => [tx.amount, tx.currency])).toEqual([[String(teeVnd), null]]);
    const result = await recordReturnRefundFromShopify({ shop, payload });
    expect(result).toMatchObject({ status: "recorded", amount: String(teeVnd) });
    const after = await prisma.returnRequest.findFirstOrThrow({ include: { events: true } });
    expect(after.refundedAmount!.toNumber()).toBe(teeVnd);
    expect(after.events.filter((e) => e.type === "refunded").map((e) => e.data)).toEqual([{ refundId: refunded.refund.id, amount: String(teeVnd), currency: "VND" }]);
    const email = (await prisma.emailMessage.findMany({ where: { kind: "return-refunded" } }))[0]!;
    expect(email.text).toContain(new Intl.NumberFormat(email.locale, { style: "currency", currency: "VND" }).format(teeVnd));

    // A return recorded before the shop's currency was kept holds its amounts in the shop's USD: the
    // refund is still in đồng (on the timeline as such), and is not added to a total in dollars.
    await prisma.returnRequest.update({ where: { id: after.id }, data: { currency: "USD", shopCurrency: null, shopValue: null, totalValue: 2 * Number(TEE.price), refundedAmount: null } });
    events.length = 0;
    const second = (await control("POST", `/returns/${encodeURIComponent(made.return.id)}/refund`, { amount: String(teeVnd) })) as { refund: { id: string } };
    const legacy = await recordReturnRefundFromShopify({ shop, payload: payloadFor(sim.sim.store.requireShop(SHOP), events.find((e) => e.topic === "refunds/create")!) });
    expect(legacy.status).toBe("recorded");
    const old = await prisma.returnRequest.findFirstOrThrow({ include: { events: true } });
    expect(old.events.filter((e) => e.type === "refunded").map((e) => e.data)).toContainEqual({ refundId: second.refund.id, amount: String(teeVnd), currency: "VND" });
    expect(old.refundedAmount!.toNumber()).toBe(0);
  });

  it("a USD order of the same shop pays the fee in dollars, as before", async () => {
    const orderId = await deliveredOrder([{ sku: MUG.sku, quantity: 1 }], "USD");
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const { page } = await openForm(token, "en");
    expect(page.currency).toBe("USD");
    expect(page.policy.postage).toEqual({ kind: "flat", amount: "5.00", freeReasons: [] });
    expect(renderToStaticMarkup(createElement(NewReturnPage, { page }))).toContain("$5.00");
  });
});
