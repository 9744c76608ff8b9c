/**
 * Store credit as 2026-10 documents it (FIDELITY.md, "Store credit", SCR-1..SCR-6):
 *
 * - schema `Mutation.storeCreditAccountCredit`: "accepts either a store credit account ID, a
 *   Customer ID, or a CompanyLocation ID. When you provide a customer or company location ID, it
 *   automatically creates an account if one doesn't exist for the specified currency." "Store credit
 *   accounts are currency-specific. A single owner can have multiple accounts, each holding a
 *   different currency."
 * - userErrors from `StoreCreditAccountCreditUserErrorCode`: OWNER_NOT_FOUND ("Owner does not
 *   exist."), ACCOUNT_NOT_FOUND, NEGATIVE_OR_ZERO_AMOUNT ("A positive amount must be used to credit
 *   a store credit account."), MISMATCHING_CURRENCY ("The currency provided does not match the
 *   currency of the store credit account."), EXPIRES_AT_IN_PAST ("The expiry date must be in the
 *   future."). Nothing changes when one is answered.
 * - A credit is a `StoreCreditAccountCreditTransaction` with `amount`, `balanceAfterTransaction`,
 *   `remainingAmount` (the whole amount until a debit spends it), `createdAt`, `expiresAt`, and
 *   `event` ADJUSTMENT ("An adjustment was made to the store credit account": a credit made through
 *   the API is not an order refund, ORDER_REFUND).
 *
 * Company locations (B2B) are not simulated: their ids answer OWNER_NOT_FOUND.
 */
import { toMinor } from "../../app/domain/returns/money";
import { idOf } from "./ids";
import type { ShopState } from "./shop-state";
import { fail, type Outcome } from "./user-errors";

export interface StoreCreditAccountRecord {
  __typename: "StoreCreditAccount";
  id: number;
  customerId: number;
  currencyCode: string;
  /** Minor units of `currencyCode`. */
  balanceMinor: number;
  transactions: StoreCreditTransactionRecord[];
}

export interface StoreCreditTransactionRecord {
  __typename: "StoreCreditAccountCreditTransaction";
  id: number;
  accountId: number;
  amountMinor: number;
  balanceAfterMinor: number;
  createdAt: string;
  expiresAt: string | null;
  event: "ADJUSTMENT";
}

const accounts = new WeakMap<ShopState, Map<number, StoreCreditAccountRecord>>();

export function storeCreditAccounts(shop: ShopState): Map<number, StoreCreditAccountRecord> {
  let map = accounts.get(shop);
  if (!map) accounts.set(shop, (map = new Map()));
  return map;
}

export function accountsOfCustomer(shop: ShopState, customerId: number): StoreCreditAccountRecord[] {
  return [...storeCreditAccounts(shop).values()].filter((a) => a.customerId === customerId);
}

export interface CreditInput {
  /** A StoreCreditAccount GID or the owner's (Customer) GID. */
  id: string;
  amount: string;
  currencyCode: string;
  expiresAt: string | null;
}

/** `storeCreditAccountCredit`: validates first (userErrors change nothing), then credits. */
export function creditStoreCredit(shop: ShopState, input: CreditInput, now: Date = new Date()): Outcome<StoreCreditTransactionRecord> {
  const all = storeCreditAccounts(shop);
  let account: StoreCreditAccountRecord | undefined;
  const accountId = idOf("StoreCreditAccount", input.id);
  const customerId = idOf("Customer", input.id);
  if (accountId != null) {
    account = all.get(accountId);
    if (!account) return fail(["id"], "The store credit account could not be found.", "ACCOUNT_NOT_FOUND");
    if (account.currencyCode !== input.currencyCode) {
      return fail(["creditInput", "creditAmount", "currencyCode"], "The currency provided does not match the currency of the store credit account.", "MISMATCHING_CURRENCY");
    }
  } else if (customerId == null || !shop.customers.has(customerId)) {
    return fail(["id"], "Owner does not exist.", "OWNER_NOT_FOUND");
  }
  let minor: number;
  try {
    minor = toMinor(input.amount, input.currencyCode);
  } catch {
    minor = Number.NaN;
  }
  if (!(minor > 0)) return fail(["creditInput", "creditAmount", "amount"], "A positive amount must be used to credit a store credit account.", "NEGATIVE_OR_ZERO_AMOUNT");
  if (input.expiresAt != null && Date.parse(input.expiresAt) <= now.getTime()) {
    return fail(["creditInput", "expiresAt"], "The expiry date must be in the future.", "EXPIRES_AT_IN_PAST");
  }
  if (!account) {
    account = accountsOfCustomer(shop, customerId!).find((a) => a.currencyCode === input.currencyCode);
    if (!account) {
      account = { __typename: "StoreCreditAccount", id: shop.nextId("StoreCreditAccount"), customerId: customerId!, currencyCode: input.currencyCode, balanceMinor: 0, transactions: [] };
      all.set(account.id, account);
    }
  }
  account.balanceMinor += minor;
  const transaction: StoreCreditTransactionRecord = {
    __typename: "StoreCreditAccountCreditTransaction",
    id: shop.nextId("StoreCreditAccountCreditTransaction"),
    accountId: account.id,
    amountMinor: minor,
    balanceAfterMinor: account.balanceMinor,
    createdAt: now.toISOString(),
    expiresAt: input.expiresAt,
    event: "ADJUSTMENT",
  };
  account.transactions.push(transaction);
  return { ok: true, value: transaction };
}
