// Fault: a web process (`npm start`) killed with SIGKILL while Shopify's webhooks arrive, under the
// production topology (tests/production/topology.ts). Requests cut mid-way answer 502 at the load
// balancer, later ones go to the process still up; Shopify (the simulator, 8 attempts with back-off
// as Shopify's) resends whatever got no 2xx, the inbox keeps one row per webhook id, and once the
// process is started again every delivery is stored and processed exactly once (lost = 0).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { simulatorAdminGraphql } from "../support/simulator-admin";
import { nothingLost, SHOP, startTopology, TOKEN, type Topology } from "./topology";

const TOPIC = "inventory_levels/update";

let topology: Topology;

beforeAll(async () => {
  topology = await startTopology({ webhookMaxAttempts: 8, webhookRetryDelayMs: 500 });
}, 360_000);

afterAll(async () => {
  await topology?.stop();
});

describe("a web process killed mid-request", () => {
  it("loses no webhook: cut requests answer 502, Shopify resends, the other process and the restarted one store them once", async () => {
    const sim = topology.sim;
    const { syncLocations } = await import("~/services/sync-locations.server");
    const shop = await prisma.shop.findFirstOrThrow({ where: { domain: SHOP } });
    await syncLocations(shop, simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN));
    const locations = (await sim.data(`{ locations(first: 10) { nodes { id } } }`)).locations.nodes as { id: string }[];
    let quantity = 100;
    // Each change is one inventory_levels/update delivery; a burst keeps requests in flight on both processes.
    const burst = (n: number) =>
      Promise.all(
        Array.from({ length: n }, () =>
          sim.control("POST", `/_control/shops/${SHOP}/inventory`, {
            changes: [{ sku: "TEE-M", locationId: locations[quantity % locations.length]!.id, quantity: quantity++ }],
          }),
        ),
      );

    await burst(10);
    const victim = topology.webs[0]!;
    const load = (async () => {
      for (let i = 0; i < 8; i++) {
        await burst(10);
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    // Mid-load, with deliveries in flight: the whole process group (npm, tsx, node) at once.
    await new Promise((r) => setTimeout(r, 400));
    await burst(20);
    process.kill(-victim.process.child.pid!, "SIGKILL");
    await victim.process.exited;
    await load;
    await topology.startWeb(0);
    await burst(10);

    const counts = await nothingLost(topology, "after the restart");
    const deliveries = sim.sim.webhooks.deliveries.filter((d) => d.topic === TOPIC);
    const failed = deliveries.flatMap((d) => d.attempts.filter((a) => a.status !== 200).map((a) => a.status ?? a.error ?? "no answer"));
    const resent = deliveries.filter((d) => d.attempts.length > 1).length;
    console.log(
      `web-killed: sent ${counts.sent} stored ${counts.stored} processed ${counts.processed} lost ${counts.lost}` +
        ` (${TOPIC}: ${deliveries.length}); attempts answered ${failed.length} × ${[...new Set(failed)].join("/") || "-"}, ${resent} resent`,
    );
    expect(counts).toEqual({ sent: counts.sent, stored: counts.sent, processed: counts.sent, lost: 0 });
    expect(deliveries.length).toBeGreaterThanOrEqual(120);
    expect(deliveries.every((d) => d.state === "delivered")).toBe(true);
    // Cut requests are 5xx at the balancer (never a 2xx for a delivery that was not stored, never a 4xx).
    expect(failed.length, "no request was in flight when the process was killed").toBeGreaterThan(0);
    expect(failed.every((s) => typeof s === "number" && s >= 500), JSON.stringify(failed)).toBe(true);
    // One row per webhook id, whatever was resent: nothing stored twice.
    const rows = await prisma.webhookDelivery.groupBy({ by: ["webhookId"], where: { shop: SHOP, topic: TOPIC }, _count: true });
    expect(rows.filter((r) => r._count > 1)).toEqual([]);
    expect(rows).toHaveLength(deliveries.length);
  }, 180_000);
});
