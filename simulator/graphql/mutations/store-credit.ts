/**
 * Store credit (FIDELITY.md "Store credit"): `storeCreditAccountCredit`, a customer's
 * `storeCreditAccounts` (filtered by `currency_code`), an account's `balance` and `transactions`
 * (filtered by `type`), and the credit transaction's fields. The required scopes are the schema's
 * (`write_store_credit_account_transactions` for the mutation, `read_store_credit_accounts` for the
 * account, `read_store_credit_account_transactions` for its transactions), checked by
 * simulator/graphql/access.ts like every other.
 */
import { fromMinor } from "../../../app/domain/returns/money";
import type { CustomerRecord } from "../../store/records";
import { gid } from "../../store/ids";
import { parseSearchQuery, type SearchTerm } from "../../store/search-query";
import {
  accountsOfCustomer,
  creditStoreCredit,
  storeCreditAccounts,
  type StoreCreditAccountRecord,
  type StoreCreditTransactionRecord,
} from "../../store/store-credit";
import { connection, type ConnectionArgs } from "../connection";
import type { GraphqlContext, ResolverMap } from "../context";
import { money } from "../resolvers/common";

/** Minor units as Shopify's MoneyV2 (its Decimal strings: "40.0", "34.38"). */
const amountOf = (minor: number, currencyCode: string) => money(fromMinor(minor, currencyCode), currencyCode);

/** Whether every AND-term of one of the query's OR-groups that names `field` holds (other fields are ignored, as Shopify ignores unknown ones). */
function matches(query: string | null | undefined, field: string, test: (term: SearchTerm) => boolean): boolean {
  const groups = parseSearchQuery(query);
  if (!groups.length) return true;
  return groups.some((group) => group.every((term) => term.field !== field || test(term) !== term.negated));
}

export const storeCreditResolvers: ResolverMap = {
  Mutation: {
    storeCreditAccountCredit: (
      _s: unknown,
      args: { id: string; creditInput: { creditAmount: { amount: string; currencyCode: string }; expiresAt?: string | null; notify?: boolean | null } },
      ctx: GraphqlContext,
    ) => {
      const outcome = creditStoreCredit(ctx.shop, {
        id: args.id,
        amount: String(args.creditInput.creditAmount.amount),
        currencyCode: args.creditInput.creditAmount.currencyCode,
        expiresAt: args.creditInput.expiresAt ?? null,
      });
      if (!outcome.ok) return { storeCreditAccountTransaction: null, userErrors: outcome.userErrors.map((e) => ({ __typename: "StoreCreditAccountCreditUserError", ...e })) };
      return { storeCreditAccountTransaction: outcome.value, userErrors: [] };
    },
  },
  Customer: {
    storeCreditAccounts: (c: CustomerRecord, args: ConnectionArgs & { query?: string | null }, ctx: GraphqlContext) =>
      connection(
        accountsOfCustomer(ctx.shop, c.id).filter((a) => matches(args.query, "currency_code", (t) => t.value.toUpperCase() === a.currencyCode)),
        args,
        (a) => a.id,
      ),
  },
  StoreCreditAccount: {
    id: (a: StoreCreditAccountRecord) => gid("StoreCreditAccount", a.id),
    balance: (a: StoreCreditAccountRecord) => amountOf(a.balanceMinor, a.currencyCode),
    owner: (a: StoreCreditAccountRecord, _args: unknown, ctx: GraphqlContext) => ctx.shop.customers.get(a.customerId) ?? null,
    // Oldest first; `reverse: true` newest first (every transaction here is a credit).
    transactions: (a: StoreCreditAccountRecord, args: ConnectionArgs & { query?: string | null; reverse?: boolean | null }) =>
      connection(
        (args.reverse ? [...a.transactions].reverse() : a.transactions).filter(() => matches(args.query, "type", (t) => t.value.toLowerCase() === "credit")),
        args,
        (t) => t.id,
      ),
  },
  StoreCreditAccountCreditTransaction: {
    id: (t: StoreCreditTransactionRecord) => gid("StoreCreditAccountCreditTransaction", t.id),
    account: (t: StoreCreditTransactionRecord, _args: unknown, ctx: GraphqlContext) => storeCreditAccounts(ctx.shop).get(t.accountId),
    amount: (t: StoreCreditTransactionRecord, _args: unknown, ctx: GraphqlContext) => amountOf(t.amountMinor, storeCreditAccounts(ctx.shop).get(t.accountId)!.currencyCode),
    balanceAfterTransaction: (t: StoreCreditTransactionRecord, _args: unknown, ctx: GraphqlContext) =>
      amountOf(t.balanceAfterMinor, storeCreditAccounts(ctx.shop).get(t.accountId)!.currencyCode),
    // No debit spends credit in the simulator: the whole amount remains.
    remainingAmount: (t: StoreCreditTransactionRecord, _args: unknown, ctx: GraphqlContext) => amountOf(t.amountMinor, storeCreditAccounts(ctx.shop).get(t.accountId)!.currencyCode),
    origin: () => null,
  },
};
