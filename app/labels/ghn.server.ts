import { createHash } from "node:crypto";
import { vietnameseAreas } from "~/domain/labels/vietnam-address";
import { CarrierLabelError, type LabelAddress, type LabelProvider, type PostageQuote, type ReturnLabel, type ReturnLabelInput } from "./provider";

/** Stored as ReturnRequest.labelCarrier: the label is GHN's own, with GHN's order code as its tracking number. */
export const GHN_CARRIER = "GHN";

/** GHN's production API origin (api.ghn.vn: "online-gateway.ghn.vn"; its test environment is dev-online-gateway.ghn.vn). */
export const GHN_PRODUCTION_URL = "https://online-gateway.ghn.vn";
/** Where a GHN order is followed by anyone with its code. */
export const GHN_TRACKING_URL = "https://donhang.ghn.vn/?order_code=";

export interface GhnLabelProviderOptions {
  /** GHN's "Token" (khachhang.ghn.vn → Chủ cửa hàng → Xem Token API). */
  token: string;
  /** The GHN shop (cửa hàng) the orders belong to, sent as the "ShopId" header. */
  shopId: number;
  /** API origin, e.g. https://online-gateway.ghn.vn (default) or the stand-in's. */
  baseUrl?: string;
  /** Prefix the order code is appended to, for the shopper's tracking link. */
  trackingUrl?: string;
  /** Milliseconds before one request to GHN is given up. */
  timeoutMs?: number;
  /** Grams per unit returned, for the parcel's weight (items carry no weight in Crossdock). */
  gramsPerUnit?: number;
  /** GHN's service type: 2 = light goods (Hàng nhẹ, default), 5 = heavy goods (Hàng nặng). */
  serviceTypeId?: number;
  /**
   * Draws a label when GHN's print page is not a PDF (GHN documents a print URL, not its format):
   * the caller's own label renderer, given GHN's order code as the tracking number.
   */
  renderLabel?: (input: ReturnLabelInput) => Promise<Uint8Array>;
}

/** GHN's envelope: `code` 200 on success, else `message` in Vietnamese (api.ghn.vn docs). */
interface GhnEnvelope<T> {
  code?: number;
  message?: string;
  code_message?: string;
  data?: T | null;
}

interface GhnOrder {
  order_code: string;
  client_order_code?: string;
  status?: string;
  total_fee?: number;
  expected_delivery_time?: string;
}

/**
 * The order's `client_order_code` at GHN: one per return of a shop ("external order code managed by
 * logged client [unique field]"), so a retry finds the order it created.
 */
export function ghnClientOrderCode(shopDomain: string, rma: string): string {
  return `CD-${ghnShopTag(shopDomain)}-${rma.toUpperCase()}`;
}

/** The shop's part of its client order codes: 8 hex digits of its domain's SHA-256 (the domain itself is not sent to GHN). */
export function ghnShopTag(shopDomain: string): string {
  return createHash("sha256").update(shopDomain.toLowerCase()).digest("hex").slice(0, 8);
}

/** The shop tag of a client order code Crossdock made ("CD-1a2b3c4d-RMA-…"), else null (an order made elsewhere). */
export function ghnShopTagOf(clientOrderCode: string): string | null {
  return /^CD-([0-9a-f]{8})-/.exec(clientOrderCode)?.[1] ?? null;
}

/** A Vietnamese phone as GHN's examples write it ("0909999999"): +84 becomes 0, spaces and dashes go. */
export function ghnPhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/[^\d+]/g, "");
  if (!digits) return null;
  const local = digits.startsWith("+84") ? `0${digits.slice(3)}` : digits.startsWith("84") && digits.length === 11 ? `0${digits.slice(2)}` : digits.replace(/^\+/, "");
  return /^0\d{9,10}$/.test(local) ? local : null;
}

class GhnApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = "GhnApiError";
  }
}

/**
 * Return labels from Giao Hàng Nhanh (GHN), Vietnam's parcel carrier, through its public REST API
 * (api.ghn.vn; each call and its source: tools/GHN-FIDELITY.md). A return is a GHN order picked up
 * at the shopper's address (`from_*`) and delivered to the return location (`to_*`), postage paid by
 * the shop (`payment_type_id` 1), nothing collected on delivery; addresses go by ward, district and
 * province names, which GHN matches to its own master data.
 *
 * Idempotent: the order carries a `client_order_code` made of shop and RMA, unique at GHN, and every
 * call first looks it up (`detail-by-client-code`): an order already created is used again (a
 * retry after a lost answer, or a re-print), and only when there is none is one created. Then the
 * label: a print token (`a5/gen-token`) and GHN's A5 print page.
 */
export class GhnLabelProvider implements LabelProvider {
  readonly carrier = GHN_CARRIER;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: GhnLabelProviderOptions) {
    this.baseUrl = (options.baseUrl ?? GHN_PRODUCTION_URL).replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  async createReturnLabel(input: ReturnLabelInput): Promise<ReturnLabel> {
    if (!input.rma.trim()) throw new RangeError("A label needs an RMA");
    if (input.items.length === 0) throw new RangeError("A label needs at least one item");
    const clientOrderCode = ghnClientOrderCode(input.shopDomain, input.rma);
    try {
      let order = await this.findByClientOrderCode(clientOrderCode);
      if (order?.status === "cancel") {
        // GHN keeps a cancelled order's code: a new order cannot take it, and a cancelled one carries nothing.
        throw new CarrierLabelError("unavailable", `GHN order ${order.order_code} for ${input.rma} was cancelled at GHN`);
      }
      order ??= await this.createOrder(input, clientOrderCode);
      const pdf = await this.labelPdf(order.order_code, input);
      return {
        carrier: GHN_CARRIER,
        trackingNumber: order.order_code,
        trackingUrl: `${this.options.trackingUrl ?? GHN_TRACKING_URL}${encodeURIComponent(order.order_code)}`,
        pdf,
        warnings: [],
        postage: order.total_fee != null ? { amount: String(order.total_fee), currency: "VND", carrier: GHN_CARRIER, service: this.serviceName() } : null,
        shipmentId: order.order_code,
      };
    } catch (error) {
      throw asCarrierError(error);
    }
  }

  private serviceName(): string {
    return (this.options.serviceTypeId ?? 2) === 5 ? "Hàng nặng" : "Hàng nhẹ";
  }

  private async findByClientOrderCode(clientOrderCode: string): Promise<GhnOrder | null> {
    try {
      const data = await this.call<GhnOrder | GhnOrder[]>("/shiip/public-api/v2/shipping-order/detail-by-client-code", { client_order_code: clientOrderCode });
      const order = Array.isArray(data) ? data[0] : data;
      return order?.order_code ? order : null;
    } catch (error) {
      // GHN answers an unknown order with code 400 and "…Đơn hàng không tồn tại" (its print API's documented error).
      if (error instanceof GhnApiError && error.code === 400 && /không tồn tại|not found/i.test(error.message)) return null;
      throw error;
    }
  }

  /**
   * What the label will cost: GHN's Preview Order (`…/shipping-order/preview`, api.ghn.vn id=81/112)
   * takes the create body, checks it and prices it without creating an order, so a quote is the
   * fee of the order approval then creates from the same return.
   */
  async quotePostage(input: ReturnLabelInput): Promise<PostageQuote> {
    try {
      const preview = await this.call<GhnOrder>("/shiip/public-api/v2/shipping-order/preview", this.orderBody(input, ghnClientOrderCode(input.shopDomain, input.rma)), { shop: true });
      if (preview?.total_fee == null) throw new CarrierLabelError("no-rates", `GHN gave no fee for ${input.rma}`);
      return { amount: String(preview.total_fee), currency: "VND", carrier: GHN_CARRIER, service: this.serviceName() };
    } catch (error) {
      throw asCarrierError(error);
    }
  }

  private async createOrder(input: ReturnLabelInput, clientOrderCode: string): Promise<GhnOrder> {
    const order = await this.call<GhnOrder>("/shiip/public-api/v2/shipping-order/create", this.orderBody(input, clientOrderCode), { shop: true });
    if (!order?.order_code) throw new CarrierLabelError("unavailable", `GHN created no order code for ${input.rma}`);
    return order;
  }

  /** The order GHN is asked to price (preview) and to create: the same body for both. */
  private orderBody(input: ReturnLabelInput, clientOrderCode: string): Record<string, unknown> {
    const from = ghnParty(input.from, "from");
    const to = ghnParty(input.to, "to");
    const units = input.items.reduce((n, i) => n + i.quantity, 0);
    const content = input.items.map((i) => `${i.quantity} × ${i.title}${i.variantTitle ? ` (${i.variantTitle})` : ""}`).join("; ");
    return {
        payment_type_id: 1,
        required_note: "KHONGCHOXEMHANG",
        client_order_code: clientOrderCode,
        note: `${input.rma} · ${input.orderName}`,
        content: content.slice(0, 2000),
        ...from,
        ...to,
        cod_amount: 0,
        weight: Math.max(1, units) * (this.options.gramsPerUnit ?? 500),
        length: 30,
        width: 20,
        height: 10,
        service_type_id: this.options.serviceTypeId ?? 2,
        items: input.items.map((i) => ({ name: i.title, code: i.sku ?? undefined, quantity: i.quantity })),
    };
  }

  private async labelPdf(orderCode: string, input: ReturnLabelInput): Promise<Uint8Array> {
    const token = await this.call<{ token?: string }>("/shiip/public-api/v2/a5/gen-token", { order_codes: [orderCode] });
    if (!token?.token) throw new CarrierLabelError("unavailable", `GHN gave no print token for ${orderCode}`);
    const response = await fetch(`${this.baseUrl}/a5/public-api/printA5?token=${encodeURIComponent(token.token)}`, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new CarrierLabelError("unavailable", `GHN's print page answered ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-") return bytes;
    if (!this.options.renderLabel) throw new CarrierLabelError("unavailable", `GHN's print page for ${orderCode} is not a PDF (${response.headers.get("content-type") ?? "no type"})`);
    return this.options.renderLabel({ ...input, trackingNumber: orderCode });
  }

  private async call<T>(path: string, body: unknown, options: { shop?: boolean } = {}): Promise<T | null> {
    const headers: Record<string, string> = { "Content-Type": "application/json", Token: this.options.token };
    if (options.shop) headers.ShopId = String(this.options.shopId);
    const response = await fetch(`${this.baseUrl}${path}`, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(this.timeoutMs) });
    const text = await response.text();
    let envelope: GhnEnvelope<T> = {};
    try {
      envelope = text ? (JSON.parse(text) as GhnEnvelope<T>) : {};
    } catch {
      // A gateway's HTML error page: only the HTTP status speaks.
    }
    if (!response.ok || envelope.code !== 200) {
      throw new GhnApiError(response.status, envelope.code, envelope.message ?? `HTTP ${response.status}`);
    }
    return envelope.data ?? null;
  }
}

/** One side of a GHN order (`from_*` or `to_*`), by names; a part GHN needs that is missing is an invalid address. */
function ghnParty(a: LabelAddress, side: "from" | "to"): Record<string, string> {
  const areas = vietnameseAreas(a);
  const phone = ghnPhone(a.phone);
  if (!areas) throw new CarrierLabelError("invalid-address", `The ${side} address names no ward, district and province GHN could route to`);
  if (!phone) throw new CarrierLabelError("invalid-address", `The ${side} address has no Vietnamese phone number for GHN's courier`);
  const street = [a.address1, a.address2].filter((l) => l?.trim()).join(", ");
  return {
    [`${side}_name`]: a.company && side === "to" ? `${a.name} (${a.company})` : a.name,
    [`${side}_phone`]: phone,
    [`${side}_address`]: [street, areas.district, areas.province].join(", "),
    [`${side}_ward_name`]: areas.ward,
    [`${side}_district_name`]: areas.district,
    [`${side}_province_name`]: areas.province,
  };
}

/** GHN's answers (code ≠ 200, 5xx, an HTML error page, fetch's timeout) as a CarrierLabelError. */
function asCarrierError(error: unknown): Error {
  if (error instanceof CarrierLabelError || error instanceof RangeError) return error;
  const e = error as { name?: string; message?: string };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return new CarrierLabelError("timeout", `GHN did not answer in time: ${e.message ?? ""}`);
  if (error instanceof GhnApiError) {
    const details = [error.message];
    if (error.httpStatus >= 500 || (error.code ?? 0) >= 500) return new CarrierLabelError("unavailable", `GHN failed (${error.httpStatus}): ${error.message}`, details);
    if (error.httpStatus === 401 || error.httpStatus === 403 || error.code === 401 || error.code === 403) {
      return new CarrierLabelError("unavailable", `GHN refused the account (${error.code ?? error.httpStatus}): ${error.message}`, details);
    }
    // GHN has one code (400) for every refusal; its message says which: a route without a service, or an address.
    if (/dịch vụ|service/i.test(error.message)) return new CarrierLabelError("no-rates", `GHN offers no service for this route: ${error.message}`, details);
    return new CarrierLabelError("invalid-address", `GHN refused the order (${error.code ?? error.httpStatus}): ${error.message}`, details);
  }
  return new CarrierLabelError("unavailable", `GHN failed: ${e?.message ?? String(error)}`);
}
