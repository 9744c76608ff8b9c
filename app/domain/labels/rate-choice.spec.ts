import { describe, expect, it } from "vitest";
import { chooseRate, type OfferedRate } from "./rate-choice";

const rate = (id: string, carrier: string, service: string, price: string, days: number | null, currency = "USD"): OfferedRate => ({ id, carrier, service, rate: price, currency, delivery_days: days });

const RATES = [
  rate("ground", "USPS", "GroundAdvantage", "6.07", 5),
  rate("priority", "USPS", "Priority", "9.35", 2),
  rate("express", "USPS", "Express", "31.25", 1),
  rate("ups-ground", "UPS", "Ground", "12.48", 4),
  rate("media", "USPS", "MediaMail", "4.10", 8),
  rate("unknown-days", "LSO", "Saver", "3.00", null),
];

describe("chooseRate", () => {
  it("takes the cheapest rate of all for economy, even one with no promised days", () => {
    expect(chooseRate(RATES, "economy")?.id).toBe("unknown-days");
  });

  it("takes the cheapest rate within 5 days for standard", () => {
    expect(chooseRate(RATES, "standard")?.id).toBe("ground");
  });

  it("takes the cheapest rate within 2 days for express, not the fastest", () => {
    expect(chooseRate(RATES, "express")?.id).toBe("priority");
  });

  it("compares prices as money, not as strings ('10.00' is dearer than '9.35')", () => {
    expect(chooseRate([rate("a", "X", "A", "10.00", 1), rate("b", "Y", "B", "9.35", 1)], "express")?.id).toBe("b");
  });

  it("breaks a tie in price by speed, then by name", () => {
    expect(chooseRate([rate("slow", "A", "S", "5.00", 4), rate("fast", "B", "F", "5.00", 2)], "standard")?.id).toBe("fast");
    expect(chooseRate([rate("b", "B", "S", "5.00", 2), rate("a", "A", "S", "5.00", 2)], "standard")?.id).toBe("a");
  });

  it("ignores rates in another currency or with no price", () => {
    expect(chooseRate([rate("cad", "X", "A", "1.00", 1, "CAD"), rate("bad", "X", "B", "n/a", 1), rate("usd", "X", "C", "7.00", 1)], "express")?.id).toBe("usd");
  });

  it("answers null when nothing fits", () => {
    expect(chooseRate([], "economy")).toBeNull();
    expect(chooseRate([rate("slow", "USPS", "MediaMail", "4.10", 8)], "express")).toBeNull();
  });
});
