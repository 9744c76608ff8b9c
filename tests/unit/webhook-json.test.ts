// Webhook bodies read without losing 64-bit ids (app/shopify/webhook-json.ts). The numbers are those
// of Shopify's own example payloads (tests/fixtures/webhooks/sources.md): an order 820982911946154508,
// a line item 141249953214522974, a shipping line and an inventory item 271878346596884015.
import { describe, expect, it } from "vitest";
import { parseWebhookJson } from "~/shopify/webhook-json";
import { inventoryUpdateFromPayload, orderSnapshotFromPayload, riskAssessmentChangedPayloadSchema } from "~/shopify/webhook-payloads";

describe("parseWebhookJson", () => {
  it("keeps integers above 2^53 as their exact digits; JSON.parse does not", () => {
    const body = '{"id":820982911946154508,"line_items":[{"id":141249953214522974,"quantity":1}],"shipping_lines":[{"id":271878346596884015}]}';
    expect(String((JSON.parse(body) as { id: number }).id)).toBe("820982911946154500");
    expect(parseWebhookJson(body)).toEqual({ id: "820982911946154508", line_items: [{ id: "141249953214522974", quantity: 1 }], shipping_lines: [{ id: "271878346596884015" }] });
  });

  it("gives every other number what JSON.parse gives: safe integers, decimals, negatives, exponents", () => {
    const body = '{"a":9007199254740991,"b":-9007199254740991,"c":1.5,"d":0,"e":-3,"f":1e3,"g":"9007199254740993","h":[12.25,null,true],"i":1234567890123456789.5}';
    expect(parseWebhookJson(body)).toEqual(JSON.parse(body));
    expect(parseWebhookJson('{"n":-9007199254740993}')).toEqual({ n: "-9007199254740993" });
  });

  it("refuses what is not JSON, as JSON.parse does", () => {
    expect(() => parseWebhookJson('{"id":820982911946154508')).toThrow(SyntaxError);
    expect(() => parseWebhookJson("{")).toThrow(SyntaxError);
  });

  it("the payload readers take the exact digits: an order, its line's variant, a stock level", () => {
    const order = parseWebhookJson(
      '{"id":820982911946154508,"name":"#9999","created_at":"2021-12-31T19:00:00-05:00","line_items":[{"id":141249953214522974,"variant_id":808950810,"product_id":788032119674292922,"quantity":1,"sku":"IPOD2008PINK","title":"IPod Nano - 8GB","price":"199.00"}]}',
    );
    const snapshot = orderSnapshotFromPayload(order, new Date());
    expect(snapshot.shopifyId).toBe("gid://shopify/Order/820982911946154508");
    expect(snapshot.legacyResourceId).toBe("820982911946154508");
    expect(snapshot.lineItems[0]).toMatchObject({ id: "gid://shopify/LineItem/141249953214522974", variantId: "gid://shopify/ProductVariant/808950810", productId: "gid://shopify/Product/788032119674292922" });

    const level = parseWebhookJson(
      '{"inventory_item_id":271878346596884015,"location_id":24826418,"available":null,"updated_at":"2021-12-31T19:00:00-05:00","admin_graphql_api_id":"gid://shopify/InventoryLevel/24826418?inventory_item_id=271878346596884015"}',
    );
    expect(inventoryUpdateFromPayload(level, new Date())).toMatchObject({
      inventoryItemId: "gid://shopify/InventoryItem/271878346596884015",
      locationShopifyId: "gid://shopify/Location/24826418",
      available: null,
    });
  });

  it("orders/risk_assessment_changed names its order by GID, else by its id (exact digits, or a string); the example's nulls name none", () => {
    const orderOf = (body: string) => riskAssessmentChangedPayloadSchema.parse(parseWebhookJson(body)).orderId;
    const example = '{"provider_id":null,"provider_title":null,"risk_level":"medium","created_at":null,"order_id":null,"admin_graphql_api_order_id":null}';
    expect(orderOf(example)).toBeNull();
    expect(orderOf('{"risk_level":"low","order_id":820982911946154508,"admin_graphql_api_order_id":null}')).toBe("gid://shopify/Order/820982911946154508");
    expect(orderOf('{"risk_level":"low","order_id":"450789469","admin_graphql_api_order_id":null}')).toBe("gid://shopify/Order/450789469");
    expect(orderOf('{"risk_level":"low","order_id":1,"admin_graphql_api_order_id":"gid://shopify/Order/820982911946154508"}')).toBe("gid://shopify/Order/820982911946154508");
  });
});
