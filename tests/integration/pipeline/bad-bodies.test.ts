// Signed webhook bodies PostgreSQL's jsonb refuses (a `\u0000`, a lone surrogate "\ud800", 100,000
// levels of nesting): answered 200 on every delivery, never 500, one complete row each. Shopify
// resends anything but a 2xx (8 times over 4 hours), so a body that can never be stored is
// acknowledged and recorded, not refused.
import "./env";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { JobDriver } from "~/queue/driver";
import { installJobDriver } from "~/queue/handle.server";
import { createTestShop, resetDatabase } from "../../setup/db";
import { deliveryById, postWebhook } from "./support";

const enqueued: string[] = [];
let shop: Awaited<ReturnType<typeof createTestShop>>;

/** A queue that only records what it was handed: these tests are about what is stored and queued. */
const recordingDriver: JobDriver = {
  kind: "inline",
  enqueueDelivery: async ({ webhookId }) => void enqueued.push(webhookId),
  retryDeliveries: async () => undefined,
  discardDeliveries: async () => undefined,
  enqueueEmail: async () => undefined,
  requestReconcile: async () => undefined,
  requestRouteOrders: async () => undefined,
  close: async () => undefined,
};

beforeAll(() => installJobDriver(recordingDriver));

afterAll(() => installJobDriver(undefined));

beforeEach(async () => {
  await resetDatabase();
  enqueued.length = 0;
  shop = await createTestShop();
});

async function deliverTwice(body: string, topic = "orders/create") {
  const webhookId = randomUUID();
  const statuses: number[] = [];
  for (let i = 0; i < 2; i++) statuses.push((await postWebhook({ topic, shop: shop.domain, payload: null, rawBody: body, webhookId })).status);
  return { webhookId, statuses };
}

describe("webhook bodies jsonb refuses", () => {
  it("a \\u0000 in a string and in a key: 200 on every delivery, stored with U+FFFD, queued once", async () => {
    const body = '{"id":820982911946154508,"note":"gift\\u0000wrap","note_attributes":[{"name":"k\\u0000","value":"v"}]}';
    const { webhookId, statuses } = await deliverTwice(body);
    expect(statuses).toEqual([200, 200]);
    const row = await deliveryById(shop.domain, webhookId);
    expect(row?.status).toBe("RECEIVED");
    expect(row?.payload).toEqual({ id: "820982911946154508", note: "gift\uFFFDwrap", note_attributes: [{ name: "k\uFFFD", value: "v" }] });
    expect(enqueued).toEqual([webhookId]);
  });

  it('a lone surrogate "\\ud800" (and a lone low one): 200, stored with U+FFFD; a pair stays the character it is', async () => {
    const body = '{"id":1,"note":"a\\ud800b\\udc00c","emoji":"\\ud83d\\udce6"}';
    const { webhookId, statuses } = await deliverTwice(body);
    expect(statuses).toEqual([200, 200]);
    expect((await deliveryById(shop.domain, webhookId))?.payload).toEqual({ id: 1, note: "a\uFFFDb\uFFFDc", emoji: "📦" });
  });

  it("100,000 levels of nesting, through either parser: 200 on every delivery, recorded SKIPPED with the reason, not queued", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    for (const body of [`{"id":1,"a":${deep}}`, `{"id":820982911946154508,"a":${deep}}`]) {
      const { webhookId, statuses } = await deliverTwice(body);
      expect(statuses).toEqual([200, 200]);
      const row = await deliveryById(shop.domain, webhookId);
      expect(row).toMatchObject({ status: "SKIPPED", payload: {}, lastError: expect.stringContaining("nested deeper than 100 levels") });
    }
    expect(await prisma.webhookDelivery.count()).toBe(2);
    expect(enqueued).toEqual([]);
  });

  it("100 levels, as deep as is stored, is stored as sent", async () => {
    const body = `{"id":1,"a":${"[".repeat(99)}${"]".repeat(99)}}`;
    const { webhookId, statuses } = await deliverTwice(body);
    expect(statuses).toEqual([200, 200]);
    expect((await deliveryById(shop.domain, webhookId))?.status).toBe("RECEIVED");
  });
});
