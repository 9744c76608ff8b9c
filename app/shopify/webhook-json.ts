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
