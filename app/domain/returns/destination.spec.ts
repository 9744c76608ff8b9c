import { describe, expect, it } from "vitest";
import {
  chooseReturnDestination,
  DEFAULT_DESTINATION_SETTINGS,
  dropOffInstructionsFor,
  offeredDropOffStores,
  receivesMailReturns,
  returnDestinationSettingsSchema,
  type DestinationLocation,
  type ReturnDestinationSettings,
} from "./destination";

const loc = (id: string, countryCode: string, lat: number, lon: number, extra: Partial<DestinationLocation> = {}): DestinationLocation => ({
  id,
  name: id,
  countryCode,
  latitude: lat,
  longitude: lon,
  isActive: true,
  fulfillsOnlineOrders: true,
  pickupEnabled: false,
  ...extra,
});

// The demo shop's shape: two US warehouses, one Vietnamese, stores with pickup in both countries.
const edison = loc("edison", "US", 40.52, -74.41);
const reno = loc("reno", "US", 39.53, -119.81);
const binhDuong = loc("binh-duong", "VN", 11.05, 106.68);
const soho = loc("soho", "US", 40.7233, -73.9985, { pickupEnabled: true });
const williamsburg = loc("williamsburg", "US", 40.7081, -73.9571, { pickupEnabled: true });
const hayes = loc("hayes", "US", 37.7764, -122.4242, { pickupEnabled: true });
const quan1 = loc("quan-1", "VN", 10.7769, 106.7009, { pickupEnabled: true });
const locations = [binhDuong, edison, reno, soho, williamsburg, hayes, quan1];

const newYork = { countryCode: "US", point: { lat: 40.7484, lon: -73.9857 } };
const saigon = { countryCode: "VN", point: { lat: 10.78, lon: 106.69 } };
const settings = (over: Partial<ReturnDestinationSettings> = {}): ReturnDestinationSettings => ({ ...DEFAULT_DESTINATION_SETTINGS, ...over });

describe("chooseReturnDestination", () => {
  it("sends a New York shopper's return to the nearest US warehouse, not to Vietnam", () => {
    expect(chooseReturnDestination(newYork, locations, settings())).toMatchObject({ locationId: "edison", reason: "nearest" });
  });

  it("sends a Vietnamese shopper's return to the Vietnamese warehouse", () => {
    expect(chooseReturnDestination(saigon, locations, settings())).toMatchObject({ locationId: "binh-duong", reason: "nearest" });
  });

  it("uses the merchant's rule for the country before distance", () => {
    const choice = chooseReturnDestination(newYork, locations, settings({ rules: [{ country: "US", locationId: "reno" }] }));
    expect(choice).toMatchObject({ locationId: "reno", reason: "rule" });
  });

  it("ignores a rule whose location is inactive", () => {
    const closed = { ...reno, isActive: false };
    const choice = chooseReturnDestination(newYork, [binhDuong, edison, closed], settings({ rules: [{ country: "US", locationId: "reno" }] }));
    expect(choice).toMatchObject({ locationId: "edison", reason: "nearest" });
  });

  it("falls back to the merchant's choice when no location in the shopper's country receives returns", () => {
    const germany = { countryCode: "DE", point: { lat: 52.52, lon: 13.4 } };
    expect(chooseReturnDestination(germany, locations, settings({ fallbackLocationId: "reno" }))).toMatchObject({ locationId: "reno", reason: "fallback" });
    expect(chooseReturnDestination(germany, locations, settings())).toBeNull();
  });

  it("takes only the merchant's receiving locations once any is ticked", () => {
    const choice = chooseReturnDestination(newYork, locations, settings({ mailReturnLocationIds: ["reno", "williamsburg"] }));
    expect(choice).toMatchObject({ locationId: "williamsburg", reason: "nearest" });
  });

  it("picks by name in the shopper's country when the shopper has no position", () => {
    expect(chooseReturnDestination({ countryCode: "US", point: null }, locations, settings())).toMatchObject({ locationId: "edison", reason: "in-country", distanceKm: null });
  });
});

describe("receivesMailReturns", () => {
  it("by default: active locations shipping online orders without local pickup", () => {
    expect(receivesMailReturns(edison, [])).toBe(true);
    expect(receivesMailReturns(soho, [])).toBe(false);
    expect(receivesMailReturns({ ...edison, fulfillsOnlineOrders: false }, [])).toBe(false);
    expect(receivesMailReturns({ ...edison, isActive: false }, ["edison"])).toBe(false);
    expect(receivesMailReturns(soho, ["soho"])).toBe(true);
  });
});

describe("offeredDropOffStores", () => {
  it("offers only stores in the shopper's country within the distance, nearest first", () => {
    const offered = offeredDropOffStores(newYork, locations, 50).map((s) => s.location.id);
    expect(offered).toEqual(["soho", "williamsburg"]);
  });

  it("never offers a store in another country, however far the limit", () => {
    const offered = offeredDropOffStores(saigon, locations, 20_000).map((s) => s.location.id);
    expect(offered).toEqual(["quan-1"]);
  });

  it("keeps same-country stores whose distance cannot be measured, after the measured ones", () => {
    const noPosition = { ...hayes, latitude: null, longitude: null };
    const offered = offeredDropOffStores(newYork, [noPosition, soho], 50).map((s) => [s.location.id, s.distanceKm != null]);
    expect(offered).toEqual([
      ["soho", true],
      ["hayes", false],
    ]);
  });
});

describe("returnDestinationSettingsSchema", () => {
  it("upper-cases countries, refuses a country twice and a distance out of range", () => {
    const ok = returnDestinationSettingsSchema.parse({ rules: [{ country: "us", locationId: "edison" }], dropOffMaxDistanceKm: "25" });
    expect(ok.rules).toEqual([{ country: "US", locationId: "edison" }]);
    expect(ok.dropOffMaxDistanceKm).toBe(25);
    const twice = returnDestinationSettingsSchema.safeParse({ rules: [{ country: "US", locationId: "a" }, { country: "us", locationId: "b" }] });
    expect(twice.success).toBe(false);
    expect(returnDestinationSettingsSchema.safeParse({ dropOffMaxDistanceKm: 0 }).success).toBe(false);
    expect(returnDestinationSettingsSchema.safeParse({ dropOffMaxDistanceKm: "ten" }).success).toBe(false);
  });

  it("keeps instructions per language, trimmed, and drops blanks and unknown languages", () => {
    const parsed = returnDestinationSettingsSchema.parse({ dropOffInstructions: { en: " Ask at the till ", vi: "  ", fr: "Bonjour" } });
    expect(parsed.dropOffInstructions).toEqual({ en: "Ask at the till" });
    expect(dropOffInstructionsFor(parsed.dropOffInstructions, "en")).toBe("Ask at the till");
    expect(dropOffInstructionsFor(parsed.dropOffInstructions, "vi")).toBeNull();
  });
});

describe("chooseReturnDestination with Shopify markets", () => {
  const tokyo = loc("tokyo", "JP", 35.68, 139.69);
  const shanghai = { countryCode: "CN", point: { lat: 31.22, lon: 121.45 } };
  const hanoi = { countryCode: "VN", point: { lat: 21.03, lon: 105.84 } };
  const apac = { id: "gid://shopify/Market/3", name: "Asia-Pacific", active: true, countries: ["CN", "HK", "JP", "KR", "SG", "TW", "VN"] };
  const vietnam = { id: "gid://shopify/Market/2", name: "Vietnam", active: true, countries: ["VN"] };
  const markets = [vietnam, apac];
  const all = [...locations, tokyo];

  it("sends a shopper in any country of a market to the market's location (a market of many countries)", () => {
    const ruled = settings({ rules: [{ market: apac.id, locationId: "tokyo" }] });
    expect(chooseReturnDestination(shanghai, all, ruled, markets)).toMatchObject({ locationId: "tokyo", reason: "market-rule", market: { id: apac.id, name: "Asia-Pacific" } });
  });

  it("prefers the country's rule over its market's rule", () => {
    const both = settings({ rules: [{ market: apac.id, locationId: "tokyo" }, { country: "CN", locationId: "binh-duong" }] });
    expect(chooseReturnDestination(shanghai, all, both, markets)).toMatchObject({ locationId: "binh-duong", reason: "rule" });
    expect(chooseReturnDestination(shanghai, all, both, markets)?.market).toBeUndefined();
  });

  it("takes the most specific market's rule: Vietnam's, not Asia-Pacific's, for a Vietnamese shopper", () => {
    const rules = settings({ rules: [{ market: apac.id, locationId: "tokyo" }, { market: vietnam.id, locationId: "quan-1" }] });
    expect(chooseReturnDestination(hanoi, all, rules, markets)).toMatchObject({ locationId: "quan-1", reason: "market-rule", market: { name: "Vietnam" } });
  });

  it("uses the parent market's rule when the country's own market has none", () => {
    const rules = settings({ rules: [{ market: apac.id, locationId: "tokyo" }] });
    expect(chooseReturnDestination(hanoi, all, rules, markets)).toMatchObject({ locationId: "tokyo", reason: "market-rule", market: { name: "Asia-Pacific" } });
    expect(chooseReturnDestination(hanoi, all, settings(), markets)).toMatchObject({ locationId: "binh-duong", reason: "nearest" });
  });

  it("then the nearest location in the country, then the fallback, when no market holds the country", () => {
    const rules = settings({ rules: [{ market: apac.id, locationId: "tokyo" }], fallbackLocationId: "edison" });
    expect(chooseReturnDestination(newYork, all, rules, markets)).toMatchObject({ locationId: "edison", reason: "nearest" });
    const berlin = { countryCode: "DE", point: { lat: 52.52, lon: 13.4 } };
    expect(chooseReturnDestination(berlin, all, rules, markets)).toMatchObject({ locationId: "edison", reason: "fallback" });
    expect(chooseReturnDestination({ countryCode: null, point: null }, all, rules, markets)).toMatchObject({ reason: "fallback" });
  });

  it("ignores a market rule whose market is in draft or whose location is inactive", () => {
    const rules = settings({ rules: [{ market: apac.id, locationId: "tokyo" }], fallbackLocationId: "edison" });
    expect(chooseReturnDestination(shanghai, all, rules, [{ ...apac, active: false }])).toMatchObject({ reason: "fallback" });
    expect(chooseReturnDestination(shanghai, [...locations, { ...tokyo, isActive: false }], rules, markets)).toMatchObject({ reason: "fallback" });
  });
});

describe("returnDestinationSettingsSchema with market rules", () => {
  it("reads rules stored before markets (a country each) and rules naming a market", () => {
    const parsed = returnDestinationSettingsSchema.parse({ rules: [{ country: "vn", locationId: "quan-1" }, { market: "gid://shopify/Market/3", locationId: "tokyo" }] });
    expect(parsed.rules).toEqual([{ country: "VN", locationId: "quan-1" }, { market: "gid://shopify/Market/3", locationId: "tokyo" }]);
  });

  it("refuses a second rule for the same market, a rule naming neither or both", () => {
    const twice = returnDestinationSettingsSchema.safeParse({ rules: [{ market: "m", locationId: "a" }, { market: "m", locationId: "b" }] });
    expect(twice.error?.issues.map((i) => [i.path, i.message])).toEqual([[["rules", 1, "market"], "MARKET_TWICE"]]);
    expect(returnDestinationSettingsSchema.safeParse({ rules: [{ locationId: "a" }] }).error?.issues[0]?.message).toBe("COUNTRY_INVALID");
    expect(returnDestinationSettingsSchema.safeParse({ rules: [{ market: " ", locationId: "a" }] }).error?.issues[0]?.message).toBe("MARKET_REQUIRED");
    expect(returnDestinationSettingsSchema.safeParse({ rules: [{ country: "US", market: "m", locationId: "a" }] }).success).toBe(false);
  });
});
