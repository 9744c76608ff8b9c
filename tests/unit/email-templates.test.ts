// Every return email × every language states the facts the shopper needs (RMA, order, label link,
// drop-off store, the merchant's note, amounts), in that language, in both the HTML and the text part.
import { describe, expect, it } from "vitest";
import en from "~/locales/en/email.json";
import vi from "~/locales/vi/email.json";
import zhCN from "~/locales/zh-CN/email.json";
import { renderReturnEmail } from "~/email/templates";
import { brandColor, escapeHtml, textColorOn } from "~/email/templates/layout";
import { EMAIL_LOCALES, emailLocale, RETURN_EMAIL_KINDS, type EmailLocale, type ReturnEmailFacts } from "~/email/templates/types";
import { addressOf, providerIdempotencyKey, senderFor } from "~/email/sender";

function facts(overrides: Partial<ReturnEmailFacts> = {}): ReturnEmailFacts {
  return {
    locale: "en",
    timeZone: "Asia/Ho_Chi_Minh",
    brand: { name: "Saigon Threads", color: "#0a7d5a", logoUrl: null },
    customerName: "Linh Nguyen",
    rma: "RMA-1001-A7K2",
    orderName: "#1001",
    method: "MAIL",
    currency: "VND",
    lines: [
      { title: "Áo dài lụa", variantTitle: "M / Đỏ", quantity: 1 },
      { title: "Linen shirt", variantTitle: null, quantity: 2 },
    ],
    totalValue: 1_250_000,
    returnShippingFee: 30_000,
    restockingFee: 0,
    requestedAt: new Date("2026-11-20T03:00:00Z"),
    receivedAt: new Date("2026-11-24T09:30:00Z"),
    declineReason: null,
    declineNote: null,
    label: {
      url: "https://crossdock.example.com/portal/shop.myshopify.com/o/tok/returns/RMA-1001-A7K2/label?exp=1&sig=abc",
      carrier: "Crossdock Post",
      trackingNumber: "CD123456789VN",
      trackingUrl: "https://track.example.com/CD123456789VN",
    },
    location: null,
    statusUrl: "https://crossdock.example.com/portal/shop.myshopify.com/o/tok/returns/RMA-1001-A7K2",
    refundAmount: null,
    ...overrides,
  };
}

/** The text a mail client shows: tags stripped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");
}

const HEADINGS: Record<EmailLocale, Record<(typeof RETURN_EMAIL_KINDS)[number], string>> = {
  en: {
    "return-requested": "Return request received",
    "return-approved": "Your return is approved",
    "return-declined": "We can't accept this return",
    "return-delivered": "Your parcel was delivered",
    "return-received": "Your return has arrived",
    "return-refunded": "Your refund is on its way",
  },
  vi: {
    "return-requested": "Đã nhận yêu cầu trả hàng",
    "return-approved": "Yêu cầu trả hàng đã được chấp nhận",
    "return-declined": "Rất tiếc, chúng tôi không thể nhận lại hàng",
    "return-delivered": "Kiện hàng đã được giao",
    "return-received": "Hàng trả lại đã đến nơi",
    "return-refunded": "Tiền hoàn đang được chuyển đến bạn",
  },
  "zh-CN": {
    "return-requested": "已收到退货申请",
    "return-approved": "退货申请已通过",
    "return-declined": "很抱歉，此次退货未能受理",
    "return-delivered": "您的包裹已投递",
    "return-received": "退货包裹已送达",
    "return-refunded": "退款已发放",
  },
};

describe.each(EMAIL_LOCALES)("return emails in %s", (locale) => {
  it.each(RETURN_EMAIL_KINDS)("%s: subject, heading, RMA, order and items in both parts", (kind) => {
    const email = renderReturnEmail(kind, facts({ locale }));
    const html = visibleText(email.html);
    expect(email.subject).toContain("RMA-1001-A7K2");
    expect(email.html).toContain(`<html lang="${locale}"`);
    for (const part of [html, email.text]) {
      expect(part).toContain(HEADINGS[locale][kind]);
      expect(part).toContain("RMA-1001-A7K2");
      expect(part).toContain("#1001");
      expect(part).toContain("Saigon Threads");
    }
    if (kind !== "return-refunded") expect(email.text).toContain("Áo dài lụa (M / Đỏ)");
    // No untranslated keys, no unfilled placeholders.
    expect(email.text).not.toMatch(/\{\{|\}\}|return-[a-z]+\.|common\./);
    expect(email.subject).not.toMatch(/\{\{|\}\}/);
  });

  it("links to the return's page in the email's language", () => {
    for (const kind of RETURN_EMAIL_KINDS) {
      const email = renderReturnEmail(kind, facts({ locale }));
      const link = `https://crossdock.example.com/portal/shop.myshopify.com/o/tok/returns/RMA-1001-A7K2?lang=${encodeURIComponent(locale)}`;
      expect(email.html, kind).toContain(`href="${link}"`);
      expect(email.text, kind).toContain(link);
    }
  });

  it("approved by mail: the label link (as a button and in the text), tracking, packing steps", () => {
    const email = renderReturnEmail("return-approved", facts({ locale }));
    const labelUrl = facts().label.url!;
    expect(email.html).toContain(`href="${escapeHtml(labelUrl)}"`);
    expect(email.text).toContain(labelUrl);
    expect(email.text).toContain("CD123456789VN");
    expect(email.text).toContain("https://track.example.com/CD123456789VN");
    const label = { en: "Download your return label", vi: "Tải nhãn trả hàng", "zh-CN": "下载退货面单" }[locale];
    expect(visibleText(email.html)).toContain(label);
    expect(email.text).toContain(`${label}${locale === "zh-CN" ? "：" : ": "}${labelUrl}`);
  });

  it("approved, store credit: says what will be credited and promises no refund", () => {
    const dict = { en, vi, "zh-CN": zhCN }[locale];
    const refund = renderReturnEmail("return-approved", facts({ locale }));
    const credit = renderReturnEmail("return-approved", facts({ locale, storeCredit: { total: 33, base: 30, bonus: 3 } }));
    expect(refund.text).toContain(dict["return-approved"].refundNote);
    expect(credit.text).not.toContain(dict["return-approved"].refundNote);
    const promised = dict.common.storeCreditPromised.split("{{")[0]!;
    expect(credit.text).toContain(promised);
    expect(refund.text).not.toContain(promised);
  });

  it("an exchange: each exchanged item names its new variant; the approval and the check-in promise the new items, and a refund only for the other items", () => {
    const dict = { en, vi, "zh-CN": zhCN }[locale];
    const [silk, linen] = facts().lines;
    const all = { locale, lines: [{ ...silk!, exchangeFor: "L / Đỏ" }] };
    const some = { locale, lines: [{ ...silk!, exchangeFor: "L / Đỏ" }, linen!] };
    const approvedAll = renderReturnEmail("return-approved", facts(all)).text;
    expect(approvedAll).toContain(dict["return-approved"].exchangeNote);
    expect(approvedAll).not.toContain(dict["return-approved"].refundNote);
    expect(approvedAll).toContain("L / Đỏ");
    expect(approvedAll).not.toMatch(/\{\{|\}\}/);
    const receivedAll = renderReturnEmail("return-received", facts(all)).text;
    expect(receivedAll).toContain(dict["return-received"].exchangeNext);
    expect(receivedAll).not.toContain(dict["return-received"].next);
    const approvedSome = renderReturnEmail("return-approved", facts(some)).text;
    expect(approvedSome).toContain(dict["return-approved"].exchangeNote);
    expect(approvedSome).toContain(dict["return-approved"].refundNote);
  });

  it("approved by mail: a carrier's paid label says hand it in; the built-in sheet says postage is not included and the shopper picks the carrier", () => {
    const paid = renderReturnEmail("return-approved", facts({ locale, label: { ...facts().label, carrier: "USPS", trackingNumber: "9400111899223434769485", postagePaid: true } }));
    const selfShip = renderReturnEmail("return-approved", facts({ locale, label: { ...facts().label, carrier: "Crossdock Returns", postagePaid: false } }));
    const dict = { en, vi, "zh-CN": zhCN }[locale]["return-approved"];
    expect(paid.text).toContain(dict.mailSteps);
    expect(paid.text).toContain("USPS");
    expect(selfShip.text).toContain(dict.selfShipSteps);
    expect(selfShip.text).not.toContain(dict.mailSteps);
    // The built-in "carrier" is not a carrier: not named as one.
    expect(selfShip.text).not.toContain("Crossdock Returns");
    const noPostage = { en: "Postage is not included", vi: "Phí gửi hàng chưa được trả trước", "zh-CN": "不含邮费" }[locale];
    expect(visibleText(selfShip.html)).toContain(noPostage);
    expect(visibleText(paid.html)).not.toContain(noPostage);
  });

  it("approved for drop-off: the store's name and address, what to bring, the number to show", () => {
    const email = renderReturnEmail(
      "return-approved",
      facts({
        locale,
        method: "DROP_OFF",
        label: { url: null, carrier: null, trackingNumber: null, trackingUrl: null },
        location: { name: "Crossdock Quận 1", addressLines: ["12 Lê Lợi", "700000 Hồ Chí Minh", "Việt Nam"], instructions: "Quầy số 3" },
      }),
    );
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("Crossdock Quận 1");
      expect(part).toContain("12 Lê Lợi");
      expect(part).toContain("Quầy số 3");
    }
    const show = { en: "Show this return number at the counter: RMA-1001-A7K2", vi: "Đưa mã trả hàng này cho nhân viên tại quầy: RMA-1001-A7K2", "zh-CN": "请在柜台出示退货编号：RMA-1001-A7K2" }[locale];
    expect(email.text).toContain(show);
    expect(email.html).not.toContain("label?exp");
  });

  it("declined: the merchant's note, quoted, and the reason", () => {
    const note = "Sản phẩm đã qua sử dụng <b>không</b> thể nhận lại.\nCảm ơn bạn!";
    const email = renderReturnEmail("return-declined", facts({ locale, declineReason: "FINAL_SALE", declineNote: note }));
    expect(email.text).toContain("> Sản phẩm đã qua sử dụng <b>không</b> thể nhận lại.");
    expect(email.text).toContain("> Cảm ơn bạn!");
    // The note is text, never markup.
    expect(email.html).toContain("&lt;b&gt;không&lt;/b&gt;");
    expect(email.html).not.toContain("<b>không</b>");
    const reason = {
      en: "sold as final sale",
      vi: "hàng sale không áp dụng đổi trả",
      "zh-CN": "最终销售商品",
    }[locale];
    expect(email.text).toContain(reason);
  });

  it("received: where and when the parcel arrived, in the shop's time zone", () => {
    const email = renderReturnEmail(
      "return-received",
      facts({ locale, location: { name: "Kho Thủ Đức", addressLines: [], instructions: null } }),
    );
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Ho_Chi_Minh" }).format(new Date("2026-11-24T09:30:00Z"));
    expect(email.text).toContain(date);
    expect(email.text).toContain("Kho Thủ Đức");
  });

  it("delivered: where and when the carrier left the parcel, not yet checked", () => {
    const email = renderReturnEmail(
      "return-delivered",
      facts({ locale, deliveredAt: new Date("2026-11-23T09:30:00Z"), location: { name: "Kho Thủ Đức", addressLines: [], instructions: null } }),
    );
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Ho_Chi_Minh" }).format(new Date("2026-11-23T09:30:00Z"));
    expect(email.text).toContain(date);
    expect(email.text).toContain("Kho Thủ Đức");
  });

  it("refunded: the refund (items − fees) and the breakdown, formatted with Intl for the language", () => {
    const email = renderReturnEmail("return-refunded", facts({ locale }));
    const money = new Intl.NumberFormat(locale, { style: "currency", currency: "VND" });
    expect(email.subject).toContain("RMA-1001-A7K2");
    expect(email.text).toContain(money.format(1_220_000));
    expect(email.text).toContain(money.format(1_250_000));
    expect(email.text).toContain(money.format(30_000));
    const withAmount = renderReturnEmail("return-refunded", facts({ locale, currency: "USD", refundAmount: 42.5 }));
    expect(withAmount.text).toContain(new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(42.5));
  });
});

describe("email texts", () => {
  function keys(value: unknown, prefix = ""): string[] {
    if (typeof value !== "object" || value === null) return [prefix];
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }

  it("every language has exactly the English keys, with the same placeholders", () => {
    const enKeys = keys(en).sort();
    for (const other of [vi, zhCN]) {
      expect(keys(other).sort()).toEqual(enKeys);
      for (const key of enKeys) {
        const get = (o: unknown) => key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;
        const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(placeholders(get(other)), key).toEqual(placeholders(get(en)));
        expect(get(other), key).not.toBe("");
      }
    }
  });

  it("languages are read from the return's locale, defaulting to English", () => {
    expect(emailLocale("vi")).toBe("vi");
    expect(emailLocale("vi-VN")).toBe("vi");
    expect(emailLocale("zh-CN")).toBe("zh-CN");
    expect(emailLocale("zh-Hans")).toBe("zh-CN");
    expect(emailLocale("de")).toBe("en");
    expect(emailLocale(null)).toBe("en");
  });
});

describe("branding and safety", () => {
  it("uses the brand colour, and a readable text colour on it", () => {
    const dark = renderReturnEmail("return-approved", facts({ brand: { name: "Shop", color: "#0A7D5A", logoUrl: null } }));
    expect(dark.html).toContain("#0a7d5a");
    expect(textColorOn("#0a7d5a")).toBe("#ffffff");
    expect(textColorOn("#ffe066")).toBe("#1a1a1a");
    expect(brandColor("red; background:url(x)")).toBe("#1f5199");
    const bad = renderReturnEmail("return-approved", facts({ brand: { name: "Shop", color: "red;x", logoUrl: null } }));
    expect(bad.html).not.toContain("red;x");
  });

  it("escapes the brand name and drops links that are not http(s)", () => {
    const email = renderReturnEmail(
      "return-approved",
      facts({
        brand: { name: `<script>alert("x")</script>`, color: null, logoUrl: "javascript:alert(1)" },
        label: { url: "javascript:alert(1)", carrier: null, trackingNumber: null, trackingUrl: "data:text/html,x" },
        statusUrl: "javascript:alert(2)",
      }),
    );
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("javascript:");
    expect(email.html).not.toContain("data:text");
    expect(email.text).not.toContain("javascript:");
    // No label link: the shopper is told where it will be instead.
    expect(email.text).toContain("Your return label will be available on your return page shortly.");
  });

  it("shows an https logo with the brand name as its alternative text", () => {
    const email = renderReturnEmail("return-requested", facts({ brand: { name: "Saigon Threads", color: null, logoUrl: "https://cdn.example.com/logo.png" } }));
    expect(email.html).toContain(`<img src="https://cdn.example.com/logo.png" alt="Saigon Threads"`);
  });

  it("greets by name, or politely without one", () => {
    expect(renderReturnEmail("return-requested", facts({ locale: "vi" })).text).toContain("Xin chào Linh Nguyen,");
    expect(renderReturnEmail("return-requested", facts({ locale: "zh-CN", customerName: null })).text).toContain("您好：");
  });
});

describe("sender", () => {
  it("shows the shop's brand with EMAIL_FROM's address", () => {
    expect(addressOf("Crossdock <notify@crossdock.app>")).toBe("notify@crossdock.app");
    expect(senderFor("Crossdock <notify@crossdock.app>", 'Saigon "Threads" <x>')).toBe('"Saigon Threads x" <notify@crossdock.app>');
    expect(senderFor("notify@crossdock.app", null)).toBe("notify@crossdock.app");
  });

  it("keys Resend's idempotency by shop and message key, within 256 characters", () => {
    expect(providerIdempotencyKey("shop1", "return-approved:r1", () => "h")).toBe("crossdock/shop1/return-approved:r1");
    const long = providerIdempotencyKey("shop1", "x".repeat(300), (s) => `hash-of-${s.length}`);
    expect(long).toBe("crossdock/shop1/sha256-hash-of-300");
  });
});
