import { availabilityLoader } from "~/http/availability-endpoint.server";

// App proxy → {app}/proxy/availability: live stock of a variant per location (app/http/availability-endpoint.server.ts).
// `npm start` answers this path before Remix (app/http/hot-paths.server.ts); this route serves it everywhere else.
export const loader = availabilityLoader;
