import { GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../../../simulator/admin-schema";
import {
  isReturnReason,
  isShopperReturnReason,
  RETURN_DECLINE_REASONS,
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
