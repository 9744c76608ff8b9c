// Imported first by every pipeline test file: the app's configuration, and a Redis key prefix of
// its own so that test files running in parallel never see each other's queues.
import { randomUUID } from "node:crypto";

export const API_KEY = "pipeline-test-key";
export const API_SECRET = "pipeline-test-secret";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const QUEUE_PREFIX = `crossdock-test-${process.pid}-${randomUUID().slice(0, 8)}`;

process.env.SHOPIFY_API_KEY = API_KEY;
process.env.SHOPIFY_API_SECRET = API_SECRET;
process.env.SHOPIFY_APP_URL = "https://crossdock.example.com";
process.env.JOBS_QUEUE_PREFIX = QUEUE_PREFIX;
// The web process's driver is installed by each test (installJobDriver); none is built from env.
delete process.env.REDIS_URL;
delete process.env.CROSSDOCK_DEMO;
