import { HttpInternalError, HttpRequestError, HttpThrottlingError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { adminRequest, AdminApiError } from "~/shopify/admin-graphql";
import { AdminMutationOutcomeUnknownError, AdminRetriesExhaustedError, isMutationDocument, resilientGraphql } from "~/shopify/resilient-graphql";

const cost = (requested: number, available: number, restoreRate = 50, max = 1000) => ({
  requestedQueryCost: requested,
  actualQueryCost: null,
  throttleStatus: { maximumAvailable: max, currentlyAvailable: available, restoreRate },
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const throttled = (requested: number, available: number) =>
  json({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }], extensions: { cost: cost(requested, available) } });
const ok = (data: unknown = { shop: { name: "x" } }) => json({ data, extensions: { cost: cost(1, 999) } });

function scripted(steps: (() => Response | Promise<Response>)[]) {
  let calls = 0;
  const graphql = async () => {
    const step = steps[Math.min(calls, steps.length - 1)]!;
    calls++;
    return step();
  };
  return { graphql, calls: () => calls };
}

function recorder() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("resilientGraphql", () => {
  it("waits (requested − available) / restoreRate on THROTTLED, then retries", async () => {
    const api = scripted([() => throttled(120, 20), () => ok()]);
    const clock = recorder();
    const events: string[] = [];
    const client = resilientGraphql(api.graphql, { sleep: clock.sleep, onWait: (e) => events.push(e.reason) });
    expect(await adminRequest(client, "query Q { shop { name } }")).toEqual({ shop: { name: "x" } });
    expect(api.calls()).toBe(2);
    expect(clock.waits).toEqual([(100 / 50) * 1000 + 50]);
    expect(events).toEqual(["throttled"]);
  });

  it("understands the Shopify library's GraphqlQueryError for THROTTLED", async () => {
    let calls = 0;
    const graphql = async () => {
      if (calls++ === 0) {
        throw Object.assign(new Error("Throttled"), {
          name: "GraphqlQueryError",
          body: { errors: { graphQLErrors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] }, extensions: { cost: cost(60, 10, 25) } },
        });
      }
      return ok();
    };
    const clock = recorder();
    await adminRequest(resilientGraphql(graphql, { sleep: clock.sleep }), "query Q { shop { name } }");
    expect(clock.waits).toEqual([2050]);
  });

  it("waits before a request the bucket cannot pay for, from the last throttleStatus", async () => {
    let now = 0;
    const responses = [json({ data: { a: 1 }, extensions: { cost: cost(300, 100, 100) } }), ok()];
    let i = 0;
    const clock = recorder();
    const client = resilientGraphql(async () => responses[i++]!, { sleep: clock.sleep, now: () => now });
    await client("query A { shop { name } }");
    now += 1000; // +100 restored: 200 available, the last request cost 300
    await client("query B { shop { name } }");
    expect(clock.waits).toEqual([1000]);
  });

  it("with a reserve, leaves that share of the bucket to others: waits until it holds the last cost plus the reserve", async () => {
    const now = 0;
    // 1,000-point bucket restoring 100/s; the last request cost 300 and left 400.
    const responses = [json({ data: { a: 1 }, extensions: { cost: cost(300, 400, 100) } }), ok(), ok()];
    let i = 0;
    const clock = recorder();
    const events: string[] = [];
    const client = resilientGraphql(async () => responses[i++]!, { sleep: clock.sleep, now: () => now, reserve: 0.5, onWait: (e) => events.push(e.reason) });
    await client("query A { shop { name } }");
    // 400 available; 300 + 500 kept free = 800 needed: (800 − 400) / 100 s.
    await client("query B { shop { name } }");
    expect(clock.waits).toEqual([4000]);
    expect(events).toEqual(["bucket"]);
    // Without a reserve the same bucket pays at once.
    const plain = recorder();
    const responses2 = [json({ data: { a: 1 }, extensions: { cost: cost(300, 400, 100) } }), ok()];
    let j = 0;
    const spender = resilientGraphql(async () => responses2[j++]!, { sleep: plain.sleep, now: () => now });
    await spender("query A { shop { name } }");
    await spender("query B { shop { name } }");
    expect(plain.waits).toEqual([]);
  });

  it("never waits for more than the whole bucket, whatever the reserve", async () => {
    const responses = [json({ data: { a: 1 }, extensions: { cost: cost(900, 0, 100) } }), ok()];
    let i = 0;
    const clock = recorder();
    const client = resilientGraphql(async () => responses[i++]!, { sleep: clock.sleep, now: () => 0, reserve: 1 });
    await client("query A { shop { name } }");
    await client("query B { shop { name } }");
    // Needed is capped at the bucket's size, 1,000: ten seconds from empty.
    expect(clock.waits).toEqual([10_000]);
  });

  it("retries 5xx and network errors with exponential back-off and jitter", async () => {
    const api = scripted([
      () => json({ errors: "Internal" }, 503),
      () => {
        throw new TypeError("fetch failed");
      },
      () => {
        // What @shopify/shopify-api throws on a 5xx: its class, whose `name` is plain "Error".
        throw new HttpInternalError({ message: "Shopify internal error", code: 503, statusText: "Service Unavailable" });
      },
      () => {
        throw new HttpRequestError("Http request error, no response available");
      },
      () => ok(),
    ]);
    const clock = recorder();
    const client = resilientGraphql(api.graphql, { sleep: clock.sleep, random: () => 1, baseDelayMs: 100 });
    expect(await adminRequest(client, "query Q { shop { name } }")).toEqual({ shop: { name: "x" } });
    expect(clock.waits).toEqual([100, 200, 400, 800]);
  });

  it("knows the library's 429 by its class and waits its Retry-After", async () => {
    const api = scripted([
      () => {
        throw new HttpThrottlingError({ message: "Shopify is throttling requests", code: 429, statusText: "Too Many Requests", retryAfter: 1.5 });
      },
      () => ok(),
    ]);
    const clock = recorder();
    await adminRequest(resilientGraphql(api.graphql, { sleep: clock.sleep }), "query Q { shop { name } }");
    expect(clock.waits).toEqual([1500]);
  });

  it("honours Retry-After on 429", async () => {
    const api = scripted([() => new Response("", { status: 429, headers: { "Retry-After": "2" } }), () => ok()]);
    const clock = recorder();
    await adminRequest(resilientGraphql(api.graphql, { sleep: clock.sleep }), "query Q { shop { name } }");
    expect(clock.waits).toEqual([2000]);
  });

  it("gives up after its retries, naming the cause", async () => {
    const api = scripted([() => json({}, 502)]);
    const clock = recorder();
    const client = resilientGraphql(api.graphql, { sleep: clock.sleep, maxRetries: 3 });
    await expect(client("query Q { shop { name } }")).rejects.toThrow(AdminRetriesExhaustedError);
    expect(api.calls()).toBe(4);
  });

  it("never resends a mutation that met a 5xx or a network error (it may have run); resends one refused with 429 or THROTTLED", async () => {
    const clock = recorder();
    const failing = scripted([() => json({}, 502), () => ok({ done: true })]);
    const mutation = "#graphql\n  mutation CrossdockThing($id: ID!) { thing(id: $id) { id } }";
    await expect(resilientGraphql(failing.graphql, { sleep: clock.sleep })(mutation)).rejects.toBeInstanceOf(AdminMutationOutcomeUnknownError);
    expect(failing.calls()).toBe(1);
    const network = scripted([() => Promise.reject(new TypeError("fetch failed")), () => ok({ done: true })]);
    await expect(resilientGraphql(network.graphql, { sleep: clock.sleep })(mutation)).rejects.toBeInstanceOf(AdminMutationOutcomeUnknownError);
    expect(network.calls()).toBe(1);
    const refused = scripted([() => json({}, 429), () => throttled(10, 0), () => ok({ done: true })]);
    expect(await adminRequest(resilientGraphql(refused.graphql, { sleep: clock.sleep }), mutation)).toEqual({ done: true });
    expect(refused.calls()).toBe(3);
    // A query is read-only: retried.
    const query = scripted([() => json({}, 502), () => ok()]);
    expect(await adminRequest(resilientGraphql(query.graphql, { sleep: clock.sleep }), "#graphql\n query Q { shop { name } }")).toEqual({ shop: { name: "x" } });
    expect(query.calls()).toBe(2);
  });

  it("tells mutations from queries by the document's operation", () => {
    expect(isMutationDocument("#graphql\n  mutation M { x }")).toBe(true);
    expect(isMutationDocument("  # a comment\n mutation { x }")).toBe(true);
    expect(isMutationDocument("query Q { mutationCount }")).toBe(false);
    expect(isMutationDocument("{ shop { name } }")).toBe(false);
    expect(isMutationDocument("fragment F on Return { id }\nmutation M { x { ...F } }")).toBe(true);
    expect(isMutationDocument("#graphql\n  # mutation in a comment\n  query Q { shop { name } }")).toBe(false);
  });

  it("returns an already resilient client as it is, so retries never multiply", async () => {
    const api = scripted([() => new Response("down", { status: 503 })]);
    const clock = recorder();
    const inner = resilientGraphql(api.graphql, { sleep: clock.sleep, maxRetries: 2 });
    const outer = resilientGraphql(inner, { sleep: clock.sleep, maxRetries: 5 });
    expect(outer).toBe(inner);
    await expect(adminRequest(outer, "query Q { shop { name } }")).rejects.toBeInstanceOf(AdminRetriesExhaustedError);
    expect(api.calls()).toBe(3);
  });

  it("passes other GraphQL errors and userErrors through without retrying", async () => {
    const bad = scripted([() => json({ errors: [{ message: "Field 'nope' doesn't exist", extensions: { code: "undefinedField" } }] })]);
    const clock = recorder();
    await expect(adminRequest(resilientGraphql(bad.graphql, { sleep: clock.sleep }), "query Q { nope }")).rejects.toThrow(AdminApiError);
    expect(bad.calls()).toBe(1);

    const refused = { fulfillmentOrderMove: { userErrors: [{ field: ["id"], message: "Not found" }] } };
    const user = scripted([() => ok(refused)]);
    expect(await adminRequest(resilientGraphql(user.graphql, { sleep: clock.sleep }), "mutation M { x }")).toEqual(refused);
    expect(user.calls()).toBe(1);
    expect(clock.waits).toEqual([]);
  });

  it("rethrows errors it cannot retry (access denied)", async () => {
    const denied = new Response("", { status: 401 });
    const graphql = async () => {
      throw denied;
    };
    await expect(resilientGraphql(graphql)("query Q { shop { name } }")).rejects.toBe(denied);
  });
});
