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
import { startStack, type Stack } from "../../../scripts/stack";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { launchBrowser, visible, type Browser } from "../../support/browser";
import { createReturn } from "./support";

const now = new Date("2026-11-20T12:00:00Z");
const seed = buildDemoShop({ now });
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  stack = await startStack({ databaseUrl: process.env.DATABASE_URL, now });
  browser = await launchBrowser();
}, 180_000);

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
    await page.screenshot({ path: ".cache/e2e-emails.png", fullPage: true });

    await table.getByText("linh@example.com").click();
    await page.waitForURL(new RegExp(`/app/emails/${queued.message.id}`), { timeout: 60_000 });
    await visible(page.getByRole("heading", { name: `您的退货申请 ${ret.rma} 已通过` }), 60_000);
    const preview = page.frameLocator("iframe[title^='Preview of']");
    await visible(preview.getByRole("link", { name: "下载退货面单" }), 30_000);
    await visible(preview.getByText("Crossdock Demo Store").first());
    await visible(page.getByText("https://example.com/label.pdf"));
    expect(await page.locator("iframe[title^='Preview of']").getAttribute("sandbox")).toBe("");
    await page.screenshot({ path: ".cache/e2e-email-detail.png", fullPage: true });

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
        await page.screenshot({ path: `.cache/e2e-emails-${lang}-${width}.png`, fullPage: true });
      }
      await page.goto(`${stack.appUrl}/app/emails/${queued.message.id}?locale=${lang}`);
      await visible(page.getByRole("heading", { name: words.details }), 60_000);
      await page.screenshot({ path: `.cache/e2e-email-detail-${lang}.png`, fullPage: true });
    }
  }, 300_000);
});
