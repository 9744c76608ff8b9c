import type { JobDriver } from "~/queue/driver";

/** "Check with Shopify now" on the Activity page: a reconciliation of the shop, in the background. */
export async function requestReconcile(input: { shop: string; driver: JobDriver }): Promise<void> {
  await input.driver.requestReconcile(input.shop);
}
