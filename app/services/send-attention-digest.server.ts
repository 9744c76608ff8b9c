/**
 * The staff digest of orders needing attention: every order whose routing came to need a person
 * (applied in part, failed) since the last digest, named in ONE email to the shop's address, in
 * the shop's language, through the email queue (the outbox without an email provider). Each order
 * is named by one digest only: the decisions are claimed in one UPDATE before the email is stored,
 * and the email's idempotency key is made of what it names. Run after every reconciliation pass
 * (app/jobs/config.server.ts): orders arriving between two passes share one digest.
 */
import { renderAttentionDigest } from "~/email/templates";
import { emailLocale } from "~/email/templates/types";
import { env } from "~/env.server";
import { claimAttentionForDigest } from "~/models/routing.server";
import { getShop, getShopSettings } from "~/models/shops.server";
import type { JobDriver } from "~/queue/driver";
import { enqueueEmail, type EnqueuedEmail } from "./enqueue-email.server";

export type AttentionDigestResult = { status: "sent"; orders: number; email: EnqueuedEmail } | { status: "nothing-new" } | { status: "no-recipient" } | { status: "not-installed" };

export async function sendAttentionDigest(input: { shop: string; now?: Date; driver?: JobDriver }): Promise<AttentionDigestResult> {
  const shop = await getShop(input.shop);
  if (!shop || shop.uninstalledAt) return { status: "not-installed" };
  // Without an address nothing is claimed: the first digest after one is set names them all.
  if (!shop.email) return { status: "no-recipient" };
  const claimed = await claimAttentionForDigest(shop, input.now ?? new Date());
  if (claimed.length === 0) return { status: "nothing-new" };
  const settings = await getShopSettings(shop);
  const locale = emailLocale(settings.defaultLocale);
  const orders = [...claimed].sort((a, b) => a.orderName.localeCompare(b.orderName, "en", { numeric: true }));
  const url = new URL(`/app/routing/attention?shop=${encodeURIComponent(shop.domain)}&locale=${locale}`, env().SHOPIFY_APP_URL).toString();
  const rendered = renderAttentionDigest({ locale, shopName: shop.name, orders: orders.map((o) => ({ orderName: o.orderName, status: o.status === "FAILED" ? "FAILED" : "NEEDS_REVIEW" })), url });
  const key = `attention-digest:${orders.map((o) => o.id).sort()[0]}:${orders.length}`;
  const email = await enqueueEmail(shop, { idempotencyKey: key, kind: "attention-digest", locale, to: shop.email, ...rendered }, input.driver ? { driver: input.driver } : {});
  return { status: "sent", orders: orders.length, email };
}
