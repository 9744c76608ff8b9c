// What a hostile or broken client sends, as fast-check arbitraries, and how it is put on the wire:
// NUL and other control characters, lone surrogates (sent as the bytes a UTF-16 → UTF-8 encoder
// without checks writes), overlong strings, deep JSON, values of the wrong type, duplicated fields,
// files where text belongs, bodies that are not forms, headers that are too long or nonsense.
import fc from "fast-check";

/** 100,000 characters: far past every field's limit, well under the servers' body limits. */
export const OVERLONG = 100_000;

const deepJson = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

/** Values a typed field will not expect: numbers out of range, JSON, words where numbers belong. */
const wrongTypes = [
  "",
  " ",
  "-1",
  "0",
  "1.5",
  "1e309",
  "-0",
  "NaN",
  "Infinity",
  "9007199254740993",
  "99999999999999999999999999",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"x":1}}',
  "[object Object]",
  "gid://shopify/Order/",
  "gid://shopify/Location/0",
  "gid://shopify/Location/1e99",
  "gid://shopify/ProductVariant/-1",
  "../../etc/passwd",
  "%",
  "%00",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "\u202egnp.exe",
  "ǅ\u0301\u0301\u0301",
  "📦",
];

/** Strings made of every UTF-16 code unit, NUL and both surrogate halves often. */
const anyUnits = fc.string({
  unit: fc.oneof(
    fc.constantFrom("\u0000", "\ud800", "\udfff", "\u0007", "\u007f", "\u0085", "\r", "\n", "%", "&", "=", "#", "+", ";", "\ud83d\udce6"),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 30,
});

/** One hostile text value. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...wrongTypes),
  anyUnits,
  fc.constantFrom("a\u0000b", "\u0000", "x\ud800y", "\udc00", "1001\u0000", "#1001\u0000", "mai@example.com\u0000", "\u0000@x.io"),
  fc.constantFrom(OVERLONG, 1_000, 256).map((n) => "9".repeat(n)),
  fc.constant("x".repeat(OVERLONG)),
  fc.constantFrom(200, 10_000).map(deepJson),
);

/** A field's value: a valid one (so that hostile values meet code past the first check) or a hostile one. */
export function fieldValue(valid: readonly string[]): fc.Arbitrary<string> {
  return valid.length ? fc.oneof(fc.constantFrom(...valid), hostileText) : hostileText;
}

export type Fields = [string, string][];

/**
 * Form fields or query parameters: the route's own names (duplicated now and then, in any order)
 * with valid or hostile values, plus names the route does not know.
 */
export function hostileFields(known: Record<string, readonly string[]>, base: Fields = []): fc.Arbitrary<Fields> {
  const names = Object.keys(known);
  const name = names.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostileText.filter((n) => n.length < 200) }) : hostileText.filter((n) => n.length < 200);
  const field = name.chain((n) => fieldValue(known[n] ?? []).map((v): [string, string] => [n, v]));
  return fc.array(field, { maxLength: 6 }).chain((extra) =>
    // The valid base fields, each kept, dropped or duplicated.
    fc.tuple(...base.map((f) => fc.constantFrom<Fields>([f], [], [f, f]))).map((kept) => [...kept.flat(), ...extra]),
  );
}

/** UTF-8 percent-encoding; a lone surrogate goes out as the three bytes an unchecked encoder writes (ED A0 80…). */
export function encodeHostile(text: string): string {
  let out = "";
  for (const part of text.match(/\p{Cs}|\P{Cs}+/gu) ?? []) {
    if (/^\p{Cs}$/u.test(part)) {
      const c = part.charCodeAt(0);
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else out += encodeURIComponent(part);
  }
  return out;
}

export function encodeFields(fields: Fields): string {
  return fields.map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`).join("&");
}

/** Header values a client can put on the wire (ByteStrings without NUL, CR, LF): nonsense, long, Latin-1. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.constantFrom(16_000, 300).map((n) => "a".repeat(n)),
  fc.constantFrom("*", "xx-YY;q=2,,;", "zh-CN;q=abc", "vi", "en-US,en;q=0.9", "\u00ff\u00fe", "multipart/form-data; boundary=", "application/json", "text/plain", "W/\"x\"", "crossdock_portal_csrf=" + "A".repeat(80)),
);

const headerNames = ["Accept-Language", "Cookie", "X-Forwarded-For", "Content-Type", "If-None-Match", "User-Agent", "Accept", "Origin", "Referer", "X-Requested-With"];

export const hostileHeaders: fc.Arbitrary<Fields> = fc.array(
  fc.tuple(fc.constantFrom(...headerNames), headerValue),
  { maxLength: 3 },
);

/** How an action's body is sent. */
export type BodyShape =
  | { kind: "form" }
  | { kind: "multipart" }
  | { kind: "file"; field: string }
  | { kind: "json"; text: string }
  | { kind: "raw"; contentType: string | null; text: string };

export const bodyShape: fc.Arbitrary<BodyShape> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<BodyShape>({ kind: "form" }) },
  { weight: 2, arbitrary: fc.constant<BodyShape>({ kind: "multipart" }) },
  { weight: 1, arbitrary: fc.constantFrom("note", "intent", "orderNumber", "item", "x").map((field): BodyShape => ({ kind: "file", field })) },
  { weight: 1, arbitrary: fc.constantFrom(deepJson(100_000), '{"intent":"approve"}', "[]", '"x"', "3", `{"a":${deepJson(5_000)}}`).map((text): BodyShape => ({ kind: "json", text })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(null, "multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", "application/xml"), fc.constantFrom("", "--x\r\n", "a=%E0%A4%A", "\u0000\u0000", "x".repeat(OVERLONG), "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"))
      .map(([contentType, text]): BodyShape => ({ kind: "raw", contentType, text })),
  },
);

/** The request body (and its Content-Type, when the shape sets one) for fields sent in a shape. */
export function encodeBody(shape: BodyShape, fields: Fields): { body: BodyInit | null; contentType: string | null } {
  switch (shape.kind) {
    case "form":
      return { body: encodeFields(fields), contentType: "application/x-www-form-urlencoded" };
    case "multipart":
    case "file": {
      const form = new FormData();
      for (const [k, v] of fields) form.append(k, v);
      if (shape.kind === "file") form.append(shape.field, new Blob(["%PDF-1.4 not really"], { type: "application/pdf" }), "x.pdf");
      return { body: form, contentType: null };
    }
    case "json":
      return { body: shape.text, contentType: "application/json" };
    case "raw":
      return { body: shape.text, contentType: shape.contentType };
  }
}
