import type { CarrierProblem } from "~/domain/returns/label-problem";

/**
 * Return labels behind a small provider interface (Medusa's fulfillment provider
 * `createReturnFulfillment`, reduced to what Crossdock needs). The built-in provider
 * (`builtin.server.ts`) draws the label itself; the carriers (`easypost.server.ts` in the US,
 * `ghn.server.ts` in Vietnam) implement the same interface and sell a real label.
 */

/** A postal address as printed on a label. Every field is printed as given (Unicode). */
export interface LabelAddress {
  /** Person or store name, e.g. "Nguyễn Thị Mai" or "Crossdock Quận 1". */
  name: string;
  company?: string | null;
  address1: string;
  address2?: string | null;
  city: string;
  /** Province / state / region, e.g. "Thành phố Hồ Chí Minh", "CA", "上海市". */
  province?: string | null;
  /** The province's code, e.g. "CA": what carriers' APIs want. */
  provinceCode?: string | null;
  zip?: string | null;
  /** Country name as printed, e.g. "Việt Nam". */
  country: string;
  /** ISO 3166-1 alpha-2, e.g. "VN"; used in the tracking number. */
  countryCode?: string | null;
  phone?: string | null;
}

export interface LabelItem {
  title: string;
  variantTitle?: string | null;
  sku?: string | null;
  quantity: number;
  /** Shopify ReturnReason code, e.g. "SIZE_TOO_SMALL". */
  reason: string;
  /** The reason in the shopper's language; defaults to the code in words ("Size too small"). */
  reasonLabel?: string | null;
}

/** The words printed on the label and slip, so the caller can pass them translated. */
export interface LabelText {
  carrierHeading: string;
  mailService: string;
  dropOffService: string;
  from: string;
  returnTo: string;
  dropOffAt: string;
  rma: string;
  order: string;
  tracking: string;
  date: string;
  packingSlip: string;
  item: string;
  sku: string;
  quantity: string;
  reason: string;
  slipInstructions: string;
  continued: string;
}

export const DEFAULT_LABEL_TEXT: LabelText = {
  carrierHeading: "CROSSDOCK RETURNS",
  mailService: "RETURN · MAIL",
  dropOffService: "RETURN · DROP-OFF",
  from: "FROM",
  returnTo: "RETURN TO",
  dropOffAt: "HAND IN AT",
  rma: "RMA",
  order: "Order",
  tracking: "Tracking",
  date: "Date",
  packingSlip: "PACKING SLIP",
  item: "Item",
  sku: "SKU",
  quantity: "Qty",
  reason: "Reason",
  slipInstructions: "Put this slip in the parcel with the items. Attach the label to the outside.",
  continued: "continued",
};

export interface ReturnLabelInput {
  /** The return's RMA, e.g. "RMA-1001-7KQ2": printed large, encoded in the barcode and the QR code. */
  rma: string;
  /** "#1001". */
  orderName: string;
  /** The shop's myshopify domain; with the RMA it makes the tracking number. */
  shopDomain: string;
  shopName: string;
  method: "MAIL" | "DROP_OFF";
  /** The shopper (sender). */
  from: LabelAddress;
  /** The return location (recipient): the warehouse for mail, the store for a drop-off. */
  to: LabelAddress;
  items: readonly LabelItem[];
  /** The date printed on the label and stored in the PDF's metadata (not the clock: labels are reproducible). */
  createdAt: Date | string;
  /** Printed words; English by default. */
  text?: Partial<LabelText>;
  /**
   * The tracking number to print, when Crossdock assigned it (the built-in carrier: unique in the
   * shop, and kept by every re-print). A provider whose carrier issues numbers ignores it.
   */
  trackingNumber?: string;
}

export interface ReturnLabel {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  /** The label PDF: page 1 the 4×6 in label, then the packing slip. */
  pdf: Uint8Array;
  /** Problems worth logging, e.g. characters no bundled font can draw (printed as "?"). */
  warnings: string[];
  /** The postage bought for the label (a carrier label); none for a label nobody paid for. */
  postage?: { amount: string; currency: string; carrier: string; service: string } | null;
  /** The carrier's own id of the shipment, e.g. EasyPost's "shp_…", GHN's order code. */
  shipmentId?: string | null;
}

/** Why a carrier gave no label; each has words for shopper and staff (app/domain/returns/label-problem.ts). */
export type CarrierLabelProblem = CarrierProblem;

/**
 * A carrier refused or failed to sell a label. Nothing was bought (a label bought and then lost is
 * found again by the shipment's reference on the next try), so the caller can simply try again later.
 */
export class CarrierLabelError extends Error {
  constructor(
    readonly problem: CarrierLabelProblem,
    message: string,
    /** The carrier's own words (field errors, rate messages), for the log only. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "CarrierLabelError";
  }
}

/** What a label's postage costs, as the carrier prices it. */
export interface PostageQuote {
  /** Decimal string in `currency`, e.g. "6.07" or "22000". */
  amount: string;
  currency: string;
  carrier: string;
  service: string;
}

export interface LabelProvider {
  /** Stored as ReturnRequest.labelCarrier. */
  readonly carrier: string;
  createReturnLabel(input: ReturnLabelInput): Promise<ReturnLabel>;
  /**
   * The postage the label for `input` will cost, without buying it: the price `createReturnLabel` then
   * pays for the same input (so a shopper charged the quote is charged the label's postage). Throws
   * CarrierLabelError like `createReturnLabel`. A provider that sells no postage leaves it out.
   */
  quotePostage?(input: ReturnLabelInput): Promise<PostageQuote>;
}
