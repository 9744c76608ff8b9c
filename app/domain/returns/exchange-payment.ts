/**
 * An exchange whose new items cost more than the returned ones: after the returned items are
 * processed Shopify's order has the difference outstanding (`totalOutstandingSet` > 0) and holds the
 * new items' fulfillment order AWAITING_PAYMENT. Crossdock asks Shopify to email the customer its
 * invoice once, and routes the new items once the order is paid.
 *
 * Before the returned items are processed (an exchange shipped at approval) the order owes the
 * whole price of the new items, not the difference the shopper was quoted: the invoice waits for
 * the receipt, so a customer is never invoiced more than the quote.
 */

/** Where the exchange's balance stands, for the shopper's status page and the desk. */
export type ExchangePaymentStage =
  /** Nothing to pay (an even or cheaper exchange, or none). */
  | "none"
  /** The shopper owes the difference; no invoice yet (it is sent once the return is received). */
  | "due"
  /** Shopify emailed the invoice. */
  | "invoiced"
  /** Crossdock asked Shopify to email it and got no answer: it may or may not have gone. */
  | "unconfirmed"
  /** Paid: the new items go out. */
  | "paid";

export interface ExchangePaymentFacts {
  /** The quoted difference, a decimal string ("7.50"); null or "0": nothing. */
  exchangeDue: string | null;
  exchangeInvoiceRequestedAt: Date | null;
  exchangeInvoiceSentAt: Date | null;
  exchangePaidAt: Date | null;
}

export function exchangePaymentStage(ret: ExchangePaymentFacts): ExchangePaymentStage {
  // Settled with no invoice (Shopify's order owed nothing after all): nothing was paid to speak of.
  if (ret.exchangePaidAt) return ret.exchangeInvoiceRequestedAt || ret.exchangeInvoiceSentAt ? "paid" : "none";
  if (ret.exchangeInvoiceSentAt) return "invoiced";
  if (ret.exchangeInvoiceRequestedAt) return "unconfirmed";
  return ret.exchangeDue != null && Number(ret.exchangeDue) > 0 ? "due" : "none";
}

export interface InvoiceFacts {
  /** The shopper was quoted a difference to pay (`exchangeDue` above zero). */
  differenceQuoted: boolean;
  /** Shopify confirmed the exchange items (`returnProcess`). */
  exchangeProcessed: boolean;
  /** The returned items were processed too (the return was received). */
  returnedItemsProcessed: boolean;
  /** An invoice was asked of Shopify before (sent, or its answer lost). */
  invoiceAsked: boolean;
}

/**
 * Whether to read the order's balance and invoice what it has outstanding now: only for an exchange
 * the shopper was quoted a difference for (a balance the order owes for anything else is not the
 * exchange's to invoice), once the exchange
 * and the returned items are processed (before that the balance is not the difference), and only
 * once (a lost answer is not resent: a second email asking the customer to pay is worse than
 * none, and the desk says to check in Shopify).
 */
export function shouldInvoiceExchange(facts: InvoiceFacts): boolean {
  return facts.differenceQuoted && facts.exchangeProcessed && facts.returnedItemsProcessed && !facts.invoiceAsked;
}

/** What the order still owes, in minor units: anything above zero is invoiced. */
export function owes(outstandingMinor: number): boolean {
  return outstandingMinor > 0;
}
