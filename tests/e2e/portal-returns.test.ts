import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_API_SECRET, startBuiltStack, type Stack } from "../support/built-stack";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";
import { postControl } from "../support/stack-control";
import { decodePdfBarcodes, extractPdfText } from "../support/pdf";

// Self-service returns in Debian's Chromium against the demo stack: look up an order with the
// portal's form, request a return of two items by mail, approve it as staff would (the approve use
// case), reload the status page, download the label from its 'Print label' link and read it: the
// RMA, the shopper's and the return location's addresses, a Code 128 barcode that decodes to the
// RMA. Then the same flow in Vietnamese. No page ships JavaScript; axe finds nothing serious.
const AXE = readFileSync(join(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
const DAY = 86_400_000;

let stack: Stack;
let browser: Browser;
let token = "";

interface Address {
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  zip: string;
  country: string;
  countryCode: string;
  latitude: number;
  longitude: number;
}

const control = (path: string, body: unknown) => postControl(stack, path, body);

async function adminGraphql(query: string, options?: { variables?: Record<string, unknown> }) {
  return fetch(`${stack.simulator.url}/shops/${stack.shop}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables: options?.variables }),
  });
}

/** Two returnable items (not final sale, in stock in the demo shop), shipped and delivered two days ago. */
async function deliveredOrder(email: string, address: Address): Promise<{ id: string; name: string }> {
  const { buildDemoShop } = await import("../../simulator/seed/demo-shop");
  const products = buildDemoShop().products.filter((p) => p.status === "ACTIVE" && !p.tags.includes("final-sale") && !p.tags.includes("gift"));
  const skus = [products.find((p) => p.tags.includes("basics"))!, products.find((p) => p.tags.includes("ceramics"))!].map((p) => p.variants[0]!.sku);
  const created = (await control("/orders", {
    lines: [{ sku: skus[0], quantity: 2 }, { sku: skus[1], quantity: 1 }],
    email,
    customer: { email, firstName: address.firstName, lastName: address.lastName },
    shippingAddress: address,
    financialStatus: "PAID",
  })) as { order: { id: string; name: string } };
  const shipped = (await control("/fulfillments", { orderId: created.order.id, tracking: { company: "VNPost", number: "EE987654321VN", url: "https://vnpost.vn/track/EE987654321VN" } })) as { fulfillments: { id: string }[] };
  for (const f of shipped.fulfillments) await control(`/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 2 * DAY).toISOString() });
  return created.order;
}

async function expectAccessible(page: Page, what: string) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical"), what).toEqual([]);
}

async function noScripts(page: Page) {
  expect(await page.locator("script").count()).toBe(0);
}

beforeAll(async () => {
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL });
  // The services run in this process too (the approve use case, as the returns admin will call it):
  // the same configuration as the app process (demo credentials, its URL, the demo portal secret).
  Object.assign(process.env, { SHOPIFY_API_KEY: DEMO_API_KEY, SHOPIFY_API_SECRET: DEMO_API_SECRET, SHOPIFY_APP_URL: stack.appUrl });
  browser = await launchBrowser();
  // The storefront harness installs the demo shop (session, locations) on its first page.
  expect((await fetch(`${stack.appUrl}/demo/storefront/`)).status).toBe(200);
  const { prisma } = await import("~/db.server");
  token = (await prisma.session.findUniqueOrThrow({ where: { id: `offline_${stack.shop}` } })).accessToken;
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface Flow {
  lang: "en" | "vi";
  email: string;
  address: Address;
  text: {
    lookupNumber: string;
    lookupContact: string;
    lookupSubmit: string;
    startReturn: string;
    quantity: string;
    reason: string;
    tooSmall: string;
    defective: string;
    mail: string;
    submit: string;
    title: (rma: string) => string;
    requested: string;
    approved: string;
    printLabel: string;
    selfShip: string;
    selfShipCarrier: string;
    selfShipNumber: string;
    selfShipSave: string;
    selfShipInvalid: string;
    inTransit: string;
    delivered: string;
  };
}

async function runFlow(flow: Flow) {
  const order = await deliveredOrder(flow.email, flow.address);
  const page = await browser.context.newPage();
  try {
    const query = flow.lang === "en" ? "" : `?lang=${flow.lang}`;
    // Look up the order with the portal's own form.
    await page.goto(`${stack.appUrl}/portal/${stack.shop}${query}`);
    await page.getByLabel(flow.text.lookupNumber).fill(order.name);
    await page.getByLabel(flow.text.lookupContact).fill(flow.email);
    await Promise.all([page.waitForURL(/\/o\/[A-Za-z0-9_.-]+/), page.getByRole("button", { name: flow.text.lookupSubmit }).click()]);

    // The tracking page links to the return form.
    await Promise.all([page.waitForURL(/\/return(\?|$)/), page.getByRole("link", { name: flow.text.startReturn }).click()]);
    await noScripts(page);
    await expectAccessible(page, `${flow.lang} return form`);
    const items = page.locator("form li[data-item]");
    expect(await items.count()).toBe(2);
    const first = items.nth(0);
    await first.getByRole("checkbox").check();
    await first.getByLabel(flow.text.reason).selectOption({ label: flow.text.tooSmall });
    const second = items.nth(1);
    await second.getByRole("checkbox").check();
    await second.getByLabel(flow.text.reason).selectOption({ label: flow.text.defective });
    await first.getByLabel(flow.text.quantity).selectOption("2");
    await page.getByRole("radio", { name: flow.text.mail }).check();
    await Promise.all([page.waitForURL(/\/returns\/RMA-/), page.getByRole("button", { name: flow.text.submit }).click()]);

    const rma = decodeURIComponent(new URL(page.url()).pathname.split("/returns/")[1]!);
    expect(rma).toMatch(/^RMA-/);
    await visible(page.getByRole("heading", { level: 1, name: flow.text.title(rma) }));
    await visible(page.getByText(flow.text.requested, { exact: true }));
    await noScripts(page);
    await expectAccessible(page, `${flow.lang} return status (requested)`);

    // Staff approve it (the use case the returns admin calls).
    const { prisma } = await import("~/db.server");
    const { approveReturn } = await import("~/services/approve-return.server");
    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: stack.shop } });
    const stored = await prisma.returnRequest.findFirstOrThrow({ where: { shopId: shop.id, rma }, include: { lines: true } });
    expect(stored.lines.map((l) => l.reason).sort()).toEqual(["DEFECTIVE", "SIZE_TOO_SMALL"]);
    const approved = await approveReturn({ shop, graphql: adminGraphql, returnId: stored.id, actor: "staff@example.com" });
    expect(approved.status).toBe("approved");

    await page.reload();
    await visible(page.getByText(flow.text.approved, { exact: true }));
    const link = page.getByRole("link", { name: flow.text.printLabel });
    await visible(link);
    // No carrier is configured here: the built-in sheet, and the page says postage is not included.
    await visible(page.getByText(flow.text.selfShip, { exact: false }));
    await expectAccessible(page, `${flow.lang} return status (approved)`);
    // The steps read off the lifecycle table: no "in transit" promised (nothing reports it yet).
    expect(await page.locator(".portal-timeline li").count()).toBe(4);
    for (const [width, name] of [[390, "390"], [1280, "desktop"]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `.cache/screenshots/portal-return-approved-${flow.lang}-${name}.png`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/\/label\?.*exp=\d+.*sig=/);

    const response = await page.request.get(new URL(href!, stack.appUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = new Uint8Array(await response.body());
    const text = (await extractPdfText(pdf)).map((p) => p.text).join("\n");
    expect(text).toContain(rma);
    // The sender (the shopper) and the return address (the location the return goes to).
    expect(text).toContain(flow.address.address1);
    expect(text).toContain(flow.address.city);
    const location = await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, shopifyId: (await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } })).returnLocationId! } });
    expect(text).toContain(location.name);
    expect(text).toContain(location.address1!);
    const barcodes = await decodePdfBarcodes(pdf, "CODE_128");
    expect(barcodes.map((b) => b.text)).toContain(rma);

    // A tampered link is refused.
    const tampered = await page.request.get(new URL(href!.replace(/sig=([^&]+)/, "sig=AAAA"), stack.appUrl).toString());
    expect(tampered.status()).toBe(403);

    // Sent with a carrier of their choice: the shopper types its tracking number (a bad one first).
    await page.getByLabel(flow.text.selfShipNumber, { exact: true }).fill("12");
    await page.getByRole("button", { name: flow.text.selfShipSave }).click();
    await visible(page.getByRole("alert").filter({ hasText: flow.text.selfShipInvalid }));
    await page.getByLabel(flow.text.selfShipCarrier, { exact: true }).fill("Giao Hàng Nhanh");
    await page.getByLabel(flow.text.selfShipNumber, { exact: true }).fill("ghn 123-456 vn");
    await page.getByRole("button", { name: flow.text.selfShipSave }).click();
    await visible(page.locator("[data-self-ship-tracking]").filter({ hasText: "GHN123456VN (Giao Hàng Nhanh)" }));
    await visible(page.locator(".portal-timeline li").filter({ hasText: flow.text.inTransit }));
    // The carrier then reports the parcel delivered (the use case every carrier's tracking goes through).
    const { recordCarrierTracking } = await import("~/services/record-carrier-tracking.server");
    const tracked = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } });
    expect(await recordCarrierTracking({ shop: stack.shop, carrier: "GHN", trackingNumber: tracked.labelTrackingNumber!, status: "delivered", at: new Date(), message: null, eventId: `e2e-${rma}` })).toMatchObject({ from: "IN_TRANSIT", to: "DELIVERED" });
    await page.reload();
    await visible(page.locator(".portal-timeline li").filter({ hasText: flow.text.delivered }));
    for (const [width, name] of [[390, "390"], [1280, "desktop"]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `.cache/screenshots/portal-return-self-ship-delivered-${flow.lang}-${name}.png`);
    }
  } finally {
    await page.close();
  }
}

describe("self-service returns in the portal", () => {
  it("requests a two-item mail return, sees it approved and prints the label", async () => {
    await runFlow({
      lang: "en",
      email: "ada.returns@example.com",
      address: { firstName: "Ada", lastName: "Lee", address1: "1 Market St", city: "San Francisco", zip: "94105", country: "United States", countryCode: "US", latitude: 37.7936, longitude: -122.3958 },
      text: {
        lookupNumber: "Order number",
        lookupContact: "Email or phone number",
        lookupSubmit: "Find my order",
        startReturn: "Return items",
        quantity: "Quantity",
        reason: "Reason",
        tooSmall: "Too small",
        defective: "Damaged or defective",
        mail: "By mail with a printable label",
        submit: "Request return",
        title: (rma) => `Return ${rma}`,
        requested: "Requested",
        approved: "Approved",
        printLabel: "Print label (PDF)",
        selfShip: "Postage is not included.",
        selfShipCarrier: "Carrier (optional)",
        selfShipNumber: "Tracking number",
        selfShipSave: "Save tracking number",
        selfShipInvalid: "A tracking number has at least 4 letters or digits",
        inTransit: "On its way back",
        delivered: "Delivered",
      },
    });
  }, 180_000);

  it("the same flow in Vietnamese", async () => {
    await runFlow({
      lang: "vi",
      email: "mai.tra-hang@example.com",
      address: { firstName: "Nguyễn Thị", lastName: "Mai", address1: "12 Lê Lợi", city: "Quận 1, Thành phố Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.7769, longitude: 106.7009 },
      text: {
        lookupNumber: "Mã đơn hàng",
        lookupContact: "Email hoặc số điện thoại",
        lookupSubmit: "Tìm đơn hàng",
        startReturn: "Trả hàng",
        quantity: "Số lượng",
        reason: "Lý do",
        tooSmall: "Kích cỡ quá nhỏ",
        defective: "Bị hỏng hoặc lỗi",
        mail: "Gửi qua bưu điện bằng nhãn in sẵn",
        submit: "Gửi yêu cầu trả hàng",
        title: (rma) => `Yêu cầu trả hàng ${rma}`,
        requested: "Đã gửi yêu cầu",
        approved: "Đã duyệt",
        printLabel: "In nhãn (PDF)",
        selfShip: "Phí gửi hàng chưa được trả trước.",
        selfShipCarrier: "Hãng vận chuyển (không bắt buộc)",
        selfShipNumber: "Mã vận đơn",
        selfShipSave: "Lưu mã vận đơn",
        selfShipInvalid: "Mã vận đơn gồm ít nhất 4 chữ cái hoặc chữ số",
        inTransit: "Đang gửi trả",
        delivered: "Đã giao đến cửa hàng",
      },
    });
  }, 180_000);
});
