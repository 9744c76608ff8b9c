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
