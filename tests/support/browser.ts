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
