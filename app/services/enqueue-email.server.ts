// Queue an email: store the message once per (shop, idempotency key), then hand it to the job
// system, which sends it (send-email.server.ts). Calling this again for the same event (a retried
// request, a replayed webhook) neither stores nor sends a second message.
import { labelHasPostage } from "./download-return-label.server";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { JobDriver } from "~/queue/driver";
import { jobDriver } from "~/queue/handle.server";
import { renderReturnEmail } from "~/email/templates";
import { dropOffInstructionsFor } from "~/domain/returns/destination";
import { loadReturnDestinationSettings } from "./choose-return-destination.server";
import { emailLocale, RETURN_EMAIL_KINDS, type ReturnEmailFacts, type ReturnEmailKind } from "~/email/templates/types";
import { logger } from "~/logger.server";
import {
  createEmailMessageOnce,
  loadReturnForEmail,
  resetFailedEmail,
  type EmailMessage,
} from "~/models/email-messages.server";
import type { ShopRef } from "~/models/scope.server";
import { moneyAmount } from "~/domain/returns/money";
import { exchangeChargedOf } from "~/domain/returns/exchange";
import { storeCreditOfReturn } from "~/domain/returns/store-credit";

const emailInputSchema = z.object({
  idempotencyKey: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9:_./-]*$/, "letters, digits and : _ . / - only"),
  kind: z.string().min(1).max(100),
  locale: z.string().min(2).max(10),
  to: z.email("not an email address"),
  subject: z.string().trim().min(1).max(998),
  html: z.string().min(1),
  text: z.string().min(1),
});

export type EmailInput = z.input<typeof emailInputSchema>;

export class InvalidEmailError extends Error {
  override name = "InvalidEmailError";
}

export interface EnqueuedEmail {
  message: EmailMessage;
  /** False: the shop already had a message with this key (nothing new was stored). */
  created: boolean;
  /** The job system has it now; false when the queue was unreachable (the drain hands it over later). */
  queued: boolean;
}

export async function enqueueEmail(shop: ShopRef, input: EmailInput, deps: { driver?: JobDriver } = {}): Promise<EnqueuedEmail> {
  const parsed = emailInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidEmailError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const { message, created } = await createEmailMessageOnce(shop, parsed.data);
  if (message.status !== "PENDING") return { message, created, queued: false };
  try {
    const driver = deps.driver ?? (await jobDriver());
    await driver.enqueueEmail({ shopId: shop.id, messageId: message.id });
    return { message, created, queued: true };
  } catch (error) {
    // The message is stored; the job system's drain picks up PENDING messages later.
    logger.warn({ err: error, shopId: shop.id, messageId: message.id }, "email stored but not queued yet");
    return { message, created, queued: false };
  }
}

/**
 * Retry on the Emails page: a FAILED message gets a fresh attempt budget and goes back to the
 * queue (with the same provider idempotency key, so it can never be delivered twice). False when
 * the shop has no such FAILED message.
 */
export async function retryFailedEmail(shop: ShopRef, messageId: string, deps: { driver?: JobDriver } = {}): Promise<boolean> {
  if (!(await resetFailedEmail(shop, messageId))) return false;
  try {
    const driver = deps.driver ?? (await jobDriver());
    await driver.enqueueEmail({ shopId: shop.id, messageId });
  } catch (error) {
    logger.warn({ err: error, shopId: shop.id, messageId }, "email reset to PENDING but not queued yet");
  }
  return true;
}

export const returnEmailRequestSchema = z.object({
  returnId: z.string().min(1).max(100),
  kind: z.enum(RETURN_EMAIL_KINDS),
  /** The return's page in the customer portal. */
  statusUrl: z.url().optional(),
  /** return-approved (MAIL): the signed link to the label PDF. */
  labelUrl: z.url().optional(),
  /** return-approved (DROP_OFF): what the store asks of the shopper. */
  dropOffInstructions: z.string().max(1000).optional(),
  /** return-refunded: the amount actually refunded (default: items − fees). */
  refundAmount: z.number().nonnegative().optional(),
  /** return-delivered: when the carrier delivered the parcel. */
  deliveredAt: z.coerce.date().optional(),
});

export type ReturnEmailRequest = z.input<typeof returnEmailRequestSchema>;

export type ReturnEmailResult =
  | ({ status: "queued" | "stored" | "already-exists" } & { message: EmailMessage })
  | { status: "not-found" }
  | { status: "no-recipient" };

const decimal = (value: Prisma.Decimal | number | string) => Number(value.toString());

function addressLines(location: {
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  zip: string | null;
  countryCode: string | null;
}, locale: string): string[] {
  let country: string | null = null;
  if (location.countryCode) {
    try {
      country = new Intl.DisplayNames([locale], { type: "region" }).of(location.countryCode) ?? location.countryCode;
    } catch {
      country = location.countryCode;
    }
  }
  const cityLine = [location.zip, location.city, location.province].filter(Boolean).join(" ");
  return [location.address1, location.address2, cityLine, country].filter((line): line is string => !!line && line.trim() !== "");
}

/**
 * The email of a return event ("return-approved" …) to the shopper, in their language, with the
 * shop's branding. Idempotency key "<kind>:<returnId>": one message per event and return.
 */
export async function enqueueReturnEmail(
  shop: ShopRef,
  request: ReturnEmailRequest,
  deps: { driver?: JobDriver } = {},
): Promise<ReturnEmailResult> {
  const input = returnEmailRequestSchema.parse(request);
  const loaded = await loadReturnForEmail(shop, input.returnId);
  if (!loaded) return { status: "not-found" };
  const { request: ret, location } = loaded;
  if (!ret.customerEmail) {
    logger.info({ shopId: shop.id, returnId: ret.id, kind: input.kind }, "return email skipped: no customer email");
    return { status: "no-recipient" };
  }
  const locale = emailLocale(ret.locale);
  const settings = ret.shop.settings;
  const facts: ReturnEmailFacts = {
    locale,
    timeZone: ret.shop.timezone,
    brand: {
      name: settings?.portalBrandName?.trim() || ret.shop.name,
      color: settings?.portalBrandColor ?? null,
      logoUrl: settings?.portalLogoUrl ?? null,
    },
    customerName: ret.customerName,
    rma: ret.rma,
    orderName: ret.orderName,
    method: ret.method,
    currency: ret.currency,
    lines: ret.lines.map((line) => ({ title: line.title, variantTitle: line.variantTitle, quantity: line.quantity, exchangeFor: line.exchangeVariantId ? (line.exchangeVariantTitle ?? line.title) : null })),
    totalValue: decimal(ret.totalValue),
    returnShippingFee: decimal(ret.returnShippingFee),
    restockingFee: decimal(ret.restockingFee),
    requestedAt: ret.createdAt,
    receivedAt: ret.receivedAt,
    deliveredAt: input.deliveredAt ?? null,
    declineReason: ret.declineReason,
    declineNote: ret.declineNote,
    label: {
      url: input.labelUrl ?? null,
      carrier: ret.labelCarrier,
      trackingNumber: ret.labelTrackingNumber,
      trackingUrl: ret.labelTrackingUrl,
      postagePaid: labelHasPostage(ret.labelCarrier),
    },
    location: location
      ? {
          name: location.name,
          addressLines: addressLines(location, locale),
          // The merchant's drop-off instructions in the shopper's language (the email says how to drop off
          // without them), never the store's pickup words.
          instructions: input.dropOffInstructions ?? (ret.method === "DROP_OFF" ? dropOffInstructionsFor((await loadReturnDestinationSettings(shop)).dropOffInstructions, locale) : null),
        }
      : null,
    statusUrl: input.statusUrl ?? null,
    refundAmount: input.refundAmount ?? null,
    storeCredit: ret.outcome === "STORE_CREDIT" ? storeCreditFacts(ret) : null,
  };
  const rendered = renderReturnEmail(input.kind, facts);
  const result = await enqueueEmail(
    shop,
    { idempotencyKey: returnEmailKey(input.kind, ret.id), kind: input.kind, locale, to: ret.customerEmail, ...rendered },
    deps,
  );
  const status = !result.created ? "already-exists" : result.queued ? "queued" : "stored";
  return { status, message: result.message };
}

export function returnEmailKey(kind: ReturnEmailKind, returnId: string): string {
  return `${kind}:${returnId}`;
}

/** A store-credit return's credit for the email: the quoted refund, the bonus promised, and both (as credited when it is). */
function storeCreditFacts(ret: { currency: string; totalValue: { toFixed(d: number): string }; returnShippingFee: { toFixed(d: number): string }; restockingFee: { toFixed(d: number): string }; storeCreditBonus: { toFixed(d: number): string } | null; exchangeBonus: { toString(): string } | null; lines: readonly { quantity: number; exchangeUnitPrice: { toString(): string } | null }[] }) {
  const credit = storeCreditOfReturn({ currency: ret.currency, value: ret.totalValue.toFixed(2), returnShippingFee: ret.returnShippingFee.toFixed(2), restockingFee: ret.restockingFee.toFixed(2), bonus: ret.storeCreditBonus?.toFixed(2) ?? null, exchangeCharged: exchangeChargedOf(ret) });
  return { total: Number(moneyAmount(credit.total)), base: Number(moneyAmount(credit.base)), bonus: Number(moneyAmount(credit.bonus)) };
}
