// Self-service returns through the portal, against the simulator seeded with the demo shop (real
// Admin API documents, real returns state) and the worker's PostgreSQL: the form, the request
// (valid and every invalid case, with nothing written anywhere), approval with one label and one
// reverse delivery however often it runs, decline with the merchant's note, the signed label link,
// another shop's portal, and customers/redact.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Shop } from "~/models/shops.server";
import type { NewReturnActionData, NewReturnLoaderData } from "~/portal/returns/new-return-route.server";
import type { ReturnStatusLoaderData } from "~/portal/returns/return-status-route.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { API_KEY, API_SECRET, call, form, PortalBrowser, proxyQuery, TOKEN } from "./lookup-support";
import { simulatorAdminGraphql } from "../../support/simulator-admin";

const { prisma } = await import("~/db.server");
const { redirectAdminApiTo } = await import("~/shopify/admin-origin.server");
const { createTestShop, resetDatabase } = await import("../../setup/db");
const { startTestSimulator } = await import("../../simulator/helpers");
const newReturnRoute = await import("~/routes/portal.$shop.o.$token.return");
const statusRoute = await import("~/routes/portal.$shop.o.$token.returns.$rma._index");
const labelRoute = await import("~/routes/portal.$shop.o.$token.returns.$rma.label");
const trackingRoute = await import("~/routes/portal.$shop.track.$number");
const { NewReturnPage } = await import("~/portal/returns/NewReturnPage");
const { ReturnStatusPage } = await import("~/portal/returns/ReturnStatusPage");
const { issueOrderAccessToken, signUrl } = await import("~/security/tokens.server");
const { CSRF_FIELD } = await import("~/portal/csrf.server");
const { approveReturn } = await import("~/services/approve-return.server");
const { declineReturn } = await import("~/services/decline-return.server");
const { redactCustomer } = await import("~/services/redact-customer.server");
const { exportCustomerData } = await import("~/services/export-customer-data.server");
const { syncLocations } = await import("~/services/sync-locations.server");
const { fetchReturn } = await import("~/shopify/returns");

const seed = buildDemoShop({ now: new Date() });
const SHOP = seed.shop.domain;
const OTHER = "other-returns-test.myshopify.com";
const DAY = 86_400_000;

const byTag = (tag: string, exclude: string[] = []) =>
  seed.products.find((p) => p.status === "ACTIVE" && p.tags.includes(tag) && !exclude.some((t) => p.tags.includes(t)))!.variants[0]!.sku;
const TEE = byTag("basics", ["final-sale"]);
const MUG = byTag("ceramics", ["final-sale"]);
const FINAL_SALE = byTag("final-sale");

const hcm = {
  firstName: "Nguyễn Thị",
  lastName: "Mai",
  address1: "12 Lê Lợi",
  city: "Quận 1, Thành phố Hồ Chí Minh",
  zip: "700000",
  country: "Vietnam",
  countryCode: "VN",
  latitude: 10.7769,
  longitude: 106.7009,
};

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let graphql: AdminGraphql;
let shop: Shop;

async function control(method: string, path: string, body?: unknown) {
  const result = await sim.control(method, `/_control/shops/${SHOP}${path}`, body);
  if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as Record<string, unknown>;
}

async function simulatorReturns(): Promise<number> {
  return ((await control("GET", "/state")) as { counts: { returns: number } }).counts.returns;
}

/** A paid order shipped in one fulfillment and delivered `deliveredDaysAgo` days ago. */
async function deliveredOrder(lines: { sku: string; quantity: number }[], deliveredDaysAgo = 3, email = "mai@example.com"): Promise<string> {
  const created = (await control("POST", "/orders", { lines, email, customer: { email, firstName: "Mai", lastName: "Nguyễn" }, shippingAddress: hcm, financialStatus: "PAID" })) as {
    order: { id: string };
  };
  const orderId = created.order.id;
  const shipped = (await control("POST", "/fulfillments", { orderId, tracking: { company: "VNPost", number: "EE123456789VN" } })) as { fulfillments: { id: string }[] };
  for (const f of shipped.fulfillments) await control("POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - deliveredDaysAgo * DAY).toISOString() });
  return orderId;
}

function path(domain: string, token: string, rest = "") {
  return `/portal/${domain}/o/${token}${rest}`;
}

async function openForm(browser: PortalBrowser, token: string, domain = SHOP) {
  const response = await call(newReturnRoute.loader, browser.request(path(domain, token, "/return")), { shop: domain, token });
  browser.remember(response);
  return { response, page: response.status === 200 ? ((await response.clone().json()) as NewReturnLoaderData) : null };
}

async function submit(token: string, choose: (page: NewReturnLoaderData) => Record<string, string | string[]>) {
  const browser = new PortalBrowser();
  const { response, page } = await openForm(browser, token);
  expect(response.status).toBe(200);
  const body = new FormData();
  body.set(CSRF_FIELD, page!.csrfToken);
  for (const [key, value] of Object.entries(choose(page!))) for (const v of [value].flat()) body.append(key, v);
  const answer = await call(newReturnRoute.action, browser.request(path(SHOP, token, "/return"), { method: "POST", body }), { shop: SHOP, token });
  return { page: page!, answer };
}

function pick(item: { id: string }, quantity: number, reason = "SIZE_TOO_SMALL", note = "") {
  return { item: item.id, [`quantity:${item.id}`]: String(quantity), [`reason:${item.id}`]: reason, [`note:${item.id}`]: note };
}

function merge(...parts: Record<string, string>[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (k === "item") out.item = [...[out.item ?? []].flat(), v];
      else out[k] = v;
    }
  }
  return out;
}

/** The page as the shopper sees it after a refused submission. */
function renderedAfter(page: NewReturnLoaderData, submitted: NewReturnActionData): string {
  return renderToStaticMarkup(createElement(NewReturnPage, { page, submitted }));
}

async function expectNothingWritten(before: number) {
  expect(await prisma.returnRequest.count()).toBe(0);
  expect(await prisma.returnLine.count()).toBe(0);
  expect(await prisma.returnEvent.count()).toBe(0);
  expect(await simulatorReturns()).toBe(before);
}

async function requestTwoItems(token: string) {
  const { page, answer } = await submit(token, (p) => {
    const tee = p.eligible.find((i) => i.title && i.maxQuantity >= 2)!;
    const mug = p.eligible.find((i) => i.id !== tee.id)!;
    return merge(pick(tee, 2, "SIZE_TOO_SMALL", "Quá chật"), pick(mug, 1, "DEFECTIVE"), { method: "MAIL" });
  });
  expect(answer.status).toBe(303);
  const location = answer.headers.get("Location")!;
  const rma = decodeURIComponent(location.split("/returns/")[1]!.split("?")[0]!);
  return { page, rma, location };
}

beforeAll(async () => {
  sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, seed, accessToken: TOKEN });
  const other = structuredClone(seed);
  other.shop = { ...other.shop, domain: OTHER, name: "Other returns shop" };
  const seeded = await sim.control("POST", `/_control/shops/${OTHER}/seed?accessToken=${TOKEN}`, other);
  if (seeded.status >= 300) throw new Error(`seeding ${OTHER}: ${JSON.stringify(seeded.body)}`);
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  graphql = simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN);
});

afterAll(async () => sim?.close());

beforeEach(async () => {
  await resetDatabase();
  shop = await createTestShop({ domain: SHOP, name: seed.shop.name, timezone: "UTC", currency: "USD" });
  await createTestShop({ domain: OTHER, name: "Other returns shop", timezone: "UTC", currency: "USD" });
  for (const domain of [SHOP, OTHER]) {
    await prisma.session.create({ data: { id: `offline_${domain}`, shop: domain, state: "", isOnline: false, accessToken: TOKEN, scope: "read_orders,write_returns" } });
  }
  await syncLocations(shop, graphql);
});

describe("the new-return form", () => {
  it("lists returnable items with their limits, final-sale items with the reason, drop-off stores nearest first", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }, { sku: FINAL_SALE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const { response, page } = await openForm(new PortalBrowser(), token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    expect(page!.eligible).toEqual([expect.objectContaining({ quantity: 2, maxQuantity: 2 })]);
    expect(page!.ineligible).toEqual([expect.objectContaining({ reason: expect.objectContaining({ code: "FINAL_SALE" }) })]);
    expect(page!.methods).toEqual(["MAIL", "DROP_OFF"]);
    expect(page!.stores.length).toBeGreaterThan(0);
    const distances = page!.stores.map((s) => s.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Ho Chi Minh City: the nearest store is in Vietnam.
    expect(distances[0]).toBeLessThan(50);

    const html = renderToStaticMarkup(createElement(NewReturnPage, { page: page! }));
    expect(html).toContain("Final sale: this item can&#x27;t be returned.");
    expect(html).toContain('name="_csrf"');
  });

  it("speaks Vietnamese with ?lang=vi", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const browser = new PortalBrowser();
    const response = await call(newReturnRoute.loader, browser.request(path(SHOP, token, "/return?lang=vi")), { shop: SHOP, token });
    const page = (await response.json()) as NewReturnLoaderData;
    const html = renderToStaticMarkup(createElement(NewReturnPage, { page }));
    expect(page.title).toMatch(/^Trả hàng cho đơn #\d+/);
    expect(html).toContain("Gửi yêu cầu trả hàng");
    expect(html).toContain("Kích cỡ quá nhỏ");
  });

  it("works through the app proxy, the shop coming from Shopify's signature", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const request = new Request(`https://crossdock.example.com/proxy/portal/o/${token}/return?${proxyQuery(SHOP)}`);
    const response = await call(newReturnRoute.loader, request, { token });
    expect(response.status).toBe(200);
    const page = (await response.json()) as NewReturnLoaderData;
    expect(page.eligible).toHaveLength(1);
    expect(page.backHref).toBe(`/apps/crossdock/portal/o/${token}`);
  });
});

describe("requesting a return", () => {
  it("a valid two-item mail return creates the Shopify return and the record with an RMA", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }, { sku: MUG, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const { rma, location } = await requestTwoItems(token);
    expect(location).toBe(`/portal/${SHOP}/o/${token}/returns/${rma}`);
    expect(rma).toMatch(/^RMA-\d+-[34679ACDEFGHJKMNPQRTWXY]{4}$/);

    const stored = await prisma.returnRequest.findFirstOrThrow({ include: { lines: true, events: { orderBy: { createdAt: "asc" } } } });
    expect(stored).toMatchObject({ shopId: shop.id, rma, orderId, status: "REQUESTED", method: "MAIL", source: "PORTAL", customerEmail: "mai@example.com", currency: "USD" });
    expect(stored.shopifyReturnId).toMatch(/^gid:\/\/shopify\/Return\/\d+$/);
    expect(stored.lines.map((l) => [l.quantity, l.reason]).sort()).toEqual([[1, "DEFECTIVE"], [2, "SIZE_TOO_SMALL"]]);
    expect(stored.lines.every((l) => l.shopifyReturnLineItemId?.startsWith("gid://shopify/ReturnLineItem/"))).toBe(true);
    // The merchant's rules ran at once (none match the demo shop's empty rule set: left for staff).
    expect(stored.events.map((e) => [e.type, e.actor])).toEqual([["requested", "shopper"], ["rules", "system"]]);
    expect(stored.status).toBe("REQUESTED");
    // The shopper's "we received your request" email, once.
    expect(await prisma.emailMessage.findMany({ select: { kind: true, to: true } })).toEqual([{ kind: "return-requested", to: "mai@example.com" }]);
    expect(stored.returnLocationId).toMatch(/^gid:\/\/shopify\/Location\//);

    const state = (await control("GET", "/state")) as { orders: { id: string; returns: { id: string; status: string; lineItems: { quantity: number; returnReason: string }[] }[] }[] };
    const returns = state.orders.find((o) => o.id === orderId)!.returns;
    expect(returns).toHaveLength(1);
    expect(returns[0]!.id).toBe(stored.shopifyReturnId);
    expect(returns[0]!.status).toBe("REQUESTED");
    expect(returns[0]!.lineItems.map((l) => [l.quantity, l.returnReason]).sort()).toEqual([[1, "DEFECTIVE"], [2, "SIZE_TOO_SMALL"]]);

    // The status page shows it.
    const statusPage = await call(statusRoute.loader, new PortalBrowser().request(location), { shop: SHOP, token, rma });
    expect(statusPage.status).toBe(200);
    const status = (await statusPage.json()) as ReturnStatusLoaderData;
    expect(status.steps.map((s) => [s.key, s.state])).toEqual([["requested", "current"], ["approved", "upcoming"], ["received", "upcoming"], ["refunded", "upcoming"]]);
    expect(status.label).toBeNull();
  });

  it("refuses an item that is not in the order: 422, its message, nothing written anywhere", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const otherOrder = await deliveredOrder([{ sku: MUG, quantity: 1 }]);
    const otherItem = (await newFormPage(otherOrder)).eligible[0]!;
    const before = await simulatorReturns();
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const { page, answer } = await submit(token, () => merge(pick(otherItem, 1), { method: "MAIL" }));
    expect(answer.status).toBe(422);
    const data = (await answer.json()) as NewReturnActionData;
    expect(data.errors).toEqual([{ code: "ITEM_NOT_IN_ORDER", item: otherItem.id, field: "items" }]);
    expect(renderedAfter(page, data)).toContain("This item isn&#x27;t part of the order.");
    await expectNothingWritten(before);
  });

  it("refuses more than was bought: 422 naming the maximum, nothing written", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }]);
    const before = await simulatorReturns();
    const { page, answer } = await submit(issueOrderAccessToken({ shopId: shop.id, orderId }), (p) => merge(pick(p.eligible[0]!, 3), { method: "MAIL" }));
    expect(answer.status).toBe(422);
    const data = (await answer.json()) as NewReturnActionData;
    expect(data.errors).toEqual([expect.objectContaining({ code: "QUANTITY_EXCEEDS_RETURNABLE", maxQuantity: 2 })]);
    const html = renderedAfter(page, data);
    // Next to the item it concerns.
    expect(html).toMatch(/data-item="[^"]+"[^]*?You can return at most 2 of this item\./);
    await expectNothingWritten(before);
  });

  it("refuses an item already returned: 422, nothing written", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }, { sku: MUG, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const item = (await newFormPage(orderId)).eligible.find((i) => i.title)!;
    // Returned in Shopify itself (the merchant's admin): Shopify no longer offers it.
    await control("POST", "/returns", { orderId, lines: [{ fulfillmentLineItemId: item.id, quantity: 1 }], returnReason: "OTHER", status: "OPEN" });
    const before = await simulatorReturns();
    const { answer } = await submit(token, () => merge(pick(item, 1), { method: "MAIL" }));
    expect(answer.status).toBe(422);
    const data = (await answer.json()) as NewReturnActionData;
    expect(data.errors).toEqual([expect.objectContaining({ code: "ALREADY_RETURNED", item: item.id })]);
    expect(await simulatorReturns()).toBe(before);
    expect(await prisma.returnRequest.count()).toBe(0);
  });

  it("refuses an item outside the return window: 422 with the last day, nothing written", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }], 45);
    const before = await simulatorReturns();
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const page = await newFormPage(orderId);
    expect(page.eligible).toEqual([]);
    const item = page.ineligible[0]!;
    expect(item.reason.code).toBe("WINDOW_EXPIRED");
    const { answer } = await submit(token, () => merge(pick(item, 1), { method: "MAIL" }));
    expect(answer.status).toBe(422);
    const data = (await answer.json()) as NewReturnActionData;
    expect(data.errors).toEqual([expect.objectContaining({ code: "WINDOW_EXPIRED", item: item.id, lastDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
    expect(renderedAfter(page, data)).toContain("The return period ended on");
    await expectNothingWritten(before);
  });

  it("refuses a final-sale item: 422, nothing written", async () => {
    const orderId = await deliveredOrder([{ sku: FINAL_SALE, quantity: 1 }]);
    const before = await simulatorReturns();
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const page = await newFormPage(orderId);
    const item = page.ineligible[0]!;
    const { answer } = await submit(token, () => merge(pick(item, 1), { method: "MAIL" }));
    expect(answer.status).toBe(422);
    const data = (await answer.json()) as NewReturnActionData;
    expect(data.errors).toEqual([expect.objectContaining({ code: "FINAL_SALE", item: item.id })]);
    expect(renderedAfter(page, data)).toContain("Final sale: this item can&#x27;t be returned.");
    await expectNothingWritten(before);
  });

  it("refuses a form without its CSRF token (403) and a reason outside Shopify's list (422)", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const browser = new PortalBrowser();
    const { page } = await openForm(browser, token);
    const forged = await call(newReturnRoute.action, browser.request(path(SHOP, token, "/return"), { method: "POST", body: form({ ...pick(page!.eligible[0]!, 1), method: "MAIL" }) }), { shop: SHOP, token });
    expect(forged.status).toBe(403);
    const { answer } = await submit(token, (p) => merge(pick(p.eligible[0]!, 1, "BECAUSE"), { method: "MAIL" }));
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as NewReturnActionData).errors).toEqual([expect.objectContaining({ code: "INVALID_REASON" })]);
    await expectNothingWritten(await simulatorReturns());
  });

  it("refuses a note with a NUL byte before Shopify is asked: 422 with its message in en/vi/zh-CN, nothing written anywhere", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const before = await simulatorReturns();
    const { page, answer } = await submit(token, (p) => merge(pick(p.eligible[0]!, 1, "SIZE_TOO_SMALL", "too\u0000tight"), { method: "MAIL" }));
    expect(answer.status).toBe(422);
    const data = (await answer.json()) as NewReturnActionData;
    expect(data.errors).toEqual([{ code: "NOTE_INVALID_CHARACTERS", item: page.eligible[0]!.id, field: "note" }]);
    expect(renderedAfter(page, data)).toContain("The note contains characters that can&#x27;t be saved");
    expect(renderedAfter({ ...page, layout: { ...page.layout, locale: "vi" } }, data)).toContain("Ghi chú có ký tự không thể lưu");
    expect(renderedAfter({ ...page, layout: { ...page.layout, locale: "zh-CN" } }, data)).toContain("备注含有无法保存的字符");
    await expectNothingWritten(before);
  });

  it("refuses a duplicated field and a file where text belongs: 400, the branded page, nothing written anywhere", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const before = await simulatorReturns();
    const browser = new PortalBrowser();
    const { page } = await openForm(browser, token);
    const item = page!.eligible[0]!;
    const bodies: FormData[] = [];
    for (const build of [
      (f: FormData) => f.append("method", "DROP_OFF"),
      (f: FormData) => f.append(`reason:${item.id}`, "DEFECTIVE"),
      (f: FormData) => f.set(`note:${item.id}`, new Blob(["a note"]), "note.txt"),
    ]) {
      const body = new FormData();
      body.set(CSRF_FIELD, page!.csrfToken);
      for (const [k, v] of Object.entries({ ...pick(item, 1), method: "MAIL" })) body.append(k, v);
      build(body);
      bodies.push(body);
    }
    for (const body of bodies) {
      const answer = await call(newReturnRoute.action, browser.request(path(SHOP, token, "/return"), { method: "POST", body }), { shop: SHOP, token });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { portalError: string }).portalError).toBe("bad_request");
    }
    await expectNothingWritten(before);
  });

  it("a drop-off return records the chosen store and shows it on the status page", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    let storeId = "";
    const { answer } = await submit(token, (p) => {
      storeId = p.stores[0]!.id;
      return merge(pick(p.eligible[0]!, 1, "COLOR"), { method: "DROP_OFF", store: storeId });
    });
    expect(answer.status).toBe(303);
    const stored = await prisma.returnRequest.findFirstOrThrow();
    expect(stored).toMatchObject({ method: "DROP_OFF", returnLocationId: storeId, returnShippingFee: expect.anything() });
    const approved = await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com" });
    expect(approved.status).toBe("approved");
    if (approved.status !== "approved") return;
    expect(approved.ret.reverseDeliveryId).toBeNull();
    const location = answer.headers.get("Location")!;
    const status = (await (await call(statusRoute.loader, new PortalBrowser().request(location), { shop: SHOP, token, rma: stored.rma })).json()) as ReturnStatusLoaderData;
    expect(status.store?.name).toBeTruthy();
    expect(status.label).toBeNull();
    expect(status.steps.map((s) => s.key)).toEqual(["requested", "approved", "dropped_off", "refunded"]);
  });
  it("when the record cannot be written after Shopify accepted, the Shopify request is withdrawn and nothing stays half-written", async () => {
    const { requestReturn } = await import("~/services/request-return.server");
    const { generateRma } = await import("~/domain/returns/rma");
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const page = await newFormPage(orderId);
    const item = page.eligible[0]!;
    const orderName = page.orderName;
    // A row (of another order) already holds every RMA this random source can draw.
    const stuck = () => 0;
    await prisma.returnRequest.create({ data: { shopId: shop.id, rma: generateRma(orderName, stuck), orderId: "gid://shopify/Order/1", orderName: "#1" } });
    const selection = { items: [{ fulfillmentLineItemId: item.id, quantity: 1, reason: "COLOR" }], method: "MAIL" };

    const failed = await requestReturn({ shop, graphql, orderId, selection, locale: "en", random: stuck });
    expect(failed.status).toBe("failed");
    expect(await prisma.returnRequest.count()).toBe(1);
    expect(await prisma.returnLine.count()).toBe(0);
    const state = (await control("GET", "/state")) as { orders: { id: string; returns: { status: string; decline: { reason: string; note: string | null } | null }[] }[] };
    const withdrawn = state.orders.find((o) => o.id === orderId)!.returns;
    expect(withdrawn).toEqual([expect.objectContaining({ status: "DECLINED", decline: expect.objectContaining({ reason: "OTHER", note: expect.stringContaining("Withdrawn automatically") }) })]);

    // The shopper simply submits again: the withdrawn request freed the item.
    const again = await requestReturn({ shop, graphql, orderId, selection, locale: "en" });
    expect(again.status).toBe("created");
  });
});

async function newFormPage(orderId: string): Promise<NewReturnLoaderData> {
  const token = issueOrderAccessToken({ shopId: shop.id, orderId });
  const { page } = await openForm(new PortalBrowser(), token);
  return page!;
}

describe("approving and declining", () => {
  it("approving twice gives one label and one reverse delivery; the label link is a real PDF, tampered or expired links 403", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }, { sku: MUG, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const { rma, location } = await requestTwoItems(token);
    const stored = await prisma.returnRequest.findFirstOrThrow();

    const first = await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com" });
    expect(first.status).toBe("approved");
    const second = await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com" });
    expect(second.status).toBe("unchanged");

    const after = await prisma.returnRequest.findFirstOrThrow({ include: { events: true } });
    expect(after).toMatchObject({ status: "APPROVED", decidedBy: "staff@example.com", labelCarrier: "Crossdock Returns" });
    expect(after.labelTrackingNumber).toMatch(/^CD\d{9}[A-Z]{2}$/);
    expect(after.events.filter((e) => e.type === "label_created")).toHaveLength(1);
    expect(after.events.filter((e) => e.type === "approved")).toHaveLength(1);

    const inShopify = await fetchReturn(graphql, after.shopifyReturnId!);
    expect(inShopify!.status).toBe("OPEN");
    const deliveries = inShopify!.reverseFulfillmentOrders.flatMap((r) => r.reverseDeliveries);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ id: after.reverseDeliveryId, trackingNumber: after.labelTrackingNumber });
    expect(deliveries[0]!.labelUrl).toMatch(new RegExp(`^https://crossdock\\.example\\.com/portal/${SHOP.replace(/\./g, "\\.")}/o/[^/]+/returns/${rma}/label\\?exp=\\d+&sig=`));

    // The tracking link Shopify holds opens the shop's tracking page for that number: progress only.
    expect(deliveries[0]!.trackingUrl).toBe(`https://crossdock.example.com/portal/${SHOP}/track/${after.labelTrackingNumber}`);
    const tracking = await call(trackingRoute.loader, new PortalBrowser().request(new URL(deliveries[0]!.trackingUrl!).pathname), { shop: SHOP, number: after.labelTrackingNumber! });
    expect(tracking.status).toBe(200);
    const trackingPage = await tracking.json();
    expect(trackingPage).toMatchObject({ trackingNumber: after.labelTrackingNumber, rma, carrier: "Crossdock Returns" });
    expect(trackingPage.steps.find((s: { key: string }) => s.key === "approved")?.state).toBe("current");
    expect(JSON.stringify(trackingPage)).not.toMatch(/mai@example\.com|Mai/);
    const unknownNumber = await call(trackingRoute.loader, new PortalBrowser().request(`/portal/${SHOP}/track/CD000000000US`), { shop: SHOP, number: "CD000000000US" });
    expect(unknownNumber.status).toBe(404);
    const otherShopNumber = await call(trackingRoute.loader, new PortalBrowser().request(`/portal/${OTHER}/track/${after.labelTrackingNumber}`), { shop: OTHER, number: after.labelTrackingNumber! });
    expect(otherShopNumber.status).toBe(404);

    // The status page links to the label; the link answers a PDF.
    const status = (await (await call(statusRoute.loader, new PortalBrowser().request(location), { shop: SHOP, token, rma })).json()) as ReturnStatusLoaderData;
    expect(status.steps.find((s) => s.key === "approved")?.state).toBe("current");
    expect(status.label?.href).toMatch(new RegExp(`^/portal/${SHOP.replace(/\./g, "\\.")}/o/${token}/returns/${rma}/label\\?exp=\\d+&sig=`));
    const statusMarkup = renderToStaticMarkup(createElement(ReturnStatusPage, { page: status }));
    expect(statusMarkup).toContain("Print label (PDF)");
    // The built-in sheet carries no postage: the page says so and names no carrier.
    expect(status.label).toMatchObject({ postagePaid: false, carrier: null });
    expect(statusMarkup).toContain("Postage is not included");
    expect(statusMarkup).not.toContain("hand it to the carrier");
    const pdf = await call(labelRoute.loader, new PortalBrowser().request(status.label!.href), { shop: SHOP, token, rma });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toBe(`inline; filename="${rma}.pdf"`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    // Regenerated deterministically: the same bytes every time.
    const again = new Uint8Array(await (await call(labelRoute.loader, new PortalBrowser().request(status.label!.href), { shop: SHOP, token, rma })).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    // The link Shopify holds works too.
    const shopifyLink = new URL(deliveries[0]!.labelUrl!);
    const shopifyToken = shopifyLink.pathname.split("/")[4]!;
    expect((await call(labelRoute.loader, new PortalBrowser().request(`${shopifyLink.pathname}${shopifyLink.search}`), { shop: SHOP, token: shopifyToken, rma })).status).toBe(200);

    // Through the app proxy: the status page links to the label on the shop's domain, and it opens.
    const proxied = await call(statusRoute.loader, new Request(`https://crossdock.example.com/proxy/portal/o/${token}/returns/${rma}?${proxyQuery(SHOP)}`), { token, rma });
    expect(proxied.status).toBe(200);
    const proxyLabel = ((await proxied.json()) as ReturnStatusLoaderData).label!.href;
    expect(proxyLabel).toMatch(new RegExp(`^/apps/crossdock/portal/o/${token}/returns/${rma}/label\\?exp=\\d+&sig=`));
    const signed = Object.fromEntries(new URL(proxyLabel, "https://shop.example").searchParams);
    const proxyPdf = await call(labelRoute.loader, new Request(`https://crossdock.example.com/proxy/portal/o/${token}/returns/${rma}/label?${proxyQuery(SHOP, { query: signed })}`), { token, rma });
    expect(proxyPdf.status).toBe(200);
    expect(proxyPdf.headers.get("Content-Type")).toBe("application/pdf");

    const tampered = status.label!.href.replace(/sig=([^&]+)/, (_m, sig: string) => `sig=${sig.slice(0, -2)}xy`);
    expect((await call(labelRoute.loader, new PortalBrowser().request(tampered), { shop: SHOP, token, rma })).status).toBe(403);
    const unsigned = status.label!.href.split("?")[0]!;
    expect((await call(labelRoute.loader, new PortalBrowser().request(unsigned), { shop: SHOP, token, rma })).status).toBe(403);
    const expired = `/portal/${SHOP}${signUrl(`/o/${token}/returns/${rma}/label`, 60, { scope: SHOP, now: new Date(Date.now() - 3600_000) })}`;
    const expiredAnswer = await call(labelRoute.loader, new PortalBrowser().request(expired), { shop: SHOP, token, rma });
    expect(expiredAnswer.status).toBe(403);
    expect(expiredAnswer.headers.get("Content-Type")).not.toContain("pdf");
  });

  it("self-ship: the shopper types the tracking of the parcel they send themselves; stored, in transit, sent to Shopify; bad input 4xx in their language, nothing written", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }, { sku: MUG, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const { rma, location } = await requestTwoItems(token);
    const stored = await prisma.returnRequest.findFirstOrThrow();
    expect((await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com" })).status).toBe("approved");

    const browser = new PortalBrowser();
    const opened = await call(statusRoute.loader, browser.request(`${location}?lang=vi`), { shop: SHOP, token, rma });
    browser.remember(opened);
    const page = (await opened.json()) as ReturnStatusLoaderData;
    expect(page.selfShip).toMatchObject({ trackingNumber: null, canEdit: true });
    const post = (fields: Record<string, string>, csrf = true) =>
      call(statusRoute.action, browser.request(`${location}?lang=vi`, { method: "POST", body: form({ ...fields, ...(csrf ? { [CSRF_FIELD]: page.selfShip!.csrfToken } : {}) }) }), { shop: SHOP, token, rma });

    expect((await post({ trackingNumber: "GHN123456VN", carrier: "" }, false)).status).toBe(403);
    for (const [fields, code] of [
      [{ trackingNumber: "12", carrier: "" }, "trackingInvalid"],
      [{ trackingNumber: "GHN\u0000123456", carrier: "" }, "trackingInvalid"],
      [{ trackingNumber: "9".repeat(5000), carrier: "" }, "trackingTooLong"],
      [{ trackingNumber: "", carrier: "GHN" }, "trackingRequired"],
    ] as const) {
      const refused = await post(fields);
      expect(refused.status, fields.trackingNumber.slice(0, 20)).toBe(422);
      expect(((await refused.json()) as { errors: Record<string, string> }).errors.trackingNumber).toBe(code);
    }
    const badCarrier = await post({ trackingNumber: "GHN123456VN", carrier: "G\u0000HN" });
    expect(badCarrier.status).toBe(422);
    const submitted = await badCarrier.json();
    expect(submitted.errors).toEqual({ carrier: "carrierInvalid" });
    const refusedMarkup = renderToStaticMarkup(createElement(ReturnStatusPage, { page, submitted }));
    expect(refusedMarkup).toContain("Tên hãng vận chuyển có ký tự không thể lưu");
    expect(await prisma.returnRequest.findFirstOrThrow()).toMatchObject({ status: "APPROVED", selfShipTrackingNumber: null, selfShipCarrier: null });

    const saved = await post({ trackingNumber: " ghn 123-456 vn ", carrier: "Giao Hàng Nhanh" });
    expect(saved.status).toBe(303);
    const after = await prisma.returnRequest.findFirstOrThrow({ include: { events: true } });
    expect(after).toMatchObject({ status: "IN_TRANSIT", selfShipTrackingNumber: "GHN123456VN", selfShipCarrier: "Giao Hàng Nhanh" });
    expect(after.events.filter((e) => e.type === "in_transit")).toHaveLength(1);
    // Shopify's reverse delivery now holds the shopper's number (its tracking input has no carrier name).
    const inShopify = await fetchReturn(graphql, after.shopifyReturnId!);
    expect(inShopify!.reverseFulfillmentOrders.flatMap((r) => r.reverseDeliveries)[0]).toMatchObject({ trackingNumber: "GHN123456VN" });
    const shown = (await (await call(statusRoute.loader, browser.request(`${location}?lang=vi`), { shop: SHOP, token, rma })).json()) as ReturnStatusLoaderData;
    expect(shown.selfShip).toMatchObject({ trackingNumber: "GHN123456VN", carrier: "Giao Hàng Nhanh", canEdit: true });
    expect(shown.steps.find((s) => s.key === "in_transit")?.state).toBe("current");
    // Typed again: corrected, no second step.
    expect((await post({ trackingNumber: "GHN654321VN", carrier: "Giao Hàng Nhanh" })).status).toBe(303);
    const corrected = await prisma.returnRequest.findFirstOrThrow({ include: { events: true } });
    expect(corrected).toMatchObject({ status: "IN_TRANSIT", selfShipTrackingNumber: "GHN654321VN" });
    expect(corrected.events.filter((e) => e.type === "in_transit")).toHaveLength(1);
    expect(corrected.events.filter((e) => e.type === "self_ship_tracking")).toHaveLength(1);
  });

  it("a carrier that sells no label leaves the return requested; the status page says why in the shopper's language", async () => {
    const { startEasyPostStandIn } = await import("../../../tools/easypost-stand-in");
    const { EasyPostLabelProvider } = await import("~/labels/easypost.server");
    const easypost = await startEasyPostStandIn();
    try {
      const labelProvider = new EasyPostLabelProvider({ apiKey: easypost.apiKey, baseUrl: easypost.baseUrl, serviceLevel: "standard", timeoutMs: 2_000 });
      const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }, { sku: MUG, quantity: 1 }]);
      const token = issueOrderAccessToken({ shopId: shop.id, orderId });
      const { rma, location } = await requestTwoItems(token);
      const stored = await prisma.returnRequest.findFirstOrThrow({ where: { rma } });
      easypost.failNext(1, "503");
      expect(await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com", labelProvider })).toMatchObject({ status: "carrier-error", problem: "unavailable" });
      expect(easypost.purchases()).toBe(0);
      const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id }, include: { events: true } });
      expect(after.status).toBe("REQUESTED");
      expect(after.events.filter((e) => e.type === "label_failed").map((e) => e.data)).toEqual([{ problem: "unavailable" }]);

      const status = (await (await call(statusRoute.loader, new PortalBrowser().request(location), { shop: SHOP, token, rma })).json()) as ReturnStatusLoaderData;
      expect(status.labelProblem).toBe("other");
      expect(renderToStaticMarkup(createElement(ReturnStatusPage, { page: status }))).toContain("the carrier didn&#x27;t answer properly");
      const vi = (await (await call(statusRoute.loader, new PortalBrowser().request(`${location}${location.includes("?") ? "&" : "?"}lang=vi`), { shop: SHOP, token, rma })).json()) as ReturnStatusLoaderData;
      expect(renderToStaticMarkup(createElement(ReturnStatusPage, { page: vi }))).toContain("hãng vận chuyển không phản hồi đúng cách");

      // The retry buys the label; the page no longer shows the problem.
      expect((await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com", labelProvider })).status).toBe("approved");
      expect(easypost.purchases()).toBe(1);
      const approved = (await (await call(statusRoute.loader, new PortalBrowser().request(location), { shop: SHOP, token, rma })).json()) as ReturnStatusLoaderData;
      expect(approved.labelProblem).toBeNull();
      expect(approved.label).toMatchObject({ postagePaid: true, carrier: "USPS" });
    } finally {
      await easypost.close();
    }
  });

  it("never issues a built-in tracking number another return of the shop carries; re-prints keep the issued number", async () => {
    const { findDefaultReturnLocation } = await import("~/models/returns.server");
    const { builtinTrackingNumber, isValidTrackingNumber } = await import("~/labels/tracking");
    const { downloadReturnLabel, defaultLabelProvider } = await import("~/services/download-return-label.server");
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }, { sku: MUG, quantity: 1 }]);
    const { rma } = await requestTwoItems(issueOrderAccessToken({ shopId: shop.id, orderId }));
    const stored = await prisma.returnRequest.findFirstOrThrow({ where: { rma } });
    const country = (await findDefaultReturnLocation(shop))!.countryCode;
    // An older return of the shop already carries the number this one would get first.
    const taken = builtinTrackingNumber(SHOP, rma, country);
    await prisma.returnRequest.create({ data: { shopId: shop.id, rma: "RMA-OLD-0001", orderId: "gid://shopify/Order/999999", orderName: "#999", status: "CLOSED", labelTrackingNumber: taken } });

    expect((await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com" })).status).toBe("approved");
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after.labelTrackingNumber).not.toBe(taken);
    expect(after.labelTrackingNumber).toBe(builtinTrackingNumber(SHOP, rma, country, 1));
    expect(isValidTrackingNumber(after.labelTrackingNumber!)).toBe(true);
    const inShopify = await fetchReturn(graphql, after.shopifyReturnId!);
    expect(inShopify!.reverseFulfillmentOrders.flatMap((r) => r.reverseDeliveries).map((d) => d.trackingNumber)).toEqual([after.labelTrackingNumber]);
    const tracking = await call(trackingRoute.loader, new PortalBrowser().request(`/portal/${SHOP}/track/${after.labelTrackingNumber}`), { shop: SHOP, number: after.labelTrackingNumber! });
    expect(await tracking.json()).toMatchObject({ rma });

    // The re-printed label carries the stored number, not a recomputed first candidate.
    const printed: (string | undefined)[] = [];
    const real = defaultLabelProvider();
    const spy = { carrier: real.carrier, createReturnLabel: (input: Parameters<typeof real.createReturnLabel>[0]) => (printed.push(input.trackingNumber), real.createReturnLabel(input)) };
    const pdf = await downloadReturnLabel({ shop, graphql, orderId, rma, labelProvider: spy });
    expect(pdf.status).toBe("ok");
    expect(printed).toEqual([after.labelTrackingNumber]);
  });

  it("declining records Shopify's reason and the merchant's note, shown on the status page; twice changes nothing", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const { answer } = await submit(token, (p) => merge(pick(p.eligible[0]!, 1, "UNWANTED"), { method: "MAIL" }));
    expect(answer.status).toBe(303);
    const stored = await prisma.returnRequest.findFirstOrThrow();
    const note = "Worn items can't be returned.";
    expect((await declineReturn({ shop, graphql, returnId: stored.id, reason: "OTHER", note, actor: "staff@example.com" })).status).toBe("declined");
    expect((await declineReturn({ shop, graphql, returnId: stored.id, reason: "OTHER", note, actor: "staff@example.com" })).status).toBe("unchanged");
    expect((await approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com" })).status).toBe("conflict");
    const inShopify = await fetchReturn(graphql, stored.shopifyReturnId!);
    expect(inShopify).toMatchObject({ status: "DECLINED", decline: { reason: "OTHER", note } });
    expect(await prisma.returnEvent.count({ where: { type: "declined" } })).toBe(1);

    const status = (await (await call(statusRoute.loader, new PortalBrowser().request(answer.headers.get("Location")!), { shop: SHOP, token, rma: stored.rma })).json()) as ReturnStatusLoaderData;
    expect(status.decline).toEqual({ reason: "OTHER", note });
    expect(status.steps.map((s) => [s.key, s.state])).toEqual([["requested", "done"], ["declined", "current"]]);
    expect(renderToStaticMarkup(createElement(ReturnStatusPage, { page: status }))).toContain(note.replace("'", "&#x27;"));
  });
});

describe("approving concurrently", () => {
  it("two approvals at once: one proceeds, the other changes nothing; one reverse delivery", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }, { sku: MUG, quantity: 1 }]);
    await requestTwoItems(issueOrderAccessToken({ shopId: shop.id, orderId }));
    const stored = await prisma.returnRequest.findFirstOrThrow();
    const results = await Promise.all([1, 2].map(() => approveReturn({ shop, graphql, returnId: stored.id, actor: "staff@example.com" })));
    expect(results.map((r) => r.status).sort()).toEqual(["approved", "conflict"]);
    const inShopify = await fetchReturn(graphql, stored.shopifyReturnId!);
    expect(inShopify!.reverseFulfillmentOrders.flatMap((r) => r.reverseDeliveries)).toHaveLength(1);
    expect(await prisma.returnEvent.count({ where: { type: "label_created" } })).toBe(1);
  });
});

describe("translations of the returns namespace", () => {
  it("every locale has every key of the English one, translated", async () => {
    const { loadedResources } = await import("~/portal/i18n");
    const resources = loadedResources();
    const keys = (o: Record<string, unknown>, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const get = (o: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o);
    const en = resources.en!.returns!;
    for (const lng of ["vi", "zh-CN"]) {
      const other = resources[lng]!.returns!;
      expect(keys(other).sort(), lng).toEqual(keys(en).sort());
      // A text with no letters outside its placeholders ("{{quantity}} × {{title}}") has nothing to translate.
      const wordless = (text: string) => !/\p{L}/u.test(text.replace(/\{\{[^}]+\}\}/g, ""));
      const same = keys(en).filter((k) => get(en, k) === get(other, k) && !wordless(String(get(en, k))));
      expect(same, `${lng}: untranslated`).toEqual([]);
    }
  });
});

describe("isolation and compliance", () => {
  it("another shop's portal never reaches this shop's return", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 1 }]);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId });
    const { answer } = await submit(token, (p) => merge(pick(p.eligible[0]!, 1), { method: "MAIL" }));
    const stored = await prisma.returnRequest.findFirstOrThrow();
    const otherShop = (await prisma.shop.findUniqueOrThrow({ where: { domain: OTHER } }))!;
    expect(answer.status).toBe(303);

    // This shop's token through the other shop's portal: the token is bound to its shop.
    const foreign = await call(statusRoute.loader, new PortalBrowser().request(path(OTHER, token, `/returns/${stored.rma}`)), { shop: OTHER, token, rma: stored.rma });
    expect(foreign.status).toBe(403);
    // A valid token of the other shop for the same order id: the RMA is not the other shop's.
    const otherToken = issueOrderAccessToken({ shopId: otherShop.id, orderId });
    const missing = await call(statusRoute.loader, new PortalBrowser().request(path(OTHER, otherToken, `/returns/${stored.rma}`)), { shop: OTHER, token: otherToken, rma: stored.rma });
    expect(missing.status).toBe(404);
    // Another order's token of this shop does not open it either.
    const otherOrder = await deliveredOrder([{ sku: MUG, quantity: 1 }]);
    const wrongOrder = issueOrderAccessToken({ shopId: shop.id, orderId: otherOrder });
    expect((await call(statusRoute.loader, new PortalBrowser().request(path(SHOP, wrongOrder, `/returns/${stored.rma}`)), { shop: SHOP, token: wrongOrder, rma: stored.rma })).status).toBe(404);
  });

  it("customers/data_request exports the shopper's returns and emails; customers/redact erases their personal data and keeps the record", async () => {
    const orderId = await deliveredOrder([{ sku: TEE, quantity: 2 }, { sku: MUG, quantity: 1 }]);
    const { rma } = await requestTwoItems(issueOrderAccessToken({ shopId: shop.id, orderId }));
    const before = await prisma.returnRequest.findFirstOrThrow({ include: { lines: true } });
    expect(before.customerEmail).toBe("mai@example.com");
    expect(before.lines.some((l) => l.customerNote === "Quá chật")).toBe(true);
    // "We received your request": let the in-process job send it (PENDING → OUTBOX) first, so that
    // the status compared after the redaction is not changed by the job in between.
    let sent = await prisma.emailMessage.findFirstOrThrow();
    for (let i = 0; sent.status === "PENDING" && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      sent = await prisma.emailMessage.findFirstOrThrow();
    }
    expect(sent.status).toBe("OUTBOX");
    expect(sent).toMatchObject({ kind: "return-requested", to: "mai@example.com" });

    // The tracking number and carrier the shopper typed for a parcel they sent themselves are theirs too.
    await prisma.returnRequest.update({ where: { id: before.id }, data: { selfShipTrackingNumber: "GHN123456VN", selfShipCarrier: "Giao Hàng Nhanh" } });

    const exported = await exportCustomerData({ shop: SHOP, customerId: before.customerId!, email: "mai@example.com", phone: null, orderIds: [], requestId: "dr-1" });
    const data = exported!.data as { returns: { rma: string; sentYourself: unknown; lines: { note: string | null }[] }[]; emails: { subject: string }[] };
    expect(data.returns.map((r) => r.rma)).toEqual([rma]);
    expect(data.returns[0]!.sentYourself).toEqual({ carrier: "Giao Hàng Nhanh", trackingNumber: "GHN123456VN" });
    expect(data.returns[0]!.lines.map((l) => l.note)).toContain("Quá chật");
    expect(data.emails.map((m) => m.subject)).toEqual([sent.subject]);

    const result = await redactCustomer({
      shop: SHOP,
      customerLegacyId: before.customerId!.split("/").pop()!,
      email: "mai@example.com",
      phone: null,
      orderLegacyIds: [orderId.split("/").pop()!],
    });
    expect(result.returns).toBe(1);
    expect(result.emails).toBe(1);
    const email = await prisma.emailMessage.findFirstOrThrow();
    expect(email).toMatchObject({ kind: "return-requested", status: sent.status, html: "", text: "" });
    expect(JSON.stringify(email)).not.toMatch(/mai/i);
    const after = await prisma.returnRequest.findFirstOrThrow({ include: { lines: true } });
    expect(after).toMatchObject({ rma, status: "REQUESTED", customerId: null, customerEmail: null, customerName: null, selfShipTrackingNumber: null, selfShipCarrier: null });
    expect(after.lines).toHaveLength(2);
    expect(after.lines.every((l) => l.customerNote === null)).toBe(true);
    expect(after.totalValue.toFixed(2)).toBe(before.totalValue.toFixed(2));
  });
});
