// The daily-capacity rule's load on a real database: "today" is the shop's day (midnight in its
// time zone, as the dashboard counts days), not UTC's.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { loadOrdersToday } from "~/services/routing-context.server";
import { createTestShop, resetDatabase } from "../../setup/db";

const L1 = "gid://shopify/Location/1";

async function applied(shop: Shop, n: number, decidedAt: string) {
  await prisma.routingDecision.create({
    data: {
      shopId: shop.id,
      orderId: `gid://shopify/Order/${n}`,
      orderName: `#${1000 + n}`,
      revision: 1,
      trigger: "orders/create",
      status: "APPLIED",
      shippingLocationIds: [L1],
      decidedAt: new Date(decidedAt),
    },
  });
}

beforeEach(async () => {
  await resetDatabase();
});

describe("loadOrdersToday", () => {
  it("a shop in Asia/Ho_Chi_Minh at 23:30 UTC counts the orders since 17:00 UTC (its midnight), not since 00:00 UTC", async () => {
    const shop = await createTestShop({ timezone: "Asia/Ho_Chi_Minh" });
    await applied(shop, 1, "2026-11-20T08:00:00Z"); // 15:00 on the 20th in Ho Chi Minh City: yesterday
    await applied(shop, 2, "2026-11-20T16:59:00Z"); // 23:59 on the 20th: yesterday
    await applied(shop, 3, "2026-11-20T17:00:00Z"); // 00:00 on the 21st: today
    await applied(shop, 4, "2026-11-20T23:00:00Z"); // 06:00 on the 21st: today
    expect(await loadOrdersToday(shop, new Date("2026-11-20T23:30:00Z"))).toEqual({ [L1]: 2 });
  });

  it("a shop west of Greenwich keeps yesterday evening's UTC-morning orders in its day", async () => {
    const shop = await createTestShop({ timezone: "America/New_York" });
    await applied(shop, 1, "2026-11-20T04:00:00Z"); // 23:00 on the 19th in New York: yesterday
    await applied(shop, 2, "2026-11-21T02:00:00Z"); // 21:00 on the 20th: today (a new UTC day)
    expect(await loadOrdersToday(shop, new Date("2026-11-21T03:00:00Z"))).toEqual({ [L1]: 1 });
    await applied(shop, 3, "2026-11-20T06:00:00Z"); // 01:00 on the 20th: today
    expect(await loadOrdersToday(shop, new Date("2026-11-21T03:00:00Z"))).toEqual({ [L1]: 2 });
  });
});
