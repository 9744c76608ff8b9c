import type { GraphQLResolveInfo } from "graphql";
import type { ShopState } from "../store/shop-state";
import type { SimulatorStore } from "../store/store";

export interface GraphqlContext {
  store: SimulatorStore;
  shop: ShopState;
  /** The type each interface or union value resolved to, by response path (actual query cost). */
  runtimeTypes?: Map<string, string>;
}

/**
 * A resolver for one field of one type. Sources and args are typed by each resolver; the map
 * accepts them all (a `never` parameter takes any function).
 */
export type Resolver = (source: never, args: never, ctx: GraphqlContext, info: GraphQLResolveInfo) => unknown;
export type ResolverMap = Record<string, Record<string, Resolver>>;
