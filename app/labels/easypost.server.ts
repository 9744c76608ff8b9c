import EasyPostClient from "@easypost/api";
import { chooseRate, type OfferedRate, type ServiceLevel } from "~/domain/labels/rate-choice";
import { CarrierLabelError, type LabelAddress, type LabelProvider, type PostageQuote, type ReturnLabel, type ReturnLabelInput } from "./provider";

/** Stored as ReturnRequest.labelCarrier's provider; the label itself names the carrier (USPS, UPS …). */
export const EASYPOST_PROVIDER = "EasyPost";

export interface EasyPostLabelProviderOptions {
  apiKey: string;
  /** The API base, e.g. "https://api.easypost.com/v2/" (the SDK's default) or the stand-in's. */
  baseUrl?: string;
  serviceLevel: ServiceLevel;
  /** Milliseconds before one request to EasyPost is given up (the SDK keeps its `timeout` option but never applies it). */
  timeoutMs?: number;
  /** Ounces per unit returned, for the parcel EasyPost rates (items carry no weight in Crossdock). */
  ouncesPerUnit?: number;
}

/** The shipment's reference at EasyPost: one per return of a shop, so a retry finds the label it bought. */
export function easypostReference(shopDomain: string, rma: string): string {
  return `crossdock:${shopDomain.toLowerCase()}:${rma.toUpperCase()}`;
}

interface EasyPostRate extends OfferedRate {
  delivery_days: number | null;
}

interface EasyPostShipment {
  id: string;
  reference?: string | null;
  rates: EasyPostRate[];
  messages?: Array<{ carrier?: string; message?: string }>;
  selected_rate?: EasyPostRate | null;
  postage_label?: { label_url?: string | null; label_pdf_url?: string | null } | null;
  tracking_code?: string | null;
  tracker?: { public_url?: string | null } | null;
}

interface ApiErrorShape {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
  errors?: unknown;
  timeout?: number;
}

function easypostAddress(a: LabelAddress) {
  return {
    name: a.name,
    company: a.company ?? undefined,
    street1: a.address1,
    street2: a.address2 ?? undefined,
    city: a.city,
    state: a.provinceCode ?? a.province ?? undefined,
    zip: a.zip ?? undefined,
    country: a.countryCode ?? "US",
    phone: a.phone ?? undefined,
  };
}

/**
 * Return labels bought from EasyPost through its official SDK: a return shipment (`is_return: true`:
 * the label carries the parcel from the shopper, the original recipient, to the return location),
 * rated by EasyPost's carriers, the cheapest rate within the merchant's service level bought, and the
 * carrier's own PDF label fetched from EasyPost.
 *
 * Buying is idempotent: the shipment carries a reference made of shop and RMA, and EasyPost finds a
 * shipment by its reference (GET /shipments/:reference). So every call first looks the reference up:
 * a label already bought is returned again (a retry, or a re-print), a shipment created but not bought
 * is bought, and only when there is none is a shipment created. A label is never bought twice.
 */
export class EasyPostLabelProvider implements LabelProvider {
  readonly carrier = EASYPOST_PROVIDER;
  private readonly client: InstanceType<typeof EasyPostClient>;
  private readonly timeoutMs: number;

  constructor(private readonly options: EasyPostLabelProviderOptions) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    const timeoutMs = this.timeoutMs;
    this.client = new EasyPostClient(options.apiKey, {
      baseUrl: options.baseUrl,
      timeout: timeoutMs,
      requestMiddleware: (request: { timeout(ms: number): unknown }) => {
        request.timeout(timeoutMs);
        return request;
      },
    });
  }

  async createReturnLabel(input: ReturnLabelInput): Promise<ReturnLabel> {
    assertLabelable(input);
    try {
      let shipment = await this.shipmentFor(input);
      if (!shipment.postage_label) {
        shipment = (await this.client.Shipment.buy(shipment.id, this.rateOf(shipment, input).id)) as unknown as EasyPostShipment;
      }
      const url = shipment.postage_label?.label_pdf_url ?? shipment.postage_label?.label_url;
      if (!url || !shipment.tracking_code || !shipment.selected_rate) throw new CarrierLabelError("unavailable", `EasyPost shipment ${shipment.id} has no label`);
      const pdf = await this.download(url);
      const rate = shipment.selected_rate;
      return {
        carrier: rate.carrier,
        trackingNumber: shipment.tracking_code,
        trackingUrl: shipment.tracker?.public_url ?? `https://track.easypost.com/${encodeURIComponent(shipment.tracking_code)}`,
        pdf,
        warnings: [],
        postage: { amount: rate.rate, currency: rate.currency, carrier: rate.carrier, service: rate.service },
        shipmentId: shipment.id,
      };
    } catch (error) {
      throw asCarrierError(error);
    }
  }

  /**
   * The rate the label will be bought at: the shipment is created (with its reference) and rated now,
   * and `createReturnLabel` later finds that shipment by the reference and buys the same rate (a
   * shipment's rates do not change; the choice is deterministic). Nothing is bought here.
   */
  async quotePostage(input: ReturnLabelInput): Promise<PostageQuote> {
    assertLabelable(input);
    try {
      const shipment = await this.shipmentFor(input);
      const rate = shipment.selected_rate ?? this.rateOf(shipment, input);
      return { amount: rate.rate, currency: rate.currency, carrier: rate.carrier, service: rate.service };
    } catch (error) {
      throw asCarrierError(error);
    }
  }

  /** The return's shipment at EasyPost: found by its reference (bought or not), else created and rated. */
  private async shipmentFor(input: ReturnLabelInput): Promise<EasyPostShipment> {
    const reference = easypostReference(input.shopDomain, input.rma);
    const found = await this.findByReference(reference);
    if (found) return found;
    const units = input.items.reduce((n, i) => n + i.quantity, 0);
    return (await this.client.Shipment.create({
      reference,
      is_return: true,
      // A return shipment names the original shipment's addresses: EasyPost ships it to from_address.
      to_address: easypostAddress(input.from),
      from_address: easypostAddress(input.to),
      parcel: { weight: Math.max(1, units) * (this.options.ouncesPerUnit ?? 16) },
      options: { label_format: "PDF" },
    })) as unknown as EasyPostShipment;
  }

  /** The cheapest rate within the service level; a CarrierLabelError (no-rates) when none fits. */
  private rateOf(shipment: EasyPostShipment, input: ReturnLabelInput): EasyPostRate {
    const rate = chooseRate(shipment.rates ?? [], this.options.serviceLevel);
    if (rate) return rate;
    const details = (shipment.messages ?? []).map((m) => `${m.carrier ?? "?"}: ${m.message ?? ""}`);
    throw new CarrierLabelError("no-rates", `EasyPost offered no ${this.options.serviceLevel} rate for ${input.rma}`, details);
  }

  private async findByReference(reference: string): Promise<EasyPostShipment | null> {
    try {
      return (await this.client.Shipment.retrieve(reference)) as unknown as EasyPostShipment;
    } catch (error) {
      if ((error as ApiErrorShape).statusCode === 404) return null;
      throw error;
    }
  }

  private async download(url: string): Promise<Uint8Array> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new CarrierLabelError("unavailable", `EasyPost label download answered ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new CarrierLabelError("unavailable", "EasyPost's label is not a PDF");
    return bytes;
  }
}

function assertLabelable(input: ReturnLabelInput): void {
  if (!input.rma.trim()) throw new RangeError("A label needs an RMA");
  if (input.items.length === 0) throw new RangeError("A label needs at least one item");
}

/** EasyPost's errors (the SDK's ApiError subclasses, superagent's timeouts, fetch's aborts) as a CarrierLabelError. */
function asCarrierError(error: unknown): Error {
  if (error instanceof CarrierLabelError) return error;
  const e = (error ?? {}) as ApiErrorShape & { name?: string };
  const status = e.statusCode ?? e.status;
  const details = flatten(e.errors);
  if (e.timeout !== undefined || e.name === "TimeoutError" || e.name === "AbortError" || status === 408 || status === 504) {
    return new CarrierLabelError("timeout", `EasyPost did not answer in time: ${e.message ?? ""}`);
  }
  if (status === 422 && typeof e.code === "string" && e.code.startsWith("ADDRESS.")) {
    return new CarrierLabelError("invalid-address", `EasyPost could not verify an address: ${e.message ?? ""}`, details);
  }
  if (status === 401 || status === 402 || status === 403) {
    return new CarrierLabelError("unavailable", `EasyPost refused the account (${status} ${e.code ?? ""}): ${e.message ?? ""}`, details);
  }
  if (status === 422 || status === 400) {
    return new CarrierLabelError("invalid-address", `EasyPost refused the shipment (${e.code ?? status}): ${e.message ?? ""}`, details);
  }
  return new CarrierLabelError("unavailable", `EasyPost failed${status ? ` (${status})` : ""}: ${e.message ?? String(error)}`, details);
}

function flatten(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((x) => (typeof x === "string" ? x : [(x as { field?: string }).field, (x as { message?: string }).message].filter(Boolean).join(": ")));
}
