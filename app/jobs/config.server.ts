import { emailProviderFromEnv } from "~/email/index.server";
import type { EmailProvider } from "~/email/provider";
import { env, type Env } from "~/env.server";
import { listShopsWithOfflineSession } from "~/models/sessions.server";
import { engineOrderRouter } from "~/services/engine-order-router.server";
import type { OrderRouter } from "~/services/order-router.server";
import { reconcileShop } from "~/services/reconcile-shop.server";
import { routeChosenOrders } from "~/services/route-open-orders.server";
import { sendAttentionDigest } from "~/services/send-attention-digest.server";
import { offlineAdmin, type AdminFactory } from "./admin.server";
import { createEmailProcessor } from "./email-processor.server";
import { createProcessors } from "./webhook-topics.server";
import type { EmailJobProcessor, ProcessorRegistry } from "./processor";
import type { RetryPolicy } from "~/queue/queues";

/** What both drivers are built from: the processors, the retry policy, reconciliation. */
export interface JobsSetup {
  processors: ProcessorRegistry;
  retry: RetryPolicy;
  reconcileEveryMs: number;
  reconcile: (shop: string) => Promise<void>;
  /** Routes the open orders staff chose ("Route open orders"), one after the other. */
  routeOrders: (shop: string, orderIds: readonly string[], staff: string | null) => Promise<void>;
  listShops: () => Promise<string[]>;
  /** Sends email messages (Resend, or the outbox without RESEND_API_KEY). */
  email: EmailJobProcessor;
}

export function jobsSetup(
  overrides: { processors?: ProcessorRegistry; admin?: AdminFactory; orderRouter?: OrderRouter; emailProvider?: EmailProvider } = {},
  config: Env = env(),
): JobsSetup {
  const admin = overrides.admin ?? offlineAdmin({ maxRetries: config.ADMIN_API_RETRIES });
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
    routeOrders: async (shop, orderIds, staff) => {
      await routeChosenOrders({ shop, graphql: await admin(shop), orderIds, staff });
    },
    reconcile: async (shop) => {
      await reconcileShop({
        shop,
        graphql: await admin(shop),
        router,
        options: { ordersWindowMs: config.RECONCILE_ORDERS_WINDOW_HOURS * 3600_000 },
      });
      // Orders that came to need attention since the last pass: one digest email to the shop's staff.
      await sendAttentionDigest({ shop });
    },
  };
}
