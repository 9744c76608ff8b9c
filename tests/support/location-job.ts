import { prisma } from "~/db.server";

/**
 * Polls until the locations/update job for a renamed location has finished: the location holds the
 * new name *and* every locations/update delivery of the shop is marked processed. The job writes the
 * location first and marks its delivery after, so waiting for the location alone can read the
 * delivery in between (PROCESSING). Returns what it saw last, for the caller's assertions.
 */
export async function waitForLocationRename(shop: string, locationId: string, name: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stored = await prisma.location.findFirst({ where: { shopifyId: locationId, name } });
    const deliveries = await prisma.webhookDelivery.findMany({ where: { shop, topic: "locations/update" } });
    if ((stored && deliveries.every((d) => d.status === "PROCESSED")) || Date.now() > deadline) return { stored, deliveries };
    await new Promise((r) => setTimeout(r, 200));
  }
}
