export * from "./compare";
export * from "./format";
export * from "./percentile";
export * from "./period";
export * from "./returns";
export * from "./routing";
