// The webhook inbox INSERT on its hot path: the plain `pg` pool (sqlPool) must store exactly what
// the Prisma path stores, times included (UTC in timestamp-without-time-zone columns).
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, sqlPool } from "~/db.server";
import { getDelivery, recordDelivery } from "~/models/webhook-deliveries.server";
import { resetDatabase } from "../../setup/db";

describe("recordDelivery on the pg pool", () => {
  beforeEach(() => resetDatabase());

  it("is the path taken on PostgreSQL, stores the delivery faithfully and once", async () => {
    expect(sqlPool()).not.toBeNull();
    const input = {
      shop: "inbox.myshopify.com",
      topic: "inventory_levels/update",
      webhookId: "w-fast-1",
      apiVersion: "2026-10",
      triggeredAt: new Date("2026-11-25T23:59:58.123Z"),
      receivedAt: new Date("2026-11-26T00:00:01.456Z"),
      payload: { inventory_item_id: 1, available: 3, note: "Quận 1 · 仓库" },
    };
    expect(await recordDelivery(input)).toEqual({ isNew: true });
    expect(await recordDelivery({ ...input, payload: { changed: true } })).toEqual({ isNew: false });
    const stored = await getDelivery(input.shop, input.webhookId, prisma);
    expect(stored).toMatchObject({
      topic: input.topic,
      apiVersion: "2026-10",
      status: "RECEIVED",
      payload: input.payload,
    });
    expect(stored!.triggeredAt!.toISOString()).toBe(input.triggeredAt.toISOString());
    expect(stored!.receivedAt.toISOString()).toBe(input.receivedAt.toISOString());
    expect(await prisma.webhookDelivery.count()).toBe(1);
  });
});
