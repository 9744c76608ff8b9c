import pino from "pino";

/** Structured logs (JSON lines) for the web process, the worker and the scripts. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "crossdock" },
  redact: ["accessToken", "*.accessToken", "headers.authorization", "headers.cookie"],
});
