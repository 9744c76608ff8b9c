// Issue 12: bad input never gives a 5xx and never half-writes, on every public route. The list of
// routes (routes.ts) is checked against app/routes/ here, so a new route file fails this test until
// it is listed with what it takes. The properties are split by surface over three files for time:
// webhooks and the site's own pages here; the portal and app proxy in portal.test.ts; the admin in
// admin.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness";
import { routeProperty } from "./run";
import { ROUTES, routeFiles, routesOf } from "./routes";

describe("the list of public routes", () => {
  it("names every route file in app/routes/, and nothing else", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(routeFiles());
  });

  it("gives a reason for every route it leaves out", () => {
    for (const [file, entry] of Object.entries(ROUTES)) if ("excluded" in entry) expect(entry.excluded.length, file).toBeGreaterThan(20);
  });
});

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

describe("webhooks and the site's own pages", () => {
  for (const [file, spec] of routesOf(["webhook", "site"])) routeProperty(file, spec, () => harness);
});
