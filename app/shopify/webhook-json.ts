// Webhook bodies read without losing 64-bit ids. Shopify's numeric ids are 64-bit and its own example
// payloads carry ids above 2^53 (an order 820982911946154508, an inventory item 271878346596884015);
// JSON.parse reads them as the nearest double (…154500, …884000), another order, another item.
// Ids that come with an `admin_graphql_api_id` survive through the GID, but many do not: `order_id`,
// `location_id`, `inventory_item_id`, line item and variant ids in some payloads.
//
// Integers a double cannot hold exactly are kept as their decimal digits (a string): the payload
// schemas read ids as strings anyway (webhook-payloads.ts), and the inbox stores the payload as JSON,
// where a string stays exact. Every other number is what JSON.parse gives. Node 20 has no
// JSON.parse source-text access (Node 21+), so lossless-json's parser reads the body when it has a
// run of 16 digits (every integer above 2^53 has one); other bodies take JSON.parse, the fast path.
import { isInteger, isSafeNumber, parse } from "lossless-json";

const SIXTEEN_DIGITS = /\d{16}/;

function parseNumber(text: string): number | string {
  return isInteger(text) && !isSafeNumber(text) ? text : Number(text);
}

/** A webhook body as JSON, integers beyond 2^53 as exact decimal strings. Throws on invalid JSON. */
export function parseWebhookJson(text: string): unknown {
  if (!SIXTEEN_DIGITS.test(text)) return JSON.parse(text);
  return parse(text, null, parseNumber);
}

/**
 * Deepest nesting of a webhook body Crossdock stores. Shopify's payloads nest a few levels (an
 * order's line item's discount allocation is 4); PostgreSQL's jsonb parser and JSON.stringify both
 * recurse, and fail at a depth that depends on the stack (JSON.stringify at ~10,000 here).
 */
export const MAX_WEBHOOK_JSON_DEPTH = 100;

/** What jsonb refuses in a string or a key: `\u0000`, and an escaped surrogate without its partner. */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;
// eslint-disable-next-line no-control-regex -- NUL is what jsonb refuses
const UNSTORABLE_CHARACTER = /\u0000|\p{Cs}/gu;

export type StorableWebhookJson =
  | { ok: true; payload: unknown; /** Characters replaced by U+FFFD. */ replaced: number }
  | { ok: false; reason: "too-deep" };

/**
 * A parsed webhook body made storable as jsonb, or why it cannot be: a NUL or a lone surrogate in a
 * string or a key becomes U+FFFD (as a UTF-8 decoder does with bytes it cannot read), counted; a
 * body nested deeper than MAX_WEBHOOK_JSON_DEPTH cannot be stored at all. `body` is the raw text:
 * only a body with such an escape is rewritten (JSON cannot carry them unescaped), so the usual
 * delivery is only walked for its depth. `value` is changed in place.
 */
export function storableWebhookJson(value: unknown, body: string): StorableWebhookJson {
  const repair = UNSTORABLE_ESCAPE.test(body);
  let replaced = 0;
  const clean = (text: string) =>
    text.replace(UNSTORABLE_CHARACTER, () => {
      replaced++;
      return "\uFFFD";
    });
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === "string") return repair ? clean(node) : node;
    if (typeof node !== "object" || node === null) return node;
    if (depth >= MAX_WEBHOOK_JSON_DEPTH) throw TOO_DEEP;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = walk(node[i], depth + 1);
      return node;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = walk(record[key], depth + 1);
      const cleanKey = repair ? clean(key) : key;
      if (cleanKey !== key) delete record[key];
      record[cleanKey] = child;
    }
    return record;
  };
  try {
    return { ok: true, payload: walk(value, 0), replaced };
  } catch (error) {
    if (error === TOO_DEEP) return { ok: false, reason: "too-deep" };
    throw error;
  }
}

const TOO_DEEP = new Error("too deep");
