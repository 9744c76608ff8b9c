export { renderReturnEmail } from "./returns";
export * from "./types";
