export * from "./availability";
export * from "./pickup-attribute";
export * from "./postal-code";
export * from "./query";
export * from "./status";
export * from "./types";
