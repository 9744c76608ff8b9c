// The Emails page in a real browser (Debian's Chromium) on the demo stack: a return email made by
// the real use cases (rendered, stored, settled in the outbox) is listed, and opens with its HTML in
// a sandboxed iframe (a script in the message does not run) and its text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { outboxProvider } from "~/email/outbox-provider.server";
import type { JobDriver } from "~/queue/driver";
import { createEmailMessageOnce } from "~/models/email-messages.server";
import { enqueueReturnEmail } from "~/services/enqueue-email.server";
import { sendEmail } from "~/services/send-email.server";
import { startBuiltStack, type Stack } from "../../support/built-stack";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { launchBrowser, visible, type Browser, screenshot } from "../../support/browser";
import { postControl } from "../../support/stack-control";
import { createReturn } from "./support";

const now = new Date("2026-11-20T12:00:00Z");
const seed = buildDemoShop({ now });
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const noQueue = { enqueueEmail: async () => undefined } as unknown as JobDriver;

describe("Emails in the admin", () => {
  it("lists the outbox and shows a message sandboxed", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole("button", { name: "Open the demo admin" }).click();
    await page.waitForURL(/\/app\?/, { timeout: 90_000 });

    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: seed.shop.domain } });
    await prisma.shopSettings.update({ where: { shopId: shop.id }, data: { portalBrandName: "Crossdock Demo Store", portalBrandColor: "#8a2be2" } });
    const ret = await createReturn(shop.id, { locale: "zh-CN", method: "MAIL" });
    const queued = await enqueueReturnEmail(shop, { returnId: ret.id, kind: "return-approved", labelUrl: "https://example.com/label.pdf" }, { driver: noQueue });
    if (!("message" in queued)) throw new Error(queued.status);
    expect(await sendEmail({ shopId: shop.id, messageId: queued.message.id }, { provider: outboxProvider(), maxAttempts: 3 })).toEqual({ outcome: "outbox" });
    // A hostile body: the preview must not run it.
    const { message: hostile } = await createEmailMessageOnce(shop, {
      idempotencyKey: "test:hostile",
      kind: "return-declined",
      locale: "en",
      to: "mallory@example.com",
      subject: "Hostile body",
      html: `<p id="body">Hostile</p><script>document.getElementById("body").textContent = "script ran"; parent.document.title = "pwned";</script>`,
      text: "Hostile",
    });
    await prisma.emailMessage.update({ where: { id: hostile.id }, data: { status: "OUTBOX", sentAt: new Date() } });

    await page.getByRole("link", { name: "Emails", exact: true }).click();
    await page.waitForURL(/\/app\/emails/, { timeout: 90_000 });
    await visible(page.getByText("Emails are kept here, not sent"), 60_000);
    const table = page.getByRole("table");
    await visible(table.getByText("linh@example.com"));
    await visible(table.getByText("Return approved"));
    await visible(table.getByText("简体中文"));
    await visible(table.getByText("In outbox").first());
    await screenshot(page, ".cache/e2e-emails.png");

    await table.getByText("linh@example.com").click();
    await page.waitForURL(new RegExp(`/app/emails/${queued.message.id}`), { timeout: 60_000 });
    await visible(page.getByRole("heading", { name: `您的退货申请 ${ret.rma} 已通过` }), 60_000);
    const preview = page.frameLocator("iframe[title^='Preview of']");
    await visible(preview.getByRole("link", { name: "下载退货面单" }), 30_000);
    await visible(preview.getByText("Crossdock Demo Store").first());
    await visible(page.getByText("https://example.com/label.pdf"));
    expect(await page.locator("iframe[title^='Preview of']").getAttribute("sandbox")).toBe("");
    await screenshot(page, ".cache/e2e-email-detail.png");

    await page.goto(`${stack.appUrl}/app/emails/${hostile.id}`);
    const hostilePreview = page.frameLocator("iframe[title^='Preview of']");
    await visible(hostilePreview.getByText("Hostile", { exact: true }), 60_000);
    await page.waitForTimeout(300);
    expect(await hostilePreview.getByText("script ran").count()).toBe(0);
    expect(await page.title()).not.toBe("pwned");

    // In the staff member's language (Shopify admin's locale), and a stacked list at phone width.
    for (const [lang, words] of [
      ["zh-CN", { title: "邮件", outbox: "邮件保存在这里，未发送", status: "发件箱中", kind: "退货已批准", details: "详情" }],
      ["vi", { title: "Email", outbox: "Email được giữ lại ở đây, không gửi đi", status: "Trong hộp thư đi", kind: "Yêu cầu trả hàng được chấp thuận", details: "Chi tiết" }],
    ] as const) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        await page.goto(`${stack.appUrl}/app/emails?locale=${lang}`);
        await visible(page.getByRole("heading", { name: words.title, level: 1 }), 60_000);
        await visible(page.getByText(words.outbox));
        await visible(page.getByText(words.status).first());
        await visible(page.getByText(words.kind).first());
        expect(await page.locator("main").textContent()).not.toMatch(/In outbox|Recipient|return-approved/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await screenshot(page, `.cache/e2e-emails-${lang}-${width}.png`);
      }
      await page.goto(`${stack.appUrl}/app/emails/${queued.message.id}?locale=${lang}`);
      await visible(page.getByRole("heading", { name: words.details }), 60_000);
      await screenshot(page, `.cache/e2e-email-detail-${lang}.png`);
    }
  }, 300_000);

  it("shows a shipment email the demo made from a carrier's DELAYED scan: in the shopper's language, with the carrier's message and tracking link, and the staff alert", async () => {
    // Through the whole demo stack: the simulated carrier's scan → fulfillment_events/create to the
    // app → the in-process job → the outbox.
    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: seed.shop.domain } });
    await prisma.shop.update({ where: { id: shop.id }, data: { email: "ops@crossdock-demo.example" } });
    const email = "mai.pham@example.vn";
    const placed = (await postControl(stack, "/orders", {
      lines: [{ sku: seed.products[0]!.variants[0]!.sku, quantity: 1 }],
      email,
      customer: { email, firstName: "Mai", lastName: "Phạm", locale: "vi" },
      shippingAddress: { firstName: "Mai", lastName: "Phạm", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.77, longitude: 106.7 },
      financialStatus: "PAID",
    })) as { order: { id: string; name: string } };
    const tracking = { company: "Viettel Post", number: "VTP9988776655VN", url: "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?code=VTP9988776655VN" };
    const shipped = (await postControl(stack, "/fulfillments", { orderId: placed.order.id, tracking })) as { fulfillments: { id: string }[] };
    const message = "Chuyến bay bị hoãn do thời tiết, kiện hàng sẽ đến chậm 1 ngày";
    await postControl(stack, `/fulfillments/${encodeURIComponent(shipped.fulfillments[0]!.id)}/events`, { status: "DELAYED", message });
    const deadline = Date.now() + 60_000;
    let rows = await prisma.emailMessage.findMany({ where: { shopId: shop.id, kind: { startsWith: "shipment" } } });
    while ((rows.length < 2 || rows.some((r) => r.status !== "OUTBOX")) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      rows = await prisma.emailMessage.findMany({ where: { shopId: shop.id, kind: { startsWith: "shipment" } } });
    }
    const shopper = rows.find((r) => r.kind === "shipment-delayed");
    const alert = rows.find((r) => r.kind === "shipment-alert-delayed");
    expect(rows).toHaveLength(2);
    expect(shopper).toMatchObject({ to: email, locale: "vi", status: "OUTBOX" });
    expect(alert).toMatchObject({ to: "ops@crossdock-demo.example", status: "OUTBOX" });

    const page = await browser.context.newPage();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${stack.appUrl}/app/emails/${shopper!.id}`);
      await visible(page.getByRole("heading", { name: `Đơn hàng ${placed.order.name} bị chậm trễ` }), 60_000);
      const preview = page.frameLocator("iframe[title^='Preview of']");
      await visible(preview.locator("blockquote", { hasText: message }), 30_000);
      await visible(preview.getByRole("link", { name: "Theo dõi trên Viettel Post" }));
      await visible(page.getByText("Shipment delayed").first());
      await screenshot(page, `.cache/e2e-email-shipment-delayed-vi-${width}.png`);
    }
    await page.goto(`${stack.appUrl}/app/emails/${alert!.id}`);
    await visible(page.getByRole("heading", { name: `Delayed: order ${placed.order.name}` }), 60_000);
    await visible(page.frameLocator("iframe[title^='Preview of']").locator("blockquote", { hasText: message }), 30_000);
    await screenshot(page, ".cache/e2e-email-shipment-alert.png");
    await page.close();
  }, 300_000);
});
