// Imported first by the bad-input tests: the app's configuration, before any app module reads it.
// No Redis: jobs go to a recording driver (the tests are about what a request stores, not what runs).
export const API_KEY = "bad-input-test-key";
export const API_SECRET = "bad-input-test-secret";
export const APP = "https://crossdock.example.com";

Object.assign(process.env, { SHOPIFY_API_KEY: API_KEY, SHOPIFY_API_SECRET: API_SECRET, SHOPIFY_APP_URL: APP, LOG_LEVEL: "silent" });
delete process.env.REDIS_URL;
delete process.env.CROSSDOCK_DEMO;
delete process.env.RESEND_API_KEY;
