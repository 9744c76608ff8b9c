// Shopify refusing the shop's access token (401: revoked, or the app was uninstalled and the
// app/uninstalled webhook has not been processed yet) is not something a retry fixes: the job that
// met it fails at once with a message staff can act on, instead of retrying for hours.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { offlineAdmin } from "~/jobs/admin.server";
import { errorMessage, isPermanentError } from "~/jobs/errors";
import { adminRequest } from "~/shopify/admin-graphql";
import { redirectAdminApiTo } from "~/shopify/admin-origin.server";
import { forgetCachedSessions } from "~/models/session-cache.server";
import { resetDatabase } from "../../setup/db";
import { SHOP, startTestSimulator, TOKEN, type TestSimulator } from "../../simulator/helpers";
import { API_KEY, API_SECRET } from "./env";

let sim: TestSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
});
afterAll(() => sim.close());

async function sessionWithToken(accessToken: string) {
  await resetDatabase();
  forgetCachedSessions();
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken, scope: "read_orders" } });
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
}

describe("a 401 from the Admin API in a job", () => {
  beforeEach(() => sessionWithToken("shpat_revoked"));

  it("is a permanent error, met once (no retries), named in the job's error", async () => {
    const started = Date.now();
    const error = await failureOf(adminRequest(await offlineAdmin()(SHOP), "query { shop { name } }"));
    expect(isPermanentError(error)).toBe(true);
    expect(errorMessage(error)).toMatch(/401 Unauthorized/);
    expect(errorMessage(error)).toMatch(/a staff member must open Crossdock/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("while the shop's own token still works (the same request succeeds)", async () => {
    await sessionWithToken(TOKEN);
    expect(await adminRequest(await offlineAdmin()(SHOP), "query { shop { name } }")).toMatchObject({ shop: { name: expect.any(String) } });
  });
});
