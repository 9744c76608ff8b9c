// Fault: PostgreSQL down for 10 s under the production topology (tests/production/topology.ts), for
// the app's processes only: they reach PostgreSQL through a TCP proxy that the test cuts (open
// connections destroyed, new ones refused) and restores; the machine's PostgreSQL keeps serving the
// other tests. While it is down:
// - every webhook delivery answers 5xx (never 2xx: it is not stored; never 4xx), so Shopify (the
//   simulator, 8 attempts with back-off as Shopify's) resends it, and once PostgreSQL is back every
//   delivery is stored and processed (lost = 0);
// - every shopper page (portal on the app's host and through the app proxy, the label download,
//   the storefront's availability endpoint) answers 503 with Retry-After; pages say "try again" in
//   the shopper's language. Before and after, the same pages answer 200.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { setPortalSecretForTests } from "~/security/signing.server";
import { forwardedProxyQuery } from "../../simulator/app-proxy";
import { API_SECRET } from "../simulator/helpers";
import { launchBrowser, visible, type Browser, screenshot } from "../support/browser";
import { ROOT } from "../support/production-build";
import { simulatorAdminGraphql } from "../support/simulator-admin";
import { deliveryCounts, nothingLost, PORTAL_SECRET, SHOP, startTopology, TOKEN, waitFor, type Topology } from "./topology";

const OUTAGE_MS = 10_000;
const LANGS = ["en", "vi", "zh-CN"] as const;
const TOPIC = "inventory_levels/update";

let topology: Topology;
let browser: Browser;

beforeAll(async () => {
  [topology, browser] = await Promise.all([
    startTopology({ cuttableDatabase: true, webhookMaxAttempts: 8, webhookRetryDelayMs: 500, env: { JOBS_BACKOFF_MS: "500" } }),
    launchBrowser(),
  ]);
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await topology?.stop();
});

/** The "try again" title of the portal in each language (app/locales/<lang>/portal.json). */
function unavailableTitle(lang: string): string {
  const strings = JSON.parse(readFileSync(join(ROOT, "app", "locales", lang, "portal.json"), "utf8")) as { errors: { unavailable: { title: string } } };
  return strings.errors.unavailable.title;
}

/** A storefront request as Shopify's app proxy forwards it to the app (signed with the app's secret). */
function proxied(path: string, query = ""): string {
  return `${topology.url}${path}?${forwardedProxyQuery(query, { shop: SHOP, pathPrefix: "/apps/crossdock", secret: API_SECRET })}`;
}

describe("PostgreSQL down for 10 s", () => {
  it("answers webhooks 5xx until it is back, then stores and processes every delivery; shoppers get 503 with Retry-After in their language", async () => {
    const sim = topology.sim;
    const { syncLocations } = await import("~/services/sync-locations.server");
    const { syncInventory } = await import("~/services/sync-inventory.server");
    const { issueOrderAccessToken } = await import("~/security/tokens.server");
    const graphql = simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN);
    const shop = await prisma.shop.findFirstOrThrow({ where: { domain: SHOP } });
    await syncLocations(shop, graphql);
    await syncInventory(shop, graphql);

    const locations = (await sim.data(`{ locations(first: 10) { nodes { id name } } }`)).locations.nodes as { id: string; name: string }[];
    const variant = (await sim.data(`{ productVariants(first: 1, query: "sku:TEE-M") { nodes { id } } }`)).productVariants.nodes[0] as { id: string };
    let quantity = 100;
    const stockChange = async () => {
      const at = locations[quantity % locations.length]!.id;
      const answer = await sim.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-M", locationId: at, quantity: quantity++ }] });
      expect(answer.status).toBeLessThan(300);
    };

    // A shopper's order, and the pages they may open.
    const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-M", quantity: 1 }],
      email: "outage@example.com",
      shippingAddress: { address1: "1 Oakland Street", city: "Oakland", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 },
    });
    expect(created.status).toBe(201);
    setPortalSecretForTests(PORTAL_SECRET);
    const token = issueOrderAccessToken({ shopId: shop.id, orderId: created.body.order.id as string });
    setPortalSecretForTests(undefined);
    const variantId = variant.id.split("/").pop()!;
    // Pages whose 200 before the outage shows the URL is right (the return pages need a return: 404 before).
    const pages = [
      `/portal/${SHOP}`,
      `/portal/${SHOP}/o/${token}`,
      `/portal/${SHOP}/o/${token}/return`,
      "/proxy/portal",
      `/proxy/portal/o/${token}`,
      `/proxy/portal/o/${token}/return`,
    ];
    const returnPages = [`/portal/${SHOP}/o/${token}/returns/R1001-1`, `/portal/${SHOP}/track/1Z999AA10123456784`, `/proxy/portal/o/${token}/returns/R1001-1`];
    const labels = [`/portal/${SHOP}/o/${token}/returns/R1001-1/label`, `/proxy/portal/o/${token}/returns/R1001-1/label`];
    const url = (path: string, lang?: string) => {
      const query = lang ? `lang=${encodeURIComponent(lang)}` : "";
      return path.startsWith("/proxy/") ? proxied(path, query) : `${topology.url}${path}${query ? `?${query}` : ""}`;
    };
    const availability = () => proxied("/proxy/availability", `variant=${variantId}`);

    // Before: webhooks stored and processed, pages and availability answer (on both web processes).
    for (let i = 0; i < 10; i++) await stockChange();
    for (const path of [...pages, ...pages]) expect((await fetch(url(path))).status, path).toBe(200);
    expect((await fetch(availability())).status).toBe(200);
    await waitFor(topology, "the deliveries before the outage to be processed", async () => (await deliveryCounts(topology)).lost === 0 || null);
    const before = await deliveryCounts(topology);

    // PostgreSQL goes away from every process of the app.
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const cutAt = Date.now();
    await topology.database!.cut();
    // A worker that starts while PostgreSQL is away (a deploy or a restart during a failover) must
    // wait for it: Shopify's session storage checks its table at start (app/shopify/session-table.server.ts).
    topology.startWorker();
    const sendingDuringOutage = (async () => {
      for (let i = 0; i < 30; i++) {
        await stockChange();
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    // Every shopper page in every language: 503, Retry-After, "try again" in that language.
    await new Promise((r) => setTimeout(r, 1_500)); // past the availability cache's second
    const problems: string[] = [];
    /** 503, Retry-After, and the "try again" title in the language asked for. */
    const check = async (what: string, title: string, request: Promise<Response>) => {
      const answer = await request;
      const text = await answer.text();
      if (answer.status !== 503 || !answer.headers.get("retry-after") || !text.includes(title)) {
        problems.push(`${what}: ${answer.status} Retry-After=${answer.headers.get("retry-after")} ${text.includes(title) ? "" : `(no "${title}")`}`);
      }
    };
    // The languages side by side, to check everything within the outage.
    await Promise.all(
      LANGS.map((lang) => {
        const title = unavailableTitle(lang);
        return Promise.all([
          ...[...pages, ...returnPages, ...labels].map((path) => check(`${lang} ${path}`, title, fetch(url(path, lang)))),
          // Shopify's app proxy passes the storefront's language along; Accept-Language says it too.
          check(`${lang} Accept-Language /proxy/portal`, title, fetch(proxied("/proxy/portal"), { headers: { "Accept-Language": `${lang},en;q=0.5` } })),
          // The lookup form, posted.
          check(`${lang} POST /portal/${SHOP}`, title, fetch(url(`/portal/${SHOP}`, lang), { method: "POST", body: new URLSearchParams({ orderNumber: "#1001", contact: "outage@example.com" }) })),
        ]);
      }),
    );
    // What a phone shows.
    for (const lang of LANGS) {
      const shown = await page.goto(url(`/portal/${SHOP}/o/${token}`, lang));
      expect(shown?.status()).toBe(503);
      await visible(page.getByRole("heading", { name: unavailableTitle(lang) }));
      await screenshot(page, `.cache/screenshots/faults-postgres-down-${lang}-390.png`);
    }
    const available = await fetch(availability());
    if (available.status !== 503 || !available.headers.get("retry-after")) problems.push(`availability: ${available.status} ${await available.text()}`);
    expect(problems).toEqual([]);

    await sendingDuringOutage;
    const downFor = Date.now() - cutAt;
    if (downFor < OUTAGE_MS) await new Promise((r) => setTimeout(r, OUTAGE_MS - downFor));
    await topology.database!.restore();
    const outageMs = Date.now() - cutAt;

    // After: 10 more, then everything Shopify sent is stored and processed.
    for (let i = 0; i < 10; i++) await stockChange();
    const counts = await nothingLost(topology, "after PostgreSQL came back");
    const deliveries = sim.sim.webhooks.deliveries.filter((d) => d.topic === TOPIC);
    const statuses = deliveries.flatMap((d) => d.attempts.map((a) => a.status));
    const refused = statuses.filter((s) => s !== 200);
    const inventory = await deliveryCounts(topology, [TOPIC]);
    console.log(
      `postgres-down (${(outageMs / 1000).toFixed(1)} s): sent ${counts.sent} stored ${counts.stored} processed ${counts.processed} lost ${counts.lost}` +
        ` (${TOPIC}: sent ${inventory.sent}, before the outage ${before.sent}); answers while down: ${refused.length} × ${[...new Set(refused)].join("/")}`,
    );
    expect(counts).toEqual({ sent: counts.sent, stored: counts.sent, processed: counts.sent, lost: 0 });
    expect(inventory.sent).toBeGreaterThanOrEqual(50); // and what the order moved
    // Shopify was told to resend: 5xx, never a 2xx for a delivery that was not stored, never a 4xx.
    expect(refused.length).toBeGreaterThanOrEqual(30);
    // An answer later than Shopify's 5 s (null: no response in time, on a loaded machine) is a failure to
    // Shopify too, and resent; still, nearly every answer is the app's own 5xx.
    expect(refused.every((s) => s === null || (s >= 500 && s < 600)), JSON.stringify(refused)).toBe(true);
    expect(refused.filter((s) => s === null).length, JSON.stringify(refused)).toBeLessThanOrEqual(refused.length / 10);
    expect(deliveries.every((d) => d.state === "delivered")).toBe(true);
    // Every process lived through it (an idle pooled connection closing must not end a process), the
    // worker started during the outage included.
    for (const web of topology.webs) expect(web.process.child.exitCode, topology.output()).toBeNull();
    for (const worker of topology.workers) expect(worker.child.exitCode, topology.output()).toBeNull();

    // And the shoppers' pages are back.
    for (const path of pages) expect((await fetch(url(path))).status, path).toBe(200);
    expect((await fetch(availability())).status).toBe(200);
    await page.close();
  }, 180_000);
});
