/** The form field carrying the CSRF token (client-safe copy of csrf.server.ts's CSRF_FIELD). */
export const CSRF_FIELD_NAME = "_csrf";
