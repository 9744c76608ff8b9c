// The webhook inbox on its hot path: the plain `pg` pool (sqlPool) must store exactly what the
// Prisma path stores, times included (UTC in timestamp-without-time-zone columns); concurrent
// stores, claims and finishes go out together (app/batcher.ts) and each caller gets its own answer.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, sqlPool } from "~/db.server";
import { claimDelivery, finishDeliverySucceeded, getDelivery, recordDelivery } from "~/models/webhook-deliveries.server";
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

  it("stores concurrent deliveries together, each answered for itself; a row PostgreSQL refuses fails alone", async () => {
    const shop = "inbox.myshopify.com";
    const base = { shop, topic: "inventory_levels/update", apiVersion: "2026-10" };
    await recordDelivery({ ...base, webhookId: "w-old", payload: { n: 0 } });
    const answers = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => recordDelivery({ ...base, webhookId: `w-${i}`, payload: { n: i } })),
      recordDelivery({ ...base, webhookId: "w-old", payload: { n: 99 } }),
      // jsonb has no NUL character: PostgreSQL refuses this row (22P05).
      recordDelivery({ ...base, webhookId: "w-nul", payload: { note: "a\u0000b" } }),
    ]);
    expect(answers.slice(0, 20).every((a) => a.status === "fulfilled" && a.value.isNew)).toBe(true);
    expect(answers[20]).toEqual({ status: "fulfilled", value: { isNew: false } });
    expect(answers[21]!.status).toBe("rejected");
    expect(await prisma.webhookDelivery.count()).toBe(21);
    expect((await getDelivery(shop, "w-7", prisma))!.payload).toEqual({ n: 7 });
    expect((await getDelivery(shop, "w-old", prisma))!.payload).toEqual({ n: 0 });
  });

  it("claims and finishes concurrent deliveries together, each job getting its own row", async () => {
    const shop = "inbox.myshopify.com";
    const ids = Array.from({ length: 12 }, (_, i) => `c-${i}`);
    for (const webhookId of ids) await recordDelivery({ shop, topic: "orders/create", webhookId, payload: { id: webhookId } });
    const claimed = await Promise.all([...ids, "c-missing"].map((webhookId) => claimDelivery(shop, webhookId, { leaseMs: 60_000 })));
    expect(claimed.at(-1)).toBeNull();
    expect(claimed.slice(0, -1).map((row) => [row!.webhookId, row!.payload, row!.status, row!.attempts])).toEqual(
      ids.map((id) => [id, { id }, "PROCESSING", 1]),
    );
    await Promise.all(
      claimed.slice(0, -1).map((row, i) =>
        finishDeliverySucceeded({ id: row!.id, startedAt: row!.startedAt!, status: i % 2 ? "SKIPPED" : "PROCESSED", note: i % 2 ? `skipped ${i}` : null }),
      ),
    );
    const stored = await prisma.webhookDelivery.findMany({ where: { shop }, orderBy: { webhookId: "asc" } });
    for (const row of stored) {
      const i = Number(row.webhookId.slice(2));
      expect([row.status, row.lastError, row.lockedUntil]).toEqual([i % 2 ? "SKIPPED" : "PROCESSED", i % 2 ? `skipped ${i}` : null, null]);
      expect(row.processedAt).not.toBeNull();
    }
  });
});
