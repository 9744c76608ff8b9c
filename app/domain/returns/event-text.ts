/**
 * The fixed English texts the returns timeline stores (Shopify's own changes, the portal's note),
 * each under the key the admin says it by (admin-return-detail `eventText.<key>`): the page shows
 * the staff member's language for these, and the stored text only for what a person typed.
 */
export const EVENT_TEXT = {
  submittedInPortal: "Submitted through the customer portal",
  reopenedInShopify: "Reopened in Shopify",
  approvedInShopify: "Approved in Shopify",
  processedInShopify: "Processed in Shopify (every item confirmed)",
  receivedInShopify: "Received in Shopify (every item has a disposition)",
  closedInShopify: "Closed in Shopify",
  canceledInShopify: "Canceled in Shopify",
  deliveryAdded: "Reverse delivery added in Shopify",
} as const;

export type EventTextKey = keyof typeof EVENT_TEXT;

/** The key of a stored fixed text, or null for anything else (a note, a name, a rule's reason). */
export function eventTextKey(message: string): EventTextKey | null {
  for (const [key, text] of Object.entries(EVENT_TEXT)) if (text === message) return key as EventTextKey;
  return null;
}
