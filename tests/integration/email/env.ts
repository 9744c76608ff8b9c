// Imported first by every email test file: the app's configuration, a Redis key prefix of its own,
// no Resend key from the machine (each test builds its provider explicitly).
import { randomUUID } from "node:crypto";

export const API_KEY = "email-test-key";
export const API_SECRET = "email-test-secret";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const QUEUE_PREFIX = `crossdock-email-test-${process.pid}-${randomUUID().slice(0, 8)}`;
export const EMAIL_FROM = "Crossdock <notify@crossdock.test>";

process.env.SHOPIFY_API_KEY = API_KEY;
process.env.SHOPIFY_API_SECRET = API_SECRET;
process.env.SHOPIFY_APP_URL = "https://crossdock.example.com";
process.env.JOBS_QUEUE_PREFIX = QUEUE_PREFIX;
process.env.EMAIL_FROM = EMAIL_FROM;
delete process.env.REDIS_URL;
delete process.env.CROSSDOCK_DEMO;
delete process.env.RESEND_API_KEY;
delete process.env.RESEND_BASE_URL;
