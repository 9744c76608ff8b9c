// Admin API adapter for processing a return as 2025-07+ Shopify wants it: `returnProcess` confirms
// the returned items with their dispositions and, optionally, issues the refund Shopify suggests
// (`Return.suggestedFinancialOutcome`: the items less the return's fees, in the shopper's currency).
// https://shopify.dev/docs/apps/build/orders-fulfillment/returns-apps/migrate-to-return-processing
import { money, moneyAmount, type Money } from "~/domain/returns/money";
import type { CurrencyCode } from "~/types/admin.types";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";
import type { DispositionType } from "./return-sync";

export const RETURN_SUGGESTED_OUTCOME_QUERY = `#graphql
  query CrossdockReturnSuggestedOutcome($id: ID!, $lines: [SuggestedOutcomeReturnLineItemInput!]!) {
    return(id: $id) {
      id
      suggestedFinancialOutcome(returnLineItems: $lines, exchangeLineItems: []) {
        financialTransfer {
          __typename
          ... on RefundReturnOutcome {
            amount {
              presentmentMoney {
                amount
                currencyCode
              }
            }
            suggestedTransactions {
              amountSet {
                presentmentMoney {
                  amount
                  currencyCode
                }
              }
              parentTransaction {
                id
              }
            }
          }
          ... on InvoiceReturnOutcome {
            amount {
              presentmentMoney {
                amount
                currencyCode
              }
            }
          }
        }
      }
    }
  }
`;

type PresentmentMoney = { presentmentMoney: { amount: unknown; currencyCode: string } };

export type SuggestedOutcome =
  /** Shopify suggests refunding `amount` (in the shopper's currency) through these transactions. */
  | { kind: "refund"; amount: Money; transactions: { parentId: string; amount: Money }[] }
  /** The fees exceed the items: the shopper would owe `amount`. */
  | { kind: "invoice"; amount: Money }
  | { kind: "none" };

const toMoney = (m: PresentmentMoney): Money => money(String(m.presentmentMoney.amount), m.presentmentMoney.currencyCode);

/** What Shopify suggests for refunding these units of the return's lines; null when the return is gone. */
export async function fetchSuggestedOutcome(
  graphql: AdminGraphql,
  returnId: string,
  lines: readonly { returnLineItemId: string; quantity: number }[],
): Promise<SuggestedOutcome | null> {
  const data = await adminRequest(graphql, RETURN_SUGGESTED_OUTCOME_QUERY, {
    id: returnId,
    lines: lines.map((l) => ({ id: l.returnLineItemId, quantity: l.quantity })),
  });
  if (!data.return) return null;
  const transfer = data.return.suggestedFinancialOutcome?.financialTransfer;
  if (!transfer) return { kind: "none" };
  if (transfer.__typename === "InvoiceReturnOutcome") return { kind: "invoice", amount: toMoney(transfer.amount) };
  if (transfer.__typename !== "RefundReturnOutcome") return { kind: "none" };
  return {
    kind: "refund",
    amount: toMoney(transfer.amount),
    transactions: transfer.suggestedTransactions.flatMap((t) => (t.parentTransaction ? [{ parentId: t.parentTransaction.id, amount: toMoney(t.amountSet) }] : [])),
  };
}

export const RETURN_PROCESS_MUTATION = `#graphql
  mutation CrossdockReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        id
        status
        refunds(first: 10) {
          nodes {
            id
            createdAt
            totalRefundedSet {
              presentmentMoney {
                amount
                currencyCode
              }
            }
          }
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

export interface ProcessLineInput {
  returnLineItemId: string;
  quantity: number;
  dispositions: {
    reverseFulfillmentOrderLineItemId: string;
    quantity: number;
    dispositionType: DispositionType;
    /** Required for RESTOCKED. */
    locationId?: string | null;
  }[];
}

export interface ProcessedReturn {
  id: string;
  status: string;
  /** The return's refunds, newest last (the one this processing issued among them). */
  refunds: { id: string; amount: Money; createdAt: string | null }[];
}

/**
 * returnProcess: confirms the units with their dispositions (and exchange items, which Shopify adds
 * to the order with a fulfillment order of their own) and, with `refund`, refunds the given
 * transactions (amounts in the order's presentment currency, as `ReturnRefundOrderTransactionInput`
 * takes them). Refusals throw AdminUserError.
 */
export async function processReturn(
  graphql: AdminGraphql,
  input: {
    returnId: string;
    lines: readonly ProcessLineInput[];
    /** Exchange line items to confirm: Shopify adds them to the order and makes their fulfillment order. */
    exchangeLines?: readonly { id: string; quantity: number }[];
    refund?: { transactions: readonly { parentId: string; amount: Money }[] } | null;
    notifyCustomer?: boolean;
  },
): Promise<ProcessedReturn> {
  const data = await adminRequest(graphql, RETURN_PROCESS_MUTATION, {
    input: {
      returnId: input.returnId,
      returnLineItems: input.lines.map((l) => ({
        id: l.returnLineItemId,
        quantity: l.quantity,
        dispositions: l.dispositions.map((d) => ({
          reverseFulfillmentOrderLineItemId: d.reverseFulfillmentOrderLineItemId,
          quantity: d.quantity,
          dispositionType: d.dispositionType,
          ...(d.locationId ? { locationId: d.locationId } : {}),
        })),
      })),
      ...(input.exchangeLines?.length ? { exchangeLineItems: input.exchangeLines.map((e) => ({ id: e.id, quantity: e.quantity })) } : {}),
      ...(input.refund?.transactions.length
        ? {
            financialTransfer: {
              issueRefund: {
                orderTransactions: input.refund.transactions.map((t) => ({
                  parentId: t.parentId,
                  // The currency Shopify named in its suggested transaction (the order's presentment currency).
                  transactionAmount: { amount: moneyAmount(t.amount), currencyCode: t.amount.currency as CurrencyCode },
                })),
              },
            },
          }
        : {}),
      notifyCustomer: input.notifyCustomer ?? false,
    },
  });
  const payload = data.returnProcess;
  if (!payload || payload.userErrors.length > 0 || !payload.return) {
    throw new AdminUserError("returnProcess", payload?.userErrors.length ? payload.userErrors : [{ message: "Shopify processed nothing" }]);
  }
  return {
    id: payload.return.id,
    status: payload.return.status,
    refunds: payload.return.refunds.nodes.map((r) => ({ id: r.id, amount: toMoney(r.totalRefundedSet), createdAt: r.createdAt == null ? null : String(r.createdAt) })),
  };
}

