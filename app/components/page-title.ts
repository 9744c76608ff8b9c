import type { MetaFunction } from "@remix-run/node";

/** The browser tab's title of an admin page: "Returns · Crossdock". */
export function adminTitle(...parts: string[]): ReturnType<MetaFunction> {
  return [{ title: [...parts.filter(Boolean), "Crossdock"].join(" · ") }];
}
