// Returns on the production topology (tests/production/topology.ts: the build, two `npm start`
// behind a round-robin balancer, two `npm run worker`, PostgreSQL, Redis, the strict simulator
// sending signed webhooks, the Resend stand-in):
//  - a shopper, in Debian's Chromium through the balancer, looks up a delivered order in the portal
//    and requests a mail return; the merchant's rule approves it; the label downloads as a PDF whose
//    text and Code 128 barcode carry the RMA; staff receive it at a store (restocked there in
//    Shopify, and in Crossdock's mirror by webhook); Shopify refunds it; the shopper gets each of the
//    four emails exactly once;
//  - a return the merchant makes in Shopify admin is imported as approved, and its disposal in
//    Shopify admin (restocked at the warehouse) is recorded.
// Staff steps: Crossdock's admin is embedded in Shopify admin and cannot be loaded in a browser
// without it (App Bridge, the session token), so receiving sends what the return page's form sends,
// with the session token App Bridge adds (`adminFetch`: a JWT signed with the API secret).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { launchBrowser, visible, type Browser } from "../support/browser";
import { decodePdfBarcodes, extractPdfText } from "../support/pdf";
import { adminFetch, nothingLost, SHOP, startTopology, syncAsInstalled, waitFor as waitUntil, type Topology } from "./topology";

const DAY = 86_400_000;

let topology: Topology;
let sim: Topology["sim"];
let browser: Browser;

beforeAll(async () => {
  [topology, browser] = await Promise.all([startTopology(), launchBrowser()]);
  sim = topology.sim;
  await syncAsInstalled(topology);
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await topology?.stop();
});

function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs?: number): Promise<T> {
  return waitUntil(topology, what, probe, timeoutMs);
}

async function control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const answer = await sim.control(method, `/_control/shops/${SHOP}${path}`, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

async function locationId(name: string): Promise<string> {
  const all = (await sim.data(`{ locations(first: 10, includeInactive: true) { nodes { id name } } }`)).locations.nodes as { id: string; name: string }[];
  return all.find((l) => l.name === name)!.id;
}

/** Shopify's on-hand count of a SKU at a location. */
async function onHand(sku: string, location: string): Promise<number> {
  const state = await control<{ inventory: { sku: string | null; locationId: string; on_hand: number }[] }>("GET", "/state");
  return state.inventory.find((i) => i.sku === sku && i.locationId === location)?.on_hand ?? 0;
}

const ADDRESS = { firstName: "Grace", lastName: "Hopper", address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", countryCode: "US", country: "United States", latitude: 37.7936, longitude: -122.3958 };

/** A paid order of one TEE-S, shipped and delivered two days ago. */
async function deliveredOrder(email: string): Promise<{ id: string; name: string }> {
  const { order } = await control<{ order: { id: string; name: string } }>("POST", "/orders", {
    lines: [{ sku: "TEE-S", quantity: 1 }],
    email,
    customer: { email, firstName: ADDRESS.firstName, lastName: ADDRESS.lastName },
    shippingAddress: ADDRESS,
    financialStatus: "PAID",
  });
  const { fulfillments } = await control<{ fulfillments: { id: string }[] }>("POST", "/fulfillments", { orderId: order.id });
  for (const f of fulfillments) await control("POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 2 * DAY).toISOString() });
  return order;
}

/** The subjects of the emails sent to the address, sorted, once nothing more is on its way (3 s after the last webhook is processed). */
async function emailSubjectsTo(email: string): Promise<string[]> {
  await nothingLost(topology, "so far");
  await new Promise((r) => setTimeout(r, 3_000));
  return topology.resend
    .messages()
    .filter((m) => m.to.includes(email))
    .map((m) => m.subject)
    .sort();
}

describe("returns on the production topology", () => {
  it("a shopper's mail return in the portal: rule-approved, label, received at a store, refunded in Shopify, one email each", async () => {
    const email = "grace.returns@example.com";
    const shop = await prisma.shop.findFirstOrThrow({ where: { domain: SHOP } });
    // The merchant's rule: mail returns are approved at once.
    const { saveReturnRules } = await import("~/models/return-rules.server");
    await saveReturnRules(shop, [{ id: "mail-ok", name: "Approve mail returns", enabled: true, conditions: [{ type: "method_in", methods: ["MAIL"] }], action: { type: "AUTO_APPROVE" } }], "merchant@example.com");
    const order = await deliveredOrder(email);

    const page: Page = await browser.context.newPage();
    page.setDefaultNavigationTimeout(60_000);
    let rma = "";
    try {
      await page.goto(`${topology.url}/portal/${SHOP}`);
      await page.getByLabel("Order number").fill(order.name);
      await page.getByLabel("Email or phone number").fill(email);
      await Promise.all([page.waitForURL(/\/o\/[A-Za-z0-9_.-]+/), page.getByRole("button", { name: "Find my order" }).click()]);
      await Promise.all([page.waitForURL(/\/return(\?|$)/), page.getByRole("link", { name: "Return items" }).click()]);
      const items = page.locator("form li[data-item]");
      expect(await items.count()).toBe(1);
      await items.nth(0).getByRole("checkbox").check();
      await items.nth(0).getByLabel("Reason").selectOption({ label: "Too small" });
      await page.getByRole("radio", { name: "By mail with a printable label" }).check();
      await Promise.all([page.waitForURL(/\/returns\/RMA-/), page.getByRole("button", { name: "Request return" }).click()]);
      rma = decodeURIComponent(new URL(page.url()).pathname.split("/returns/")[1]!);
      await visible(page.getByRole("heading", { level: 1, name: `Return ${rma}` }));

      // The rule ran with the submission: the next page already shows it approved, with its label.
      await visible(page.getByText("Approved", { exact: true }));
      const link = page.getByRole("link", { name: "Print label (PDF)" });
      await visible(link);
      const href = (await link.getAttribute("href"))!;
      const label = await page.request.get(new URL(href, topology.url).toString());
      expect(label.status()).toBe(200);
      expect(label.headers()["content-type"]).toBe("application/pdf");
      const pdf = new Uint8Array(await label.body());
      const text = (await extractPdfText(pdf)).map((p) => p.text).join("\n");
      expect(text).toContain(rma);
      // From the shopper, to the return location.
      expect(text).toContain(ADDRESS.address1);
      const returnTo = await prisma.returnRequest.findFirstOrThrow({ where: { rma }, select: { returnLocationId: true } });
      const location = await prisma.location.findFirstOrThrow({ where: { shopifyId: returnTo.returnLocationId! } });
      expect(text).toContain(location.name);
      expect(text).toContain(location.address1!);
      expect((await decodePdfBarcodes(pdf, "CODE_128")).map((b) => b.text)).toContain(rma);
    } finally {
      await page.close();
    }

    const stored = await prisma.returnRequest.findFirstOrThrow({ where: { shopId: shop.id, rma }, include: { lines: true, events: true } });
    expect(stored.status).toBe("APPROVED");
    expect(stored.shopifyReturnId).toMatch(/^gid:\/\/shopify\/Return\//);
    expect(stored.lines.map((l) => l.reason)).toEqual(["SIZE_TOO_SMALL"]);
    // Approved by the merchant's rule, once (the submission and the returns/request job both run the rules).
    expect(stored.events.filter((e) => e.type === "approved").map((e) => e.actor)).toEqual(["rule:mail-ok"]);

    // Staff receive it at the SF store: restocked there in Shopify.
    const store = await locationId("SF Store");
    const before = await onHand("TEE-S", store);
    await nothingLost(topology, "so far");
    const mirrored = async () => (await prisma.inventoryLevel.findFirstOrThrow({ where: { shopId: shop.id, sku: "TEE-S", location: { shopifyId: store } } })).available;
    const availableBefore = await mirrored();
    const form = new URLSearchParams({ intent: "receive", locationId: store });
    for (const line of stored.lines) form.set(`disposition:${line.id}`, "RESTOCKED");
    const received = await adminFetch(topology, `/app/returns/${stored.id}`, { method: "POST", body: form });
    expect(received.status, (await received.clone().text()).slice(0, 500)).toBe(200);
    expect(await received.text()).toContain("Return received.");
    expect(await onHand("TEE-S", store)).toBe(before + 1);
    const after = await prisma.returnRequest.findUniqueOrThrow({ where: { id: stored.id }, include: { lines: true } });
    expect(after.status).toBe("RECEIVED");
    expect(after.lines.map((l) => [l.disposition, l.dispositionLocationId])).toEqual([["RESTOCKED", store]]);
    // Crossdock's stock mirror follows Shopify's inventory_levels/update (its payload carries `available`).
    await waitFor("Crossdock's mirror to show the restocked unit at the SF store", async () => (await mirrored()) === availableBefore + 1);

    // Shopify refunds it (staff in Shopify admin): refunds/create names the return.
    await control("POST", `/returns/${encodeURIComponent(stored.shopifyReturnId!)}/refund`, { amount: "20.00" });
    const refunded = await waitFor("the refund to be recorded", () => prisma.returnRequest.findFirst({ where: { id: stored.id, status: "REFUNDED" } }));
    expect(refunded.refundedAmount?.toFixed(2)).toBe("20.00");

    // Each email once: after every webhook is processed and a few seconds for any duplicate.
    await nothingLost(topology, "so far");
    const subjects = [`We've received your return request ${rma}`, `Your return ${rma} is approved`, `We've received your returned items (${rma})`, `Your refund for return ${rma} has been issued`];
    await waitFor("the four emails", async () => topology.resend.messages().filter((m) => m.to.includes(email)).length >= subjects.length);
    expect(await emailSubjectsTo(email)).toEqual([...subjects].sort());
  }, 240_000);

  it("a return made in Shopify admin is imported as approved, and its disposal in Shopify admin is recorded", async () => {
    const email = "admin.return@example.com";
    const shop = await prisma.shop.findFirstOrThrow({ where: { domain: SHOP } });
    const order = await deliveredOrder(email);
    const created = await control<{ return: { id: string } }>("POST", "/returns", { orderId: order.id, status: "OPEN", lines: [{ sku: "TEE-S", quantity: 1, returnReason: "COLOR" }] });
    const imported = await waitFor("Crossdock to import the return", () =>
      prisma.returnRequest.findFirst({ where: { shopId: shop.id, shopifyReturnId: created.return.id }, include: { lines: true } }),
    );
    await waitFor("the import to show it approved", () => prisma.returnRequest.findFirst({ where: { id: imported.id, status: "APPROVED" } }));
    expect(imported.lines.map((l) => l.reason)).toEqual(["COLOR"]);

    // Staff dispose of it in Shopify admin: restocked at the warehouse, no refund yet.
    const warehouse = await locationId("Warehouse");
    const before = await onHand("TEE-S", warehouse);
    await control("POST", `/returns/${encodeURIComponent(created.return.id)}/process`, { refund: false, dispositionType: "RESTOCKED", locationId: warehouse });
    expect(await onHand("TEE-S", warehouse)).toBe(before + 1);
    const disposed = await waitFor("Crossdock to record the disposal", () =>
      prisma.returnRequest.findFirst({ where: { id: imported.id, status: "RECEIVED" }, include: { lines: true } }),
    );
    expect(disposed.lines.map((l) => [l.disposition, l.dispositionLocationId])).toEqual([["RESTOCKED", warehouse]]);
    await nothingLost(topology, "so far");
    const deliveries = await prisma.webhookDelivery.findMany({ where: { shop: SHOP, topic: { startsWith: "returns/" } }, select: { status: true, lastError: true } });
    expect(deliveries.filter((d) => d.status !== "PROCESSED" && d.status !== "SKIPPED")).toEqual([]);
    // What staff do in Shopify admin, Shopify tells the customer about (its notifyCustomer): Crossdock adds no email.
    expect(await emailSubjectsTo(email)).toEqual([]);
  }, 180_000);
});
