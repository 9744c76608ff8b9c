import { describe, expect, it } from "vitest";
import { variantSearchText } from "./cart-variants";

describe("variantSearchText", () => {
  it("keeps titles and SKUs as free-text words", () => {
    expect(variantSearchText("  Organic   Cotton Tee ")).toBe("Organic Cotton Tee");
    expect(variantSearchText("LP-TEE-XS-WHIT")).toBe("LP-TEE-XS-WHIT");
  });

  it("drops Shopify search syntax: fields, quotes, parentheses, negation, boolean operators", () => {
    expect(variantSearchText('sku:LP-MUG "stoneware" (mug)')).toBe("sku LP-MUG stoneware mug");
    expect(variantSearchText("-status OR tee AND NOT mug")).toBe("status tee mug");
    expect(variantSearchText(` " ( ) : \\ `)).toBe("");
  });
});
