import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_API_SECRET, startBuiltStack, type Stack } from "../support/built-stack";
import { buildDemoShop, VND_PER_USD } from "../../simulator/seed/demo-shop";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";
import { feesPolicy, postControl } from "../support/stack-control";

// A Vietnamese shopper who paid VND in the demo's USD shop, in Debian's Chromium at a phone's 390 px
// and at desktop width: the portal's return form and status page in en, vi and zh-CN show the return
// shipping fee, the restocking fee and the refund in đồng as each language writes them (no decimals),
// and the merchant's return page shows the đồng with the store's dollars beside them. Screenshots go
// to .cache/screens/ for a person to look at.
const DAY = 86_400_000;
const RATE = Number(VND_PER_USD);
const WIDTHS = [390, 1280] as const;
const LANGS = ["en", "vi", "zh-CN"] as const;
/** The return page's first timeline entry, in each language (app/locales/<lng>/admin-return-detail.json). */
const REQUESTED_BY_SHOPPER: Record<(typeof LANGS)[number], string> = { en: "Requested · the shopper", vi: "Đã yêu cầu · khách hàng", "zh-CN": "已申请 · 顾客" };
const SCREENS = ".cache/screens";

let stack: Stack;
let browser: Browser;

const control = (path: string, body: unknown) => postControl(stack, path, body);

const vnd = (lang: string, amount: number) => new Intl.NumberFormat(lang, { style: "currency", currency: "VND" }).format(amount);

/** Pages wider than their window (a phone would scroll sideways), by screenshot name and excess px. */
const overflowing: Record<string, number> = {};

async function shoot(page: Page, name: string) {
  await screenshot(page, `${SCREENS}/${name}.png`);
  const excess = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (excess > 0) overflowing[name] = excess;
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL });
  Object.assign(process.env, { SHOPIFY_API_KEY: DEMO_API_KEY, SHOPIFY_API_SECRET: DEMO_API_SECRET, SHOPIFY_APP_URL: stack.appUrl });
  browser = await launchBrowser();
  expect((await fetch(`${stack.appUrl}/demo/storefront/`)).status).toBe(200);
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("a return paid in đồng, on the shopper's and the merchant's pages", () => {
  it("shows the fees and the refund in VND in en, vi and zh-CN, and the merchant both currencies", async () => {
    const { prisma } = await import("~/db.server");
    const { saveReturnPolicy } = await import("~/models/return-rules.server");
    const { issueOrderAccessToken } = await import("~/security/tokens.server");
    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: stack.shop } });
    await saveReturnPolicy(shop, feesPolicy());
    const products = buildDemoShop().products.filter((p) => p.status === "ACTIVE" && !p.tags.includes("final-sale") && !p.tags.includes("gift"));
    const tee = products.find((p) => p.tags.includes("basics"))!.variants[0]!;
    const mug = products.find((p) => p.tags.includes("ceramics"))!.variants[0]!;
    const email = "lan.nguyen@example.vn";
    const created = (await control("/orders", {
      lines: [{ sku: tee.sku, quantity: 2 }, { sku: mug.sku, quantity: 1 }],
      email,
      customer: { email, firstName: "Lan", lastName: "Nguyễn", locale: "vi" },
      shippingAddress: { firstName: "Lan", lastName: "Nguyễn", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.7769, longitude: 106.7009 },
      financialStatus: "PAID",
      presentment: { currencyCode: "VND", rate: VND_PER_USD },
    })) as { order: { id: string } };
    const shipped = (await control("/fulfillments", { orderId: created.order.id, tracking: { company: "Viettel Post", number: "VTP123456789" } })) as { fulfillments: { id: string }[] };
    for (const f of shipped.fulfillments) await control(`/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 2 * DAY).toISOString() });
    const token = issueOrderAccessToken({ shopId: shop.id, orderId: created.order.id });
    const fee = 5 * RATE;

    const page = await browser.context.newPage();
    page.setDefaultNavigationTimeout(90_000);
    const form = (lang: string) => `${stack.appUrl}/portal/${stack.shop}/o/${token}/return?lang=${lang}`;
    for (const lang of LANGS) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(form(lang));
        const feeText = page.getByText(vnd(lang, fee)).first();
        await visible(feeText);
        await shoot(page, `portal-form-${lang}-${width}`);
        // On one line: a long label beside it must not squeeze it to a character a line.
        const lines = await feeText.evaluate((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(lines, `${lang} ${width}`).toBe(1);
        expect(await page.locator("body").innerText()).not.toMatch(/\d[.,]00\b/);
      }
    }

    // Two tees and a mug by mail, in English.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(form("en"));
    const items = page.locator("form li[data-item]");
    for (const [index, reason] of [
      [0, "Too small"],
      [1, "Damaged or defective"],
    ] as const) {
      await items.nth(index).getByRole("checkbox").check();
      await items.nth(index).getByLabel("Reason").selectOption({ label: reason });
    }
    await items.nth(0).getByLabel("Quantity").selectOption("2");
    await page.getByRole("radio", { name: "By mail with a printable label" }).check();
    await Promise.all([page.waitForURL(/\/returns\/RMA-/), page.getByRole("button", { name: "Request return" }).click()]);
    const status = new URL(page.url());
    const stored = await prisma.returnRequest.findFirstOrThrow({ where: { shopId: shop.id }, orderBy: { createdAt: "desc" } });
    expect(stored).toMatchObject({ currency: "VND", shopCurrency: "USD" });
    const refund = stored.totalValue.toNumber() - stored.returnShippingFee.toNumber() - stored.restockingFee.toNumber();

    for (const lang of LANGS) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        status.searchParams.set("lang", lang);
        await page.goto(status.toString());
        await visible(page.getByText(vnd(lang, refund)).first());
        await visible(page.getByText(vnd(lang, stored.restockingFee.toNumber())).first());
        expect(await page.locator("body").innerText()).not.toMatch(/\d[.,]00\b/);
        await shoot(page, `portal-status-${lang}-${width}`);
      }
    }

    // The merchant's page: the đồng the shopper sees, the store's dollars beside them.
    await page.goto(`${stack.appUrl}/demo/login`);
    await page.waitForURL(/\/app\?/, { timeout: 60_000 });
    for (const lang of LANGS) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${stack.appUrl}/app/returns/${stored.id}?locale=${lang}`);
        await visible(page.getByRole("heading", { name: stored.rma, level: 1 }), 90_000);
        // In the staff member's language and its way of writing money (vi: "131.500 ₫ (≈ 5,00 US$)").
        const inLang = (amount: number, currency: string) => new Intl.NumberFormat(lang, { style: "currency", currency }).format(amount);
        await visible(page.getByText(`${inLang(fee, "VND")} (≈ ${inLang(5, "USD")})`).first());
        // Words, never the codes stored (methods, event types, a rule's id).
        await visible(page.getByText(REQUESTED_BY_SHOPPER[lang], { exact: false }).first());
        expect(await page.locator("main, [class*=Polaris-Page]").first().innerText()).not.toMatch(/\b(MAIL|DROP_OFF|requested|rules)\b|rule:|_/);
        await shoot(page, `admin-return-${lang}-${width}`);
      }
    }
    await page.close();
    expect(overflowing).toEqual({});
  }, 600_000);
});
