import { describe, expect, it } from "vitest";
import { exchangePaymentStage, shouldInvoiceExchange } from "./exchange-payment";

const at = new Date("2026-12-07T03:00:00Z");
const facts = { exchangeDue: "7.50", exchangeInvoiceRequestedAt: null, exchangeInvoiceSentAt: null, exchangePaidAt: null };

describe("an exchange's balance", () => {
  it("goes from due to invoiced to paid; an even exchange owes nothing; an unanswered request is said as such", () => {
    expect(exchangePaymentStage({ ...facts, exchangeDue: "0" })).toBe("none");
    expect(exchangePaymentStage({ ...facts, exchangeDue: null })).toBe("none");
    expect(exchangePaymentStage(facts)).toBe("due");
    expect(exchangePaymentStage({ ...facts, exchangeInvoiceRequestedAt: at })).toBe("unconfirmed");
    expect(exchangePaymentStage({ ...facts, exchangeInvoiceRequestedAt: at, exchangeInvoiceSentAt: at })).toBe("invoiced");
    expect(exchangePaymentStage({ ...facts, exchangeInvoiceRequestedAt: at, exchangeInvoiceSentAt: at, exchangePaidAt: at })).toBe("paid");
    // Settled without an invoice (Shopify's order owed nothing after all): not "paid", nothing to pay.
    expect(exchangePaymentStage({ ...facts, exchangePaidAt: at })).toBe("none");
  });

  it("is invoiced once, and only after the returned items are processed as well as the new ones", () => {
    expect(shouldInvoiceExchange({ differenceQuoted: true, exchangeProcessed: true, returnedItemsProcessed: true, invoiceAsked: false })).toBe(true);
    expect(shouldInvoiceExchange({ differenceQuoted: true, exchangeProcessed: true, returnedItemsProcessed: false, invoiceAsked: false })).toBe(false);
    expect(shouldInvoiceExchange({ differenceQuoted: true, exchangeProcessed: false, returnedItemsProcessed: true, invoiceAsked: false })).toBe(false);
    expect(shouldInvoiceExchange({ differenceQuoted: true, exchangeProcessed: true, returnedItemsProcessed: true, invoiceAsked: true })).toBe(false);
  });

  it("is never invoiced for an exchange quoted no difference, whatever else the order owes", () => {
    expect(shouldInvoiceExchange({ differenceQuoted: false, exchangeProcessed: true, returnedItemsProcessed: true, invoiceAsked: false })).toBe(false);
  });
});
