/**
 * Protected customer data the app is not approved for comes back null with an error per field
 * (https://shopify.dev/docs/apps/launch/protected-customer-data); adminRequest keeps such answers.
 */
import { describe, expect, it } from "vitest";
import type { CustomerDataObservation } from "~/domain/customer-data/observation";
import { AdminApiError, adminRequest, isCustomerDataRedaction, withCustomerDataObserver, type AdminGraphql } from "~/shopify/admin-graphql";
import { PORTAL_ORDER_BY_NAME_QUERY } from "~/shopify/portal-orders";

const DOC = "See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.";
const answer = (body: unknown): AdminGraphql => async () => new Response(JSON.stringify(body));
const QUERY = "query Q { orders(first: 1) { nodes { name email } } }";

describe("adminRequest and redacted customer data", () => {
  it("returns the data when every error is a redaction of a nested field", async () => {
    const graphql = answer({
      data: { orders: { nodes: [{ name: "#1001", email: null }] } },
      errors: [{ message: `This app is not approved to access the Order object. ${DOC}`, path: ["orders", "nodes", 0, "email"] }],
    });
    expect(await adminRequest(graphql, QUERY)).toEqual({ orders: { nodes: [{ name: "#1001", email: null }] } });
  });

  it("returns the data the library's GraphqlQueryError carries, when every error is a redaction", async () => {
    const graphql: AdminGraphql = async () => {
      throw Object.assign(new Error("GraphQL Client: An error occurred"), {
        body: {
          data: { orders: { nodes: [{ name: "#1001", email: null }] } },
          errors: { graphQLErrors: [{ message: `This app is not approved to access the Order object. ${DOC}`, path: ["orders", "nodes", 0, "email"] }] },
        },
      });
    };
    expect(await adminRequest(graphql, QUERY)).toEqual({ orders: { nodes: [{ name: "#1001", email: null }] } });
  });

  it("still fails when a whole object is refused, or when another error comes with a redaction", async () => {
    const root = answer({ data: null, errors: [{ message: `This app is not approved to access the Order object. ${DOC}`, path: ["orders"], extensions: { code: "ACCESS_DENIED" } }] });
    await expect(adminRequest(root, QUERY)).rejects.toBeInstanceOf(AdminApiError);
    const mixed = answer({
      data: { orders: { nodes: [{ name: "#1001", email: null }] } },
      errors: [
        { message: `This app is not approved to access the Order object. ${DOC}`, path: ["orders", "nodes", 0, "email"] },
        { message: "Throttled", extensions: { code: "THROTTLED" } },
      ],
    });
    await expect(adminRequest(mixed, QUERY)).rejects.toBeInstanceOf(AdminApiError);
  });

  it("recognises Shopify's wordings of a redaction", () => {
    expect(isCustomerDataRedaction({ message: `This app is not approved to use the phoneNumber field. ${DOC}`, path: ["customer", "phoneNumber", "phoneNumber"] })).toBe(true);
    expect(isCustomerDataRedaction({ message: "Access denied for orders field.", path: ["orders", "nodes"] })).toBe(false);
  });

  it("tells the client's observer what an answer to a document with protected selections redacted and served", async () => {
    const seen: CustomerDataObservation[] = [];
    const order = { id: "gid://shopify/Order/1", name: "#1001", email: null, phone: "+15550102030", customer: null, shippingAddress: { phone: null } };
    const graphql = withCustomerDataObserver(
      answer({
        data: { orders: { nodes: [order] } },
        errors: [{ message: `This app is not approved to access the Order object. ${DOC}`, path: ["orders", "nodes", 0, "email"] }],
      }),
      async (observation) => void seen.push(observation),
    );
    await adminRequest(graphql, PORTAL_ORDER_BY_NAME_QUERY, { query: "name:#1001" });
    expect(seen).toEqual([{ operation: "CrossdockPortalOrderByName", redacted: ["email"], served: ["phone"] }]);
    // A document without protected selections, or a client without an observer, reports nothing.
    await adminRequest(graphql, QUERY);
    await adminRequest(answer({ data: { orders: { nodes: [order] } } }), PORTAL_ORDER_BY_NAME_QUERY, { query: "name:#1001" });
    expect(seen).toHaveLength(1);
  });
});
