import type { Location } from "@prisma/client";
import { awaitingGoods } from "~/domain/returns/status";
import { env } from "~/env.server";
import { BUILTIN_CARRIER, BuiltinLabelProvider } from "~/labels/builtin.server";
import { EASYPOST_PROVIDER, EasyPostLabelProvider } from "~/labels/easypost.server";
import { GHN_CARRIER, GhnLabelProvider } from "~/labels/ghn.server";
import type { LabelAddress, LabelProvider, ReturnLabelInput } from "~/labels/provider";
import { logger } from "~/logger.server";
import { findDefaultReturnLocation, findLocationByShopifyId, findReturnByRma, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { issueOrderAccessToken, signUrl } from "~/security/tokens.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { fetchOrderForReturn, type ReturnAddress } from "~/shopify/returns";
import { packingSlipWords } from "~/domain/returns/packing-slip";

export type ReturnLabelProvider = LabelProvider;

/** How long the label link registered with Shopify (reverse delivery) stays valid. */
export const LABEL_FILE_URL_TTL_SECONDS = 60 * 24 * 3600;
/** How long the 'Print label' link of the status page stays valid (the page signs a fresh one on every view). */
export const LABEL_PAGE_URL_TTL_SECONDS = 3600;

let provider: LabelProvider | undefined;
const configured = new Map<string, { key: string; provider: LabelProvider }>();

/** The provider when no carrier is configured or fits: Crossdock's built-in one (no postage; the shopper ships the parcel themselves). */
export function defaultLabelProvider(): LabelProvider {
  return (provider ??= createBuiltinProvider());
}

/** One provider per carrier and configuration (made again when the configuration changes, as tests do). */
function memo(name: string, key: string, make: () => LabelProvider): LabelProvider {
  const held = configured.get(name);
  if (held?.key === key) return held.provider;
  const made = make();
  configured.set(name, { key, provider: made });
  return made;
}

/** A carrier Crossdock buys return labels from: when it is configured, which returns it carries, which stored labels are its. */
interface LabelCarrier {
  /** The provider, or null when its keys are not configured. */
  provider(): LabelProvider | null;
  /** Whether it carries a return from the shopper's country to the return location's. */
  serves(from: string, to: string): boolean;
  /** Whether a stored label (ReturnRequest.labelCarrier) came from it, so its re-print does too. */
  issued(labelCarrier: string): boolean;
}

/**
 * The carriers, in the order they are asked: the first that serves a return's route and is
 * configured sells its label; else the built-in provider draws one. Adding a carrier is adding an
 * entry here (and its env in env.server.ts).
 */
const LABEL_CARRIERS: readonly LabelCarrier[] = [
  {
    // Giao Hàng Nhanh: domestic Vietnamese parcels, when GHN_TOKEN and GHN_SHOP_ID are set.
    provider() {
      const e = env();
      if (!e.GHN_TOKEN || !e.GHN_SHOP_ID) return null;
      const key = `${e.GHN_TOKEN}|${e.GHN_SHOP_ID}|${e.GHN_BASE_URL ?? ""}|${e.GHN_TRACKING_URL ?? ""}|${e.GHN_TIMEOUT_MS}`;
      return memo(GHN_CARRIER, key, () => {
        const drawn = defaultLabelProvider();
        return new GhnLabelProvider({
          token: e.GHN_TOKEN!,
          shopId: e.GHN_SHOP_ID!,
          baseUrl: e.GHN_BASE_URL,
          trackingUrl: e.GHN_TRACKING_URL,
          timeoutMs: e.GHN_TIMEOUT_MS,
          // GHN documents its print page's URL, not its format: a page that is not a PDF is drawn by Crossdock with GHN's order code.
          renderLabel: async (input) => (await drawn.createReturnLabel({ ...input, text: { ...input.text, carrierHeading: "GHN · GIAO HÀNG NHANH" } })).pdf,
        });
      });
    },
    serves: (from, to) => from === "VN" && to === "VN",
    issued: (labelCarrier) => labelCarrier === GHN_CARRIER,
  },
  {
    // EasyPost: US returns, when EASYPOST_API_KEY is set. Its labels are stored under the carrier it bought from (USPS, UPS …).
    provider() {
      const e = env();
      if (!e.EASYPOST_API_KEY) return null;
      const key = `${e.EASYPOST_API_KEY}|${e.EASYPOST_BASE_URL ?? ""}|${e.EASYPOST_SERVICE_LEVEL}|${e.EASYPOST_TIMEOUT_MS}`;
      return memo(EASYPOST_PROVIDER, key, () => new EasyPostLabelProvider({ apiKey: e.EASYPOST_API_KEY!, baseUrl: e.EASYPOST_BASE_URL, serviceLevel: e.EASYPOST_SERVICE_LEVEL, timeoutMs: e.EASYPOST_TIMEOUT_MS }));
    },
    serves: (from, to) => from === "US" && to === "US",
    issued: (labelCarrier) => labelCarrier !== BUILTIN_CARRIER && labelCarrier !== GHN_CARRIER,
  },
];

/**
 * The provider for a new label: the first configured carrier that serves the return's route
 * (GHN within Vietnam, EasyPost within the US), else the built-in "ship it yourself" provider.
 */
export function labelProviderFor(input: Pick<ReturnLabelInput, "from" | "to">): LabelProvider {
  const from = input.from.countryCode?.toUpperCase() ?? "";
  const to = input.to.countryCode?.toUpperCase() ?? "";
  for (const carrier of LABEL_CARRIERS) {
    const configuredProvider = carrier.serves(from, to) ? carrier.provider() : null;
    if (configuredProvider) return configuredProvider;
  }
  return defaultLabelProvider();
}

/** The provider that issued a stored label (its re-print must come from the same one); null when it is not configured any more. */
function storedLabelProvider(ret: Pick<ReturnWithDetails, "labelCarrier">): LabelProvider | null {
  if (!ret.labelCarrier || ret.labelCarrier === BUILTIN_CARRIER) return defaultLabelProvider();
  const carrier = ret.labelCarrier;
  return LABEL_CARRIERS.find((c) => c.issued(carrier))?.provider() ?? null;
}

/**
 * Whether a stored label carries postage: a carrier's label (EasyPost's, GHN's) does; the built-in sheet
 * does not (the shopper sends the parcel with a carrier of their choice, at their cost).
 */
export function labelHasPostage(carrier: string | null): boolean {
  return carrier != null && carrier !== BUILTIN_CARRIER;
}

/** The label's path below the portal's base (`/portal/<shop>` or the proxy's), unsigned. */
export function returnLabelPath(token: string, rma: string): string {
  return `/o/${token}/returns/${encodeURIComponent(rma)}/label`;
}

/**
 * The label's absolute URL on the app's host, signed and expiring (order token and URL signature
 * both last `ttlSeconds`): what Shopify stores as the reverse delivery's label file.
 */
export function returnLabelFileUrl(
  shop: ShopRef & { domain: string },
  ret: Pick<ReturnWithDetails, "orderId" | "rma">,
  options: { ttlSeconds?: number; now?: Date } = {},
): string {
  const ttl = options.ttlSeconds ?? LABEL_FILE_URL_TTL_SECONDS;
  const token = issueOrderAccessToken({ shopId: shop.id, orderId: ret.orderId, ttl, now: options.now });
  const path = signUrl(returnLabelPath(token, ret.rma), ttl, { scope: shop.domain, now: options.now });
  return new URL(`/portal/${shop.domain}${path}`, env().SHOPIFY_APP_URL).toString();
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryName(code: string | null | undefined, fallback?: string | null): string {
  if (fallback) return fallback;
  if (!code) return "";
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function shopperAddress(address: ReturnAddress | null, ret: Pick<LabelSource, "customerName">): LabelAddress {
  return {
    name: address?.name || ret.customerName || "",
    company: address?.company ?? null,
    address1: address?.address1 ?? "",
    address2: address?.address2 ?? null,
    city: address?.city ?? "",
    province: address?.province ?? address?.provinceCode ?? null,
    provinceCode: address?.provinceCode ?? null,
    zip: address?.zip ?? null,
    country: countryName(address?.countryCode, address?.country),
    countryCode: address?.countryCode ?? null,
    phone: address?.phone ?? null,
  };
}

function locationAddress(location: Location, shopName: string): LabelAddress {
  return {
    name: location.name,
    company: shopName,
    address1: location.address1 ?? "",
    address2: location.address2,
    city: location.city ?? "",
    province: location.province ?? location.provinceCode,
    provinceCode: location.provinceCode,
    zip: location.zip,
    country: countryName(location.countryCode),
    countryCode: location.countryCode,
    phone: location.phone,
  };
}


/** What a label is made of: a stored return, or one about to be requested (its postage quoted). */
export type LabelSource = Pick<ReturnWithDetails, "rma" | "orderId" | "orderName" | "method" | "locale" | "customerName" | "labelCreatedAt" | "decidedAt" | "createdAt"> & {
  lines: readonly Pick<ReturnWithDetails["lines"][number], "title" | "variantTitle" | "sku" | "quantity" | "reason">[];
};

/**
 * What the label shows for a return: the shopper's address (live from the order), the return
 * location, the items with their reasons, and a fixed date (the label's creation), so that the same
 * return always gives the same label.
 */
export async function buildReturnLabelInput(input: {
  shop: ShopRef & { domain: string; name: string };
  graphql: AdminGraphql;
  ret: LabelSource;
  returnLocation: Location;
  createdAt?: Date;
  /** The order's shipping address when the caller has it already (else it is read from Shopify). */
  shippingAddress?: ReturnAddress | null;
}): Promise<ReturnLabelInput> {
  const { shop, ret } = input;
  const order = input.shippingAddress !== undefined ? { shippingAddress: input.shippingAddress } : await fetchOrderForReturn(input.graphql, ret.orderId);
  // The packing slip speaks the shopper's language (the one they asked for the return in).
  const words = packingSlipWords(ret.locale);
  return {
    rma: ret.rma,
    orderName: ret.orderName,
    shopDomain: shop.domain,
    shopName: shop.name,
    method: ret.method,
    from: shopperAddress(order?.shippingAddress ?? null, ret),
    to: locationAddress(input.returnLocation, shop.name),
    items: ret.lines.map((l) => ({
      title: l.title,
      variantTitle: l.variantTitle,
      sku: l.sku,
      quantity: l.quantity,
      reason: l.reason,
      reasonLabel: words.reason(l.reason),
    })),
    createdAt: input.createdAt ?? ret.labelCreatedAt ?? ret.decidedAt ?? ret.createdAt,
    text: words.text,
  };
}

export type DownloadReturnLabelResult = { status: "ok"; pdf: Uint8Array; filename: string } | { status: "not-found" };

/**
 * The label PDF of one of the shop's returns, regenerated from the stored return (the built-in
 * provider is deterministic: same return and stored tracking number, same PDF), for the order the
 * verified link opens. The caller has already checked the link's signature and expiry; this answers
 * not-found for another order's or another shop's return, and for a return with no label.
 */
export async function downloadReturnLabel(input: {
  shop: ShopRef & { domain: string; name: string };
  graphql: AdminGraphql;
  /** The order GID the verified token opens. */
  orderId: string;
  rma: string;
  labelProvider?: LabelProvider;
}): Promise<DownloadReturnLabelResult> {
  const { shop } = input;
  const ret = await findReturnByRma(shop, input.rma);
  if (!ret || ret.orderId !== input.orderId) return { status: "not-found" };
  if (ret.method !== "MAIL" || !ret.labelTrackingNumber || !awaitingGoods(ret.status)) return { status: "not-found" };
  const location = (ret.returnLocationId ? await findLocationByShopifyId(shop, ret.returnLocationId) : null) ?? (await findDefaultReturnLocation(shop));
  if (!location) return { status: "not-found" };

  // Like every use case, it rides out Shopify's rate limit itself (a route's client is already resilient and stays as it is).
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  const labelInput = await buildReturnLabelInput({ shop, graphql, ret, returnLocation: location });
  // A re-print carries the number the label was issued with.
  const labelProvider = input.labelProvider ?? storedLabelProvider(ret);
  if (!labelProvider) {
    logger.warn({ shopId: shop.id, rma: ret.rma, carrier: ret.labelCarrier }, "The label's carrier is no longer configured");
    return { status: "not-found" };
  }
  // A carrier's label is fetched again from the carrier (found by the shipment's reference: nothing
  // is bought twice); the built-in one is drawn again with the stored number.
  const label = await labelProvider.createReturnLabel({ ...labelInput, trackingNumber: ret.labelTrackingNumber });
  if (label.trackingNumber !== ret.labelTrackingNumber) {
    logger.warn({ shopId: shop.id, rma: ret.rma, stored: ret.labelTrackingNumber, regenerated: label.trackingNumber }, "Regenerated label has another tracking number");
  }
  return { status: "ok", pdf: label.pdf, filename: `${ret.rma}.pdf` };
}

function createBuiltinProvider(): LabelProvider {
  // The built-in carrier's numbers are followed on the shop's portal (portal.$shop.track.$number).
  return new BuiltinLabelProvider({
    trackingBaseUrl: (input) => new URL(`/portal/${encodeURIComponent(input.shopDomain)}/track/`, env().SHOPIFY_APP_URL).toString(),
  });
}
