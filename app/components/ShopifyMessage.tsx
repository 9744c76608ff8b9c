import { shopifyMessageText } from "~/domain/text/shopify-message";

/**
 * Shopify's own words for a refusal, which are English: folded away under a label that says so in
 * the staff member's language ("Shopify's message (in English)"), without ids or codes.
 */
export function ShopifyMessage({ messages, label }: { messages: readonly string[]; label: string }) {
  const said = [...new Set(messages.map(shopifyMessageText).filter(Boolean))];
  if (said.length === 0) return null;
  return (
    <details>
      <summary>{label}</summary>
      {said.map((m) => (
        <p key={m} lang="en" style={{ overflowWrap: "anywhere" }}>
          {m}
        </p>
      ))}
    </details>
  );
}
