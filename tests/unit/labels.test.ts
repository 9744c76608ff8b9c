import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_CARRIER, BuiltinLabelProvider, LABEL_HEIGHT, LABEL_WIDTH } from "~/labels/builtin.server";
import { defaultLabelFaces, fontsourceFaces, woffToSfnt } from "~/labels/fonts.server";
import type { ReturnLabel, ReturnLabelInput } from "~/labels/provider";
import { isValidTrackingNumber } from "~/labels/tracking";
import { decodePdfBarcodes, extractPdfImages, extractPdfText, type PdfTextPage } from "../support/pdf";

const provider = new BuiltinLabelProvider({ trackingBaseUrl: "https://crossdock.test/portal/track" });

const input: ReturnLabelInput = {
  rma: "RMA-1001-7KQ4",
  orderName: "#1001",
  shopDomain: "crossdock-demo.myshopify.com",
  shopName: "Crossdock Demo",
  method: "MAIL",
  from: {
    name: "Nguyễn Thị Mai",
    address1: "12 Đường Lê Lợi, Phường Bến Nghé",
    city: "Quận 1",
    province: "Thành phố Hồ Chí Minh",
    zip: "700000",
    country: "Việt Nam",
    countryCode: "VN",
    phone: "+84 90 123 4567",
  },
  to: {
    name: "Kho Crossdock Thủ Đức",
    address1: "Số 5 Võ Văn Ngân",
    city: "Thủ Đức",
    province: "Thành phố Hồ Chí Minh",
    country: "Việt Nam",
    countryCode: "VN",
  },
  items: [
    { title: "Áo thun cotton", variantTitle: "M / Trắng", sku: "TEE-M-W", quantity: 2, reason: "SIZE_TOO_SMALL" },
    { title: "Giày chạy bộ", variantTitle: "42", sku: "RUN-42", quantity: 1, reason: "DEFECTIVE", reasonLabel: "Bị lỗi" },
  ],
  createdAt: "2026-03-10T12:00:00Z",
};

describe("the built-in label provider", () => {
  let label: ReturnLabel;
  let pages: PdfTextPage[];
  beforeAll(async () => {
    label = await provider.createReturnLabel(input);
    pages = await extractPdfText(label.pdf);
  });

  it("issues a tracking number and URL of its own", () => {
    expect(label.carrier).toBe(BUILTIN_CARRIER);
    expect(isValidTrackingNumber(label.trackingNumber)).toBe(true);
    expect(label.trackingNumber).toMatch(/VN$/);
    expect(label.trackingUrl).toBe(`https://crossdock.test/portal/track/${label.trackingNumber}`);
    expect(label.warnings).toEqual([]);
  });

  it("draws a 4×6 in label, then the packing slip", () => {
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => [p.width, p.height])).toEqual([
      [LABEL_WIDTH, LABEL_HEIGHT],
      [LABEL_WIDTH, LABEL_HEIGHT],
    ]);
    expect([LABEL_WIDTH, LABEL_HEIGHT]).toEqual([288, 432]);
  });

  it("prints the RMA, both addresses with their Vietnamese diacritics, and the tracking number", () => {
    const lines = pages[0]!.lines;
    expect(lines).toContain("RMA-1001-7KQ4");
    expect(lines).toContain("Nguyễn Thị Mai");
    expect(lines).toContain("12 Đường Lê Lợi, Phường Bến Nghé");
    expect(lines).toContain("Quận 1, Thành phố Hồ Chí Minh, 700000");
    expect(lines).toContain("Kho Crossdock Thủ Đức");
    expect(lines).toContain("Số 5 Võ Văn Ngân");
    expect(lines).toContain("Thủ Đức, Thành phố Hồ Chí Minh");
    expect(lines).toContain(label.trackingNumber);
    expect(lines).toContain("Order #1001");
    expect(lines).toContain("RETURN TO");
  });

  it("lists every item on the packing slip: title, variant, SKU, quantity, reason", () => {
    const lines = pages[1]!.lines;
    expect(lines[0]).toBe("PACKING SLIP");
    expect(lines).toContain("RMA RMA-1001-7KQ4 · Order #1001 · 2026-03-10");
    expect(lines).toContain("2 × Áo thun cotton");
    expect(lines).toContain("M / Trắng · SKU TEE-M-W");
    expect(lines).toContain("Reason: Size too small");
    expect(lines).toContain("1 × Giày chạy bộ");
    expect(lines).toContain("42 · SKU RUN-42");
    expect(lines).toContain("Reason: Bị lỗi");
  });

  it("keeps all text inside the margins", () => {
    for (const page of pages) {
      for (const item of page.items) {
        expect(item.x, item.str).toBeGreaterThanOrEqual(13.5);
        expect(item.x + item.width, item.str).toBeLessThanOrEqual(LABEL_WIDTH - 13.5);
      }
    }
  });

  it("carries a Code 128 barcode and a QR code that scan to exactly the RMA", async () => {
    expect(await decodePdfBarcodes(label.pdf, "CODE_128")).toEqual([{ page: 1, text: "RMA-1001-7KQ4" }]);
    expect(await decodePdfBarcodes(label.pdf, "QR_CODE")).toEqual([{ page: 1, text: "RMA-1001-7KQ4" }]);
    const images = await extractPdfImages(label.pdf);
    expect(images.map((i) => i.page)).toEqual([1, 1]);
  });

  it("gives the same PDF for the same input, byte for byte, and another for another RMA", async () => {
    const again = await provider.createReturnLabel(input);
    expect(Buffer.from(again.pdf).equals(Buffer.from(label.pdf))).toBe(true);
    const other = await provider.createReturnLabel({ ...input, rma: "RMA-1001-3WXY" });
    expect(other.trackingNumber).not.toBe(label.trackingNumber);
    expect(await decodePdfBarcodes(other.pdf, "CODE_128")).toEqual([{ page: 1, text: "RMA-1001-3WXY" }]);
  });

  it("says HAND IN AT for a drop-off, and prints words it is given in another language", async () => {
    const dropOff = await provider.createReturnLabel({
      ...input,
      method: "DROP_OFF",
      text: { dropOffAt: "GỬI TẠI CỬA HÀNG", packingSlip: "PHIẾU ĐÓNG GÓI" },
    });
    const [first, slip] = await extractPdfText(dropOff.pdf);
    expect(first!.lines).toContain("GỬI TẠI CỬA HÀNG");
    expect(first!.lines).toContain("CROSSDOCK RETURNS RETURN · DROP-OFF");
    expect(slip!.lines[0]).toBe("PHIẾU ĐÓNG GÓI");
  });

  it("continues the packing slip on more pages when the items do not fit", async () => {
    const items = Array.from({ length: 14 }, (_, i) => ({
      title: `Sản phẩm số ${i + 1} với một cái tên rất dài để phải xuống dòng`,
      variantTitle: "L / Đen",
      sku: `SKU-${i + 1}`,
      quantity: 1,
      reason: "UNWANTED",
    }));
    const long = await provider.createReturnLabel({ ...input, items });
    const all = await extractPdfText(long.pdf);
    expect(all.length).toBeGreaterThan(2);
    expect(all[2]!.lines[0]).toBe("PACKING SLIP (continued)");
    const slipText = all.slice(1).map((p) => p.text).join("\n");
    for (let i = 1; i <= 14; i++) expect(slipText).toContain(`SKU SKU-${i}`);
    expect(all[0]!.lines).toContain("Qty 14");
  });

  it("prints Simplified Chinese with Noto Sans SC when installed, else says which characters it could not print", async () => {
    const chinese = await provider.createReturnLabel({
      ...input,
      from: { name: "王小明", address1: "南京东路 100 号", city: "黄浦区", province: "上海市", zip: "200001", country: "中国", countryCode: "CN" },
      items: [{ title: "丝绸围巾", variantTitle: "红色", sku: "SCARF-1", quantity: 1, reason: "COLOR", reasonLabel: "颜色不喜欢" }],
    });
    const [first, slip] = await extractPdfText(chinese.pdf);
    expect(first!.lines).toContain("Kho Crossdock Thủ Đức"); // Vietnamese unaffected either way
    expect(await decodePdfBarcodes(chinese.pdf, "QR_CODE")).toEqual([{ page: 1, text: "RMA-1001-7KQ4" }]);
    if (fontsourceFaces("@fontsource/noto-sans-sc", "NotoSansSC", 400).length > 0) {
      expect(chinese.warnings).toEqual([]);
      expect(first!.lines).toContain("王小明");
      expect(first!.lines).toContain("黄浦区, 上海市, 200001");
      expect(slip!.lines).toContain("1 × 丝绸围巾");
      expect(slip!.lines).toContain("Reason: 颜色不喜欢");
    } else {
      expect(chinese.warnings).toHaveLength(1);
      expect(chinese.warnings[0]).toMatch(/No font for "王" \(U\+738B\)/);
      expect(first!.lines).toContain("???");
    }
  });

  it("still scans when long addresses leave less room for the barcode", async () => {
    const long = "Tầng 12, Tòa nhà Bitexco Financial Tower, số 2 đường Hải Triều, Phường Bến Nghé";
    const crowded = await provider.createReturnLabel({
      ...input,
      from: { ...input.from, address1: long, address2: long, company: "Công ty TNHH Một Thành Viên Thương Mại" },
      to: { ...input.to, address1: long, address2: long },
    });
    expect(await decodePdfBarcodes(crowded.pdf, "CODE_128")).toEqual([{ page: 1, text: "RMA-1001-7KQ4" }]);
    expect(await decodePdfBarcodes(crowded.pdf, "QR_CODE")).toEqual([{ page: 1, text: "RMA-1001-7KQ4" }]);
  });

  it("refuses a label without items or RMA", async () => {
    await expect(provider.createReturnLabel({ ...input, items: [] })).rejects.toThrow(/at least one item/);
    await expect(provider.createReturnLabel({ ...input, rma: " " })).rejects.toThrow(/RMA/);
  });
});

describe("label fonts", () => {
  it("cover Latin, Vietnamese and more from @fontsource/noto-sans, regular and bold", () => {
    const names = defaultLabelFaces().map((f) => f.name);
    for (const name of ["NotoSans-latin-400", "NotoSans-latin-ext-400", "NotoSans-vietnamese-400", "NotoSans-vietnamese-700"]) {
      expect(names).toContain(name);
    }
  });

  it("unpacks WOFF into a font fontkit reads with the same glyphs", () => {
    const face = fontsourceFaces("@fontsource/noto-sans", "NotoSans", 400).find((f) => f.name === "NotoSans-vietnamese-400")!;
    const woff = new Uint8Array(readFileSync(face.file));
    const sfnt = woffToSfnt(woff);
    expect(new DataView(sfnt.buffer).getUint32(0)).toBe(0x00010000); // TrueType
    const a = fontkit.create(woff);
    const b = fontkit.create(sfnt);
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.hasGlyphForCodePoint("ậ".codePointAt(0)!)).toBe(true);
    expect(b.glyphForCodePoint("ậ".codePointAt(0)!).advanceWidth).toBe(a.glyphForCodePoint("ậ".codePointAt(0)!).advanceWidth);
    expect(woffToSfnt(sfnt)).toBe(sfnt); // not WOFF: unchanged
  });

  it("embed only the glyphs used (subset), so a label stays small", async () => {
    const label = await provider.createReturnLabel(input);
    expect(label.pdf.byteLength).toBeLessThan(80_000);
    const doc = await PDFDocument.load(label.pdf);
    expect(doc.getTitle()).toBe("RMA-1001-7KQ4 #1001");
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-03-10T12:00:00.000Z");
  });
});
