// Issue 14 item 9 (words): the admin says codes, counts and problems in the staff member's words.
import { describe, expect, it } from "vitest";
import { adminT } from "~/components/admin-i18n";
import { portalT } from "~/portal/i18n";
import { explainer } from "~/components/routing/explain";
import type { Why } from "~/domain/routing/types";
import { shopifyDefaultStrategy } from "~/domain/routing/strategy";
import { location, order } from "~/domain/routing/test-support";
import { defaultRuleSet, editRuleSet } from "~/domain/routing/rule-set";
import { fieldProblem } from "~/domain/text/field-problem";
import { formatPersonName } from "~/domain/text/person-name";
import { formatPostalAddress } from "~/domain/text/postal-address";
import { formatAddressLines } from "~/domain/locations/location";
import { problemKey } from "~/domain/activity/problem";
import { deliverySubject, topicArea } from "~/domain/activity/subject";
import { cartProblem, notRoutableReason } from "~/components/routing/cart-words";
import { actionSummary, explainDecision, flagReasonText, legacyRulesText, ruleProblem } from "~/components/returns/rule-words";
import { readFlagReason, ruleFailedFlag } from "~/domain/returns/flag-reason";
import { shopifyMessageText } from "~/domain/text/shopify-message";
import { actorName, eventName, eventText } from "~/components/returns/timeline-words";
import { emptyCustomCartFields, validateCustomCart } from "~/domain/routing/custom-cart";
import { decisionView, evaluateReturnRules, type ReturnFacts, type ReturnRule } from "~/domain/returns/rules";
import { EVENT_TEXT } from "~/domain/returns/event-text";

const files = import.meta.glob<{ default: Record<string, unknown> }>("../../app/locales/*/admin-*.json", { eager: true });

/** Every key of a namespace, plural forms folded into their base key (`total_one`, `total_other` → `total`). */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix.replace(/_(zero|one|two|few|many|other)$/, "")];
  return [...new Set(Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)))];
}

describe("the admin's own namespaces (app/locales/<lng>/admin-*.json)", () => {
  const byNs = new Map<string, Record<string, Record<string, unknown>>>();
  for (const [path, module] of Object.entries(files)) {
    const [, lng, ns] = /locales\/([^/]+)\/(admin-[^/]+)\.json$/.exec(path)!;
    byNs.set(ns!, { ...byNs.get(ns!), [lng!]: module.default });
  }

  it("exist in English, Vietnamese and Chinese with the same keys, translated", () => {
    expect([...byNs.keys()].sort()).toEqual(expect.arrayContaining(["admin-activity", "admin-return-detail", "admin-return-rules", "admin-returns", "admin-routing", "admin-simulator", "admin-words"]));
    for (const [ns, langs] of byNs) {
      const english = keys(langs.en).sort();
      for (const lng of ["vi", "zh-CN"]) {
        expect(keys(langs[lng]).sort(), `${ns} ${lng}`).toEqual(english);
        const t = adminT(lng as "vi", ns as "admin-words");
        const en = adminT("en", ns as "admin-words");
        // Words, not just placeholders and punctuation ("{{status}}: {{count}}" reads the same everywhere).
        const letters = (text: string) => text.replace(/\{\{\w+\}\}/g, "").replace(/[^\p{L}]/gu, "");
        const same = english.filter((k) => letters(en(k, { count: 5 })).length > 3 && t(k, { count: 5 }) === en(k, { count: 5 }));
        expect(same, `${ns} ${lng}: left in English`).toEqual([]);
      }
    }
  });

  it("count with i18next's plural rules: 1 return, 2 returns", () => {
    const t = adminT("en", "admin-returns");
    expect(t("queue.total", { count: 1 })).toBe("1 return");
    expect(t("queue.total", { count: 2 })).toBe("2 returns");
    expect(t("queue.ageDays", { count: 1 })).toBe("1 day");
    expect(t("queue.confirmApproveTitle", { count: 1 })).toBe("Approve 1 return?");
    expect(adminT("vi", "admin-returns")("queue.total", { count: 1 })).toBe("1 đơn trả hàng");
    expect(adminT("zh-CN", "admin-returns")("queue.total", { count: 3 })).toBe("3 个退货");
  });

  it("count parcels on the routing decision page: 1 parcel, not 1 parcel(s)", () => {
    expect(portalT("en", "routing")("decision.parcels", { count: 1, km: 3 })).toBe("1 parcel, 3 km");
    expect(portalT("en", "routing")("decision.parcels", { count: 2, km: 3 })).toBe("2 parcels, 3 km");
    expect(portalT("vi", "routing")("decision.parcels", { count: 1, km: 3 })).toBe("1 kiện hàng, 3 km");
  });

  it("name return codes in words", () => {
    expect(adminT("en", "admin-returns")("methods.DROP_OFF")).toBe("Drop-off at a store");
    expect(adminT("vi", "admin-returns")("declineReasons.FINAL_SALE")).toBe("Hàng không đổi trả");
    expect(adminT("zh-CN", "admin-returns")("methods.MAIL")).toBe("邮寄");
  });
});

describe("a refused routing-rule edit", () => {
  it("says which rule and field, and what is wrong, as data (never `rules.3.rule.units: Too small`)", () => {
    const ruleSet = defaultRuleSet();
    const result = editRuleSet({ ...ruleSet, rules: [...ruleSet.rules, { enabled: true, rule: { type: "stock-buffer", units: 0 } as never }] }, {
      kind: "replace",
      index: ruleSet.rules.length,
      rule: { type: "stock-buffer", units: -1 } as never,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ rule: { index: ruleSet.rules.length, type: "stock-buffer", field: "units" }, problem: { code: "atLeast", limit: 0 } }]);
  });

  it("reads zod's issues as problems", () => {
    expect(fieldProblem({ code: "too_small", origin: "number", minimum: 0, inclusive: true })).toEqual({ code: "atLeast", limit: 0 });
    expect(fieldProblem({ code: "too_small", origin: "number", minimum: 0, inclusive: false })).toEqual({ code: "atLeast", limit: 1 });
    expect(fieldProblem({ code: "too_big", origin: "string", maximum: 80 })).toEqual({ code: "tooLong", limit: 80 });
    expect(fieldProblem({ code: "too_small", origin: "string", minimum: 1 })).toEqual({ code: "required" });
    expect(fieldProblem({ code: "invalid_type", expected: "int" })).toEqual({ code: "wholeNumber" });
    expect(fieldProblem({ code: "invalid_type", expected: "number", received: "NaN" })).toEqual({ code: "number" });
    expect(fieldProblem({ code: "invalid_value" })).toEqual({ code: "choose" });
  });

  it("is worded with the rule's and the field's names in each language", () => {
    const words = (lng: "en" | "vi" | "zh-CN") => adminT(lng, "admin-words")("problems.atLeast", { field: adminT(lng, "admin-words")("ruleField", { rule: "R", field: "F" }), limit: 0 });
    expect(words("en")).toBe("R rule, “F”: enter 0 or more.");
    expect(words("vi")).toBe("Quy tắc R, “F”: hãy nhập từ 0 trở lên.");
    expect(words("zh-CN")).toBe("“R”规则的“F”：请输入 0 或以上的数。");
  });
});

describe("a routing explanation", () => {
  const VARIANT = "gid://shopify/ProductVariant/1130";
  const input = order([[VARIANT, 1], ["LS-M", 2]], [
    location("W1", { lon: 1, stock: { [VARIANT]: 1, "LS-M": 2 } }),
    location("W2", { lon: 2, stock: { [VARIANT]: 1 } }),
    location("asleep", { lon: 0.1, active: false, stock: {} }),
  ]);
  const plan = shopifyDefaultStrategy().route(input);
  const byId = Object.fromEntries(plan.locations.map((l) => [l.locationId, l]));
  const items = { [VARIANT]: { title: "Canvas Tote – Natural", sku: null }, "LS-M": { title: "Linen Shirt – M", sku: "LS-M" } };

  it("names items by title and SKU, decisions and rules in words, never ids or codes", () => {
    const en = explainer("en", items);
    expect(byId.W1!.why!.map(en.say)).toEqual(["Ships 3 units: Canvas Tote – Natural × 1, Linen Shirt – M (SKU LS-M) × 2"]);
    expect(en.status("not-chosen")).toBe("Not chosen");
    expect(en.say(byId.W2!.why![0]!)).toMatch(/^Could ship 1 of 3 units; on its own it does worse on “Unfilled units”/);
    expect(en.say(byId.asleep!.why![0]!)).toBe("Inactive in Shopify");
    expect(en.ruleName("fewest-shipments")).toBe("Fewest shipments");
    expect(en.say(plan.summaryWhy!)).toBe("Ships 3 of 3 units from 1 location (Location W1).");
    const all = plan.locations.flatMap((l) => l.why!.map(en.say)).join(" ");
    expect(all).not.toMatch(/gid:|not-chosen|fewest-shipments/);
  });

  it("says it in Vietnamese and Chinese", () => {
    expect(explainer("vi", items).say(byId.W1!.why![0]!)).toBe("Gửi 3 đơn vị: Canvas Tote – Natural × 1, Linen Shirt – M (SKU LS-M) × 2");
    expect(explainer("zh-CN", items).say(byId.W1!.why![0]!)).toBe("发出 3 件：Canvas Tote – Natural × 1, Linen Shirt – M（SKU LS-M） × 2");
    expect(explainer("zh-CN", items).status("excluded")).toBe("已排除");
    expect(explainer("vi", items).say(byId.asleep!.why![0]!)).toBe("Đã ngừng hoạt động trong Shopify");
  });

  it("says a location paused by staff, with the staff's note, in every language", () => {
    const paused = shopifyDefaultStrategy().route(
      order([["LS-M", 1]], [location("flooded", { paused: true, pausedNote: "Flooded", stock: { "LS-M": 1 } }), location("closed", { paused: true, stock: { "LS-M": 1 } })]),
    );
    const [flooded, closed] = paused.locations.map((l) => l.why![0]!) as [Why, Why];
    expect([flooded, closed].map(explainer("en", items).say)).toEqual(["Paused by staff: Flooded", "Paused by staff"]);
    expect([flooded, closed].map(explainer("vi", items).say)).toEqual(["Nhân viên đã tạm dừng: Flooded", "Nhân viên đã tạm dừng"]);
    expect([flooded, closed].map(explainer("zh-CN", items).say)).toEqual(["已由员工暂停：Flooded", "已由员工暂停"]);
    const pickup = shopifyDefaultStrategy().route(order([["LS-M", 1]], [location("S", { name: "Quận 1", pickupEnabled: true, paused: true, stock: { "LS-M": 1 } })], { pickupLocationId: "S" }));
    expect(explainer("en", items).say(pickup.summaryWhy!)).toBe("Pickup refused, nothing assigned: Quận 1 is paused by staff.");
    expect(explainer("vi", items).say(pickup.summaryWhy!)).toContain("Quận 1 đã bị nhân viên tạm dừng");
  });

  it("counts with plurals: 1 unit, not 1 units", () => {
    const one = shopifyDefaultStrategy().route(order([["LS-M", 1]], [location("W1", { stock: { "LS-M": 1 } })]));
    expect(explainer("en", items).say(one.locations[0]!.why![0]!)).toBe("Ships 1 unit: Linen Shirt – M (SKU LS-M) × 1");
    expect(explainer("en", items).say(one.summaryWhy!)).toBe("Ships 1 of 1 unit from 1 location (Location W1).");
  });

  it("says a rule's score in its unit: km for Closest, shipments, units; a rank, not Σ 2^rank", () => {
    const en = explainer("en", items);
    expect(en.say({ key: "loses", rule: "closest", values: { alone: "12562.11", chosen: "3.21" } })).toBe("on its own it does worse on “Closest” (12,562 km, against 3.2 km for the chosen plan)");
    expect(en.say({ key: "loses", rule: "fewest-shipments", values: { alone: 2, chosen: 1 } })).toBe("on its own it does worse on “Fewest shipments” (2 shipments, against 1 shipment for the chosen plan)");
    expect(en.say({ key: "loses", rule: "fill", values: { alone: "2", chosen: "0" } })).toBe("on its own it does worse on “Unfilled units” (2 units unfilled, against 0 units unfilled for the chosen plan)");
    expect(en.say({ key: "loses", rule: "location-priority", values: { alone: "4", chosen: "2" } })).toBe("on its own it ranks lower on “Location priority” than the chosen plan");
    expect(explainer("zh-CN", items).say({ key: "loses", rule: "closest", values: { alone: "12562.11", chosen: "3.21" } })).toBe("单独发货时在“最近”上较差（12,562 公里，所选方案为 3.2 公里）");
    expect(explainer("vi", items).say({ key: "loses", rule: "closest", values: { alone: "12562.11", chosen: "3.21" } })).toContain("12.562 km");
  });

  it("names the variant in an English reason stored before reasons were data", () => {
    expect(explainer("en", items).legacy(`Ships 1 unit: ${VARIANT} × 1`)).toBe("Ships 1 unit: Canvas Tote – Natural × 1");
    expect(explainer("en", {}).legacy(`Ships 1 unit: ${VARIANT} × 1`)).toBe("Ships 1 unit: an item no longer in your catalog × 1");
  });
});

describe("an Activity row", () => {
  it("names its order or return from the webhook's payload", () => {
    expect(deliverySubject("orders/create", { id: 1, name: "#1021" })).toEqual({ kind: "order", name: "#1021" });
    expect(deliverySubject("returns/request", { name: "#1021-R1", order: { id: 5 } })).toEqual({ kind: "return", name: "#1021-R1" });
    expect(deliverySubject("returns/close", { id: 9, order_id: 5 })).toEqual({ kind: "order-id", orderId: "gid://shopify/Order/5" });
    expect(deliverySubject("refunds/create", { order_id: 7 })).toEqual({ kind: "order-id", orderId: "gid://shopify/Order/7" });
    expect(deliverySubject("locations/update", { name: "Brooklyn store" })).toEqual({ kind: "location", name: "Brooklyn store" });
    expect(deliverySubject("inventory_levels/update", { inventory_item_id: 1 })).toBeNull();
  });

  it("names a return known only by its Shopify id, and stock by its location, for the page to look up", () => {
    expect(deliverySubject("returns/close", { id: 9, admin_graphql_api_id: "gid://shopify/Return/9" })).toEqual({ kind: "return-id", returnId: "gid://shopify/Return/9" });
    expect(deliverySubject("inventory_levels/update", { inventory_item_id: 1, location_id: 1004 })).toEqual({ kind: "stock-at", locationId: "gid://shopify/Location/1004" });
  });

  it("says what a row without an order or return was about, in words, for every subscribed topic", () => {
    expect(topicArea("inventory_levels/update")).toBe("stock");
    expect(topicArea("locations/update")).toBe("location");
    expect(topicArea("fulfillment_orders/order_routing_complete")).toBe("fulfillment");
    expect(topicArea("app/uninstalled")).toBe("app");
    expect(adminT("vi", "admin-activity")(`about.${topicArea("inventory_levels/update")}`)).toBe("Đồng bộ tồn kho");
    expect(adminT("zh-CN", "admin-activity")(`about.${topicArea("locations/create")}`)).toBe("地点更新");
    expect(adminT("en", "admin-activity")("runs.import")).toBe("Import of open orders and recent returns");
    expect(adminT("vi", "admin-activity")("subject.stock", { name: "SoHo Store" })).toBe("Tồn kho tại SoHo Store");
  });

  it("says a failure as a sentence, never the raw exception", () => {
    expect(problemKey("ShopifyThrottledError: Throttled after 20 waits")).toBe("throttled");
    expect(problemKey("HttpResponseError: Received an error response (401 Unauthorized) from Shopify")).toBe("access");
    expect(problemKey("TypeError: fetch failed")).toBe("unreachable");
    expect(problemKey("TypeError: Cannot read properties of undefined (reading 'id')")).toBe("unknown");
    const t = adminT("vi", "admin-activity");
    expect(t("problems.unknown")).not.toMatch(/Error|undefined/);
    expect(adminT("en", "admin-activity")("status.rateLimit")).toBe("Waiting for Shopify's rate limit");
    expect(adminT("en", "admin-activity")("retried", { count: 1 })).toBe("1 job sent to retry");
  });
});

describe("names and addresses, as each country writes them", () => {
  it("puts Chinese and Vietnamese family names first, others given name first", () => {
    expect(formatPersonName({ given: "伟", family: "王" }, "CN")).toBe("王伟");
    expect(formatPersonName({ given: "Wei", family: "Wang" }, "CN")).toBe("Wang Wei");
    expect(formatPersonName({ given: "Văn An", family: "Nguyễn" }, "VN")).toBe("Nguyễn Văn An");
    expect(formatPersonName({ given: "Emma", family: "Johnson" }, "US")).toBe("Emma Johnson");
    // Written in Chinese characters: family name first wherever the shopper lives.
    expect(formatPersonName({ given: "芳", family: "李" }, "US")).toBe("李芳");
    expect(formatPersonName({ given: "Emma", family: null }, "US")).toBe("Emma");
  });

  it("lays US addresses out with the postcode after city and state, Chinese ones postcode first (offline library)", () => {
    expect(formatAddressLines({ address1: "350 5th Ave", address2: null, city: "New York", province: "New York", provinceCode: "NY", zip: "10118", country: "United States", countryCode: "US" })).toEqual([
      "350 5th Ave",
      "New York, NY 10118",
      "United States",
    ]);
    expect(formatPostalAddress({ address1: "世纪大道100号", city: "浦东新区", province: "上海市", zip: "200120", countryCode: "CN" })[0]).toBe("200120");
    expect(formatPostalAddress({ address1: "1 Tràng Tiền", city: "Hoàn Kiếm", province: "Hà Nội", zip: "100000", countryCode: "VN" })).toEqual(["1 Tràng Tiền", "Hoàn Kiếm", "Hà Nội 100000"]);
  });
});

describe("the return page's words", () => {
  const t = (lng: "en" | "vi" | "zh-CN") => adminT(lng, "admin-return-detail");
  const returns = (lng: "en" | "vi" | "zh-CN") => adminT(lng, "admin-returns");
  const words = (lng: "en" | "vi" | "zh-CN") => ({ t: t(lng), returns: returns(lng), rules: adminT(lng, "admin-return-rules"), lang: lng, locationName: (id: string) => (id === "gid://shopify/Location/1" ? "SoHo Store" : null) });

  it("says timeline entries written by Shopify, the portal and staff in the staff member's language", () => {
    expect(eventName("label_created", t("vi"))).toBe("Đã tạo nhãn");
    expect(eventName("something_new", t("zh-CN"))).toBe("更新");
    expect(actorName("rule:abc123", t("vi"))).toBe("một quy tắc trả hàng");
    expect(actorName("shopper", t("zh-CN"))).toBe("顾客");
    expect(eventText({ type: "approved", actor: "shopify", message: EVENT_TEXT.approvedInShopify, data: null }, words("vi"))).toBe("Được duyệt trong Shopify");
    expect(eventText({ type: "requested", actor: "shopify", message: "Created in Shopify as #1001-R1", data: { shopifyReturnName: "#1001-R1" } }, words("zh-CN"))).toBe("在 Shopify 中创建，编号 #1001-R1");
    const received = { type: "received", actor: "staff@shop.example", message: "Received at SoHo Store: 1 × Tee restocked", data: { locationId: "gid://shopify/Location/1", lines: [{ title: "Tee", quantity: 1, disposition: "RESTOCKED" }] } };
    expect(eventText(received, words("vi"))).toBe("Nhận tại SoHo Store: 1 × Tee (Nhập lại kho)");
    expect(eventText({ type: "declined", actor: "shopify", message: null, data: { reason: "FINAL_SALE" } }, words("vi"))).toBe("Lý do: Hàng không đổi trả");
    expect(eventText({ type: "refunded", actor: "shopify", message: "Refunded in Shopify: 12.50 USD", data: { amount: "12.50", currency: "USD" } }, words("en"))).toBe("Refunded in Shopify: $12.50");
    expect(eventText({ type: "label_created", actor: "shopify", message: "Tracking 1Z999", data: null }, words("zh-CN"))).toBe("运单号 1Z999");
    // What a person typed stays as typed.
    expect(eventText({ type: "flagged", actor: "rule:x", message: "High value", data: {} }, words("vi"))).toBe("High value");
  });

  it("says a rule Crossdock could not apply, stored as data, in words; Shopify's English is kept apart, without codes", () => {
    const stored = ruleFailedFlag({ ruleName: "Sale items", action: { type: "AUTO_DECLINE", reason: "FINAL_SALE" }, problem: "shopify", shopifyMessages: ["returnDeclineRequest: Return gid://shopify/Return/7 cannot be declined with FINAL_SALE"] });
    const flag = readFlagReason(stored);
    const rules = adminT("vi", "admin-return-rules");
    expect(flagReasonText(flag, rules, returns("vi"))).toBe("Không áp dụng được quy tắc “Sale items” (Tự động từ chối: Hàng không đổi trả): Shopify đã từ chối.");
    expect(eventText({ type: "flagged", actor: "rule:x", message: stored, data: {} }, words("zh-CN"))).toBe("规则“Sale items”（自动拒绝：最终销售，不退不换）未能执行：Shopify 拒绝了该操作。");
    expect(flag.kind === "ruleFailed" && flag.shopifyMessages.map(shopifyMessageText)).toEqual(["Return cannot be declined with final sale"]);
    expect(shopifyMessageText("fulfillmentOrderMove: Cannot move to a location (gid://shopify/Location/9) that is not ACTIVE; MAIL and DROP_OFF")).toBe("Cannot move to a location that is not active; mail and drop off");
    expect(shopifyMessageText("HTTP 503 from the API")).toBe("HTTP 503 from the API");
  });

  it("says flags, rules checks and entries stored in English before they were data in the staff member's words, never the English", () => {
    // A flag written before the failure was data (English text only).
    const old = 'Rule "Small items" could not auto-approve: Shopify refused the approval: Return is not approvable; MAIL';
    const flag = readFlagReason(old);
    expect(flag).toMatchObject({ kind: "ruleFailed", ruleName: "Small items", action: { type: "AUTO_APPROVE" }, problem: "shopify", shopifyMessages: ["Return is not approvable", "MAIL"] });
    expect(flagReasonText(flag, adminT("vi", "admin-return-rules"), returns("vi"))).toBe("Không áp dụng được quy tắc “Small items” (Tự động duyệt): Shopify đã từ chối.");
    expect(readFlagReason('Rule "Old" could not auto-decline, Final sale: The return disappeared')).toMatchObject({ action: { type: "AUTO_DECLINE", reason: "FINAL_SALE" }, problem: "gone" });
    expect(eventText({ type: "flagged", actor: "rule:x", message: old, data: {} }, words("zh-CN"))).toBe("规则“Small items”（自动批准）未能执行：Shopify 拒绝了该操作。");
    // A rules check stored as English only.
    expect(eventText({ type: "rules", actor: "rule:x", message: 'Rule "Small items" (auto-approve): value 12.00 ≤ 25.00.', data: null }, words("vi"))).toBe("Quy tắc “Small items” đã quyết định đơn trả hàng này.");
    expect(legacyRulesText("No rule matched: the return waits for review.", adminT("zh-CN", "admin-return-rules"))).toBe("没有匹配的规则：退货等待审核。");
    expect(legacyRulesText("Something else", adminT("vi", "admin-return-rules"))).toBe("Đã kiểm tra các quy tắc trả hàng.");
    // Crossdock's own English, whose data is gone (a location deleted since): a line in words instead.
    const received = { type: "received", actor: "staff@shop.example", message: "Received at Old Store: 1 × Tee restocked", data: {} };
    expect(eventText(received, words("vi"))).toBe("Được ghi lại trước khi Crossdock lưu chi tiết bằng ngôn ngữ của bạn.");
    expect(eventText({ type: "refunded", actor: "shopify", message: "Refunded in Shopify: 12.50 USD", data: {} }, words("zh-CN"))).toBe("此记录早于 Crossdock 以您的语言保存详情。");
  });

  it("counts the customer's other returns with plurals", () => {
    expect(t("en")("otherReturns", { count: 1, value: "$5.00" })).toBe("1 other return by this customer in the last 90 days ($5.00)");
    expect(t("en")("checks.windowDetail", { count: 1, window: 30 })).toBe("Requested 1 day after delivery; the window is 30 days");
  });
});

describe("return rules in words", () => {
  const facts: ReturnFacts = { daysSinceDelivery: 3, reasons: ["SIZE_TOO_SMALL"], totalValue: "12.00", productTags: ["final-sale"], productTypes: ["Shirts"], customerReturnsLast90Days: 0, method: "MAIL" };
  const rule: ReturnRule = {
    id: "r1",
    name: "Final sale",
    enabled: true,
    action: { type: "AUTO_DECLINE", reason: "FINAL_SALE" },
    conditions: [
      { type: "product_tag_any", tags: ["final-sale"] },
      { type: "method_in", methods: ["MAIL", "DROP_OFF"] },
      { type: "reason_in", reasons: ["SIZE_TOO_SMALL"] },
      { type: "total_value", op: "lte", amount: "25.00" },
    ],
  };
  const CODES = /FINAL_SALE|AUTO_DECLINE|\bMAIL\b|DROP_OFF|SIZE_TOO|method_in|reason_in/;

  it("says what a rule does and why it decided, never its codes, in each language", () => {
    const view = decisionView(evaluateReturnRules([rule], facts), facts);
    for (const lng of ["en", "vi", "zh-CN"] as const) {
      const t = adminT(lng, "admin-return-rules");
      const returns = adminT(lng, "admin-returns");
      expect(actionSummary(rule.action, t, returns)).not.toMatch(CODES);
      expect(explainDecision(view, t, returns), lng).not.toMatch(CODES);
    }
    const en = explainDecision(view, adminT("en", "admin-return-rules"), adminT("en", "admin-returns"));
    expect(en).toBe("Rule “Final sale” (Decline automatically: Final sale): tag final-sale is one of final-sale; method By mail is one of By mail, Drop-off at a store; reason Too small is one of Too small; value 12.00, at most 25.00.");
    expect(explainDecision(decisionView(evaluateReturnRules([], facts), facts), adminT("vi", "admin-return-rules"), adminT("vi", "admin-returns"))).toBe("Không có quy tắc nào khớp: đơn trả hàng chờ xem xét.");
  });

  it("says every problem of the rules and policy forms as a sentence (not the validator's text nor a list of codes)", () => {
    const t = adminT("vi", "admin-return-rules");
    for (const message of [
      "enter a whole number",
      "enter a whole number of days",
      "choose an action",
      "choose one of FINAL_SALE, RETURN_PERIOD_ENDED, OTHER",
      "reasons must be among COLOR, DEFECTIVE",
      "methods must be among MAIL, DROP_OFF",
      "give the rule a name",
      "say why the return is flagged",
      "must be an amount with at most 2 decimals",
      "must not be negative",
      "must be at most 100",
      "allow at least one return method",
      "list at least one value",
      "Too big: expected number to be <=3650",
      "That rule no longer exists. Reload the page.",
    ]) {
      const said = ruleProblem(message, t);
      expect(said, message).not.toBe(t("problems.other"));
      expect(said).not.toMatch(CODES);
    }
  });
});

describe("the routing simulator's words", () => {
  it("says every problem of the custom cart in the staff member's language", () => {
    const t = adminT("zh-CN", "admin-simulator");
    const knowledge = { knownVariantIds: new Set(["v1"]), pickupLocationIds: new Set(["p1"]) };
    const bad = [
      validateCustomCart({ ...emptyCustomCartFields({ a: "rules", b: "closest" }), countryCode: "" }, knowledge),
      validateCustomCart({ ...emptyCustomCartFields({ a: "rules", b: "closest" }), countryCode: "USA", latitude: "100", lines: [{ variantId: "v9", quantity: "0" }] }, knowledge),
      validateCustomCart({ ...emptyCustomCartFields({ a: "rules", b: "closest" }), countryCode: "US", latitude: "10", lines: [{ variantId: "v1", quantity: "x" }] }, knowledge),
      validateCustomCart({ ...emptyCustomCartFields({ a: "rules", b: "closest" }), deliveryMethod: "pickup", pickupLocationId: "p2" }, knowledge),
    ];
    const messages = bad.flatMap((r) => (r.ok ? [] : Object.values(r.errors)));
    expect(messages.length).toBeGreaterThan(6);
    for (const message of messages) expect(cartProblem(message, t), message).not.toBe(t("problems.other"));
    expect(notRoutableReason("The order is cancelled", adminT("vi", "admin-simulator"))).toBe("Đơn hàng đã bị hủy.");
  });
});
