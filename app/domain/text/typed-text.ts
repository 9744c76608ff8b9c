// Text a person typed (a shopper's return note, a merchant's form field), checked before anything
// stores it or sends it to Shopify. PostgreSQL refuses a NUL in text and jsonb (and a lone
// surrogate in jsonb); Shopify's API accepts both, so a note that reached Shopify first used to fail
// afterwards, once Shopify had already acted on it.

/**
 * Characters no form field should carry: C0 controls other than tab, line feed and carriage return
 * (a textarea submits new lines as CR LF), DEL and the C1 controls.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A UTF-16 surrogate without its partner: with the `u` flag, \p{Cs} matches only unpaired ones. */
const LONE_SURROGATE = /\p{Cs}/u;

export type TypedTextProblem = "CONTROL_CHARACTER" | "LONE_SURROGATE" | "TOO_LONG";

/** Why `text` cannot be kept as it is (checked in this order), or null when it can. */
export function typedTextProblem(text: string, maxLength: number): TypedTextProblem | null {
  if (CONTROL_CHARACTER.test(text)) return "CONTROL_CHARACTER";
  if (LONE_SURROGATE.test(text)) return "LONE_SURROGATE";
  // UTF-16 code units, the stricter count (an emoji is two): text within it is within any other.
  if (text.length > maxLength) return "TOO_LONG";
  return null;
}
