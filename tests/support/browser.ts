import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";

// Headless Chromium says "HeadlessChrome" in its user agent and Shopify's library answers bots with
// 410, so the tests present the user agent of the same Chromium in a window.
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium, driven by playwright-core (no browser download), in a fresh profile. */
export async function launchBrowser(options: { locale?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "crossdock-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    userAgent: BROWSER_USER_AGENT,
    locale: options.locale ?? "en-US",
    viewport: { width: 1280, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for a toast's words once the confirming dialog has closed. While a Polaris Modal is open (or
 * still closing) it repeats each toast in a visually hidden live region, so the words are on the page
 * twice for a moment.
 */
export async function toastAfterDialog(page: Page, words: string, timeout = 30_000): Promise<void> {
  await page.getByRole("dialog").waitFor({ state: "hidden", timeout });
  await visible(page.locator(".Polaris-Frame-Toast").getByText(words), timeout);
}

/** Waits until the element is visible; fails with Playwright's message (what it looked for) if not. */
export async function visible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.waitFor({ state: "visible", timeout });
}

/**
 * Opens a portal page; while the simulated Admin API is still throttled by the demo's first syncs
 * (the portal then says "Something went wrong"), waits and opens it again.
 */
export async function openPortalPage(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    await page.goto(url);
    if ((await page.getByRole("heading", { name: "Something went wrong" }).count()) === 0) return;
    if (Date.now() > deadline) throw new Error(`${url} kept failing`);
    await page.waitForTimeout(2_000);
  }
}

/**
 * Screenshots are for people reviewing pages (in English, Vietnamese and Chinese, at 390 px and
 * desktop width): taken only with CROSSDOCK_SCREENSHOTS=1, since no test reads them and they cost
 * an eighth of the browser tests' time. Full page unless told otherwise.
 */
export async function screenshot(target: Page | Locator, path: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.CROSSDOCK_SCREENSHOTS !== "1") return;
  if ("goto" in target) await target.screenshot({ path, fullPage: options.fullPage ?? true });
  else await target.screenshot({ path });
}

/** At 390 px (no sideways scrolling allowed) and at desktop width: screenshots in .cache/screenshots/<name>-390|desktop.png (see `screenshot`). */
export async function screenshotsAtWidths(page: Page, name: string): Promise<void> {
  for (const [width, label] of [[390, "390"], [1280, "desktop"]] as const) {
    await page.setViewportSize({ width, height: 844 });
    await screenshot(page, `.cache/screenshots/${name}-${label}.png`);
    if (width === 390) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 390) throw new Error(`${name} at 390 px scrolls sideways (${scrollWidth} px)`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Looks an order up with the portal's form (English) and opens its return form; returns the form's URL. */
export async function openPortalReturnForm(page: Page, portalUrl: string, order: { name: string }, email: string): Promise<string> {
  await openPortalPage(page, portalUrl);
  await page.getByLabel("Order number").fill(order.name);
  await page.getByLabel("Email or phone number").fill(email);
  await Promise.all([page.waitForURL(/\/o\/[A-Za-z0-9_.-]+/), page.getByRole("button", { name: "Find my order" }).click()]);
  const returnLink = page.getByRole("link", { name: "Return items" });
  if ((await returnLink.count()) === 0) await openPortalPage(page, page.url());
  const href = await returnLink.getAttribute("href");
  await openPortalPage(page, new URL(href!, page.url()).toString());
  return page.url();
}
