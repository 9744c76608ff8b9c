import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExchangeChoices, exchangeVariants, quoteExchange, type ExchangeVariant } from "./exchange";
import { money, moneyAmount } from "./money";
import { DEFAULT_EXCHANGE_POLICY, outcomePolicySchema, type ExchangePolicy } from "./store-credit";

const V = (n: number) => `gid://shopify/ProductVariant/${n}`;
const L = (n: number) => `gid://shopify/Location/${n}`;
const variants = [
  { id: V(1), title: "S", sku: "TEE-S", price: "20.00" },
  { id: V(2), title: "M", sku: "TEE-M", price: "20.00" },
  { id: V(3), title: "L", sku: "TEE-L", price: "25.00" },
  { id: V(4), title: "XL", sku: "TEE-XL", price: "25.00" },
];

describe("exchangeVariants", () => {
  const base = {
    returnedVariantId: V(1),
    variants,
    shippingLocations: [
      { id: L(1), buffer: 0 },
      { id: L(2), buffer: 2 },
    ],
    quantity: 1,
    shopCurrency: "USD",
    money: { currency: "USD" },
  };

  it("offers the product's other variants that a shipping location can sell, cheapest first", () => {
    const offered = exchangeVariants({
      ...base,
      stock: [
        { variantId: V(1), locationId: L(1), available: 9 }, // the returned variant itself: never offered
        { variantId: V(3), locationId: L(1), available: 1 },
        { variantId: V(2), locationId: L(2), available: 3 }, // 3 less a buffer of 2
        { variantId: V(4), locationId: L(3), available: 50 }, // a location that cannot ship
      ],
    });
    expect(offered.map((v) => [v.title, moneyAmount(v.unitPrice), v.sellable])).toEqual([
      ["M", "20.00", 1],
      ["L", "25.00", 1],
    ]);
  });

  it("leaves out a variant whose stock is all kept back or below the quantity returned", () => {
    const stock = [
      { variantId: V(2), locationId: L(2), available: 2 },
      { variantId: V(3), locationId: L(1), available: 1 },
    ];
    expect(exchangeVariants({ ...base, stock }).map((v) => v.title)).toEqual(["L"]);
    expect(exchangeVariants({ ...base, stock, quantity: 2 })).toEqual([]);
  });

  it("prices in the shopper's currency at the order's rate, and offers nothing it cannot price", () => {
    const stock = [{ variantId: V(3), locationId: L(1), available: 5 }];
    const rate = { shop: money("100.00", "USD"), presentment: money("2540000", "VND") };
    const [l] = exchangeVariants({ ...base, stock, money: { currency: "VND", rate } });
    expect(moneyAmount(l!.unitPrice)).toBe("635000");
    expect(exchangeVariants({ ...base, stock, money: { currency: "VND" } })).toEqual([]);
  });
});

describe("quoteExchange", () => {
  const percent = (value: string) => ({ bonusKind: "PERCENT" as const, bonusValue: value });
  const amounts = (q: ReturnType<typeof quoteExchange>) => ({ charged: moneyAmount(q.charged), bonus: moneyAmount(q.bonus), back: moneyAmount(q.moneyBack), due: moneyAmount(q.due) });

  it("same price: nothing to pay, nothing back", () => {
    expect(amounts(quoteExchange(percent("0"), [{ unitPrice: money("20.00", "USD"), quantity: 1 }], money("20.00", "USD")))).toEqual({ charged: "20.00", bonus: "0.00", back: "0.00", due: "0.00" });
  });

  it("a dearer variant leaves the difference to pay, less a percentage bonus off the new items", () => {
    expect(amounts(quoteExchange(percent("10"), [{ unitPrice: money("25.00", "USD"), quantity: 2 }], money("40.00", "USD")))).toEqual({ charged: "45.00", bonus: "5.00", back: "0.00", due: "5.00" });
  });

  it("a cheaper variant gives the rest back, after the return's fees", () => {
    // Returned 25.00 less a 2.00 fee = 23.00 refund; the new one costs 20.00.
    expect(amounts(quoteExchange(percent("0"), [{ unitPrice: money("20.00", "USD"), quantity: 1 }], money("23.00", "USD")))).toEqual({ charged: "20.00", bonus: "0.00", back: "3.00", due: "0.00" });
  });

  it("spreads a fixed bonus over the lines by value (largest remainder), per unit, never more than the new items cost, in the shopper's currency", () => {
    const q = quoteExchange({ bonusKind: "FIXED", bonusValue: "10.00" }, [{ unitPrice: money("20.00", "USD"), quantity: 1 }, { unitPrice: money("10.00", "USD"), quantity: 1 }], money("0", "USD"));
    expect(q.lineBonuses).toEqual([667, 333]);
    // The cent left over goes to a line worth something, never to a free one (fast-check found it).
    expect(quoteExchange({ bonusKind: "FIXED", bonusValue: "0.01" }, [1, 1, 0].map((cents) => ({ unitPrice: { minor: cents, currency: "USD" }, quantity: 1 })), money("0", "USD")).lineBonuses).toEqual([1, 0, 0]);
    expect(amounts(quoteExchange({ bonusKind: "FIXED", bonusValue: "50.00" }, [{ unitPrice: money("20.00", "USD"), quantity: 1 }], money("20.00", "USD")))).toEqual({ charged: "0.00", bonus: "20.00", back: "20.00", due: "0.00" });
    const rate = { shop: money("100.00", "USD"), presentment: money("2540000", "VND") };
    expect(moneyAmount(quoteExchange({ bonusKind: "FIXED", bonusValue: "5.00" }, [{ unitPrice: money("635000", "VND"), quantity: 1 }], money("508000", "VND"), rate).bonus)).toBe("127000");
  });

  it("always balances: refund − (new − bonus) = back − due, bonus within the new items' price", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cents: fc.integer({ min: 0, max: 1_000_000 }), qty: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (lines, refund, bonus, fixed) => {
        const policy = fixed ? { bonusKind: "FIXED" as const, bonusValue: (bonus / 100).toFixed(2) } : { bonusKind: "PERCENT" as const, bonusValue: (bonus / 100).toFixed(2) };
        const q = quoteExchange(policy, lines.map((l) => ({ unitPrice: { minor: l.cents, currency: "USD" }, quantity: l.qty })), { minor: refund, currency: "USD" });
        expect(refund - q.charged.minor).toBe(q.moneyBack.minor - q.due.minor);
        expect(q.bonus.minor).toBeGreaterThanOrEqual(0);
        expect(q.bonus.minor).toBeLessThanOrEqual(q.newValue.minor);
        expect(q.lineBonuses.reduce((a, b) => a + b, 0)).toBe(q.bonus.minor);
        q.lineBonuses.forEach((b, i) => expect(b).toBeLessThanOrEqual(lines[i]!.cents * lines[i]!.qty));
      }),
    );
  });
});

describe("checkExchangeChoices", () => {
  const policy: ExchangePolicy = { ...DEFAULT_EXCHANGE_POLICY, allowed: true };
  const m: ExchangeVariant = { id: V(2), title: "M", sku: null, unitPrice: money("20.00", "USD"), sellable: 1 };
  const l: ExchangeVariant = { id: V(3), title: "L", sku: null, unitPrice: money("25.00", "USD"), sellable: 3 };
  const refund = money("20.00", "USD");

  it("accepts an offered variant and prices it", () => {
    const checked = checkExchangeChoices(policy, [{ item: "a", quantity: 1, variantId: V(2), offered: [m, l] }], refund);
    expect(checked.ok && moneyAmount(checked.quote!.due)).toBe("0.00");
  });

  it("refuses exchanges the policy does not offer", () => {
    expect(checkExchangeChoices(DEFAULT_EXCHANGE_POLICY, [{ item: "a", quantity: 1, variantId: V(2), offered: [m] }], refund)).toEqual({ ok: false, errors: [{ code: "EXCHANGE_NOT_OFFERED", item: "a" }] });
  });

  it("refuses a variant sold out since the page was shown, counting the same variant across lines", () => {
    expect(checkExchangeChoices(policy, [{ item: "a", quantity: 1, variantId: V(2), offered: [l] }], refund)).toEqual({ ok: false, errors: [{ code: "EXCHANGE_VARIANT_UNAVAILABLE", item: "a" }] });
    const twice = checkExchangeChoices(policy, [{ item: "a", quantity: 1, variantId: V(2), offered: [m] }, { item: "b", quantity: 1, variantId: V(2), offered: [m] }], money("40.00", "USD"));
    expect(twice.ok).toBe(false);
  });

  it("refuses an exchange that costs more unless the shopper may pay the difference", () => {
    const choice = [{ item: "a", quantity: 1, variantId: V(3), offered: [l] }];
    expect(checkExchangeChoices(policy, choice, refund)).toEqual({ ok: false, errors: [{ code: "EXCHANGE_COSTS_MORE" }] });
    const paying = checkExchangeChoices({ ...policy, payDifference: true }, choice, refund);
    expect(paying.ok && moneyAmount(paying.quote!.due)).toBe("5.00");
  });
});

describe("exchange policy", () => {
  it("defaults to no exchanges, and validates the exchange bonus like the store-credit one", () => {
    expect(outcomePolicySchema.parse({ outcomes: ["REFUND"], bonusValue: "0" }).exchange).toEqual(DEFAULT_EXCHANGE_POLICY);
    const bad = outcomePolicySchema.safeParse({ outcomes: ["REFUND"], bonusValue: "0", exchange: { allowed: true, bonusKind: "PERCENT", bonusValue: "120", timing: "SOMETIME" } });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["exchange.timing", "timingUnknown"]]);
    const high = outcomePolicySchema.safeParse({ outcomes: ["REFUND"], bonusValue: "0", exchange: { allowed: true, bonusKind: "PERCENT", bonusValue: "120" } });
    expect(high.success ? [] : high.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["exchange.bonusValue", "bonusPercentTooHigh"]]);
  });
});
