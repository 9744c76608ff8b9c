// The shop's return rules (ReturnRuleSet.rules, JSON validated by app/domain/returns/rules.ts in
// the services) and its return policy (ReturnPolicy), as the returns desk's settings page edits them.
import { Prisma, type ReturnPolicy, type ReturnRuleSet } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

export type { ReturnPolicy, ReturnRuleSet };

export async function findReturnRuleSet(shop: ShopRef, db: Db = prisma): Promise<ReturnRuleSet | null> {
  return db.returnRuleSet.findUnique({ where: { shopId: shop.id } });
}

/** Replaces the rules (already validated by the caller) and records who changed them. */
export async function saveReturnRules(shop: ShopRef, rules: Prisma.InputJsonValue, updatedBy: string | null, db: Db = prisma): Promise<ReturnRuleSet> {
  return db.returnRuleSet.upsert({
    where: { shopId: shop.id },
    create: { shopId: shop.id, rules, updatedBy },
    update: { rules, updatedBy },
  });
}

export interface ReturnPolicyValues {
  windowDays: number;
  finalSaleTags: string[];
  nonReturnableProductTypes: string[];
  /** Decimal strings. */
  returnShippingFee: string;
  restockingFeePercent: string;
  allowedMethods: string[];
  /** Who pays postage, the cap (decimal string or null) and the reasons that ship free; omitted: left as they are. */
  postage?: { payer: string; cap: string | null; freeReasons: string[] };
  /** Omitted: left as it is (Settings → Returns edits it with the destinations). */
  defaultReturnLocationId?: string | null;
}

export async function findPolicy(shop: ShopRef, db: Db = prisma): Promise<ReturnPolicy | null> {
  return db.returnPolicy.findUnique({ where: { shopId: shop.id } });
}

export async function saveReturnPolicy(shop: ShopRef, values: ReturnPolicyValues, db: Db = prisma): Promise<ReturnPolicy> {
  const data = {
    windowDays: values.windowDays,
    finalSaleTags: values.finalSaleTags,
    nonReturnableProductTypes: values.nonReturnableProductTypes,
    returnShippingFee: new Prisma.Decimal(values.returnShippingFee),
    restockingFeePercent: new Prisma.Decimal(values.restockingFeePercent),
    allowedMethods: values.allowedMethods,
    ...(values.postage && {
      postagePayer: values.postage.payer,
      postageCap: values.postage.cap === null ? null : new Prisma.Decimal(values.postage.cap),
      freePostageReasons: values.postage.freeReasons,
    }),
    ...(values.defaultReturnLocationId !== undefined && { defaultReturnLocationId: values.defaultReturnLocationId }),
  };
  return db.returnPolicy.upsert({ where: { shopId: shop.id }, create: { shopId: shop.id, ...data }, update: data });
}

export interface ReturnDestinationValues {
  /** Each names a country or a Shopify market (its GID). */
  destinationRules: ({ country: string; locationId: string } | { market: string; locationId: string })[];
  mailReturnLocationIds: string[];
  defaultReturnLocationId: string | null;
  dropOffMaxDistanceKm: number;
  dropOffInstructions: Record<string, string>;
}

/** Saves where returns go (already validated by the caller); the rest of the policy keeps its values or defaults. */
export async function saveReturnDestinations(shop: ShopRef, values: ReturnDestinationValues, db: Db = prisma): Promise<ReturnPolicy> {
  const data = {
    destinationRules: values.destinationRules,
    mailReturnLocationIds: values.mailReturnLocationIds,
    defaultReturnLocationId: values.defaultReturnLocationId,
    dropOffMaxDistanceKm: values.dropOffMaxDistanceKm,
    dropOffInstructions: values.dropOffInstructions,
  };
  return db.returnPolicy.upsert({ where: { shopId: shop.id }, create: { shopId: shop.id, ...data }, update: data });
}

/** The outcome part of the policy (app/domain/returns/store-credit.ts), saved on its own form. */
export async function saveOutcomePolicy(
  shop: ShopRef,
  values: { outcomes: string[]; bonusKind: string; bonusValue: string; exchange: { allowed: boolean; payDifference: boolean; bonusKind: string; bonusValue: string; timing: string } },
  db: Db = prisma,
): Promise<ReturnPolicy> {
  const data = {
    returnOutcomes: values.outcomes,
    storeCreditBonusKind: values.bonusKind,
    storeCreditBonusValue: new Prisma.Decimal(values.bonusValue),
    exchangeAllowed: values.exchange.allowed,
    exchangePayDifference: values.exchange.payDifference,
    exchangeBonusKind: values.exchange.bonusKind,
    exchangeBonusValue: new Prisma.Decimal(values.exchange.bonusValue),
    exchangeTiming: values.exchange.timing,
  };
  return db.returnPolicy.upsert({ where: { shopId: shop.id }, create: { shopId: shop.id, ...data }, update: data });
}
