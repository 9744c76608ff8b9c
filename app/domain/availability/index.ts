export * from "./availability";
export * from "./distance";
export * from "./pickup-attribute";
export * from "../geo/postal-code";
export * from "./query";
export * from "./status";
export * from "./types";
