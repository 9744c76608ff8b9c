// "Route open orders" (issue 14: an explicit action with a preview): the demo shop's open orders,
// imported on install and never routed unasked, are listed on their own page with what routing
// would do; the merchant chooses one, confirms, and the job queue routes it (and only it).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { startBuiltStack, type Stack } from "../support/built-stack";
import { resetDatabase } from "../setup/db";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";

let stack: Stack;
let browser: Browser;
let page: Page;

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

async function shoot(name: string): Promise<void> {
  for (const [width, size] of [[390, "390"], [1280, "desktop"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `.cache/screenshots/admin-route-open-orders-${name}-${size}.png`);
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  await resetDatabase();
  stack = await startBuiltStack({ databaseUrl: process.env.DATABASE_URL, now: new Date() });
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 300_000); // may wait for the run's production build

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("route open orders", () => {
  it("previews what routing would do with each open order, then routes the chosen one through the job queue after a confirmation", async () => {
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole("button", { name: "Open the demo admin" }).click();
    await page.waitForURL(/\/app\?/, { timeout: 60_000 });
    await waitFor(() => prisma.jobRun.findFirst({ where: { shop: stack.shop, name: "import" }, orderBy: { startedAt: "desc" }, select: { status: true } }), (r) => r?.status === "SUCCEEDED", "the install's import", 200_000);
    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: stack.shop } });
    expect(await prisma.routingDecision.count({ where: { shopId: shop.id } })).toBe(0);

    await page.goto(`${stack.appUrl}/app/routing`);
    await page.getByRole("link", { name: "Route open orders" }).click();
    await page.waitForURL(/\/app\/routing\/open-orders/, { timeout: 60_000 });
    const list = page.getByRole("list", { name: "Open orders not routed by Crossdock" });
    await visible(list, 60_000);
    const boxes = list.getByRole("checkbox");
    expect(await boxes.count()).toBeGreaterThan(1);
    await visible(list.getByText(/^Ship from .+ · \d+ parcels?/).first());
    await shoot("en");

    // Choose the first order that can be routed; nothing happens before the confirmation.
    const first = list.getByRole("checkbox", { disabled: false }).first();
    const label = (await first.getAttribute("aria-label"))!;
    const orderName = label.replace(/^Route /, "");
    await first.check();
    await page.getByRole("button", { name: "Route the chosen orders" }).click();
    await visible(page.getByText("Route the chosen orders?"), 30_000);
    await visible(page.getByText(orderName, { exact: true }).first());
    expect(await prisma.routingDecision.count({ where: { shopId: shop.id } })).toBe(0);
    await shoot("en-confirm");
    await page.getByRole("button", { name: "Yes, route them" }).click();
    await visible(page.getByText("1 order is being routed. Its decision will appear in the routing log."), 30_000);

    // The job queue routed exactly that order, as a staff routing with the shop's rules.
    const decisions = await waitFor(
      () => prisma.routingDecision.findMany({ where: { shopId: shop.id }, select: { orderName: true, trigger: true, status: true } }),
      (rows) => rows.length === 1 && rows[0]!.status !== "PENDING",
      "the chosen order's routing decision",
    );
    expect(decisions[0]).toMatchObject({ orderName, trigger: "manual" });
    await page.reload();
    await visible(list, 60_000);
    expect(await list.getByText(orderName, { exact: true }).count()).toBe(0);

    // Choosing nothing is refused with a message, not a 500.
    await page.goto(`${stack.appUrl}/app/routing/open-orders`);
    await page.getByRole("button", { name: "Route the chosen orders" }).click();
    await visible(page.getByText("Choose at least one order to route."), 30_000);

    // In the staff member's language.
    await page.goto(`${stack.appUrl}/app/routing/open-orders?locale=vi`);
    await visible(page.getByRole("list", { name: "Đơn đang mở chưa được Crossdock phân bổ" }), 60_000);
    await visible(page.getByText(/^Gửi từ .+ · \d+ kiện/).first());
    await shoot("vi");
    await page.goto(`${stack.appUrl}/app/routing/open-orders?locale=zh-CN`);
    await visible(page.getByRole("list", { name: "尚未由 Crossdock 分配的未完成订单" }), 60_000);
    await visible(page.getByText(/^从 .+ 发货 · \d+ 个包裹/).first());
    await shoot("zh-CN");
    await page.goto(`${stack.appUrl}/app/routing?locale=vi`);
    await visible(page.getByRole("link", { name: "Phân bổ đơn đang mở" }), 60_000);
  }, 400_000);
});
