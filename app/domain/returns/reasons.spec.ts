import { GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../../../simulator/admin-schema";
import {
  isReturnReason,
  isShopperReturnReason,
  reasonFromHandle,
  RETURN_DECLINE_REASONS,
  RETURN_REASON_HANDLES,
  RETURN_REASONS,
  SHOPPER_RETURN_REASONS,
} from "./reasons";

function enumValues(name: string): string[] {
  const type = loadAdminSchema().getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum in the pinned schema`);
  return type.getValues().map((v) => v.name);
}

describe("return reasons match the pinned Admin schema (simulator/admin-schema)", () => {
  it("ReturnReason", () => {
    expect([...RETURN_REASONS].sort()).toEqual(enumValues("ReturnReason").sort());
  });

  it("ReturnDeclineReason", () => {
    expect([...RETURN_DECLINE_REASONS].sort()).toEqual(enumValues("ReturnDeclineReason").sort());
  });

  it("shoppers choose among every reason but UNKNOWN, each once", () => {
    expect(new Set(SHOPPER_RETURN_REASONS).size).toBe(SHOPPER_RETURN_REASONS.length);
    expect([...SHOPPER_RETURN_REASONS, "UNKNOWN"].sort()).toEqual([...RETURN_REASONS].sort());
  });

  it("guards", () => {
    expect(isReturnReason("UNKNOWN")).toBe(true);
    expect(isShopperReturnReason("UNKNOWN")).toBe(false);
    expect(isShopperReturnReason("SIZE_TOO_SMALL")).toBe(true);
    expect(isReturnReason("size_too_small")).toBe(false);
    expect(isReturnReason(3)).toBe(false);
  });
});

describe("Shopify's reason definitions (handles of the product taxonomy's general reasons)", () => {
  it("each reason has its own handle, and reads back as itself", () => {
    expect(new Set(Object.values(RETURN_REASON_HANDLES)).size).toBe(RETURN_REASONS.length);
    for (const reason of RETURN_REASONS) expect(reasonFromHandle(RETURN_REASON_HANDLES[reason])).toBe(reason);
  });

  it("a category-specific reason counts as OTHER; no definition as UNKNOWN", () => {
    expect(reasonFromHandle("arrived-late")).toBe("OTHER");
    expect(reasonFromHandle("too-tight")).toBe("OTHER");
    expect(reasonFromHandle(null)).toBe("UNKNOWN");
    expect(reasonFromHandle(undefined)).toBe("UNKNOWN");
  });
});
