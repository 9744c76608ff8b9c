// What the routing benchmark (scripts/bench/routing) uses of the routing domain; app code imports the
// modules themselves.
export * from "./types";
export { costModelSchema } from "./cost";
export { haversineKm } from "../geo/geo";
export { builtInStrategy, builtInStrategyNames, type BuiltInStrategyName } from "./strategy";
