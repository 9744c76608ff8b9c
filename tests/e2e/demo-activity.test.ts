import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Stack } from "../../scripts/stack";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";

// Issue #14 item 10: the demo opened almost empty (its 66 seeded orders predate the install, so
// nothing was routed, no return asked for, no email sent). Now its first start acts out a shop in
// use: new orders routed with explanations, returns in every state, emails in the outbox, and one
// job that failed while Shopify was down, to retry in Activity. A second start with the kept
// database adds nothing more.
const START_MS = 300_000;

let dataDir: string;
let stack: Stack | undefined;
let browser: Browser;
let page: Page;
const logged: string[] = [];

async function start(): Promise<Stack> {
  stack = await startDemo({ embeddedDir: join(dataDir, "pglite"), log: (line) => logged.push(line) });
  return stack;
}

async function state(running: Stack): Promise<{ decisions: number; returns: number; failedJobs: number }> {
  return (await (await fetch(`${running.appUrl}/demo/activity`)).json()) as { decisions: number; returns: number; failedJobs: number };
}

async function shoot(name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, `.cache/e2e-demo-${name}-desktop.png`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `.cache/e2e-demo-${name}-390.png`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "crossdock-demo-activity-"));
  const running = await start();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultNavigationTimeout(90_000);
  await page.goto(running.adminUrl);
  await page.getByRole("button", { name: "Open the demo admin" }).click();
  await page.waitForURL(/\/app\?/, { timeout: 90_000 });
}, START_MS);

afterAll(async () => {
  await writeFile(".cache/e2e-demo-activity-log.txt", logged.join("\n"));
  await browser?.close();
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** The new orders the demo placed, by name, from what it printed ("#1067 ships from …"). */
function placedOrders(): string[] {
  return logged.flatMap((line) => /^demo activity: (#\d+) (?!was placed while)/.exec(line)?.[1] ?? []);
}

describe("the demo shows a shop in use", () => {
  it("opens on a dashboard with activity", { timeout: 90_000 }, async () => {
    expect(logged.join("\n")).toContain("demo activity added");
    await page.goto(`${stack!.appUrl}/app`);
    await visible(page.getByRole("link", { name: "Activity", exact: true }), 60_000);
    await page.waitForLoadState("networkidle");
    // Staff marked the shop's stores: the setup list says so, and the load table names SoHo a store.
    const setup = page.getByRole("listitem").filter({ hasText: "Stores marked" });
    await visible(setup.getByText("Done"), 20_000);
    const soho = page.getByRole("row").filter({ has: page.locator("th, td").filter({ hasText: /^SoHo Store$/ }) }).first();
    await visible(soho, 20_000);
    expect((await soho.locator("th, td").nth(1).textContent())?.trim()).toBe("Store");
    await shoot("dashboard");
  });

  it("lists the new orders in the routing log, each with its explanation", { timeout: 120_000 }, async () => {
    const orders = placedOrders();
    // Nearest location, split, pickup at a store, more than the shop holds.
    expect(orders.length, logged.join("\n")).toBe(4);
    await page.goto(`${stack!.appUrl}/app/routing/log`);
    for (const name of orders) await visible(page.getByRole("row", { name: new RegExp(`^${name}\\b`) }).first(), 30_000);
    await shoot("routing-log");
    // The log in Vietnamese and Chinese: statuses, reasons and what set each decision off in words,
    // never a status code or a webhook topic; no sideways scrolling at phone width.
    for (const [lang, title, applied] of [["vi", "Nhật ký định tuyến", "Đã áp dụng"], ["zh-CN", "分配记录", "已执行"]] as const) {
      await page.goto(`${stack!.appUrl}/app/routing/log?locale=${lang}`);
      await visible(page.getByRole("heading", { name: title, level: 1 }), 30_000);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text).toContain(applied);
      expect(text).not.toMatch(/APPLIED|NEEDS_REVIEW|order_routing_complete|orders\/create|decision\(s\)|Ships \d/);
      await shoot(`routing-log-${lang}`);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    await page.goto(`${stack!.appUrl}/app/routing/log`);
    await page.getByRole("row", { name: new RegExp(`^${orders[1]}\\b`) }).first().getByRole("link").first().click();
    // The decision page explains itself: the locations considered, and why each was or was not chosen.
    await visible(page.getByRole("heading", { name: "Every location considered" }), 30_000);
    const explanation = (await page.locator("main").textContent()) ?? "";
    expect(explanation).not.toMatch(/gid:\/\//);
    await shoot("routing-decision");
  });

  it("has returns in every state in the returns queue", { timeout: 120_000 }, async () => {
    const missing: string[] = [];
    for (const status of ["REQUESTED", "APPROVED", "DECLINED", "RECEIVED", "REFUNDED", "CLOSED"]) {
      await page.goto(`${stack!.appUrl}/app/returns?status=${status}`);
      await visible(page.getByRole("heading", { name: "Returns", level: 1 }), 30_000);
      if ((await page.getByRole("link", { name: /RMA-/ }).count()) === 0) missing.push(status);
    }
    expect(missing, logged.join("\n")).toEqual([]);
    await page.goto(`${stack!.appUrl}/app/returns`);
    await visible(page.getByRole("link", { name: /RMA-/ }).first(), 30_000);
    await shoot("returns");
  });

  it("lists sent emails in the outbox", { timeout: 60_000 }, async () => {
    await page.goto(`${stack!.appUrl}/app/emails`);
    await visible(page.getByRole("heading", { name: "Emails", level: 1 }), 30_000);
    const rows = page.getByRole("row").filter({ has: page.locator("td") });
    await visible(rows.first(), 30_000);
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    // Each shopper hears in the language they shopped in: the demo's Vietnamese and Chinese
    // shoppers' return emails are theirs, not English.
    const languages = await rows.allTextContents();
    expect(languages.some((row) => row.includes("Tiếng Việt")), languages.join("\n")).toBe(true);
    expect(languages.some((row) => row.includes("简体中文")), languages.join("\n")).toBe(true);
    await shoot("emails");
  });

  it("shows a failed job in Activity whose Retry works", { timeout: 120_000 }, async () => {
    await page.goto(`${stack!.appUrl}/app/activity?status=FAILED`);
    await visible(page.getByRole("heading", { name: "Activity", level: 1 }), 60_000);
    const retry = page.getByRole("button", { name: /^Retry / }).first();
    await visible(retry, 30_000);
    await shoot("activity");
    const before = (await state(stack!)).failedJobs;
    expect(before).toBeGreaterThan(0);
    await retry.click();
    await visible(page.getByText(/sent to retry/), 30_000);
    const deadline = Date.now() + 60_000;
    while ((await state(stack!)).failedJobs >= before) {
      if (Date.now() > deadline) throw new Error("the retried job is still failed");
      await new Promise((r) => setTimeout(r, 1_000));
    }
  });

  it("adds nothing more on a second start with the same database", { timeout: START_MS }, async () => {
    await fetch(`${stack!.appUrl}/demo/activity`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ step: "settle" }) });
    const first = await state(stack!);
    await stack!.stop();
    stack = undefined;
    await writeFile(".cache/e2e-demo-activity-first-start.txt", logged.join("\n"));
    logged.length = 0;
    const second = await start();
    expect(logged.join("\n")).toContain("the shop is already in use");
    const after = await state(second);
    expect(after.returns).toBe(first.returns);
    expect(after.decisions).toBe(first.decisions);
  });
});
