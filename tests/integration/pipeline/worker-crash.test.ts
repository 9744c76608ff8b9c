// Killing the worker mid-job loses nothing: the job is picked up again by the next worker and
// completes exactly once. The worker runs as its own process (tsx), killed with SIGKILL.
import "./env";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { BullmqJobDriver } from "~/jobs/bullmq-driver.server";
import { webhookJobId } from "~/queue/queues";
import { markQueued, recordDelivery } from "~/models/webhook-deliveries.server";
import { startProcess, type Started } from "../../../scripts/lib/processes";
import { createTestShop, resetDatabase } from "../../setup/db";
import { API_KEY, API_SECRET, QUEUE_PREFIX, REDIS_URL } from "./env";
import { obliterateQueues, waitFor, waitForStatus } from "./support";

const root = path.resolve(import.meta.dirname, "../../..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const fixture = path.join(import.meta.dirname, "fixtures", "blocking-worker.ts");

let dir: string;
const started: Started[] = [];

beforeEach(async () => {
  await resetDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crossdock-crash-"));
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(() => obliterateQueues());

function startWorkerProcess(mode: "bullmq" | "inline"): Started {
  const worker = startProcess(
    tsx,
    [fixture],
    {
      NODE_ENV: "test",
      MODE: mode,
      LOG_FILE: path.join(dir, "log"),
      RELEASE_FILE: path.join(dir, "release"),
      DATABASE_URL: process.env.DATABASE_URL,
      REDIS_URL,
      JOBS_QUEUE_PREFIX: QUEUE_PREFIX,
      JOBS_LOCK_DURATION_MS: "1500",
      JOBS_MAX_ATTEMPTS: "5",
      JOBS_BACKOFF_MS: "50",
      RECONCILE_INTERVAL_MINUTES: "0",
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET,
      SHOPIFY_APP_URL: "https://crossdock.example.com",
      LOG_LEVEL: "warn",
    },
    root,
  );
  started.push(worker);
  return worker;
}

const logLines = () => (fs.existsSync(path.join(dir, "log")) ? fs.readFileSync(path.join(dir, "log"), "utf8").trim().split("\n") : []);

function kill(worker: Started): Promise<unknown> {
  process.kill(-worker.child.pid!, "SIGKILL"); // the whole group: tsx and the node process it runs
  return worker.exited;
}

describe.each(["bullmq", "inline"] as const)("with the %s driver", (mode) => {
  it("picks a job up again after its worker is killed mid-job, and completes it exactly once", async () => {
    const shop = await createTestShop();
    const webhookId = randomUUID();
    const ref = { shop: shop.domain, webhookId, topic: "test/blocking" };
    await recordDelivery({ ...ref, payload: { n: 1 } });
    let driver: BullmqJobDriver | null = null;
    if (mode === "bullmq") {
      driver = new BullmqJobDriver({ redisUrl: REDIS_URL, prefix: QUEUE_PREFIX });
      await waitFor(async () => {
        try {
          await driver!.enqueueDelivery(ref);
          return true;
        } catch {
          return false;
        }
      });
      await markQueued(ref.shop, ref.webhookId);
    }

    const first = startWorkerProcess(mode);
    const firstPid = await waitFor(async () => logLines().find((l) => l.startsWith("start "))?.slice(6), { timeoutMs: 30_000, what: "the first worker to start the job", intervalMs: 100 });
    await kill(first);
    fs.writeFileSync(path.join(dir, "release"), "");

    startWorkerProcess(mode);
    const done = await waitForStatus(shop.domain, webhookId, ["PROCESSED"], 30_000);
    expect(done.attempts).toBe(2);

    const lines = logLines().filter((l) => !l.startsWith("ready"));
    const starts = lines.filter((l) => l.startsWith("start "));
    const dones = lines.filter((l) => l.startsWith("done "));
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBe(`start ${firstPid}`);
    expect(dones).toHaveLength(1);
    expect(dones[0]).not.toBe(`done ${firstPid}`);

    if (driver) {
      // The processor stores PROCESSED before it returns; BullMQ moves the job to completed just
      // after, so the state is read until it settles (a loaded machine showed "active" in between).
      const job = await driver.webhooks.getJob(webhookJobId(ref));
      const settled = await waitFor(async () => {
        const state = await job?.getState();
        return state === "active" ? null : state;
      }, { what: "the job to leave the active state" });
      expect(settled).toBe("completed");
      await driver.close();
    }
  }, 90_000);
});
