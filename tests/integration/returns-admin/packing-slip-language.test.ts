// The packing slip speaks the shopper's language: a return asked for in Vietnamese or Chinese gets
// its slip's headings and reasons in that language, and the PDF's text (what pdf.js extracts, so
// the embedded Noto fonts' glyphs and ToUnicode maps) reads back as those words.
import "./env";
import type { Location } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { BuiltinLabelProvider } from "~/labels/builtin.server";
import type { ReturnWithDetails } from "~/models/returns.server";
import { buildReturnLabelInput } from "~/services/download-return-label.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { extractPdfText } from "../../support/pdf";

const provider = new BuiltinLabelProvider({ trackingBaseUrl: "https://crossdock.test/portal/track" });
// The order is gone from Shopify (read as null): the slip still prints from the stored return.
const noOrder: AdminGraphql = async () => new Response(JSON.stringify({ data: { order: null } }), { headers: { "Content-Type": "application/json" } });
const shop = { id: "shop-1", domain: "slip-test.myshopify.com", name: "Crossdock Demo" };
const location = {
  name: "Kho Thủ Đức",
  address1: "Số 5 Võ Văn Ngân",
  address2: null,
  city: "Thủ Đức",
  province: "Thành phố Hồ Chí Minh",
  provinceCode: null,
  zip: null,
  countryCode: "VN",
  phone: null,
} as unknown as Location;

function aReturn(locale: string): ReturnWithDetails {
  return {
    rma: "RMA-1001-7KQ4",
    orderId: "gid://shopify/Order/1001",
    orderName: "#1001",
    method: "MAIL",
    locale,
    customerName: "Nguyễn Thị Mai",
    createdAt: new Date("2026-11-20T10:00:00Z"),
    decidedAt: null,
    labelCreatedAt: null,
    lines: [{ title: "Áo thun cotton", variantTitle: "M", sku: "TEE-M", quantity: 2, reason: "SIZE_TOO_SMALL" }],
    events: [],
  } as unknown as ReturnWithDetails;
}

async function slipOf(locale: string) {
  const input = await buildReturnLabelInput({ shop, graphql: noOrder, ret: aReturn(locale), returnLocation: location });
  const label = await provider.createReturnLabel(input);
  const [, slip] = await extractPdfText(label.pdf);
  return { slip: slip!, warnings: label.warnings };
}

describe("the packing slip in the return's language", () => {
  it("Vietnamese: headings, reason and instructions in Vietnamese", async () => {
    const { slip, warnings } = await slipOf("vi");
    expect(warnings).toEqual([]);
    expect(slip.lines[0]).toBe("PHIẾU ĐÓNG GÓI");
    expect(slip.text).toContain("Mã trả hàng RMA-1001-7KQ4 · Đơn hàng #1001");
    expect(slip.text).toContain("Lý do: Kích cỡ quá nhỏ");
    expect(slip.text).toContain("Hãy bỏ phiếu này vào kiện hàng");
    expect(slip.text).not.toContain("PACKING SLIP");
  });

  it("Simplified Chinese: headings, reason and instructions in Chinese, drawn with Noto Sans SC", async () => {
    const { slip, warnings } = await slipOf("zh-CN");
    expect(warnings).toEqual([]);
    expect(slip.lines[0]).toBe("装箱单");
    expect(slip.text).toContain("退货编号 RMA-1001-7KQ4 · 订单 #1001");
    expect(slip.text).toContain("原因: 尺码偏小");
    expect(slip.text).toContain("请将此单与商品一起放入包裹内");
  });

  it("English stays English", async () => {
    const { slip } = await slipOf("en");
    expect(slip.lines[0]).toBe("PACKING SLIP");
    expect(slip.text).toContain("Reason: Too small");
  });
});
