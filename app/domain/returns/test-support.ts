import type { ReturnableLine, ReturnPolicy } from "./policy";

/** A realistic line for specs: a delivered T-shirt. Override what the case needs. */
export function line(overrides: Partial<ReturnableLine> & { id?: string } = {}): ReturnableLine {
  const { id = "1", ...rest } = overrides;
  return {
    fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${id}`,
    lineItemId: `gid://shopify/LineItem/${id}`,
    title: "Áo thun cotton",
    variantTitle: "M / Trắng",
    sku: `TEE-${id}`,
    productType: "T-Shirts",
    productTags: ["summer"],
    quantity: 2,
    returnedQuantity: 0,
    unitPrice: "19.99",
    deliveredAt: "2026-03-01T10:00:00Z",
    ...rest,
  };
}

export const policy: ReturnPolicy = {
  windowDays: 30,
  finalSaleTags: ["final-sale"],
  nonReturnableProductTypes: ["Gift Card"],
  returnShippingFee: "5.00",
  postagePayer: "FLAT",
  postageCap: null,
  freePostageReasons: [],
  restockingFeePercent: "10",
  allowedMethods: ["MAIL", "DROP_OFF"],
  defaultReturnLocationId: "gid://shopify/Location/1",
};
