import type { HeadersFunction } from "@remix-run/node";

/**
 * The portal's own response headers (Cache-Control: private, no-store; Vary) kept on documents,
 * error pages included: Remix otherwise keeps only a loader's Set-Cookie on a document response.
 */
export const portalDocumentHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const source = errorHeaders ?? (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);
  const out = new Headers();
  for (const name of ["Cache-Control", "Vary"]) {
    const value = source.get(name);
    if (value) out.set(name, value);
  }
  return out;
};
