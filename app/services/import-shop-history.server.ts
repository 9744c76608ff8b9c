import { logger } from "~/logger.server";
import { finishJobRun, startJobRun } from "~/models/job-runs.server";
import type { Shop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { forEachImportOrdersPage } from "~/shopify/order-import";
import { fetchOrderSnapshots } from "~/shopify/order-snapshots";
import { BACKGROUND_RESERVE, resilientGraphql } from "~/shopify/resilient-graphql";
import type { OrderRouter } from "./order-router.server";
import { recordOrder } from "./record-order.server";
import { syncShopifyReturn } from "./sync-shopify-return.server";

/** How far back the install's import reads returns. */
export const IMPORT_RETURNS_DAYS = 30;

export interface ImportResult {
  openOrders: number;
  returnOrders: number;
  ordersStored: number;
  returnsImported: number;
}

/** The import hands nothing to routing: a router that is never called, to satisfy recordOrder. */
const NO_ROUTING: OrderRouter = {
  name: "import",
  route: () => Promise.reject(new Error("The install's import never routes an order")),
};

/**
 * On install (and re-install): brings the shop's existing open orders, and the returns asked for
 * in the last IMPORT_RETURNS_DAYS days (with their orders), into Crossdock's mirror, so the
 * dashboard and the returns desk are not empty on the first day. Nothing is routed (orders
 * placed before the install are Shopify's as they stand; "Route open orders" on the Routing page
 * routes them when the merchant asks), no return rule runs and no email is sent. Read page by page
 * through a client that waits out Shopify's throttling; idempotent (orders keep the newest state,
 * a return already held is updated, not duplicated); every write is scoped to the shop. Recorded
 * as a JobRun named "import".
 */
export async function importShopHistory(input: { shop: Shop; graphql: AdminGraphql; now?: Date }): Promise<ImportResult> {
  const { shop } = input;
  const graphql = resilientGraphql(input.graphql, BACKGROUND_RESERVE);
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - IMPORT_RETURNS_DAYS * 86_400_000);
  const run = await startJobRun(shop.domain, "import");
  try {
    const result: ImportResult = { openOrders: 0, returnOrders: 0, ordersStored: 0, returnsImported: 0 };
    const store = async (ids: string[]) => {
      for (const snapshot of await fetchOrderSnapshots(graphql, ids)) {
        const recorded = await recordOrder({ shop, snapshot, router: NO_ROUTING, handOver: "never" });
        if (recorded.status === "stored") result.ordersStored++;
      }
    };
    result.openOrders = await forEachImportOrdersPage(graphql, "status:open", (orders) => store(orders.map((o) => o.id)));
    // Orders with a return (any time: a return is often asked long after the order was placed, and
    // adding one need not change the order's updated_at); only those with a recent one are read.
    await forEachImportOrdersPage(graphql, "-return_status:no_return", async (orders) => {
      const recent = orders.filter((o) => o.returns.some((r) => r.createdAt >= since));
      result.returnOrders += recent.length;
      await store(recent.map((o) => o.id));
      for (const ret of recent.flatMap((o) => o.returns).filter((r) => r.createdAt >= since)) {
        const synced = await syncShopifyReturn({ shop, graphql, shopifyReturnId: ret.id, topic: "import", eventTime: now, imported: true });
        if (synced.status === "created") result.returnsImported++;
      }
    });
    await finishJobRun(run, { status: "SUCCEEDED", result: { ...result } });
    return result;
  } catch (error) {
    await finishJobRun(run, { status: "FAILED", error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    throw error;
  }
}

const running = new Map<string, Promise<ImportResult | null>>();

/**
 * Starts the import in the background (once per shop at a time) and returns at once, so the
 * sign-in that triggered it is not held up. Failures are logged and recorded on the Activity page;
 * the next authentication starts it again (onShopAuthenticated).
 */
export function startShopImport(shop: Shop, graphql: AdminGraphql): Promise<ImportResult | null> {
  const existing = running.get(shop.domain);
  if (existing) return existing;
  const work = importShopHistory({ shop, graphql })
    .then((result) => {
      logger.info({ shop: shop.domain, ...result }, "install import done");
      return result;
    })
    .catch((error: unknown) => {
      logger.error({ shop: shop.domain, err: error }, "install import failed");
      return null;
    })
    .finally(() => running.delete(shop.domain));
  running.set(shop.domain, work);
  return work;
}
