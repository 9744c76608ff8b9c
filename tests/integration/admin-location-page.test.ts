// A location's page (app/routes/app.locations.$id.tsx): its routing settings and the staff's
// "Pause routing here", called as Remix calls the action with Shopify admin's session token, on the
// worker's PostgreSQL database (the bad-input harness: the simulator's demo shop, locations synced).
import "./bad-input/env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { buildRequest, changedTables, invoke, snapshot, SHOP, startHarness, type Answer, type Harness, type RouteModule } from "./bad-input/harness";
import type { RouteSpec } from "./bad-input/routes";

let harness: Harness;
let route: RouteModule;
let id: string;

beforeAll(async () => {
  harness = await startHarness();
  route = (await import("~/routes/app.locations.$id")) as RouteModule;
  id = harness.known.locationId;
}, 120_000);
afterAll(() => harness?.close());

const spec: RouteSpec = { surface: "admin", path: "/app/locations/:id" };

async function call(handler: "loader" | "action", form: [string, string][], locale = "en"): Promise<Answer> {
  const request = await buildRequest(spec, { action: handler === "action", params: { id }, query: [["locale", locale]], form, shape: { kind: "form" }, headers: [], csrf: "missing", signature: "valid", proxyShop: SHOP });
  return invoke(route[handler]!, request, { id });
}

const row = () => prisma.location.findUniqueOrThrow({ where: { id } });
const body = (answer: Answer) => JSON.parse(answer.text) as { message: string | null; error: string | null; errors: Record<string, string> };

describe("the location page", () => {
  beforeEach(async () => {
    await prisma.location.update({ where: { id }, data: { priority: 100, dailyCapacity: null, stockBuffer: null, tags: [], routingPausedAt: null, routingPausedBy: null, routingPausedNote: null } });
  });

  it("saves the routing settings and says so (the toast's words, in the staff member's language)", async () => {
    const answer = await call("action", [["intent", "save"], ["kind", "STORE"], ["priority", "3"], ["dailyCapacity", "40"], ["stockBuffer", ""], ["tags", "north, big"]], "vi");
    expect(answer.status).toBe(200);
    expect(body(answer)).toMatchObject({ message: "Đã lưu cài đặt định tuyến", error: null });
    expect(await row()).toMatchObject({ kind: "STORE", priority: 3, dailyCapacity: 40, tags: ["north", "big"] });
  });

  it("answers 422 with each wrong field in words, never zod's, and writes nothing", async () => {
    const before = await snapshot();
    const bad: [string, string][] = [["intent", "save"], ["kind", "WAREHOUSE"], ["priority", "-1"], ["dailyCapacity", "2.5"], ["stockBuffer", "lots"], ["tags", `ok, ${"x".repeat(41)}`]];
    const en = await call("action", bad);
    expect(en.status).toBe(422);
    expect(body(en)).toEqual({
      message: null,
      error: "The settings were not saved",
      errors: {
        priority: "Priority: enter 0 or more.",
        dailyCapacity: "Daily capacity (orders): enter a whole number.",
        stockBuffer: "Stock buffer (units per product): enter a number.",
        tags: "Tags: use at most 40 characters.",
      },
    });
    const zh = body(await call("action", bad, "zh-CN"));
    expect(zh.error).toBe("设置未保存");
    expect(zh.errors.priority).toMatch(/^优先级：/);
    expect(JSON.stringify([en.text, zh])).not.toMatch(/Too small|expected|>=|invalid_type/);
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it("pauses routing with the staff's note and who/when, resumes it, and shows it on the page", async () => {
    const paused = await call("action", [["intent", "pause"], ["note", "Flooded"]]);
    expect(paused.status).toBe(200);
    const name = (await row()).name;
    expect(body(paused).message).toBe(`Routing paused at ${name}`);
    expect(await row()).toMatchObject({ routingPausedAt: expect.any(Date), routingPausedBy: expect.stringContaining("@"), routingPausedNote: "Flooded" });
    const view = JSON.parse((await call("loader", [], "vi")).text) as { paused: { since: string; note: string } | null };
    expect(view.paused).toMatchObject({ since: expect.stringMatching(/đã tạm dừng lúc/), note: "Ghi chú: Flooded" });

    const resumed = await call("action", [["intent", "resume"]], "zh-CN");
    expect(body(resumed).message).toBe(`已恢复向${name}分配订单`);
    expect(await row()).toMatchObject({ routingPausedAt: null, routingPausedBy: null, routingPausedNote: null });
    expect((JSON.parse((await call("loader", [])).text) as { paused: unknown }).paused).toBeNull();
  });

  it("refuses a note it cannot keep (422, in words) and an intent it does not know (400), writing nothing", async () => {
    const before = await snapshot();
    const long = await call("action", [["intent", "pause"], ["note", "x".repeat(201)]], "vi");
    expect(long.status).toBe(422);
    expect(body(long).errors).toEqual({ pauseNote: "Ghi chú: dùng tối đa 200 ký tự." });
    const control = await call("action", [["intent", "pause"], ["note", "a\u0007b"]]);
    expect(control.status).toBe(422);
    expect(body(control).errors).toEqual({ pauseNote: "Note: check this value." });
    const unknown = await call("action", [["intent", "delete"]]);
    expect(unknown.status).toBe(400);
    expect(body(unknown).error).toBe("That request is not understood. Reload the page and try again.");
    expect(changedTables(before, await snapshot())).toEqual([]);
    expect((await row()).routingPausedAt).toBeNull();
  });
});
