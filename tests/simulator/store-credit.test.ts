// FIDELITY "Store credit" (SCR-*): storeCreditAccountCredit on a customer or an account, one account
// per customer and currency, the userErrors the schema lists, and the scope it requires.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_SCOPES, SHOP, startTestSimulator, type GraphqlBody, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeEach(async () => {
  t = await startTestSimulator();
});
afterEach(() => t.close());

const CREDIT = `mutation($id: ID!, $credit: StoreCreditAccountCreditInput!) {
  storeCreditAccountCredit(id: $id, creditInput: $credit) {
    storeCreditAccountTransaction { id event createdAt expiresAt amount { amount currencyCode } balanceAfterTransaction { amount currencyCode } remainingAmount { amount currencyCode } account { id balance { amount currencyCode } } }
    userErrors { field message code }
  }
}`;
const ACCOUNTS = `query($id: ID!, $q: String) { customer(id: $id) { storeCreditAccounts(first: 5, query: $q) { nodes { id balance { amount currencyCode }
  transactions(first: 5, query: "type:credit") { nodes { __typename amount { amount currencyCode } ... on StoreCreditAccountCreditTransaction { id } } } } } } }`;

async function customerId(): Promise<string> {
  const { orders } = await t.data(`{ orders(first: 1, query: "name:#1001") { nodes { customer { id } } } }`);
  return orders.nodes[0].customer.id;
}
const credit = (id: string, amount: string, currencyCode: string, expiresAt?: string) =>
  t.gql(CREDIT, { id, credit: { creditAmount: { amount, currencyCode }, ...(expiresAt ? { expiresAt } : {}) } });

describe("storeCreditAccountCredit", () => {
  it("SCR-1/SCR-2: credits a customer, creating one account per currency, and adds to it after", async () => {
    const id = await customerId();
    const first = (await credit(id, "34.38", "USD")).data!.storeCreditAccountCredit;
    expect(first.userErrors).toEqual([]);
    const tx = first.storeCreditAccountTransaction;
    expect(tx).toMatchObject({ event: "ADJUSTMENT", expiresAt: null, amount: { amount: "34.38", currencyCode: "USD" }, balanceAfterTransaction: { amount: "34.38", currencyCode: "USD" }, remainingAmount: { amount: "34.38" } });
    expect(tx.id).toMatch(/^gid:\/\/shopify\/StoreCreditAccountCreditTransaction\/\d+$/);
    expect(tx.account.id).toMatch(/^gid:\/\/shopify\/StoreCreditAccount\/\d+$/);

    const second = (await credit(id, "5.62", "USD")).data!.storeCreditAccountCredit.storeCreditAccountTransaction;
    expect(second.account.id).toBe(tx.account.id);
    expect(second.balanceAfterTransaction).toEqual({ amount: "40.0", currencyCode: "USD" });
    const vnd = (await credit(id, "736600", "VND")).data!.storeCreditAccountCredit.storeCreditAccountTransaction;
    expect(vnd.account.id).not.toBe(tx.account.id);
    expect(vnd.account.balance).toEqual({ amount: "736600.0", currencyCode: "VND" });

    // By account id too; the customer's accounts filter by currency_code and list the credits.
    expect((await credit(tx.account.id, "1.00", "USD")).data!.storeCreditAccountCredit.storeCreditAccountTransaction.balanceAfterTransaction.amount).toBe("41.0");
    const { customer } = await t.data(ACCOUNTS, { id, q: "currency_code:USD" });
    expect(customer.storeCreditAccounts.nodes).toHaveLength(1);
    expect(customer.storeCreditAccounts.nodes[0].balance).toEqual({ amount: "41.0", currencyCode: "USD" });
    expect(customer.storeCreditAccounts.nodes[0].transactions.nodes.map((n: { amount: { amount: string } }) => n.amount.amount)).toEqual(["34.38", "5.62", "1.0"]);
    expect(customer.storeCreditAccounts.nodes[0].transactions.nodes[0]).toMatchObject({ __typename: "StoreCreditAccountCreditTransaction", id: tx.id });
  });

  it("SCR-3: answers the schema's userErrors and changes nothing", async () => {
    const id = await customerId();
    const usd = (await credit(id, "10.00", "USD")).data!.storeCreditAccountCredit.storeCreditAccountTransaction;
    const errorOf = async (p: Promise<GraphqlBody>) => (await p).data!.storeCreditAccountCredit.userErrors;
    expect(await errorOf(credit("gid://shopify/Customer/999999", "1.00", "USD"))).toEqual([{ field: ["id"], message: "Owner does not exist.", code: "OWNER_NOT_FOUND" }]);
    expect(await errorOf(credit("gid://shopify/StoreCreditAccount/999999", "1.00", "USD"))).toMatchObject([{ field: ["id"], code: "ACCOUNT_NOT_FOUND" }]);
    expect(await errorOf(credit(id, "0", "USD"))).toMatchObject([{ code: "NEGATIVE_OR_ZERO_AMOUNT", message: "A positive amount must be used to credit a store credit account." }]);
    expect(await errorOf(credit(id, "-3.00", "USD"))).toMatchObject([{ code: "NEGATIVE_OR_ZERO_AMOUNT" }]);
    expect(await errorOf(credit(usd.account.id, "1.00", "EUR"))).toMatchObject([{ code: "MISMATCHING_CURRENCY" }]);
    expect(await errorOf(credit(id, "1.00", "USD", "2020-01-01T00:00:00Z"))).toMatchObject([{ code: "EXPIRES_AT_IN_PAST", message: "The expiry date must be in the future." }]);
    const { customer } = await t.data(ACCOUNTS, { id, q: "currency_code:USD" });
    expect(customer.storeCreditAccounts.nodes[0].balance.amount).toBe("10.0");
  });

  it("SCR-4: without write_store_credit_account_transactions the mutation is refused and credits nothing", async () => {
    const id = await customerId();
    await t.control("POST", "/_control/shops", { shop: SHOP, scopes: ALL_SCOPES.split(",").filter((s) => s !== "write_store_credit_account_transactions").join(",") });
    const refused = await credit(id, "10.00", "USD");
    expect(refused.data?.storeCreditAccountCredit ?? null).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining("Required access: `write_store_credit_account_transactions` access scope."),
      extensions: { code: "ACCESS_DENIED" },
    });
    const { customer } = await t.data(`query($id: ID!) { customer(id: $id) { storeCreditAccounts(first: 5) { nodes { id } } } }`, { id });
    expect(customer.storeCreditAccounts.nodes).toEqual([]);
  });
});
