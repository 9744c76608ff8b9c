import { Redis } from "ioredis";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { startBullmqWorkers, type RunningWorkers } from "~/jobs/bullmq-driver.server";
import type { JobDriver } from "~/queue/driver";
import { InlineJobDriver } from "~/jobs/inline-driver.server";
import type { EmailJobProcessor } from "~/jobs/processor";
import { QUEUE, type RetryPolicy } from "~/queue/queues";
import type { EmailMessage } from "~/models/email-messages.server";
import { QUEUE_PREFIX, REDIS_URL } from "./env";

export type DriverKind = "bullmq" | "inline";

export interface EmailJobs {
  kind: DriverKind;
  driver: JobDriver;
  workers: RunningWorkers | null;
  close(): Promise<void>;
}

/** The job system as the app builds it (BullMQ worker, or the in-process driver) with an email sender. */
export async function startEmailJobs(kind: DriverKind, email: EmailJobProcessor, retry: RetryPolicy): Promise<EmailJobs> {
  if (kind === "bullmq") {
    const workers = await startBullmqWorkers({
      redisUrl: REDIS_URL,
      prefix: QUEUE_PREFIX,
      retry,
      processors: {},
      concurrency: 4,
      lockDurationMs: 5_000,
      drainEveryMs: 60_000,
      drain: async () => 0,
      reconcileEveryMs: 0,
      listShops: async () => [],
      reconcile: async () => undefined,
      email,
    });
    return { kind, driver: workers.driver, workers, close: () => workers.close() };
  }
  const inline = new InlineJobDriver({ processors: {}, retry, pollMs: 50, email, emailSweepMs: 60_000 });
  inline.start();
  return { kind, driver: inline, workers: null, close: () => inline.close() };
}

export async function obliterateQueues(prefix = QUEUE_PREFIX): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    for (const name of Object.values(QUEUE)) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:${name}:*`, "COUNT", 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== "0");
    }
  } finally {
    redis.disconnect();
  }
}

export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

export function waitForEmailStatus(id: string, statuses: EmailMessage["status"][], timeoutMs?: number): Promise<EmailMessage> {
  return waitFor(
    async () => {
      const m = await prisma.emailMessage.findUnique({ where: { id } });
      return m && statuses.includes(m.status) ? m : null;
    },
    `email ${id} to be ${statuses.join("/")}`,
    timeoutMs,
  );
}

let counter = 0;

/** A stored return request (with two lines) of the shop, as the portal creates it. */
export async function createReturn(
  shopId: string,
  overrides: Partial<Prisma.ReturnRequestUncheckedCreateInput> = {},
) {
  counter++;
  return prisma.returnRequest.create({
    data: {
      shopId,
      rma: `RMA-${1000 + counter}-T${process.pid % 1000}`,
      orderId: `gid://shopify/Order/${5000 + counter}`,
      orderName: `#${1000 + counter}`,
      status: "APPROVED",
      method: "MAIL",
      customerEmail: "linh@example.com",
      customerName: "Linh Nguyen",
      locale: "vi",
      currency: "VND",
      totalValue: "1250000",
      returnShippingFee: "30000",
      labelCarrier: "Crossdock Post",
      labelTrackingNumber: `CD${counter}VN`,
      ...overrides,
      lines: {
        create: [
          { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", lineItemId: "gid://shopify/LineItem/1", title: "Áo dài lụa", variantTitle: "M", quantity: 1, unitPrice: "850000", reason: "SIZE_TOO_SMALL" },
          { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/2", lineItemId: "gid://shopify/LineItem/2", title: "Linen shirt", quantity: 2, unitPrice: "200000", reason: "UNWANTED" },
        ],
      },
    },
  });
}
