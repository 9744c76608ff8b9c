// Issue 12: hostile input on the embedded admin's pages and forms (a staff member's session):
// see every-route.test.ts for the list of routes.
import { afterAll, beforeAll, describe } from "vitest";
import { startHarness, type Harness } from "./harness";
import { routeProperty } from "./run";
import { routesOf } from "./routes";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

describe("the admin", () => {
  for (const [file, spec] of routesOf(["admin"])) routeProperty(file, spec, () => harness);
});
