import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { DEMO_API_KEY, DEMO_API_SECRET, startBuiltStack, type Stack } from "../support/built-stack";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";
import { feesPolicy, postControl } from "../support/stack-control";

// Every portal page (lookup, order tracking, the new-return form, a return's status) in Debian's
// Chromium at a phone's 390 × 844 and at 1280 × 800, in en, vi and zh-CN. Screenshots go to the
// git-ignored .cache/screenshots/ for a person to look at. A page fails when it is wider than its
// window (a phone would scroll sideways), when a form control is squeezed narrower than 120 px, when
// a dropdown is cut short of its longest choice although its column has room for it, or when text
// is squeezed to a word or a character a line.
const DAY = 86_400_000;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const LANGS = ["en", "vi", "zh-CN"] as const;
const SCREENS = ".cache/screenshots";
const MIN_CONTROL_PX = 120;

let stack: Stack;
let browser: Browser;

/** What is wrong with the page as laid out: overflow, squeezed controls, cut dropdowns. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((minWidth) => {
    const problems: string[] = [];
    const excess = document.documentElement.scrollWidth - window.innerWidth;
    if (excess > 0) problems.push(`wider than the window by ${excess}px`);
    const controls = document.querySelectorAll<HTMLElement>("input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea, button");
    const canvas = document.createElement("canvas").getContext("2d")!;
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const name = `${control.tagName.toLowerCase()}#${control.id || control.getAttribute("name") || "?"}`;
      if (control.tagName !== "BUTTON" && box.width < minWidth) problems.push(`${name} is ${Math.round(box.width)}px wide`);
      if (box.right > window.innerWidth + 0.5) problems.push(`${name} runs past the window's edge`);
      if (control instanceof HTMLSelectElement) {
        const style = getComputedStyle(control);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const longest = Math.max(...[...control.options].map((o) => canvas.measureText(o.text).width));
        // The text area of a select: its inner width less the padding and the arrow (about 20 px).
        const room = control.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        const parent = control.parentElement!.getBoundingClientRect();
        if (longest > room && box.width < parent.width - 1) problems.push(`${name} cuts its longest choice (${Math.round(longest)}px in ${Math.round(room)}px)`);
      }
    }
    // Text squeezed to a word or a character a line: three lines or more in a column under 4em.
    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      const text = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!text.length) continue;
      const range = document.createRange();
      range.selectNodeContents(element);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      const width = element.getBoundingClientRect().width;
      if (lines >= 3 && width < 4 * parseFloat(getComputedStyle(element).fontSize)) problems.push(`"${element.textContent!.trim().slice(0, 30)}" squeezed to ${lines} lines in ${Math.round(width)}px`);
    }
    return problems;
  }, MIN_CONTROL_PX);
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

describe("the portal at a phone's width and at desktop width", () => {
  it("fits every page in en, vi and zh-CN at 390 × 844 and 1280 × 800", async () => {
    const { prisma } = await import("~/db.server");
    const { saveReturnPolicy } = await import("~/models/return-rules.server");
    const { issueOrderAccessToken } = await import("~/security/tokens.server");
    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: stack.shop } });
    // Fees on, mail and drop-off: the form at its fullest.
    await saveReturnPolicy(shop, feesPolicy());
    const products = buildDemoShop().products.filter((p) => p.status === "ACTIVE" && !p.tags.includes("final-sale") && !p.tags.includes("gift"));
    const skus = [products.find((p) => p.tags.includes("basics"))!, products.find((p) => p.tags.includes("ceramics"))!].map((p) => p.variants[0]!.sku);
    const email = "width.check@example.com";
    const address = { firstName: "Ada", lastName: "Lee", address1: "1 Market St", city: "San Francisco", zip: "94105", country: "United States", countryCode: "US", latitude: 37.7936, longitude: -122.3958 };
    const created = (await postControl(stack, "/orders", {
      lines: [{ sku: skus[0], quantity: 2 }, { sku: skus[1], quantity: 1 }],
      email,
      customer: { email, firstName: address.firstName, lastName: address.lastName },
      shippingAddress: address,
      financialStatus: "PAID",
    })) as { order: { id: string } };
    const shipped = (await postControl(stack, "/fulfillments", { orderId: created.order.id, tracking: { company: "USPS", number: "9400111899223344556677", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677" } })) as { fulfillments: { id: string }[] };
    // The carrier's scans with its own words (#15): the tracking page lists each with its message.
    const delayMessage = "Weather delay: severe storms in the region. Your package will be delivered one day later than expected.";
    for (const f of shipped.fulfillments) {
      const events = `/fulfillments/${encodeURIComponent(f.id)}/events`;
      await postControl(stack, events, { status: "IN_TRANSIT", happenedAt: new Date(Date.now() - 4 * DAY).toISOString(), message: "Departed USPS Regional Facility, OAKLAND CA DISTRIBUTION CENTER" });
      await postControl(stack, events, { status: "DELAYED", happenedAt: new Date(Date.now() - 3 * DAY).toISOString(), message: delayMessage });
      await postControl(stack, `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 2 * DAY).toISOString() });
    }
    const token = issueOrderAccessToken({ shopId: shop.id, orderId: created.order.id });
    const base = `${stack.appUrl}/portal/${stack.shop}`;

    const page = await browser.context.newPage();
    page.setDefaultNavigationTimeout(90_000);
    // A return to show the status page of: one tee by mail, through the form.
    await page.goto(`${base}/o/${token}/return`);
    const first = page.locator("form li[data-item]").first();
    await first.getByRole("checkbox").check();
    await first.getByLabel("Reason").selectOption({ label: "Too small" });
    await page.getByRole("radio", { name: "By mail with a printable label" }).check();
    await Promise.all([page.waitForURL(/\/returns\/RMA-/), page.getByRole("button", { name: "Request return" }).click()]);
    const status = new URL(page.url()).pathname;

    const pages = { lookup: "", tracking: `/o/${token}`, "return-form": `/o/${token}/return`, "return-status": status.slice(status.indexOf("/o/")) };
    const problems: Record<string, string[]> = {};
    for (const lang of LANGS) {
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const [name, path] of Object.entries(pages)) {
          const response = await page.goto(`${base}${path}?lang=${lang}`);
          expect(response?.status(), `${name} ${lang}`).toBe(200);
          await visible(page.getByRole("heading", { level: 1 }));
          if (name === "tracking") await visible(page.getByText(delayMessage));
          const shot = `portal-${name}-${lang}-${viewport.width}`;
          await screenshot(page, `${SCREENS}/${shot}.png`);
          const found = await layoutProblems(page);
          if (found.length) problems[shot] = found;
        }
      }
    }
    await page.close();
    expect(problems).toEqual({});
  }, 600_000);
});
