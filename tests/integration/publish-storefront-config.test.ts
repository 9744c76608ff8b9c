// The theme block's endpoint reaches the storefront as an app-data metafield written by the app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { getAppMetafield, setAppMetafields, SET_APP_METAFIELDS_MUTATION } from "~/shopify/app-metafields";
import { PROXY_PATH_METAFIELD, publishStorefrontConfig } from "~/services/publish-storefront-config.server";
import { SHOP } from "../simulator/fixture-seed";
import { startTestSimulator, TOKEN, type TestSimulator } from "../simulator/helpers";
import { simulatorAdminGraphql } from "../support/simulator-admin";

let t: TestSimulator;
const graphql: AdminGraphql = simulatorAdminGraphql(() => t.sim.url, SHOP, TOKEN);

beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

describe("publishStorefrontConfig", () => {
  it("publishes the app proxy's storefront path from shopify.app.toml, and overwrites on the next run", async () => {
    expect(await getAppMetafield(graphql, PROXY_PATH_METAFIELD.namespace, PROXY_PATH_METAFIELD.key)).toBeNull();
    await setAppMetafields(graphql, [{ ...PROXY_PATH_METAFIELD, type: "single_line_text_field", value: "/apps/old" }]);
    await publishStorefrontConfig(graphql);
    expect(await getAppMetafield(graphql, "crossdock", "proxy_path")).toBe("/apps/crossdock");
  });

  it("is refused for another owner (the simulator follows Shopify's userErrors)", async () => {
    const body = await t.gql(SET_APP_METAFIELDS_MUTATION, {
      metafields: [{ ownerId: "gid://shopify/Product/1", namespace: "crossdock", key: "x", type: "single_line_text_field", value: "y" }],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.metafieldsSet.userErrors).toEqual([expect.objectContaining({ field: ["metafields", "0", "ownerId"] })]);
  });
});
