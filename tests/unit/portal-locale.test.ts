// Language negotiation, Intl formatting, the translations themselves, and lookup input normalising.
import { describe, expect, it } from "vitest";
import { comparableValues, normalizeContact, normalizeOrderName, orderRateKey, phoneComparable } from "~/domain/portal/contact";
import { formatDate, formatMoney } from "~/portal/format";
import { loadedResources, portalT } from "~/portal/i18n";
import { htmlLang, matchLocale, negotiateLocale, parseAcceptLanguage } from "~/domain/portal/locale";
import { textColorOn } from "~/portal/PortalLayout";

describe("locale negotiation", () => {
  it("maps tags to the supported locales", () => {
    expect(matchLocale("vi-VN")).toBe("vi");
    expect(matchLocale("VI")).toBe("vi");
    expect(matchLocale("zh")).toBe("zh-CN");
    expect(matchLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(matchLocale("zh_TW")).toBe("zh-CN");
    expect(matchLocale("en-GB")).toBe("en");
    expect(matchLocale("fr-FR")).toBeNull();
    expect(matchLocale("<script>")).toBeNull();
    expect(matchLocale("")).toBeNull();
  });

  it("orders Accept-Language by quality, drops q=0 and wildcards", () => {
    expect(parseAcceptLanguage("fr;q=0.9, vi;q=0.8, en;q=0.7")).toEqual(["fr", "vi", "en"]);
    expect(parseAcceptLanguage("en;q=0.2, zh-CN, vi;q=0")).toEqual(["zh-CN", "en"]);
    expect(parseAcceptLanguage("*")).toEqual([]);
    expect(parseAcceptLanguage(null)).toEqual([]);
  });

  it("prefers ?lang, then the proxy's locale, then Accept-Language, then the shop's default", () => {
    expect(negotiateLocale({ query: "vi", proxyLocale: "zh-CN", acceptLanguage: "en" })).toEqual({ locale: "vi", explicit: true });
    expect(negotiateLocale({ query: "xx", proxyLocale: "zh-CN", acceptLanguage: "vi" })).toEqual({ locale: "zh-CN", explicit: false });
    expect(negotiateLocale({ acceptLanguage: "de-DE, vi;q=0.5, en;q=0.4" })).toEqual({ locale: "vi", explicit: false });
    expect(negotiateLocale({ acceptLanguage: "de-DE", shopDefault: "zh-CN" })).toEqual({ locale: "zh-CN", explicit: false });
    expect(negotiateLocale({})).toEqual({ locale: "en", explicit: false });
    expect(htmlLang("zh-CN")).toBe("zh-Hans-CN");
  });
});

describe("translations", () => {
  function keys(value: unknown, prefix = ""): string[] {
    if (typeof value !== "object" || value === null) return [prefix];
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }

  it("every locale has every key of the English portal namespace, translated", () => {
    const resources = loadedResources();
    const english = keys(resources.en!.portal).sort();
    expect(english.length).toBeGreaterThan(50);
    for (const lng of ["vi", "zh-CN"]) {
      expect(keys(resources[lng]!.portal).sort(), lng).toEqual(english);
      const same = english.filter((key) => {
        const en = portalT("en")(key);
        return en.length > 3 && portalT(lng as "vi")(key) === en;
      });
      expect(same, `${lng} keys left in English`).toEqual([]);
    }
  });

  it("interpolates in each language", () => {
    expect(portalT("en")("tracking.title", { name: "#1001" })).toBe("Order #1001");
    expect(portalT("vi")("tracking.title", { name: "#1001" })).toBe("Đơn hàng #1001");
    expect(portalT("zh-CN")("tracking.title", { name: "#1001" })).toBe("订单 #1001");
    expect(portalT("vi")("lookup.rateLimited", { minutes: 5 })).toContain("5 phút");
  });
});

describe("Intl formatting", () => {
  it("formats dates in the page's language and the shop's time zone", () => {
    const at = "2026-03-12T23:30:00Z";
    expect(formatDate("en", at, { timeZone: "UTC" })).toBe("March 12, 2026");
    expect(formatDate("en", at, { timeZone: "Asia/Ho_Chi_Minh" })).toBe("March 13, 2026");
    expect(formatDate("vi", at, { timeZone: "UTC" })).toMatch(/12 tháng 3,? 2026/);
    expect(formatDate("zh-CN", at, { timeZone: "UTC" })).toBe("2026年3月12日");
    expect(formatDate("en", "not a date")).toBe("");
    expect(formatDate("en", at, { timeZone: "Not/AZone" })).toBe("March 12, 2026");
  });

  it("formats money in its currency", () => {
    expect(formatMoney("en", "12.5", "USD")).toBe("$12.50");
    expect(formatMoney("vi", "250000", "VND").replace(/\s/g, " ")).toBe("250.000 ₫");
    expect(formatMoney("zh-CN", "12.5", "USD")).toBe("US$12.50");
    expect(formatMoney("en", "x", "USD")).toBe("");
  });
});

describe("lookup input", () => {
  it("normalises order names", () => {
    expect(normalizeOrderName(" 1001 ")).toBe("#1001");
    expect(normalizeOrderName("# 1001")).toBe("#1001");
    expect(normalizeOrderName("#1001")).toBe("#1001");
    expect(normalizeOrderName("CD-1001")).toBe("CD-1001");
    expect(normalizeOrderName("1001\" OR email:x")).toBeNull();
    expect(normalizeOrderName("")).toBeNull();
    expect(orderRateKey("#1001")).toBe(orderRateKey(" 1001"));
  });

  it("normalises emails and phone numbers and compares national numbers", () => {
    expect(normalizeContact(" Ada@Example.COM ")).toEqual({ kind: "email", value: "ada@example.com" });
    expect(normalizeContact("+84 90 123 4567")).toEqual({ kind: "phone", value: "84901234567" });
    expect(normalizeContact("not an email")).toBeNull();
    expect(normalizeContact("12")).toBeNull();
    expect(phoneComparable("84901234567")).toBe(phoneComparable("0901234567"));
    expect(comparableValues("phone", ["+84 90-123-4567"])).toEqual(["901234567"]);
    expect(comparableValues("email", [" ADA@example.com"])).toEqual(["ada@example.com"]);
  });
});

describe("brand colour", () => {
  it("picks a readable text colour", () => {
    expect(textColorOn("#1f5c4a")).toBe("#ffffff");
    expect(textColorOn("#ffe066")).toBe("#000000");
    expect(textColorOn("bogus")).toBe("#ffffff");
  });
});
