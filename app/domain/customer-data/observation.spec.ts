import { describe, expect, it } from "vitest";
import { observeCustomerData, operationName, selectionPath } from "./observation";

const selections = {
  "orders.nodes.email": "email",
  "orders.nodes.phone": "phone",
  "orders.nodes.shippingAddress.zip": "address",
} as const;

describe("observeCustomerData", () => {
  it("reads a field redacted where Shopify's error points at it, and the others served", () => {
    const data = { orders: { nodes: [{ email: null, phone: "+15550102030", shippingAddress: { zip: "10001" } }] } };
    expect(observeCustomerData("Q", selections, data, [["orders", "nodes", 0, "email"]])).toEqual({
      operation: "Q",
      redacted: ["email"],
      served: ["address", "phone"],
    });
  });

  it("counts a null that came without an error as served (the order has no email), and nothing for an absent object", () => {
    expect(observeCustomerData("Q", selections, { orders: { nodes: [{ email: null, phone: null, shippingAddress: null }] } }, [])).toEqual({
      operation: "Q",
      redacted: [],
      served: ["email", "phone"],
    });
    // No order found: the answer says nothing about the fields.
    expect(observeCustomerData("Q", selections, { orders: { nodes: [] } }, [])).toEqual({ operation: "Q", redacted: [], served: [] });
  });

  it("redacts every field under an object Shopify reports as redacted, and a field redacted anywhere is not served", () => {
    const data = { orders: { nodes: [{ email: "a@example.com", phone: null, shippingAddress: null }, { email: null, phone: null, shippingAddress: null }] } };
    expect(observeCustomerData("Q", selections, data, [["orders", "nodes", 1, "email"], ["orders", "nodes", 0, "shippingAddress"]])).toEqual({
      operation: "Q",
      redacted: ["address", "email"],
      served: ["phone"],
    });
  });
});

describe("operationName and selectionPath", () => {
  it("name the operation of a #graphql document and drop list indices", () => {
    expect(operationName("#graphql\n  query CrossdockPortalOrderByName($query: String!) { orders { nodes { id } } }")).toBe("CrossdockPortalOrderByName");
    expect(operationName("{ shop { id } }")).toBeNull();
    expect(selectionPath(["orders", "nodes", 2, "customer", "defaultEmailAddress", "emailAddress"])).toBe("orders.nodes.customer.defaultEmailAddress.emailAddress");
  });
});
