import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startStack, type Stack } from "../../scripts/stack";
import { launchBrowser, visible, type Browser } from "../support/browser";

// Store credit as a return outcome (issue 15, part 1, first slice), in Debian's Chromium against the
// demo stack: the merchant offers store credit beside refunds in Settings → Returns with a bonus; a
// negative bonus is answered in words next to the field and nothing is saved; a 10 % bonus is saved
// with a confirmation, and the page says it in en, vi and zh-CN. Screenshots at 390 px and desktop
// width go to .cache/screenshots/.
const LANGS = ["en", "vi", "zh-CN"] as const;

let stack: Stack;
let browser: Browser;
let admin: Page;

async function screenshots(page: Page, name: string) {
  for (const [width, label] of [[390, "390"], [1280, "desktop"]] as const) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: `.cache/screenshots/${name}-${label}.png`, fullPage: true });
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 390 px`).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  stack = await startStack({ databaseUrl: process.env.DATABASE_URL });
  browser = await launchBrowser();
  admin = await browser.context.newPage();
  admin.setDefaultNavigationTimeout(90_000);
  await admin.goto(`${stack.appUrl}/demo/login`);
  await admin.waitForURL(/\/app\?/, { timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("store credit in the return policy", () => {
  it("the merchant offers store credit with a bonus, validated in words, saved with a confirmation, in en, vi and zh-CN", async () => {
    await admin.goto(`${stack.appUrl}/app/settings/returns?shop=${stack.shop}`);
    const form = admin.getByRole("form", { name: "Return outcomes" });
    await visible(form, 90_000);
    expect(await form.getByRole("checkbox", { name: "Refund to the original payment method" }).isChecked()).toBe(true);
    await form.getByRole("checkbox", { name: "Store credit on the customer's account" }).check();
    await form.getByLabel("Bonus", { exact: true }).fill("-5");
    await form.getByRole("button", { name: "Save outcomes" }).click();
    await visible(admin.getByText("Outcomes not saved"), 60_000);
    await visible(form.getByText("The bonus cannot be negative."));
    const { prisma } = await import("~/db.server");
    expect((await prisma.returnPolicy.findFirst())?.returnOutcomes ?? ["REFUND"]).toEqual(["REFUND"]);

    await form.getByRole("checkbox", { name: "Store credit on the customer's account" }).check();
    await form.getByLabel("Bonus", { exact: true }).fill("10");
    await visible(form.getByText("For example 10 gives $10.00 more credit on a $100.00 return."));
    await form.getByRole("button", { name: "Save outcomes" }).click();
    await visible(admin.getByText("Outcomes saved"), 60_000);
    const policy = await prisma.returnPolicy.findFirstOrThrow();
    expect(policy).toMatchObject({ returnOutcomes: ["REFUND", "STORE_CREDIT"], storeCreditBonusKind: "PERCENT" });
    expect(policy.storeCreditBonusValue.toFixed(2)).toBe("10.00");

    const titles = { en: "Return outcomes", vi: "Hình thức hoàn trả", "zh-CN": "退货结果" };
    for (const lang of LANGS) {
      await admin.goto(`${stack.appUrl}/app/settings/returns?shop=${stack.shop}&locale=${lang}`);
      const section = admin.getByRole("form", { name: titles[lang] });
      await visible(section, 90_000);
      expect(await section.locator("input[name=bonusValue]").inputValue()).toBe("10.00");
      await section.scrollIntoViewIfNeeded();
      await screenshots(admin, `store-credit-settings-${lang}`);
    }
  }, 300_000);
});
