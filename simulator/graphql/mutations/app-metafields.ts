/**
 * The app's own installation and its app-data metafields (what a theme app extension reads as
 * `app.metafields.<namespace>.<key>`): `currentAppInstallation { id metafield(namespace, key) }`
 * and `metafieldsSet` on that owner. Other owners are refused with a userError.
 */
import type { ShopState } from "../../store/shop-state";
import type { GraphqlContext, ResolverMap } from "../context";

interface MetafieldRecord {
  __typename: "Metafield";
  id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  ownerType: "API_PERMISSION";
  createdAt: string;
  updatedAt: string;
}

const metafields = new WeakMap<ShopState, Map<string, MetafieldRecord>>();
let nextId = 1;

function ofShop(shop: ShopState): Map<string, MetafieldRecord> {
  let map = metafields.get(shop);
  if (!map) metafields.set(shop, (map = new Map()));
  return map;
}

const installationId = (shop: ShopState) => `gid://shopify/AppInstallation/${shop.shop.id}`;

export const appMetafieldResolvers: ResolverMap = {
  QueryRoot: {
    currentAppInstallation: (_s: unknown, _a: unknown, ctx: GraphqlContext) => ({ __typename: "AppInstallation", shopState: ctx.shop, id: installationId(ctx.shop) }),
  },
  AppInstallation: {
    metafield: (installation: { shopState: ShopState }, args: { namespace?: string | null; key: string }) =>
      ofShop(installation.shopState).get(`${args.namespace ?? "$app"}.${args.key}`) ?? null,
  },
  Mutation: {
    metafieldsSet: (
      _s: unknown,
      args: { metafields: { ownerId: string; namespace?: string | null; key: string; type?: string | null; value: string }[] },
      ctx: GraphqlContext,
    ) => {
      const userErrors = args.metafields.flatMap((m, index) =>
        m.ownerId === installationId(ctx.shop)
          ? []
          : [{ __typename: "MetafieldsSetUserError", field: ["metafields", String(index), "ownerId"], message: "Owner does not exist.", code: "INVALID_VALUE", elementIndex: null }],
      );
      if (userErrors.length > 0) return { metafields: null, userErrors };
      const now = new Date().toISOString();
      const stored = args.metafields.map((m) => {
        const key = `${m.namespace ?? "$app"}.${m.key}`;
        const existing = ofShop(ctx.shop).get(key);
        const record: MetafieldRecord = {
          __typename: "Metafield",
          id: existing?.id ?? `gid://shopify/Metafield/${nextId++}`,
          namespace: m.namespace ?? "$app",
          key: m.key,
          type: m.type ?? existing?.type ?? "single_line_text_field",
          value: m.value,
          ownerType: "API_PERMISSION",
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        ofShop(ctx.shop).set(key, record);
        return record;
      });
      return { metafields: stored, userErrors: [] };
    },
  },
};
