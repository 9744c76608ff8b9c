// Imported first by the returns desk's integration tests: the app's configuration (no Redis: the
// in-process job driver runs webhooks and emails), before any app module reads it.
export const API_KEY = "returns-desk-test-key";
export const API_SECRET = "returns-desk-test-secret";
export const APP = "https://crossdock.example.com";
export const EMAIL_FROM = "Crossdock <notify@crossdock.test>";

Object.assign(process.env, { SHOPIFY_API_KEY: API_KEY, SHOPIFY_API_SECRET: API_SECRET, SHOPIFY_APP_URL: APP, EMAIL_FROM, LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" });
delete process.env.REDIS_URL;
delete process.env.CROSSDOCK_DEMO;
delete process.env.RESEND_API_KEY;
