// Admin API adapter for store credit (2026-10): `storeCreditAccountCredit` credits a customer's
// account in one currency ("When you provide a customer … ID, it automatically creates an account
// if one doesn't exist for the specified currency"), and the customer's credit transactions are
// read back to find a credit already made (the mutation documents no idempotency key, so a credit
// whose answer was lost is recognised by reading, never by crediting again).
import { money, moneyAmount, type Money } from "~/domain/returns/money";
import type { CurrencyCode } from "~/types/admin.types";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";

export const STORE_CREDIT_CREDIT_MUTATION = `#graphql
  mutation CrossdockStoreCreditCredit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {
    storeCreditAccountCredit(id: $id, creditInput: $creditInput) {
      storeCreditAccountTransaction {
        id
        createdAt
        amount {
          amount
          currencyCode
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const CUSTOMER_STORE_CREDITS_QUERY = `#graphql
  query CrossdockCustomerStoreCredits($id: ID!, $accounts: String!) {
    customer(id: $id) {
      id
      storeCreditAccounts(first: 5, query: $accounts) {
        nodes {
          id
          transactions(first: 50, reverse: true, query: "type:credit") {
            nodes {
              createdAt
              amount {
                amount
                currencyCode
              }
              ... on StoreCreditAccountCreditTransaction {
                id
              }
            }
          }
        }
      }
    }
  }
`;

export interface StoreCreditTransaction {
  id: string;
  amount: Money;
  createdAt: string;
}

/** Credits `amount` to the customer's store credit account in its currency. Refusals throw AdminUserError. */
export async function creditStoreCredit(graphql: AdminGraphql, input: { customerId: string; amount: Money; notify?: boolean }): Promise<StoreCreditTransaction> {
  const data = await adminRequest(graphql, STORE_CREDIT_CREDIT_MUTATION, {
    id: input.customerId,
    creditInput: { creditAmount: { amount: moneyAmount(input.amount), currencyCode: input.amount.currency as CurrencyCode }, notify: input.notify ?? false },
  });
  const payload = data.storeCreditAccountCredit;
  if (!payload) throw new AdminUserError("storeCreditAccountCredit", [{ message: "Shopify answered without a result" }]);
  if (payload.userErrors.length) throw new AdminUserError("storeCreditAccountCredit", payload.userErrors);
  const tx = payload.storeCreditAccountTransaction;
  if (!tx) throw new AdminUserError("storeCreditAccountCredit", [{ message: "Shopify answered without a transaction" }]);
  return { id: tx.id, amount: money(String(tx.amount.amount), tx.amount.currencyCode), createdAt: String(tx.createdAt) };
}

/** The customer's latest credits in `currency` (newest first); null when Shopify has no such customer. */
export async function listStoreCredits(graphql: AdminGraphql, input: { customerId: string; currency: string }): Promise<StoreCreditTransaction[] | null> {
  const data = await adminRequest(graphql, CUSTOMER_STORE_CREDITS_QUERY, { id: input.customerId, accounts: `currency_code:${input.currency}` });
  if (!data.customer) return null;
  return data.customer.storeCreditAccounts.nodes.flatMap((account) =>
    account.transactions.nodes.flatMap((tx) => ("id" in tx && tx.id ? [{ id: tx.id, amount: money(String(tx.amount.amount), tx.amount.currencyCode), createdAt: String(tx.createdAt) }] : [])),
  );
}
