/** A mutation's userErrors entry, shaped like Shopify's (code only where the error type has one). */
export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

export function fail<T>(field: (string | number)[] | null, message: string, code?: string | null): Outcome<T> {
  return { ok: false, userErrors: [userError(field, message, code)] };
}

export function userError(field: (string | number)[] | null, message: string, code?: string | null): UserError {
  const error: UserError = { field: field ? field.map(String) : null, message };
  if (code !== undefined) error.code = code;
  return error;
}
