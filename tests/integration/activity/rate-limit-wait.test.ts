// Issue 14: a job waiting out Shopify's rate limit says so on the Activity page ("Waiting for
// Shopify's rate limit"), not "Running" for minutes; each row names its order.
import { beforeEach, describe, expect, it } from "vitest";
import { runDeliveryAttempt } from "~/jobs/run-delivery.server";
import { noteAdminWait } from "~/jobs/current-delivery.server";
import { claimDelivery, recordDelivery } from "~/models/webhook-deliveries.server";
import { loadActivity } from "~/services/load-activity.server";
import type { JobDriver } from "~/queue/driver";
import { resetDatabase } from "../../setup/db";

const shop = "waiting.myshopify.com";
const driver = { kind: "inline" } as JobDriver;

describe("a delivery whose job waits on Shopify's rate limit", () => {
  beforeEach(() => resetDatabase());

  it("shows as waiting for the rate limit while it runs, names its order, and is plain Done afterwards", async () => {
    await recordDelivery({ shop, topic: "orders/create", webhookId: "w-1", payload: { id: 1021, name: "#1021" } });
    const claimed = (await claimDelivery(shop, "w-1", { leaseMs: 60_000 }))!;
    let during: Awaited<ReturnType<typeof loadActivity>>["rows"] = [];
    const outcome = await runDeliveryAttempt(
      claimed,
      {
        "orders/create": async () => {
          // What the resilient Admin API client reports when Shopify answers THROTTLED.
          await noteAdminWait({ reason: "throttled" });
          during = (await loadActivity({ shop, driver, filters: {} })).rows;
        },
      },
      { finalAttempt: false, retryDelayMs: 1_000 },
    );
    expect(outcome).toEqual({ kind: "processed" });
    expect(during).toHaveLength(1);
    expect(during[0]).toMatchObject({ status: "PROCESSING", waitingForRateLimit: true, lastError: null, subject: { kind: "order", name: "#1021" } });
    const after = (await loadActivity({ shop, driver, filters: {} })).rows[0]!;
    expect(after).toMatchObject({ status: "PROCESSED", waitingForRateLimit: false, lastError: null });
  });

  it("a wait for a server error is not the rate limit", async () => {
    await recordDelivery({ shop, topic: "orders/create", webhookId: "w-2", payload: { name: "#1022" } });
    const claimed = (await claimDelivery(shop, "w-2", { leaseMs: 60_000 }))!;
    let during: Awaited<ReturnType<typeof loadActivity>>["rows"] = [];
    await runDeliveryAttempt(
      claimed,
      {
        "orders/create": async () => {
          await noteAdminWait({ reason: "server" });
          during = (await loadActivity({ shop, driver, filters: {} })).rows;
        },
      },
      { finalAttempt: false, retryDelayMs: 1_000 },
    );
    expect(during[0]).toMatchObject({ status: "PROCESSING", waitingForRateLimit: false });
  });
});
