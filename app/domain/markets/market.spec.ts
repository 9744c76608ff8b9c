import { describe, expect, it } from "vitest";
import { marketOfCountry, marketsOfCountry, type ShopMarket } from "./market";

const market = (id: string, name: string, countries: string[], active = true): ShopMarket => ({ id, name, active, countries });
const us = market("1", "United States", ["US"]);
const apac = market("2", "Asia-Pacific", ["CN", "HK", "JP", "VN", "SG"]);
const vietnam = market("3", "Vietnam", ["VN"]);
const europe = market("4", "Europe", ["DE", "FR"], false);

describe("marketOfCountry", () => {
  it("finds the market whose countries hold the shopper's (any case)", () => {
    expect(marketOfCountry("us", [apac, us])?.name).toBe("United States");
    expect(marketOfCountry("JP", [apac, us])?.name).toBe("Asia-Pacific");
  });

  it("prefers the most specific market: a submarket over its parent, whatever the order", () => {
    expect(marketOfCountry("VN", [apac, vietnam])?.name).toBe("Vietnam");
    expect(marketOfCountry("VN", [vietnam, apac])?.name).toBe("Vietnam");
    expect(marketOfCountry("CN", [vietnam, apac])?.name).toBe("Asia-Pacific");
  });

  it("lists every active market of the country, most specific first", () => {
    expect(marketsOfCountry("VN", [apac, europe, vietnam, us]).map((m) => m.name)).toEqual(["Vietnam", "Asia-Pacific"]);
  });

  it("breaks a tie between equally specific markets by name", () => {
    expect(marketOfCountry("VN", [market("9", "Viet B", ["VN"]), market("8", "Viet A", ["VN"])])?.name).toBe("Viet A");
  });

  it("skips draft markets, and answers null for an unknown or missing country", () => {
    expect(marketOfCountry("DE", [us, europe])).toBeNull();
    expect(marketOfCountry("BR", [us, apac])).toBeNull();
    expect(marketOfCountry(null, [us])).toBeNull();
    expect(marketOfCountry(" ", [us])).toBeNull();
  });
});
