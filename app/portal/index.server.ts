// Server-side API of the customer portal: see the comment at the top of ./index.ts.
export { resolvePortalRequest, type PortalContext, type PortalMode } from "./context.server";
export {
  issueOrderAccessToken,
  verifyOrderAccessToken,
  checkOrderAccessToken,
  signUrl,
  verifySignedUrl,
  checkSignedUrl,
  ORDER_ACCESS_TTL_SECONDS,
} from "./tokens.server";
export { verifyCsrf, checkCsrf, CSRF_FIELD, CSRF_COOKIE } from "./csrf.server";
export { lookupRateLimiter, installLookupRateLimiter, memoryLookupLimiter, redisLookupLimiter } from "./rate-limit.server";
