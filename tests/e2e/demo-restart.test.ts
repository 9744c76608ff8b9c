import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Stack } from "../../scripts/stack";
import { buildDemoShop } from "../../simulator/seed/demo-shop";

// Issue #14: `npm run demo` keeps its embedded database in `.data/` but starts a fresh simulator
// each time. On its second start the stored offline token belonged to the previous simulator, and
// the customer portal answered "We couldn't load this page" to every lookup until someone opened
// the admin. Here the demo is started as `npm run demo` starts it, three times against one data
// directory: a first start, a second after a clean stop, a third after the app was killed.
// And the admin URL it prints is the page with the button the README names (it was /demo/login,
// which redirects at once and has no button).
const now = new Date("2026-11-20T12:00:00Z");
const START_MS = 300_000;

let dataDir: string;
let stack: Stack | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "crossdock-demo-restart-"));
});
afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<Stack> {
  stack = await startDemo({ embeddedDir: join(dataDir, "pglite"), now });
  return stack;
}

/** A delivered order of the demo shop, with its email, as a shopper types them. */
function seededOrder(): { name: string; email: string } {
  const order = buildDemoShop({ now }).orders.find((o) => o.state === "delivered" && !o.cancelledAt);
  if (!order) throw new Error("the demo seed has no delivered order");
  return { name: `#${order.number}`, email: order.email };
}

/** A shopper's lookup on the portal: the form (with its CSRF cookie and field), then the POST. */
async function lookUp(running: Stack): Promise<{ status: number; location: string | null; body: string }> {
  const url = `${running.appUrl}/portal/${running.shop}`;
  const page = await fetch(url);
  const html = await page.text();
  expect(page.status, `${html.slice(0, 300)}\n${running.app.output().slice(-3000)}`).toBe(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(csrf, "the lookup form carries a CSRF field").toBeDefined();
  const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const order = seededOrder();
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ _csrf: csrf!, orderNumber: order.name, contact: order.email }),
  });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}

async function expectLookupFindsTheOrder(running: Stack) {
  const answer = await lookUp(running);
  // Before: 503, "We couldn't load this page right now" (Shopify refused the stored token).
  expect(answer.status, answer.body.slice(0, 500)).toBe(303);
  expect(answer.location).toMatch(/\/o\/[^/]+$/);
}

describe("the demo on every start, with its database kept", () => {
  it("answers a portal lookup on its first start", { timeout: START_MS }, async () => {
    const first = await start();
    try {
      await expectLookupFindsTheOrder(first);
    } finally {
      await first.stop();
      stack = undefined;
    }
  });

  it("answers a portal lookup on its second start, with a new simulator and the same database", { timeout: START_MS }, async () => {
    await expectLookupFindsTheOrder(await start());
  });

  it("answers a portal lookup after the app was killed mid-run", { timeout: START_MS }, async () => {
    const crashed = stack!;
    stack = undefined;
    process.kill(-crashed.app.child.pid!, "SIGKILL");
    await crashed.app.exited;
    await crashed.simulator.close();
    await expectLookupFindsTheOrder(await start());
  });

  it("prints as its admin URL the page with the README's Open the demo admin button, which signs in", async () => {
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    expect(readme).toContain("Open the admin URL it prints and press\n**Open the demo admin**");
    const page = await fetch(stack!.adminUrl, { redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*>[\s\S]*?<\/form>/.exec(html);
    expect(form?.[0], html.slice(0, 2000)).toMatch(/<button[^>]*type="submit"[^>]*>Open the demo admin<\/button>/);
    expect(form?.[0]).toMatch(/method="post"/);
    const signIn = await fetch(new URL(form![1]!, stack!.adminUrl), { method: "POST", redirect: "manual" });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toBe(`/app?shop=${encodeURIComponent(stack!.shop)}`);
    expect(signIn.headers.getSetCookie().some((c) => c.startsWith("shopify_app_session="))).toBe(true);
  });
});
