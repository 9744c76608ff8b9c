// Queue faults on the production topology (tests/production/topology.ts), on a Redis of the test's
// own so that it can be stopped, killed and started again empty (a managed Redis failing over, or a
// restart without persistence) without touching the machine's Redis other tests use.
//
// Each test counts the webhooks Shopify (the simulator) sent during it, how many Crossdock stored and
// processed, and how many were lost; lost must be 0, with nothing restarted by hand except Redis.
import { spawn, type ChildProcess } from "node:child_process";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { QUEUE } from "~/queue/queues";
import { freePort } from "../../scripts/lib/processes";
import { deliveryCounts, SHOP, startTopology, waitFor, type Topology } from "./topology";

const TOPIC = "inventory_levels/update";
let topology: Topology;
let redisPort: number;
let redis: ChildProcess | null = null;
let locations: string[] = [];

/** Starts the test's Redis, empty (no persistence), on its port. */
async function startRedis(): Promise<void> {
  redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await waitFor(null, "Redis to answer", async () => {
    const probe = new Redis({ host: "127.0.0.1", port: redisPort, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null, lazyConnect: true });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === "PONG";
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  });
}

async function killRedis(): Promise<void> {
  const child = redis;
  redis = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** Stock changes in Shopify, `perSecond` inventory_levels/update webhooks for `seconds`. */
async function load(perSecond: number, seconds: number, during?: (elapsedMs: number) => Promise<void> | void): Promise<void> {
  const started = Date.now();
  const pending: Promise<unknown>[] = [];
  let tick = 0;
  const batch = locations.length * 2; // one change per SKU and location
  const intervalMs = (1000 * batch) / perSecond;
  while (Date.now() - started < seconds * 1000) {
    tick++;
    const changes = ["TEE-S", "TEE-M"].flatMap((sku) => locations.map((locationId) => ({ sku, locationId, name: "available", quantity: (tick % 50) + 1 })));
    pending.push(topology.sim.control("POST", `/_control/shops/${SHOP}/inventory`, { changes }));
    await during?.(Date.now() - started);
    await new Promise((r) => setTimeout(r, Math.max(0, started + tick * intervalMs - Date.now())));
  }
  await Promise.all(pending);
}

/** Waits until every delivery sent since `from` is processed (or skipped), then prints and returns the counts. */
async function settle(name: string, from: number, timeoutMs = 90_000) {
  const counts = await waitFor(
    topology,
    `every ${TOPIC} delivery of "${name}" to be processed`,
    async () => {
      const counts = await deliveryCounts(topology, [TOPIC], from);
      return counts.sent > 0 && counts.lost === 0 ? counts : null;
    },
    timeoutMs,
  ).catch(async (error: Error) => {
    const counts = await deliveryCounts(topology, [TOPIC], from);
    console.log(`${name}: sent ${counts.sent} stored ${counts.stored} processed ${counts.processed} lost ${counts.lost}`);
    throw error;
  });
  console.log(`${name}: sent ${counts.sent} stored ${counts.stored} processed ${counts.processed} lost ${counts.lost}`);
  return counts;
}

beforeAll(async () => {
  redisPort = await freePort();
  // Redis is down when everything starts (the first test); the worker's lock is short so that a
  // killed worker's jobs are taken over within seconds; the reconciliation schedule exists so that
  // the test can see it come back.
  topology = await startTopology({
    env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, JOBS_LOCK_DURATION_MS: "3000", RECONCILE_INTERVAL_MINUTES: "60" },
  });
  const data = await topology.sim.data(`{ locations(first: 10) { nodes { id } } }`);
  locations = (data.locations.nodes as { id: string }[]).map((l) => l.id);
}, 360_000);

afterAll(async () => {
  await topology?.stop();
  await killRedis();
});

describe("queue faults on npm start ×2 + npm run worker ×2", () => {
  it("Redis down at start: webhooks are stored and answered, and processed once Redis is up", async () => {
    const from = topology.sim.sim.webhooks.deliveries.length;
    await load(20, 2);
    // Shopify got its 200s: every delivery is stored, none processed yet (no queue).
    const whileDown = await waitFor(topology, "the deliveries to be stored", async () => {
      const c = await deliveryCounts(topology, [TOPIC], from);
      return c.sent > 0 && c.stored === c.sent ? c : null;
    });
    expect(whileDown.processed).toBe(0);
    expect(topology.sim.sim.webhooks.deliveries.slice(from).every((d) => d.state === "delivered" && d.attempts.length === 1)).toBe(true);
    await startRedis();
    const counts = await settle("redis-down-at-start", from);
    expect(counts).toMatchObject({ stored: counts.sent, processed: counts.sent, lost: 0 });
  }, 180_000);

  it("Redis restarted empty under load: the inbox drain and the reconciliation schedule come back by themselves", async () => {
    const from = topology.sim.sim.webhooks.deliveries.length;
    let restarted = false;
    await load(30, 8, async (elapsed) => {
      if (!restarted && elapsed > 3_000) {
        restarted = true;
        await killRedis();
        await new Promise((r) => setTimeout(r, 1_000));
        await startRedis();
      }
    });
    expect(restarted).toBe(true);
    const counts = await settle("redis-restarted-empty", from);
    expect(counts).toMatchObject({ stored: counts.sent, processed: counts.sent, lost: 0 });
    // The reconciliation schedule lived only in the Redis that was lost: the workers put it back.
    const maintenance = new Queue(QUEUE.maintenance, { connection: { host: "127.0.0.1", port: redisPort }, prefix: topology.env.JOBS_QUEUE_PREFIX });
    try {
      const scheduler = await waitFor(topology, "the reconciliation schedule to be back in Redis", () => maintenance.getJobScheduler("reconcile-all"), 40_000);
      expect(scheduler.every).toBe(60 * 60_000);
    } finally {
      await maintenance.close();
    }
  }, 240_000);

  it("a worker killed (SIGKILL) in the middle of a load: the other worker and the replacement finish everything", async () => {
    const from = topology.sim.sim.webhooks.deliveries.length;
    const victim = topology.workers[0]!;
    let killed = false;
    await load(30, 6, (elapsed) => {
      if (!killed && elapsed > 2_000) {
        killed = true;
        process.kill(-victim.child.pid!, "SIGKILL");
      }
    });
    expect(killed).toBe(true);
    expect(await victim.exited).not.toBe(0);
    // As a process manager would: a new worker is started.
    topology.startWorker();
    const counts = await settle("worker-sigkill", from);
    expect(counts).toMatchObject({ stored: counts.sent, processed: counts.sent, lost: 0 });
    // Nothing was left half-done: no delivery is still marked as in progress.
    expect(await prisma.webhookDelivery.count({ where: { shop: SHOP, status: { in: ["PROCESSING", "FAILED"] } } })).toBe(0);
  }, 240_000);
});
