import bwipjs from "bwip-js/node";
import { PDFDocument, rgb, type PDFImage, type PDFPage } from "pdf-lib";
import { defaultLabelFaces, UnicodeText, type FontFaceSource } from "./fonts.server";
import {
  DEFAULT_LABEL_TEXT,
  type LabelAddress,
  type LabelItem,
  type LabelProvider,
  type LabelText,
  type ReturnLabel,
  type ReturnLabelInput,
} from "./provider";
import { builtinTrackingNumber, builtinTrackingUrl } from "./tracking";

/** 4 × 6 in at 72 pt/in. */
export const LABEL_WIDTH = 288;
export const LABEL_HEIGHT = 432;
const MARGIN = 14;
const CONTENT = LABEL_WIDTH - 2 * MARGIN;
const BLACK = rgb(0, 0, 0);
const WHITE = rgb(1, 1, 1);
const GREY = rgb(0.35, 0.35, 0.35);

export const BUILTIN_CARRIER = "Crossdock Returns";

export interface BuiltinLabelProviderOptions {
  /**
   * Where a tracking number is followed, e.g. "https://app.example.com/portal/<shop>/track"; the
   * number is appended. A function gets the label's input (the shop's page differs per shop).
   */
  trackingBaseUrl: string | ((input: ReturnLabelInput) => string);
  /** Font faces to use (tests, or another font package); default Noto Sans (+ Noto Sans SC when installed). */
  faces?: readonly FontFaceSource[];
}

/**
 * The built-in label provider: no carrier account needed. It issues a tracking number of its own
 * (S10 layout with a check digit, derived from shop + RMA) and draws the label with pdf-lib: page 1 a
 * 4×6 in label (sender, return address, RMA in large type, Code 128 barcode and QR code of the RMA,
 * carrier and tracking number), then a packing slip (title, variant, SKU, quantity, reason per item).
 * The same input gives the same PDF, byte for byte.
 */
export class BuiltinLabelProvider implements LabelProvider {
  readonly carrier = BUILTIN_CARRIER;
  private faces: readonly FontFaceSource[] | undefined;

  constructor(private readonly options: BuiltinLabelProviderOptions) {
    this.faces = options.faces;
  }

  async createReturnLabel(input: ReturnLabelInput): Promise<ReturnLabel> {
    if (!input.rma.trim()) throw new RangeError("A label needs an RMA");
    if (input.items.length === 0) throw new RangeError("A label needs at least one item");
    const createdAt = new Date(input.createdAt);
    if (Number.isNaN(createdAt.getTime())) throw new RangeError(`Not a date: ${String(input.createdAt)}`);

    const trackingNumber = input.trackingNumber ?? builtinTrackingNumber(input.shopDomain, input.rma, input.to.countryCode);
    const base = this.options.trackingBaseUrl;
    const trackingUrl = builtinTrackingUrl(typeof base === "function" ? base(input) : base, trackingNumber);
    const text: LabelText = { ...DEFAULT_LABEL_TEXT, ...input.text };

    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(`${input.rma} ${input.orderName}`);
    doc.setSubject(`Return label ${input.rma} for order ${input.orderName} (${input.shopName})`);
    doc.setCreator("Crossdock");
    doc.setProducer("Crossdock");
    doc.setCreationDate(createdAt);
    doc.setModificationDate(createdAt);

    this.faces ??= defaultLabelFaces();
    const writer = new Writer(new UnicodeText(doc, this.faces));
    const [barcode, qr] = await Promise.all([
      bwipjs.toBuffer({ bcid: "code128", text: input.rma, scale: 3, height: 14, includetext: false, backgroundcolor: "FFFFFF", paddingwidth: 10, paddingheight: 2 }),
      bwipjs.toBuffer({ bcid: "qrcode", text: input.rma, scale: 4, backgroundcolor: "FFFFFF", padding: 4 }),
    ]);
    const images = { barcode: await doc.embedPng(barcode), qr: await doc.embedPng(qr) };

    await drawLabel(doc.addPage([LABEL_WIDTH, LABEL_HEIGHT]), writer, input, text, images, { trackingNumber, date: isoDate(createdAt) });
    await drawPackingSlip(doc, writer, input, text, isoDate(createdAt));

    const pdf = await doc.save({ useObjectStreams: false });
    const missing = [...writer.text.missing];
    return {
      carrier: this.carrier,
      trackingNumber,
      trackingUrl,
      pdf,
      warnings: missing.length ? [`No font for ${missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ")}: printed as "?"`] : [],
    };
  }
}

/** Text drawing with y measured from the top of the page. */
class Writer {
  constructor(readonly text: UnicodeText) {}

  async draw(page: PDFPage, value: string, x: number, top: number, size: number, options: { bold?: boolean; color?: ReturnType<typeof rgb> } = {}) {
    let cursor = x;
    const y = page.getHeight() - top - size;
    for (const run of await this.text.runs(value, options.bold)) {
      page.drawText(run.text, { x: cursor, y, size, font: run.font, color: options.color ?? BLACK });
      cursor += run.font.widthOfTextAtSize(run.text, size);
    }
    return cursor;
  }

  /** Draws wrapped lines; returns the top of the next line. */
  async paragraph(page: PDFPage, value: string, x: number, top: number, size: number, width: number, options: { bold?: boolean; color?: ReturnType<typeof rgb>; leading?: number } = {}) {
    const leading = options.leading ?? size * 1.25;
    for (const line of await this.text.wrap(value, size, width, options.bold)) {
      await this.draw(page, line, x, top, size, options);
      top += leading;
    }
    return top;
  }

  /** The largest size ≤ max at which the text fits the width. */
  async fit(value: string, max: number, width: number, bold = false) {
    const at1 = await this.text.width(value, 1, bold);
    return at1 === 0 ? max : Math.min(max, Math.floor((width / at1) * 10) / 10);
  }
}

function addressLines(a: LabelAddress): string[] {
  const cityLine = [a.city, a.province, a.zip].filter((p) => p && p.trim()).join(", ");
  return [a.company, a.address1, a.address2, cityLine, a.country, a.phone].filter((l): l is string => !!l && !!l.trim());
}

async function drawLabel(
  page: PDFPage,
  w: Writer,
  input: ReturnLabelInput,
  text: LabelText,
  images: { barcode: PDFImage; qr: PDFImage },
  meta: { trackingNumber: string; date: string },
) {
  // Header band.
  page.drawRectangle({ x: 0, y: LABEL_HEIGHT - 30, width: LABEL_WIDTH, height: 30, color: BLACK });
  await w.draw(page, text.carrierHeading, MARGIN, 9, 12, { bold: true, color: WHITE });
  const service = input.method === "DROP_OFF" ? text.dropOffService : text.mailService;
  const serviceWidth = await w.text.width(service, 8, true);
  await w.draw(page, service, LABEL_WIDTH - MARGIN - serviceWidth, 12, 8, { bold: true, color: WHITE });

  // Sender.
  let top = 38;
  await w.draw(page, text.from, MARGIN, top, 7, { bold: true, color: GREY });
  const dateText = `${text.date} ${meta.date}`;
  await w.draw(page, dateText, LABEL_WIDTH - MARGIN - (await w.text.width(dateText, 7)), top, 7, { color: GREY });
  top += 10;
  top = await w.paragraph(page, input.from.name, MARGIN, top, 9, CONTENT, { bold: true });
  for (const line of addressLines(input.from)) top = await w.paragraph(page, line, MARGIN, top, 8, CONTENT);
  top += 4;
  page.drawLine({ start: { x: MARGIN, y: LABEL_HEIGHT - top }, end: { x: LABEL_WIDTH - MARGIN, y: LABEL_HEIGHT - top }, thickness: 1 });
  top += 6;

  // Recipient: the return location.
  await w.draw(page, input.method === "DROP_OFF" ? text.dropOffAt : text.returnTo, MARGIN, top, 8, { bold: true, color: GREY });
  top += 12;
  top = await w.paragraph(page, input.to.name, MARGIN, top, 13, CONTENT, { bold: true });
  for (const line of addressLines(input.to)) top = await w.paragraph(page, line, MARGIN, top, 11, CONTENT, { leading: 13 });
  top += 4;
  page.drawLine({ start: { x: MARGIN, y: LABEL_HEIGHT - top }, end: { x: LABEL_WIDTH - MARGIN, y: LABEL_HEIGHT - top }, thickness: 2 });
  top += 6;

  // RMA, large, then its barcode.
  await w.draw(page, text.rma, MARGIN, top, 8, { bold: true, color: GREY });
  top += 10;
  const rmaSize = await w.fit(input.rma, 28, CONTENT, true);
  await w.draw(page, input.rma, MARGIN, top, rmaSize, { bold: true });
  top += rmaSize * 1.25;
  // Bottom: QR code, order, tracking. Long addresses shorten the barcode (not below 28 pt, still
  // scannable) rather than run into the QR code.
  const qrSize = 84;
  const barcodeHeight = Math.max(28, Math.min(54, LABEL_HEIGHT - MARGIN - qrSize - 8 - top));
  page.drawImage(images.barcode, { x: MARGIN, y: LABEL_HEIGHT - top - barcodeHeight, width: CONTENT, height: barcodeHeight });

  const bottom = MARGIN;
  page.drawImage(images.qr, { x: MARGIN, y: bottom, width: qrSize, height: qrSize });
  const x = MARGIN + qrSize + 10;
  const width = LABEL_WIDTH - MARGIN - x;
  let row = LABEL_HEIGHT - bottom - qrSize;
  const units = input.items.reduce((n, i) => n + i.quantity, 0);
  row = await w.paragraph(page, `${text.order} ${input.orderName}`, x, row, 9, width, { bold: true });
  row = await w.paragraph(page, `${text.quantity} ${units}`, x, row, 8, width);
  row = await w.paragraph(page, input.shopName, x, row, 8, width);
  row += 4;
  await w.draw(page, text.tracking, x, row, 7, { bold: true, color: GREY });
  row += 9;
  row = await w.paragraph(page, meta.trackingNumber, x, row, 11, width, { bold: true });
  await w.paragraph(page, BUILTIN_CARRIER, x, row, 8, width);
}

async function drawPackingSlip(doc: PDFDocument, w: Writer, input: ReturnLabelInput, text: LabelText, date: string) {
  let page = doc.addPage([LABEL_WIDTH, LABEL_HEIGHT]);
  let top = MARGIN;
  const header = async (continued: boolean) => {
    await w.draw(page, continued ? `${text.packingSlip} (${text.continued})` : text.packingSlip, MARGIN, top, 14, { bold: true });
    top += 20;
    top = await w.paragraph(page, `${text.rma} ${input.rma} · ${text.order} ${input.orderName} · ${date}`, MARGIN, top, 8, CONTENT, { color: GREY });
    top = await w.paragraph(page, `${input.shopName} · ${input.from.name}`, MARGIN, top, 8, CONTENT, { color: GREY });
    // Where the parcel goes (the return's destination), so whoever opens it can check it arrived right.
    const destination = [input.to.name, input.to.city, input.to.country].filter((p) => p && p.trim()).join(", ");
    top = await w.paragraph(page, `${input.method === "DROP_OFF" ? text.dropOffAt : text.returnTo}: ${destination}`, MARGIN, top, 8, CONTENT, { bold: true });
    top += 4;
    page.drawLine({ start: { x: MARGIN, y: LABEL_HEIGHT - top }, end: { x: LABEL_WIDTH - MARGIN, y: LABEL_HEIGHT - top }, thickness: 1 });
    top += 6;
  };
  await header(false);

  for (const item of input.items) {
    const lines = await itemLines(w, item, text);
    const height = lines.reduce((h, l) => h + l.size * 1.3, 0) + 8;
    if (top + height > LABEL_HEIGHT - MARGIN - 40) {
      page = doc.addPage([LABEL_WIDTH, LABEL_HEIGHT]);
      top = MARGIN;
      await header(true);
    }
    for (const line of lines) {
      await w.draw(page, line.text, MARGIN + line.indent, top, line.size, { bold: line.bold, color: line.grey ? GREY : BLACK });
      top += line.size * 1.3;
    }
    top += 8;
  }
  await w.paragraph(page, text.slipInstructions, MARGIN, Math.max(top + 4, LABEL_HEIGHT - MARGIN - 30), 8, CONTENT, { color: GREY });
}

async function itemLines(w: Writer, item: LabelItem, text: LabelText) {
  const out: Array<{ text: string; size: number; bold: boolean; grey: boolean; indent: number }> = [];
  const qty = `${item.quantity} × `;
  const qtyWidth = await w.text.width(qty, 10, true);
  const titleLines = await w.text.wrap(item.title, 10, CONTENT - qtyWidth, true);
  titleLines.forEach((line, i) => out.push({ text: i === 0 ? qty + line : line, size: 10, bold: true, grey: false, indent: i === 0 ? 0 : qtyWidth }));
  const details = [item.variantTitle, item.sku ? `${text.sku} ${item.sku}` : null].filter(Boolean).join(" · ");
  if (details) for (const line of await w.text.wrap(details, 8, CONTENT - qtyWidth)) out.push({ text: line, size: 8, bold: false, grey: true, indent: qtyWidth });
  const reason = `${text.reason}: ${item.reasonLabel?.trim() || humanise(item.reason)}`;
  for (const line of await w.text.wrap(reason, 8, CONTENT - qtyWidth)) out.push({ text: line, size: 8, bold: false, grey: false, indent: qtyWidth });
  return out;
}

/** "SIZE_TOO_SMALL" → "Size too small". */
function humanise(code: string): string {
  const words = code.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
