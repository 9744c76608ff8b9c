import { emailProviderFromEnv } from "~/email/index.server";
import type { EmailProvider } from "~/email/provider";
import { env, type Env } from "~/env.server";
import { listShopsWithOfflineSession } from "~/models/sessions.server";
import { engineOrderRouter } from "~/services/engine-order-router.server";
import type { OrderRouter } from "~/services/order-router.server";
import { reconcileShop } from "~/services/reconcile-shop.server";
import { offlineAdmin, type AdminFactory } from "./admin.server";
import { createEmailProcessor } from "./email-processor.server";
import { createProcessors } from "./processors.server";
import type { EmailJobProcessor, ProcessorRegistry } from "./processor";
import type { RetryPolicy } from "./queues";

/** What both drivers are built from: the processors, the retry policy, reconciliation. */
export interface JobsSetup {
  processors: ProcessorRegistry;
  retry: RetryPolicy;
  reconcileEveryMs: number;
  reconcile: (shop: string) => Promise<void>;
  listShops: () => Promise<string[]>;
  /** Sends email messages (Resend, or the outbox without RESEND_API_KEY). */
  email: EmailJobProcessor;
}

export function jobsSetup(
  overrides: { processors?: ProcessorRegistry; admin?: AdminFactory; orderRouter?: OrderRouter; emailProvider?: EmailProvider } = {},
  config: Env = env(),
): JobsSetup {
  const admin = overrides.admin ?? offlineAdmin();
  const router = overrides.orderRouter ?? engineOrderRouter(admin);
  return {
    processors: overrides.processors ?? createProcessors({ admin, orderRouter: router }),
    retry: { maxAttempts: config.JOBS_MAX_ATTEMPTS, backoffMs: config.JOBS_BACKOFF_MS },
    reconcileEveryMs: config.RECONCILE_INTERVAL_MINUTES * 60_000,
    listShops: () => listShopsWithOfflineSession(),
    email: createEmailProcessor({
      provider: overrides.emailProvider ?? emailProviderFromEnv(config),
      maxAttempts: config.JOBS_MAX_ATTEMPTS,
      emailFrom: config.EMAIL_FROM,
    }),
    reconcile: async (shop) => {
      await reconcileShop({
        shop,
        graphql: await admin(shop),
        router,
        options: { ordersWindowMs: config.RECONCILE_ORDERS_WINDOW_HOURS * 3600_000 },
      });
    },
  };
}
