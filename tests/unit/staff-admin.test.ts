// The admin's one error mapping: what Shopify's throttling and outages become on an admin page.
import { describe, expect, it } from "vitest";
import { staffFacingGraphql } from "~/http/staff-admin.server";
import { adminRequest } from "~/shopify/admin-graphql";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
// Short waits: the bucket refills 1,000 points a second, so each wait is a few milliseconds.
const throttled = () =>
  json({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }], extensions: { cost: { requestedQueryCost: 10, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 1000 } } } });

async function thrown(answer: () => Response, shop: string): Promise<unknown> {
  let calls = 0;
  const client = staffFacingGraphql(shop, async () => (calls++, answer()), "vi");
  try {
    await adminRequest(client, "query Q { shop { name } }");
  } catch (error) {
    return Object.assign(error as object, { calls });
  }
  throw new Error("no error thrown");
}

describe("staffFacingGraphql", () => {
  it("answers a shop still THROTTLED after a person's patience with 503, Retry-After and the staff member's language", async () => {
    const error = await thrown(throttled, "a.myshopify.com");
    expect(error).toBeInstanceOf(Response);
    const response = error as Response & { calls: number };
    expect(response.calls).toBe(5); // the first try and four waits
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ adminError: "throttled", locale: "vi", retryAfterSeconds: 5 });
  });

  it("HTTP 429 is throttling too; a 5xx that stays is 'unavailable'", async () => {
    const limited = (await thrown(() => json({ errors: "Too Many Requests" }, 429, { "Retry-After": "0" }), "b.myshopify.com")) as Response;
    expect(limited.status).toBe(503);
    expect(((await limited.json()) as { adminError: string }).adminError).toBe("throttled");
    const down = (await thrown(() => json({ errors: "Service Unavailable" }, 503), "c.myshopify.com")) as Response;
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ adminError: "unavailable", retryAfterSeconds: 30 });
  });

  it("passes anything else through: an answer, or a GraphQL error of the document", async () => {
    const client = staffFacingGraphql("d.myshopify.com", async () => json({ data: { shop: { name: "Demo" } } }), "en");
    expect(await adminRequest(client, "query Q { shop { name } }")).toEqual({ shop: { name: "Demo" } });
    const error = await thrown(() => json({ errors: [{ message: "Field 'nope' doesn't exist" }] }), "e.myshopify.com");
    expect(error).not.toBeInstanceOf(Response);
    expect(String(error)).toMatch(/nope/);
  });
});
