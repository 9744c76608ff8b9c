import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as ZXing from "@zxing/library";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Reading PDFs the way a person or a scanner would, for tests: the text pdf.js extracts (what a
 * screen reader or copy-paste gives, so it proves the fonts' ToUnicode maps are right), the raster
 * images on each page, and the barcodes in those images decoded with ZXing. Used by the label tests
 * and by the portal's browser test (download the PDF, then decode).
 */

const require = createRequire(import.meta.url);
// @zxing/library is CommonJS without named ESM exports: load it the CommonJS way in Node and vitest alike.
const { BarcodeFormat, BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, NotFoundException, QRCodeReader, RGBLuminanceSource } =
  require("@zxing/library") as typeof ZXing;
const pdfjsDir = dirname(require.resolve("pdfjs-dist/package.json"));

// pdf.js 6 expects Promise.withResolvers and ArrayBuffer#transferToFixedLength (Node ≥ 22); the
// project runs on Node 20 too. Without the latter, getOperatorList silently stops at the first text.
const arrayBufferProto = ArrayBuffer.prototype as unknown as Record<"transfer" | "transferToFixedLength", unknown>;
for (const name of ["transfer", "transferToFixedLength"] as const) {
  arrayBufferProto[name] ??= function copy(this: ArrayBuffer, length = this.byteLength) {
    const out = new ArrayBuffer(length);
    new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
    return out;
  };
}
const promiseWithResolvers = Promise as unknown as { withResolvers?: unknown };
promiseWithResolvers.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
type PdfJs = typeof PdfJsModule;
let pdfjsModule: Promise<PdfJs> | undefined;
/** Loaded after the polyfill above. */
const loadPdfJs = () => (pdfjsModule ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

async function open(pdf: Uint8Array) {
  const pdfjs = await loadPdfJs();
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl: pathToFileURL(join(pdfjsDir, "standard_fonts") + "/").href,
  });
  const doc = await task.promise;
  return Object.assign(doc, { close: () => task.destroy() });
}

export interface PdfTextPage {
  /** Page size in points. */
  width: number;
  height: number;
  /** The pieces of text with their position (x, y from the bottom-left, in points). */
  items: Array<{ str: string; x: number; y: number; width: number; height: number }>;
  /** Lines top to bottom; pieces on one line joined, with a space where there is a visible gap. */
  lines: string[];
  /** All lines joined with "\n". */
  text: string;
}

/** The text of every page, as lines. */
export async function extractPdfText(pdf: Uint8Array): Promise<PdfTextPage[]> {
  const doc = await open(pdf);
  try {
    const pages: PdfTextPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items
        .filter((i): i is Extract<(typeof content.items)[number], { str: string }> => "str" in i && i.str.length > 0)
        .map((i) => ({ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number, width: i.width, height: i.height }));
      items.sort((a, b) => b.y - a.y || a.x - b.x);
      const lines: Array<typeof items> = [];
      for (const item of items) {
        const line = lines.find((l) => Math.abs(l[0]!.y - item.y) < Math.max(1.5, item.height * 0.3));
        if (line) line.push(item);
        else lines.push([item]);
      }
      const text = lines.map((line) => {
        line.sort((a, b) => a.x - b.x);
        let out = "";
        let end = -Infinity;
        for (const piece of line) {
          if (out && piece.x - end > Math.max(1, piece.height * 0.2) && !out.endsWith(" ") && !piece.str.startsWith(" ")) out += " ";
          out += piece.str;
          end = piece.x + piece.width;
        }
        return out;
      });
      const [, , width, height] = page.view as [number, number, number, number];
      pages.push({ width, height, items, lines: text, text: text.join("\n") });
    }
    return pages;
  } finally {
    await doc.close();
  }
}

export interface PdfImage {
  page: number;
  width: number;
  height: number;
  /** Row-major RGBA, alpha already applied over white. */
  rgba: Uint8ClampedArray;
}

/** Every raster image painted on each page, decoded to RGBA. */
export async function extractPdfImages(pdf: Uint8Array): Promise<PdfImage[]> {
  const pdfjs = await loadPdfJs();
  const doc = await open(pdf);
  try {
    const images: PdfImage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      for (let i = 0; i < ops.fnArray.length; i++) {
        if (ops.fnArray[i] !== pdfjs.OPS.paintImageXObject) continue;
        const id = ops.argsArray[i][0] as string;
        const image = await new Promise<{ width: number; height: number; kind: number; data: Uint8Array | Uint8ClampedArray }>((resolve) =>
          id.startsWith("g_") ? resolve(page.commonObjs.get(id)) : page.objs.get(id, resolve),
        );
        images.push({ page: n, width: image.width, height: image.height, rgba: toRgba(image) });
      }
    }
    return images;
  } finally {
    await doc.close();
  }
}

function toRgba(image: { width: number; height: number; kind: number; data: Uint8Array | Uint8ClampedArray }): Uint8ClampedArray {
  const { width, height, kind, data } = image;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    let r: number, g: number, b: number, a = 255;
    if (kind === 1) {
      // GRAYSCALE_1BPP: rows padded to whole bytes, 1 = white.
      const rowBytes = (width + 7) >> 3;
      const x = p % width;
      const y = Math.floor(p / width);
      const bit = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
      r = g = b = bit ? 255 : 0;
    } else if (kind === 2) {
      [r, g, b] = [data[p * 3]!, data[p * 3 + 1]!, data[p * 3 + 2]!];
    } else {
      [r, g, b, a] = [data[p * 4]!, data[p * 4 + 1]!, data[p * 4 + 2]!, data[p * 4 + 3]!];
    }
    const over = (c: number) => Math.round((c * a + 255 * (255 - a)) / 255);
    out.set([over(r), over(g), over(b), 255], p * 4);
  }
  return out;
}

export type DecodedFormat = "CODE_128" | "QR_CODE";

/**
 * Decodes a barcode of the given format in an image, or returns null if there is none. The image
 * gets a white border first (a quiet zone), as a scanner would see it on paper.
 */
export function decodeBarcode(image: Pick<PdfImage, "width" | "height" | "rgba">, format: DecodedFormat): string | null {
  const pad = 20;
  const width = image.width + 2 * pad;
  const height = image.height + 2 * pad;
  const luminance = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const l = (image.rgba[i]! * 299 + image.rgba[i + 1]! * 587 + image.rgba[i + 2]! * 114) / 1000;
      luminance[(y + pad) * width + x + pad] = l;
    }
  }
  const wanted = format === "QR_CODE" ? BarcodeFormat.QR_CODE : BarcodeFormat.CODE_128;
  // The format's own reader (MultiFormatReader logs every miss to the console).
  const reader = format === "QR_CODE" ? new QRCodeReader() : new Code128Reader();
  const hints = new Map<ZXing.DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  try {
    const result = reader.decode(bitmap, hints);
    return result.getBarcodeFormat() === wanted ? result.getText() : null;
  } catch (error) {
    if (error instanceof NotFoundException || (error as Error).name === "NotFoundException") return null;
    throw error;
  }
}

/** Every barcode of the format found in the PDF's images, with the page it is on. */
export async function decodePdfBarcodes(pdf: Uint8Array, format: DecodedFormat): Promise<Array<{ page: number; text: string }>> {
  const found: Array<{ page: number; text: string }> = [];
  for (const image of await extractPdfImages(pdf)) {
    const text = decodeBarcode(image, format);
    if (text !== null) found.push({ page: image.page, text });
  }
  return found;
}
