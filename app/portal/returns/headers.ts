/**
 * The return pages' headers function: the portal's one (Cache-Control, Vary and Retry-After kept on
 * documents, error pages included; Remix otherwise keeps only a loader's Set-Cookie).
 */
export { portalHeaders as portalDocumentHeaders } from "../index";
