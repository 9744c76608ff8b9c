import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltStack, type Stack } from "../support/built-stack";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";
import { postControl } from "../support/stack-control";
import { decodePdfBarcodes } from "../support/pdf";

// A Vietnamese shopper's mail return gets Giao Hàng Nhanh's label, in Chromium against one demo stack
// with the GHN stand-in: the shopper asks for the return in the portal (in Vietnamese); GHN fails the
// first approval on the desk (a 500), and staff read why on the return's page while the shopper's page
// says the label is not ready, with nothing created at GHN; the second approval creates one GHN order,
// whose code is the tracking number and the barcode of the PDF behind 'Print label'. The status page
// in en, vi and zh-CN at 390 and 1280 px. Then GHN's callbacks (picked, delivered) reach the app's
// webhook and the shopper's page shows the parcel on its way back, then delivered.
const DAY = 86_400_000;

let stack: Stack;
let browser: Browser;
let page: Page;

/** A paid order to Quận 3, Hồ Chí Minh, delivered two days ago: one returnable tee. */
async function deliveredVietnameseOrder(email: string): Promise<{ id: string; name: string }> {
  const { buildDemoShop } = await import("../../simulator/seed/demo-shop");
  const tee = buildDemoShop().products.find((p) => p.status === "ACTIVE" && p.tags.includes("basics") && !p.tags.includes("final-sale"))!.variants[0]!.sku;
  const shippingAddress = {
    firstName: "Mai",
    lastName: "Nguyễn Thị",
    address1: "118 Nguyễn Đình Chiểu",
    address2: "Phường Võ Thị Sáu, Quận 3",
    city: "Hồ Chí Minh",
    province: "Hồ Chí Minh",
    provinceCode: "SG",
    zip: "70000",
    country: "Vietnam",
    countryCode: "VN",
    phone: "+84 90 123 4567",
    latitude: 10.78,
    longitude: 106.688,
  };
  const created = (await postControl(stack, "/orders", { lines: [{ sku: tee, quantity: 1 }], email, customer: { email, firstName: "Mai", lastName: "Nguyễn Thị", locale: "vi" }, shippingAddress, financialStatus: "PAID" })) as {
    order: { id: string; name: string };
  };
  const shipped = (await postControl(stack, "/fulfillments", { orderId: created.order.id, tracking: { company: "GHN", number: "GHNOUT01" } })) as { fulfillments: { id: string }[] };
  for (const f of shipped.fulfillments) await postControl(stack, `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 2 * DAY).toISOString() });
  return created.order;
}

async function screenshots(name: string, widths: readonly number[] = [390, 1280]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `.cache/screenshots/${name}-${width}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL, ghn: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultNavigationTimeout(90_000);
  // Signs the staff member in (and installs the demo shop: session, locations).
  await page.goto(`${stack.appUrl}/demo/login`);
  await page.waitForURL(/\/app\?/, { timeout: 60_000 });
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("GHN labels for Vietnamese mail returns", () => {
  it("a carrier error is explained to staff and shopper with nothing created; the retry gets GHN's label", async () => {
    const ghn = stack.ghn!;
    const email = "mai.ghn@example.com";
    const order = await deliveredVietnameseOrder(email);

    // The shopper asks for the return in Vietnamese.
    await page.goto(`${stack.appUrl}/portal/${stack.shop}?lang=vi`);
    await page.getByLabel("Mã đơn hàng").fill(order.name);
    await page.getByLabel("Email hoặc số điện thoại").fill(email);
    await Promise.all([page.waitForURL(/\/o\/[A-Za-z0-9_.-]+/), page.getByRole("button", { name: "Tìm đơn hàng" }).click()]);
    await Promise.all([page.waitForURL(/\/return(\?|$)/), page.getByRole("link", { name: "Trả hàng" }).click()]);
    const item = page.locator("form li[data-item]").first();
    await item.getByRole("checkbox").check();
    await item.getByLabel("Lý do").selectOption({ label: "Kích cỡ quá nhỏ" });
    await page.getByRole("radio", { name: "Gửi qua bưu điện bằng nhãn in sẵn" }).check();
    await Promise.all([page.waitForURL(/\/returns\/RMA-/), page.getByRole("button", { name: "Gửi yêu cầu trả hàng" }).click()]);
    const statusUrl = page.url().split("?")[0]!;
    const rma = decodeURIComponent(new URL(statusUrl).pathname.split("/returns/")[1]!);

    // Staff approve on the desk; GHN answers 500: the desk says so, nothing is created at GHN.
    const { prisma } = await import("~/db.server");
    const stored = await prisma.returnRequest.findFirstOrThrow({ where: { rma } });
    ghn.failNext(1, "500", { step: "create" });
    await page.goto(`${stack.appUrl}/app/returns/${stored.id}`);
    await page.getByRole("button", { name: "Approve and send label" }).click();
    await visible(page.getByText("The carrier is not answering properly right now, so no label was bought and the return is still requested.", { exact: false }), 60_000);
    expect(ghn.created()).toBe(0);
    expect((await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe("REQUESTED");
    await screenshots("desk-ghn-carrier-error", [1280]);

    // The shopper's page says the label is not ready and that nothing is asked of them.
    await page.goto(`${statusUrl}?lang=vi`);
    await visible(page.getByText("Chưa tạo được nhãn trả hàng vì hãng vận chuyển không phản hồi đúng cách.", { exact: false }));
    await screenshots("portal-ghn-carrier-error-vi");

    // The second approval creates one GHN order.
    await page.goto(`${stack.appUrl}/app/returns/${stored.id}`);
    await page.getByRole("button", { name: "Approve and send label" }).click();
    await expect.poll(async () => (await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } })).status, { timeout: 60_000 }).toBe("APPROVED");
    expect(ghn.created()).toBe(1);
    const ghnOrder = ghn.orders()[0]!;
    expect(await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ labelCarrier: "GHN", labelTrackingNumber: ghnOrder.order_code });

    // The shopper's page: approved, GHN's code, and the label, in each language.
    for (const [lang, approved, print] of [
      ["vi", "Đã duyệt", "In nhãn (PDF)"],
      ["en", "Approved", "Print label (PDF)"],
      ["zh-CN", "已批准", "打印面单（PDF）"],
    ] as const) {
      await page.goto(`${statusUrl}?lang=${lang}`);
      await visible(page.getByText(approved, { exact: true }));
      await visible(page.getByText(ghnOrder.order_code, { exact: false }).first());
      await visible(page.getByRole("link", { name: print }));
      await screenshots(`portal-ghn-approved-${lang}`);
    }
    const href = await page.getByRole("link", { name: "打印面单（PDF）" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, stack.appUrl).toString());
    expect(response.status()).toBe(200);
    const pdf = new Uint8Array(await response.body());
    // GHN's own A5 label: its barcode scans to GHN's order code.
    expect(await decodePdfBarcodes(pdf, "CODE_128")).toEqual([{ page: 1, text: ghnOrder.order_code }]);
    expect(ghn.created()).toBe(1);

    // GHN's callbacks reach the app's webhook: picked up → on its way back, then delivered.
    expect(await ghn.advance(ghnOrder.order_code, "picked")).toBe(200);
    expect((await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe("IN_TRANSIT");
    expect(await ghn.advance(ghnOrder.order_code, "delivered")).toBe(200);
    await page.goto(`${statusUrl}?lang=en`);
    await visible(page.locator(".portal-timeline li", { hasText: "On its way back" }));
    await visible(page.locator(".portal-timeline li", { hasText: "Delivered" }));
    expect((await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe("DELIVERED");
    await screenshots("portal-ghn-delivered-en", [390]);
  }, 300_000);
});
