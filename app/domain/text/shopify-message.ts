/**
 * Shopify's own words for a refusal (a mutation's `userErrors[].message`) are English: the admin
 * shows them as such, labelled "Shopify's message (in English)", under a disclosure. What Shopify
 * may put in them that no merchant should read is taken out here: the operation's name Crossdock's
 * AdminUserError puts in front ("fulfillmentOrderMove: …"), ids (gid://shopify/…) and enum codes
 * (FINAL_SALE becomes "final sale", MAIL "mail"). Pure.
 */
const OPERATION = /^[a-z][A-Za-z]+: /;
const GID = /\s*\(?\bgid:\/\/shopify\/[A-Za-z]+\/[^\s,;.)]+\)?/g;
/** A code: capitals joined by underscores, or one capital word of four letters or more (never an acronym below). */
const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{4,}\b/g;
const ACRONYMS = new Set(["HTTP", "HTTPS", "JSON", "HTML", "UUID", "ISBN"]);

export function shopifyMessageText(message: string): string {
  return message
    .split(/;\s*/)
    .map((part) =>
      part
        .replace(OPERATION, "")
        .replace(GID, "")
        .replace(CODE, (code) => (ACRONYMS.has(code) ? code : code.toLowerCase().replaceAll("_", " ")))
        .replace(/\s{2,}/g, " ")
        .trim(),
    )
    .filter(Boolean)
    .join("; ");
}
