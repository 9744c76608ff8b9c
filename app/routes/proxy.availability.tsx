import type { LoaderFunctionArgs } from "@remix-run/node";
import { availabilityEndpoint } from "~/http/availability-endpoint.server";
import { toFetchResponse } from "~/http/plain-response";

// App proxy → {app}/proxy/availability: live stock of a variant per location (app/http/availability-endpoint.server.ts).
// `npm start` answers this path before Remix (app/http/hot-paths.server.ts); this route serves it everywhere else.
export async function loader({ request }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams;
  return toFetchResponse(await availabilityEndpoint({ query, ifNoneMatch: request.headers.get("If-None-Match") }));
}
