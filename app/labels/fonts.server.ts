import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/**
 * Unicode text for pdf-lib. The standard PDF fonts only encode WinAnsi, so Vietnamese ("Quận 1")
 * and Chinese need embedded fonts. The fonts come from npm packages of Fontsource, which ship each
 * font split by script into subsets (latin, latin-ext, vietnamese …; a hundred numbered subsets for
 * Chinese) described by `unicode-range` in their CSS. Text is split into runs, each drawn with the
 * first face that has its characters; every face is embedded subset (only the glyphs used), so a
 * label stays small. WOFF files are used: fontkit's subsetter crashes on WOFF2 glyph tables.
 */

export interface FontFaceSource {
  /** Stable name used as the PDF font name, e.g. "NotoSans-vietnamese-400". */
  name: string;
  weight: 400 | 700;
  file: string;
  /** Inclusive code point ranges from the CSS unicode-range. */
  ranges: Array<[number, number]>;
}

/** Parses a Fontsource weight stylesheet (e.g. "@fontsource/noto-sans/400.css") into faces. */
export function parseFontsourceCss(css: string, baseDir: string, family: string, weight: 400 | 700): FontFaceSource[] {
  const faces: FontFaceSource[] = [];
  for (const block of css.split("@font-face").slice(1)) {
    if (/font-style:\s*italic/.test(block)) continue;
    const woff = /url\(\.\/files\/([^)]+?)\.woff\)\s*format\('woff'\)/.exec(block);
    const range = /unicode-range:\s*([^;]+);/.exec(block);
    if (!woff || !range) continue;
    const ranges = range[1]!.split(",").map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
    });
    const subset = /-(latin-ext|latin|vietnamese|cyrillic-ext|cyrillic|greek-ext|greek|devanagari|\d+)-\d00-normal$/.exec(woff[1]!)?.[1] ?? woff[1]!;
    faces.push({ name: `${family}-${subset}-${weight}`, weight, file: join(baseDir, "files", `${woff[1]}.woff`), ranges });
  }
  return faces;
}

const require = createRequire(import.meta.url);

/** Faces of an installed Fontsource package, or [] when the package is not installed. */
export function fontsourceFaces(pkg: string, family: string, weight: 400 | 700): FontFaceSource[] {
  let css: string;
  try {
    css = require.resolve(`${pkg}/${weight}.css`);
  } catch {
    return [];
  }
  return parseFontsourceCss(readFileSync(css, "utf8"), dirname(css), family, weight);
}

/**
 * The faces labels use, in preference order: Noto Sans (Latin, Vietnamese, Greek, Cyrillic …), then
 * Noto Sans SC for Chinese when `@fontsource/noto-sans-sc` is installed.
 */
export function defaultLabelFaces(): FontFaceSource[] {
  const faces: FontFaceSource[] = [];
  for (const weight of [400, 700] as const) {
    faces.push(...fontsourceFaces("@fontsource/noto-sans", "NotoSans", weight));
    faces.push(...fontsourceFaces("@fontsource/noto-sans-sc", "NotoSansSC", weight));
  }
  if (!faces.some((f) => f.name === "NotoSans-latin-400")) {
    throw new Error("@fontsource/noto-sans is not installed: labels cannot be drawn (npm install)");
  }
  return faces;
}

interface LoadedFace {
  bytes: Uint8Array;
  has(codePoint: number): boolean;
}
const loaded = new Map<string, LoadedFace>();

function loadFace(face: FontFaceSource): LoadedFace {
  let entry = loaded.get(face.file);
  if (!entry) {
    // Unpacked once with native zlib: fontkit would inflate the WOFF tables in JavaScript on every
    // embedding, which dominated the time to draw a label.
    const bytes = woffToSfnt(new Uint8Array(readFileSync(face.file)));
    const font = fontkit.create(bytes);
    entry = {
      bytes,
      has: (cp) => {
        try {
          return font.hasGlyphForCodePoint(cp);
        } catch {
          return false; // a few Fontsource subsets have no usable cmap
        }
      },
    };
    loaded.set(face.file, entry);
  }
  return entry;
}

export interface TextRun {
  font: PDFFont;
  text: string;
}

/** Draws Unicode text into one PDF document with font fallback across faces. */
export class UnicodeText {
  private readonly embedded = new Map<string, Promise<PDFFont>>();
  /** Characters no face could draw (printed as "?"). */
  readonly missing = new Set<string>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly faces: readonly FontFaceSource[],
  ) {
    doc.registerFontkit(fontkit);
  }

  /** Splits text into runs of one font each. Text is NFC-normalised and control characters dropped. */
  async runs(text: string, bold = false): Promise<TextRun[]> {
    const clean = text.normalize("NFC").replace(/\p{Cc}/gu, " ");
    const runs: Array<{ face: FontFaceSource; text: string }> = [];
    for (const char of clean) {
      const face = this.faceFor(char, bold);
      const use = face ?? this.faceFor("?", bold)!;
      if (!face) this.missing.add(char);
      const last = runs[runs.length - 1];
      if (last && last.face === use) last.text += face ? char : "?";
      else runs.push({ face: use, text: face ? char : "?" });
    }
    return Promise.all(runs.map(async (r) => ({ font: await this.embed(r.face), text: r.text })));
  }

  /**
   * Width of the text at a size, for wrapping and fitting: the sum of each character's advance
   * (cached: fontkit's full layout of a CJK face takes milliseconds per call). Ligatures aside,
   * this is what pdf-lib draws, as it writes glyphs without kerning.
   */
  async width(text: string, size: number, bold = false): Promise<number> {
    let width = 0;
    for (const run of await this.runs(text, bold)) {
      for (const char of run.text) {
        const key = `${run.font.name}\u0000${char}`;
        let w = this.advance.get(key);
        if (w === undefined) {
          w = run.font.widthOfTextAtSize(char, 1000);
          this.advance.set(key, w);
        }
        width += w;
      }
    }
    return (width * size) / 1000;
  }

  private readonly advance = new Map<string, number>();

  /**
   * Breaks text into lines no wider than maxWidth: at spaces, and between Chinese characters; a
   * single word longer than the line is cut.
   */
  async wrap(text: string, size: number, maxWidth: number, bold = false): Promise<string[]> {
    const tokens = text.normalize("NFC").match(/[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g) ?? [];
    const lines: string[] = [];
    let line = "";
    for (const token of tokens) {
      const candidate = line + token;
      if (line && (await this.width(candidate.trimEnd(), size, bold)) > maxWidth) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line = candidate;
      while ((await this.width(line, size, bold)) > maxWidth && [...line].length > 1) {
        const chars = [...line];
        let cut = chars.length - 1;
        while (cut > 1 && (await this.width(chars.slice(0, cut).join(""), size, bold)) > maxWidth) cut--;
        lines.push(chars.slice(0, cut).join(""));
        line = chars.slice(cut).join("");
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
    return lines;
  }

  private readonly faceCache = new Map<string, FontFaceSource | undefined>();

  private faceFor(char: string, bold: boolean): FontFaceSource | undefined {
    const key = `${bold ? "b" : "r"}${char}`;
    if (!this.faceCache.has(key)) this.faceCache.set(key, this.findFace(char, bold));
    return this.faceCache.get(key);
  }

  private findFace(char: string, bold: boolean): FontFaceSource | undefined {
    const cp = char.codePointAt(0)!;
    const weights: Array<400 | 700> = bold ? [700, 400] : [400];
    for (const weight of weights) {
      for (const face of this.faces) {
        if (face.weight !== weight || !face.ranges.some(([a, b]) => cp >= a && cp <= b)) continue;
        if (loadFace(face).has(cp)) return face;
      }
    }
    return undefined;
  }

  private embed(face: FontFaceSource): Promise<PDFFont> {
    let font = this.embedded.get(face.name);
    if (!font) {
      // ccmp off: Noto's glyph composition splits "ị" into a base and a dot-below glyph that has no
      // code point, which pdf-lib maps to a control character in the text layer ("ị\u0002").
      // Text is NFC, and the precomposed glyphs are what we want drawn.
      font = this.doc.embedFont(loadFace(face).bytes, { subset: true, customName: face.name, features: { ccmp: false } });
      this.embedded.set(face.name, font);
    }
    return font;
  }
}

/**
 * Converts a WOFF 1.0 file to the plain TrueType/OpenType font it wraps (W3C WOFF 1.0, section 5):
 * each table is stored zlib-compressed unless compression would not shrink it. Anything that is not
 * WOFF is returned unchanged.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || view.getUint32(0) !== 0x774f4646 /* "wOFF" */) return woff;
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables: Array<{ tag: number; checksum: number; data: Uint8Array }> = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const tag = view.getUint32(entry);
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const checksum = view.getUint32(entry + 16);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored;
    if (data.byteLength !== origLength) throw new Error(`Corrupt WOFF table ${tag.toString(16)}`);
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const headerLength = 12 + 16 * numTables;
  const total = tables.reduce((n, t) => n + ((t.data.byteLength + 3) & ~3), headerLength);
  const out = new Uint8Array(total);
  const o = new DataView(out.buffer);
  let power = 1;
  let log = 0;
  while (power * 2 <= numTables) {
    power *= 2;
    log++;
  }
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, power * 16);
  o.setUint16(8, log);
  o.setUint16(10, numTables * 16 - power * 16);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const record = 12 + i * 16;
    o.setUint32(record, t.tag);
    o.setUint32(record + 4, t.checksum);
    o.setUint32(record + 8, offset);
    o.setUint32(record + 12, t.data.byteLength);
    out.set(t.data, offset);
    offset += (t.data.byteLength + 3) & ~3;
  });
  return out;
}
