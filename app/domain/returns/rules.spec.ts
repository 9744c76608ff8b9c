import { describe, expect, it } from "vitest";
import { evaluateEligibility } from "./policy";
import { validateReturnSelection } from "./request";
import { evaluateReturnRules, parseReturnRules, returnFactsFor, type ReturnFacts, type ReturnRuleInput } from "./rules";
import { line, policy } from "./test-support";

const facts: ReturnFacts = {
  daysSinceDelivery: 5,
  reasons: ["SIZE_TOO_SMALL"],
  totalValue: "19.99",
  productTags: ["summer", "Final-Sale"],
  productTypes: ["T-Shirts"],
  customerReturnsLast90Days: 1,
  method: "MAIL",
};

const stored: ReturnRuleInput[] = [
  { id: "serial", name: "Serial returner", conditions: [{ type: "customer_returns_90d_gte", count: 4 }], action: { type: "FLAG", reason: "4+ returns in 90 days" } },
  {
    id: "late",
    name: "Late",
    conditions: [{ type: "days_since_delivery", op: "gte", days: 31 }],
    action: { type: "AUTO_DECLINE", reason: "RETURN_PERIOD_ENDED", note: "Window closed" },
  },
  {
    id: "small",
    name: "Small size swaps",
    conditions: [
      { type: "total_value", op: "lte", amount: "25" },
      { type: "reason_in", reasons: ["SIZE_TOO_SMALL", "SIZE_TOO_LARGE"] },
      { type: "method_in", methods: ["MAIL", "DROP_OFF"] },
    ],
    action: { type: "AUTO_APPROVE" },
  },
  { id: "all", name: "Everything else", conditions: [], action: { type: "FLAG", reason: "review" } },
];

function rules() {
  const parsed = parseReturnRules(stored);
  if (parsed.status !== "success") throw new Error(parsed.errors.join("\n"));
  return parsed.rules;
}

describe("evaluateReturnRules", () => {
  it("takes the first rule whose conditions all match, and explains it", () => {
    const decision = evaluateReturnRules(rules(), facts);
    expect(decision.matched && decision.rule.id).toBe("small");
    expect(decision.action).toEqual({ type: "AUTO_APPROVE" });
    expect(decision.explanation).toBe(
      // Codes as words (issue 14): never "SIZE_TOO_SMALL" or "MAIL, DROP_OFF".
      'Rule "Small size swaps" (auto-approve): value 19.99 ≤ 25.00; reason Too small is one of Too small, Too large; method By mail is one of By mail, Drop-off at a store.',
    );
    expect(decision.conditions.every((c) => c.matched)).toBe(true);
  });

  it("order decides: the serial-returner flag wins over the approval", () => {
    const decision = evaluateReturnRules(rules(), { ...facts, customerReturnsLast90Days: 4 });
    expect(decision.action).toEqual({ type: "FLAG", reason: "4+ returns in 90 days" });
    expect(decision.explanation).toContain("4 returns by this customer in 90 days ≥ 4");
  });

  it("declines with Shopify's decline reason", () => {
    const decision = evaluateReturnRules(rules(), { ...facts, daysSinceDelivery: 40 });
    expect(decision.action).toEqual({ type: "AUTO_DECLINE", reason: "RETURN_PERIOD_ENDED", note: "Window closed" });
    expect(decision.explanation).toContain("40 days since delivery ≥ 31");
  });

  it("falls through to a rule without conditions", () => {
    const decision = evaluateReturnRules(rules(), { ...facts, totalValue: "25.01" });
    expect(decision.matched && decision.rule.id).toBe("all");
    expect(decision.explanation).toContain("applies to every return");
  });

  it("skips disabled rules; with nothing left a person decides", () => {
    const off = rules().map((r) => ({ ...r, enabled: r.id === "late" }));
    expect(evaluateReturnRules(off, facts)).toMatchObject({ matched: false, action: null, explanation: expect.stringMatching(/No rule matched/) });
  });

  it("matches tags and types case-insensitively, any-of", () => {
    const parsed = parseReturnRules([
      { id: "t", name: "Tags", conditions: [{ type: "product_tag_any", tags: ["final-sale", "clearance"] }, { type: "product_type_any", types: ["t-shirts"] }], action: { type: "FLAG", reason: "final sale" } },
    ]);
    if (parsed.status !== "success") throw new Error("invalid");
    const decision = evaluateReturnRules(parsed.rules, facts);
    expect(decision.explanation).toBe('Rule "Tags" (flag: final sale): tag Final-Sale is one of final-sale, clearance; product type T-Shirts is one of t-shirts.');
    expect(evaluateReturnRules(parsed.rules, { ...facts, productTags: ["summer"] }).matched).toBe(false);
  });

  it("an unknown delivery date never satisfies a days condition", () => {
    const decision = evaluateReturnRules(rules(), { ...facts, daysSinceDelivery: null, totalValue: "99" });
    expect(decision.matched && decision.rule.id).toBe("all");
  });

  it("compares amounts exactly at the boundary", () => {
    expect(evaluateReturnRules(rules(), { ...facts, totalValue: "25.00" }).rule?.id).toBe("small");
  });
});

describe("parseReturnRules", () => {
  it("fills defaults and dedupes lists", () => {
    const parsed = parseReturnRules([
      { id: "a", name: " A ", conditions: [{ type: "product_tag_any", tags: ["x", "x", " y "] }], action: { type: "AUTO_APPROVE" } },
    ]);
    expect(parsed).toEqual({
      status: "success",
      rules: [{ id: "a", name: "A", enabled: true, conditions: [{ type: "product_tag_any", tags: ["x", "y"] }], action: { type: "AUTO_APPROVE" } }],
    });
  });

  it("names each problem with its path", () => {
    const parsed = parseReturnRules([
      { id: "a", name: "A", conditions: [{ type: "reason_in", reasons: ["TOO_UGLY"] }], action: { type: "AUTO_APPROVE" } },
      { id: "a", name: "", conditions: [{ type: "total_value", op: "lt", amount: "1.234" }], action: { type: "AUTO_DECLINE", reason: "NOPE" } },
      { id: "c", name: "C", conditions: [{ type: "moon_phase" }], action: { type: "FLAG", reason: "" } },
    ]);
    expect(parsed.status).toBe("error");
    if (parsed.status !== "error") return;
    const text = parsed.errors.join("\n");
    expect(text).toMatch(/^0\.conditions\.0\.reasons\.0: /m);
    expect(text).toMatch(/^1\.name: give the rule a name/m);
    expect(text).toMatch(/^1\.conditions\.0\.op: /m);
    expect(text).toMatch(/^1\.conditions\.0\.amount: must be an amount/m);
    expect(text).toMatch(/^1\.action\.reason: /m);
    expect(text).toMatch(/^2\.conditions\.0\.type: /m);
    expect(text).toMatch(/^2\.action\.reason: say why/m);
  });

  it("refuses duplicate ids and non-arrays", () => {
    const dup = parseReturnRules([
      { id: "a", name: "A", conditions: [], action: { type: "AUTO_APPROVE" } },
      { id: "a", name: "B", conditions: [], action: { type: "AUTO_APPROVE" } },
    ]);
    expect(dup).toEqual({ status: "error", errors: ['1.id: duplicate rule id "a"'] });
    expect(parseReturnRules({ rules: [] }).status).toBe("error");
  });
});

describe("returnFactsFor", () => {
  it("gathers the facts of a validated request, days counted in the shop's calendar", () => {
    const eligibility = evaluateEligibility(policy, {
      now: "2026-03-10T20:00:00Z",
      lines: [
        line({ id: "1", deliveredAt: "2026-03-01T18:00:00Z", productTags: ["summer", "Sale"] }),
        line({ id: "2", deliveredAt: "2026-03-05T10:00:00Z", productType: "Shoes", productTags: ["sale"] }),
      ],
    });
    const result = validateReturnSelection(
      {
        items: [
          { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1, reason: "COLOR" },
          { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/2", quantity: 2, reason: "COLOR" },
        ],
        method: "DROP_OFF",
        dropOffLocationId: "gid://shopify/Location/7",
      },
      { eligibility, policy },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const facts = returnFactsFor(result.request, { now: "2026-03-10T20:00:00Z", timeZone: "Asia/Ho_Chi_Minh", customerReturnsLast90Days: 2 });
    expect(facts).toEqual({
      daysSinceDelivery: 9, // delivered 2 March (01:00 local), now 11 March (03:00 local)
      reasons: ["COLOR"],
      totalValue: "59.97",
      productTags: ["summer", "Sale", "sale"],
      productTypes: ["T-Shirts", "Shoes"],
      customerReturnsLast90Days: 2,
      method: "DROP_OFF",
    });
  });
});
