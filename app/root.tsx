import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches } from "@remix-run/react";

/**
 * Routes that export `handle = { hydrate: false }` (the customer portal) are server-rendered
 * documents: no <Scripts/> and no <ScrollRestoration/>, so the page ships no JavaScript at all;
 * their forms are plain HTML forms posting to the route's action.
 */
function useDocumentOptions(): { hydrate: boolean; lang: string } {
  const matches = useMatches();
  const hydrate = !matches.some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  let lang = "en";
  for (const match of matches) {
    const data = match.data as { layout?: { htmlLang?: unknown } } | undefined;
    if (typeof data?.layout?.htmlLang === "string") lang = data.layout.htmlLang;
  }
  return { hydrate, lang };
}

export default function App() {
  const { hydrate, lang } = useDocumentOptions();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        {hydrate ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
      </body>
    </html>
  );
}
