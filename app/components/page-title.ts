import type { MetaFunction } from "@remix-run/node";

/** The browser tab's title of an admin page: "Returns · Crossdock". */
export function adminTitle(...parts: string[]): ReturnType<MetaFunction> {
  return [{ title: [...parts.filter(Boolean), "Crossdock"].join(" · ") }];
}

type Nav = { home: string; items: { url: string; label: string }[] };

/**
 * An area's name as the menu says it, in the staff member's language: the app layout's loader
 * (routes/app) says the menu's words, so a page's title needs no loader of its own to be translated.
 */
export function menuWord(matches: readonly { id: string; data?: unknown }[] | undefined, url: string, fallback: string): string {
  const nav = (matches?.find((m) => m.id === "routes/app")?.data as { nav?: Nav } | undefined)?.nav;
  if (!nav) return fallback;
  return url === "/app" ? nav.home : (nav.items.find((item) => item.url === url)?.label ?? fallback);
}
