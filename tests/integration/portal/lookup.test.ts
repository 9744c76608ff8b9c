// The portal's order lookup (/portal/:shop), called as Remix calls it: enumeration resistance,
// rate limits (memory and Redis), CSRF, and the redirect to the tracking page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LookupPage, type LookupActionData, type LookupLoaderData } from "~/portal/LookupPage";
import { call, form, installShops, OTHER_SHOP, PEER, PortalBrowser, proxyQuery, SHOP, startPortalSimulator } from "./lookup-support";

const lookupRoute = await import("~/routes/portal.$shop._index");
const { installLookupRateLimiter, memoryLookupLimiter, redisLookupLimiter } = await import("~/security/rate-limit.server");
const { CSRF_FIELD } = await import("~/portal/csrf.server");
const { Redis } = await import("ioredis");
const { loadCustomerDataWarning } = await import("~/services/observe-customer-data.server");
const { prisma } = await import("~/db.server");

const params = { shop: SHOP };
let sim: Awaited<ReturnType<typeof startPortalSimulator>>;

beforeAll(async () => {
  sim = await startPortalSimulator();
});
afterAll(async () => {
  installLookupRateLimiter(undefined);
  await sim.close();
});
beforeEach(async () => {
  await installShops();
  installLookupRateLimiter(memoryLookupLimiter());
});

interface LookupPageData {
  csrfToken: string;
  action: string;
  layout: { locale: string; brandName: string; languages: { code: string; href: string }[] };
  title: string;
}

async function openLookup(browser: PortalBrowser, query = ""): Promise<LookupPageData> {
  const response = await call(lookupRoute.loader, browser.request(`/portal/${SHOP}${query}`), params);
  expect(response.status).toBe(200);
  browser.remember(response);
  return (await response.json()) as LookupPageData;
}

async function submit(browser: PortalBrowser, fields: Record<string, string>, csrf?: string | null): Promise<Response> {
  const token = csrf === undefined ? (await openLookup(browser)).csrfToken : csrf;
  const body = form(token === null ? fields : { ...fields, [CSRF_FIELD]: token });
  return call(lookupRoute.action, browser.request(`/portal/${SHOP}`, { method: "POST", body }), params);
}

/** A request Shopify's app proxy forwards: signed query, Shopify's socket, the shopper in X-Forwarded-For. */
function proxied(shopify: string, forwardedFor: string, init: RequestInit): Request {
  const headers = new Headers(init.headers);
  headers.set(PEER, shopify);
  headers.set("X-Forwarded-For", forwardedFor);
  return new Request(`https://crossdock.example.com/proxy/portal?${proxyQuery(SHOP)}`, { ...init, headers });
}

function headerList(response: Response): string[] {
  return [...response.headers.entries()].filter(([k]) => k !== "set-cookie").map(([k, v]) => `${k}: ${v}`).sort();
}

describe("the lookup page", () => {
  it("renders the form with the shop's branding and a CSRF token, and sets the CSRF cookie once", async () => {
    const browser = new PortalBrowser();
    const first = await call(lookupRoute.loader, browser.request(`/portal/${SHOP}`, { headers: { "Accept-Language": "vi-VN,vi;q=0.9" } }), params);
    expect(first.headers.get("Set-Cookie")).toMatch(/^crossdock_portal_csrf=[A-Za-z0-9_-]+; Path=\/portal; .*HttpOnly; SameSite=Lax/);
    expect(first.headers.get("Cache-Control")).toBe("private, no-store");
    browser.remember(first);
    const data = (await first.json()) as LookupPageData;
    expect(data.layout).toMatchObject({ locale: "vi", brandName: "Sim Test" });
    expect(data.title).toBe("Theo dõi đơn hàng");
    expect(data.action).toBe(`/portal/${SHOP}`);
    expect(data.csrfToken).toMatch(/^\d+\.[A-Za-z0-9_-]+$/);
    expect(data.layout.languages.find((l) => l.code === "zh-CN")!.href).toBe(`/portal/${SHOP}?lang=zh-CN`);
    const again = await call(lookupRoute.loader, browser.request(`/portal/${SHOP}?lang=zh-CN`), params);
    expect(again.headers.get("Set-Cookie")).toBeNull();
    expect(((await again.json()) as LookupPageData).action).toBe(`/portal/${SHOP}?lang=zh-CN`);
  });

  it("answers 404 for an unknown or uninstalled shop", async () => {
    const browser = new PortalBrowser();
    expect((await call(lookupRoute.loader, browser.request("/portal/nobody.myshopify.com"), { shop: "nobody.myshopify.com" })).status).toBe(404);
    expect((await call(lookupRoute.loader, browser.request("/portal/not-a-domain"), { shop: "not a domain" })).status).toBe(404);
    const { markUninstalled } = await import("~/models/shops.server");
    await markUninstalled(SHOP);
    expect((await call(lookupRoute.loader, browser.request(`/portal/${SHOP}`), params)).status).toBe(404);
  });
});

describe("a lookup", () => {
  it("with the order's number and email redirects (303) to the tracking page with an access token", async () => {
    const browser = new PortalBrowser();
    for (const [orderNumber, contact] of [["#1001", "ada@example.com"], ["1001", "  ADA@example.com "], ["# 1002", "lin@example.com"]]) {
      const response = await submit(browser, { orderNumber: orderNumber!, contact: contact! });
      expect(response.status, `${orderNumber} ${contact}`).toBe(303);
      expect(response.headers.get("Location")).toMatch(new RegExp(`^/portal/${SHOP.replace(/\./g, "\\.")}/o/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    }
  });

  it("matches the phone number on the order, whatever its formatting", async () => {
    const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "MUG-1", quantity: 1 }],
      email: "phone-buyer@example.com",
      phone: "+15550102030",
      shippingAddress: { address1: "1 Main St", city: "Oakland", province: "California", provinceCode: "CA", zip: "94607", country: "United States", countryCode: "US", firstName: "Pat", lastName: "Lee" },
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const name = created.body.order?.name ?? created.body.name;
    expect(name).toMatch(/^#\d+$/);
    const browser = new PortalBrowser();
    expect((await submit(browser, { orderNumber: name, contact: "+1 (555) 010-2030" })).status).toBe(303);
    expect((await submit(browser, { orderNumber: name, contact: "555 010 2031" })).status).toBe(422);
  });

  it("keeps the language the shopper chose in the redirect", async () => {
    const browser = new PortalBrowser();
    const page = await openLookup(browser, "?lang=vi");
    const response = await call(
      lookupRoute.action,
      browser.request(`/portal/${SHOP}?lang=vi`, { method: "POST", body: form({ orderNumber: "#1001", contact: "ada@example.com", [CSRF_FIELD]: page.csrfToken }) }),
      params,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toMatch(/\?lang=vi$/);
  });

  it("answers an unknown order and a wrong email identically: same status, headers and body", async () => {
    const browser = new PortalBrowser();
    const unknown = await submit(browser, { orderNumber: "#99999", contact: "ada@example.com" });
    const wrongEmail = await submit(browser, { orderNumber: "#1001", contact: "mallory@example.com" });
    const wrongKind = await submit(browser, { orderNumber: "#1001", contact: "+1 555 000 0000" });
    expect(unknown.status).toBe(422);
    for (const other of [wrongEmail, wrongKind]) {
      expect(other.status).toBe(unknown.status);
      expect(headerList(other)).toEqual(headerList(unknown));
    }
    // Apart from the shopper's own typing, sent back for the form.
    const bodies = await Promise.all([unknown, wrongEmail, wrongKind].map(async (r) => ({ ...((await r.json()) as LookupActionData), values: undefined })));
    expect(bodies[0]).toEqual({ error: "no_match" });
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it("keeps what the shopper typed in both fields after a failed lookup", async () => {
    const browser = new PortalBrowser();
    const page = (await openLookup(browser, "?lang=vi")) as unknown as LookupLoaderData;
    for (const [fields, error] of [
      [{ orderNumber: "#1001", contact: "mallory@example.com" }, "no_match"],
      [{ orderNumber: "#1001 ", contact: "" }, "invalid"],
    ] as const) {
      const response = await submit(browser, fields, page.csrfToken);
      expect(response.status).toBe(422);
      const failed = (await response.json()) as LookupActionData;
      expect(failed).toMatchObject({ error, values: fields });
      const html = renderToStaticMarkup(createElement(LookupPage, { data: page, actionData: failed }));
      expect(html).toMatch(/<input id="orderNumber"[^>]* value="#1001 ?"/);
      if (fields.contact) expect(html).toMatch(/<input id="contact"[^>]* value="mallory@example.com"/);
      expect(html).toContain('role="alert"');
    }
  });

  it("takes comparable time for an unknown order and a wrong email", async () => {
    installLookupRateLimiter(memoryLookupLimiter({ perIp: 10_000, perOrder: 10_000, windowSeconds: 60 }));
    const browser = new PortalBrowser();
    const token = (await openLookup(browser)).csrfToken;
    const timings: Record<"unknown" | "wrong", number[]> = { unknown: [], wrong: [] };
    const attempt = async (kind: "unknown" | "wrong") => {
      const fields = kind === "unknown" ? { orderNumber: "#99999", contact: "ada@example.com" } : { orderNumber: "#1001", contact: "mallory@example.com" };
      const started = performance.now();
      const response = await submit(browser, fields, token);
      timings[kind].push(performance.now() - started);
      expect(response.status).toBe(422);
    };
    for (let i = 0; i < 3; i++) await attempt(i % 2 ? "unknown" : "wrong"); // warm-up
    timings.unknown.length = 0;
    timings.wrong.length = 0;
    for (let i = 0; i < 30; i++) {
      await attempt("unknown");
      await attempt("wrong");
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const [u, w] = [median(timings.unknown), median(timings.wrong)];
    // Same work on both paths: the medians stay within 35 % (or 3 ms) of each other.
    expect(Math.abs(u - w), `unknown ${u.toFixed(2)} ms, wrong email ${w.toFixed(2)} ms`).toBeLessThan(Math.max(3, 0.35 * Math.max(u, w)));
  });

  it("answers 400 with a branded page to a body that is not a form (JSON, none, broken multipart)", async () => {
    const browser = new PortalBrowser();
    await openLookup(browser);
    const bodies: RequestInit[] = [
      { body: JSON.stringify({ orderNumber: "#1001" }), headers: { "Content-Type": "application/json" } },
      { body: "orderNumber=1001" },
      { body: "--x\r\nbroken", headers: { "Content-Type": "multipart/form-data; boundary=x" } },
    ];
    for (const init of bodies) {
      const response = await call(lookupRoute.action, browser.request(`/portal/${SHOP}`, { method: "POST", ...init }), params);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ portalError: "bad_request" });
    }
  });

  it("answers 422 with a message for an empty form, without charging the limits", async () => {
    const browser = new PortalBrowser();
    const response = await submit(browser, { orderNumber: " ", contact: "" });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "invalid", values: { orderNumber: " ", contact: "" } });
  });
});

describe("rate limits", () => {
  it("answer 429 with Retry-After once one address has made too many attempts (many order numbers)", async () => {
    installLookupRateLimiter(memoryLookupLimiter({ perIp: 4, perOrder: 100, windowSeconds: 600 }));
    const browser = new PortalBrowser("198.51.100.7");
    const token = (await openLookup(browser)).csrfToken;
    for (let i = 0; i < 4; i++) {
      expect((await submit(browser, { orderNumber: `#${2000 + i}`, contact: "ada@example.com" }, token)).status).toBe(422);
    }
    const limited = await submit(browser, { orderNumber: "#1001", contact: "ada@example.com" }, token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(500);
    expect(await limited.json()).toMatchObject({ error: "rate_limited", retryAfterMinutes: 10 });
    // Another address is not affected.
    expect((await submit(new PortalBrowser("198.51.100.8"), { orderNumber: "#1001", contact: "ada@example.com" })).status).toBe(303);
  });

  it("answer 429 once one order number has been tried too often (many addresses)", async () => {
    installLookupRateLimiter(memoryLookupLimiter({ perIp: 100, perOrder: 3, windowSeconds: 600 }));
    for (let i = 0; i < 3; i++) {
      expect((await submit(new PortalBrowser(`192.0.2.${i + 1}`), { orderNumber: "#1001", contact: `guess${i}@example.com` })).status).toBe(422);
    }
    // Even the right email is refused now, from a fresh address, and "1001" counts as "#1001".
    const limited = await submit(new PortalBrowser("192.0.2.99"), { orderNumber: "1001", contact: "ada@example.com" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
    // Another order of the shop is not affected.
    expect((await submit(new PortalBrowser("192.0.2.99"), { orderNumber: "#1002", contact: "lin@example.com" })).status).toBe(303);
  });

  it("count unknown orders and wrong emails alike", async () => {
    installLookupRateLimiter(memoryLookupLimiter({ perIp: 2, perOrder: 100, windowSeconds: 600 }));
    const a = new PortalBrowser("192.0.2.50");
    await submit(a, { orderNumber: "#99999", contact: "ada@example.com" });
    await submit(a, { orderNumber: "#99998", contact: "ada@example.com" });
    const b = new PortalBrowser("192.0.2.51");
    await submit(b, { orderNumber: "#1001", contact: "x@example.com" });
    await submit(b, { orderNumber: "#1002", contact: "x@example.com" });
    const [ua, ub] = await Promise.all([
      submit(a, { orderNumber: "#1003", contact: "ada@example.com" }),
      submit(b, { orderNumber: "#1003", contact: "ada@example.com" }),
    ]);
    expect([ua.status, ub.status]).toEqual([429, 429]);
  });

  it("are not escaped by sending a new X-Forwarded-For with every attempt (no trusted proxy)", async () => {
    installLookupRateLimiter(memoryLookupLimiter({ perIp: 3, perOrder: 100, windowSeconds: 600 }));
    const browser = new PortalBrowser("198.51.100.20");
    const token = (await openLookup(browser)).csrfToken;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      browser.forwardedFor = `10.0.${i}.1, 192.0.2.${100 + i}`;
      statuses.push((await submit(browser, { orderNumber: `#${3000 + i}`, contact: "ada@example.com" }, token)).status);
    }
    expect(statuses).toEqual([422, 422, 422, 429, 429]);
  });

  it("keep two sockets in two buckets, with or without X-Forwarded-For (no shared fallback)", async () => {
    installLookupRateLimiter(memoryLookupLimiter({ perIp: 2, perOrder: 100, windowSeconds: 600 }));
    const a = new PortalBrowser("198.51.100.30");
    const b = new PortalBrowser("2001:db8::31");
    for (let i = 0; i < 2; i++) await submit(a, { orderNumber: `#${4000 + i}`, contact: "ada@example.com" });
    expect((await submit(a, { orderNumber: "#4009", contact: "ada@example.com" })).status).toBe(429);
    // Another socket, no X-Forwarded-For at all: its own bucket, not a shared "unknown" one.
    expect((await submit(b, { orderNumber: "#1001", contact: "ada@example.com" })).status).toBe(303);
  });

  it("count the shopper Shopify's app proxy forwards, not Shopify's own address", async () => {
    installLookupRateLimiter(memoryLookupLimiter({ perIp: 2, perOrder: 100, windowSeconds: 600 }));
    const shopify = "23.227.38.32";
    const attempt = async (shopper: string, orderNumber: string) => {
      const page = await call(lookupRoute.loader, proxied(shopify, shopper, {}), {});
      const { csrfToken } = (await page.json()) as { csrfToken: string };
      const body = form({ orderNumber, contact: "ada@example.com", [CSRF_FIELD]: csrfToken });
      return (await call(lookupRoute.action, proxied(shopify, shopper, { method: "POST", body }), {})).status;
    };
    // One shopper, with a client-written entry in front that changes every time: still one bucket.
    expect(await attempt("6.6.6.1, 203.0.113.40", "#5000")).toBe(422);
    expect(await attempt("6.6.6.2, 203.0.113.40", "#5001")).toBe(422);
    expect(await attempt("6.6.6.3, 203.0.113.40", "#5002")).toBe(429);
    // Another shopper through the same Shopify address is not affected.
    expect(await attempt("203.0.113.41", "#1001")).toBe(303);
  });

  it("are kept in Redis when configured (shared by every web process)", async () => {
    const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
    const prefix = `crossdock-portal-test-${process.pid}-${Date.now()}`;
    try {
      // Until the connection is ready the limiter counts in its in-memory insurance limiter
      // (by design: a Redis outage never lets every attempt through); this test is about Redis.
      await redis.ping();
      expect(redis.status).toBe("ready");
      const limits = { perIp: 2, perOrder: 100, windowSeconds: 120 };
      installLookupRateLimiter(redisLookupLimiter(redis, limits, prefix));
      const browser = new PortalBrowser("192.0.2.77");
      await submit(browser, { orderNumber: "#5", contact: "ada@example.com" });
      await submit(browser, { orderNumber: "#6", contact: "ada@example.com" });
      // A second limiter on the same Redis (another web process) sees the same counts.
      installLookupRateLimiter(redisLookupLimiter(redis, limits, prefix));
      const limited = await submit(browser, { orderNumber: "#1001", contact: "ada@example.com" });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(100);
      expect(await redis.keys(`${prefix}:portal-lookup-ip*`)).toHaveLength(1);
    } finally {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });
});

describe("CSRF", () => {
  it("refuses a lookup without a token, with a forged one, or without the cookie (403, nothing looked up)", async () => {
    installLookupRateLimiter(memoryLookupLimiter({ perIp: 1, perOrder: 1, windowSeconds: 600 }));
    const browser = new PortalBrowser();
    await openLookup(browser);
    const fields = { orderNumber: "#1001", contact: "ada@example.com" };
    expect((await submit(browser, fields, null)).status).toBe(403);
    expect((await submit(browser, fields, "1999999999.forged")).status).toBe(403);
    const stranger = new PortalBrowser();
    const token = (await openLookup(new PortalBrowser())).csrfToken;
    expect((await submit(stranger, fields, token)).status).toBe(403);
    // None of these counted against the limits: the real lookup still works.
    expect((await submit(browser, fields)).status).toBe(303);
  });

  it("renders the refusal as a branded page in the shopper's language", async () => {
    const browser = new PortalBrowser();
    await openLookup(browser);
    const response = await call(
      lookupRoute.action,
      browser.request(`/portal/${SHOP}?lang=zh-CN`, { method: "POST", body: form({ orderNumber: "#1001", contact: "ada@example.com" }) }),
      params,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ portalError: "csrf", layout: { locale: "zh-CN", brandName: "Sim Test" } });
  });
});

describe("when Shopify refuses the shop's token", () => {
  it("shows the branded 'try again' page (503, Retry-After) instead of failing with a 500", async () => {
    const { prisma } = await import("~/db.server");
    const { forgetCachedSessions } = await import("~/models/session-cache.server");
    await prisma.session.update({ where: { id: `offline_${SHOP}` }, data: { accessToken: "shpat_revoked" } });
    forgetCachedSessions();
    const browser = new PortalBrowser("203.0.113.40");
    const response = await submit(browser, { orderNumber: "#1001", contact: "ada@example.com" });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect(await response.json()).toMatchObject({ portalError: "unavailable", layout: { brandName: "Sim Test" } });
  });

  it("hands use cases a client they do not wrap again (its 503 is final, its waits are not repeated)", async () => {
    const { resolvePortalRequest } = await import("~/portal/context.server");
    const { isResilient, resilientGraphql } = await import("~/shopify/resilient-graphql");
    const portal = await resolvePortalRequest(new PortalBrowser().request(`/portal/${SHOP}`), { shop: SHOP });
    const client = await portal.admin();
    expect(isResilient(client)).toBe(true);
    expect(resilientGraphql(client)).toBe(client);
  });
});

async function approve(shop: string, fields: string[]) {
  const response = await sim.control("PUT", `/_control/shops/${shop}/customer-data`, { level: 2, fields });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

const lookUp = (fields: Record<string, string>) => submit(new PortalBrowser(), fields);

// Protected customer data redacted by Shopify (FIDELITY PCD-2) on the strict simulator: the lookup
// records per shop which fields Shopify hides, explains to the shopper why a lookup by email cannot
// match (the same words for an order that exists and one that does not), and forgets the redaction
// once Shopify serves the field again; the admin's setup warning reads the same record.
describe("a shop whose order emails Shopify redacts", () => {
  beforeEach(() => approve(SHOP, ["name", "email", "phone", "address"]));
  afterAll(() => approve(SHOP, ["name", "email", "phone", "address"]));

  it("records the redaction, explains it to every shopper who looks up by email alike, and still matches by phone", async () => {
    await approve(SHOP, ["name", "phone", "address"]);
    expect(await loadCustomerDataWarning(SHOP)).toBeNull();

    // Nothing observed yet: the first lookup answers as for any order it cannot match...
    const first = await lookUp({ orderNumber: "#1001", contact: "ada@example.com" });
    expect(first.status).toBe(422);
    expect(await first.json()).toMatchObject({ error: "no_match" });
    // ...and its answer (email null, with Shopify's redaction error) is recorded for the shop only.
    // (recorded after the answer, not on the shopper's time)
    await expect.poll(() => loadCustomerDataWarning(SHOP)).toMatchObject({ fields: ["email"] });
    expect(await loadCustomerDataWarning(OTHER_SHOP)).toBeNull();
    const row = await prisma.customerDataRedaction.findFirstOrThrow({ where: { field: "email" } });
    expect(row.operation).toBe("CrossdockPortalOrderByName");

    // From now on: the same explanation for the real order, a wrong email and an order that does not exist.
    const explained = { error: "no_match", unmatchable: { contact: "email", otherUsable: true } };
    const answers = await Promise.all([
      lookUp({ orderNumber: "#1001", contact: "ada@example.com" }),
      lookUp({ orderNumber: "#1001", contact: "mallory@example.com" }),
      lookUp({ orderNumber: "#99999", contact: "ada@example.com" }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(422);
      expect(await answer.json()).toMatchObject(explained);
    }
    // A phone number is not redacted: a wrong one gets the ordinary answer.
    const phone = await lookUp({ orderNumber: "#99999", contact: "+1 555 000 0000" });
    expect(await phone.json()).toMatchObject({ error: "no_match" });
  });

  it("tells the shopper to contact the store when phones are redacted too", async () => {
    await approve(SHOP, ["name", "address"]);
    await lookUp({ orderNumber: "#1001", contact: "ada@example.com" });
    await expect.poll(() => loadCustomerDataWarning(SHOP)).toMatchObject({ fields: ["email", "phone"] });
    const answer = await lookUp({ orderNumber: "#1001", contact: "ada@example.com" });
    expect(await answer.json()).toMatchObject({ error: "no_match", unmatchable: { contact: "email", otherUsable: false } });
  });

  it("forgets the redaction once Shopify serves the email again, and the lookup matches", async () => {
    await approve(SHOP, ["name", "phone", "address"]);
    await lookUp({ orderNumber: "#1001", contact: "ada@example.com" });
    await expect.poll(() => loadCustomerDataWarning(SHOP)).toMatchObject({ fields: ["email"] });

    await approve(SHOP, ["name", "email", "phone", "address"]);
    const found = await lookUp({ orderNumber: "#1001", contact: "ada@example.com" });
    expect(found.status).toBe(303);
    await expect.poll(() => loadCustomerDataWarning(SHOP)).toBeNull();
  });
});
