// Property: whatever JSON a signed webhook carries, storableWebhookJson gives either a value jsonb
// accepts (no NUL, no lone surrogate, in strings or keys) or "too-deep" — never an exception
// (app/shopify/webhook-json.ts; the route-level cases are tests/integration/pipeline/bad-bodies.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_JSON_DEPTH, parseWebhookJson, storableWebhookJson } from "~/shopify/webhook-json";

// eslint-disable-next-line no-control-regex -- what jsonb refuses
const UNSTORABLE = /\u0000|\p{Cs}/u;

/** Strings drawn from every UTF-16 code unit, so NUL and both surrogate halves come up often. */
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom("\u0000", "\ud800", "\udfff", "\ud83d\udce6"), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))) });
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie("value")), fc.dictionary(anyText, tie("value"))),
})).value;

describe("storableWebhookJson", () => {
  it("any body JSON.stringify can write comes out storable, and unchanged where it already was", () => {
    fc.assert(
      fc.property(fc.dictionary(anyText, json), (payload) => {
        const body = JSON.stringify(payload);
        const result = storableWebhookJson(parseWebhookJson(body), body);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const stored = JSON.stringify(result.payload);
        expect(UNSTORABLE.test(stored.replace(/\\u[0-9a-f]{4}/gi, (e) => String.fromCharCode(parseInt(e.slice(2), 16))))).toBe(false);
        if (!UNSTORABLE.test(body) && !/\\u(0000|d[89a-f])/i.test(body)) expect(result.payload).toEqual(JSON.parse(body));
      }),
      { numRuns: 300 },
    );
  });

  it("depth: up to the limit is kept, one more is too deep, whatever the mix of arrays and objects", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: MAX_WEBHOOK_JSON_DEPTH - 1, maxLength: MAX_WEBHOOK_JSON_DEPTH + 1 }), (shape) => {
        let body = "1";
        for (const isArray of shape) body = isArray ? `[${body}]` : `{"k":${body}}`;
        body = `{"a":${body}}`;
        const result = storableWebhookJson(JSON.parse(body), body);
        expect(result.ok).toBe(shape.length + 1 <= MAX_WEBHOOK_JSON_DEPTH);
      }),
      { numRuns: 100 },
    );
  });
});
