/**
 * `tsx simulator/main.ts`: the Shopify Admin simulator as a process, configured from the
 * environment (validated with zod).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { ADMIN_API_VERSION } from "../app/shopify/api-version";
import type { SeedData } from "./seed/types";
import { seedBody } from "./http/control-schemas";
import { startSimulator, type SimulatorOptions, type RunningSimulator } from "./server";

export { startSimulator };
export type { SimulatorOptions, RunningSimulator };

const Env = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  SIMULATOR_HOST: z.string().default("127.0.0.1"),
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: z.string().url().optional(),
  SIMULATOR_SEED_FILE: z.string().optional(),
  SIMULATOR_ACCESS_TOKEN: z.string().min(1).optional(),
  SIMULATOR_APP_TOML: z.string().optional(),
  SIMULATOR_WEBHOOK_RETRY_DELAY_MS: z.coerce.number().int().nonnegative().optional(),
  SIMULATOR_ORDER_ROUTING_DELAY_MS: z.coerce.number().int().positive().optional(),
});

async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  ");
    process.stderr.write(`simulator: invalid environment\n  ${problems}\n`);
    process.exit(1);
  }
  const env = parsed.data;
  let seed: SeedData | undefined;
  if (env.SIMULATOR_SEED_FILE) {
    seed = seedBody.parse(JSON.parse(readFileSync(env.SIMULATOR_SEED_FILE, "utf8"))) as SeedData;
  }
  const log = (message: string) => process.stderr.write(`simulator: ${message}\n`);
  const simulator = await startSimulator({
    port: env.SIMULATOR_PORT,
    host: env.SIMULATOR_HOST,
    apiKey: env.SHOPIFY_API_KEY,
    apiSecret: env.SHOPIFY_API_SECRET,
    appUrl: env.SHOPIFY_APP_URL ?? null,
    appTomlPath: env.SIMULATOR_APP_TOML,
    webhooks: { retryDelayMs: env.SIMULATOR_WEBHOOK_RETRY_DELAY_MS },
    orderRouting: { delayMs: env.SIMULATOR_ORDER_ROUTING_DELAY_MS },
    seed,
    accessToken: env.SIMULATOR_ACCESS_TOKEN,
    log,
  });
  log(`Admin API ${ADMIN_API_VERSION} simulator listening on ${simulator.url}`);
  if (seed) log(`seeded ${seed.shop.domain}${env.SIMULATOR_ACCESS_TOKEN ? " (access token accepted)" : ""}`);
  const shutdown = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

const invokedDirectly = process.argv[1] != null && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) void main();
