// Who is asking: the address a per-client limit (the portal lookup's per-IP limit) is keyed on.
//
// Only Crossdock's own HTTP servers know the socket a request came in on (`npm start`,
// scripts/serve.ts, and the Vite dev server, vite.config.ts): they write it into PEER_ADDRESS_HEADER
// on every request, replacing whatever a client sent under that name, before Remix builds the Fetch
// Request the loaders see.
//
// From there, the client is found the way Express's numeric `trust proxy` finds it: the socket
// address, or, behind TRUSTED_PROXY_COUNT proxies of the operator's (a load balancer, a CDN), the
// X-Forwarded-For entry the outermost of them appended, counted from the right. Entries further left
// were written by whoever sent the request and are never believed. Through Shopify's app proxy
// (a request whose signature was verified), Shopify is one more trusted hop: it forwards the
// shopper's address in X-Forwarded-For ("Client IP … X-Forwarded-For", shopify.dev/docs/apps/build/
// online-store/app-proxies/authenticate-app-proxies), so the shopper, not Shopify's egress address
// shared by every shopper, is the one counted.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** Set by Crossdock's HTTP servers from the socket; a client's own value is overwritten. */
export const PEER_ADDRESS_HEADER = "x-crossdock-peer-address";

/** Called by the HTTP servers on every request, before anything reads its headers. */
export function stampPeerAddress(req: IncomingMessage): void {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}

export class NoPeerAddress extends Error {
  override name = "NoPeerAddress";
  constructor() {
    super(`No ${PEER_ADDRESS_HEADER} on the request: it did not come through Crossdock's server (npm start or the dev server)`);
  }
}

/** "::ffff:203.0.113.9" (an IPv4 client on a dual-stack socket) is 203.0.113.9. */
function normalise(address: string): string | null {
  const trimmed = address.trim();
  const plain = trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(plain) ? plain.toLowerCase() : null;
}

export interface ClientAddressOptions {
  /** Proxies of the operator's in front of Crossdock (env TRUSTED_PROXY_COUNT). */
  trustedProxies: number;
  /** The request came through Shopify's app proxy and its signature was verified. */
  viaShopifyAppProxy?: boolean;
}

/**
 * The client's address. Throws NoPeerAddress when the server did not stamp the socket address: no
 * request is ever counted in a bucket shared by everyone.
 */
export function clientAddress(request: Request, options: ClientAddressOptions): string {
  const peer = normalise(request.headers.get(PEER_ADDRESS_HEADER) ?? "");
  if (!peer) throw new NoPeerAddress();
  const hops = options.trustedProxies + (options.viaShopifyAppProxy ? 1 : 0);
  if (hops === 0) return peer;
  // [socket, last X-Forwarded-For entry, the one before, …]: the i-th was written by trusted hop i.
  const forwarded = (request.headers.get("X-Forwarded-For") ?? "").split(",").reverse();
  let client = peer;
  for (let hop = 1; hop <= hops && hop <= forwarded.length; hop++) {
    const entry = normalise(forwarded[hop - 1]!);
    // A trusted proxy wrote something that is not an address (or nothing): stop at the last good one.
    if (!entry) break;
    client = entry;
  }
  return client;
}
