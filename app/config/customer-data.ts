/**
 * The protected customer data Crossdock asks Shopify for (Partner Dashboard → API access requests →
 * Protected customer data): level 2 with all four protected fields. README "Protected customer data"
 * says why each is needed and what Crossdock does when Shopify redacts one.
 * https://shopify.dev/docs/apps/launch/protected-customer-data
 */
export type ProtectedCustomerField = "name" | "email" | "phone" | "address";

export const PROTECTED_CUSTOMER_FIELDS: readonly ProtectedCustomerField[] = ["name", "email", "phone", "address"];

export interface CustomerDataRequest {
  /** 1: customer data without the protected fields; 2: with the fields listed. */
  level: 1 | 2;
  fields: readonly ProtectedCustomerField[];
}

export const REQUESTED_CUSTOMER_DATA: CustomerDataRequest = {
  level: 2,
  fields: PROTECTED_CUSTOMER_FIELDS,
};

/**
 * Where Crossdock's documents select protected customer data: operation name → response path (list
 * indices left out) → the protected field Shopify counts it as (the schema's `isProtected` /
 * `protectedContent`). An answer to one of these operations tells whether Shopify currently
 * redacts that field for the shop (app/domain/customer-data/observation.ts).
 * tests/unit/customer-data-selections.test.ts derives this table from the documents and the schema.
 */
export const PROTECTED_SELECTIONS: Readonly<Record<string, Readonly<Record<string, ProtectedCustomerField>>>> = {
  CrossdockOrderForRouting: {
    "order.shippingAddress.latitude": "address",
    "order.shippingAddress.longitude": "address",
    "order.shippingAddress.zip": "address",
  },
  CrossdockOrderRoutingState: {
    "order.shippingAddress.latitude": "address",
    "order.shippingAddress.longitude": "address",
    "order.shippingAddress.zip": "address",
  },
  CrossdockOrderSnapshots: {
    "nodes.email": "email",
    "nodes.phone": "phone",
    "nodes.customer.defaultEmailAddress.emailAddress": "email",
    "nodes.customer.defaultPhoneNumber.phoneNumber": "phone",
    "nodes.shippingAddress.firstName": "name",
    "nodes.shippingAddress.lastName": "name",
    "nodes.shippingAddress.address1": "address",
    "nodes.shippingAddress.address2": "address",
    "nodes.shippingAddress.zip": "address",
    "nodes.shippingAddress.phone": "phone",
    "nodes.shippingAddress.latitude": "address",
    "nodes.shippingAddress.longitude": "address",
  },
  CrossdockPortalOrderByName: {
    "orders.nodes.email": "email",
    "orders.nodes.phone": "phone",
    "orders.nodes.customer.defaultEmailAddress.emailAddress": "email",
    "orders.nodes.customer.defaultPhoneNumber.phoneNumber": "phone",
    "orders.nodes.shippingAddress.phone": "phone",
  },
  CrossdockPortalOrderTracking: {
    "order.shippingAddress.latitude": "address",
    "order.shippingAddress.longitude": "address",
  },
  CrossdockReturnForSync: {
    "return.order.email": "email",
    "return.order.customer.displayName": "name",
    "return.order.customer.firstName": "name",
    "return.order.customer.lastName": "name",
    "return.order.shippingAddress.latitude": "address",
    "return.order.shippingAddress.longitude": "address",
  },
  CrossdockOrderForReturn: {
    "order.email": "email",
    "order.phone": "phone",
    "order.customer.displayName": "name",
    "order.customer.firstName": "name",
    "order.customer.lastName": "name",
    "order.shippingAddress.name": "name",
    "order.shippingAddress.firstName": "name",
    "order.shippingAddress.lastName": "name",
    "order.shippingAddress.address1": "address",
    "order.shippingAddress.address2": "address",
    "order.shippingAddress.zip": "address",
    "order.shippingAddress.phone": "phone",
    "order.shippingAddress.latitude": "address",
    "order.shippingAddress.longitude": "address",
  },
  CrossdockShipmentForNotice: {
    "fulfillment.order.email": "email",
    "fulfillment.order.customer.displayName": "name",
  },
};
